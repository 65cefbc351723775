"""TIMEX2 files (ACE/TERN style, as in WikiWarsDE): read text, date and gold.

A ``keyinline`` file holds ``<DATETIME>`` (the creation time) and a
``<TEXT>`` with inline ``<TIMEX2 val="...">`` elements, which may nest.
TIMEX2 has no ``type``; values are written as TIMEX3 would write them for
dates, durations and centuries, so the TimeML scorer's span and value
scores apply (type accuracy does not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..document import PartialDate
from ..errors import ChronikError
from .timeml import GoldTimex, _plain_text

_TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DATETIME_RE = re.compile(r"<DATETIME>.*?(\d{4}-\d\d-\d\d)", re.S)


@dataclass(slots=True)
class Timex2Document:
    name: str
    plain: str
    dct: PartialDate | None
    timexes: list[GoldTimex]


def read_timex2(path: Path) -> Timex2Document:
    try:
        raw = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ChronikError("E401", path=path, reason=f"cannot read TIMEX2 file ({error})") from None
    text = _TEXT_RE.search(raw)
    if not text:
        raise ChronikError("E401", path=path, reason="no <TEXT> element; is this a TIMEX2 key file?")
    date = _DATETIME_RE.search(raw)
    plain, _, timexes = _plain_text(text.group(1), "TIMEX2")
    return Timex2Document(path.name, plain, PartialDate.parse(date.group(1)) if date else None, timexes)
