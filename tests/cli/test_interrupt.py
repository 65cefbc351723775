"""Ctrl-C: each command says what the interruption leaves behind."""

from __future__ import annotations

import pytest

from chronik.cli import export, ingest, main


def _interrupted(args) -> int:
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("module", "argv", "says"),
    [
        (ingest, ["ingest", "artikel/"], "what was committed is kept, run the command again to resume"),
        (export, ["export", "--format", "jsonl", "--what", "quotes", "zitate.jsonl"], "the unfinished file is removed"),
    ],
)
def test_ctrl_c_says_what_is_left(module, argv, says, monkeypatch, capsys):
    monkeypatch.setattr(module, "run", _interrupted)
    assert main(argv) == 130
    err = capsys.readouterr().err
    assert err.startswith("chronik: interrupted") and says in err


def test_a_reading_command_just_stops(monkeypatch, capsys):
    from chronik.cli import search

    monkeypatch.setattr(search, "run", _interrupted)
    assert main(["search", "Waffenruhe"]) == 130
    assert capsys.readouterr().err.strip() == "chronik: interrupted"
