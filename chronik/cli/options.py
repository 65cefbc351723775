"""Checks of the options several commands share (--from/--to, --limit).

Parsed here once so that every command gives the same one-line error for the
same mistake.
"""

from __future__ import annotations

import argparse

from ..archive.base import DateRange
from ..document import PartialDate
from ..errors import ChronikError


def parse_date_option(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def date_range(args: argparse.Namespace) -> DateRange:
    """--from/--to as a DateRange; an empty range is a user error (E002)."""
    dates = DateRange(parse_date_option(args.date_from), parse_date_option(args.date_to))
    if dates.start and dates.end and dates.start.earliest > dates.end.latest:
        raise ChronikError("E002", start=dates.start, end=dates.end)
    return dates


def check_limit(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise ChronikError("E112", path="--limit", reason="must be at least 1.")
    return args.limit
