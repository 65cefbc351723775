from __future__ import annotations

import logging
from pathlib import Path

from chronik.document import Precision
from chronik.readers import iter_documents, read_document

from .conftest import write

PLAIN = """\
Koalition einigt sich auf Heizungsgesetz

Nach wochenlangem Streit haben sich die Fraktionen am Abend auf einen Kompromiss
verständigt. «Das ist ein guter Tag für den Klimaschutz», sagte die Fraktionschefin.
"""


def test_plain_text_without_date(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "heizung.txt", PLAIN))
    assert document.date is None
    assert document.title == "Koalition einigt sich auf Heizungsgesetz"
    assert "«Das ist ein guter Tag für den Klimaschutz»" in document.text


def test_date_flag_supplies_the_date(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "heizung.txt", PLAIN), date="2023-06-13")
    assert str(document.date) == "2023-06-13"
    assert document.date.precision is Precision.DAY


def test_date_flag_overrides_the_date_line_with_a_note(tmp_path: Path, caplog) -> None:
    path = write(tmp_path / "heizung.txt", "date 2023-06\n" + PLAIN)
    with caplog.at_level(logging.WARNING, logger="chronik.readers"):
        document = read_document(path, date="2023-07-01")
    assert str(document.date) == "2023-07-01"
    assert "overrides the date 2023-06" in caplog.text


def test_same_date_needs_no_note(tmp_path: Path, caplog) -> None:
    path = write(tmp_path / "heizung.txt", "date 2023-06\n" + PLAIN)
    with caplog.at_level(logging.WARNING, logger="chronik.readers"):
        document = read_document(path, date="2023-06")
    assert str(document.date) == "2023-06"
    assert caplog.text == ""


def test_text_format_keeps_a_date_line_as_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "date 2023-06\n" + PLAIN)
    document = read_document(path, fmt="text")
    assert document.date is None
    assert document.text.startswith("date 2023-06")


def test_windows_line_ends_and_bom(tmp_path: Path) -> None:
    raw = ("\ufeffdate 2023-06-13\r\n" + PLAIN.replace("\n", "\r\n")).encode("utf-8")
    document = read_document(write(tmp_path / "win.txt", raw))
    assert str(document.date) == "2023-06-13"
    assert "\r" not in document.text and "\ufeff" not in document.text


def test_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "heizung.txt", PLAIN)
    results = list(iter_documents([path, tmp_path / "*.txt", tmp_path]))
    assert len(results) == 1
