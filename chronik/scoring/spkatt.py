"""SpkAtt-2023 task 2 scores, re-implemented from the shared task's definition.

How the official scorer counts (we follow it so numbers are comparable):

* Every annotation is a group: its message tokens, its roles (Addr, Cue,
  Frame, Source), Form and STWR; token offsets are made absolute over the
  gold article's sentences.
* Per article, predicted and gold groups are paired one-to-one by an
  optimal assignment that maximises the token-overlap F1 of the messages
  (same Form adds 0.01, same STWR 0.001, as tie-breakers).  As in the
  original, the assignment pairs min(#gold, #predicted) groups even when
  their messages do not overlap; the rest are unmatched.
* For each pair (or unmatched group against an empty one), tokens of every
  role are true/false positives/negatives.  Per group and role, precision
  and recall are taken where defined (no predicted tokens: no precision;
  no gold tokens: no recall) and averaged over all groups ("macro"):
  Messages = the Message role, Roles = Addr+Cue+Frame+Source, Joint = all.
* Form and STWR are micro-averaged over groups (a pair counts as a true
  positive when the labels are equal).
* The simplified variant keeps only annotations that are not nested and
  scores only Message and Source.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from ..errors import ChronikError

FULL_ROLES = ("Message", "Addr", "Cue", "Frame", "Source")
SIMPLE_ROLES = ("Message", "Source")


@dataclass(slots=True)
class Group:
    tokens: dict[str, list[int]]
    form: str | None
    stwr: str | None
    is_nested: bool = False


@dataclass
class Tally:
    """Per-role precision/recall values of groups, and Form/STWR counts."""

    roles: Sequence[str]
    precisions: dict[str, list[float]] = field(default_factory=dict)
    recalls: dict[str, list[float]] = field(default_factory=dict)
    labels: dict[str, list[int]] = field(default_factory=dict)  # "form"/"stwr" -> [tp, fp, fn]

    def __post_init__(self) -> None:
        self.precisions = {r: [] for r in self.roles}
        self.recalls = {r: [] for r in self.roles}
        self.labels = {"form": [0, 0, 0], "stwr": [0, 0, 0]}

    def add_pair(self, predicted: Group, gold: Group) -> None:
        for role in self.roles:
            pred, ref = set(predicted.tokens.get(role, [])), set(gold.tokens.get(role, []))
            tp = len(pred & ref)
            if pred:
                self.precisions[role].append(tp / len(pred))
            if ref:
                self.recalls[role].append(tp / len(ref))
        for name, p, g in (("form", predicted.form, gold.form), ("stwr", predicted.stwr, gold.stwr)):
            counts = self.labels[name]
            if p == g:
                counts[0] += 1
            else:
                counts[1] += p is not None
                counts[2] += g is not None

    def macro(self, roles: Sequence[str]) -> tuple[float, float, float]:
        precisions = [v for r in roles for v in self.precisions[r]]
        recalls = [v for r in roles for v in self.recalls[r]]
        p = sum(precisions) / len(precisions) if precisions else 0.0
        r = sum(recalls) / len(recalls) if recalls else 0.0
        return p, r, _f1(p, r)

    def micro(self, name: str) -> tuple[float, float, float]:
        tp, fp, fn = self.labels[name]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, _f1(p, r)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    full: dict[str, tuple[float, float, float]]
    simplified: dict[str, tuple[float, float, float]]
    articles: int
    gold_annotations: int
    predicted_annotations: int

    def to_dict(self) -> dict[str, Any]:
        def named(table):
            return {k: {"precision": p, "recall": r, "f1": f} for k, (p, r, f) in table.items()}

        return {
            "articles": self.articles,
            "gold_annotations": self.gold_annotations,
            "predicted_annotations": self.predicted_annotations,
            "full": named(self.full),
            "simplified": named(self.simplified),
        }

    def __str__(self) -> str:
        lines = [
            f"SpkAtt-2023 task 2: {self.articles} articles, {self.gold_annotations} gold and "
            f"{self.predicted_annotations} predicted annotations",
            f"{'measure':<28}{'P':>8}{'R':>8}{'F1':>8}",
        ]
        for prefix, table in (("", self.full), ("Simplified", self.simplified)):
            for name, (p, r, f) in table.items():
                lines.append(f"{prefix + name:<28}{100 * p:8.1f}{100 * r:8.1f}{100 * f:8.1f}")
        return "\n".join(lines)


# -- reading -------------------------------------------------------------------


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ChronikError("E401", path=path, reason=f"not a readable SpkAtt JSON file ({error})") from None
    if not isinstance(data, dict) or "Sentences" not in data:
        raise ChronikError("E401", path=path, reason="a SpkAtt file needs 'Sentences'")
    return data


def sentence_offsets(data: dict[str, Any]) -> list[int]:
    offsets = [0]
    for sentence in data["Sentences"]:
        offsets.append(offsets[-1] + len(sentence.get("Tokens", [])))
    return offsets


def read_groups(data: dict[str, Any], offsets: Sequence[int], path: Path) -> list[Group]:
    groups = []
    for annotation in data.get("Annotations", []) or []:
        tokens = {}
        for role in FULL_ROLES:
            absolute = set()
            for item in annotation.get(role, []) or []:
                try:
                    s, t = (int(x) for x in str(item).split(":"))
                    absolute.add(offsets[s] + t)
                except (ValueError, IndexError):
                    raise ChronikError("E401", path=path, reason=f"bad offset {item!r} in {role}") from None
            tokens[role] = sorted(absolute)
        groups.append(
            Group(tokens, annotation.get("Form"), annotation.get("STWR"), bool(annotation.get("IsNested", False)))
        )
    return groups


# -- pairing -------------------------------------------------------------------


def _overlap_f1(gold: Sequence[int], predicted: Sequence[int]) -> float:
    both = len(set(gold) & set(predicted))
    if not both:
        return 0.0
    p, r = both / len(predicted), both / len(gold)
    return 2 * p * r / (p + r)


def pair_groups(predicted: Sequence[Group], gold: Sequence[Group]) -> list[tuple[int, int]]:
    """(predicted index, gold index) pairs of an assignment with maximal score."""
    if not predicted or not gold:
        return []
    score = [[0.0] * len(predicted) for _ in gold]
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            overlap = _overlap_f1(g.tokens["Message"], p.tokens["Message"])
            if overlap > 0:
                overlap += 0.01 * (g.form == p.form) + 0.001 * (g.stwr == p.stwr)
            score[i][j] = overlap
    if len(gold) <= len(predicted):
        return [(j, i) for i, j in _assign(score)]
    transposed = [list(column) for column in zip(*score)]
    return [(j, i) for j, i in _assign(transposed)]


def _assign(score: list[list[float]]) -> list[tuple[int, int]]:
    """Hungarian algorithm (rows <= columns), maximising the total score.

    Returns (row, column) pairs for every row.
    """
    rows, cols = len(score), len(score[0])
    inf = float("inf")
    u, v = [0.0] * (rows + 1), [0.0] * (cols + 1)
    match, way = [0] * (cols + 1), [0] * (cols + 1)
    for i in range(1, rows + 1):
        match[0] = i
        j0 = 0
        minv, used = [inf] * (cols + 1), [False] * (cols + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, cols + 1):
                if not used[j]:
                    cur = -score[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return [(match[j] - 1, j - 1) for j in range(1, cols + 1) if match[j]]


def score_article(predicted: list[Group], gold: list[Group], tally: Tally) -> None:
    empty = Group({}, None, None)
    pairs = pair_groups(predicted, gold)
    for j, i in pairs:
        tally.add_pair(predicted[j], gold[i])
    for j in set(range(len(predicted))) - {j for j, _ in pairs}:
        tally.add_pair(predicted[j], empty)
    for i in set(range(len(gold))) - {i for _, i in pairs}:
        tally.add_pair(empty, gold[i])


# -- directories ---------------------------------------------------------------------


def score_dirs(gold_dir: Path, pred_dir: Path) -> Scores:
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    gold_files = sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else [gold_dir]
    if not gold_files:
        raise ChronikError("E401", path=gold_dir, reason="no *.json gold files here")
    full, simple = Tally(FULL_ROLES), Tally(SIMPLE_ROLES)
    n_gold = n_pred = 0
    for gold_path in gold_files:
        pred_path = pred_dir / gold_path.name if pred_dir.is_dir() else pred_dir
        gold_data = _load(gold_path)
        offsets = sentence_offsets(gold_data)
        gold = read_groups(gold_data, offsets, gold_path)
        predicted = read_groups(_load(pred_path), offsets, pred_path) if pred_path.exists() else []
        n_gold += len(gold)
        n_pred += len(predicted)
        score_article(predicted, gold, full)
        score_article([g for g in predicted if not g.is_nested], [g for g in gold if not g.is_nested], simple)
    return Scores(
        full={
            "Messages": full.macro(FULL_ROLES[:1]),
            "Roles": full.macro(FULL_ROLES[1:]),
            "Joint": full.macro(FULL_ROLES),
            "Form": full.micro("form"),
            "STWR": full.micro("stwr"),
        },
        simplified={
            "Messages": simple.macro(SIMPLE_ROLES[:1]),
            "Source": simple.macro(SIMPLE_ROLES[1:]),
            "Joint": simple.macro(SIMPLE_ROLES),
        },
        articles=len(gold_files),
        gold_annotations=n_gold,
        predicted_annotations=n_pred,
    )
