"""The web index: entities, quotes, time expressions and events of the
whole archive in SQLite tables beside the archive (:mod:`.index_schema`).

:func:`update_index` brings it in step with the archive: articles that
appeared are added, articles that went away (or were re-analysed, which
gives them a new key) are removed, then the derived tables are recomputed.
Only the articles that changed are read, so a server restarts at once and
follows an ingest that is running.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Callable

from ..archive import Archive
from ..errors import ChronikError
from . import queries
from .corrections import Correction
from .index_rows import ArticleRows, article_rows
from .index_schema import ARTICLE_TABLES, SCHEMA, SCHEMA_VERSION

BATCH = 200  # articles per transaction while indexing


def index_path(archive_location: str) -> Path:
    return Path(archive_location + ".web-index")


def connect_index(path: Path) -> sqlite3.Connection:
    try:
        db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error as error:
        raise ChronikError("E104", path=str(path), reason=f"the web index cannot be opened ({error})") from None
    return db


def ensure_schema(db: sqlite3.Connection) -> None:
    """Create the tables; a cache from another schema version is dropped."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" in tables:
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row and row[0] == SCHEMA_VERSION:
            return
    db.execute("BEGIN")
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        db.execute(f'DROP TABLE IF EXISTS "{name}"')
    for statement in SCHEMA:
        db.execute(statement)
    db.execute("INSERT INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
    db.execute("COMMIT")


def _splits_key(corrections: list[Correction]) -> str:
    return json.dumps(sorted({(c.entity, c.alias) for c in corrections if c.kind == "split"}))


def update_index(db: sqlite3.Connection, archive: Archive, corrections: list[Correction],
                 progress: Callable[[int, int], None] | None = None) -> int:
    """Bring the index in step with the archive; return the articles added or removed.

    ``progress(done, total)`` is called after every batch of added articles."""
    ensure_schema(db)
    splits_key = _splits_key(corrections)
    row = db.execute("SELECT value FROM meta WHERE key = 'splits'").fetchone()
    if row is None or row[0] != splits_key:
        # A split changes which entity mentions belong to: index every article again.
        _clear_articles(db)
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('splits', ?)", (splits_key,))
    splits = frozenset((a, b) for a, b in json.loads(splits_key))
    stored = queries.document_keys(archive)
    indexed = {key: (doc_id, at) for key, doc_id, at in db.execute("SELECT doc_key, doc_id, stored_at FROM articles")}
    changed = {key for key, state in indexed.items() if key in stored and stored[key] != state}
    removed = sorted(indexed.keys() - stored.keys() | changed)
    added = sorted(stored.keys() - indexed.keys() | changed)
    for start in range(0, len(removed), BATCH):
        with _transaction(db):
            _delete(db, removed[start : start + BATCH])
    for start in range(0, len(added), BATCH):
        keys = added[start : start + BATCH]
        with _transaction(db):
            for key, analysis in queries.analyses_by_key(archive, keys):
                _insert(db, article_rows(key, analysis, splits, stored[key][1]))
        if progress:
            progress(start + len(keys), len(added))
    # Derived tables change with the articles and with the recorded merges.
    # An archive with canonical entities has already judged bare surnames
    # (with context, docs/entities.md); the index's own surname rule would
    # fold ones it kept apart, so it only runs for archives without them.
    surname_rule = not queries.has_canonical_entities(archive)
    merges_key = json.dumps([surname_rule, [(c.entity, c.into) for c in corrections if c.kind == "merge"]])
    derived_for = db.execute("SELECT value FROM meta WHERE key = 'merges'").fetchone()
    if added or removed or derived_for is None or derived_for[0] != merges_key:
        derive(db, corrections, surname_rule)
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('merges', ?)", (merges_key,))
    return len(added) + len(removed)


class _transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, *rest) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def _clear_articles(db: sqlite3.Connection) -> None:
    with _transaction(db):
        for table in ARTICLE_TABLES:
            db.execute(f"DELETE FROM {table}")


def _delete(db: sqlite3.Connection, keys: list[int]) -> None:
    marks = ",".join("?" * len(keys))
    for table in ARTICLE_TABLES:
        db.execute(f"DELETE FROM {table} WHERE doc_key IN ({marks})", keys)


def _insert(db: sqlite3.Connection, rows: ArticleRows) -> None:
    db.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?)", rows.article)
    db.executemany("INSERT OR IGNORE INTO raw_entities VALUES (?,?,?)", sorted(rows.raw_entities))
    db.executemany("INSERT INTO entity_articles VALUES (?,?,?,?)", rows.entity_articles)
    db.executemany("INSERT INTO article_aliases VALUES (?,?,?,?)", rows.aliases)
    db.executemany("INSERT INTO article_pairs VALUES (?,?,?,?)", rows.pairs)
    db.executemany("INSERT INTO roles VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows.roles)
    db.executemany("INSERT OR REPLACE INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows.quotes)
    db.executemany("INSERT INTO quote_about VALUES (?,?,?,?,?)", rows.quote_about)
    db.executemany("INSERT OR REPLACE INTO timexes VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows.timexes)
    db.executemany("INSERT INTO events VALUES (?,?,?)", rows.events)


def derive(db: sqlite3.Connection, corrections: list[Correction], surname_rule: bool = True) -> None:
    """Recompute redirects (surname rule, then recorded merges) and entity totals."""
    redirects = _surname_redirects(db, corrections) if surname_rule else {}
    for c in corrections:
        if c.kind == "merge":
            _merge(redirects, c.entity, c.into)
    with _transaction(db):
        db.execute("DELETE FROM redirects")
        db.executemany("INSERT INTO redirects VALUES (?, ?)", sorted(redirects.items()))
        db.execute("DELETE FROM entities")
        db.execute(
            """INSERT INTO entities (id, type, name, mentions, articles)
               SELECT t.id, t.type, t.name, m.mentions, m.articles
               FROM (SELECT COALESCE(r.target, ea.raw) AS id, SUM(ea.count) AS mentions,
                            COUNT(DISTINCT ea.doc_key) AS articles
                     FROM entity_articles ea LEFT JOIN redirects r ON r.raw = ea.raw
                     GROUP BY 1) m
               JOIN raw_entities t ON t.id = m.id"""
        )
        _derive_aggregates(db)
        _derive_page_totals(db)
        # Role holders never named as a mention still get a page.
        db.execute(
            """INSERT OR IGNORE INTO entities (id, type, name, mentions, articles)
               SELECT t.id, t.type, t.name, 0, COUNT(DISTINCT ro.doc_key)
               FROM roles ro LEFT JOIN redirects r ON r.raw = ro.raw
               JOIN raw_entities t ON t.id = COALESCE(r.target, ro.raw) GROUP BY t.id"""
        )


def _derive_aggregates(db: sqlite3.Connection) -> None:
    """Aliases and neighbours per entity, summed once here instead of on every page view."""
    db.execute("DELETE FROM entity_aliases")
    db.execute(
        """INSERT INTO entity_aliases (entity, alias, count)
           SELECT COALESCE(r.target, aa.raw), aa.alias, SUM(aa.count) FROM article_aliases aa
           LEFT JOIN redirects r ON r.raw = aa.raw GROUP BY 1, 2"""
    )
    db.execute("DELETE FROM entity_neighbours")
    db.execute(
        """INSERT INTO entity_neighbours (entity, other, count)
           SELECT a, b, SUM(count) FROM (
               SELECT COALESCE(r1.target, p.raw) AS a, COALESCE(r2.target, p.other) AS b, p.count AS count
               FROM article_pairs p LEFT JOIN redirects r1 ON r1.raw = p.raw
               LEFT JOIN redirects r2 ON r2.raw = p.other)
           WHERE a != b GROUP BY a, b"""
    )


def _derive_page_totals(db: sqlite3.Connection) -> None:
    """Mentions per month and quote counts per entity: an entity page reads
    a few rows instead of summing over every article that names it."""
    db.execute("DELETE FROM entity_months")
    db.execute(
        """INSERT INTO entity_months (entity, month, mentions)
           SELECT COALESCE(r.target, ea.raw), substr(ea.earliest, 1, 7), SUM(ea.count)
           FROM entity_articles ea LEFT JOIN redirects r ON r.raw = ea.raw
           WHERE ea.earliest IS NOT NULL GROUP BY 1, 2"""
    )
    db.execute("DELETE FROM entity_quote_counts")
    # Quotes about an entity leave out the ones it said itself (as in
    # index_queries.quotes_about); speaker corrections are added per page.
    db.execute(
        """INSERT INTO entity_quote_counts (entity, quotes_by, quotes_about)
           SELECT entity, SUM(by_count), SUM(about_count) FROM (
               SELECT COALESCE(r.target, q.speaker_raw) AS entity, COUNT(*) AS by_count, 0 AS about_count
               FROM quotes q LEFT JOIN redirects r ON r.raw = q.speaker_raw
               WHERE q.speaker_raw IS NOT NULL GROUP BY 1
               UNION ALL
               SELECT entity, 0, COUNT(DISTINCT quote) FROM (
                   SELECT COALESCE(r1.target, qa.raw) AS entity, qa.quote AS quote,
                          COALESCE(r2.target, qa.speaker_raw) AS speaker
                   FROM quote_about qa LEFT JOIN redirects r1 ON r1.raw = qa.raw
                   LEFT JOIN redirects r2 ON r2.raw = qa.speaker_raw)
               WHERE speaker IS NULL OR speaker != entity GROUP BY 1)
           GROUP BY entity"""
    )


def _surname_redirects(db: sqlite3.Connection, corrections: list[Correction]) -> dict[str, str]:
    """A one-word person that is the surname of exactly one full name is that person."""
    splits = {(c.entity, c.alias) for c in corrections if c.kind == "split"}
    by_surname: dict[str, list[str]] = {}
    single: list[tuple[str, str]] = []
    for raw, name in db.execute(
        "SELECT id, name FROM raw_entities WHERE type = 'PER' AND id IN (SELECT raw FROM entity_articles)"
    ):
        if " " in name:
            by_surname.setdefault(name.split()[-1], []).append(raw)
        else:
            single.append((raw, name))
    redirects = {}
    for raw, name in single:
        targets = by_surname.get(name, [])
        # A split ("this Kowalczyk is somebody else") outlasts the surname rule.
        if len(targets) == 1 and (targets[0], name) not in splits:
            redirects[raw] = targets[0]
    return redirects


def _merge(redirects: dict[str, str], source: str, target: str) -> None:
    source, target = redirects.get(source, source), redirects.get(target, target)
    if source == target:
        return
    redirects[source] = target
    for raw, into in redirects.items():
        if into == source:
            redirects[raw] = target
