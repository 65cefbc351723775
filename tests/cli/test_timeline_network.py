"""``chronik timeline`` and ``chronik network`` over the bundled sample archive
(chronik/samples: wage talks in public transport, a German-Norwegian pipeline)."""

from __future__ import annotations

import json
import xml.dom.minidom

import pytest

from chronik.archive.terms import stem
from chronik.cli import main

from chronik.cli.demo import SAMPLES


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("samples") / "chronik.db")
    assert main(["ingest", str(SAMPLES / "*.txt"), "--db", db]) == 0
    return db


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_timeline_of_one_person_is_ordered_by_event_date(samples_db, capsys):
    code, out, _ = run(capsys, "timeline", "Wallmeyer", "--db", samples_db, "--json")
    assert code == 0
    events = json.loads(out)
    assert events, "the minister takes part in events of the pipeline story"
    assert all("Katrin Wallmeyer" in (e["actor"], e["target"]) for e in events)
    assert [e["earliest"] for e in events] == sorted(e["earliest"] for e in events)


def test_pair_timeline_keeps_only_events_between_the_two(samples_db, capsys):
    code, out, _ = run(capsys, "timeline", "Haugland", "--with", "Wallmeyer", "--db", samples_db, "--json")
    assert code == 0
    events = json.loads(out)
    assert events
    assert all({e["actor"], e["target"]} == {"Katrin Wallmeyer", "Eirik Haugland"} for e in events)
    # the same selection as chronik events --entity A --with B
    code, same, _ = run(capsys, "events", "--entity", "Haugland", "--with", "Wallmeyer", "--db", samples_db, "--json")
    assert json.loads(same) == events


def test_timeline_of_a_search_matches_the_evidence_sentence(samples_db, capsys):
    code, out, _ = run(capsys, "timeline", "--query", "Streik", "--db", samples_db, "--json")
    assert code == 0
    events = json.loads(out)
    assert events
    # "Streik" finds "Streiks", "Warnstreiks" only as a compound part it is not
    assert all(stem("Streik") in [stem(w.strip(".,«»„“:;")) for w in e["sentence"].split()] for e in events)
    code, narrowed, _ = run(capsys, "timeline", "Kowalczyk", "--query", "Streik", "--db", samples_db, "--json")
    assert all("Bernd Kowalczyk" in (e["actor"], e["target"]) for e in json.loads(narrowed))
    code, about, _ = run(capsys, "events", "--about", "Streik", "--db", samples_db, "--json")
    assert json.loads(about) == events


def test_timeline_needs_a_name_or_a_query(samples_db, capsys):
    code, _, err = run(capsys, "timeline", "--db", samples_db)
    assert code == 2 and "E621" in err
    code, _, err = run(capsys, "timeline", "--with", "Haugland", "--db", samples_db)
    assert code == 2 and "--with" in err


def test_unknown_event_type_is_a_user_error(samples_db, capsys):
    code, _, err = run(capsys, "events", "--type", "KONSULT", "--db", samples_db)
    assert code == 2 and "E620" in err and "CONSULT" in err
    code, _, err = run(capsys, "timeline", "Wallmeyer", "--type", "KONSULT", "--db", samples_db)
    assert code == 2 and "E620" in err


def test_network_over_a_time_window(samples_db, capsys):
    code, out, _ = run(capsys, "network", "--from", "2023-02", "--to", "2023-06", "--db", samples_db)
    assert code == 0
    network = json.loads(out)
    names = {n["id"] for n in network["nodes"]}
    for edge in network["edges"]:
        assert edge["source"] in names and edge["target"] in names
        assert edge["count"] >= 1 and edge["reports"] >= edge["count"]
        assert edge["latest"] >= "2023-02-01" and edge["earliest"] <= "2023-06-30"
    # nothing outside the window: the strike story's January events are left out
    code, january, _ = run(capsys, "network", "--from", "2023-01", "--to", "2023-01", "--db", samples_db)
    assert all(e["earliest"] <= "2023-01-31" for e in json.loads(january)["edges"])


def test_network_as_graphml_file(samples_db, capsys, tmp_path):
    target = tmp_path / "netz.graphml"
    code, out, err = run(capsys, "network", str(target), "--db", samples_db)
    assert code == 0 and out == "" and "wrote" in err
    document = xml.dom.minidom.parse(str(target))  # well-formed, and GraphML because of the suffix
    assert document.documentElement.tagName == "graphml"
    code, out, _ = run(capsys, "network", "--format", "graphml", "--type", "CONSULT", "--db", samples_db)
    edges = xml.dom.minidom.parseString(out).getElementsByTagName("edge")
    types = {d.firstChild.data for e in edges for d in e.getElementsByTagName("data") if d.getAttribute("key") == "type"}
    assert types <= {"CONSULT"}


def test_network_to_an_unwritable_place_is_a_user_error(samples_db, capsys, tmp_path):
    code, _, err = run(capsys, "network", str(tmp_path / "no" / "such" / "dir" / "netz.json"), "--db", samples_db)
    assert code == 2 and "E622" in err
