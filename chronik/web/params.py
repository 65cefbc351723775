"""Query parameters shared by the API and the pages: dates, pages, filters.

Everything a visitor can type is checked here and refused with E501 (a 400
with a message that names the parameter) instead of reaching a query.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..archive import DateRange
from ..document import PartialDate
from ..errors import ChronikError

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Deep pages cost a scan each; nobody reads page 500 of a result list.
MAX_OFFSET = 10_000
MAX_TEXT = 200  # longest query or filter string accepted
FORMS = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")
ENTITY_TYPES = ("PER", "ORG", "LOC", "OTH")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    size: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    def slice(self, items: list) -> list:
        return items[self.offset : self.offset + self.size]

    def to_dict(self, total: int) -> dict[str, int]:
        return {"page": self.number, "size": self.size, "total": total}


def _integer(name: str, value: str | None, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ChronikError("E501", name=name, reason=f"expected a whole number, got {value[:20]!r}.") from None


def page(number: str | None, size: str | None) -> Page:
    n = _integer("page", number, 1)
    s = _integer("size", size, PAGE_SIZE)
    if not 1 <= s <= MAX_PAGE_SIZE:
        raise ChronikError("E501", name="size", reason=f"must be between 1 and {MAX_PAGE_SIZE}, got {s}.")
    if n < 1 or (n - 1) * s > MAX_OFFSET:
        raise ChronikError("E501", name="page", reason=f"must be between 1 and {MAX_OFFSET // s + 1} for size {s}, got {n}.")
    return Page(n, s)


def date(name: str, value: str | None) -> PartialDate | None:
    if value is None or value.strip() == "":
        return None
    try:
        return PartialDate.parse(value.strip())
    except ChronikError:
        raise ChronikError("E501", name=name, reason=f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value[:20]!r}.") from None


def date_range(start: str | None, end: str | None) -> DateRange:
    dates = DateRange(date("from", start), date("to", end))
    if dates.start and dates.end and dates.start.earliest > dates.end.latest:
        raise ChronikError("E501", name="to", reason=f"the range is empty: {dates.start} is after {dates.end}.")
    return dates


def text(name: str, value: str | None) -> str:
    value = (value or "").strip()
    if len(value) > MAX_TEXT:
        raise ChronikError("E501", name=name, reason=f"at most {MAX_TEXT} characters.")
    if any(ord(c) < 32 for c in value):
        raise ChronikError("E501", name=name, reason="contains control characters.")
    return value


def choice(name: str, value: str | None, choices: tuple[str, ...]) -> str:
    value = (value or "").strip()
    if value and value not in choices:
        raise ChronikError("E501", name=name, reason=f"must be one of {', '.join(choices)}, got {value[:20]!r}.")
    return value


def overlaps(earliest: str | None, latest: str | None, dates: DateRange) -> bool:
    """Does an interval of ISO days overlap the filter?  Unknown dates never
    pass a filter, as in the archive's search."""
    if dates.start is None and dates.end is None:
        return True
    if earliest is None:
        return False
    if dates.latest and earliest > dates.latest.isoformat():
        return False
    # latest None: open towards the future ("in den kommenden Jahren")
    if dates.earliest and latest is not None and latest < dates.earliest.isoformat():
        return False
    return True
