"""Plain text: the whole file is the article; the date comes from --date."""

from __future__ import annotations

from pathlib import Path

from ..document import Document, PartialDate
from .dated import document_from_body


def parse_text(text: str, path: Path | str, date: PartialDate | None = None, source: str = "") -> Document:
    return document_from_body(text, date, source=source or str(path))
