"""The web index follows the archive: new articles appear and replaced ones
disappear without restarting the server; entities join across articles."""

from __future__ import annotations

from pathlib import Path

from chronik.cli import main

REPORT = """date 2023-10-04
Landtag wählt neue Ministerpräsidentin

Der Landtag in Schwerin hat Helga Haverkamp zur Ministerpräsidentin gewählt. „Ich werde für das ganze Land arbeiten“, sagte Haverkamp nach der Abstimmung.
"""

CORRECTED = REPORT.replace("Schwerin", "Kiel")


def make_client(db: str):
    from fastapi.testclient import TestClient

    from chronik.web.app import create_app
    from chronik.web.state import ServerSettings

    return TestClient(create_app(ServerSettings(db)))


def test_index_follows_ingest_and_reanalysis(archive_copy: str, tmp_path: Path):
    client = make_client(archive_copy)
    assert client.get("/api/entities?q=Haverkamp").json()["total"] == 0
    article = tmp_path / "landtag.txt"
    article.write_text(REPORT, encoding="utf-8")
    assert main(["ingest", str(article), "--db", archive_copy]) == 0
    client.app.state.web.update_now()  # what the server does in the background
    people = client.get("/api/entities?q=Haverkamp&type=PER").json()["entities"]
    assert [p["name"] for p in people] == ["Helga Haverkamp"]  # "Haverkamp" joined the full name
    quotes = client.get(f"/api/quotes?entity={people[0]['id']}").json()["quotes"]
    assert quotes and quotes[0]["speaker"] == "Helga Haverkamp"
    old_id = quotes[0]["article"]["id"]

    article.write_text(CORRECTED, encoding="utf-8")  # the source changed: re-ingest replaces it
    assert main(["ingest", str(article), "--db", archive_copy]) == 0
    client.app.state.web.update_now()
    assert client.get(f"/api/articles/{old_id}").status_code == 404
    assert client.get("/api/entities?q=Schwerin").json()["total"] == 0
    assert client.get("/api/entities?q=Kiel&type=LOC").json()["total"] == 1
    assert all(q["article"]["id"] != old_id for q in client.get("/api/quotes?size=100").json()["quotes"])


def test_index_survives_a_restart(archive_copy: str):
    first = make_client(archive_copy).get("/api/entities?size=5").json()
    index_file = Path(archive_copy + ".web-index")
    assert index_file.is_file()
    assert make_client(archive_copy).get("/api/entities?size=5").json() == first
