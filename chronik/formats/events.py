"""Events as JSONL: one sentence or article a line, with its events.

    {"id": "g01", "date": "2023-03-14", "text": "...",
     "events": [{"type": "CONSULT", "actor": "Olaf Scholz", "target": "Emmanuel Macron",
                 "status": "happened", "when": "2023-03-13"}]}

``annotate_dir(in_dir, out_dir)`` reads every ``*.jsonl`` of IN (or IN
itself when it is a file), ignores the gold ``events`` and writes the
records with ours.  The format of the gold set in
``tests/extract/data/events_gold.jsonl`` (guideline: events_gold.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..document import Document
from ..errors import ChronikError

ACCEPTS_FILES = True
PIPELINE = ("text", "time", "entities", "roles", "links", "quotes", "events")


@dataclass
class AnnotateReport:
    written: int = 0
    events: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"wrote {self.written} records with {self.events} events"]
        lines += [f"failed: {name}: {reason}" for name, reason in self.failed]
        return "\n".join(lines)


def jsonl_files(path: Path) -> list[Path]:
    return [path] if path.is_file() else sorted(path.glob("*.jsonl"))


def read_records(path: Path) -> Iterator[dict]:
    for line_no, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ChronikError("E106", path=path, line_no=line_no, reason=error.msg) from None
        if not isinstance(record, dict) or not str(record.get("text", "")).strip():
            raise ChronikError("E107", path=path, line_no=line_no)
        record.setdefault("id", f"{path.stem}:{line_no}")
        yield record


def event_record(event) -> dict:
    return {
        "type": event.type, "mode": event.mode, "status": event.status,
        "actor": event.actor.name if event.actor else None,
        "target": event.target.name if event.target else None,
        "actor_text": event.actor.text if event.actor else None,
        "target_text": event.target.text if event.target else None,
        "co_actors": [p.name for p in getattr(event, "co_actors", [])],
        "co_targets": [p.name for p in getattr(event, "co_targets", [])],
        "when": event.when.get("value"), "earliest": event.when.get("earliest"), "latest": event.when.get("latest"),
        "start": event.start, "end": event.end,
    }


ACCEPTS_NER = True  # chronik annotate --ner: the entities component uses that model


def annotate_dir(in_dir: Path, out_dir: Path, *, progress: bool = False, ner=None) -> AnnotateReport:
    from ..pipeline import Pipeline

    in_dir, out_dir = Path(in_dir), Path(out_dir)
    pipeline = Pipeline(list(PIPELINE), options={"ner": ner})
    report = AnnotateReport()
    for path in jsonl_files(in_dir):
        target = out_dir if in_dir.is_file() and out_dir.suffix == ".jsonl" else out_dir / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            lines = []
            for record in read_records(path):
                analysis = pipeline(Document.from_text(record["text"], record.get("date")))
                events = [event_record(e) for e in analysis.layers["events"]]
                lines.append(json.dumps({**record, "events": events}, ensure_ascii=False))
                report.written += 1
                report.events += len(events)
        except ChronikError as error:
            report.failed.append((path.name, error.message))
            continue
        target.write_text("\n".join(lines) + "\n", "utf-8")
    return report
