"""``chronik events``: who did what to whom, as a timeline from the archive.

    chronik events --entity Putin --from 2021-12 --to 2021-12
    chronik events --type CONSULT --type THREATEN --status planned
    chronik events --actor Russland --json
    chronik events --entity Biden --with Putin
    chronik events --from 2021 --to 2021 --network graphml > netz.graphml
    chronik events --about "Nord Stream" --type SANCTION

Events are ordered by the date they happened (the interval of days their
source supports), not by the date of the article; every line is followed
by the sentence that tells it.  ``chronik timeline`` and ``chronik network``
are the same selection with other defaults; their options, the query and
the printing live here once.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import ChronikError
from . import add_db_option
from .options import check_limit, date_range

STATUSES = ("happened", "ongoing", "planned", "demanded", "conditional", "denied", "negated")
NETWORK_FORMATS = ("json", "graphml")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "events",
        help="timeline of events (PLOVER types: who did what to whom, when)",
        description="List events from the archive, ordered by the date they happened, "
        "each with its evidence sentence and article id.",
    )
    add_db_option(parser)
    parser.add_argument("--entity", metavar="NAME", help="events with NAME as actor or target ('Putin', 'Russland')")
    parser.add_argument("--with", dest="partner", metavar="NAME",
                        help="with --entity: only events between the two (a pair timeline)")
    parser.add_argument("--actor", metavar="NAME", help="events NAME did")
    parser.add_argument("--target", metavar="NAME", help="events done to NAME")
    add_about_option(parser, "--about")
    add_filter_options(parser)
    parser.add_argument("--limit", type=int, default=200, help="at most this many events (default 200)")
    parser.add_argument("--merge", action="store_true",
                        help="one entry per event, however many articles report it (sources listed below it)")
    parser.add_argument("--network", choices=NETWORK_FORMATS,
                        help="print who interacts with whom instead: edges by type with counts")
    parser.add_argument("--json", action="store_true", help="print the events as JSON")
    parser.set_defaults(run=run)


def add_about_option(parser, *names: str) -> None:
    parser.add_argument(*names, dest="about", metavar="WORDS",
                        help="events whose evidence sentence contains all WORDS, in any inflection "
                             "(as `chronik search`; \"quoted words\" stand together)")


def add_filter_options(parser) -> None:
    """--type, --status, --from, --to: shared by events, timeline and network."""
    parser.add_argument("--type", dest="types", action="append", metavar="TYPE",
                        help="PLOVER type, e.g. CONSULT, THREATEN (repeat for several)")
    parser.add_argument("--status", choices=STATUSES, help="only events with this status")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="events that may fall on or after DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="events that may fall on or before DATE (YYYY[-MM[-DD]])")


def select(archive, args: argparse.Namespace, *, limit: int | None) -> list:
    """The events the shared options select, ordered by event date."""
    from ..chronicle.events import PLOVER_TYPES, timeline

    for name in args.types or ():
        if name.upper() not in PLOVER_TYPES:
            raise ChronikError("E620", name=name, choices=", ".join(PLOVER_TYPES))
    return timeline(archive, entity=getattr(args, "entity", None), actor=getattr(args, "actor", None),
                    target=getattr(args, "target", None), types=args.types, status=args.status,
                    partner=getattr(args, "partner", None), about=getattr(args, "about", None),
                    dates=date_range(args), limit=limit)


def network(archive, events: list) -> dict:
    """The actor network of the selected events: reports of one event (also
    by near-copies of one agency text) count once."""
    from ..chronicle.events import actor_network, merge_reports
    from ..chronicle.near_duplicates import source_groups

    copies = source_groups(archive, {e.doc_id for e in events}) if events else {}
    return actor_network(merge_reports(events, copies))


def network_text(network: dict, fmt: str) -> str:
    from ..chronicle.events import network_graphml

    return network_graphml(network) if fmt == "graphml" else json.dumps(network, ensure_ascii=False, indent=2)


def run(args: argparse.Namespace) -> int:
    from ..archive import open_archive

    date_range(args)  # a bad range is an error before the archive is opened
    if args.partner and not args.entity:
        raise ChronikError("E112", path="--with", reason="needs --entity NAME: the pair is --entity A --with B.")
    check_limit(args)
    with open_archive(args.db) as archive:
        if args.network:
            print(network_text(network(archive, select(archive, args, limit=None)), args.network))
            return 0
        events = select(archive, args, limit=args.limit)
        return print_events(archive, events, merge=args.merge, as_json=args.json)


def print_events(archive, events: list, *, merge: bool, as_json: bool) -> int:
    """The timeline on stdout: one line and the evidence sentence per event,
    or per merged event with its sources; JSON with ``as_json``."""
    from ..chronicle.events import merge_reports
    from ..chronicle.near_duplicates import source_groups

    if merge:
        copies = source_groups(archive, {e.doc_id for e in events}) if events else {}
        return _print_merged(merge_reports(events, copies), as_json)
    if as_json:
        print(json.dumps([e.to_dict() for e in events], ensure_ascii=False, indent=2))
        return 0
    if not events:
        print("no events match", file=sys.stderr)
        return 0
    for event in events:
        print(_line(event))
        print(f"    {event.sentence}")
    return 0


def _line(event) -> str:
    when = event.value
    if event.precision == "interval":  # a weekday within a few weeks: show the days it may be
        when = f"{event.earliest}..{event.latest}"
    if event.date_source == "article":
        when = f"{when} (article)"
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    who = event.actor or "?"
    whom = f" -> {event.target}" if event.target else ""
    where = f" in {event.place}" if event.place else ""
    status = "" if event.status == "happened" else f" [{event.status}]"
    return f"{when or 'undated':24} {kind}: {who}{whom}{where}{status}  {event.doc_id[:8]}"


def _print_merged(merged, as_json: bool) -> int:
    if as_json:
        print(json.dumps([m.to_dict() for m in merged], ensure_ascii=False, indent=2))
        return 0
    if not merged:
        print("no events match", file=sys.stderr)
        return 0
    for item in merged:
        when = item.earliest if item.earliest == item.latest else f"{item.earliest}..{item.latest}"
        kind = item.type + (f"/{item.mode}" if item.mode else "")
        whom = f" -> {item.target}" if item.target else ""
        status = "" if item.status == "happened" else f" [{item.status}]"
        print(f"{when:24} {kind}: {item.actor or '?'}{whom}{status}  ({len(item.sources)} reports{_copies(item)})")
        for source in item.sources:
            print(f"    {source.doc_id[:8]} {source.article_date or 'undated'}: {source.sentence}")
    return 0


def _copies(item) -> str:
    """Say so when some reports are near-copies of one agency text."""
    return "" if item.independent == len({s.doc_id for s in item.sources}) else f", {item.independent} independent"
