"""``chronik quotes``: who said what, when, according to the archive.

    chronik quotes --speaker Kowalczyk --about Streik
    chronik quotes --form direct --from 2023-03 --to 2023-05 --limit 20

Every quote is printed with its speaker (the full name when the article
gives it), the article date and id, the cue, and the message.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import add_db_option
from .options import check_limit, date_range


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "quotes",
        help="who said what: quotes and reported speech with speaker, date and article",
        description="List quotes from the archive: speaker, article date and id, cue, form and message. "
        "Filters combine: all must hold.",
    )
    add_db_option(parser)
    parser.add_argument("--speaker", metavar="NAME",
                        help="full name, surname or the source as written, any case, e.g. 'Kowalczyk'")
    parser.add_argument("--about", metavar="WORDS", help="words the message must contain (any inflection)")
    parser.add_argument("--form", metavar="FORM",
                        help="direct, indirect, freeindirect, indirectfreeindirect or reported")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="articles dated on or after DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="articles dated on or before DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--limit", type=int, default=100, help="at most this many quotes (default 100)")
    parser.add_argument("--json", action="store_true", help="print the quotes as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..archive import open_archive
    from ..chronicle.quotes import check_form, find_quotes

    dates = date_range(args)
    check_limit(args)
    check_form(args.form)
    with open_archive(args.db) as archive:
        hits = find_quotes(archive, speaker=args.speaker, about=args.about, form=args.form,
                           dates=dates, limit=args.limit)
        empty = not hits and archive.db.execute("SELECT 1 FROM quotes LIMIT 1").fetchone() is None
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if empty:
        print("the archive holds no quotes yet: run `chronik ingest` with the default pipeline "
              "(it re-analyses articles stored by an older one)", file=sys.stderr)
        return 0
    if not hits:
        print("no quotes match", file=sys.stderr)
        return 0
    for hit in hits:
        speaker = hit.speaker or "(unnamed source)"
        cue = f" ({hit.cue})" if hit.cue else ""
        print(f"{hit.date or 'undated':10}  {speaker}{cue}  [{hit.form}]  {hit.doc_id[:8]}")
        print(f"    {' '.join(hit.message.split())}")
    return 0
