"""``chronik quotes`` over a small archive of self-written articles."""

from __future__ import annotations

import json

import pytest

from chronik.archive import open_archive
from chronik.archive.ingest import ingest
from chronik.cli import main
from chronik.document import Document
from chronik.pipeline import Pipeline

PIPELINE = ["text", "entities", "roles", "links", "quotes"]

ARTICLES = [
    ("2023-02-08", "Gewerkschaftschefin Marlene Osterkamp hat die Beschäftigten der Flughäfen zum Warnstreik aufgerufen. "
     "«Ohne einen Streik bewegt sich bei den Arbeitgebern nichts», sagte Osterkamp in Hannover. "
     "Die Arbeitgeber nannten den Aufruf unverhältnismäßig."),
    ("2023-03", "Bundesfinanzminister Konrad Wiesinger hat den Haushaltsentwurf vorgestellt. "
     "Der Bund werde im kommenden Jahr weniger Schulden machen, sagte der Minister in Berlin. "
     "«Wir müssen sparen, aber wir sparen nicht an der Bildung», sagte er."),
    ("2023-05-02", "Wiesinger lehnte neue Schulden ab. "
     "«Die Streiks an den Flughäfen kosten die Wirtschaft viel Geld», sagte Wiesinger am Dienstag."),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("quotes") / "news.db"
    documents = [Document.from_text(text, date) for date, text in ARTICLES]
    with open_archive(path, create=True) as archive:
        ingest(archive, [(f"/n/{i}.txt", d) for i, d in enumerate(documents)], Pipeline(PIPELINE))
    return str(path)


def quotes_json(capsys, db: str, *options: str) -> list[dict]:
    assert main(["quotes", "--db", db, "--json", *options]) == 0
    return json.loads(capsys.readouterr().out)


def test_surname_finds_the_full_name_in_any_case(db, capsys):
    hits = quotes_json(capsys, db, "--speaker", "wiesinger")
    # "der Minister" and "er" are Konrad Wiesinger; the later article names only "Wiesinger"
    assert {h["speaker"] for h in hits} == {"Konrad Wiesinger", "Wiesinger"}
    assert {h["source_text"] for h in hits} >= {"der Minister", "er"}
    messages = " ".join(h["message"] for h in hits)
    assert "weniger Schulden" in messages and "Bildung" in messages and "Flughäfen" in messages


def test_about_matches_inflected_words_in_the_message(db, capsys):
    hits = quotes_json(capsys, db, "--about", "Streik")
    assert {h["speaker"] for h in hits} == {"Marlene Osterkamp", "Wiesinger"}
    assert all("Streik" in h["message"] for h in hits)


def test_filters_combine_form_and_dates(db, capsys):
    hits = quotes_json(capsys, db, "--form", "direct", "--from", "2023-03", "--to", "2023-04")
    assert [h["message"].strip("«»") for h in hits] == ["Wir müssen sparen, aber wir sparen nicht an der Bildung"]
    assert hits[0]["date"] == "2023-03" and hits[0]["cue"] == "sagte"


def test_plain_output_shows_speaker_date_article_and_message(db, capsys):
    assert main(["quotes", "--db", db, "--speaker", "Osterkamp"]) == 0
    out = capsys.readouterr().out
    assert "2023-02-08  Marlene Osterkamp (sagte)  [Direct]" in out
    assert "    «Ohne einen Streik bewegt sich bei den Arbeitgebern nichts»" in out


def test_unknown_form_is_a_user_error(db, capsys):
    assert main(["quotes", "--db", db, "--form", "wörtlich"]) == 2
    err = capsys.readouterr().err
    assert "E112" in err and "direct" in err


def test_nothing_found_says_so(db, capsys):
    assert main(["quotes", "--db", db, "--speaker", "Niemand Unbekannt"]) == 0
    assert "no quotes match" in capsys.readouterr().err


def test_archive_without_quotes_says_how_to_fill_it(tmp_path, capsys):
    path = tmp_path / "text-only.db"
    with open_archive(path, create=True) as archive:
        ingest(archive, [("/n/a.txt", Document.from_text(ARTICLES[0][1], ARTICLES[0][0]))], Pipeline(["text"]))
    assert main(["quotes", "--db", str(path), "--speaker", "Osterkamp"]) == 0
    assert "chronik ingest" in capsys.readouterr().err
