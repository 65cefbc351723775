"""Schema of the hand-annotated event articles (events_articles_*.jsonl).

The guideline is tests/extract/data/events_articles.md.  These tests check
the files themselves (types, statuses, dates, sentence offsets, evidence
indices) and that the scorer reads them: gold scored against itself must
give 100.  They say nothing about the extractor.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from chronik.document import PartialDate
from chronik.scoring.events import score_dirs

DATA = Path(__file__).parent / "data"
FILES = {"dev": DATA / "events_articles_dev.jsonl", "dev2": DATA / "events_articles_dev2.jsonl",
         "dev3": DATA / "events_articles_dev3.jsonl",
         "check": DATA / "events_articles_check.jsonl"}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
          "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT"}
STATUSES = {"happened", "ongoing", "planned", "demanded", "conditional", "denied", "negated"}
EVENT_KEYS = {"type", "mode", "actor", "target", "co_actors", "co_targets", "status", "when", "earliest",
              "latest", "where", "evidence"}


def records(name: str) -> list[dict]:
    path = FILES[name]
    if not path.exists():
        pytest.skip(f"{path.name} not written yet")
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", sorted(FILES))
def test_articles_have_text_date_and_sentence_offsets(name):
    seen = set()
    for record in records(name):
        assert record["id"] not in seen, record["id"]
        seen.add(record["id"])
        assert PartialDate.parse(record["date"]) is not None
        text, spans = record["text"], record["sentences"]
        # (dev3 holds short wire items of 80-150 words, the other sets longer reports)
        assert (80 if name == "dev3" else 150) <= len(text.split()) <= 350, record["id"]
        position = 0
        for start, end in spans:
            assert position <= start < end <= len(text), (record["id"], start, end)
            assert text[position:start].strip() == "", (record["id"], "text between sentences")
            sentence = text[start:end]
            assert sentence == sentence.strip() and sentence[-1] in ".!?»", (record["id"], sentence)
            position = end
        assert text[position:].strip() == "", record["id"]


@pytest.mark.parametrize("name", sorted(FILES))
def test_events_follow_the_schema(name):
    for record in records(name):
        n_sentences = len(record["sentences"])
        assert record["events"], record["id"]
        for event in record["events"]:
            where = (record["id"], event)
            assert set(event) <= EVENT_KEYS, where
            assert event["type"] in PLOVER, where
            assert event["status"] in STATUSES, where
            for side in ("actor", "target"):
                assert event[side] is None or (isinstance(event[side], str) and event[side].strip()), where
            for side in ("co_actors", "co_targets"):
                assert side not in event or (event[side] and event[side[3:-1]] is not None), where
            evidence = event["evidence"]
            assert 0 <= evidence["sentence"] < n_sentences, where
            assert all(0 <= i < n_sentences and i != evidence["sentence"] for i in evidence.get("also_in", [])), where
            if event["when"] is not None:
                when = PartialDate.parse(event["when"])
                assert (event["earliest"], event["latest"]) == (when.earliest.isoformat(), when.latest.isoformat()), where
            elif "earliest" in event:
                assert dt.date.fromisoformat(event["earliest"]) <= dt.date.fromisoformat(event["latest"]), where


@pytest.mark.parametrize("name", sorted(FILES))
def test_gold_scored_against_itself_is_perfect(name):
    records(name)  # skips when the file is missing
    scores = score_dirs(FILES[name], FILES[name]).to_dict()["aspects"]
    for aspect in ("type", "actor", "target", "date", "status", "full"):
        assert scores[aspect]["precision"] == 100.0 and scores[aspect]["recall"] == 100.0, aspect


def test_article_ids_do_not_repeat_across_files():
    seen: dict[str, str] = {}
    for name in sorted(FILES):
        for record in records(name):
            assert record["id"] not in seen, (record["id"], name, seen.get(record["id"]))
            seen[record["id"]] = name
