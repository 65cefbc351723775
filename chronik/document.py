"""Documents and dates with precision.

A :class:`Document` is immutable: the article text, its date (year, month or
day precision, never more than the source gives), where it came from and a
stable id derived from its content.  Every later layer points into
``Document.text`` with character offsets.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import hashlib
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Mapping

from .errors import ChronikError


class Precision(str, Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_DATE_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to year, month or day precision.

    ``PartialDate.parse("2021-12")`` keeps month precision: ``earliest`` is
    2021-12-01 and ``latest`` 2021-12-31, and ``str()`` gives back
    ``"2021-12"``, never an invented day.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ChronikError("E001", value=f"{self.year}-??-{self.day}")
        if not 1 <= self.year <= 9999:
            raise ChronikError("E001", value=str(self.year))
        if self.month is not None and not 1 <= self.month <= 12:
            raise ChronikError("E001", value=f"{self.year:04d}-{self.month:02d}")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]  # type: ignore[arg-type]
            if not 1 <= self.day <= last:
                raise ChronikError("E001", value=f"{self.year:04d}-{self.month:02d}-{self.day:02d}")

    @classmethod
    def parse(cls, value: str | "PartialDate" | _dt.date | None) -> "PartialDate | None":
        if value is None or isinstance(value, PartialDate):
            return value
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        match = _DATE_RE.match(str(value))
        if not match:
            raise ChronikError("E001", value=value)
        year, month, day = (int(g) if g else None for g in match.groups())
        return cls(year, month, day)  # type: ignore[arg-type]

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def earliest(self) -> _dt.date:
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> _dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return _dt.date(self.year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


class BlockKind(str, Enum):
    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, subheading or title: a character range of the text."""

    start: int
    end: int
    kind: BlockKind = BlockKind.PARAGRAPH


@dataclass(frozen=True, slots=True)
class Document:
    """One article.  ``text`` is what every offset refers to."""

    text: str
    date: PartialDate | None = None
    source: str = ""
    title: str = ""
    url: str = ""
    blocks: tuple[Block, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """Content hash: the same text with the same date is the same article."""
        digest = hashlib.sha256()
        digest.update(str(self.date or "").encode())
        digest.update(b"\x00")
        digest.update(self.text.encode("utf-8"))
        return digest.hexdigest()[:16]

    @classmethod
    def from_text(
        cls,
        text: str,
        date: str | PartialDate | None = None,
        *,
        source: str = "",
        title: str = "",
        url: str = "",
        metadata: Mapping[str, Any] | None = None,
    ) -> "Document":
        """Build a document from plain text: paragraphs split on blank lines,
        short lines without final punctuation become subheadings."""
        from .readers.layout import layout_blocks

        text, blocks = layout_blocks(text)
        return cls(
            text=text,
            date=PartialDate.parse(date),
            source=source,
            title=title,
            url=url,
            blocks=blocks,
            metadata=dict(metadata or {}),
        )

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]
