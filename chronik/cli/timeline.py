"""``chronik timeline``: the events of one entity, of a pair, or of a search.

    chronik timeline Putin --from 2021-12 --to 2022-02
    chronik timeline Biden --with Putin --type CONSULT
    chronik timeline --query "Nord Stream" --merge

The same selection and printing as ``chronik events`` (chronik/cli/events.py),
with the entity as the first argument.
"""

from __future__ import annotations

import argparse

from ..errors import ChronikError
from . import add_db_option
from .events import add_about_option, add_filter_options, print_events, select
from .options import check_limit, date_range


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "timeline",
        help="events of an entity, a pair or a search, ordered by the date they happened",
        description="The events NAME took part in (as actor or target), ordered by the date they happened; "
        "with --with OTHER only those between the two, with --query only those whose sentence "
        "matches the words.",
    )
    add_db_option(parser)
    parser.add_argument("name", nargs="?", metavar="NAME",
                        help="an entity as actor or target (a surname finds the full name)")
    parser.add_argument("--with", dest="partner", metavar="OTHER", help="only events between NAME and OTHER")
    add_about_option(parser, "--query", "--about")
    add_filter_options(parser)
    parser.add_argument("--limit", type=int, default=200, help="at most this many events (default 200)")
    parser.add_argument("--merge", action="store_true",
                        help="one entry per event, however many articles report it (sources listed below it)")
    parser.add_argument("--json", action="store_true", help="print the events as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..archive import open_archive

    if args.partner and not args.name:
        raise ChronikError("E112", path="--with", reason="needs a NAME first: `chronik timeline A --with B`.")
    if not args.name and not args.about:
        raise ChronikError("E621")
    date_range(args)
    check_limit(args)
    args.entity = args.name
    with open_archive(args.db) as archive:
        events = select(archive, args, limit=args.limit)
        return print_events(archive, events, merge=args.merge, as_json=args.json)
