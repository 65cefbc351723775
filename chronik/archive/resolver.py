"""Entity resolution: which canonical entity the mentions of each article name.

Runs in the archive's single writer, inside the transaction that stores a
batch (:meth:`EntityResolver.resolve`), and over the whole archive for
``chronik entities --rebuild`` (:func:`rebuild`).  The rules, in order, for
the mentions of one spelling and type in one article (a "group"):

1. within the article: a one-word person ("Selenskyj", genitive
   "Selenskyjs") is the one full name of the article ending in that surname
   (rule ``article``); an acronym written in brackets after a name
   ("Europäische Union (EU)") is that name (``acronym``);
2. a name whose :func:`~chronik.chronicle.name_keys.name_key` (or place key)
   an entity of the same type already has is that entity (``exact``); an
   acronym paired with exactly one name anywhere in the archive is that name
   (``acronym-archive``);
3. a full person name whose variant key ("Wolodymyr Selensky") an entity
   has, with evidence from context, joins it (``variant``); else it founds a
   new entity (``new``);
4. a one-word person not resolved in its article joins the one full-named
   person with that surname in the archive (``archive``); among several, or
   by a spelling variant, only the one the context supports (``context``);
   else it stays an entity of its own (``alone``).

Context evidence for a candidate: the same role lemma (2 points), entities
of this article it was named with elsewhere (1 each, at most 3), an article
within DATE_WINDOW days (1).  A candidate needs MIN_SUPPORT points and more
than any other candidate.  Corrections (:mod:`.entity_corrections`) are
applied after every resolution.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable

from ..chronicle.name_keys import (
    acronym_after, genitive_base, name_key, place_key, short_form, surname, variant_key, variant_word,
)
from ..lang import resource_set
from .entity_corrections import apply_corrections

ENTITY_TYPES = ("PER", "ORG", "LOC", "OTH")
MIN_SUPPORT = 2
ROLE_POINTS = 2
SHARED_POINTS_MAX = 3
DATE_WINDOW = _dt.timedelta(days=30)
# Co-occurrence evidence looks at a candidate's most recent articles only,
# so that resolving a surname costs the same for a rare and a famous person.
RECENT_ARTICLES = 200
# Rules whose assignment may change when the archive learns a new full name or acronym.
REVISABLE = ("archive", "context", "alone")
_CHUNK = 400
REBUILD_CACHE_KB = 256 * 1024

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def entity_id(kind: str, name: str) -> str:
    """'per-wolodymyr-selenskyj-1a2b3c': the type, a readable slug and a short hash of the first spelling.

    The same form as the web's ids (chronik/web/ids.py), so a link made
    before the archive had entity tables still finds the person."""
    text = unicodedata.normalize("NFKD", name.lower().translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60]
    digest = hashlib.sha1(f"{kind}\t{name}".encode("utf-8")).hexdigest()[:6]
    return f"{kind.lower()}-{slug}-{digest}"


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _marks(values: Iterable) -> str:
    return ",".join("?" * len(list(values)))


def _chunks(values: list, size: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


@dataclass
class Group:
    """All mentions of one spelling and type in one article."""

    doc_key: int
    text: str
    type: str
    count: int
    entity: str | None = None
    rule: str = ""
    key: str = ""

    @property
    def one_word_person(self) -> bool:
        return self.type == "PER" and " " not in self.text.strip()


@dataclass
class Article:
    key: int
    earliest: str | None
    latest: str | None
    text: str
    groups: list[Group] = field(default_factory=list)
    org_ends: list[tuple[int, str]] = field(default_factory=list)  # (end offset, text) of ORG mentions


def group_key(kind: str, text: str) -> str:
    """The key an entity of this type is found by: place id, short form or spelling key."""
    if kind == "LOC":  # "Großbritanniens" is the place Großbritannien
        base = genitive_base(text)
        return place_key(text) or (base and place_key(base)) or name_key(short_form(text))
    if kind == "ORG":
        return name_key(short_form(text))
    return name_key(text)


class EntityResolver:
    """Assigns mentions to entities for a set of articles, in one transaction of the writer."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.touched: set[str] = set()  # entities whose counts are recomputed in full (corrections)
        # Rows of the articles this run changes, as they were before: refresh() adds the
        # difference to the stored counts, so a batch costs the same however famous its people are.
        self.before: dict[int, list[tuple[str, str, int]]] = {}
        self.live: set[str] = set()  # entities assigned in this run (counts not refreshed yet)
        self.new_surnames: set[str] = set()
        self.new_acronyms: set[str] = set()
        self._follow_cache: dict[str, str] = {}

    # -- bookkeeping -----------------------------------------------------
    def forget(self, doc_keys: list[int]) -> None:
        """Drop the assignments of articles about to be deleted or re-analysed."""
        self._snapshot(doc_keys)
        for chunk in _chunks(doc_keys):
            self.db.execute(f"DELETE FROM entity_mentions WHERE doc_key IN ({_marks(chunk)})", chunk)

    def _snapshot(self, doc_keys: Iterable[int]) -> None:
        new = sorted({k for k in doc_keys if k not in self.before})
        for chunk in _chunks(new):
            for k in chunk:
                self.before[k] = []
            for doc_key, entity, text, count in self.db.execute(
                f"SELECT doc_key, entity, text, count FROM entity_mentions WHERE doc_key IN ({_marks(chunk)})", chunk
            ).fetchall():
                self.before[doc_key].append((entity, text, int(count)))

    def follow(self, entity: str) -> str:
        """The entity a merged entity now lives in."""
        if entity in self._follow_cache:
            return self._follow_cache[entity]
        seen, current = {entity}, entity
        while True:
            row = self.db.execute("SELECT merged_into FROM entities WHERE id = ?", (current,)).fetchone()
            if not row or not row[0] or row[0] in seen:
                break
            current = row[0]
            seen.add(current)
        self._follow_cache[entity] = current
        return current

    # -- resolution --------------------------------------------------------
    def resolve(self, doc_keys: list[int], *, refresh: bool = True) -> None:
        doc_keys = sorted(set(doc_keys))
        self._snapshot(doc_keys)
        for chunk in _chunks(doc_keys):
            for article in self._load(chunk):
                self._resolve_article(article)
        self._revise()
        apply_corrections(self.db, self, doc_keys=doc_keys, kinds=("split",))
        if refresh:
            self.refresh()

    def _load(self, keys: list[int]) -> list[Article]:
        groups: dict[int, list[Group]] = {}
        for doc_key, text, kind, count in self.db.execute(
            f"SELECT doc_key, text, type, COUNT(*) FROM mentions WHERE doc_key IN ({_marks(keys)})"
            " AND label IN ('PER', 'ORG', 'LOC', 'OTH') GROUP BY doc_key, text, type ORDER BY doc_key, text, type",
            keys,
        ):
            if text and text.strip():
                groups.setdefault(doc_key, []).append(Group(doc_key, text, kind, count))
        if not groups:  # a pipeline without the entities component: nothing to read
            return []
        named = sorted(groups)
        org_ends: dict[int, list[tuple[int, str]]] = {}
        for doc_key, end, text in self.db.execute(
            f"SELECT doc_key, end, text FROM mentions WHERE doc_key IN ({_marks(named)}) AND label = 'ORG'", named
        ):
            org_ends.setdefault(doc_key, []).append((end, text))
        # The text only where an acronym in brackets may follow an organisation's name.
        articles = {
            key: Article(key, earliest, latest, text or "", groups[key], org_ends.get(key, []))
            for key, earliest, latest, text in self.db.execute(
                f"SELECT key, date_earliest, date_latest, CASE WHEN key IN ({_marks(org_ends) or 'NULL'})"
                f" THEN text ELSE '' END FROM documents WHERE key IN ({_marks(named)})",
                [*sorted(org_ends), *named])
        }
        return [articles[k] for k in sorted(articles)]

    def _resolve_article(self, article: Article) -> None:
        groups = article.groups
        if not groups:
            return
        links = self._links(article)
        named = [g for g in groups if id(g) not in links and not g.one_word_person]
        # Exact keys first: they give the context that variants and surnames are judged by.
        for g in named:
            g.key = group_key(g.type, g.text)
        stored = self._keys_stored({g.key for g in named})
        for g in named:
            paired = self._acronym_of_archive(g)
            found = stored.get((g.type, g.key))
            if paired:
                g.entity, g.rule = paired, "acronym-archive"
            else:
                g.entity, g.rule = (self.follow(found) if found else self._by_key(g)), "exact"
        context = {g.entity for g in named if g.entity}
        for g in named:
            if g.entity:
                continue
            if g.type == "PER":
                candidates = self._candidates("variant", variant_key(g.text), g.type)
                chosen = self._choose(candidates, article, g, context)
                if chosen:
                    g.entity, g.rule = chosen, "variant"
            if not g.entity:
                g.entity, g.rule = self._create(g), "new"
            context.add(g.entity)
        for g in groups:
            target = links.get(id(g))
            if target is not None:
                g.entity, g.rule = target[0].entity, target[1]
                g.key = name_key(g.text) if target[1] == "acronym" else variant_word(name_key(g.text))
                context.add(g.entity)
        for g in groups:
            if g.entity is None and g.one_word_person:
                g.key = variant_word(name_key(g.text))
                g.entity, g.rule = self._single(g, article, context)
        self._store(groups)

    def _links(self, article: Article) -> dict[int, tuple[Group, str]]:
        """Within one article: surnames to the one full name, acronyms to the name before them."""
        links: dict[int, tuple[Group, str]] = {}
        full = [g for g in article.groups if g.type == "PER" and " " in g.text.strip()]
        by_surname: dict[str, list[Group]] = {}
        by_variant: dict[str, list[Group]] = {}
        for g in full:
            last = name_key(surname(g.text))
            by_surname.setdefault(last, []).append(g)
            by_variant.setdefault(variant_word(last), []).append(g)
        for g in article.groups:
            if not g.one_word_person:
                continue
            forms = [f for f in (g.text, genitive_base(g.text)) if f]
            for index, make in ((by_surname, name_key), (by_variant, lambda w: variant_word(name_key(w)))):
                found = next((index[make(f)] for f in forms if len(index.get(make(f), ())) == 1), None)
                if found:
                    links[id(g)] = (found[0], "article")
                    break
        by_text = {g.text: g for g in article.groups if g.type == "ORG"}
        for end, long_form in article.org_ends:
            acronym = acronym_after(article.text, end, long_form)
            if acronym and long_form in by_text:
                for g in article.groups:
                    if g.text == acronym and g.type in ("ORG", "OTH", "LOC") and id(g) not in links:
                        links[id(g)] = (by_text[long_form], "acronym")
                        self.new_acronyms.add(name_key(acronym))
        # A linked group's own target must be resolved by name, never through another link.
        for g_id, (target, _) in list(links.items()):
            if id(target) in links:
                del links[g_id]
        return links

    def _acronym_of_archive(self, g: Group) -> str | None:
        """'EU' where some article wrote 'Europäische Union (EU)' and no other name claims the acronym."""
        if g.type != "ORG" or " " in g.text or sum(c.isupper() for c in g.text) < 2:
            return None
        rows = self.db.execute(
            "SELECT DISTINCT entity FROM entity_mentions WHERE key = ? AND rule = 'acronym'", (name_key(g.text),)
        ).fetchall()
        targets = {self.follow(e) for (e,) in rows}
        if len(targets) == 1:
            return targets.pop()
        return None

    def _keys_stored(self, keys: set[str]) -> dict[tuple[str, str], str]:
        """(type, key) -> entity id of the stored entities with these keys: one query per article."""
        if not keys:
            return {}
        ordered = sorted(keys)
        rows = self.db.execute(f"SELECT type, key, id FROM entities WHERE type IN ('PER', 'ORG', 'LOC', 'OTH')"
                               f" AND key IN ({_marks(ordered)})", ordered)
        return {(kind, key): entity for kind, key, entity in rows.fetchall()}

    def _by_key(self, g: Group) -> str | None:
        row = None  # the caller looked the key itself up already (_keys_stored)
        if g.type == "PER":
            base = genitive_base(g.text)  # "Olaf Scholz'", "Angela Merkels"
            if base:
                row = self.db.execute("SELECT id FROM entities WHERE type = ? AND key = ?",
                                      (g.type, name_key(base))).fetchone()
        return self.follow(row[0]) if row else None

    def _candidates(self, column: str, value: str, kind: str = "PER") -> list[str]:
        """Live, unmerged full-named entities whose ``column`` equals ``value``."""
        if not value:
            return []
        sql = {
            "variant": "SELECT id, mentions FROM entities WHERE type = ? AND variant = ? AND merged_into IS NULL",
            "surname_key": "SELECT id, mentions FROM entities WHERE type = ? AND surname_key = ? AND merged_into IS NULL",
            "surname_variant": "SELECT id, mentions FROM entities WHERE type = ? AND surname_variant = ?"
                               " AND merged_into IS NULL",
        }[column]
        return sorted(e for e, mentions in self.db.execute(sql, (kind, value)) if mentions > 0 or e in self.live)

    def _single(self, g: Group, article: Article, context: set[str]) -> tuple[str, str]:
        """A one-word person the article does not resolve itself."""
        forms = [f for f in (g.text, genitive_base(g.text)) if f]
        if any(place_key(f) for f in forms):
            forms = []  # "Österreichs" tagged as a person is not anybody's surname
        for form in forms:
            exact = self._candidates("surname_key", name_key(form))
            if len(exact) == 1:
                return exact[0], "archive"
            chosen = self._choose(exact, article, g, context)
            if chosen:
                return chosen, "context"
            if exact:
                break  # several people of that very surname and no evidence: keep apart
            variants = self._candidates("surname_variant", variant_word(name_key(form)))
            chosen = self._choose(variants, article, g, context)
            if chosen:
                return chosen, "context"
        g.key, key = variant_word(name_key(g.text)), name_key(g.text)
        row = self.db.execute("SELECT id FROM entities WHERE type = 'PER' AND key = ?", (key,)).fetchone()
        if row:
            return self.follow(row[0]), "alone"
        return self._create(Group(g.doc_key, g.text, g.type, g.count, key=key)), "alone"

    def _choose(self, candidates: list[str], article: Article, g: Group, context: set[str]) -> str | None:
        candidates = [c for c in dict.fromkeys(self.follow(c) for c in candidates)]
        if not candidates:
            return None
        scores = sorted(((self._support(c, article, g, context - {c}), c) for c in candidates), reverse=True)
        best, chosen = scores[0]
        second = scores[1][0] if len(scores) > 1 else 0
        return chosen if best >= MIN_SUPPORT and best > second else None

    def _support(self, candidate: str, article: Article, g: Group, context: set[str]) -> int:
        points = 0
        lemmas = [r for (r,) in self.db.execute(
            "SELECT DISTINCT role_lemma FROM roles WHERE doc_key = ? AND person_text = ?", (article.key, g.text))
            if r]
        if lemmas and self.db.execute(
            f"""SELECT 1 FROM roles r JOIN entity_mentions em ON em.doc_key = r.doc_key AND em.text = r.person_text
                WHERE em.entity = ? AND r.role_lemma IN ({_marks(lemmas)}) LIMIT 1""",
            (candidate, *lemmas),
        ).fetchone():
            points += ROLE_POINTS
        others = sorted(context)
        if others:
            shared = self.db.execute(
                f"""SELECT COUNT(DISTINCT em.entity) FROM entity_mentions em
                    WHERE em.doc_key IN (SELECT doc_key FROM entity_mentions WHERE entity = ?
                                         ORDER BY doc_key DESC LIMIT {RECENT_ARTICLES})
                    AND em.entity IN ({_marks(others)})""",
                (candidate, *others),
            ).fetchone()[0]
            points += min(shared, SHARED_POINTS_MAX)
        if article.earliest and article.latest:
            low = (_dt.date.fromisoformat(article.earliest) - DATE_WINDOW).isoformat()
            high = (_dt.date.fromisoformat(article.latest) + DATE_WINDOW).isoformat()
            if self.db.execute(
                """SELECT 1 FROM entity_mentions em JOIN documents d ON d.key = em.doc_key
                   WHERE em.entity = ? AND em.doc_key != ? AND d.date_earliest <= ? AND d.date_latest >= ? LIMIT 1""",
                (candidate, article.key, high, low),
            ).fetchone():
                points += 1
        return points

    def _create(self, g: Group, new_id: str | None = None) -> str:
        key = g.key or group_key(g.type, g.text)
        new_id = new_id or entity_id(g.type, g.text)
        full = g.type == "PER" and " " in g.text.strip()
        last = name_key(surname(g.text)) if full and _may_lend_surname(g.text) else ""
        self.db.execute(
            """INSERT INTO entities (id, type, name, key, variant, surname_key, surname_variant, created_at)
               VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING""",
            (new_id, g.type, g.text, key, variant_key(g.text), last, variant_word(last) if last else "", _now()),
        )
        row = self.db.execute("SELECT id FROM entities WHERE type = ? AND key = ?", (g.type, key)).fetchone()
        entity = self.follow(row[0])
        if full:
            self.new_surnames.add(variant_word(last))
        return entity

    def _store(self, groups: list[Group]) -> None:
        """Insert the groups of a newly resolved article (its older rows were deleted by forget())."""
        rows = [(g.doc_key, g.text, g.type, g.count, g.entity, g.rule, g.key) for g in groups if g.entity]
        self.db.executemany(
            "INSERT INTO entity_mentions (doc_key, text, type, count, entity, rule, key) VALUES (?,?,?,?,?,?,?)", rows)
        for row in rows:
            self.live.add(row[4])

    def _reassign(self, g: Group) -> None:
        self._snapshot([g.doc_key])
        self.db.execute(
            "UPDATE entity_mentions SET entity = ?, rule = ? WHERE doc_key = ? AND text = ? AND type = ?",
            (g.entity, g.rule, g.doc_key, g.text, g.type))
        self.live.add(g.entity)

    # -- what a new full name or acronym changes elsewhere -------------------
    def _revise(self) -> None:
        """Surnames and acronyms resolved earlier may now have a (different) full name."""
        surnames = sorted(self.new_surnames | {s + "s" for s in self.new_surnames})
        self.new_surnames = set()
        for chunk in _chunks(surnames):
            rows = self.db.execute(
                f"""SELECT doc_key, text, type, count, entity, rule, key FROM entity_mentions
                    WHERE key IN ({_marks(chunk)}) AND type = 'PER' AND rule IN ({_marks(REVISABLE)})""",
                (*chunk, *REVISABLE),
            ).fetchall()
            for row in rows:
                group = Group(*row)
                article = self._article(group.doc_key)
                context = {e for (e,) in self.db.execute(
                    "SELECT DISTINCT entity FROM entity_mentions WHERE doc_key = ? AND entity != ?",
                    (group.doc_key, group.entity))}
                entity, rule = self._single(group, article, context)
                if (entity, rule) != (group.entity, group.rule):
                    group.entity, group.rule = entity, rule
                    self._reassign(group)
        for acronym in sorted(self.new_acronyms):
            probe = Group(0, acronym.upper(), "ORG", 0)
            target = self._acronym_of_archive(probe)
            if target is None:
                continue
            self._snapshot(k for (k,) in self.db.execute(
                "SELECT DISTINCT doc_key FROM entity_mentions WHERE key = ? AND type = 'ORG' AND rule IN ('exact', 'new')",
                (acronym,)).fetchall())
            self.db.execute(
                "UPDATE entity_mentions SET entity = ?, rule = 'acronym-archive'"
                " WHERE key = ? AND type = 'ORG' AND rule IN ('exact', 'new')",
                (target, acronym),
            )
        self.new_acronyms = set()

    def _article(self, doc_key: int) -> Article:
        row = self.db.execute("SELECT date_earliest, date_latest FROM documents WHERE key = ?", (doc_key,)).fetchone()
        return Article(doc_key, row[0] if row else None, row[1] if row else None, "")

    # -- counts, spellings, preferred names -------------------------------------
    def refresh(self) -> None:
        self._refresh_changed_articles()
        touched = sorted(e for e in self.touched if e)
        self.touched = set()
        for chunk in _chunks(touched):
            marks = _marks(chunk)
            self.db.execute(f"DELETE FROM entity_aliases WHERE entity IN ({marks})", chunk)
            aliases = self.db.execute(
                f"SELECT entity, text, SUM(count) FROM entity_mentions WHERE entity IN ({marks}) GROUP BY entity, text",
                chunk,
            ).fetchall()
            self.db.executemany(
                "INSERT INTO entity_aliases (entity, alias, key, count) VALUES (?,?,?,?)",
                [(e, alias, name_key(alias), int(n)) for e, alias, n in aliases],
            )
            totals = {e: (int(m), int(a)) for e, m, a in self.db.execute(
                f"SELECT entity, SUM(count), COUNT(DISTINCT doc_key) FROM entity_mentions"
                f" WHERE entity IN ({marks}) GROUP BY entity", chunk)}
            spellings: dict[str, list[tuple[str, int]]] = {}
            for e, alias, n in aliases:
                spellings.setdefault(e, []).append((alias, int(n)))
            rows = self.db.execute(f"SELECT id, type, name, name_fixed FROM entities WHERE id IN ({marks})", chunk)
            updates = []
            for e, kind, name, fixed in rows.fetchall():
                mentions, articles = totals.get(e, (0, 0))
                if not fixed and spellings.get(e):
                    name = preferred_name(kind, spellings[e])
                updates.append((mentions, articles, name, e))
            self.db.executemany("UPDATE entities SET mentions = ?, articles = ?, name = ? WHERE id = ?", updates)


    def _refresh_changed_articles(self) -> None:
        """Add the difference between the changed articles' rows before and now to the stored counts."""
        before, self.before = self.before, {}
        if not before:
            return
        after: dict[int, list[tuple[str, str, int]]] = {k: [] for k in before}
        for chunk in _chunks(sorted(before)):
            for doc_key, entity, text, count in self.db.execute(
                f"SELECT doc_key, entity, text, count FROM entity_mentions WHERE doc_key IN ({_marks(chunk)})", chunk
            ).fetchall():
                after[doc_key].append((entity, text, int(count)))
        mentions: dict[str, int] = {}
        articles: dict[str, int] = {}
        aliases: dict[tuple[str, str], int] = {}
        for doc_key, rows_before in before.items():
            for sign, rows in ((-1, rows_before), (1, after[doc_key])):
                for entity, text, count in rows:
                    mentions[entity] = mentions.get(entity, 0) + sign * count
                    aliases[entity, text] = aliases.get((entity, text), 0) + sign * count
                for entity in {e for e, _, _ in rows}:
                    articles[entity] = articles.get(entity, 0) + sign
        changed = sorted(e for e in mentions if mentions[e] or articles.get(e))
        self.db.executemany("UPDATE entities SET mentions = mentions + ?, articles = articles + ? WHERE id = ?",
                            [(mentions[e], articles.get(e, 0), e) for e in changed])
        self.db.executemany(
            "INSERT INTO entity_aliases (entity, alias, key, count) VALUES (?,?,?,?)"
            " ON CONFLICT (entity, alias) DO UPDATE SET count = entity_aliases.count + excluded.count",
            [(e, alias, name_key(alias), n) for (e, alias), n in sorted(aliases.items()) if n])
        renamed = sorted({e for (e, _), n in aliases.items() if n})
        for chunk in _chunks(renamed):
            marks = _marks(chunk)
            self.db.execute(f"DELETE FROM entity_aliases WHERE entity IN ({marks}) AND count <= 0", chunk)
            spellings: dict[str, list[tuple[str, int]]] = {}
            for e, alias, n in self.db.execute(
                f"SELECT entity, alias, count FROM entity_aliases WHERE entity IN ({marks})", chunk).fetchall():
                spellings.setdefault(e, []).append((alias, int(n)))
            updates = [
                (preferred_name(kind, spellings[e]), e)
                for e, kind, fixed in self.db.execute(
                    f"SELECT id, type, name_fixed FROM entities WHERE id IN ({marks})", chunk).fetchall()
                if not fixed and spellings.get(e)
            ]
            self.db.executemany("UPDATE entities SET name = ? WHERE id = ?", updates)


def _may_lend_surname(name: str) -> bool:
    """Whether a bare surname elsewhere may be this person: not for tagger slips such as
    "Ikea Österreich" (a place as surname), "6S Plus" (a digit), "Brasiliens Top-Stürmer Neymar"
    or "iPhone-Hersteller Apple" (a first word that is no given name: a genitive, a compound,
    lower case)."""
    words = name.split()
    if any(c.isdigit() for c in name) or place_key(words[-1]) is not None or len(words) > 4:
        return False
    first = words[0]
    known = first_names()
    if first in known or all(part in known for part in first.split("-")):
        return True
    if not first[:1].isupper() or "-" in first or (first.endswith("s") and len(first) > 3):
        return False
    return True


@lru_cache(maxsize=None)
def first_names(lang: str = "de") -> frozenset[str]:
    """The tagger's list of given names (chronik/lang/de/gazetteer/first_names.txt)."""
    return resource_set(lang, "gazetteer/first_names.txt")


def preferred_name(kind: str, spellings: list[tuple[str, int]]) -> str:
    """The most frequent spelling; for a person the full name whose spelling of the surname is
    written most often ("Wolodymyr Selenskyj" when "Selenskyj" outnumbers "Selensky")."""
    full = [s for s in spellings if " " in s[0].strip()] if kind == "PER" else []
    if not full:
        return sorted(spellings, key=lambda s: (-s[1], s[0]))[0][0]
    alone: dict[str, int] = {}
    for text, count in spellings:
        if " " not in text.strip():
            alone[name_key(text)] = alone.get(name_key(text), 0) + count
    return sorted(full, key=lambda s: (-(s[1] + alone.get(name_key(surname(s[0])), 0)), -s[1], s[0]))[0][0]


def rebuild(db: Any, progress: Callable[[int, int], None] | None = None) -> int:
    """Resolve every stored article again; entity ids stay, corrections are applied again."""
    keys = [k for (k,) in db.execute("SELECT key FROM documents ORDER BY key")]
    if isinstance(db, sqlite3.Connection):
        # Every entity_mentions index is written all over: keep it in memory (SQLite's default is 2 MB).
        db.execute(f"PRAGMA cache_size = -{REBUILD_CACHE_KB}")
    db.execute("DELETE FROM entity_mentions")
    db.execute("DELETE FROM entity_aliases")
    db.execute("UPDATE entities SET mentions = 0, articles = 0, merged_into = NULL")
    # The rules may have changed since the entities were made: their variant and surname keys
    # follow the current rules (from the preferred name; a name fixed by a rename keeps its keys).
    updates = []
    for entity, kind, name in db.execute("SELECT id, type, name FROM entities WHERE name_fixed = 0").fetchall():
        full = kind == "PER" and " " in name.strip()
        last = name_key(surname(name)) if full and _may_lend_surname(name) else ""
        updates.append((variant_key(name), last, variant_word(last) if last else "", entity))
    db.executemany("UPDATE entities SET variant = ?, surname_key = ?, surname_variant = ? WHERE id = ?", updates)
    resolver = EntityResolver(db)
    step = 500
    for start in range(0, len(keys), step):
        chunk = keys[start : start + step]
        for article in resolver._load(chunk):
            resolver._resolve_article(article)
        resolver._revise()
        if progress:
            progress(start + len(chunk), len(keys))
    resolver.before = {}  # counted in full below: every entity
    resolver.touched.update(e for (e,) in db.execute("SELECT id FROM entities"))
    resolver.refresh()
    apply_corrections(db, resolver)
    resolver.refresh()
    db.execute("INSERT INTO entity_state (key, value) VALUES ('built', 'yes') ON CONFLICT (key) DO UPDATE SET value = 'yes'")
    return len(keys)


def is_built(db: Any) -> bool:
    return db.execute("SELECT 1 FROM entity_state WHERE key = 'built' AND value = 'yes'").fetchone() is not None
