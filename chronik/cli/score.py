"""``chronik score --format FORMAT GOLD_DIR PRED_DIR``: the research formats' own metrics.

Each scorer lives in ``chronik/scoring/<name>.py`` and provides
``score_dirs(gold_dir: Path, pred_dir: Path) -> Scores`` whose ``str()`` is a
readable table and ``to_dict()`` a JSON object.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..errors import ChronikError
from .annotate import format_module

SCORE_FORMATS: dict[str, str] = {
    "spkatt": "spkatt",
    "timeml": "timeml",
    "germeval": "germeval",
    "events": "events",
}


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "score",
        help="score predictions against gold files with the format's own metrics",
    )
    parser.add_argument("--format", required=True, choices=sorted(SCORE_FORMATS))
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    parser.add_argument("pred_dir", type=Path, metavar="PRED_DIR")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    for path in (args.gold_dir, args.pred_dir):
        if not path.exists():
            raise ChronikError("E110", path=path)
    module = format_module("scoring", args.format, SCORE_FORMATS)
    scores = module.score_dirs(args.gold_dir, args.pred_dir)
    print(json.dumps(scores.to_dict(), indent=2, ensure_ascii=False) if args.json else scores)
    return 0
