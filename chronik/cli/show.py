"""``chronik show DOC_ID``: one stored article with date, title and paragraphs."""

from __future__ import annotations

import argparse
import json
import textwrap

from . import add_db_option

WIDTH = 88


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "show",
        help="print a stored article by its id (a unique prefix of 6+ characters is enough)",
        description="Print the stored article DOC_ID: date with its precision, title, source "
        "and paragraphs. --json prints its stored analysis (docs/json.md).",
    )
    parser.add_argument("doc_id", metavar="DOC_ID")
    add_db_option(parser)
    parser.add_argument("--json", action="store_true", help="print the stored analysis as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..archive import open_archive

    with open_archive(args.db) as archive:
        if args.json:
            print(json.dumps(archive.analysis_dict(args.doc_id), ensure_ascii=False, indent=2))
            return 0
        doc = archive.document(args.doc_id)
    date = f"{doc.date} ({doc.date.precision.value})" if doc.date else "undated"
    print(f"article {doc.doc_id}")
    print(f"date    {date}")
    for label, value in (("title", doc.title), ("source", doc.source), ("url", doc.url)):
        if value:
            print(f"{label:7} {value}")
    print(f"stored  {doc.ingested_at} by pipeline {doc.pipeline_version}")
    blocks = doc.blocks or [{"start": 0, "end": len(doc.text), "kind": "paragraph"}]
    for block in blocks:
        text = doc.text[block["start"] : block["end"]]
        print()
        if block["kind"] in ("title", "heading"):
            print(f"## {text}" if block["kind"] == "heading" else f"# {text}")
        else:
            print(textwrap.fill(text, WIDTH))
    return 0
