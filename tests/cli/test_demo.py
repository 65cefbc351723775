from __future__ import annotations

import pytest

from chronik.cli.demo import SAMPLES, example_query, summary_lines


def test_demo_ingests_samples_and_says_how_to_search(chronik, db):
    if not list(SAMPLES.glob("*.txt")):
        pytest.skip("no sample articles bundled yet (chronik/samples/*.txt)")
    code, out, err = chronik("demo", "--db", db)
    assert code == 0, err
    assert "the archive holds" in out
    assert "chronik search" in out and "browse it" in out
    code, out, _ = chronik("demo", "--db", db)
    assert "ingested 0" in out  # a second demo run changes nothing


def test_summary_lists_speakers_and_events_when_layers_exist():
    text = "Die Ministerin sagte, der Etat steige. Am Montag traf sie den Kanzler."
    analysis = {
        "document": {"text": text, "date": "2022-05"},
        "quotes": [{"speaker": {"start": 4, "end": 14}}, {"speaker": "Die Ministerin"}],
        "events": [
            {
                "type": "CONSULT",
                "mode": "meeting",
                "status": "happened",
                "when": {"value": "2022-WXX-1", "earliest": "2022-05-02", "latest": "2022-05-30"},
                "actor": {"name": "Die Ministerin"},
                "target": {"name": "Kanzler"},
            }
        ],
    }
    lines = summary_lines([analysis])
    assert lines[0] == "most quoted: Ministerin (1), Die Ministerin (1)"
    # A Monday of a month-dated article: the interval, never an invented day.
    assert "2022-05-02..2022-05-30" in lines[2]
    assert "CONSULT/meeting" in lines[2] and "Die Ministerin → Kanzler" in lines[2]
    assert "(happened)" in lines[2]


def test_event_with_a_known_day_shows_the_day():
    analysis = {
        "document": {"text": "", "date": "2022-05"},
        "events": [{"type": "REJECT", "status": "happened", "when": {"value": "2022-05-03"}, "actor": {"name": "Russland"}}],
    }
    lines = summary_lines([analysis])
    assert lines[-1].split()[:3] == ["2022-05-03", "REJECT", "Russland"]


def test_example_query_is_a_quoted_persons_last_name():
    analyses = [{"document": {"text": ""}, "quotes": [{"speaker": "Sabine Rothmund"}, {"speaker": "die Ministerin"}]}]
    assert example_query(analyses) == "Rothmund"
    assert example_query([{"document": {"text": ""}}]) == "Gespräche"


def test_summary_is_honest_when_layers_are_missing():
    lines = summary_lines([{"document": {"text": "Kurz.", "date": "2022"}}])
    assert any("not extracted" in line for line in lines)


def test_most_quoted_counts_one_person_once():
    from chronik.cli.demo import summary_lines

    first = {"document": {"text": ""}, "quotes": [
        {"speaker": "die Ministerin", "speaker_name": "Petra Lindqvist"},
        {"speaker": "Lindqvist", "speaker_name": "Petra Lindqvist"},
        {"speaker": "ein Sprecher", "speaker_name": ""},
    ]}
    later = {"document": {"text": ""}, "quotes": [{"speaker": "Lindqvist", "speaker_name": "Lindqvist"}]}
    assert summary_lines([first, later])[0] == "most quoted: Petra Lindqvist (3), ein Sprecher (1)"
