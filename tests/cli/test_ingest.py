from __future__ import annotations

import pytest

from .conftest import GASPREIS, TEXT_ONLY


def test_ingest_folder_then_reingest_is_all_unchanged(chronik, newsroom, db):
    code, out, err = chronik("ingest", str(newsroom), "--db", db, *TEXT_ONLY)
    assert code == 0 and err == ""
    assert "ingested 2, unchanged 0, updated 0, failed 0" in out
    code, out, _ = chronik("ingest", str(newsroom), "--db", db, *TEXT_ONLY)
    assert code == 0
    assert "ingested 0, unchanged 2, updated 0, failed 0" in out


def test_changed_file_is_updated(chronik, newsroom, ingested):
    article = newsroom / "genf.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Januar", "Februar"), encoding="utf-8")
    code, out, _ = chronik("ingest", str(newsroom), "--db", ingested, *TEXT_ONLY)
    assert code == 0
    assert "ingested 0, unchanged 1, updated 1" in out
    _, out, _ = chronik("stats", "--db", ingested)
    assert "articles   2" in out


def test_plain_text_with_date_option_and_glob(chronik, tmp_path, db):
    (tmp_path / "gas.txt").write_text(GASPREIS, encoding="utf-8")
    code, out, _ = chronik("ingest", str(tmp_path / "*.txt"), "--date", "2022-11-30", "--db", db, *TEXT_ONLY)
    assert code == 0 and "ingested 1" in out
    _, out, _ = chronik("search", "Lieferverträge", "--db", db)
    assert "2022-11-30" in out


def test_bad_files_fail_one_line_each_and_good_ones_are_stored(chronik, newsroom, db):
    (newsroom / "leer.txt").write_text("", encoding="utf-8")
    (newsroom / "kaputt.txt").write_text("date 2021-02-30\nDer Text ist da, das Datum nicht.\n", encoding="utf-8")
    code, out, err = chronik("ingest", str(newsroom), str(newsroom / "fehlt.txt"), "--db", db, *TEXT_ONLY)
    assert code == 1
    assert "ingested 2" in out and "failed 3" in out
    lines = err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("chronik: failed: ") for line in lines)
    assert any("leer.txt" in line and "empty" in line for line in lines)
    assert any("fehlt.txt" in line for line in lines)
    assert "Traceback" not in err


def test_unknown_format_and_bad_date_are_one_line_errors(chronik, newsroom, db):
    for argv in (("--format", "xml"), ("--date", "2021-13"), ("--date", "gestern")):
        code, out, err = chronik("ingest", str(newsroom), "--db", db, *argv, *TEXT_ONLY)
        assert code == 2
        assert err.count("\n") == 1 and err.startswith("chronik: error: [E")


def test_jsonl_records(chronik, tmp_path, db):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"date": "2023-01-10", "title": "Streik", "text": "Die Lokführer streiken ab Mittwoch. Die Bahn nannte den Streik unverhältnismäßig."}\n'
        '{"date": "2023-01-11", "text": ""}\n',
        encoding="utf-8",
    )
    code, out, err = chronik("ingest", str(feed), "--db", db, *TEXT_ONLY)
    assert code == 1 and "ingested 1" in out and "failed 1" in out
    assert "E107" in err


def test_folder_as_archive_is_a_one_line_error(chronik, newsroom, tmp_path):
    code, _, err = chronik("ingest", str(newsroom), "--db", str(tmp_path), *TEXT_ONLY)
    assert code == 2 and "E104" in err and "folder" in err


def test_workers_store_the_same_articles(chronik, newsroom, db):
    code, out, err = chronik("ingest", str(newsroom), "--db", db, "--workers", "2", "--batch-size", "1", *TEXT_ONLY)
    assert code == 0, err
    assert "ingested 2" in out
    _, out, _ = chronik("search", "Osterweiterung", "--db", db)
    assert "Nato-[Osterweiterung]" in out


def test_lighter_pipeline_then_full_pipeline_updates(chronik, newsroom, db):
    from chronik.pipeline import default_component_names

    if default_component_names() == ["text"]:
        pytest.skip("the default pipeline is the text layer alone")
    code, out, err = chronik("ingest", str(newsroom), "--db", db, "--pipeline", "text")
    assert code == 0 and "ingested 2" in out, err
    code, out, _ = chronik("ingest", str(newsroom), "--db", db)
    assert code == 0 and "updated 2" in out


def test_unknown_component_is_a_one_line_error(chronik, newsroom, db):
    code, _, err = chronik("ingest", str(newsroom), "--db", db, "--pipeline", "text,hellseher")
    assert code == 2 and "E201" in err and err.count("\n") == 1
