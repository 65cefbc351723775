"""SpkAtt JSON in and out, on a small article written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronik.errors import ChronikError
from chronik.formats.spkatt import annotate_dir, article_date, read_article

ARTICLE = {
    "DocumentName": "4711 - Stadtrat beschließt neue Radwege (2019-05-03)",
    "Sentences": [
        {"SentenceId": 0, "Tokens": "Der Stadtrat hat am Donnerstag neue Radwege beschlossen .".split()},
        {"SentenceId": 1, "Tokens": "Die Bürgermeisterin sagte , die Stadt werde zwei Millionen Euro investieren .".split()},
        {"SentenceId": 2, "Tokens": "Die ersten Strecken sollen im Sommer fertig sein .".split()},
        {"SentenceId": 3, "Tokens": "« Das ist ein guter Tag für alle Radfahrer » , sagte ein Sprecher des Fahrradclubs .".split()},
    ],
    # gold annotations are ignored by annotate_dir
    "Annotations": [{"Cue": ["0:0"], "Message": ["0:1"], "Form": "Direct", "STWR": "Speech"}],
}


def write(folder: Path, name: str, data) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False) if not isinstance(data, str) else data, "utf-8")
    return path


def test_date_from_document_name():
    assert article_date(ARTICLE["DocumentName"]) == "2019-05-03"
    assert article_date("ohne Datum") is None


def test_annotate_dir_writes_our_annotations(tmp_path):
    write(tmp_path / "in", "4711.json", ARTICLE)
    report = annotate_dir(tmp_path / "in", tmp_path / "out")
    assert report.written == 1 and not report.failed
    result = json.loads((tmp_path / "out" / "4711.json").read_text("utf-8"))
    assert result["Sentences"] == ARTICLE["Sentences"]
    assert result["DocumentName"] == ARTICLE["DocumentName"]
    forms = {a["Form"] for a in result["Annotations"]}
    assert {"Indirect", "Direct"} <= forms
    indirect = next(a for a in result["Annotations"] if a["Form"] == "Indirect")
    assert indirect["Cue"] == ["1:2"]
    assert indirect["Source"] == ["1:0", "1:1"]
    assert indirect["Message"][0] == "1:4"
    assert set(indirect) == {"Addr", "Cue", "Form", "Frame", "HasNested", "IsNested", "Message", "STWR", "Source"}
    direct = next(a for a in result["Annotations"] if a["Form"] == "Direct")
    assert direct["Message"][0] == "3:0"
    assert "3:12" in direct["Source"]


def test_broken_file_is_reported_not_raised(tmp_path):
    write(tmp_path / "in", "good.json", ARTICLE)
    write(tmp_path / "in", "broken.json", "{ not json")
    report = annotate_dir(tmp_path / "in", tmp_path / "out")
    assert report.written == 1
    assert [name for name, _ in report.failed] == ["broken.json"]
    assert "broken.json" in str(report)


def test_missing_sentences_is_a_user_error(tmp_path):
    path = write(tmp_path, "x.json", {"DocumentName": "x"})
    with pytest.raises(ChronikError, match="Sentences"):
        read_article(path)


def test_empty_folder_is_a_user_error(tmp_path):
    with pytest.raises(ChronikError, match="no \\*.json"):
        annotate_dir(tmp_path, tmp_path / "out")
