"""JSON Lines: one article per line.

Known keys: ``id``, ``date``, ``title``, ``text``, ``url``, ``source``; any
other key is kept in ``Document.metadata``.  A bad line is reported with
its line number and the next line is read all the same.  Lines are read one
at a time, so a large JSONL export never sits in memory as a whole.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import IO, Iterator

from ..document import Document, PartialDate
from ..errors import ChronikError
from .dated import document_from_body
from .decoding import DEFAULT_MAX_SIZE, decode_text

KNOWN_KEYS = ("id", "date", "title", "text", "url", "source")
# ISO timestamps are common in exports; the article date is the day part.
_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")


def parse_record_date(value: object, where: str, line_no: int) -> PartialDate | None:
    if value is None or value == "":
        return None
    text = str(value).strip()
    timestamp = _ISO_DAY.match(text)
    if timestamp:
        text = timestamp.group(1)
    try:
        return PartialDate.parse(text)
    except ChronikError:
        raise ChronikError("E114", path=where, line_no=line_no, value=value) from None


def parse_record(line: str, path: Path | str, line_no: int) -> Document:
    """One JSONL line to a document."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ChronikError("E106", path=path, line_no=line_no, reason=f"{error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise ChronikError("E115", path=path, line_no=line_no, kind=type(record).__name__)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ChronikError("E107", path=path, line_no=line_no)
    record_date = parse_record_date(record.get("date"), str(path), line_no)
    metadata = {key: value for key, value in record.items() if key not in KNOWN_KEYS}
    if record.get("id") not in (None, ""):
        metadata["id"] = str(record["id"])
    metadata["line"] = line_no
    return document_from_body(
        text,
        record_date,
        source=str(record.get("source") or path),
        title=str(record.get("title") or "").strip(),
        url=str(record.get("url") or "").strip(),
        metadata=metadata,
    )


def _skip_rest_of_line(handle: IO[bytes]) -> None:
    # In bounded chunks: the point of the limit is not to hold the line.
    while True:
        chunk = handle.readline(1 << 16)
        if not chunk or chunk.endswith(b"\n"):
            return


def iter_lines(handle: IO[bytes], path: Path | str, max_line: int | None) -> Iterator[tuple[int, str | ChronikError]]:
    """Decoded, non-blank lines with their 1-based numbers; a line above the
    size limit or with NUL bytes becomes an error and reading goes on."""
    line_no = 0
    while True:
        raw = handle.readline() if max_line is None else handle.readline(max_line + 1)
        if not raw:
            return
        line_no += 1
        if max_line is not None and len(raw) > max_line and not raw.endswith(b"\n"):
            _skip_rest_of_line(handle)
            yield line_no, ChronikError("E116", path=path, line_no=line_no, limit_mb=max_line / (1024 * 1024))
            continue
        if not raw.strip():
            continue
        try:
            yield line_no, decode_text(raw, f"{path}:{line_no}")
        except ChronikError as error:
            yield line_no, error


def iter_jsonl(
    handle: IO[bytes], path: Path | str, max_line: int | None = DEFAULT_MAX_SIZE
) -> Iterator[tuple[str, Document | ChronikError]]:
    """``(path:line, document or error)`` for every non-blank line."""
    for line_no, line in iter_lines(handle, path, max_line):
        name = f"{path}:{line_no}"
        if isinstance(line, ChronikError):
            yield name, line
            continue
        try:
            yield name, parse_record(line, path, line_no)
        except ChronikError as error:
            yield name, error
