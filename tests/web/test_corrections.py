"""Correction endpoints: only with --allow-corrections and the token; each
correction is recorded with who and when (entity merges and splits in the
archive, speaker fixes in the corrections file) and survives a rebuild."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronik.web.ids import entity_id

TOKEN = "geheim-und-lang-genug"


def make_client(db: str, allow: bool = True):
    from fastapi.testclient import TestClient

    from chronik.web.app import create_app
    from chronik.web.state import ServerSettings

    return TestClient(create_app(ServerSettings(db, allow, TOKEN if allow else None)))


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def stored_corrections(db: str):
    from chronik.archive import open_archive
    from chronik.archive.entity_corrections import corrections

    with open_archive(db) as archive:
        return corrections(archive.db)


@pytest.fixture
def editor(archive_copy: str):
    return make_client(archive_copy)


def test_wrong_or_missing_token_is_401(editor):
    body = {"entity": entity_id("LOC", "Oslo"), "into": entity_id("LOC", "Norwegen"), "by": "redaktion"}
    assert editor.post("/api/corrections/merge", json=body).status_code == 401
    response = editor.post("/api/corrections/merge", json=body, headers={"Authorization": "Bearer falsch"})
    assert response.status_code == 401
    assert "Authorization: Bearer" in response.json()["error"]["message"]


def test_merge_is_recorded_and_survives_a_rebuild(editor, archive_copy):
    oslo, norway = entity_id("LOC", "Oslo"), entity_id("LOC", "Norwegen")
    before = editor.get(f"/api/entities/{norway}").json()["mentions"]
    oslo_mentions = editor.get(f"/api/entities/{oslo}").json()["mentions"]
    response = editor.post("/api/corrections/merge", json={"entity": oslo, "into": norway, "by": "anna"}, headers=AUTH)
    assert response.status_code == 200, response.text
    merged = editor.get(f"/api/entities/{oslo}").json()
    assert merged["id"] == norway and merged["redirected_from"] == oslo
    assert merged["mentions"] == before + oslo_mentions
    # Recorded in the archive, where `chronik entity --corrections` shows it too.
    assert not Path(archive_copy + ".corrections.jsonl").exists()
    record = stored_corrections(archive_copy)[0]
    assert (record.kind, record.entity, record.arguments["into"], record.by) == ("merge", oslo, norway, "anna")
    assert record.at
    # A new server (as after re-analysis) applies the recorded correction again.
    reader = make_client(archive_copy, allow=False)
    assert reader.get(f"/api/entities/{oslo}").json()["id"] == norway


def test_split_makes_an_alias_its_own_entity(editor):
    person = editor.get("/api/entities?q=Kowalczyk&type=PER").json()["entities"][0]
    response = editor.post("/api/corrections/split", headers=AUTH,
                           json={"entity": person["id"], "alias": "Kowalczyk", "by": "ben"})
    assert response.status_code == 200, response.text
    after = editor.get(f"/api/entities/{person['id']}").json()
    assert "Kowalczyk" not in after["aliases"]
    alone = editor.get(f"/api/entities/{response.json()['recorded']['target']}").json()
    assert alone["name"] == "Kowalczyk" and alone["mentions"] > 0


def test_merges_from_an_older_corrections_file_move_into_the_archive(archive_copy):
    oslo, norway = entity_id("LOC", "Oslo"), entity_id("LOC", "Norwegen")
    old = {"kind": "merge", "by": "anna", "at": "2026-01-05T10:00:00+00:00", "entity": oslo, "into": norway}
    Path(archive_copy + ".corrections.jsonl").write_text(json.dumps(old) + "\n", encoding="utf-8")
    reader = make_client(archive_copy, allow=False)
    assert reader.get(f"/api/entities/{oslo}").json()["id"] == norway
    moved = stored_corrections(archive_copy)
    assert [(c.kind, c.entity, c.by, c.at) for c in moved] == [("merge", oslo, "anna", old["at"])]
    # Once: a second server does not record it again.
    make_client(archive_copy, allow=False).get(f"/api/entities/{oslo}")
    assert len(stored_corrections(archive_copy)) == 1


def test_split_of_an_unknown_alias_is_400(editor):
    person = editor.get("/api/entities?q=Rothmund&type=PER").json()["entities"][0]
    response = editor.post("/api/corrections/split", headers=AUTH,
                           json={"entity": person["id"], "alias": "Niemand", "by": "ben"})
    assert response.status_code == 400


def test_speaker_fix_changes_the_quote_and_keeps_the_old_speaker(editor):
    quote = editor.get("/api/quotes?speaker=Kowalczyk&size=1").json()["quotes"][0]
    response = editor.post("/api/corrections/speaker", headers=AUTH,
                           json={"quote": quote["id"], "speaker": "Sabine Rothmund", "by": "carla"})
    assert response.status_code == 200, response.text
    fixed = editor.get(f"/api/quotes/{quote['id']}").json()
    assert fixed["speaker"] == "Sabine Rothmund"
    assert fixed["speaker_id"] == entity_id("PER", "Sabine Rothmund")
    assert fixed["corrected"]["from"] == quote["speaker"] and fixed["corrected"]["by"] == "carla"


def test_malformed_correction_is_400(editor):
    response = editor.post("/api/corrections/merge", headers=AUTH, json={"entity": "per-x"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "E501"


def test_corrections_with_several_workers(archive_copy):
    """`chronik serve --workers 2`: a merge sent to one worker process shows on
    every later request, whichever worker answers it (they share the archive
    and the index files; a worker re-reads corrections on each request)."""
    import http.client
    import subprocess
    import sys
    import time

    from tests.web.conftest import free_port

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "chronik", "serve", "--db", archive_copy, "--port", str(port), "--workers", "2",
         "--allow-corrections", "--token", TOKEN],
        stderr=subprocess.DEVNULL,
    )

    def request(method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
        # A new connection each time, so both workers answer some of them.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {**AUTH, "Content-Type": "application/json"} if body is not None else {}
        connection.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = connection.getresponse()
        result = response.status, json.loads(response.read())
        connection.close()
        return result

    try:
        for _ in range(300):
            try:
                if request("GET", "/api/stats")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        oslo, norway = entity_id("LOC", "Oslo"), entity_id("LOC", "Norwegen")
        before = request("GET", f"/api/entities/{norway}")[1]["mentions"]
        oslo_mentions = request("GET", f"/api/entities/{oslo}")[1]["mentions"]
        status, _ = request("POST", "/api/corrections/merge", {"entity": oslo, "into": norway, "by": "anna"})
        assert status == 200
        for _ in range(12):
            status, merged = request("GET", f"/api/entities/{oslo}")
            assert status == 200 and merged["id"] == norway
            assert merged["mentions"] == before + oslo_mentions
    finally:
        server.terminate()
        server.wait(timeout=30)
