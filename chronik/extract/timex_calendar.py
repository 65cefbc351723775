"""Calendar arithmetic for temporal expressions: periods, ISO weeks, Easter,
and the TimeML value strings for them.  No language knowledge here."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

MIN_YEAR, MAX_YEAR = 1000, 2199  # years outside are left unresolved


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved expression: its TimeML value and the days it may cover."""

    value: str
    earliest: dt.date | None
    latest: dt.date | None
    grain: str  # day, time, week, month, season, quarter, year, decade, century, ref


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def day_period(day: dt.date, part: str | None = None) -> Period:
    value = day.isoformat() + (f"T{part}" if part else "")
    return Period(value, day, day, "time" if part else "day")


def month_period(year: int, month: int) -> Period | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    last = calendar.monthrange(year, month)[1]
    return Period(f"{year:04d}-{month:02d}", dt.date(year, month, 1), dt.date(year, month, last), "month")


def year_period(year: int) -> Period | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return Period(f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def week_period(day: dt.date) -> Period:
    iso_year, week, weekday = day.isocalendar()
    monday = day - dt.timedelta(days=weekday - 1)
    return Period(f"{iso_year:04d}-W{week:02d}", monday, monday + dt.timedelta(days=6), "week")


def weekend_period(day: dt.date) -> Period:
    week = week_period(day)
    saturday = week.earliest + dt.timedelta(days=5)  # type: ignore[operator]
    return Period(week.value + "-WE", saturday, saturday + dt.timedelta(days=1), "week")


def decade_period(first_year: int) -> Period | None:
    if not MIN_YEAR <= first_year <= MAX_YEAR:
        return None
    return Period(f"{first_year // 10:03d}", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31), "decade")


def century_period(hundreds: int) -> Period | None:
    """hundreds=19 is the 20th century, 1900-1999 (TimeML value "19")."""
    start = max(hundreds * 100, 1)
    if not MIN_YEAR <= start <= MAX_YEAR:
        return Period(f"{hundreds:02d}", None, None, "century")
    return Period(f"{hundreds:02d}", dt.date(start, 1, 1), dt.date(start + 99, 12, 31), "century")


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def season_period(year: int, season: str) -> Period | None:
    if not MIN_YEAR <= year < MAX_YEAR:
        return None
    first, last = _SEASON_MONTHS[season]
    start = dt.date(year, first, 1)
    last_year, last_month = (year + 1, last - 12) if last > 12 else (year, last)
    end = dt.date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
    return Period(f"{year:04d}-{season}", start, end, "season")


def year_part_period(year: int, part: str) -> Period | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    size = 3 if part[0] == "Q" else 6
    first = (int(part[1]) - 1) * size + 1
    last = first + size - 1
    return Period(
        f"{year:04d}-{part}", dt.date(year, first, 1),
        dt.date(year, last, calendar.monthrange(year, last)[1]), "quarter",
    )


def add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def shift(day: dt.date, amount: float, unit: str) -> dt.date | None:
    """``day`` moved by ``amount`` units (D, W, M, Y, 10Y); None when out of range."""
    try:
        if unit == "D":
            return day + dt.timedelta(days=round(amount))
        if unit == "W":
            return day + dt.timedelta(days=round(7 * amount))
        if unit in ("M", "Y", "10Y", "100Y"):
            months = round(amount * {"M": 1, "Y": 12, "10Y": 120, "100Y": 1200}[unit])
            year, month = add_months(day, months)
            last = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 28
            return safe_date(year, month, min(day.day, last))
        if unit in ("S", "MIN", "H"):
            return day
    except (OverflowError, ValueError):
        return None
    return None


def period_of_unit(day: dt.date, unit: str) -> Period | None:
    """The calendar period of the given unit containing ``day``."""
    if unit == "D" or unit in ("S", "MIN", "H"):
        return day_period(day)
    if unit == "W":
        return week_period(day)
    if unit == "M":
        return month_period(day.year, day.month)
    if unit == "Y":
        return year_period(day.year)
    if unit == "10Y":
        return decade_period(day.year - day.year % 10)
    return None


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday_date(year: int, rule: str) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if rule.startswith("E"):
        return easter_sunday(year) + dt.timedelta(days=int(rule[1:]))
    month, day = rule.split("-")
    return safe_date(year, int(month), int(day))


def mask_value(low: str, high: str) -> str:
    """Replace the date fields in which two values differ by X (and all after).

    ("2021-11-30", "2021-12-28") -> "2021-XX-XX"; the TimeML way of saying
    "some day in 2021" without inventing which.  A time of day after "T"
    is kept: it is the same in both.
    """
    date_low, _, time_part = low.partition("T")
    date_high = high.partition("T")[0]
    fields_low, fields_high = date_low.split("-"), date_high.split("-")
    if len(fields_low) != len(fields_high):
        masked = "XXXX-XX-XX"
    else:
        out, differed = [], False
        for a, b in zip(fields_low, fields_high):
            differed = differed or a != b
            out.append("X" * len(a) if differed and a.isdigit() else (a[0] + "XX" if differed and a[0] == "W" else a))
        masked = "-".join(out)
    return masked + ("T" + time_part if time_part else "")
