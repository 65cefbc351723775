"""``chronik roles``: who held which role when, according to the archive.

    chronik roles --role "Nationaler Sicherheitsberater" --from 2021-12 --to 2021-12
    chronik roles --person Sullivan

Every line is one role fact with the article's date (at its precision), the
article id and the sentence it came from.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import add_db_option
from .options import check_limit, date_range


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "roles",
        help="who held which role when (titles and appositions, dated by their articles)",
        description="List role facts from the archive: person, role, whose role, "
        "current/former/future, article date, and the sentence they came from.",
    )
    add_db_option(parser)
    parser.add_argument("--person", metavar="NAME", help="full name or surname, e.g. 'Jake Sullivan' or 'Sullivan'")
    parser.add_argument("--role", metavar="ROLE", help="role lemma, e.g. 'Präsident' or 'Nationaler Sicherheitsberater'")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="articles dated on or after DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="articles dated on or before DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--limit", type=int, default=100, help="at most this many facts (default 100)")
    parser.add_argument("--json", action="store_true", help="print the facts as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..archive import open_archive
    from ..chronicle.roles import role_facts

    dates = date_range(args)
    check_limit(args)
    with open_archive(args.db) as archive:
        facts = role_facts(archive, person=args.person, role=args.role, dates=dates, limit=args.limit)
    if args.json:
        print(json.dumps([f.to_dict() for f in facts], ensure_ascii=False, indent=2))
        return 0
    if not facts:
        print("no role facts match", file=sys.stderr)
        return 0
    for fact in facts:
        owner = f" ({fact.of})" if fact.of else ""
        status = "" if fact.status == "current" else f" [{fact.status}]"
        print(f"{fact.date or 'undated':10}  {fact.person}: {fact.role}{owner}{status}  {fact.doc_id[:8]}")
        print(f"    {fact.sentence}")
    return 0
