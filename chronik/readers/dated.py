"""The dated-text form: a ``date`` line, then the article.

::

     date 2021-12 Der Videogipfel ... hat keine Entspannung gebracht.

    Der US-Präsident drohte ...

The first non-empty line starts with ``date`` (leading white space allowed)
and a date of year, month or day precision; the article may continue on the
same line.  A month stays a month: nothing invents a day.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from ..document import BlockKind, Document, PartialDate
from ..errors import ChronikError

# "date" as a word of its own, so "Datenschützer ..." or "dated" never match.
_DATE_LINE = re.compile(r"^[ \t\ufeff]*date(?=[ \t:]|$)[ \t]*:?[ \t]*(\S*)[ \t]*(.*)$", re.MULTILINE)
_DATE_VALUE = re.compile(r"^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$")


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def has_date_line(text: str) -> bool:
    """True when the first non-empty line is a ``date`` line (even a bad one:
    the reader should then say what is wrong with it, not read it as text)."""
    return bool(_DATE_LINE.match(first_line(text)))


def split_date_line(text: str, path: Path | str) -> tuple[PartialDate, str]:
    """The date of the first line and the article text without the date."""
    line = first_line(text)
    match = _DATE_LINE.match(line)
    if not match:
        raise ChronikError("E105", path=path, line=line.strip()[:60])
    value, rest = match.group(1), match.group(2)
    if not _DATE_VALUE.match(value):
        raise ChronikError("E113", path=path, value=value[:40])
    try:
        date = PartialDate.parse(value)
    except ChronikError:
        raise ChronikError("E113", path=path, value=value) from None
    start = text.index(line)
    body = text[:start] + rest + text[start + len(line) :]
    return date, body  # type: ignore[return-value]


def parse_dated(text: str, path: Path | str, source: str = "") -> Document:
    date, body = split_date_line(text, path)
    if not body.strip():
        raise ChronikError("E111", path=path)
    return document_from_body(body, date, source=source or str(path))


def document_from_body(body: str, date: PartialDate | None, *, source: str, **fields: Any) -> Document:
    """Lay out plain article text; the title block, if any, names the article."""
    document = Document.from_text(body, date, source=source, **fields)
    if not document.title and document.blocks and document.blocks[0].kind is BlockKind.TITLE:
        document = dataclasses.replace(document, title=document.block_text(document.blocks[0]))
    return document
