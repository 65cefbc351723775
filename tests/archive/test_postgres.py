"""What only the PostgreSQL archive has to prove: several processes ingesting
into one archive at once, and clear errors for a bad URL.  Everything else
runs against both backends through the ``archive`` fixture (conftest.py)."""

from __future__ import annotations

import multiprocessing

import pytest

from chronik.archive import open_archive
from chronik.archive.ingest import ingest
from chronik.archive.migrations import MIGRATIONS
from chronik.archive.pg_dialect import CORE_DDL, to_postgres, tsquery_text
from chronik.document import Document
from chronik.errors import ChronikError

from .pg import postgres_schema
from .stub import StubPipeline

TOWNS = ["Kassel", "Fulda", "Gießen", "Marburg", "Wetzlar", "Hanau", "Offenbach", "Darmstadt", "Limburg"]


def _council_reports() -> list[Document]:
    return [
        Document.from_text(
            f"Der Stadtrat von {town} hat am Montag über den Bau einer neuen Schule beraten. "
            f"Die Entscheidung soll im Frühjahr fallen, sagte die Bürgermeisterin von {town}.",
            f"2023-0{1 + i % 9}-1{i % 9}",
            title=f"Schulbau in {town}",
        )
        for i, town in enumerate(TOWNS)
    ]


def _ingest_some(url: str, indexes: list[int]) -> None:
    docs = _council_reports()
    with open_archive(url, create=True) as archive:
        # batch_size=1: many small transactions interleave between processes
        ingest(archive, [(f"/berichte/{i}.txt", docs[i]) for i in indexes], StubPipeline(), batch_size=1)


def test_concurrent_ingests_lose_and_duplicate_nothing():
    overlapping = [[0, 1, 2, 3, 4, 5], [3, 4, 5, 6, 7], [0, 2, 4, 6, 8, 1]]
    with postgres_schema() as url:
        context = multiprocessing.get_context("spawn")
        workers = [context.Process(target=_ingest_some, args=(url, part)) for part in overlapping]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(120)
        assert [w.exitcode for w in workers] == [0, 0, 0]
        with open_archive(url) as archive:
            ids = [r[0] for r in archive.db.execute("SELECT id FROM documents")]
            assert sorted(ids) == sorted(d.id for d in _council_reports())
            assert archive.stats().sentences == 2 * len(TOWNS)
            assert len(archive.search("Schule")) == len(TOWNS)


def test_unreachable_server_is_a_user_error():
    pytest.importorskip("psycopg")
    with pytest.raises(ChronikError, match="E310"):
        open_archive("postgresql://postgres@127.0.0.1:1/keine_datenbank?connect_timeout=2")


def test_missing_archive_is_not_created_without_create():
    with postgres_schema() as url, pytest.raises(ChronikError, match="E307"):
        open_archive(url)


def test_every_core_migration_has_postgres_ddl():
    assert {m.name for m in MIGRATIONS} <= set(CORE_DDL)


def test_sqlite_statements_are_translated():
    assert to_postgres("SELECT s.end FROM sentences s WHERE s.id = ?") == 'SELECT s."end" FROM sentences s WHERE s.id = %s'
    assert to_postgres("WHERE q.source_text = ? COLLATE NOCASE") == "WHERE lower(q.source_text) = lower(%s)"
    assert to_postgres("WHERE x LIKE '%end' AND y = ?") == "WHERE x LIKE '%%end' AND y = %s"
    assert tsquery_text([("nato", "osterweiter"), ("o'neill",)]) == "('nato' <-> 'osterweiter') & ('o''neill')"
