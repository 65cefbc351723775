"""What each API endpoint and page shows, as plain JSON-ready dicts.

The JSON API returns these dicts; the HTML pages render the same dicts with
templates, so both always show the same facts.  Every fact carries its
article id and character offsets (provenance).
"""

from __future__ import annotations

from typing import Any

from ..archive import DateRange
from ..errors import ChronikError
from . import index_queries as iq
from . import params, queries
from .ids import check_doc_id, check_entity_id, entity_id
from .index_rows import mention_raw
from .names import named_mentions
from .state import WebState

MAX_SEARCH_HITS = 1000  # deepest hit a search page can reach
# An entity page is an overview: its lists show the first items and link to
# the full, paged lists (quote finder, articles naming the entity).  Longer
# lists made every page cost more to read and to render for what a reader
# takes in at a glance (and sits folded away below the chart).
ENTITY_LIST_MAX = 50  # roles listed on one entity page
ENTITY_QUOTES_MAX = 20  # quotes by and quotes about the entity
TIMELINE_MAX = 50  # articles listed on one entity's timeline (the chart shows all)


def stats(state: WebState) -> dict[str, Any]:
    result = state.archive().stats().to_dict()
    result["entities"] = state.index().execute("SELECT COUNT(*) FROM entities").fetchone()[0]
    return result


def search(state: WebState, query: str, dates: DateRange, page: params.Page) -> dict[str, Any]:
    if not query:
        raise ChronikError("E501", name="q", reason="give at least one word to search for.")
    wanted = page.offset + page.size
    if wanted > MAX_SEARCH_HITS:
        raise ChronikError("E501", name="page", reason=f"search results end at hit {MAX_SEARCH_HITS}; narrow the query.")
    hits = state.search(query, dates, wanted + 1)
    shown = hits[page.offset : wanted]
    return {
        "query": query,
        "from": str(dates.start) if dates.start else None,
        "to": str(dates.end) if dates.end else None,
        "page": page.number,
        "size": page.size,
        "has_more": len(hits) > wanted,
        "hits": shown,
    }


def articles(state: WebState, dates: DateRange, page: params.Page, entity_id_: str = "") -> dict[str, Any]:
    if entity_id_:
        index, row = _find_entity(state, entity_id_)
        total, items = iq.articles_naming(index, iq.members(index, row["id"]), dates, page.offset, page.size)
    else:
        total, items = queries.list_articles(state.archive(), dates, page.offset, page.size)
    return {**page.to_dict(total), "articles": items}


def _splits(state: WebState) -> frozenset[tuple[str, str]]:
    return frozenset((c.entity, c.alias) for c in state.corrections() if c.kind == "split")


def article(state: WebState, doc_id: str) -> dict[str, Any]:
    analysis = state.archive().analysis_dict(check_doc_id(doc_id))
    index = state.index()
    splits = _splits(state)
    doc = dict(analysis["document"])
    canonical = queries.canonical_of_article(state.archive(), doc["id"])  # the archive's entities
    result: dict[str, Any] = {"document": doc, "pipeline": analysis.get("pipeline"), "sentences": analysis.get("sentences", [])}
    result["mentions"] = [
        {"start": m.start, "end": m.end, "text": m.text, "type": m.type, "name": m.name,
         "entity_id": iq.resolve(index, mention_raw(m, splits, canonical)[0])}
        for m in named_mentions(analysis)
    ]
    if index.execute("SELECT 1 FROM articles WHERE doc_id = ?", (doc["id"],)).fetchone():
        result["quotes"] = iq.quotes_of_article(index, doc["id"], state.corrections())
    else:  # stored a moment ago, not indexed yet: the quotes as analysed, speakers unlinked
        result["quotes"] = [{"id": f"{doc['id']}-{q['start']}-{q['end']}", "speaker_id": None, **q}
                            for q in analysis.get("quotes", [])]
    result["timexes"] = [{"id": f"{doc['id']}-{t['start']}-{t['end']}", **t} for t in analysis.get("timexes", [])]
    result["roles"] = [
        {**r, "entity_id": iq.resolve(index, entity_id("PER", r.get("person") or ""))} for r in analysis.get("roles", [])
    ]
    # Layers the web does not know yet (events, ...) are passed on as stored.
    known = {"schema", "pipeline", "document", "sentences", "tokens", "mentions", "quotes", "timexes", "roles"}
    result["other_layers"] = {k: v for k, v in analysis.items() if k not in known and isinstance(v, list)}
    return result


def _with_aliases(index, entity: dict[str, Any]) -> dict[str, Any]:
    counts = iq.aliases(index, entity["id"])
    return {**entity, "aliases": [alias for alias, _ in counts]}


def entities(state: WebState, query: str, kind: str, page: params.Page) -> dict[str, Any]:
    index = state.index()
    total, rows = iq.list_entities(index, query, kind, page.offset, page.size)
    return {**page.to_dict(total), "entities": [_with_aliases(index, e) for e in rows]}


def _find_entity(state: WebState, wanted: str) -> tuple[Any, dict[str, Any]]:
    index = state.index()
    found = iq.resolve(index, check_entity_id(wanted))
    row = iq.entity_row(index, found) if found else None
    if row is None:
        raise ChronikError("E502", kind="entity", item_id=wanted)
    return index, row


def _neighbours(index, entity_id_: str, size: int) -> list[dict[str, Any]]:
    ranked = iq.neighbours(index, entity_id_, size)
    rows = iq.entity_rows(index, [other for other, _ in ranked])
    return [{**rows[other], "shared_sentences": count} for other, count in ranked if other in rows]


def entity(state: WebState, wanted: str) -> dict[str, Any]:
    index, row = _find_entity(state, wanted)
    raws = iq.members(index, row["id"])
    corrections = state.corrections()
    # Totals summed at index time; a speaker correction naming this entity makes the page count.
    by_known, about_total = iq.quote_counts(index, row["id"])
    fixed = any(c.kind == "speaker" for c in corrections)
    by_total, by_items = iq.list_quotes(index, {"speaker_raws": raws, "speaker_name": row["name"]}, corrections,
                                        0, ENTITY_QUOTES_MAX, None if fixed else by_known)
    about_total, about_items = iq.quotes_about(index, raws, corrections, ENTITY_QUOTES_MAX, about_total)
    alias_counts = iq.aliases(index, row["id"])
    neighbours = _neighbours(index, row["id"], 20)
    return {
        **row,
        "aliases": [alias for alias, _ in alias_counts],
        "alias_counts": dict(alias_counts),
        "redirected_from": wanted if wanted != row["id"] else None,
        "quotes_by": by_total,
        "quotes_about": about_total,
        "roles": iq.roles(index, raws, ENTITY_LIST_MAX),
        "timeline": iq.timeline(index, raws, TIMELINE_MAX),
        "months": [{"month": month, "mentions": count} for month, count in iq.monthly(index, row["id"])],
        "neighbours": neighbours,
        "quotes_by_items": by_items,
        "quotes_about_items": about_items,
    }


def quotes(state: WebState, speaker: str, entity_id_: str, words: str, form: str, dates: DateRange,
           page: params.Page) -> dict[str, Any]:
    filters: dict[str, Any] = {"speaker": speaker, "words": words, "form": form, "dates": dates}
    if entity_id_:
        index, row = _find_entity(state, entity_id_)
        filters["speaker_raws"] = iq.members(index, row["id"])
        filters["speaker_name"] = row["name"]
    total, items = iq.list_quotes(state.index(), filters, state.corrections(), page.offset, page.size)
    return {**page.to_dict(total), "quotes": items}


def quote(state: WebState, quote_id: str) -> dict[str, Any]:
    found = iq.quote(state.index(), quote_id[:80], state.corrections())
    if found is None:
        raise ChronikError("E502", kind="quote", item_id=quote_id[:80])
    return found


def timexes(state: WebState, kind: str, value: str, dates: DateRange, page: params.Page) -> dict[str, Any]:
    """Time expressions whose resolved interval overlaps the date range."""
    total, items = iq.list_timexes(state.index(), kind, value, dates, page.offset, page.size)
    return {**page.to_dict(total), "timexes": items}


def events(state: WebState, dates: DateRange, page: params.Page) -> dict[str, Any]:
    """Events as their layer stores them, once an events component runs."""
    total, items = iq.list_events(state.index(), dates, page.offset, page.size)
    return {**page.to_dict(total), "events": items}


def network(state: WebState, wanted: str, size: int = 20) -> dict[str, Any]:
    """The entity, the entities named with it most often, and how those are linked."""
    index, row = _find_entity(state, wanted)
    neighbours = _neighbours(index, row["id"], size)
    edges = iq.edges_between(index, [n["id"] for n in neighbours])
    return {"entity": row, "neighbours": neighbours,
            "edges": [{"a": a, "b": b, "shared_sentences": n} for a, b, n in edges]}
