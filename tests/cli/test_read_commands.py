from __future__ import annotations

import io
import json
import sys

import pytest


def test_search_stems_and_highlights_in_brackets(chronik, ingested):
    code, out, _ = chronik("search", "Gespräch", "--db", ingested)
    assert code == 0
    assert "[Gespräche] zwischen Washington und Moskau" in out
    assert "2021-12" in out


def test_search_finds_compound_part(chronik, ingested):
    _, out, _ = chronik("search", "Osterweiterung", "--db", ingested)
    assert "Nato-[Osterweiterung]" in out


def test_search_date_filters(chronik, ingested):
    _, out, _ = chronik("search", "sagte", "--from", "2022", "--db", ingested)
    assert "Albers" in out and "Außenministeriums" not in out
    _, out, _ = chronik("search", "sagte", "--to", "2021-12-31", "--db", ingested)
    assert "Außenministeriums" in out and "Albers" not in out
    code, _, err = chronik("search", "sagte", "--from", "2023", "--to", "2022", "--db", ingested)
    assert code == 2 and "E002" in err


def test_search_json_and_limit(chronik, ingested):
    code, out, _ = chronik("search", "sagte", "--limit", "1", "--json", "--db", ingested)
    data = json.loads(out)
    assert code == 0 and len(data["hits"]) == 1
    assert set(data["hits"][0]) >= {"doc_id", "date", "sentence", "matches", "score"}


def test_search_without_archive_is_a_one_line_error(chronik, tmp_path):
    code, _, err = chronik("search", "Haushalt", "--db", str(tmp_path / "keins.db"))
    assert code == 2 and "E307" in err and err.count("\n") == 1


def test_show_by_prefix(chronik, ingested):
    _, out, _ = chronik("search", "Haushalt", "--json", "--db", ingested)
    doc_id = json.loads(out)["hits"][0]["doc_id"]
    code, out, _ = chronik("show", doc_id[:7], "--db", ingested)
    assert code == 0
    assert "2022-03-15 (day)" in out
    assert "Landtag beschließt Haushalt" in out
    assert "Finanzminister Gerhard Albers sagte" in out
    code, out, _ = chronik("show", doc_id[:7], "--json", "--db", ingested)
    assert json.loads(out)["document"]["id"] == doc_id


def test_show_unknown_id(chronik, ingested):
    code, _, err = chronik("show", "0000000000", "--db", ingested)
    assert code == 2 and "E303" in err


def test_stats(chronik, ingested):
    code, out, _ = chronik("stats", "--db", ingested)
    assert code == 0
    assert "articles   2" in out
    assert "2021-12 … 2022-03-15" in out
    code, out, _ = chronik("stats", "--json", "--db", ingested)
    data = json.loads(out)
    assert data["articles"] == 2 and data["sentences"] >= 6 and data["tokens"] > 60


def test_analyze_json_schema_keys(chronik, newsroom):
    code, out, _ = chronik("analyze", str(newsroom / "genf.txt"), "--json", "--pipeline", "text")
    data = json.loads(out)
    assert code == 0
    assert {"schema", "pipeline", "document", "sentences", "tokens"} <= set(data)
    assert data["document"]["date"] == "2021-12" and data["document"]["date_precision"] == "month"
    first = data["sentences"][0]
    assert {"index", "start", "end", "block", "is_heading", "tokens"} <= set(first)
    assert data["document"]["text"][first["start"] : first["end"]].startswith("Die Gespräche")


def test_analyze_readable(chronik, newsroom):
    code, out, _ = chronik("analyze", str(newsroom / "2022" / "haushalt.txt"))
    assert code == 0
    assert "2022-03-15 (day)" in out
    assert "Der Landtag in Hannover hat am Dienstag den Haushalt" in out


def test_analyze_stdin(chronik, monkeypatch):
    text = "Die Feuerwehr rückte in der Nacht zu einem Großbrand aus. Verletzt wurde niemand.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, out, _ = chronik("analyze", "-", "--date", "2020-07-04", "--json", "--pipeline", "text")
    data = json.loads(out)
    assert code == 0 and data["document"]["date"] == "2020-07-04"
    assert len(data["sentences"]) == 2


def test_analyze_missing_file(chronik, tmp_path):
    code, _, err = chronik("analyze", str(tmp_path / "fehlt.txt"))
    assert code == 1 and "E110" in err and err.count("\n") == 1


@pytest.mark.parametrize("command", ["demo", "ingest", "analyze", "search", "show", "stats"])
def test_every_command_has_help(command, capsys):
    from chronik.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: chronik" in capsys.readouterr().out
