from __future__ import annotations

from pathlib import Path

import pytest

from chronik.document import BlockKind, Precision
from chronik.errors import ChronikError
from chronik.readers import read_document
from chronik.readers.dated import has_date_line, split_date_line

from .conftest import write


def test_month_date_stays_month_precision(hafen_file: Path) -> None:
    document = read_document(hafen_file)
    assert str(document.date) == "2023-04"
    assert document.date.precision is Precision.MONTH


def test_text_continues_on_the_date_line(hafen_file: Path) -> None:
    document = read_document(hafen_file)
    assert document.text.startswith("Im Tarifstreit an den norddeutschen Seehäfen")
    assert "date" not in document.text.split()[0]


def test_paragraphs_and_subheadings(hafen_file: Path) -> None:
    document = read_document(hafen_file)
    kinds = [block.kind for block in document.blocks]
    texts = [document.block_text(block) for block in document.blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert texts[2] == "Warnstreiks ab Montag"
    # hard-wrapped lines of a paragraph are joined with one space
    assert "am Dienstag als «Provokation» zurückgewiesen" in texts[1]


def test_offsets_point_into_the_text(hafen_file: Path) -> None:
    document = read_document(hafen_file)
    quote_start = document.text.index("«Wir lassen")
    assert document.text[quote_start : quote_start + 5] == "«Wir "
    for block in document.blocks:
        assert document.block_text(block).strip() == document.block_text(block)


@pytest.mark.parametrize(
    ("line", "expected", "precision"),
    [
        ("date 2023", "2023", Precision.YEAR),
        ("date 2023-07", "2023-07", Precision.MONTH),
        ("date 2023-07-04", "2023-07-04", Precision.DAY),
        ("   date 2023-7-4", "2023-07-04", Precision.DAY),
        ("\tdate: 2023-09", "2023-09", Precision.MONTH),
    ],
)
def test_date_line_forms(tmp_path: Path, line: str, expected: str, precision: Precision) -> None:
    path = write(tmp_path / "a.txt", f"\n{line}\nDie Landesregierung hat am Freitag den Haushalt beschlossen.\n")
    document = read_document(path)
    assert str(document.date) == expected
    assert document.date.precision is precision
    assert document.text == "Die Landesregierung hat am Freitag den Haushalt beschlossen."


def test_title_line_becomes_the_title(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        "date 2023-02-14\nStadtrat stoppt Seilbahnpläne\n\nDer Stadtrat hat die Pläne für eine Seilbahn am Dienstag gestoppt.\n",
    )
    document = read_document(path)
    assert document.title == "Stadtrat stoppt Seilbahnpläne"
    assert document.blocks[0].kind is BlockKind.TITLE


def test_words_starting_with_date_are_not_a_date_line() -> None:
    assert not has_date_line("Datenschützer warnen vor der neuen App.")
    assert not has_date_line("dated 2023 ist kein Datum.")
    assert has_date_line("\n\n  date 2023-05 Text")
    assert has_date_line("date gestern")  # a bad date line is still a date line


@pytest.mark.parametrize("line", ["date 2021-13", "date 2023-02-30", "date gestern", "date", "date 23-05", "date 2023-05-04T10:00"])
def test_bad_date_lines_are_clear_errors(line: str) -> None:
    with pytest.raises(ChronikError) as caught:
        split_date_line(f"{line}\nDer Bürgermeister trat zurück.", "artikel.txt")
    assert caught.value.code == "E113"
    message = str(caught.value)
    assert "artikel.txt" in message and "date YYYY-MM-DD" in message and "\n" not in message


def test_bad_date_in_a_file_is_reported_with_its_path(tmp_path: Path) -> None:
    path = write(tmp_path / "kaputt.txt", "date 2021-13 Der Bürgermeister trat zurück.\n")
    with pytest.raises(ChronikError, match=r"E113.*kaputt\.txt.*'2021-13'"):
        read_document(path)


def test_date_line_without_text(tmp_path: Path) -> None:
    path = write(tmp_path / "leer.txt", "date 2023-03-01\n\n   \n")
    with pytest.raises(ChronikError) as caught:
        read_document(path)
    assert caught.value.code == "E111"


def test_dated_format_requires_a_date_line(tmp_path: Path) -> None:
    path = write(tmp_path / "ohne.txt", "Der Bürgermeister trat am Montag zurück.\n")
    with pytest.raises(ChronikError) as caught:
        read_document(path, fmt="dated")
    assert caught.value.code == "E105"


def test_example_article(example_article: Path) -> None:
    document = read_document(example_article)
    assert str(document.date) == "2021-12"
    assert document.date.precision is Precision.MONTH
    assert document.text.startswith("Der Videogipfel")
    assert len(document.blocks) > 5
