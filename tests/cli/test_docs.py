"""Every command and every option must be documented in docs/cli.md."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from chronik.cli import build_parser

CLI_DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_command_and_options_are_documented(name):
    doc = CLI_DOC.read_text(encoding="utf-8")
    assert f"## chronik {name}" in doc
    section = doc.split(f"## chronik {name}", 1)[1].split("\n## ", 1)[0]
    for action in subcommands()[name]._actions:
        for option in action.option_strings:
            if option not in ("-h", "--help"):
                assert option in section, f"{option} of `chronik {name}` is not in docs/cli.md"
