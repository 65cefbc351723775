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
    # a deadline ("bis 2026", "bis Ende kommenden Jahres") is no date of the event
    timexes = [t for t in analysis.layers.get("timexes", []) if t.sentence == sentence and t.type in _USABLE
               and not _deadline(analysis.text, t)]
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
            return _within_article_year(_from_timex(timex, "timex"), analysis)
    return article_time(analysis)


def _deadline(text: str, timex) -> bool:
    before = text[max(0, timex.start - 5) : timex.start].lower()
    return timex.text.lower().startswith("bis ") or before.rstrip().endswith("bis")


def _within_article_year(when: dict, analysis: Analysis) -> dict:
    """"im Mai" in an article dated 2021 (year only): the time layer keeps
    May of the year before as possible; the article's own year is meant
    unless the text says otherwise, so the interval is cut to that year."""
    date = analysis.document.date
    if date is None or date.precision.value != "year" or not when["value"].startswith("XXXX"):
        return when
    year = date.earliest.year
    low, high = dt.date.fromisoformat(when["earliest"]), dt.date.fromisoformat(when["latest"])
    if high.year != year or low.year >= year:
        return when
    try:
        low = low.replace(year=year)  # the same month or season, in the article's year
    except ValueError:  # 29 February
        return when
    if low > high:
        return when
    return {**when, "earliest": low.isoformat(), "precision": precision(low.isoformat(), when["latest"])}


def future_date(when: dict, analysis: Analysis) -> dict:
    """A planned event dated by a month name without a year ("für Oktober",
    "Ende September") that the time layer put before the article: the
    next such month after the article date."""
    date = analysis.document.date
    if date is None or when.get("source") != "timex" or not when.get("latest"):
        return when
    if any(ch.isdigit() for ch in when.get("text", "")):
        return when  # a written year or day is what it says
    low, high = dt.date.fromisoformat(when["earliest"]), dt.date.fromisoformat(when["latest"])
    if high >= date.earliest:
        return when
    if low == high and when.get("text", "").split()[-1].lower().rstrip(".,") in _WEEKDAYS \
            and (date.earliest - low).days < 7:
        # "hat für Montag zum Streik aufgerufen": the coming Monday, not the last one
        day = (low + dt.timedelta(days=7)).isoformat()
        return {**when, "earliest": day, "latest": day, "value": day}
    try:
        low, high = low.replace(year=low.year + 1), high.replace(year=high.year + 1)
    except ValueError:  # 29 February
        return when
    if high < date.earliest:
        return when
    value = f"{low.year}-{low.month:02d}" if precision(low.isoformat(), high.isoformat()) == "month" else when["value"]
    return {**when, "earliest": low.isoformat(), "latest": high.isoformat(), "value": value,
            "precision": precision(low.isoformat(), high.isoformat())}


_WEEKDAYS = frozenset({"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"})


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
