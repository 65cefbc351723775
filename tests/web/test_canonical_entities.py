"""The web shows the archive's canonical entities: one page per person
whatever the spelling, with the archive's ids, and a merge made with the
CLI shows on the web."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.cli import main
from tests.cli.test_entity_resolution import MUELLER, SELENSKYJ, write


@pytest.fixture
def ukraine_db(tmp_path: Path) -> str:
    db = str(tmp_path / "chronik.db")
    chosen = ("gasspeicher", "derby", "sturm")  # two Müllers, and one on Föhr who is neither
    articles = write(tmp_path / "artikel", {**SELENSKYJ, **{k: MUELLER[k] for k in chosen}})
    assert main(["ingest", str(articles), "--db", db, "--pipeline", "text,entities,roles"]) == 0
    return db


def client(db: str):
    from fastapi.testclient import TestClient

    from chronik.web.app import create_app
    from chronik.web.state import ServerSettings

    return TestClient(create_app(ServerSettings(db)))


def archive_entity(db: str, name: str):
    from chronik.archive import open_archive
    from chronik.chronicle.entities import find_entity

    with open_archive(db) as archive:
        return find_entity(archive, name)


def test_every_spelling_is_one_entity_page(ukraine_db):
    web = client(ukraine_db)
    stored = archive_entity(ukraine_db, "Zelensky")
    found = web.get("/api/entities?q=Zelensky&type=PER").json()["entities"]
    assert [e["id"] for e in found] == [stored.id]
    page = web.get(f"/api/entities/{stored.id}").json()
    assert page["name"] == "Wolodymyr Selenskyj"
    assert {"Selenskyj", "Selensky", "Zelensky", "Wolodymyr Selensky"} <= set(page["aliases"])
    assert page["articles"] == 3


def test_a_merge_made_with_the_cli_shows_on_the_web(ukraine_db):
    web = client(ukraine_db)
    alone = archive_entity(ukraine_db, "Müller")  # the Föhr "Müller": nobody known
    minister = archive_entity(ukraine_db, "Sabine Müller")
    assert web.get(f"/api/entities/{alone.id}").json()["id"] == alone.id
    assert main(["entity", alone.id, "--db", ukraine_db, "--merge-into", "Sabine Müller", "--by", "redaktion"]) == 0
    merged = client(ukraine_db).get(f"/api/entities/{alone.id}").json()
    assert merged["id"] == minister.id and merged["articles"] == 2


def test_the_index_leaves_bare_surnames_to_the_archive(ukraine_db):
    # The archive judged every bare surname with its context; the web index
    # must not run its own, context-free surname rule over the result.
    import json
    import sqlite3

    from chronik.web.index import index_path

    client(ukraine_db).get("/api/entities?q=M%C3%BCller")
    with sqlite3.connect(index_path(ukraine_db)) as index:
        (derived_for,) = index.execute("SELECT value FROM meta WHERE key = 'merges'").fetchone()
    surname_rule, merges = json.loads(derived_for)
    assert surname_rule is False and merges == []


def test_without_archive_entities_the_index_joins_surnames(tmp_path):
    from chronik.web.index import connect_index, derive, ensure_schema

    index = connect_index(tmp_path / "index.db")
    ensure_schema(index)
    index.executemany("INSERT INTO raw_entities (id, type, name) VALUES (?, 'PER', ?)",
                      [("p1", "Paula Brandt"), ("p2", "Brandt")])
    index.executemany("INSERT INTO entity_articles (raw, doc_key, count, earliest) VALUES (?, 1, 1, '2023-05-01')",
                      [("p1",), ("p2",)])
    derive(index, [], surname_rule=True)
    assert index.execute("SELECT raw, target FROM redirects").fetchall() == [("p2", "p1")]
    derive(index, [], surname_rule=False)
    assert index.execute("SELECT raw, target FROM redirects").fetchall() == []
