"""``chronik when --from D --to D [QUERY]``: what happened between two days.

Unlike ``chronik search --from/--to`` (article dates), this lists sentences
by the dates they name themselves: "am Dienstag" in an article of Friday
counts for Tuesday.  A sentence whose timex interval lies wholly inside the
range is "in range"; one whose interval only overlaps it (a month, a day
of an article dated by month only) is "possibly".  See
:mod:`chronik.archive.timeline` for the rule.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import ChronikError
from . import add_db_option
from .options import check_limit, date_range


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "when",
        help="sentences dated inside a range by their own time expressions",
        description="List sentences whose time expression (\"am Dienstag\", \"am 7. Dezember\") "
        "denotes days inside the range: 'in range' when its whole interval fits, 'possibly' when "
        "it only overlaps (e.g. 'im Dezember').  QUERY keeps sentences containing its words.",
    )
    parser.add_argument("query", metavar="QUERY", nargs="?", help="words the sentence must contain (German-stemmed)")
    add_db_option(parser)
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="first day of the range (YYYY[-MM[-DD]])")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="last day of the range (YYYY[-MM[-DD]])")
    parser.add_argument("--sure", action="store_true", help="only sentences surely in the range (no 'possibly')")
    parser.add_argument("--slack", type=int, default=31, metavar="DAYS",
                        help="a 'possibly' interval must lie within the range widened by DAYS (default: 31)")
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="at most N sentences (default: 50)")
    parser.add_argument("--json", action="store_true", help="print the sentences as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..archive import open_archive
    from ..archive.terms import parse_query
    from ..archive.timeline import SURE, has_timexes, sentences_between

    dates = date_range(args)
    if not dates.start and not dates.end:
        raise ChronikError("E308")
    check_limit(args)
    if args.slack < 0:
        raise ChronikError("E112", path="--slack", reason="must be 0 or more days.")
    query = parse_query(args.query) if args.query else None
    with open_archive(args.db) as archive:
        slack = 0 if args.sure else args.slack
        found = sentences_between(archive, dates.earliest, dates.latest,
                                  query, slack=slack, limit=args.limit)
        dated = bool(found) or has_timexes(archive)
    if args.sure:
        found = [s for s in found if s.certainty == SURE]
    if args.json:
        print(json.dumps({"from": args.date_from, "to": args.date_to, "query": args.query,
                          "sentences": [s.to_dict() for s in found]}, ensure_ascii=False, indent=2))
        return 0
    if not dated:
        print("no article in the archive has time expressions: ingest with the 'time' component "
              "(it is in the default pipeline)", file=sys.stderr)
    elif not found:
        print("no sentence is dated in that range", file=sys.stderr)
        return 0
    for s in found:
        print(f"{s.certainty:9}  {_interval(s.earliest, s.latest):23}  {s.timex!r} = {s.value}  "
              f"[{s.doc_id}, article {s.article_date or 'undated'}]")
        print(f"    {s.sentence}")
    return 0


def _interval(earliest: str, latest: str) -> str:
    return earliest if earliest == latest else f"{earliest}..{latest}"
