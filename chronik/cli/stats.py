"""``chronik stats``: what the archive holds."""

from __future__ import annotations

import argparse
import json

from . import add_db_option


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="count articles, dates, sentences, tokens and layers in the archive",
        description="Articles, their date range, sentences, tokens, items per analysis layer "
        "and the pipeline versions that produced them.",
    )
    add_db_option(parser)
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..archive import open_archive

    with open_archive(args.db) as archive:
        stats = archive.stats()
    if args.json:
        print(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(format_stats(stats, args.db))
    return 0


def format_stats(stats, location: str) -> str:
    lines = [f"archive    {location}", f"articles   {stats.articles:,}"]
    if stats.earliest:
        lines.append(f"dates      {stats.earliest} … {stats.latest}")
    if stats.undated:
        lines.append(f"undated    {stats.undated:,}")
    lines.append(f"sentences  {stats.sentences:,}")
    lines.append(f"tokens     {stats.tokens:,}")
    other = {k: v for k, v in stats.layers.items() if k not in ("sentences", "tokens")}
    if other:
        lines.append("layers     " + ", ".join(f"{name} {count:,}" for name, count in other.items()))
    for version, count in stats.pipeline_versions.items():
        lines.append(f"pipeline   {version}: {count:,} articles")
    return "\n".join(lines)
