"""The bundled sample articles read with the date their file name states."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronik.document import BlockKind, Document, Precision
from chronik.readers import iter_documents, read_document

SAMPLES = Path(__file__).resolve().parents[2] / "chronik" / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))
_NAME_DATE = re.compile(r"-(\d{4}(?:-\d{2}(?:-\d{2})?)?)\.txt$")


def test_there_are_enough_samples_over_several_months() -> None:
    assert len(SAMPLE_FILES) >= 12
    months = {str(read_document(path).date)[:7] for path in SAMPLE_FILES}
    assert len({m for m in months if len(m) == 7}) >= 6


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda path: path.name)
def test_sample_reads_with_the_date_of_its_name(path: Path) -> None:
    document = read_document(path)
    expected = _NAME_DATE.search(path.name)
    assert expected, f"{path.name} does not end in -YYYY[-MM[-DD]].txt"
    assert str(document.date) == expected.group(1)
    assert not document.text.startswith("date")
    assert document.text.strip() == document.text


def test_all_precisions_occur() -> None:
    precisions = {read_document(path).date.precision for path in SAMPLE_FILES}
    assert precisions == {Precision.YEAR, Precision.MONTH, Precision.DAY}


def test_samples_read_as_one_directory_without_errors() -> None:
    results = list(iter_documents(SAMPLES))
    assert len(results) == len(SAMPLE_FILES)
    assert all(isinstance(result, Document) for _, result in results)


def test_the_awkward_cases_are_there() -> None:
    documents = {path.name: read_document(path) for path in SAMPLE_FILES}
    short = documents["tarifabschluss-zustimmung-2023-07.txt"]
    assert short.text.count(". ") == 1 and len(short.blocks) == 1
    headings = documents["schlichtung-nahverkehr-2023-04.txt"]
    assert [block.kind for block in headings.blocks].count(BlockKind.HEADING) >= 3
    plain = documents["wasserstoff-protest-wilhelmshaven-2023-09.txt"]
    assert plain.title == "" and {block.kind for block in plain.blocks} == {BlockKind.PARAGRAPH}
    assert documents["wasserstoff-hintergrund-2023.txt"].date.precision is Precision.YEAR


def test_samples_hold_both_quote_styles() -> None:
    texts = [read_document(path).text for path in SAMPLE_FILES]
    assert sum("«" in text for text in texts) >= 8
    assert sum("„" in text for text in texts) >= 8


def test_readme_lists_every_sample() -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for path in SAMPLE_FILES:
        assert f"`{path.name}`" in readme
