"""What each API endpoint and page shows, as plain JSON-ready dicts.

The JSON API returns these dicts; the HTML pages render the same dicts with
templates, so both always show the same facts.  Every fact carries its
article id and character offsets (provenance).
"""

from __future__ import annotations

from typing import Any

from ..archive import DateRange
from ..errors import ChronikError
from . import params, queries
from .directory import Directory, Entity, QuoteRecord, TimexRecord
from .ids import check_doc_id, check_entity_id
from .names import named_mentions
from .state import WebState

MAX_SEARCH_HITS = 1000  # deepest hit a search page can reach
ENTITY_LIST_MAX = 50  # quotes and roles listed on one entity page


def article_ref(directory: Directory, index: int) -> dict[str, Any]:
    ref = directory.article(index)
    return {"id": ref.doc_id, "date": ref.date, "title": ref.title}


def stats(state: WebState) -> dict[str, Any]:
    result = state.archive().stats().to_dict()
    directory = state.directory()
    result["entities"] = len(directory.entities)
    return result


def search(state: WebState, query: str, dates: DateRange, page: params.Page) -> dict[str, Any]:
    if not query:
        raise ChronikError("E501", name="q", reason="give at least one word to search for.")
    wanted = page.offset + page.size
    if wanted > MAX_SEARCH_HITS:
        raise ChronikError("E501", name="page", reason=f"search results end at hit {MAX_SEARCH_HITS}; narrow the query.")
    hits = state.archive().search(query, dates, wanted + 1)
    shown = hits[page.offset : wanted]
    return {
        "query": query,
        "from": str(dates.start) if dates.start else None,
        "to": str(dates.end) if dates.end else None,
        "page": page.number,
        "size": page.size,
        "has_more": len(hits) > wanted,
        "hits": [hit.to_dict() for hit in shown],
    }


def articles(state: WebState, dates: DateRange, page: params.Page) -> dict[str, Any]:
    total, items = queries.list_articles(state.archive(), dates, page.offset, page.size)
    return {**page.to_dict(total), "articles": items}


def article(state: WebState, doc_id: str) -> dict[str, Any]:
    archive = state.archive()
    analysis = archive.analysis_dict(check_doc_id(doc_id))
    directory = state.directory()
    doc = dict(analysis["document"])
    doc_id = doc["id"]
    result: dict[str, Any] = {"document": doc, "pipeline": analysis.get("pipeline"), "sentences": analysis.get("sentences", [])}
    result["mentions"] = [
        {"start": m.start, "end": m.end, "text": m.text, "type": m.type, "name": m.name,
         "entity_id": directory.mention_entity(m.type, m.name, m.text)}
        for m in named_mentions(analysis)
    ]
    result["quotes"] = [
        quote_dict(directory, directory.quotes[directory.quote_index[f"{doc_id}-{q['start']}-{q['end']}"]])
        if f"{doc_id}-{q['start']}-{q['end']}" in directory.quote_index else q
        for q in analysis.get("quotes", [])
    ]
    result["timexes"] = [
        {"id": f"{doc_id}-{t['start']}-{t['end']}", **t} for t in analysis.get("timexes", [])
    ]
    result["roles"] = [
        {**r, "entity_id": directory.find_entity("PER", r.get("person") or "")} for r in analysis.get("roles", [])
    ]
    # Layers the web does not know yet (events, ...) are passed on as stored.
    known = {"schema", "pipeline", "document", "sentences", "tokens", "mentions", "quotes", "timexes", "roles"}
    result["other_layers"] = {k: v for k, v in analysis.items() if k not in known and isinstance(v, list)}
    return result


def entity_summary(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id, "type": entity.type, "name": entity.name,
        "mentions": entity.mentions, "articles": len(entity.articles),
        "quotes_by": len(entity.quotes_by), "quotes_about": len(entity.quotes_about),
        "aliases": [alias for alias, _ in entity.aliases.most_common()],
    }


def entities(state: WebState, query: str, kind: str, page: params.Page) -> dict[str, Any]:
    directory = state.directory()
    needle = query.casefold()
    found = [
        e for e in directory.entities.values()
        if (not kind or e.type == kind) and (not needle or any(needle in a.casefold() for a in (e.name, *e.aliases)))
    ]
    found.sort(key=lambda e: (-e.mentions, e.name))
    return {**page.to_dict(len(found)), "entities": [entity_summary(e) for e in page.slice(found)]}


def entity(state: WebState, entity_id: str) -> dict[str, Any]:
    directory = state.directory()
    found = directory.entity(check_entity_id(entity_id))
    if found is None:
        raise ChronikError("E502", kind="entity", item_id=entity_id)
    roles = sorted(found.roles, key=lambda r: (directory.article(r.article).earliest or "", r.start))
    timeline = sorted(found.articles.items(), key=lambda item: (directory.article(item[0]).earliest or "", item[0]))
    return {
        **entity_summary(found),
        "redirected_from": entity_id if entity_id != found.id else None,
        "alias_counts": dict(found.aliases.most_common()),
        "roles": [
            {"role": r.role, "role_lemma": r.role_lemma, "of": r.of, "date": r.date,
             "article": article_ref(directory, r.article), "start": r.start, "end": r.end, "sentence": r.sentence}
            for r in roles[:ENTITY_LIST_MAX]
        ],
        "timeline": [{"article": article_ref(directory, index), "mentions": count} for index, count in timeline],
        "neighbours": [
            {**entity_summary(directory.entities[key]), "shared_sentences": count}
            for key, count in found.neighbours.most_common(20) if key in directory.entities
        ],
        "quotes_by_items": [quote_dict(directory, directory.quotes[n]) for n in found.quotes_by[:ENTITY_LIST_MAX]],
        "quotes_about_items": [quote_dict(directory, directory.quotes[n]) for n in found.quotes_about[:ENTITY_LIST_MAX]],
    }


def quote_dict(directory: Directory, quote: QuoteRecord) -> dict[str, Any]:
    result = {
        "id": quote.id, "article": article_ref(directory, quote.article), "start": quote.start, "end": quote.end,
        "form": quote.form, "stwr": quote.stwr, "speaker": quote.speaker, "speaker_id": quote.speaker_id,
        "source_text": quote.source_text, "cue_text": quote.cue_text, "text": quote.text,
        "sentence": quote.sentence, "is_nested": quote.is_nested, "about": quote.about,
    }
    if quote.corrected:
        result["corrected"] = quote.corrected
    return result


def quotes(state: WebState, speaker: str, entity_id: str, words: str, form: str, dates: DateRange,
           page: params.Page) -> dict[str, Any]:
    directory = state.directory()
    wanted_entity = None
    if entity_id:
        found = directory.entity(check_entity_id(entity_id))
        wanted_entity = found.id if found else "-"
    speaker_l, words_l = speaker.casefold(), words.casefold()
    found_quotes = []
    for quote in directory.quotes:
        ref = directory.article(quote.article)
        if (form and quote.form != form) or (speaker_l and speaker_l not in quote.speaker.casefold()):
            continue
        if wanted_entity and quote.speaker_id != wanted_entity:
            continue
        if words_l and words_l not in quote.text.casefold():
            continue
        if not params.overlaps(ref.earliest, ref.latest, dates):
            continue
        found_quotes.append(quote)
    found_quotes.sort(key=lambda q: (directory.article(q.article).earliest or "", q.start), reverse=True)
    return {**page.to_dict(len(found_quotes)), "quotes": [quote_dict(directory, q) for q in page.slice(found_quotes)]}


def quote(state: WebState, quote_id: str) -> dict[str, Any]:
    directory = state.directory()
    index = directory.quote_index.get(quote_id)
    if index is None:
        raise ChronikError("E502", kind="quote", item_id=quote_id[:80])
    return quote_dict(directory, directory.quotes[index])


def timex_dict(directory: Directory, timex: TimexRecord) -> dict[str, Any]:
    return {
        "id": timex.id, "article": article_ref(directory, timex.article), "start": timex.start, "end": timex.end,
        "text": timex.text, "type": timex.type, "value": timex.value, "earliest": timex.earliest,
        "latest": timex.latest, "anchor": timex.anchor, "sentence": timex.sentence,
    }


def timexes(state: WebState, kind: str, value: str, dates: DateRange, page: params.Page) -> dict[str, Any]:
    """Time expressions whose resolved interval overlaps the date range."""
    directory = state.directory()
    found = [
        t for t in directory.timexes
        if (not kind or t.type == kind) and (not value or t.value.startswith(value))
        and params.overlaps(t.earliest, t.latest, dates)
    ]
    found.sort(key=lambda t: (t.earliest or "", t.id))
    return {**page.to_dict(len(found)), "timexes": [timex_dict(directory, t) for t in page.slice(found)]}


def events(state: WebState, dates: DateRange, page: params.Page) -> dict[str, Any]:
    """Events as their layer stores them, once an events component runs."""
    directory = state.directory()
    found = [
        e for e in directory.events
        if params.overlaps(directory.article(e["article"]).earliest, directory.article(e["article"]).latest, dates)
    ]
    items = [{**{k: v for k, v in e.items() if k != "article"}, "article": article_ref(directory, e["article"])}
             for e in page.slice(found)]
    return {**page.to_dict(len(found)), "events": items}
