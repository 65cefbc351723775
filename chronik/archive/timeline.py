"""What happened between two days: sentences dated by their own timexes.

An article of 12 December that says "am Dienstag hatte Scholz telefoniert"
reports something of 7 December.  The ``timexes`` layer table keeps, for
every temporal expression, the interval of days it may denote (earliest,
latest); this module answers "what happened between 6 and 10 December"
from those intervals instead of the article dates.

The rule, with the range [start, end]:

* **in the range** ("sure"): the timex's whole interval lies inside the
  range — "am 7. Dezember", or "am Dienstag" resolved to 7 December.
* **possibly**: the interval overlaps the range without fitting inside it
  ("im Dezember", or "Dienstagabend" in an article dated only "2021-12").
  So that "im Jahr 2021" does not list a whole year for a five-day range,
  a possible interval must also lie inside the range widened by ``slack``
  days on either side.

Timexes without a bounded interval (durations, "seit Wochen", PAST_REF)
date nothing and are left out.  The SQL is plain (no date functions, ISO
dates compare as text) so that a PostgreSQL backend can run it unchanged
apart from the parameter style.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, Iterator

from ..errors import ChronikError
from .base import Archive
from .terms import Query, index_text

SURE, POSSIBLY = "in range", "possibly"

_SQL = """
SELECT d.id, d.date, d.title, s.idx, s.text, t.text, t.type, t.value, t.earliest, t.latest,
       CASE WHEN t.earliest >= ? AND t.latest <= ? THEN 1 ELSE 0 END AS inside
FROM timexes t
JOIN documents d ON d.key = t.doc_key
JOIN sentences s ON s.doc_key = t.doc_key AND s.idx = t.sentence
WHERE t.earliest IS NOT NULL AND t.latest IS NOT NULL
  AND t.earliest <= ? AND t.latest >= ?
  AND t.earliest >= ? AND t.latest <= ?
ORDER BY inside DESC, t.earliest, t.latest, d.date_earliest, d.id, t.start
"""


@dataclass(frozen=True, slots=True)
class DatedSentence:
    """A sentence with the timex that dates it, and how sure the date is."""

    doc_id: str
    article_date: str | None
    title: str
    sentence_index: int
    sentence: str
    timex: str
    type: str
    value: str
    earliest: str
    latest: str
    certainty: str  # SURE or POSSIBLY

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


def sentences_between(
    archive: Archive,
    start: _dt.date | None,
    end: _dt.date | None,
    query: Query | None = None,
    *,
    slack: int = 31,
    limit: int = 50,
) -> list[DatedSentence]:
    """Sentences whose timex interval lies in (or possibly in) [start, end].

    Sure dates come first, then possible ones, each in time order.  A
    sentence with two timexes in the range is listed once, under its
    surest (then earliest) one.  ``query`` keeps sentences containing all
    its word groups (stemmed, phrases in order).
    """
    low = start or _dt.date.min
    high = end or _dt.date.max
    wide_low = _shift(low, -slack).isoformat() if start else ""
    wide_high = _shift(high, slack).isoformat() if end else "9999-12-31"
    params = (low.isoformat(), high.isoformat(), high.isoformat(), low.isoformat(), wide_low, wide_high)
    found: list[DatedSentence] = []
    seen: set[tuple[str, int]] = set()
    for row in _rows(archive, params):
        key = (row[0], row[3])
        if key in seen or (query and not _contains(row[4], query)):
            continue
        seen.add(key)
        found.append(DatedSentence(*row[:10], certainty=SURE if row[10] else POSSIBLY))
        if len(found) >= limit:
            break
    return found


def has_timexes(archive: Archive) -> bool:
    """Whether any article was stored with its time expressions."""
    return _connection(archive).execute("SELECT 1 FROM timexes LIMIT 1").fetchone() is not None


def _connection(archive: Archive) -> Any:
    db = getattr(archive, "db", None)
    if db is None:  # a backend without a DB-API connection
        raise ChronikError("E306", url=archive.location)
    return db


def _rows(archive: Archive, params: tuple[str, ...]) -> Iterator[tuple]:
    return _connection(archive).execute(_SQL, params)


def _shift(day: _dt.date, days: int) -> _dt.date:
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        return _dt.date.min if days < 0 else _dt.date.max


def _contains(sentence: str, query: Query) -> bool:
    # The same stems the full-text index holds; a group (phrase or compound
    # parts) must occur as consecutive words.
    stems = index_text(sentence).split()
    return all(_has_run(stems, group) for group in query.groups)


def _has_run(stems: list[str], group: tuple[str, ...]) -> bool:
    n = len(group)
    return any(tuple(stems[i : i + n]) == group for i in range(len(stems) - n + 1))
