"""``chronik entities`` and ``chronik entity`` over self-written articles, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HAFENFEST = """date 2023-05-10
Bürgermeisterin eröffnet Hafenfest

Die Kieler Bürgermeisterin Anna Petersen hat am Mittwoch das Hafenfest in Kiel eröffnet. Petersen lobte die Stadtwerke Kiel für die neue Fähre nach Oslo.
"""

FAEHRPREISE = """date 2023-06-02
Streit um Fährpreise

Die Stadtwerke Kiel erhöhen die Preise für die Fähre. Oberbürgermeisterin Anna Petersen kündigte Gespräche mit dem Verkehrsminister Jan Hoffmann an. Hoffmann lehnte Zuschüsse ab.
"""

VORSTAND = """date 2024-01
Neuer Vorstand in Lübeck

Der frühere Verkehrsminister Jan Hoffmann wird Präsident des VfB Lübeck. Auch Klara Hoffmann, seine Schwester, sitzt im Vorstand.
"""


@pytest.fixture
def archive(chronik, db, tmp_path: Path) -> str:
    folder = tmp_path / "nord"
    folder.mkdir()
    for name, text in (("hafenfest", HAFENFEST), ("faehre", FAEHRPREISE), ("vorstand", VORSTAND)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    code, _, err = chronik("ingest", str(folder), "--db", db, "--pipeline", "text,entities,roles")
    assert code == 0, err
    return db


def entities(chronik, db: str, *options: str) -> dict[str, dict]:
    code, out, err = chronik("entities", "--db", db, "--json", *options)
    assert code == 0, err
    return {e["name"]: e for e in json.loads(out)}


def test_surname_joins_the_one_full_name(chronik, archive):
    people = entities(chronik, archive, "--type", "PER")
    assert people["Anna Petersen"]["aliases"] == {"Anna Petersen": 2, "Petersen": 1}
    assert people["Anna Petersen"]["articles"] == 2
    assert "Petersen" not in people


def test_people_sharing_a_surname_stay_apart(chronik, archive):
    people = entities(chronik, archive, "--type", "PER")
    # Within its article "Hoffmann" can only be Jan Hoffmann; Klara Hoffmann is someone else.
    assert people["Jan Hoffmann"]["aliases"].get("Hoffmann") == 1
    assert people["Klara Hoffmann"]["aliases"] == {"Klara Hoffmann": 1}
    code, _, err = chronik("entity", "Hoffmann", "--db", archive)
    assert code == 2 and "E312" in err and "Klara Hoffmann" in err


def test_most_frequent_first_with_type_and_dates(chronik, archive):
    code, out, _ = chronik("entities", "--db", archive, "--json")
    counts = [e["mentions"] for e in json.loads(out)]
    assert counts == sorted(counts, reverse=True)
    in_2024 = entities(chronik, archive, "--from", "2024", "--to", "2024")
    assert "Anna Petersen" not in in_2024 and in_2024["Jan Hoffmann"]["articles"] == 1
    assert all(e["type"] == "LOC" for e in entities(chronik, archive, "--type", "LOC").values())


def test_entity_profile_has_roles_articles_and_company(chronik, archive):
    code, out, err = chronik("entity", "petersen", "--db", archive, "--json")
    assert code == 0, err
    profile = json.loads(out)
    assert profile["name"] == "Anna Petersen"
    assert [(r["role"], r["date"]) for r in profile["roles"]] == [
        ("Bürgermeisterin", "2023-05-10"), ("Oberbürgermeisterin", "2023-06-02")]
    assert "Anna Petersen" in profile["roles"][0]["sentence"]
    assert [a["date"] for a in profile["articles"]] == ["2023-05-10", "2023-06-02"]
    assert "Jan Hoffmann" in {c["name"] for c in profile["co_occurring"]}


def test_entity_text_output_and_unknown_name(chronik, archive):
    code, out, _ = chronik("entity", "Jan Hoffmann", "--db", archive)
    assert code == 0
    assert "Verkehrsminister [former]" in out and "Hoffmann (1)" in out
    code, _, err = chronik("entity", "Meier", "--db", archive)
    assert code == 2 and "E311" in err


def test_bad_options_are_user_errors(chronik, archive):
    assert chronik("entities", "--db", archive, "--limit", "0")[0] == 2
    code, _, err = chronik("entities", "--db", archive, "--from", "2024", "--to", "2023")
    assert code == 2 and "E002" in err
