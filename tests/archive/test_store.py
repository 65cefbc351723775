from __future__ import annotations

import sqlite3

import pytest

from chronik.archive import open_archive
from chronik.archive.ingest import ingest
from chronik.archive.layers import LAYER_TABLES, LayerTable, register_layer_table
from chronik.archive.migrations import MIGRATIONS
from chronik.errors import ChronikError


def test_show_by_unique_prefix(archive, articles, stub):
    ingest(archive, [("/n/a.txt", articles[0]), ("/n/b.txt", articles[1])], stub)
    doc = archive.document(articles[1].id[:8])
    assert doc.doc_id == articles[1].id
    assert doc.title == "Haushalt beschlossen"
    assert [b["kind"] for b in doc.blocks] == ["paragraph"]


@pytest.mark.parametrize("prefix", ["abc", "ffffffffff", "zzzzzzz"])
def test_unknown_or_short_prefix(archive, articles, stub, prefix):
    ingest(archive, [("/n/a.txt", articles[0])], stub)
    with pytest.raises(ChronikError, match="E303"):
        archive.document(prefix)


def test_stats(archive, articles, stub):
    ingest(archive, [(f"/n/{i}.txt", d) for i, d in enumerate(articles)], stub)
    stats = archive.stats()
    assert stats.articles == 3
    # the year-only "2022" is not more recent than "2022-03-15" for sure
    assert (stats.earliest, stats.latest) == ("2021-12", "2022-03-15")
    assert stats.sentences == 7
    assert stats.tokens > 50
    assert stats.layers["sentences"] == 7
    assert stats.pipeline_versions == {"test-1": 3}


def test_empty_archive_stats(archive):
    stats = archive.stats()
    assert (stats.articles, stats.earliest, stats.sentences, stats.tokens) == (0, None, 0, 0)


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "a.db"
    open_archive(path, create=True).close()
    with open_archive(path) as archive:
        names = [r[0] for r in archive.db.execute("SELECT name FROM chronik_migrations")]
    assert {m.name for m in MIGRATIONS} <= set(names)
    assert len(names) == len(set(names))
    assert archive.db is not None


def test_archive_from_a_newer_chronik_is_refused(tmp_path):
    path = tmp_path / "a.db"
    open_archive(path, create=True).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO chronik_migrations VALUES ('m999_future', '2030-01-01')")
    db.commit()
    db.close()
    with pytest.raises(ChronikError, match="E302"):
        open_archive(path)


def test_missing_and_foreign_files(tmp_path):
    with pytest.raises(ChronikError, match="E307"):
        open_archive(tmp_path / "fehlt.db")
    text = tmp_path / "notiz.db"
    text.write_text("Das ist keine Datenbank, sondern eine Notiz.\n" * 100)
    with pytest.raises(ChronikError, match="E301"):
        open_archive(text)
    other = tmp_path / "fremd.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE kunden (name TEXT)")
    db.commit()
    db.close()
    with pytest.raises(ChronikError, match="E301"):
        open_archive(other)


def test_unknown_url_scheme_is_refused():
    with pytest.raises(ChronikError, match="E306"):
        open_archive("mysql://localhost/chronik")


def test_layer_table_gets_its_migration_and_rows(tmp_path, articles, stub):
    table = LayerTable(
        layer="tokens",
        table="test_long_words",
        ddl=("CREATE TABLE test_long_words (doc_key INTEGER NOT NULL, start INTEGER, word TEXT)",),
        columns=("start", "word"),
        rows=lambda analysis: ((t.start, t.text) for t in analysis.tokens if len(t.text) > 12),
    )
    register_layer_table(table)
    try:
        with open_archive(tmp_path / "a.db", create=True) as archive:
            ingest(archive, [("/n/a.txt", articles[0])], stub)
            words = [r[0] for r in archive.db.execute("SELECT word FROM test_long_words")]
            assert "Nato-Osterweiterung" in words
            applied = {r[0] for r in archive.db.execute("SELECT name FROM chronik_migrations")}
            assert "layer:test_long_words:1" in applied
            # re-analysis replaces the layer rows instead of adding to them
            from .stub import StubPipeline

            ingest(archive, [("/n/a.txt", articles[0])], StubPipeline("test-2"))
            assert archive.db.execute("SELECT COUNT(*) FROM test_long_words").fetchone()[0] == len(words)
    finally:
        LAYER_TABLES.pop("test_long_words")
