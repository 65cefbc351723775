"""``chronik events`` over a small archive of self-written articles."""

from __future__ import annotations

import json

from chronik.archive import open_archive
from chronik.archive.ingest import ingest
from chronik.cli import main
from chronik.document import Document
from chronik.pipeline import Pipeline

PIPELINE = ["text", "time", "entities", "roles", "links", "quotes", "events"]


def build_archive(path) -> None:
    articles = [
        Document.from_text("Litauen und Polen vereinbarten am Montag eine engere Zusammenarbeit beim Grenzschutz.",
                           "2023-06-14"),
        Document.from_text("Im Jahr 2019 hatte Polen die Ukraine bei der Energieversorgung unterstützt.", "2023-07"),
        Document.from_text("Die Regierung in Warschau kritisierte den Kreml scharf.", "2022-03"),
    ]
    with open_archive(path, create=True) as archive:
        ingest(archive, [(f"/n/{i}.txt", a) for i, a in enumerate(articles)], Pipeline(PIPELINE))


def test_timeline_is_ordered_by_event_date(tmp_path, capsys):
    db = tmp_path / "news.db"
    build_archive(db)
    assert main(["events", "--db", str(db), "--entity", "Polen", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    earliest = [e["earliest"] for e in events]
    assert earliest == sorted(earliest)
    assert events[0]["earliest"].startswith("2019")  # told in 2023, happened in 2019
    assert all(e["sentence"] for e in events)


def test_filter_by_type_and_range(tmp_path, capsys):
    db = tmp_path / "news.db"
    build_archive(db)
    assert main(["events", "--db", str(db), "--type", "DISAPPROVE", "--from", "2022", "--to", "2022"]) == 0
    out = capsys.readouterr().out
    assert "DISAPPROVE" in out and "Polen -> Russland" in out
    assert "AGREE" not in out


def test_empty_range_is_a_user_error(tmp_path, capsys):
    db = tmp_path / "news.db"
    build_archive(db)
    assert main(["events", "--db", str(db), "--from", "2023", "--to", "2022"]) == 2
    assert "E002" in capsys.readouterr().err


def test_reports_of_one_event_merge_with_the_tightest_date(tmp_path, capsys):
    db = tmp_path / "news.db"
    articles = [
        Document.from_text("Spanien und Portugal haben im März ein Abkommen über Wasser vereinbart.", "2024-04"),
        Document.from_text("Spanien und Portugal haben am 12. März 2024 die Teilung der Flüsse vereinbart.", "2024-05"),
    ]
    with open_archive(db, create=True) as archive:
        ingest(archive, [(f"/m/{i}.txt", a) for i, a in enumerate(articles)], Pipeline(PIPELINE))
    assert main(["events", "--db", str(db), "--type", "AGREE", "--merge", "--json"]) == 0
    merged = json.loads(capsys.readouterr().out)
    assert len(merged) == 1
    assert len(merged[0]["sources"]) == 2
    assert merged[0]["earliest"] == merged[0]["latest"] == "2024-03-12"
    assert merged[0]["independent_sources"] == 2  # two articles, not copies of one text


def test_network_as_graphml_and_json(tmp_path, capsys):
    db = tmp_path / "news.db"
    build_archive(db)
    assert main(["events", "--db", str(db), "--network", "json"]) == 0
    network = json.loads(capsys.readouterr().out)
    edges = {(e["source"], e["target"], e["type"]): e["count"] for e in network["edges"]}
    assert edges[("Polen", "Ukraine", "SUPPORT")] == 1
    # Polen: agreed with Litauen, supported the Ukraine, criticised the Kreml
    assert edges[("Litauen", "Polen", "AGREE")] == 1
    assert {"id": "Polen", "events": 3} in network["nodes"]
    assert main(["events", "--db", str(db), "--network", "graphml"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<?xml") and "<edge source=" in out
    import xml.dom.minidom

    xml.dom.minidom.parseString(out)  # well-formed


def test_pair_timeline_and_with_needs_entity(tmp_path, capsys):
    db = tmp_path / "news.db"
    build_archive(db)
    assert main(["events", "--db", str(db), "--entity", "Ukraine", "--with", "Polen", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert [(e["actor"], e["target"], e["type"]) for e in events] == [("Polen", "Ukraine", "SUPPORT")]
    assert main(["events", "--db", str(db), "--with", "Polen"]) == 2
    assert "--entity" in capsys.readouterr().err
