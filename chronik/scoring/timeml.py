"""TempEval-3 style scores for TIMEX3: strict and relaxed span P/R/F1,
value F1 and type accuracy.

* strict: a predicted timex counts when its span equals a gold span;
* relaxed: when the spans overlap (one-to-one, largest overlap first);
* value: relaxed match with the same ``value`` (P over predicted, R over
  gold), so a missing or unresolved value costs both;
* type: accuracy of ``type`` over relaxed matches.

Gold and prediction files are paired by name; the text between the tags
must be the same.  ``score_documents`` also serves other corpora
(WikiWarsDE's TIMEX2, see :mod:`chronik.formats.timex2`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Protocol

from ..errors import ChronikError
from ..formats.timeml import read_timeml, timeml_files


class Span(Protocol):
    start: int
    end: int
    type: str
    value: str


@dataclass
class PRF:
    matched_predicted: int = 0
    matched_gold: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"precision": round(100 * self.precision, 2), "recall": round(100 * self.recall, 2), "f1": round(100 * self.f1, 2)}


@dataclass
class TimexScores:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    strict: PRF = field(default_factory=PRF)
    relaxed: PRF = field(default_factory=PRF)
    value: PRF = field(default_factory=PRF)
    type_correct: int = 0
    unresolved: int = 0  # predicted timexes without a value
    skipped: list[tuple[str, str]] = field(default_factory=list)
    has_types: bool = True

    @property
    def type_accuracy(self) -> float:
        matches = self.relaxed.matched_predicted
        return self.type_correct / matches if matches else 0.0

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "unresolved": self.unresolved,
            "strict": self.strict.to_dict(),
            "relaxed": self.relaxed.to_dict(),
            "value": self.value.to_dict(),
            "type_accuracy": round(100 * self.type_accuracy, 2) if self.has_types else None,
            "skipped": [list(s) for s in self.skipped],
        }

    def __str__(self) -> str:
        lines = [
            f"TIMEX: {self.documents} documents, {self.gold} gold, {self.predicted} predicted "
            f"({self.unresolved} unresolved)",
            f"{'':10}{'P':>8}{'R':>8}{'F1':>8}",
        ]
        for name, prf in (("strict", self.strict), ("relaxed", self.relaxed), ("value", self.value)):
            lines.append(f"{name:10}{100 * prf.precision:8.1f}{100 * prf.recall:8.1f}{100 * prf.f1:8.1f}")
        if self.has_types:
            lines.append(f"{'type acc':10}{100 * self.type_accuracy:8.1f}")
        lines += [f"skipped {name}: {reason}" for name, reason in self.skipped]
        return "\n".join(lines)


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def score_document(scores: TimexScores, gold: list[Span], predicted: list[Span]) -> list[tuple[Span, Span]]:
    """Add one document's counts; returns the relaxed (gold, predicted) pairs."""
    scores.documents += 1
    scores.gold += len(gold)
    scores.predicted += len(predicted)
    scores.unresolved += sum(1 for p in predicted if not p.value)
    for prf in (scores.strict, scores.relaxed, scores.value):
        prf.gold += len(gold)
        prf.predicted += len(predicted)
    exact = {(g.start, g.end) for g in gold}
    strict_hits = sum(1 for p in predicted if (p.start, p.end) in exact)
    scores.strict.matched_predicted += strict_hits
    scores.strict.matched_gold += strict_hits
    pairs = []
    candidates = sorted(
        ((_overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(predicted) if _overlap(g, p) > 0),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, i, j in candidates:
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        pairs.append((gold[i], predicted[j]))
    scores.relaxed.matched_gold += len(pairs)
    scores.relaxed.matched_predicted += len(pairs)
    right_value = sum(1 for g, p in pairs if p.value and _norm(g.value) == _norm(p.value))
    scores.value.matched_gold += right_value
    scores.value.matched_predicted += right_value
    scores.type_correct += sum(1 for g, p in pairs if g.type == p.type)
    return pairs


def _norm(value: str) -> str:
    return value.strip().upper()


def score_dirs(gold_dir: Path, pred_dir: Path) -> TimexScores:
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    if not gold_dir.is_dir() or not pred_dir.is_dir():
        raise ChronikError("E401", path=gold_dir if not gold_dir.is_dir() else pred_dir, reason="expected a folder of TimeML files")
    scores = TimexScores()
    for gold_path in timeml_files(gold_dir):
        pred_path = pred_dir / gold_path.name
        if not pred_path.is_file():
            scores.skipped.append((gold_path.name, "no prediction file"))
            continue
        gold, pred = read_timeml(gold_path), read_timeml(pred_path)
        if gold.plain != pred.plain:
            scores.skipped.append((gold_path.name, "text differs between gold and prediction"))
            continue
        score_document(scores, gold.timexes, pred.timexes)
    if scores.documents == 0:
        raise ChronikError("E401", path=pred_dir, reason=f"no prediction files match the gold files in {gold_dir}")
    return scores


def merge(all_scores: Iterable[TimexScores]) -> TimexScores:
    total = TimexScores()
    for s in all_scores:
        total.documents += s.documents
        total.gold += s.gold
        total.predicted += s.predicted
        total.unresolved += s.unresolved
        total.type_correct += s.type_correct
        total.skipped += s.skipped
        for name in ("strict", "relaxed", "value"):
            mine, theirs = getattr(total, name), getattr(s, name)
            for attr in ("matched_predicted", "matched_gold", "predicted", "gold"):
                setattr(mine, attr, getattr(mine, attr) + getattr(theirs, attr))
    return total
