"""Who is who across the archive: entities, their spellings, roles and company.

Reads the ``mentions`` layer table (chronik/archive/tables.py).  Mentions are
joined to one entity by name: a bare surname ("Petersen") joins the one full
name ending in it — first within its own article, else within the archive —
and only when exactly one full name matches, so two people sharing a
surname ("Jan Hoffmann", "Klara Hoffmann") are never merged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from ..archive import DateRange
from ..errors import ChronikError
from .roles import RoleFact, role_facts

PERSON = "PER"


@dataclass(frozen=True)
class MentionGroup:
    """All mentions of one spelling of one type in one article."""

    doc_key: int
    text: str
    type: str
    count: int


@dataclass
class Entity:
    name: str
    type: str
    mentions: int = 0
    articles: int = 0
    aliases: dict[str, int] = field(default_factory=dict)  # spelling -> mentions

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ArticleRef:
    doc_id: str
    date: str | None
    title: str
    mentions: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class EntityProfile:
    entity: Entity
    roles: list[RoleFact]
    articles: list[ArticleRef]
    co_occurring: list[tuple[str, str, int]]  # (name, type, shared articles)

    def to_dict(self) -> dict:
        return {
            **self.entity.to_dict(),
            "roles": [r.to_dict() for r in self.roles],
            "articles": [a.to_dict() for a in self.articles],
            "co_occurring": [{"name": n, "type": t, "articles": k} for n, t, k in self.co_occurring],
        }


def mention_groups(archive, dates: DateRange = DateRange()) -> list[MentionGroup]:
    """Mention counts per article, spelling and type (grouped in SQL: one row per spelling per article)."""
    where, params = dates.overlap_conditions()
    sql = (
        "SELECT m.doc_key, m.text, m.type, COUNT(*) FROM mentions m JOIN documents d ON d.key = m.doc_key"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " GROUP BY m.doc_key, m.text, m.type"
    )
    return [MentionGroup(*row) for row in archive.db.execute(sql, params).fetchall()]


def _by_surname(full_names: set[str]) -> dict[str, set[str]]:
    """Full names indexed by their last word: "Petersen" -> {"Anna Petersen"}."""
    index: dict[str, set[str]] = defaultdict(set)
    for name in full_names:
        index[name.rsplit(" ", 1)[1]].add(name)
    return index


def _only(names: set[str] | None) -> str | None:
    return next(iter(names)) if names and len(names) == 1 else None


def canonical_names(groups: list[MentionGroup]) -> dict[tuple[int, str], str]:
    """(doc_key, spelling) -> entity name, joining bare person surnames to one full name."""
    full_in_doc: dict[int, set[str]] = defaultdict(set)
    for g in groups:
        if g.type == PERSON and " " in g.text:
            full_in_doc[g.doc_key].add(g.text)
    in_archive = _by_surname(set().union(*full_in_doc.values()) if full_in_doc else set())
    names = {}
    for g in groups:
        name = g.text
        if g.type == PERSON and " " not in g.text:
            # The article's own full name wins: it is who the writer meant.
            in_doc = _by_surname(full_in_doc[g.doc_key]) if g.doc_key in full_in_doc else {}
            name = _only(in_doc.get(g.text)) or _only(in_archive.get(g.text)) or g.text
        names[(g.doc_key, g.text)] = name
    return names


def collect_entities(groups: list[MentionGroup]) -> tuple[dict[str, Entity], dict[str, Counter]]:
    """Entities by name, and per entity the mention count in each article (doc_key)."""
    names = canonical_names(groups)
    per_doc: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, Counter] = defaultdict(Counter)
    for g in groups:
        name = names[(g.doc_key, g.text)]
        per_doc[name][g.doc_key] += g.count
        types[name][g.type] += g.count
        aliases[name][g.text] += g.count
    entities = {
        # A name tagged differently across articles takes its most frequent type.
        name: Entity(name, types[name].most_common(1)[0][0], sum(docs.values()), len(docs),
                     dict(aliases[name].most_common()))
        for name, docs in per_doc.items()
    }
    return entities, per_doc


def list_entities(archive, *, type: str | None = None, dates: DateRange = DateRange(),
                  limit: int = 50) -> list[Entity]:
    """Entities with mention and article counts, most frequent first."""
    entities, _ = collect_entities(mention_groups(archive, dates))
    ranked = sorted(entities.values(), key=lambda e: (-e.mentions, -e.articles, e.name))
    return [e for e in ranked if type is None or e.type == type][:limit]


def resolve_entity(name: str, entities: dict[str, Entity]) -> str:
    """The entity a user means by NAME: the exact name (any case), else the one full name ending in it."""
    wanted = name.strip().casefold()
    exact = [n for n in entities if n.casefold() == wanted]
    if exact:  # "KIEL" and "Kiel" in one archive: the more frequent spelling
        return max(exact, key=lambda n: entities[n].mentions)
    ending = sorted(n for n in entities if n.casefold().endswith(" " + wanted))
    if len(ending) == 1:
        return ending[0]
    if len(ending) > 1:
        raise ChronikError("E312", name=name, choices=", ".join(ending))
    raise ChronikError("E311", name=name)


def entity_profile(archive, name: str, *, co_limit: int = 10, role_limit: int = 100) -> EntityProfile:
    """Spellings, roles over time, articles and co-occurring entities of one entity."""
    entities, per_doc = collect_entities(mention_groups(archive))
    entity = entities[resolve_entity(name, entities)]
    docs = per_doc[entity.name]
    shared: Counter = Counter()
    for other, other_docs in per_doc.items():
        if other != entity.name:
            common = docs.keys() & other_docs.keys()
            if common:
                shared[other] = len(common)
    co = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:co_limit]
    roles = [f for f in role_facts(archive, person=entity.name, limit=role_limit) if f.person == entity.name]
    return EntityProfile(entity, roles, _articles(archive, docs),
                         [(n, entities[n].type, k) for n, k in co])


def _articles(archive, docs: Counter) -> list[ArticleRef]:
    if not docs:
        return []
    keys = sorted(docs)
    sql = (f"SELECT d.key, d.id, d.date, d.title FROM documents d WHERE d.key IN ({', '.join('?' * len(keys))})"
           " ORDER BY d.date_earliest, d.id")
    return [ArticleRef(doc_id, date, title, docs[key])
            for key, doc_id, date, title in archive.db.execute(sql, keys).fetchall()]
