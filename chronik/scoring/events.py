"""Event scores: precision and recall per PLOVER type, for actor, target,
date and status, and for "typed events with correct actor and target".

``score_dirs(gold, pred)`` takes two JSONL files (or folders of them,
paired by file name; records paired by ``id``), in the format of
:mod:`chronik.formats.events`.  A predicted event matches a gold event of
the same record and type, one to one, the best-agreeing pairs first: told
in the gold event's evidence sentence (when the gold record gives sentence
offsets, as the article sets do), then actor and target, then status.  An entity is right when the
gold name equals the predicted canonical name or the text as written;
``null`` must be predicted as nobody.  A date is right when the gold
``when`` (YYYY[-MM[-DD]]) lies within the predicted interval and the
predicted interval within the gold one (same extent); events whose gold
has no ``when`` are not counted for dates.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..document import PartialDate
from ..errors import ChronikError
from ..formats.events import jsonl_files, read_records

ASPECTS = ("type", "actor", "target", "date", "status", "full")


@dataclass
class Counts:
    correct: int = 0
    gold: int = 0
    predicted: int = 0

    def pr(self) -> tuple[float, float]:
        return (self.correct / self.predicted if self.predicted else 0.0,
                self.correct / self.gold if self.gold else 0.0)


@dataclass
class EventScores:
    aspects: dict[str, Counts] = field(default_factory=lambda: {a: Counts() for a in ASPECTS})
    per_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))

    def to_dict(self) -> dict:
        def entry(c: Counts) -> dict:
            p, r = c.pr()
            return {"precision": round(100 * p, 2), "recall": round(100 * r, 2),
                    "correct": c.correct, "gold": c.gold, "predicted": c.predicted}
        return {"aspects": {a: entry(c) for a, c in self.aspects.items()},
                "types": {t: entry(c) for t, c in sorted(self.per_type.items())}}

    def __str__(self) -> str:
        lines = [f"{'':12} {'P':>6} {'R':>6} {'gold':>5} {'pred':>5}"]
        for name, counts in list(self.aspects.items()) + [("", None)] + sorted(self.per_type.items()):
            if counts is None:
                lines.append("")
                continue
            p, r = counts.pr()
            lines.append(f"{name:12} {100 * p:6.1f} {100 * r:6.1f} {counts.gold:5} {counts.predicted:5}")
        return "\n".join(lines)


def _same_entity(gold: str | None, name: str | None, text: str | None) -> bool:
    if gold is None or name is None:
        return gold is None and name is None
    return gold.lower() in (name.lower(), (text or "").lower())


def _same_date(gold: str, pred: dict) -> bool:
    try:
        when = PartialDate.parse(gold)
    except ChronikError:
        return False
    if not (when and pred.get("earliest") and pred.get("latest")):
        return False
    low, high = dt.date.fromisoformat(pred["earliest"]), dt.date.fromisoformat(pred["latest"])
    return (low, high) == (when.earliest, when.latest)


def _agreement(event: dict, pred: dict, sentences: list | None) -> tuple:
    """How well a predicted event fits a gold one of the same type: told in
    one of its evidence sentences (when the gold gives sentence offsets),
    then actor and target, then status."""
    told = 0
    if sentences and "start" in pred and event.get("evidence"):
        evidence = event["evidence"]
        indices = [evidence.get("sentence")] + list(evidence.get("also_in") or [])
        told = any(i is not None and 0 <= i < len(sentences) and sentences[i][0] <= pred["start"] < sentences[i][1]
                   for i in indices)
    return (
        told,
        _same_entity(event.get("actor"), pred.get("actor"), pred.get("actor_text"))
        + _same_entity(event.get("target"), pred.get("target"), pred.get("target_text")),
        event.get("status") == pred.get("status"),
    )


def _pairs(gold_events: list[dict], predicted: list[dict], sentences: list | None) -> list[tuple[dict, dict]]:
    """Gold and predicted events of the same type paired one to one, the
    best-agreeing pairs first (in an article several events share a type,
    and the first predicted one of that type is often another event)."""
    candidates = []
    for g, event in enumerate(gold_events):
        for p, pred in enumerate(predicted):
            if pred["type"] == event["type"]:
                candidates.append((_agreement(event, pred, sentences), -g, -p, g, p))
    candidates.sort(reverse=True)
    used_gold, used_pred, pairs = set(), set(), []
    for *_, g, p in candidates:
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        pairs.append((gold_events[g], predicted[p]))
    return pairs


def _best_match(event: dict, predicted: list[dict]) -> dict | None:
    """The predicted event of the same type that agrees best with ``event``."""
    same = [p for p in predicted if p["type"] == event["type"]]
    return max(same, key=lambda p: _agreement(event, p, None)) if same else None


def score_records(gold: dict[str, dict], pred: dict[str, dict], scores: EventScores) -> None:
    for key, record in gold.items():
        predicted = list(pred.get(key, {}).get("events", []))
        for aspect in ASPECTS:
            scores.aspects[aspect].gold += len(record["events"]) if aspect != "date" else \
                sum(1 for e in record["events"] if e.get("when"))
            if aspect != "date":  # dates are judged only where the gold gives one
                scores.aspects[aspect].predicted += len(predicted)
        for event in predicted:
            scores.per_type[event["type"]].predicted += 1
        for event in record["events"]:
            scores.per_type[event["type"]].gold += 1
        for event, hit in _pairs(record["events"], predicted, record.get("sentences")):
            scores.aspects["date"].predicted += bool(event.get("when"))
            ok = {
                "type": True,
                "actor": _same_entity(event.get("actor"), hit.get("actor"), hit.get("actor_text")),
                "target": _same_entity(event.get("target"), hit.get("target"), hit.get("target_text")),
                "status": event.get("status") == hit.get("status"),
                "date": bool(event.get("when")) and _same_date(event["when"], hit),
            }
            ok["full"] = ok["actor"] and ok["target"]
            for aspect, right in ok.items():
                scores.aspects[aspect].correct += right
            scores.per_type[event["type"]].correct += 1


def score_dirs(gold_dir: Path, pred_dir: Path) -> EventScores:
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    scores = EventScores()
    for gold_path in jsonl_files(gold_dir):
        pred_path = pred_dir if pred_dir.is_file() else pred_dir / gold_path.name
        if not pred_path.exists():
            raise ChronikError("E401", path=pred_path, reason="no predictions for this gold file")
        gold = {r["id"]: r for r in read_records(gold_path)}
        pred = {r["id"]: r for r in read_records(pred_path)}
        score_records(gold, pred, scores)
    return scores
