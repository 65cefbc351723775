"""``chronik ingest PATH...``: read, analyse and store articles in the archive.

Files, folders (recursive) and globs; each article is analysed only when
the archive does not already hold it from the same pipeline version, and
stored in batches of one transaction each (see chronik/archive/ingest.py).
"""

from __future__ import annotations

import argparse
import sys
from typing import Callable

from .. import engines
from .options import parse_date_option
from ..engines import ENGINES, open_engine
from ..errors import ChronikError
from . import add_db_option


def add_input_options(parser: argparse.ArgumentParser) -> None:
    from ..readers.registry import FORMATS

    parser.add_argument("--date", metavar="YYYY[-MM[-DD]]", help="date for articles that carry none; overrides a date in the input")
    parser.add_argument(
        "--format", default="auto", metavar="FORMAT",
        help=f"input format: {', '.join(FORMATS)} (default: auto, by extension and content)",
    )


def check_format(name: str) -> str:
    # Checked here, not by argparse choices, to get the project's one-line error.
    from ..readers.registry import check_format as check

    return check(name)


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="analyse articles and store them in the archive",
        description="Read articles from files, folders (recursively) and globs, analyse each one "
        "and store it in the archive. Articles already stored by the same pipeline version are "
        "skipped without analysing; changed ones are updated.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or glob")
    add_db_option(parser)
    add_input_options(parser)
    parser.add_argument("--batch-size", type=int, default=64, metavar="N", help="articles per transaction (default: 64)")
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="analyse in N processes or Ray workers (default: 1)")
    parser.add_argument(
        "--engine", choices=ENGINES, default=None,
        help="where articles are analysed: local (this process), processes (a pool of --workers), "
        "ray (a Ray cluster, see docs/scale.md); default: processes when --workers > 1, else local",
    )
    parser.add_argument("--ray-address", metavar="ADDR", help="Ray cluster to join (default: a private Ray on this machine)")
    add_pipeline_option(parser)
    parser.set_defaults(run=run, interrupted="; what was committed is kept, run the command again to resume")


def add_pipeline_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pipeline", metavar="NAMES",
        help="comma-separated components to run instead of the default pipeline (e.g. 'text' for a quick search-only archive)",
    )
    add_ner_option(parser)


def add_ner_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ner", metavar="crf|spacy:NAME_OR_PATH|transformers:PATH", default=None,
        help="entity tagger: crf (ours, the default), an installed spaCy pipeline (package name or folder), "
        "or a local Hugging Face token-classification model folder; see docs/entities.md",
    )


def ner_option(args: argparse.Namespace, names: list[str] | None = None):
    """The checked ``--ner`` spec; a model is loaded here once, before any article is read.

    A model that cannot be loaded is then one clear error instead of one
    failure per article; the local engine reuses it (one model per process),
    pool and Ray workers load their own.
    """
    from ..extract.ner import load_tagger, parse_ner

    spec = parse_ner(getattr(args, "ner", None))
    if not spec.is_default and (names is None or "entities" in names):
        load_tagger(spec)
    return spec


def run(args: argparse.Namespace) -> int:
    from ..archive import open_archive
    from ..archive.ingest import ingest
    from ..readers.registry import iter_documents

    date = parse_date_option(args.date)
    fmt = check_format(args.format)
    if args.batch_size < 1 or args.workers < 1:
        raise ChronikError("E112", path="--batch-size/--workers", reason="must be at least 1.")
    names = component_names(args.pipeline)
    ner = ner_option(args, names)
    pipeline = make_pipeline(names, ner)  # checks the names before anything is read
    engine = args.engine or ("processes" if args.workers > 1 else "local")
    with open_archive(args.db, create=True) as archive, open_engine(
        engine, args.workers, names, args.ray_address, ner
    ) as analyze_batches:
        items = iter_documents(args.paths, fmt=fmt, date=date)
        with _progress_bar(args.paths) as on_progress:
            report = ingest(
                archive, items, pipeline,
                batch_size=args.batch_size, on_progress=on_progress, analyze_batches=analyze_batches,
            )
    print(report.summary())
    for line in report.failure_lines():
        print(f"chronik: failed: {line}", file=sys.stderr)
    return 1 if report.failed else 0


class _progress_bar:
    """A tqdm bar (rate, ETA) on stderr when it is a terminal; otherwise silent."""

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        self.bar = None

    def __enter__(self) -> Callable[[int], None] | None:
        if not sys.stderr.isatty():
            return None
        from tqdm import tqdm

        self.bar = tqdm(total=estimate_articles(self.paths), unit="article", file=sys.stderr, smoothing=0.1)
        return self.bar.update

    def __exit__(self, *exc_info: object) -> None:
        if self.bar is not None:
            self.bar.close()


def estimate_articles(paths: list[str]) -> int | None:
    """A quick count for the progress bar's ETA: one article per file, one
    per line of a JSONL file.  Only an estimate; the readers decide."""
    from ..readers.registry import expand_path

    total = 0
    for name in paths:
        for path, error in expand_path(name, "auto"):
            if error is not None:
                continue
            if path.suffix.lower() in (".jsonl", ".ndjson"):
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total or None


def component_names(option: str | None) -> list[str] | None:
    if option is None:
        return None
    return [name.strip() for name in option.split(",") if name.strip()]


make_pipeline = engines.make_pipeline
