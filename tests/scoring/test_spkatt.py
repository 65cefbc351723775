"""The SpkAtt-2023 measures on small hand-made gold and prediction files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronik.scoring.spkatt import Group, pair_groups, score_dirs

SENTENCES = [
    {"SentenceId": 0, "Tokens": "Der Minister sagte , die Lage sei ernst .".split()},
    {"SentenceId": 1, "Tokens": "« Wir handeln » , sagte sie .".split()},
]
INDIRECT = {
    "Cue": ["0:2"], "Source": ["0:0", "0:1"], "Message": ["0:4", "0:5", "0:6", "0:7"], "Addr": [],
    "Frame": ["0:0", "0:1", "0:2", "0:3"], "Form": "Indirect", "STWR": "Speech", "HasNested": False, "IsNested": False,
}
DIRECT = {
    "Cue": ["1:5"], "Source": ["1:6"], "Message": ["1:0", "1:1", "1:2", "1:3"], "Addr": [],
    "Frame": ["1:4", "1:5", "1:6"], "Form": "Direct", "STWR": "Speech", "HasNested": False, "IsNested": False,
}


def folders(tmp_path: Path, gold: list, predicted: list) -> tuple[Path, Path]:
    for name, annotations in (("gold", gold), ("pred", predicted)):
        (tmp_path / name).mkdir()
        data = {"DocumentName": "1 - Test (2020-01-01)", "Sentences": SENTENCES, "Annotations": annotations}
        (tmp_path / name / "a.json").write_text(json.dumps(data), "utf-8")
    return tmp_path / "gold", tmp_path / "pred"


def test_gold_against_itself_is_perfect(tmp_path):
    scores = score_dirs(*folders(tmp_path, [INDIRECT, DIRECT], [INDIRECT, DIRECT]))
    for name, (p, r, f) in scores.full.items():
        assert (p, r, f) == (1.0, 1.0, 1.0), name


def test_missing_annotation_costs_recall_only(tmp_path):
    scores = score_dirs(*folders(tmp_path, [INDIRECT, DIRECT], [INDIRECT]))
    p, r, _ = scores.full["Joint"]
    assert p == 1.0 and r < 1.0
    assert scores.full["Form"][1] == 0.5


def test_partial_message_overlap_is_counted_by_token(tmp_path):
    shorter = dict(INDIRECT, Message=["0:4", "0:5"])
    scores = score_dirs(*folders(tmp_path, [INDIRECT], [shorter]))
    p, r, _ = scores.full["Messages"]
    assert p == 1.0 and r == pytest.approx(0.5)


def test_simplified_ignores_nested(tmp_path):
    nested = dict(DIRECT, IsNested=True)
    scores = score_dirs(*folders(tmp_path, [INDIRECT], [INDIRECT, nested]))
    assert scores.simplified["Joint"][0] == 1.0
    assert scores.full["Joint"][0] < 1.0


def test_pairing_maximises_message_overlap():
    def group(tokens):
        return Group({"Message": tokens}, "Indirect", "Speech")

    gold = [group([1, 2, 3]), group([10, 11])]
    predicted = [group([10, 11]), group([2, 3])]
    assert sorted(pair_groups(predicted, gold)) == [(0, 1), (1, 0)]


def test_report_prints_and_serialises(tmp_path):
    scores = score_dirs(*folders(tmp_path, [INDIRECT], [INDIRECT]))
    assert "Joint" in str(scores)
    assert scores.to_dict()["full"]["Joint"]["f1"] == 1.0
