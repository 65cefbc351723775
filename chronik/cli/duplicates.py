"""``chronik duplicates``: syndicated near-copies of one agency text.

    chronik duplicates
    chronik duplicates --threshold 0.6 --json

Groups articles whose estimated word-shingle (MinHash) similarity reaches
the threshold; each group is listed with article dates, ids and titles.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import ChronikError
from . import add_db_option


def add_parser(subparsers) -> None:
    from ..chronicle.near_duplicates import DEFAULT_THRESHOLD

    parser = subparsers.add_parser(
        "duplicates",
        help="near-copies of one text (syndicated agency articles), grouped",
        description="List groups of articles that are near-copies of each other: estimated Jaccard "
        "similarity of their 3-word shingles at or above the threshold.",
    )
    add_db_option(parser)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, metavar="T",
                        help=f"least estimated similarity, between 0 and 1 (default {DEFAULT_THRESHOLD})")
    parser.add_argument("--json", action="store_true", help="print the groups as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..archive import open_archive
    from ..chronicle.near_duplicates import find_near_duplicates

    if not 0.0 < args.threshold <= 1.0:
        raise ChronikError("E112", path="--threshold", reason="must be above 0 and at most 1, e.g. 0.7.")
    with open_archive(args.db) as archive:
        groups = find_near_duplicates(archive, args.threshold)
    if args.json:
        print(json.dumps([g.to_dict() for g in groups], ensure_ascii=False, indent=2))
        return 0
    if not groups:
        print("no near-duplicate articles", file=sys.stderr)
        return 0
    for number, group in enumerate(groups, 1):
        print(f"group {number}: {len(group.articles)} articles, similarity >= {group.similarity:.2f}")
        for article in group.articles:
            print(f"    {article.date or 'undated':10}  {article.doc_id[:8]}  {article.title}")
    return 0
