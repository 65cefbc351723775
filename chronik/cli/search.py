"""``chronik search QUERY``: ranked sentences from the archive.

Words are German-stemmed ("Gespräche" finds "Gespräch"), all words must
occur, "quoted words" form a phrase, and parts of hyphenated compounds are
found ("Osterweiterung" finds "Nato-Osterweiterung").  --from/--to keep
articles whose date (with its precision) overlaps the range.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import add_db_option
from .options import check_limit, date_range

BOLD, RESET = "\033[1m", "\033[0m"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search the archive's sentences (German stemming, date filters)",
        description="Find sentences containing all words of QUERY (German-stemmed; "
        '"quoted words" are a phrase), ranked by relevance (bm25).',
    )
    parser.add_argument("query", metavar="QUERY")
    add_db_option(parser)
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="articles dated on or after DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="articles dated on or before DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N sentences (default: 20)")
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..archive import open_archive

    dates = date_range(args)
    check_limit(args)
    with open_archive(args.db) as archive:
        hits = archive.search(args.query, dates, args.limit)
    if args.json:
        print(json.dumps({"query": args.query, "hits": [h.to_dict() for h in hits]}, ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(f"no sentence matches {args.query!r}", file=sys.stderr)
        return 0
    bold = sys.stdout.isatty()
    for hit in hits:
        date = str(hit.date) if hit.date else "undated"
        print(f"{hit.doc_id}  {date:10}  {hit.title}".rstrip())
        print(f"    {highlight(hit.sentence, hit.matches, bold)}")
    return 0


def highlight(sentence: str, matches: list[tuple[int, int]], bold: bool) -> str:
    """Mark matched words: bold on a terminal, [brackets] in pipes and files."""
    before, after = (BOLD, RESET) if bold else ("[", "]")
    parts, last = [], 0
    for start, end in matches:
        parts.append(sentence[last:start] + before + sentence[start:end] + after)
        last = end
    parts.append(sentence[last:])
    return "".join(parts)
