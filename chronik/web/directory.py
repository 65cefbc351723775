"""The chronicle across articles, as the web shows it: entities with aliases,
roles over time, quotes, time expressions and events of the whole archive.

Built in memory from the stored analyses (``Archive.iter_analysis_dicts``)
when the server starts, and rebuilt when the archive changes.  Entities are
resolved simply: within an article by :mod:`.names`, across articles a
one-word person name that is the surname of exactly one full name is that
person.  Corrections (:mod:`.corrections`) are applied on top, so they
survive re-analysis.  When ``chronik.chronicle`` grows a real entity
resolver, this module is where the web switches to it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from .corrections import Correction
from .ids import entity_id, span_id
from .names import named_mentions, speaker_name, surname_index


@dataclass(slots=True)
class ArticleRef:
    doc_id: str
    date: str | None
    title: str
    earliest: str | None  # ISO days of the date interval, for filters
    latest: str | None


@dataclass(slots=True)
class RoleFact:
    role: str
    role_lemma: str
    of: str | None
    date: str | None
    article: int  # index into Directory.articles
    sentence: int
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name: str
    aliases: Counter = field(default_factory=Counter)
    mentions: int = 0
    articles: Counter = field(default_factory=Counter)  # article index -> mentions
    roles: list[RoleFact] = field(default_factory=list)
    neighbours: Counter = field(default_factory=Counter)  # entity id -> shared sentences
    quotes_by: list[int] = field(default_factory=list)  # indexes into Directory.quotes
    quotes_about: list[int] = field(default_factory=list)


@dataclass(slots=True)
class QuoteRecord:
    id: str
    article: int
    start: int
    end: int
    form: str
    stwr: str
    speaker: str
    speaker_id: str | None
    source_text: str
    cue_text: str
    text: str
    sentence: int
    is_nested: bool
    about: list[str] = field(default_factory=list)
    corrected: dict[str, str] | None = None


@dataclass(slots=True)
class TimexRecord:
    id: str
    article: int
    start: int
    end: int
    text: str
    type: str
    value: str
    earliest: str | None
    latest: str | None
    anchor: str
    sentence: int


class Directory:
    """Everything the API and the pages list across articles."""

    def __init__(self) -> None:
        self.articles: list[ArticleRef] = []
        self.article_index: dict[str, int] = {}
        self.entities: dict[str, Entity] = {}
        self.redirects: dict[str, str] = {}  # merged entity id -> surviving id
        self.quotes: list[QuoteRecord] = []
        self.quote_index: dict[str, int] = {}
        self.timexes: list[TimexRecord] = []
        self.events: list[dict[str, Any]] = []
        self.splits: set[tuple[str, str]] = set()  # (entity id, alias) made separate
        self.speaker_fixes: dict[str, Correction] = {}

    # -- lookups ------------------------------------------------------------
    def entity(self, entity_id_: str) -> Entity | None:
        return self.entities.get(self.redirects.get(entity_id_, entity_id_))

    def find_entity(self, kind: str, name: str) -> str | None:
        key = entity_id(kind, name)
        key = self.redirects.get(key, key)
        return key if key in self.entities else None

    def article(self, index: int) -> ArticleRef:
        return self.articles[index]

    def mention_entity(self, kind: str, name: str, alias: str) -> str | None:
        """The entity id a mention links to, with corrections applied."""
        key = entity_id(kind, name)
        if (key, alias) in self.splits:
            key = entity_id(kind, alias)
        key = self.redirects.get(key, key)
        return key if key in self.entities else None


def build_directory(analyses: Iterable[dict[str, Any]], corrections: list[Correction] = ()) -> Directory:
    directory = Directory()
    for correction in corrections:
        if correction.kind == "split":
            directory.splits.add((correction.entity, correction.alias))
        elif correction.kind == "speaker":
            directory.speaker_fixes[correction.quote] = correction
    for analysis in analyses:
        _add_article(directory, analysis)
    _merge_surnames(directory)
    for correction in corrections:
        if correction.kind == "merge":
            _merge(directory, correction.entity, correction.into)
    _link_quotes(directory)
    return directory


def _add_article(directory: Directory, analysis: dict[str, Any]) -> None:
    doc = analysis["document"]
    index = len(directory.articles)
    ref = ArticleRef(doc["id"], doc.get("date"), doc.get("title") or "", *_interval(doc.get("date")))
    directory.articles.append(ref)
    directory.article_index[ref.doc_id] = index
    by_sentence: dict[int, set[str]] = {}
    for mention in named_mentions(analysis):
        key = entity_id(mention.type, mention.name)
        if (key, mention.text) in directory.splits:
            key, name = entity_id(mention.type, mention.text), mention.text
        else:
            name = mention.name
        entity = directory.entities.get(key) or directory.entities.setdefault(key, Entity(key, mention.type, name))
        entity.aliases[mention.text] += 1
        entity.mentions += 1
        entity.articles[index] += 1
        by_sentence.setdefault(mention.sentence, set()).add(key)
    _add_neighbours(directory, by_sentence)
    _add_roles(directory, analysis, index)
    _add_quotes(directory, analysis, index)
    _add_timexes(directory, analysis, index)
    for event in analysis.get("events", []):
        directory.events.append({"article": index, **event})


def _interval(date: str | None) -> tuple[str | None, str | None]:
    from ..document import PartialDate

    if not date:
        return None, None
    parsed = PartialDate.parse(date)
    return parsed.earliest.isoformat(), parsed.latest.isoformat()


def _add_neighbours(directory: Directory, by_sentence: dict[int, set[str]]) -> None:
    for keys in by_sentence.values():
        for key in keys:
            directory.entities[key].neighbours.update(k for k in keys if k != key)


def _add_roles(directory: Directory, analysis: dict[str, Any], index: int) -> None:
    for role in analysis.get("roles", []):
        person = role.get("person") or role.get("person_text") or ""
        key = entity_id("PER", person)
        entity = directory.entities.get(key)
        if entity is None:
            entity = directory.entities[key] = Entity(key, "PER", person)
            entity.aliases[role.get("person_text") or person] += 1
            entity.articles[index] += 1
        entity.roles.append(RoleFact(
            role.get("role", ""), role.get("role_lemma", ""), role.get("of"), role.get("date"),
            index, role.get("sentence", -1), role.get("start", 0), role.get("end", 0),
        ))


def _add_quotes(directory: Directory, analysis: dict[str, Any], index: int) -> None:
    doc_id = directory.articles[index].doc_id
    mentions = named_mentions(analysis)
    names = {m.text: m.name for m in mentions if m.type == "PER"}
    surnames = surname_index({m.name for m in mentions if m.type == "PER" and " " in m.name})
    for quote in analysis.get("quotes", []):
        qid = span_id(doc_id, quote["start"], quote["end"])
        speaker = speaker_name(quote.get("speaker", ""), names, surnames)
        about = sorted({entity_id(m.type, m.name) for m in mentions if quote["start"] <= m.start and m.end <= quote["end"]})
        sentences = quote.get("sentences") or [-1]
        record = QuoteRecord(
            qid, index, quote["start"], quote["end"], quote.get("form", ""), quote.get("stwr", ""),
            speaker, None, quote.get("source_text", ""), quote.get("cue_text", ""), quote.get("text", ""),
            sentences[0], bool(quote.get("is_nested")), about,
        )
        fix = directory.speaker_fixes.get(qid)
        if fix is not None:
            record.corrected = {"from": speaker, "by": fix.by, "at": fix.at}
            record.speaker = fix.speaker
        directory.quote_index[qid] = len(directory.quotes)
        directory.quotes.append(record)


def _add_timexes(directory: Directory, analysis: dict[str, Any], index: int) -> None:
    doc_id = directory.articles[index].doc_id
    for t in analysis.get("timexes", []):
        directory.timexes.append(TimexRecord(
            span_id(doc_id, t["start"], t["end"]), index, t["start"], t["end"], t.get("text", ""),
            t.get("type", ""), t.get("value", ""), t.get("earliest"), t.get("latest"),
            t.get("anchor", ""), t.get("sentence", -1),
        ))


def _merge_surnames(directory: Directory) -> None:
    """A one-word person that is the surname of exactly one full name is that person."""
    full = [e for e in directory.entities.values() if e.type == "PER" and " " in e.name]
    by_surname: dict[str, list[Entity]] = {}
    for entity in full:
        by_surname.setdefault(entity.name.split()[-1], []).append(entity)
    for entity in list(directory.entities.values()):
        if entity.type != "PER" or " " in entity.name:
            continue
        targets = by_surname.get(entity.name, [])
        # A split ("this Kowalczyk is somebody else") outlasts the surname rule.
        if len(targets) == 1 and (targets[0].id, entity.name) not in directory.splits:
            _merge(directory, entity.id, targets[0].id)


def _merge(directory: Directory, source_id: str, target_id: str) -> None:
    source = directory.entities.get(directory.redirects.get(source_id, source_id))
    target = directory.entities.get(directory.redirects.get(target_id, target_id))
    if source is None or target is None or source is target:
        return
    target.aliases.update(source.aliases)
    target.mentions += source.mentions
    target.articles.update(source.articles)
    target.roles.extend(source.roles)
    for key, count in source.neighbours.items():
        if key != target.id:
            target.neighbours[key] += count
            neighbour = directory.entities.get(key)
            if neighbour is not None:
                neighbour.neighbours[target.id] += neighbour.neighbours.pop(source.id, 0)
    target.neighbours.pop(source.id, None)
    del directory.entities[source.id]
    directory.redirects[source.id] = target.id
    for old, new in list(directory.redirects.items()):
        if new == source.id:
            directory.redirects[old] = target.id


def _link_quotes(directory: Directory) -> None:
    for n, quote in enumerate(directory.quotes):
        quote.speaker_id = _speaker_entity(directory, quote.speaker)
        if quote.speaker_id:
            directory.entities[quote.speaker_id].quotes_by.append(n)
        about = []
        for key in quote.about:
            entity = directory.entity(key)
            if entity is not None and entity.id != quote.speaker_id and entity.id not in about:
                about.append(entity.id)
                entity.quotes_about.append(n)
        quote.about = about


def _speaker_entity(directory: Directory, speaker: str) -> str | None:
    # Speakers are mostly people; a union or a ministry speaks too.
    if not speaker:
        return None
    for kind in ("PER", "ORG", "LOC", "OTH"):
        found = directory.find_entity(kind, speaker)
        if found:
            return found
    return None
