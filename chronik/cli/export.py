"""``chronik export``: a layer of the archive as JSONL, CSV or Parquet.

    chronik export --format csv --what quotes --from 2023-03 --to 2023-06 quotes.csv
    chronik export --format jsonl --what events - | jq .type

Rows are streamed from the archive and written as they come (see
chronik/export/); the columns are documented in docs/export.md.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from contextlib import closing
from typing import Any

from . import add_db_option
from .options import date_range

log = logging.getLogger("chronik.export")
WHAT = ("articles", "entities", "quotes", "events", "timexes")
# Rows between two progress updates: tqdm per row would cost more than the writing.
PROGRESS_EVERY = 1000
LOG_EVERY = 100_000


def add_parser(subparsers) -> None:
    from ..export.writers import FORMATS

    parser = subparsers.add_parser(
        "export",
        help="write articles, entities, quotes, events or time expressions as JSONL, CSV or Parquet",
        description="Export one layer of the archive (columns: docs/export.md). Rows are streamed: "
        "memory stays flat however large the archive. OUT is written under a temporary name and "
        "renamed when complete; '-' writes JSONL or CSV to stdout.",
    )
    parser.add_argument("out", metavar="OUT", help="output file, or - for stdout (jsonl and csv only)")
    parser.add_argument("--format", required=True, choices=FORMATS, help="jsonl, csv or parquet")
    parser.add_argument("--what", default="articles", choices=WHAT, help="which rows (default: articles)")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="articles dated on or after DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="articles dated on or before DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    add_db_option(parser)
    parser.set_defaults(run=run, interrupted="; the unfinished file is removed")


def run(args: argparse.Namespace) -> int:
    from ..archive import open_archive
    from ..export.output import STDOUT, check_destination
    from ..export.tables import EXPORTS, export_rows
    from ..export.writers import import_pyarrow

    dates = date_range(args)
    check_destination(args.out, fmt=args.format, force=args.force)
    if args.format == "parquet":
        import_pyarrow()  # a missing pyarrow is reported before the archive is read
    export = EXPORTS[args.what]
    started = time.perf_counter()
    with open_archive(args.db) as archive, Progress(args.what, getattr(args, "verbose", False)) as progress:
        # closing(): a failed or cut-off export (a closed pipe) ends the
        # archive's cursor now, while the archive is still open.
        with closing(export_rows(archive, args.what, dates)) as rows:
            count = _export(args, export.columns, rows, progress)
    seconds = time.perf_counter() - started
    where = "stdout" if args.out == STDOUT else args.out
    print(f"exported {count:,} {args.what} to {where} ({seconds:.1f} s)", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace, columns: Any, rows: Any, progress: "Progress") -> int:
    from ..export.output import STDOUT, staged_file, staged_text, stdout_text
    from ..export.writers import open_writer

    if args.out == STDOUT:
        with stdout_text() as handle:
            return _write(open_writer(args.format, handle, columns), rows, progress)
    if args.format == "parquet":
        with staged_file(args.out, force=args.force) as temp:
            return _write(open_writer(args.format, str(temp), columns), rows, progress)
    with staged_text(args.out, force=args.force) as handle:
        return _write(open_writer(args.format, handle, columns), rows, progress)


def _write(writer: Any, rows: Any, progress: "Progress") -> int:
    count = 0
    for row in rows:
        writer.write(row)
        count += 1
        if count % PROGRESS_EVERY == 0:
            progress.update(count)
    writer.close()
    progress.update(count)
    return count


class Progress:
    """Rows written, on stderr: a tqdm counter on a terminal (as `chronik
    ingest` shows its bar), else a log line every LOG_EVERY rows with -v."""

    def __init__(self, what: str, verbose: bool) -> None:
        self.what = what
        self.verbose = verbose
        self.bar = None
        self.shown = 0
        self.logged = 0

    def __enter__(self) -> "Progress":
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(unit=" rows", desc=self.what, file=sys.stderr, unit_scale=True)
        return self

    def update(self, count: int) -> None:
        if self.bar is not None:
            self.bar.update(count - self.shown)
            self.shown = count
        elif self.verbose and count - self.logged >= LOG_EVERY:
            log.info("%s: %s rows written", self.what, f"{count:,}")
            self.logged = count

    def __exit__(self, *exc_info: object) -> None:
        if self.bar is not None:
            self.bar.close()
