"""Schema migrations: registered functions, recorded in the database.

Each migration runs once per archive, in the order registered, inside one
transaction together with the row in ``chronik_migrations`` that records
it.  An archive that records a migration this version does not know was
written by a newer chronik and is refused (E302) rather than damaged.
Layer tables (:mod:`.layers`) add their own migrations named
``layer:<table>:<n>``.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from dataclasses import dataclass
from typing import Callable

from ..errors import ChronikError
from .layers import layer_tables
from .transactions import transaction


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[sqlite3.Connection], None]


MIGRATIONS: list[Migration] = []


def migration(function: Callable[[sqlite3.Connection], None]) -> Callable[[sqlite3.Connection], None]:
    MIGRATIONS.append(Migration(function.__name__, function))
    return function


@migration
def m001_documents(db: sqlite3.Connection) -> None:
    # ``key`` is a compact integer for joins; ``id`` the public content hash.
    db.execute(
        """CREATE TABLE documents (
            key INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            date TEXT,
            date_precision TEXT,
            date_earliest TEXT,
            date_latest TEXT,
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            metadata TEXT NOT NULL DEFAULT '{}',
            blocks TEXT NOT NULL DEFAULT '[]',
            text TEXT NOT NULL,
            token_count INTEGER NOT NULL DEFAULT 0,
            pipeline_version TEXT NOT NULL,
            source_path TEXT NOT NULL DEFAULT '',
            ingested_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX documents_source_path ON documents (source_path)")
    db.execute("CREATE INDEX documents_dates ON documents (date_earliest, date_latest)")


@migration
def m002_sentences(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,
            doc_key INTEGER NOT NULL REFERENCES documents (key),
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            is_heading INTEGER NOT NULL DEFAULT 0,
            stems TEXT NOT NULL,
            UNIQUE (doc_key, idx)
        )"""
    )
    # External-content index over the stemmed copy: the stems live once, in
    # ``sentences``; deleting a row needs its old stems, which we keep.
    db.execute(
        """CREATE VIRTUAL TABLE sentence_index USING fts5 (
            stems, content='sentences', content_rowid='id',
            tokenize='unicode61 remove_diacritics 0'
        )"""
    )


@migration
def m003_analyses(db: sqlite3.Connection) -> None:
    # The full Analysis.to_dict() as zlib-compressed JSON, so layers that
    # have no table yet (or never get one) are kept.
    db.execute(
        """CREATE TABLE analyses (
            doc_key INTEGER PRIMARY KEY REFERENCES documents (key),
            pipeline_version TEXT NOT NULL,
            layer_counts TEXT NOT NULL DEFAULT '{}',
            json BLOB NOT NULL
        )"""
    )


@migration
def m004_entities(db: sqlite3.Connection) -> None:
    from .entity_schema import SQLITE_DDL

    for statement in SQLITE_DDL:
        db.execute(statement)


@migration
def m005_entity_rank(db: sqlite3.Connection) -> None:
    from .entity_schema import RANK_DDL

    for statement in RANK_DDL:
        db.execute(statement)


def _all_migrations() -> list[Migration]:
    result = list(MIGRATIONS)
    for table in layer_tables():
        for name, statement in zip(table.migration_names(), table.ddl):
            result.append(Migration(name, lambda db, sql=statement: db.execute(sql)))
    return result


def applied(db: sqlite3.Connection) -> set[str]:
    db.execute(
        "CREATE TABLE IF NOT EXISTS chronik_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    return {row[0] for row in db.execute("SELECT name FROM chronik_migrations")}


def migrate(db: sqlite3.Connection, location: str) -> list[str]:
    """Apply the pending migrations; return their names."""
    known = _all_migrations()
    done = applied(db)
    unknown = done - {m.name for m in known}
    if unknown:
        raise ChronikError("E302", path=location, found=sorted(unknown)[-1], known=known[-1].name)
    pending = [m for m in known if m.name not in done]
    for step in pending:
        with transaction(db):  # one migration and its record, or neither
            step.apply(db)
            db.execute(
                "INSERT INTO chronik_migrations (name, applied_at) VALUES (?, ?)",
                (step.name, _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")),
            )
    return [m.name for m in pending]
