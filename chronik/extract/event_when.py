"""When an event happened: a time expression tied to it, else the article date.

Always an interval (earliest, latest) with the precision the source
supports; a weekday the time layer could only place within a few weeks
stays that interval, it never becomes an invented day.
"""

from __future__ import annotations

import calendar
import datetime as dt

from ..analysis import Analysis
from .event_clauses import Clause

_USABLE = ("DATE", "TIME")
_BACK = 3  # sentences to look back for the time "damals" refers to


def precision(earliest: str, latest: str) -> str:
    """day, month, year, or interval (anything in between or wider)."""
    low, high = dt.date.fromisoformat(earliest), dt.date.fromisoformat(latest)
    if low == high:
        return "day"
    if low.day == 1 and (low.year, low.month) == (high.year, high.month) \
            and high.day == calendar.monthrange(high.year, high.month)[1]:
        return "month"
    if (low.month, low.day, high.month, high.day) == (1, 1, 12, 31) and low.year == high.year:
        return "year"
    return "interval"


def event_time(analysis: Analysis, clause: Clause, sentence: int, trigger_start: int) -> dict:
    timexes = [t for t in analysis.layers.get("timexes", []) if t.sentence == sentence and t.type in _USABLE]
    tokens = analysis.tokens
    lo, hi = tokens[clause.start].start, tokens[clause.end - 1].end
    in_clause = [t for t in timexes if lo <= t.start < hi]
    pool = in_clause or timexes
    if pool:
        timex = min(pool, key=lambda t: abs(t.start - trigger_start))
        if timex.value.endswith("PAST_REF"):
            earlier = _earlier_time(analysis, sentence)
            if earlier is not None:
                return _from_timex(earlier, "antecedent")
        if timex.earliest and timex.latest:
            return _from_timex(timex, "timex")
    return article_time(analysis)


def _earlier_time(analysis: Analysis, sentence: int):
    best = None
    for t in analysis.layers.get("timexes", []):
        if sentence - _BACK <= t.sentence < sentence and t.type in _USABLE and t.earliest and t.latest \
                and not t.value.endswith("_REF"):
            best = t
    return best


def _from_timex(timex, source: str) -> dict:
    return {
        "value": timex.value, "earliest": timex.earliest, "latest": timex.latest,
        "precision": precision(timex.earliest, timex.latest), "source": source,
        "text": timex.text, "start": timex.start, "end": timex.end,
    }


def article_time(analysis: Analysis) -> dict:
    date = analysis.document.date
    if date is None:
        return {"value": "", "earliest": None, "latest": None, "precision": None, "source": "none"}
    return {
        "value": str(date), "earliest": date.earliest.isoformat(), "latest": date.latest.isoformat(),
        "precision": date.precision.value, "source": "article",
    }
