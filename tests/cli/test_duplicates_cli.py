"""``chronik duplicates`` over an archive with one syndicated agency text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.chronicle.test_near_duplicates import AGENTUR, EIGENER_BERICHT, KOPIE
from tests.cli.conftest import TEXT_ONLY


@pytest.fixture
def syndicated(chronik, tmp_path: Path) -> str:
    folder = tmp_path / "presse"
    folder.mkdir()
    (folder / "agentur.txt").write_text("date 2024-02-29\nTarifgespräche vertagt\n\n" + AGENTUR, encoding="utf-8")
    (folder / "zeitung.txt").write_text("date 2024-03-01\n" + KOPIE, encoding="utf-8")
    (folder / "bericht.txt").write_text("date 2024-02-29\nKeine Einigung im Tarifstreit\n\n" + EIGENER_BERICHT,
                                        encoding="utf-8")
    db = str(tmp_path / "chronik.db")
    code, _, err = chronik("ingest", str(folder), "--db", db, *TEXT_ONLY)
    assert code == 0, err
    return db


def test_json_lists_the_copy_group_only(chronik, syndicated):
    code, out, err = chronik("duplicates", "--db", syndicated, "--json")
    assert code == 0, err
    groups = json.loads(out)
    assert len(groups) == 1
    assert [a["date"] for a in groups[0]["articles"]] == ["2024-02-29", "2024-03-01"]
    assert groups[0]["similarity"] >= 0.8


def test_text_output_names_dates_and_titles(chronik, syndicated):
    code, out, _ = chronik("duplicates", "--db", syndicated)
    assert code == 0
    assert out.startswith("group 1: 2 articles")
    assert "2024-03-01" in out and "Keine Einigung" not in out


def test_bad_threshold_is_a_user_error(chronik, syndicated):
    code, out, err = chronik("duplicates", "--db", syndicated, "--threshold", "1.5")
    assert code == 2 and "--threshold" in err
