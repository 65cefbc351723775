"""The rows one article adds to the web index (:mod:`.index_schema`).

Pure functions of a stored analysis (and the recorded splits), so the same
article always gives the same rows.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..document import PartialDate
from .ids import entity_id, span_id
from .names import NamedMention, named_mentions, speaker_name, surname_index

# Speakers like "die Ministerin" or "aus Regierungskreisen" are not names.
_NOT_A_NAME_START = frozenset("der die das den dem des ein eine einer eines einem aus in im von vom".split())


@dataclass
class ArticleRows:
    article: tuple
    raw_entities: set[tuple[str, str, str]] = field(default_factory=set)
    entity_articles: list[tuple] = field(default_factory=list)
    aliases: list[tuple] = field(default_factory=list)
    pairs: list[tuple] = field(default_factory=list)
    roles: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)
    quote_about: list[tuple] = field(default_factory=list)
    timexes: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)


def interval(date: str | None) -> tuple[str | None, str | None]:
    if not date:
        return None, None
    parsed = PartialDate.parse(date)
    return parsed.earliest.isoformat(), parsed.latest.isoformat()


def mention_raw(mention: NamedMention, splits: frozenset[tuple[str, str]],
                canonical: dict[tuple[str, str], tuple[str, str]] | None = None) -> tuple[str, str]:
    """(raw entity id, name) of a mention: the archive's canonical entity when it has one
    (its splits and merges already applied), else by name, where a split alias names its own entity."""
    if canonical and (mention.text, mention.type) in canonical:
        return canonical[mention.text, mention.type]
    key = entity_id(mention.type, mention.name)
    if mention.text != mention.name and (key, mention.text) in splits:
        return entity_id(mention.type, mention.text), mention.text
    return key, mention.name


def article_rows(doc_key: int, analysis: dict[str, Any], splits: frozenset[tuple[str, str]],
                 stored_at: str = "") -> ArticleRows:
    doc = analysis["document"]
    earliest, latest = interval(doc.get("date"))
    rows = ArticleRows((doc_key, doc["id"], doc.get("date"), earliest, latest, doc.get("title") or "", stored_at))
    mentions = named_mentions(analysis)
    canonical = {(t, k): (i, n) for t, k, i, n in analysis.get("canonical_entities", [])}
    raws = [mention_raw(m, splits, canonical) for m in mentions]
    _entity_rows(rows, doc_key, mentions, raws, earliest)
    _role_rows(rows, doc_key, analysis, earliest, canonical)
    _quote_rows(rows, doc_key, doc["id"], analysis, mentions, raws, earliest, bool(canonical))
    for t in analysis.get("timexes", []):
        rows.timexes.append((
            span_id(doc["id"], t["start"], t["end"]), doc_key, t["start"], t["end"], t.get("text", ""),
            t.get("type", ""), t.get("value", ""), t.get("earliest"), t.get("latest"), t.get("anchor", ""),
            t.get("sentence", -1),
        ))
    for event in analysis.get("events", []):
        rows.events.append((doc_key, earliest, json.dumps(event, ensure_ascii=False)))
    return rows


def _entity_rows(rows: ArticleRows, doc_key: int, mentions: list[NamedMention], raws: list[tuple[str, str]],
                 earliest: str | None) -> None:
    counts: Counter = Counter()
    aliases: Counter = Counter()
    by_sentence: dict[int, set[str]] = {}
    for mention, (raw, name) in zip(mentions, raws):
        rows.raw_entities.add((raw, mention.type, name))
        counts[raw] += 1
        aliases[raw, mention.text] += 1
        by_sentence.setdefault(mention.sentence, set()).add(raw)
    rows.entity_articles = [(raw, doc_key, n, earliest) for raw, n in counts.items()]
    rows.aliases = [(raw, doc_key, alias, n) for (raw, alias), n in aliases.items()]
    pairs: Counter = Counter()
    for keys in by_sentence.values():
        pairs.update((a, b) for a in keys for b in keys if a != b)
    rows.pairs = [(a, b, doc_key, n) for (a, b), n in pairs.items()]


def _role_rows(rows: ArticleRows, doc_key: int, analysis: dict[str, Any], earliest: str | None,
               canonical: dict[tuple[str, str], tuple[str, str]] | None = None) -> None:
    canonical = canonical or {}
    for r in analysis.get("roles", []):
        person = r.get("person") or r.get("person_text") or ""
        found = canonical.get((r.get("person_text") or "", "PER")) or canonical.get((person, "PER"))
        raw, name = found or (entity_id("PER", person), person)
        rows.raw_entities.add((raw, "PER", name))
        rows.roles.append((
            doc_key, raw, person, r.get("role", ""), r.get("role_lemma", ""), r.get("of"), r.get("date"),
            earliest, r.get("sentence", -1), r.get("start", 0), r.get("end", 0),
        ))


def speaker_raw(speaker: str, types_by_name: dict[str, str]) -> str | None:
    if not speaker:
        return None
    if speaker in types_by_name:
        return entity_id(types_by_name[speaker], speaker)
    words = speaker.split()
    if len(words) > 4 or words[0].lower() in _NOT_A_NAME_START or not speaker[0].isupper():
        return None
    return entity_id("PER", speaker)


def _quote_rows(rows: ArticleRows, doc_key: int, doc_id: str, analysis: dict[str, Any],
                mentions: list[NamedMention], raws: list[tuple[str, str]], earliest: str | None,
                canonical: bool = False) -> None:
    persons = {m.text: m.name for m in mentions if m.type == "PER"}
    surnames = surname_index({m.name for m in mentions if m.type == "PER" and " " in m.name})
    types_by_name = {name: m.type for m, (_, name) in zip(mentions, raws)}
    # The article's own names of its entities: a speaker named "Wolodymyr Selensky" is the entity
    # that spelling was resolved to, whatever the entity's preferred name.
    raw_by_name = {m.name if canonical else name: raw for m, (raw, name) in zip(mentions, raws)
                   if m.type in ("PER", "ORG")}
    for q in analysis.get("quotes", []):
        qid = span_id(doc_id, q["start"], q["end"])
        speaker = speaker_name(q.get("speaker", ""), persons, surnames)
        sentences = q.get("sentences") or [-1]
        said_by = raw_by_name.get(speaker) or speaker_raw(speaker, types_by_name)
        rows.quotes.append((
            qid, doc_key, earliest, q["start"], q["end"], q.get("form", ""), q.get("stwr", ""), speaker,
            said_by, q.get("source_text", ""), q.get("cue_text", ""),
            q.get("text", ""), sentences[0], int(bool(q.get("is_nested"))),
        ))
        inside = {raw for m, (raw, _) in zip(mentions, raws) if q["start"] <= m.start and m.end <= q["end"]}
        rows.quote_about.extend((qid, raw, doc_key, earliest, said_by) for raw in sorted(inside))
