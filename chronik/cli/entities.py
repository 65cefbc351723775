"""``chronik entities`` and ``chronik entity``: who and what the archive names.

    chronik entities --type PER --from 2023 --to 2023
    chronik entities --rebuild
    chronik entity Petersen
    chronik entity Selensky --merge-into "Wolodymyr Selenskyj" --by anna

Both read the archive's canonical entities (chronik/archive/resolver.py,
docs/entities.md); corrections are recorded in the archive with who made
them and survive re-analysis.
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
    listing.add_argument("--rebuild", action="store_true",
                         help="resolve every stored article again (entity ids stay; corrections are applied again)")
    listing.add_argument("--corrections", action="store_true", help="list every entity correction, oldest first")
    listing.set_defaults(run=run_entities)


def add_entity_parser(subparsers) -> None:
    """``chronik entity`` (registered through chronik/cli/entity.py, one module per command)."""
    profile = subparsers.add_parser(
        "entity",
        help="one entity: spellings, roles over time, articles, co-occurring entities; merge, split, rename",
        description="Show one entity: the spellings seen, its roles over time with their sources, "
        "the articles naming it and the entities named alongside it.  With --merge-into, --split or "
        "--rename (and --by), correct it; corrections survive re-analysis.",
    )
    add_db_option(profile)
    profile.add_argument("name", metavar="NAME", help="name, any spelling, entity id, or a surname one person has")
    profile.add_argument("--json", action="store_true", help="print the profile as JSON")
    profile.add_argument("--merge-into", metavar="OTHER", help="NAME is the same as OTHER: merge it into OTHER")
    profile.add_argument("--split", metavar="ALIAS", help="mentions spelled ALIAS are somebody else: split them off")
    profile.add_argument("--rename", metavar="NEW", help="show the entity under the name NEW from now on")
    profile.add_argument("--by", metavar="WHO", help="who makes the correction (recorded with the time)")
    profile.add_argument("--corrections", action="store_true", help="list the corrections of this entity")
    profile.set_defaults(run=run_entity)


def run_entities(args: argparse.Namespace) -> int:
    from ..archive import open_archive
    from ..chronicle.entities import list_entities

    dates = date_range(args)
    check_limit(args)
    with open_archive(args.db) as archive:
        if args.rebuild:
            return _rebuild(archive)
        if args.corrections:
            return _print_corrections(archive, None, args.json)
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


def _rebuild(archive) -> int:
    import time

    from ..archive.resolver import rebuild

    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"\rresolved {done}/{total} articles", end="", file=sys.stderr, flush=True)

    with archive.writing():
        articles = rebuild(archive.db, progress if sys.stderr.isatty() else None)
    count = archive.db.execute(
        "SELECT COUNT(*) FROM entities WHERE merged_into IS NULL AND mentions > 0").fetchone()[0]
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"resolved {articles} articles into {count} entities ({time.perf_counter() - started:.1f} s)")
    return 0


def _print_corrections(archive, entity, as_json: bool) -> int:
    from ..archive.entity_corrections import corrections

    found = corrections(archive.db, None if entity is None else [entity.id])
    if as_json:
        print(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("no corrections", file=sys.stderr)
        return 0
    for c in found:
        a = c.arguments
        what = {
            "merge": f"merged {a.get('entity_name', c.entity)} into {a.get('into_name', a.get('into'))}",
            "split": f"split {a.get('alias')!r} off {a.get('entity_name', c.entity)}",
            "rename": f"renamed {a.get('old_name', c.entity)} to {a.get('name')}",
        }.get(c.kind, c.kind)
        print(f"{c.at}  {c.by}  {what}  [{c.entity}]")
    return 0


def run_entity(args: argparse.Namespace) -> int:
    from ..archive import open_archive
    from ..chronicle import entity_fixes
    from ..chronicle.entities import entity_profile, find_entity
    from ..errors import ChronikError

    fixes = [o for o, v in (("--merge-into", args.merge_into), ("--split", args.split), ("--rename", args.rename))
             if v is not None]
    if len(fixes) > 1 or (args.by is not None and not fixes) or (fixes and args.corrections):
        raise ChronikError("E325", options="--merge-into, --split, --rename")
    with open_archive(args.db) as archive:
        if fixes:
            entity = find_entity(archive, args.name)
            if args.merge_into is not None:
                into = find_entity(archive, args.merge_into)
                correction = entity_fixes.merge(archive, entity, into, args.by)
            elif args.split is not None:
                correction = entity_fixes.split(archive, entity, args.split, args.by)
            else:
                correction = entity_fixes.rename(archive, entity, args.rename, args.by)
            after = entity_fixes.reload(archive, entity)
            if args.json:
                print(json.dumps({"correction": correction.to_dict(), "entity": after.to_dict()},
                                 ensure_ascii=False, indent=2))
            else:
                print(f"recorded {correction.kind} #{correction.id} by {correction.by} at {correction.at}")
                print(f"{after.name} ({after.type}): {after.mentions} mentions in {after.articles} articles")
            return 0
        if args.corrections:
            return _print_corrections(archive, find_entity(archive, args.name), args.json)
        profile = entity_profile(archive, args.name)
    if args.json:
        print(json.dumps(profile.to_dict(), ensure_ascii=False, indent=2))
        return 0
    e = profile.entity
    print(f"{e.name} ({e.type}): {e.mentions} mentions in {e.articles} articles  [{e.id}]")
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
