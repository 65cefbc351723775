"""Corrections made by people in the web UI: entity merges and splits, quote
speaker fixes.

They are kept apart from the analyses, in a JSON-lines file next to the
archive (``chronik.db.corrections.jsonl``), one correction per line with who
made it and when.  Re-analysis rewrites the archive's rows but never this
file, and the web index applies every correction again when it is updated:
corrections survive re-analysis.  Appending a line is atomic enough for one
server process; the file is only written with ``--allow-corrections``.
"""

from __future__ import annotations

import datetime as _dt
import json
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import ChronikError

KINDS = ("merge", "split", "speaker")
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Correction:
    kind: str  # merge: entity into `into`; split: alias out of entity; speaker: quote gets speaker
    by: str
    at: str
    entity: str = ""
    into: str = ""
    alias: str = ""
    quote: str = ""
    speaker: str = ""

    def to_dict(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}


def corrections_path(archive_location: str) -> Path:
    return Path(archive_location + ".corrections.jsonl")


def load_corrections(path: Path) -> list[Correction]:
    if not path.is_file():
        return []
    result = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            fields = json.loads(line)
            result.append(Correction(**fields))
        except (ValueError, TypeError) as error:
            raise ChronikError("E106", path=str(path), line_no=line_no, reason=str(error)) from None
    return result


def record_correction(path: Path, kind: str, by: str, **fields: str) -> Correction:
    if kind not in KINDS:
        raise ChronikError("E501", name="kind", reason=f"must be one of {', '.join(KINDS)}.")
    now = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    correction = Correction(kind=kind, by=by, at=now, **fields)
    line = json.dumps(correction.to_dict(), ensure_ascii=False)
    with _LOCK, path.open("a", encoding="utf-8") as out:
        out.write(line + "\n")
    return correction
