from __future__ import annotations

import json
import logging
from pathlib import Path

from chronik.document import Document, Precision
from chronik.errors import ChronikError
from chronik.readers import iter_documents

from .conftest import write

RECORDS = [
    {
        "id": "wire-0417",
        "date": "2023-03-14",
        "title": "Fährverkehr nach Helgoland eingestellt",
        "text": "Wegen eines Sturmtiefs ist der Fährverkehr nach Helgoland am Dienstag eingestellt worden.\n\n"
        "«Die Sicherheit geht vor», sagte ein Sprecher der Reederei.",
        "url": "https://example.org/helgoland",
        "source": "Nordsee-Kurier",
        "ressort": "Regionales",
        "tags": ["Wetter", "Verkehr"],
    },
    {"id": 18, "date": "2023-05", "title": "", "text": "Die Stadtwerke erhöhen im Mai die Gaspreise."},
    {"text": "Der Landtag tagt ohne Datum.", "date": None},
    {"text": "Ein Zeitstempel aus einem Export.", "date": "2023-08-02T06:45:00+02:00"},
]


def jsonl(records: list, extra_lines: tuple[str, ...] = ()) -> str:
    return "\n".join([json.dumps(record, ensure_ascii=False) for record in records] + list(extra_lines)) + "\n"


def test_one_document_per_line(tmp_path: Path) -> None:
    path = write(tmp_path / "meldungen.jsonl", jsonl(RECORDS))
    results = list(iter_documents(path))
    assert [name for name, _ in results] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    documents = [document for _, document in results]
    assert all(isinstance(document, Document) for document in documents)
    first = documents[0]
    assert str(first.date) == "2023-03-14" and first.date.precision is Precision.DAY
    assert first.title == "Fährverkehr nach Helgoland eingestellt"
    assert first.url == "https://example.org/helgoland"
    assert first.source == "Nordsee-Kurier"
    assert first.metadata["ressort"] == "Regionales"
    assert first.metadata["tags"] == ["Wetter", "Verkehr"]
    assert first.metadata["id"] == "wire-0417"
    assert len(first.blocks) == 2
    assert documents[1].date.precision is Precision.MONTH
    assert documents[1].metadata["id"] == "18"
    assert documents[2].date is None
    assert str(documents[3].date) == "2023-08-02"


def test_bad_lines_are_reported_and_good_lines_still_read(tmp_path: Path) -> None:
    lines = (
        '{"text": "Abgebrochene Zeile',
        '["keine", "Zeitung"]',
        '{"title": "Ohne Text"}',
        '{"text": "Falsches Datum", "date": "14.03.2023"}',
        "",
        json.dumps({"text": "Die letzte Meldung des Tages.", "date": "2023-09-30"}),
    )
    path = write(tmp_path / "gemischt.jsonl", jsonl(RECORDS[:1], lines))
    results = list(iter_documents(path))
    errors = {name.rsplit(":", 1)[1]: result for name, result in results if isinstance(result, ChronikError)}
    assert {line: error.code for line, error in errors.items()} == {"2": "E106", "3": "E115", "4": "E107", "5": "E114"}
    assert "line 2" in str(errors["2"]) and "gemischt.jsonl" in str(errors["2"])
    assert "14.03.2023" in str(errors["5"])
    documents = [result for _, result in results if isinstance(result, Document)]
    assert [str(document.date) for document in documents] == ["2023-03-14", "2023-09-30"]


def test_date_flag_overrides_records_with_one_note(tmp_path: Path, caplog) -> None:
    path = write(tmp_path / "meldungen.jsonl", jsonl(RECORDS))
    with caplog.at_level(logging.WARNING, logger="chronik.readers"):
        dates = [str(document.date) for _, document in iter_documents(path, date="2024-01")]
    assert dates == ["2024-01"] * 4
    assert caplog.text.count("--date 2024-01 overrides") == 1


def test_over_long_line_is_skipped(tmp_path: Path) -> None:
    long_text = "Der Ausschuss tagte bis spät in die Nacht. " * 100
    lines = [json.dumps({"text": long_text}), json.dumps({"text": "Kurze Meldung aus dem Rathaus."})]
    path = write(tmp_path / "lang.jsonl", "\n".join(lines) + "\n")
    results = list(iter_documents(path, max_size=1000))
    assert isinstance(results[0][1], ChronikError) and results[0][1].code == "E116"
    assert isinstance(results[1][1], Document)
    assert results[1][1].text == "Kurze Meldung aus dem Rathaus."


def test_jsonl_sniffed_without_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "export", jsonl(RECORDS[:2]))
    assert len([r for _, r in iter_documents(path) if isinstance(r, Document)]) == 2


def test_empty_jsonl_file(tmp_path: Path) -> None:
    path = write(tmp_path / "leer.jsonl", "\n\n")
    [(_, error)] = list(iter_documents(path))
    assert isinstance(error, ChronikError) and error.code == "E101"
