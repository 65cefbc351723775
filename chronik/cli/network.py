"""``chronik network``: who interacts with whom over a time window.

    chronik network --from 2021-12 --to 2022-02
    chronik network --type THREATEN --format graphml netz.graphml

Nodes are entities, one directed edge per actor, target and PLOVER type
with its count of events (reports of one event by several articles count
once) and of reports.  The selection is that of ``chronik events``
(chronik/cli/events.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ChronikError
from . import add_db_option
from .events import NETWORK_FORMATS, add_about_option, add_filter_options, network, network_text, select
from .options import date_range


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "network",
        help="actor network: who did what to whom, edges by event type and count",
        description="The actor network of the events in a time window, as JSON or GraphML "
        "(opens in Gephi, yEd, networkx).",
    )
    add_db_option(parser)
    parser.add_argument("out", nargs="?", metavar="OUT",
                        help="file to write (default: stdout); a .graphml name implies --format graphml")
    parser.add_argument("--entity", metavar="NAME", help="only events with NAME as actor or target")
    add_about_option(parser, "--about")
    add_filter_options(parser)
    parser.add_argument("--format", choices=NETWORK_FORMATS, help="json (default) or graphml")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..archive import open_archive

    date_range(args)
    fmt = args.format or ("graphml" if args.out and args.out.lower().endswith(".graphml") else "json")
    with open_archive(args.db) as archive:
        events = select(archive, args, limit=None)
        graph = network(archive, events)
    text = network_text(graph, fmt)
    if not graph["edges"]:
        print("no events with both an actor and a target match", file=sys.stderr)
    if not args.out or args.out == "-":
        print(text)
        return 0
    try:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        raise ChronikError("E622", path=args.out, reason=error.strerror or error) from None
    print(f"wrote {len(graph['nodes'])} entities and {len(graph['edges'])} edges to {args.out}", file=sys.stderr)
    return 0
