"""``chronik annotate --format FORMAT IN_DIR OUT_DIR``: annotate research-format files.

Each format lives in ``chronik/formats/<name>.py`` and provides
``annotate_dir(in_dir: Path, out_dir: Path, *, progress: bool) -> AnnotateReport``.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from ..errors import ChronikError
from .ingest import add_ner_option, ner_option

# format name -> module under chronik.formats
ANNOTATE_FORMATS: dict[str, str] = {
    "spkatt": "spkatt",
    "timeml": "timeml",
    "germeval": "germeval",
    "events": "events",
}


def format_module(package: str, name: str, table: dict[str, str]):
    if name not in table:
        raise ChronikError("E109", name=name, choices=", ".join(sorted(table)))
    try:
        return importlib.import_module(f"chronik.{package}.{table[name]}")
    except ModuleNotFoundError as error:
        if error.name == f"chronik.{package}.{table[name]}":
            raise ChronikError("E109", name=name, choices="(this format is not available yet)") from None
        raise


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "annotate",
        help="annotate a folder of research-format files (SpkAtt JSON, TimeML, GermEval TSV)",
        description="Read every file of IN_DIR in the given research format, ignore its gold "
        "annotations, and write our annotations in the same format to OUT_DIR.",
    )
    parser.add_argument("--format", required=True, choices=sorted(ANNOTATE_FORMATS))
    parser.add_argument("in_dir", type=Path, metavar="IN_DIR")
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    add_ner_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    module = format_module("formats", args.format, ANNOTATE_FORMATS)
    if args.ner is not None and args.ner.strip() != "crf" and not getattr(module, "ACCEPTS_NER", False):
        users = [name for name in sorted(ANNOTATE_FORMATS) if getattr(format_module("formats", name, ANNOTATE_FORMATS), "ACCEPTS_NER", False)]
        raise ChronikError("E217", value=args.ner, name=args.format, formats=", ".join(users))
    ner = ner_option(args)
    # Formats that say ACCEPTS_FILES (germeval) also take IN as a file and OUT as a file.
    single_file = getattr(module, "ACCEPTS_FILES", False) and args.in_dir.is_file()
    if not (args.in_dir.is_dir() or single_file):
        raise ChronikError("E110", path=args.in_dir)
    if not single_file:
        args.out_dir.mkdir(parents=True, exist_ok=True)
    report = module.annotate_dir(args.in_dir, args.out_dir, **({} if ner.is_default else {"ner": ner}))
    print(report)
    return 1 if getattr(report, "failed", None) else 0
