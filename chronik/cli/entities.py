"""``chronik entities`` and ``chronik entity``: who and what the archive names.

    chronik entities --type PER --from 2023 --to 2023
    chronik entity Petersen

A bare surname joins the one full name ending in it (see
chronik/chronicle/entities.py); two people sharing a surname stay apart.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import add_db_option
from .options import check_limit, date_range

TYPES = ("PER", "ORG", "LOC", "OTH")


def add_parser(subparsers) -> None:
    listing = subparsers.add_parser(
        "entities",
        help="people, organisations and places the archive names, most frequent first",
        description="List entities with their mention and article counts, most frequent first.",
    )
    add_db_option(listing)
    listing.add_argument("--type", choices=TYPES, help="only entities of this type")
    listing.add_argument("--from", dest="date_from", metavar="DATE", help="articles dated on or after DATE (YYYY[-MM[-DD]])")
    listing.add_argument("--to", dest="date_to", metavar="DATE", help="articles dated on or before DATE (YYYY[-MM[-DD]])")
    listing.add_argument("--limit", type=int, default=50, help="at most this many entities (default 50)")
    listing.add_argument("--json", action="store_true", help="print the entities as JSON")
    listing.set_defaults(run=run_entities)


def add_entity_parser(subparsers) -> None:
    """``chronik entity`` (registered through chronik/cli/entity.py, one module per command)."""
    profile = subparsers.add_parser(
        "entity",
        help="one entity: spellings, roles over time, articles, co-occurring entities",
        description="Show one entity: the spellings seen, its roles over time with their sources, "
        "the articles naming it and the entities named alongside it.",
    )
    add_db_option(profile)
    profile.add_argument("name", metavar="NAME", help="full name or surname, e.g. 'Anna Petersen' or 'Petersen'")
    profile.add_argument("--json", action="store_true", help="print the profile as JSON")
    profile.set_defaults(run=run_entity)


def run_entities(args: argparse.Namespace) -> int:
    from ..archive import open_archive
    from ..chronicle.entities import list_entities

    dates = date_range(args)
    check_limit(args)
    with open_archive(args.db) as archive:
        entities = list_entities(archive, type=args.type, dates=dates, limit=args.limit)
    if args.json:
        print(json.dumps([e.to_dict() for e in entities], ensure_ascii=False, indent=2))
        return 0
    if not entities:
        print("no entities match", file=sys.stderr)
        return 0
    print(f"{'mentions':>8}  {'articles':>8}  type  name")
    for e in entities:
        print(f"{e.mentions:>8}  {e.articles:>8}  {e.type:4}  {e.name}")
    return 0


def run_entity(args: argparse.Namespace) -> int:
    from ..archive import open_archive
    from ..chronicle.entities import entity_profile

    with open_archive(args.db) as archive:
        profile = entity_profile(archive, args.name)
    if args.json:
        print(json.dumps(profile.to_dict(), ensure_ascii=False, indent=2))
        return 0
    e = profile.entity
    print(f"{e.name} ({e.type}): {e.mentions} mentions in {e.articles} articles")
    print("spellings: " + ", ".join(f"{alias} ({n})" for alias, n in e.aliases.items()))
    if profile.roles:
        print("roles:")
        for fact in profile.roles:
            owner = f" ({fact.of})" if fact.of else ""
            status = "" if fact.status == "current" else f" [{fact.status}]"
            print(f"  {fact.date or 'undated':10}  {fact.role}{owner}{status}  {fact.doc_id[:8]}")
            print(f"      {fact.sentence}")
    print("articles:")
    for a in profile.articles:
        print(f"  {a.date or 'undated':10}  {a.doc_id[:8]}  {a.title}  ({a.mentions}x)")
    if profile.co_occurring:
        print("named alongside: " + ", ".join(f"{n} [{t}] ({k})" for n, t, k in profile.co_occurring))
    return 0
