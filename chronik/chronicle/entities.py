"""Who is who across the archive: entities, their spellings, roles and company.

Reads the archive's canonical entities (``entities``, ``entity_mentions``,
``entity_aliases``; resolved at ingest by chronik/archive/resolver.py, see
docs/entities.md), so listing and profiles cost the same at any archive
size.  :func:`mention_groups` and :func:`collect_entities` keep the older
in-memory view for callers that group mentions themselves (the export):
groups carry their canonical entity when the archive has one, and fall back
to the surname rule below when it does not: a bare surname ("Petersen")
joins the one full name ending in it — first within its own article, else
within the archive — and only when exactly one full name matches.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from ..archive import DateRange
from ..archive.resolver import is_built
from ..errors import ChronikError
from .name_keys import name_key
from .roles import RoleFact

PERSON = "PER"


@dataclass(frozen=True)
class MentionGroup:
    """All mentions of one spelling of one type in one article (and the entity they name, when resolved)."""

    doc_key: int
    text: str
    type: str
    count: int
    entity: str | None = None
    entity_name: str | None = None


@dataclass
class Entity:
    name: str
    type: str
    mentions: int = 0
    articles: int = 0
    aliases: dict[str, int] = field(default_factory=dict)  # spelling -> mentions
    id: str = ""  # the canonical entity's stable id ("" for the in-memory fallback)

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
    """Mention counts per article, spelling and type, with their canonical entity when resolved."""
    where, params = dates.overlap_conditions()
    if is_built(archive.db):
        sql = (
            "SELECT em.doc_key, em.text, em.type, em.count, e.id, e.name FROM entity_mentions em"
            " JOIN documents d ON d.key = em.doc_key JOIN entities e ON e.id = em.entity"
            + (" WHERE " + " AND ".join(where) if where else "")
        )
        return [MentionGroup(*row) for row in archive.db.execute(sql, params).fetchall()]
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
        if g.entity_name:  # resolved in the archive
            name = g.entity_name
        elif g.type == PERSON and " " not in g.text:
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




def resolve_entity(name: str, entities: dict[str, Entity]) -> str:
    """The entity a user means by NAME among in-memory entities: the exact name (any case), else the one full name ending in it."""
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


# -- the archive's canonical entities ------------------------------------------

_LIVE = "e.merged_into IS NULL AND e.mentions > 0"


def require_built(archive) -> None:
    if not is_built(archive.db):
        raise ChronikError("E322", path=archive.location)


def _aliases(archive, ids: list[str]) -> dict[str, dict[str, int]]:
    result: dict[str, dict[str, int]] = {i: {} for i in ids}
    if not ids:
        return result
    rows = archive.db.execute(
        f"SELECT entity, alias, count FROM entity_aliases WHERE entity IN ({', '.join('?' * len(ids))})"
        " ORDER BY entity, count DESC, alias", ids)
    for entity, alias, count in rows.fetchall():
        result[entity][alias] = int(count)
    return result


def list_entities(archive, *, type: str | None = None, dates: DateRange = DateRange(),
                  limit: int = 50) -> list[Entity]:
    """Entities with mention and article counts, most frequent first.

    Without dates the stored totals answer from an index; with --from/--to
    the mentions of the articles in the range are counted."""
    require_built(archive)
    where, params = dates.overlap_conditions()
    kind = " AND e.type = ?" if type else ""
    if not where:
        rows = archive.db.execute(
            f"SELECT e.id, e.name, e.type, e.mentions, e.articles FROM entities e WHERE {_LIVE}{kind}"
            " ORDER BY e.mentions DESC, e.articles DESC, e.name LIMIT ?",
            ([type] if type else []) + [limit]).fetchall()
        aliases = _aliases(archive, [r[0] for r in rows])
    else:
        rows = archive.db.execute(
            f"""SELECT e.id, e.name, e.type, SUM(em.count), COUNT(DISTINCT em.doc_key)
                FROM entity_mentions em JOIN documents d ON d.key = em.doc_key JOIN entities e ON e.id = em.entity
                WHERE {' AND '.join(where)}{kind} GROUP BY e.id, e.name, e.type
                ORDER BY 4 DESC, 5 DESC, e.name LIMIT ?""",
            [*params, *([type] if type else []), limit]).fetchall()
        ids = [r[0] for r in rows]
        aliases = {i: {} for i in ids}
        if ids:
            for entity, alias, count in archive.db.execute(
                f"""SELECT em.entity, em.text, SUM(em.count) FROM entity_mentions em JOIN documents d ON d.key = em.doc_key
                    WHERE em.entity IN ({', '.join('?' * len(ids))}) AND {' AND '.join(where)}
                    GROUP BY em.entity, em.text ORDER BY 3 DESC, em.text""", [*ids, *params]).fetchall():
                aliases[entity][alias] = int(count)
    return [Entity(name, kind_, int(m), int(a), aliases.get(i, {}), i) for i, name, kind_, m, a in rows]


def _entity(archive, entity_id: str) -> Entity:
    row = archive.db.execute("SELECT id, name, type, mentions, articles FROM entities WHERE id = ?",
                             (entity_id,)).fetchone()
    return Entity(row[1], row[2], int(row[3]), int(row[4]), _aliases(archive, [row[0]])[row[0]], row[0])


def find_entity(archive, name: str) -> Entity:
    """The entity a user means by NAME: its id, its name or any spelling (any case), or a surname
    that exactly one person has.  E311 when none, E312 when several people fit."""
    require_built(archive)
    name = name.strip()
    if archive.db.execute(f"SELECT 1 FROM entities e WHERE e.id = ? AND {_LIVE}", (name,)).fetchone():
        return _entity(archive, name)
    key = name_key(name)
    named = archive.db.execute(
        f"SELECT e.id FROM entities e WHERE e.key = ? AND {_LIVE} ORDER BY e.mentions DESC, e.id", (key,)).fetchall()
    if named:  # "Kiel" the city and "Kiel" the club: the more frequent one
        return _entity(archive, named[0][0])
    people = archive.db.execute(
        f"SELECT e.id, e.name FROM entities e WHERE e.surname_key = ? AND {_LIVE} ORDER BY e.name", (key,)).fetchall()
    if len(people) > 1:
        raise ChronikError("E312", name=name, choices=", ".join(n for _, n in people))
    if people:
        return _entity(archive, people[0][0])
    spelled = archive.db.execute(
        f"""SELECT DISTINCT e.id, e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity
            WHERE a.key = ? AND {_LIVE} ORDER BY e.name""", (key,)).fetchall()
    if len(spelled) > 1:
        raise ChronikError("E312", name=name, choices=", ".join(n for _, n in spelled))
    if spelled:
        return _entity(archive, spelled[0][0])
    raise ChronikError("E311", name=name)


def entity_profile(archive, name: str, *, co_limit: int = 10, role_limit: int = 100) -> EntityProfile:
    """Spellings, roles over time, articles and co-occurring entities of one entity."""
    entity = find_entity(archive, name)
    db = archive.db
    roles = [RoleFact(*row[:8], sentence=row[8] or "") for row in db.execute(
        """SELECT r.person, r.role_lemma, r.of, r.status, r.date, r.date_precision, d.id, d.title, s.text
           FROM entity_mentions em JOIN roles r ON r.doc_key = em.doc_key AND r.person_text = em.text
           JOIN documents d ON d.key = r.doc_key
           LEFT JOIN sentences s ON s.doc_key = r.doc_key AND s.idx = r.sentence
           WHERE em.entity = ? ORDER BY d.date_earliest, d.id, r.start LIMIT ?""",
        (entity.id, role_limit)).fetchall()]
    articles = [ArticleRef(doc_id, date, title, int(n)) for doc_id, date, title, n in db.execute(
        """SELECT d.id, d.date, d.title, SUM(em.count) FROM entity_mentions em JOIN documents d ON d.key = em.doc_key
           WHERE em.entity = ? GROUP BY d.key, d.id, d.date, d.title, d.date_earliest
           ORDER BY d.date_earliest, d.id""", (entity.id,)).fetchall()]
    co = [(n, t, int(k)) for n, t, k in db.execute(
        """SELECT e.name, e.type, COUNT(DISTINCT other.doc_key) FROM entity_mentions mine
           JOIN entity_mentions other ON other.doc_key = mine.doc_key AND other.entity != mine.entity
           JOIN entities e ON e.id = other.entity
           WHERE mine.entity = ? GROUP BY e.id, e.name, e.type ORDER BY 3 DESC, e.name LIMIT ?""",
        (entity.id, co_limit)).fetchall()]
    return EntityProfile(entity, roles, articles, co)
