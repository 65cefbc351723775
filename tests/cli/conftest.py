from __future__ import annotations

from pathlib import Path

import pytest

from chronik.cli import main

HAUSHALT = """date 2022-03-15
Landtag beschließt Haushalt

Der Landtag in Hannover hat am Dienstag den Haushalt für das kommende Jahr beschlossen. Die Opposition kritisierte die hohen Ausgaben für den Straßenbau.

Finanzminister Gerhard Albers sagte, das Land investiere so viel wie nie zuvor in Schulen und Radwege.
"""

GENF = """date 2021-12
Die Gespräche zwischen Washington und Moskau über die Nato-Osterweiterung sollen im Januar in Genf fortgesetzt werden. Beide Seiten nannten das erste Treffen konstruktiv.

Ein Sprecher des Außenministeriums sagte, man erwarte keinen schnellen Durchbruch.
"""

GASPREIS = """Die Stadtwerke erhöhen zum ersten Januar die Gaspreise. Ein Sprecher begründete den Schritt mit dem Gespräch über neue Lieferverträge, das im Herbst gescheitert sei.
"""


# The text layer alone: these tests are about storing and finding articles,
# not about the (fast-changing) extraction layers.
TEXT_ONLY = ("--pipeline", "text")


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    folder = tmp_path / "artikel"
    (folder / "2022").mkdir(parents=True)
    (folder / "2022" / "haushalt.txt").write_text(HAUSHALT, encoding="utf-8")
    (folder / "genf.txt").write_text(GENF, encoding="utf-8")
    return folder


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path: Path):
    """The archive of a test: an SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "chronik.db")
        return
    from tests.archive.pg import postgres_schema

    with postgres_schema() as url:
        yield url


@pytest.fixture
def chronik(capsys):
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def ingested(chronik, newsroom, db) -> str:
    code, out, err = chronik("ingest", str(newsroom), "--db", db, *TEXT_ONLY)
    assert code == 0, err
    return db
