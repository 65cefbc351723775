"""Resolving a mention against one reference day.

``resolve_at(mention, ref, direction)`` answers: if the reference time were
exactly the day ``ref``, which period does the mention name?  ``direction``
comes from the sentence's tense and mood (+1 ahead, -1 back, 0 unknown).
The caller (:mod:`chronik.extract.time`) runs it for the earliest and the
latest possible reference day when the article date is only known to the
month or year, and combines the two answers into an interval.
"""

from __future__ import annotations

import datetime as dt

from . import timex_calendar as cal
from .timex_calendar import Period
from .timex_patterns import Mention, _duration_value

# Which reference a mention needs: none (absolute), the article's date, or
# the time the narrative has reached.
ABSOLUTE, ARTICLE, NARRATIVE = "absolute", "article", "narrative"


def needs_anchor(mention: Mention) -> str:
    kind, f = mention.kind, mention.fields
    if kind == "date":
        return ABSOLUTE if f.get("year") else ARTICLE
    if kind in ("month", "season", "holiday", "yearpart"):
        if f.get("year"):
            return ABSOLUTE
        return ARTICLE
    if kind in ("year", "century", "fixed", "set"):
        return ABSOLUTE
    if kind == "decade":
        return ABSOLUTE if len(f["digits"]) == 4 else ARTICLE
    if kind in ("shift", "partofday", "clock"):
        return NARRATIVE
    if kind == "relunit":
        return f.get("anchor", ARTICLE)
    return ARTICLE


def timex_type(mention: Mention, period: Period | None) -> str:
    kind = mention.kind
    if kind == "set":
        return "SET"
    if kind == "duration":
        return "DURATION"
    if kind == "fixed":
        return mention.fields["type"]
    if kind in ("clock", "partofday"):
        return "TIME"
    if kind in ("weekday", "relday", "date") and mention.fields.get("part"):
        return "TIME"
    if kind == "shift" and mention.fields["unit"] in ("S", "MIN", "H"):
        return "TIME"
    return "DATE"


def fixed_value(mention: Mention) -> str | None:
    """The value of mentions that do not depend on any reference time."""
    f = mention.fields
    if mention.kind in ("set", "fixed", "ref"):
        return f["value"]
    if mention.kind == "duration":
        return _duration_value(f["amount"], f["unit"])
    return None


def resolve_at(mention: Mention, ref: dt.date | None, direction: int) -> Period | None:
    handler = _HANDLERS.get(mention.kind)
    if handler is None:
        return None
    try:
        return handler(mention.fields, ref, direction)
    except (ValueError, OverflowError, TypeError):
        return None  # impossible dates stay unresolved


# -- choosing among candidate years ------------------------------------------
def _pick(candidates: list[Period | None], ref: dt.date, direction: int) -> Period | None:
    """The candidate period nearest to ``ref`` on the side the tense points to."""
    usable = [c for c in candidates if c is not None and c.earliest is not None]
    if direction < 0:
        usable = [c for c in usable if c.earliest <= ref] or usable
    elif direction > 0:
        usable = [c for c in usable if c.latest >= ref] or usable
    if not usable:
        return None

    def distance(period: Period) -> tuple[int, int]:
        if period.earliest <= ref <= period.latest:
            return (0, 0)
        gap = (period.earliest - ref).days if period.earliest > ref else (ref - period.latest).days
        return (gap, 0 if period.latest < ref else 1)  # ties go to the past: news report

    return min(usable, key=distance)


def _years(ref: dt.date) -> range:
    return range(ref.year - 1, ref.year + 2)


# -- handlers ------------------------------------------------------------------
def _date(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    day, month, year = f["day"], f["month"], f.get("year")
    if year:
        date = cal.safe_date(year, month, day)
        return cal.day_period(date, f.get("part")) if date else None
    if f.get("year2") is not None:
        if ref is None:
            return None
        century = ref.year // 100 * 100
        options = [century + f["year2"] - 100, century + f["year2"]]
        year = min(options, key=lambda y: abs(y - ref.year) if y <= ref.year + 5 else 999)
        date = cal.safe_date(year, month, day)
        return cal.day_period(date) if date else None
    if ref is None:
        return None
    # A day and month name a date close to the reference whatever the tense
    # (tense cues are noisier than the calendar): the nearest one, unless a
    # preposition fixed the direction ("seit 1. Juli").
    candidates = [cal.safe_date(y, month, day) for y in _years(ref)]
    if f.get("weekday"):
        # "Donnerstag, 25. Februar": the weekday picks the year when it can
        fitting = [d for d in candidates if d and d.isoweekday() == f["weekday"]]
        candidates = fitting or candidates
    periods = [cal.day_period(d, f.get("part")) if d else None for d in candidates]
    if f.get("strict_direction"):
        return _pick(periods, ref, direction)
    nearest = _pick(periods, ref, 0)
    # The tense only overrules the calendar for a date months away on the
    # other side ("bis mit 1. April ... begonnen hat", written in November).
    if nearest is not None and direction and _against(nearest, ref, direction) > DATE_TENSE_DAYS:
        return _pick(periods, ref, direction)
    return nearest


# How far (days) the nearest date may lie against the tense before the tense wins.
DATE_TENSE_DAYS = 90


def _against(period: Period, ref: dt.date, direction: int) -> int:
    """Days the period lies on the side the tense does not point to (0 if none)."""
    if direction < 0 and period.earliest > ref:
        return (period.earliest - ref).days
    if direction > 0 and period.latest < ref:
        return (ref - period.latest).days
    return 0


def _month(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    month = f["month"]
    if f.get("year"):
        period = cal.month_period(f["year"], month)
    elif ref is None:
        return None
    elif f.get("year_offset") is not None:
        period = cal.month_period(ref.year + f["year_offset"], month)
    else:
        period = _pick([cal.month_period(y, month) for y in _years(ref)], ref, direction)
    return _narrow(period, f.get("mod"))


def _narrow(period: Period | None, mod) -> Period | None:
    """"Anfang Juni": same value, the interval shrinks to the named part."""
    if period is None or mod is None or period.earliest is None:
        return period
    _, start, end = mod
    days = (period.latest - period.earliest).days + 1
    first = period.earliest + dt.timedelta(days=int(start * days))
    last = period.earliest + dt.timedelta(days=max(int(end * days) - 1, int(start * days)))
    return Period(period.value, first, last, period.grain)


def _year(f: dict, ref, direction) -> Period | None:
    return _narrow(cal.year_period(f["year"]), f.get("mod"))


def _decade(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    digits = f["digits"]
    if len(digits) == 4:
        return _narrow(cal.decade_period(int(digits)), f.get("mod"))
    if ref is None:
        return None
    two = int(digits)
    century = ref.year // 100 * 100
    first = century + two if century + two <= ref.year else century - 100 + two
    return _narrow(cal.decade_period(first), f.get("mod"))


def _century(f: dict, ref, direction) -> Period | None:
    return cal.century_period(f["century"])


def _weekday(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    if ref is None:
        return None
    weekday, offset = f["weekday"], f.get("offset")
    if f.get("week_offset") is not None:
        monday = ref - dt.timedelta(days=ref.isoweekday() - 1) + dt.timedelta(weeks=f["week_offset"])
        return cal.day_period(monday + dt.timedelta(days=weekday - 1), f.get("part"))
    gap_back = (ref.isoweekday() - weekday) % 7
    gap_ahead = (weekday - ref.isoweekday()) % 7
    if offset is not None and offset < 0:
        day = ref - dt.timedelta(days=gap_back or 7)
    elif offset is not None and offset > 0:
        day = ref + dt.timedelta(days=gap_ahead or 7)
    elif direction > 0 or (offset == 0 and direction >= 0):
        day = ref + dt.timedelta(days=gap_ahead)
    else:
        day = ref - dt.timedelta(days=gap_back)
    if not cal.MIN_YEAR <= day.year <= cal.MAX_YEAR:
        return None
    return cal.day_period(day, f.get("part"))


def _relday(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    if ref is None:
        return None
    return cal.day_period(ref + dt.timedelta(days=f["offset"]), f.get("part"))


def _part_of_day(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    return cal.day_period(ref, f["part"]) if ref else None


def _clock(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    clock = f"T{f['hour']:02d}:{f['minute']:02d}"
    if ref is None or f.get("undated"):
        return Period(clock, None, None, "time")
    return Period(ref.isoformat() + clock, ref, ref, "time")


def _ref(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    value = f["value"]
    if ref is None:
        return Period(value, None, None, "ref")
    earliest = ref if value != "PAST_REF" else None
    latest = ref if value != "FUTURE_REF" else None
    return Period(value, earliest, latest, "ref")


def _relunit(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    if ref is None:
        return None
    unit, offset = f["unit"], f.get("offset")
    if unit == "WE":
        return _weekend(ref, offset, direction)
    if offset is None:
        offset = 0
    moved = cal.shift(ref, offset, unit)
    if moved is None:
        return None
    return _narrow(cal.period_of_unit(moved, unit), f.get("mod"))


def _weekend(ref: dt.date, offset: int | None, direction: int) -> Period:
    if offset is None or offset == 0:
        if direction > 0 or offset == 0:
            saturday = ref + dt.timedelta(days=(6 - ref.isoweekday()) % 7)
            if ref.isoweekday() == 7:
                saturday = ref - dt.timedelta(days=1)
            return cal.weekend_period(saturday)
        offset = -1
    if offset < 0:
        back = (ref.isoweekday() - 6) % 7 or 7
        return cal.weekend_period(ref - dt.timedelta(days=back))
    ahead = (6 - ref.isoweekday()) % 7 or 7
    return cal.weekend_period(ref + dt.timedelta(days=ahead))


def _shift(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    if ref is None:
        return None
    moved = cal.shift(ref, f["direction"] * float(f["amount"]), f["unit"])
    if moved is None:
        return None
    if f["unit"] in ("S", "MIN", "H"):
        return Period("XXXX-XX-XXTXX:XX", moved, moved, "time")
    return cal.period_of_unit(moved, f["unit"])


def _duration(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    """A duration's value never depends on the reference; its interval does:
    "vor zwei Wochen" is the week two weeks back, "seit drei Tagen" runs
    from three days back to the reference day."""
    value = _duration_value(f["amount"], f["unit"])
    towards = f.get("direction")
    if ref is None or towards is None:
        return Period(value, None, None, "duration")
    if f["amount"] == "X":
        if towards <= 0:
            return Period(value, None, ref, "duration")
        return Period(value, ref, None, "duration")
    amount = float(f["amount"])
    if towards == 0:
        start = cal.shift(ref, -amount, f["unit"])
        return Period(value, start, ref, "duration")
    moved = cal.shift(ref, towards * amount, f["unit"])
    point = cal.period_of_unit(moved, f["unit"]) if moved else None
    if point is None:
        return Period(value, None, None, "duration")
    return Period(value, point.earliest, point.latest, "duration")


def _fixed(f: dict, ref, direction) -> Period | None:
    return Period(f["value"], None, None, "duration" if f["type"] == "DURATION" else "set")


def _season(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    season = f["season"]
    if f.get("year"):
        return cal.season_period(f["year"], season)
    if ref is None:
        return None
    if f.get("offset") is not None:
        base = ref.year - 1 if season == "WI" and ref.month <= 2 else ref.year
        return cal.season_period(base + f["offset"], season)
    return _pick([cal.season_period(y, season) for y in _years(ref)], ref, direction)


def _year_part(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    if f.get("year"):
        return cal.year_part_period(f["year"], f["part"])
    if ref is None:
        return None
    return _pick([cal.year_part_period(y, f["part"]) for y in _years(ref)], ref, direction)


def _holiday(f: dict, ref: dt.date | None, direction: int) -> Period | None:
    if f.get("year"):
        date = cal.holiday_date(f["year"], f["rule"])
        return cal.day_period(date) if date else None
    if ref is None:
        return None
    days = [cal.holiday_date(y, f["rule"]) for y in _years(ref)]
    return _pick([cal.day_period(d) if d else None for d in days], ref, direction)


_HANDLERS = {
    "date": _date,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "weekday": _weekday,
    "relday": _relday,
    "partofday": _part_of_day,
    "clock": _clock,
    "ref": _ref,
    "relunit": _relunit,
    "shift": _shift,
    "duration": _duration,
    "fixed": _fixed,
    "set": lambda f, ref, direction: Period(f["value"], None, None, "set"),
    "season": _season,
    "yearpart": _year_part,
    "holiday": _holiday,
}
