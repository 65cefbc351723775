"""Event scores: precision and recall per PLOVER type, for actor, target,
date and status, and for "typed events with correct actor and target".

``score_dirs(gold, pred)`` takes two JSONL files (or folders of them,
paired by file name; records paired by ``id``), in the format of
:mod:`chronik.formats.events`.  A predicted event matches a gold event of
the same record and type (greedy over the gold events in order, each
taking the unmatched prediction of its type that agrees best: actor and
target, then status, then the nearest trigger when the gold gives ``start``).  An entity is right when the
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


def _best_match(event: dict, predicted: list[dict]) -> dict | None:
    """The predicted event of the same type that agrees best with the gold
    one (actor and target first, then status, then the nearest in the
    text): in an article with several events of one type, the first of
    that type is often another event."""
    same = [p for p in predicted if p["type"] == event["type"]]
    if not same:
        return None

    def agreement(p: dict) -> tuple:
        return (
            _same_entity(event.get("actor"), p.get("actor"), p.get("actor_text"))
            + _same_entity(event.get("target"), p.get("target"), p.get("target_text")),
            event.get("status") == p.get("status"),
            -abs((p.get("start") or 0) - (event.get("start") or 0)) if "start" in event else 0,
        )

    return max(same, key=agreement)  # max keeps the first of equals: text order breaks ties


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
            hit = _best_match(event, predicted)
            if hit is None:
                continue
            predicted.remove(hit)
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
