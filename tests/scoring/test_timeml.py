"""TempEval-3 style TIMEX3 scores on a tiny hand-made gold/prediction pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.errors import ChronikError
from chronik.scoring.timeml import score_dirs

HEAD = '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2023-05-10">2023-05-10</TIMEX3></DCT><TEXT>'
TAIL = "</TEXT></TimeML>"

# Gold: three timexes.
GOLD = (
    HEAD
    + 'Der Rat tagte <TIMEX3 tid="t1" type="DATE" value="2023-05-09">gestern</TIMEX3> und '
    + 'am <TIMEX3 tid="t2" type="DATE" value="2023-05-12">Freitag, 12. Mai</TIMEX3> '
    + 'wieder, <TIMEX3 tid="t3" type="DURATION" value="P2H">zwei Stunden</TIMEX3> lang.'
    + TAIL
)
# Prediction: "gestern" exact and right; "12. Mai" overlaps (relaxed only) with a
# wrong value; "zwei Stunden" missed; "Rat" a false alarm.
PRED = (
    HEAD
    + 'Der <TIMEX3 tid="t1" type="DATE" value="2023-05-01">Rat</TIMEX3> tagte '
    + '<TIMEX3 tid="t2" type="DATE" value="2023-05-09">gestern</TIMEX3> und '
    + 'am Freitag, <TIMEX3 tid="t3" type="TIME" value="2022-05-12">12. Mai</TIMEX3> '
    + "wieder, zwei Stunden lang."
    + TAIL
)


def _dirs(tmp_path: Path, gold: str, pred: str) -> tuple[Path, Path]:
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    (gold_dir / "a.tml").write_text(gold, "utf-8")
    (pred_dir / "a.tml").write_text(pred, "utf-8")
    return gold_dir, pred_dir


def test_known_numbers(tmp_path: Path) -> None:
    scores = score_dirs(*_dirs(tmp_path, GOLD, PRED))
    assert (scores.gold, scores.predicted) == (3, 3)
    # strict: 1 of 3 predicted, 1 of 3 gold
    assert scores.strict.precision == pytest.approx(1 / 3)
    assert scores.strict.recall == pytest.approx(1 / 3)
    # relaxed: 2 of 3
    assert scores.relaxed.f1 == pytest.approx(2 / 3)
    # value: only "gestern"
    assert scores.value.f1 == pytest.approx(1 / 3)
    # type: 1 of the 2 relaxed matches
    assert scores.type_accuracy == pytest.approx(0.5)
    table = str(scores)
    assert "strict" in table and "relaxed" in table and "value" in table
    assert scores.to_dict()["relaxed"]["f1"] == pytest.approx(66.67)


def test_perfect_prediction(tmp_path: Path) -> None:
    scores = score_dirs(*_dirs(tmp_path, GOLD, GOLD))
    assert scores.strict.f1 == scores.relaxed.f1 == scores.value.f1 == 1.0


def test_different_text_is_skipped_and_reported(tmp_path: Path) -> None:
    gold_dir, pred_dir = _dirs(tmp_path, GOLD, PRED.replace("Rat", "Senat"))
    with pytest.raises(ChronikError):
        score_dirs(gold_dir, pred_dir)


def test_unresolved_values_count_as_wrong(tmp_path: Path) -> None:
    pred = GOLD.replace('value="2023-05-09"', 'value=""')
    scores = score_dirs(*_dirs(tmp_path, GOLD, pred))
    assert scores.unresolved == 1
    assert scores.value.recall == pytest.approx(2 / 3)
