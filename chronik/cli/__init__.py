"""The ``chronik`` command line.

One module per command in this package; each defines ``add_parser(subparsers)``
and ``run(args) -> int``.  User errors (:class:`~chronik.errors.ChronikError`)
are printed as one line on stderr with exit code 2 — never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from .. import __version__
from ..errors import ChronikError

# Command name -> module under chronik.cli.  Keep in the order of --help.
COMMANDS: dict[str, str] = {
    "demo": "demo",
    "ingest": "ingest",
    "analyze": "analyze",
    "search": "search",
    "when": "when",
    "show": "show",
    "stats": "stats",
    "roles": "roles",
    "quotes": "quotes",
    "events": "events",
    "timeline": "timeline",
    "network": "network",
    "duplicates": "duplicates",
    "entities": "entities",
    "entity": "entity",
    "export": "export",
    "annotate": "annotate",
    "score": "score",
    "serve": "serve",
}

DEFAULT_DB = "chronik.db"


def default_db() -> str:
    return os.environ.get("CHRONIK_DB") or DEFAULT_DB


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=default_db(),
        metavar="FILE",
        help="archive file or URL (default: $CHRONIK_DB or chronik.db)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chronik",
        description="Dated German news articles in, a searchable chronicle out.",
    )
    parser.add_argument("--version", action="version", version=f"chronik {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        try:
            module = importlib.import_module(f"{__name__}.{module_name}")
        except ModuleNotFoundError as error:
            if error.name == f"{__name__}.{module_name}":
                continue  # command not built yet
            raise
        module.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="chronik: %(levelname)s: %(message)s",
    )
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except ChronikError as error:
        print(f"chronik: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Commands say what an interruption leaves behind (set_defaults(interrupted=...)).
        print(f"chronik: interrupted{getattr(args, 'interrupted', '')}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
