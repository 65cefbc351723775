"""``chronik when``: sentences dated by their own time expressions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from chronik.archive import open_archive
from chronik.archive.terms import parse_query
from chronik.archive.timeline import POSSIBLY, SURE, sentences_between

# Friday 10 December 2021: "am Dienstag" is the 7th, "am 2. Dezember" before the range.
SANKTIONEN = """date 2021-12-10
Außenminister beraten über Sanktionen

Die Außenminister der Union haben am Dienstag in Brüssel über neue Sanktionen beraten. Am 2. Dezember hatte die Kommission einen ersten Entwurf vorgelegt. Im Januar wollen die Staaten erneut zusammenkommen. Der Streit schwelt bereits seit Wochen.
"""

# Dated by month only: "Mittwochabend" is some Wednesday of (or near) December.
BAUERN = """date 2021-12
Landwirte blockieren Ministerium

Am späten Mittwochabend blockierten Landwirte die Zufahrt zum Agrarministerium. Im Dezember sollen weitere Proteste folgen. Im Jahr 2021 sanken die Erzeugerpreise deutlich.
"""

# Written later, about the same week.
RUECKBLICK = """date 2022-01-20
Rückblick auf die Krisenwoche

Am 8. Dezember 2021 war der neue Kanzler vereidigt worden. Die Sanktionen sollen erst im Februar in Kraft treten.
"""


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory) -> str:
    from chronik.cli import main

    folder = tmp_path_factory.mktemp("zeitung")
    for name, text in (("sanktionen", SANKTIONEN), ("bauern", BAUERN), ("rueckblick", RUECKBLICK)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    db = str(folder / "chronik.db")
    assert main(["ingest", str(folder), "--db", db, "--pipeline", "text,time"]) == 0
    return db


def lines_for(out: str, words: str) -> str:
    """The header line printed above the sentence containing ``words``."""
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if words in line and line.startswith("    "):
            return lines[i - 1]
    raise AssertionError(f"{words!r} not listed:\n{out}")


def test_sentence_dates_not_article_dates(chronik, archive_db):
    code, out, _ = chronik("when", "--from", "2021-12-06", "--to", "2021-12-10", "--db", archive_db)
    assert code == 0
    tuesday = lines_for(out, "am Dienstag in Brüssel")
    assert tuesday.startswith("in range") and "2021-12-07" in tuesday and "article 2021-12-10" in tuesday
    # An article of January 2022 reports a day inside the range.
    assert lines_for(out, "vereidigt").startswith("in range")
    # Before the range, after it, and undated durations are left out.
    for outside in ("Am 2. Dezember", "Im Januar", "seit Wochen", "im Februar"):
        assert outside not in out


def test_overlapping_intervals_are_possibly(chronik, archive_db):
    _, out, _ = chronik("when", "--from", "2021-12-06", "--to", "2021-12-10", "--db", archive_db)
    assert lines_for(out, "Mittwochabend").startswith("possibly")
    assert lines_for(out, "Im Dezember sollen").startswith("possibly")
    # A whole year is far wider than the range plus the slack.
    assert "Erzeugerpreise" not in out
    # Sure sentences are listed before possible ones.
    assert out.index("in range") < out.index("possibly")


def test_sure_and_slack(chronik, archive_db):
    _, out, _ = chronik("when", "--from", "2021-12-06", "--to", "2021-12-10", "--sure", "--db", archive_db)
    assert "possibly" not in out and "Dienstag" in out
    _, out, _ = chronik("when", "--from", "2021-12-06", "--to", "2021-12-10", "--slack", "400", "--db", archive_db)
    assert lines_for(out, "Erzeugerpreise").startswith("possibly")


def test_query_words_and_json(chronik, archive_db):
    code, out, _ = chronik("when", "Sanktion", "--from", "2021-12", "--to", "2021-12", "--json", "--db", archive_db)
    data = json.loads(out)
    assert code == 0
    [hit] = data["sentences"]
    assert hit["timex"] == "Dienstag" and hit["value"] == "2021-12-07" and hit["certainty"] == SURE
    assert hit["article_date"] == "2021-12-10"


def test_open_ended_range(chronik, archive_db):
    _, out, _ = chronik("when", "--from", "2022-02", "--db", archive_db)
    assert "im Februar in Kraft treten" in out and "Dienstag" not in out


def test_user_errors_are_one_line(chronik, archive_db, tmp_path: Path):
    code, _, err = chronik("when", "--db", archive_db)
    assert code == 2 and "E308" in err and err.count("\n") == 1
    code, _, err = chronik("when", "--from", "2021-12-10", "--to", "2021-12-06", "--db", archive_db)
    assert code == 2 and "E002" in err
    code, _, err = chronik("when", "--from", "2021-02-31", "--db", archive_db)
    assert code == 2 and "E001" in err
    code, _, err = chronik("when", "--from", "2021", "--db", str(tmp_path / "keins.db"))
    assert code == 2 and "E307" in err


def test_archive_function(archive_db):
    with open_archive(archive_db) as archive:
        found = sentences_between(archive, dt.date(2021, 12, 6), dt.date(2021, 12, 10), slack=0)
        assert {s.certainty for s in found} == {SURE}
        found = sentences_between(archive, dt.date(2021, 12, 1), dt.date(2021, 12, 31),
                                  parse_query("Landwirte"))
    assert [s.timex for s in found] == ["späten Mittwochabend"]
    assert found[0].certainty in (SURE, POSSIBLY)


def test_archive_without_time_layer_says_so(chronik, ingested):
    # ``ingested`` holds articles analysed by the text layer only.
    code, _, err = chronik("when", "--from", "2021", "--db", ingested)
    assert code == 0 and "'time' component" in err
