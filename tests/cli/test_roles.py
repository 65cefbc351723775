"""``chronik roles`` over a small archive of self-written articles."""

from __future__ import annotations

import json

from chronik.archive import open_archive
from chronik.archive.ingest import ingest
from chronik.cli import main
from chronik.document import Document
from chronik.pipeline import Pipeline


def build_archive(path) -> None:
    articles = [
        Document.from_text("Der britische Premierminister Rishi Sunak reiste nach Kiew.", "2023-06-14"),
        Document.from_text("Die frühere Premierministerin Theresa May kritisierte den Plan.", "2023-07"),
        Document.from_text("US-Präsident Joe Biden empfing den Gast im Weißen Haus.", "2021-12"),
    ]
    with open_archive(path, create=True) as archive:
        ingest(archive, [(f"/n/{i}.txt", a) for i, a in enumerate(articles)], Pipeline(["text", "entities", "roles"]))


def test_roles_by_role_and_month(tmp_path, capsys):
    db = tmp_path / "news.db"
    build_archive(db)
    assert main(["roles", "--db", str(db), "--role", "Präsident", "--from", "2021-12", "--to", "2021-12", "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert [(f["person"], f["of"], f["date"]) for f in facts] == [("Joe Biden", "USA", "2021-12")]
    assert "Joe Biden" in facts[0]["sentence"]


def test_roles_by_surname_with_status(tmp_path, capsys):
    db = tmp_path / "news.db"
    build_archive(db)
    assert main(["roles", "--db", str(db), "--person", "May"]) == 0
    out = capsys.readouterr().out
    assert "Theresa May: Premierministerin" in out and "[former]" in out


def test_empty_date_range_is_a_user_error(tmp_path, capsys):
    db = tmp_path / "news.db"
    build_archive(db)
    assert main(["roles", "--db", str(db), "--from", "2022", "--to", "2021"]) == 2
    assert "E002" in capsys.readouterr().err


def test_role_query_finds_both_genders(tmp_path, capsys):
    db = tmp_path / "news.db"
    build_archive(db)
    assert main(["roles", "--db", str(db), "--role", "Premierminister", "--json"]) == 0
    people = {f["person"] for f in json.loads(capsys.readouterr().out)}
    assert people == {"Rishi Sunak", "Theresa May"}
