"""A small archive for the web tests: the bundled sample articles plus one
hostile article that tries to smuggle markup and script into the pages."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from chronik.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "chronik" / "samples"

# Self-written: a council report whose text carries markup an attacker might post.
HOSTILE = """date 2023-08-15
Stadtrat streitet über <script>alert("Rathaus")</script> Webseite

Der Stadtrat von Kiel hat am Montag über die neue Webseite der Verwaltung gestritten. Ein Bild mit <img src=x onerror=alert(1)> tauchte im Entwurf auf.

Der Ratsherr Tobias Brandauer sagte, der Link <a href="javascript:alert(2)">Bürgerservice</a> müsse sofort verschwinden. „Wir lassen uns die Seite nicht kapern“, sagte Brandauer.
"""


@pytest.fixture(scope="session")
def archive_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("web")
    articles = folder / "artikel"
    shutil.copytree(SAMPLES, articles, ignore=shutil.ignore_patterns("*.py", "*.md", "__pycache__"))
    (articles / "stadtrat-webseite-2023-08-15.txt").write_text(HOSTILE, encoding="utf-8")
    db = str(folder / "chronik.db")
    # An article another component cannot analyse today is reported and
    # skipped by ingest; the web tests need the archive, not every article.
    main(["ingest", str(articles), "--db", db])
    from chronik.archive import open_archive

    with open_archive(db) as archive:
        stored = archive.stats().articles
    assert stored >= 12, f"only {stored} of 14 articles could be ingested"
    return db


@pytest.fixture(scope="session")
def client(archive_db: str):
    from fastapi.testclient import TestClient

    from chronik.web.app import create_app
    from chronik.web.state import ServerSettings

    return TestClient(create_app(ServerSettings(archive_db)))


@pytest.fixture
def archive_copy(archive_db: str, tmp_path: Path) -> str:
    """A private copy for tests that write corrections next to the archive."""
    target = tmp_path / "chronik.db"
    shutil.copy(archive_db, target)
    return str(target)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(archive_db: str) -> Iterator[str]:
    """The real server (uvicorn) in a thread on a free localhost port."""
    import uvicorn

    from chronik.web.app import create_app
    from chronik.web.state import ServerSettings

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(ServerSettings(archive_db)), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the test server did not start")
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
