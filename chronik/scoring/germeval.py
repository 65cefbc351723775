"""GermEval 2014 NER scores: exact span and label, outer level.

``score_dirs(gold, pred)`` takes two TSV files (or two folders of them,
paired by file name) and returns :class:`NerScores`: precision, recall
and F1 over all labels, per label, and over the four main types alone
(PER, ORG, LOC, OTH without -deriv/-part), as the shared task reported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import ChronikError

MAIN_TYPES = ("PER", "ORG", "LOC", "OTH")
Span = tuple[int, int, str]  # first token, one past last token, label


def bio_spans(tags: Sequence[str]) -> list[Span]:
    """Spans of a BIO sequence; a stray I- opens a span, as conlleval does."""
    spans: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, name = tag.partition("-")
        continues = prefix == "I" and name == label and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, name
    return spans


@dataclass
class Counts:
    true_positive: int = 0
    gold: int = 0
    predicted: int = 0

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(100 * self.precision, 2),
            "recall": round(100 * self.recall, 2),
            "f1": round(100 * self.f1, 2),
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass
class NerScores:
    overall: Counts = field(default_factory=Counts)
    main_types: Counts = field(default_factory=Counts)
    per_label: dict[str, Counts] = field(default_factory=dict)
    sentences: int = 0

    def add_sentence(self, gold_tags: Sequence[str], predicted_tags: Sequence[str]) -> None:
        gold, predicted = Counter(bio_spans(gold_tags)), Counter(bio_spans(predicted_tags))
        self.sentences += 1
        for span, n in gold.items():
            self._count(span[2], gold=n, true_positive=min(n, predicted.get(span, 0)))
        for span, n in predicted.items():
            self._count(span[2], predicted=n)

    def _count(self, label: str, gold: int = 0, predicted: int = 0, true_positive: int = 0) -> None:
        buckets = [self.overall, self.per_label.setdefault(label, Counts())]
        if label in MAIN_TYPES:
            buckets.append(self.main_types)
        for bucket in buckets:
            bucket.gold += gold
            bucket.predicted += predicted
            bucket.true_positive += true_positive

    def to_dict(self) -> dict:
        return {
            "sentences": self.sentences,
            "all_labels": self.overall.to_dict(),
            "main_types": self.main_types.to_dict(),
            "per_label": {label: c.to_dict() for label, c in sorted(self.per_label.items())},
        }

    def __str__(self) -> str:
        rows = [("all labels", self.overall), ("4 main types", self.main_types)]
        rows += sorted(self.per_label.items())
        lines = [f"GermEval 2014 outer level, exact span+label, {self.sentences} sentences",
                 f"{'label':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
        for name, c in rows:
            lines.append(
                f"{name:<14}{100 * c.precision:7.2f}{100 * c.recall:7.2f}{100 * c.f1:7.2f}{c.gold:7d}{c.predicted:7d}"
            )
        return "\n".join(lines)


def read_outer_tags(path: Path) -> list[tuple[list[str], list[str]]]:
    """(tokens, outer tags) per sentence of a GermEval TSV file."""
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ChronikError("E104", path=path, reason=error) from None
    for line_no, line in enumerate(lines + [""], 1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            raise ChronikError("E401", path=path, reason=f"line {line_no}: expected 'index<TAB>token<TAB>outer<TAB>inner', got {line[:60]!r}")
        tokens.append(fields[1])
        tags.append(fields[2])
    return sentences


def _pairs(gold: Path, pred: Path) -> Iterable[tuple[Path, Path]]:
    if gold.is_file() and pred.is_file():
        return [(gold, pred)]
    if gold.is_dir() and pred.is_dir():
        pairs = [(g, pred / g.name) for g in sorted(gold.iterdir()) if g.is_file() and not g.name.startswith(".")]
        missing = [str(p) for _, p in pairs if not p.is_file()]
        if missing:
            raise ChronikError("E401", path=pred, reason=f"no prediction for {len(missing)} gold file(s), e.g. {missing[0]}")
        return pairs
    raise ChronikError("E401", path=pred, reason="give two files or two folders, not one of each")


def score_dirs(gold: Path, pred: Path) -> NerScores:
    scores = NerScores()
    for gold_path, pred_path in _pairs(Path(gold), Path(pred)):
        gold_sentences, pred_sentences = read_outer_tags(gold_path), read_outer_tags(pred_path)
        if [t for t, _ in gold_sentences] != [t for t, _ in pred_sentences]:
            raise ChronikError("E401", path=pred_path, reason=f"tokens or sentences differ from the gold file {gold_path}")
        for (_, gold_tags), (_, pred_tags) in zip(gold_sentences, pred_sentences):
            scores.add_sentence(gold_tags, pred_tags)
    return scores
