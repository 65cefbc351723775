from __future__ import annotations

import pytest

from chronik.archive import open_archive
from chronik.document import Document

from .pg import postgres_schema
from .stub import StubPipeline

ARTICLES = [
    Document.from_text(
        "Die Bundesregierung hat die Gespräche mit Moskau fortgesetzt. "
        "Die Außenministerin sagte, die Nato-Osterweiterung sei kein Thema gewesen.\n\n"
        "Am Dienstag sollen die Beratungen in Genf weitergehen.",
        "2021-12",
        title="Gespräche in Genf",
    ),
    Document.from_text(
        "Der Landtag in Hannover hat den Haushalt für das kommende Jahr beschlossen. "
        "Die Opposition kritisierte die hohen Ausgaben für Straßenbau.",
        "2022-03-15",
        title="Haushalt beschlossen",
    ),
    Document.from_text(
        "Die Stadtwerke erhöhen die Gaspreise zum ersten Januar. "
        "Ein Sprecher begründete das mit dem Gespräch über neue Lieferverträge.",
        "2022",
        title="Gas wird teurer",
    ),
]


@pytest.fixture
def articles() -> list[Document]:
    return list(ARTICLES)


@pytest.fixture(params=["sqlite", "postgresql"])
def archive_url(request, tmp_path):
    """The same tests run against both backends (see pg.py for PostgreSQL)."""
    if request.param == "sqlite":
        yield str(tmp_path / "news.db")
        return
    with postgres_schema() as url:
        yield url


@pytest.fixture
def archive(archive_url):
    with open_archive(archive_url, create=True) as archive:
        yield archive


@pytest.fixture
def stub() -> StubPipeline:
    return StubPipeline()
