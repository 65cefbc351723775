from __future__ import annotations

import pytest

from chronik.archive import DateRange
from chronik.archive.ingest import ingest
from chronik.document import PartialDate
from chronik.errors import ChronikError


@pytest.fixture
def filled(archive, articles, stub):
    ingest(archive, [(f"/n/{i}.txt", d) for i, d in enumerate(articles)], stub)
    return archive


def titles(hits):
    return [h.title for h in hits]


def test_plural_finds_singular_and_back(filled):
    assert set(titles(filled.search("Gespräche"))) == {"Gespräche in Genf", "Gas wird teurer"}
    assert "Gas wird teurer" in titles(filled.search("Gesprächs"))


def test_part_of_hyphenated_compound_is_found_and_highlighted(filled):
    [hit] = filled.search("Osterweiterung")
    assert "Nato-Osterweiterung" in hit.sentence
    start, end = hit.matches[0]
    assert hit.sentence[start:end] == "Osterweiterung"


def test_hyphenated_query_finds_the_compound(filled):
    assert len(filled.search("Nato-Osterweiterung")) == 1


def test_all_words_must_match(filled):
    assert titles(filled.search("Haushalt Opposition")) == []
    assert titles(filled.search("Opposition Ausgaben")) == ["Haushalt beschlossen"]


def test_quoted_phrase(filled):
    assert len(filled.search('"Gespräche mit Moskau"')) == 1
    assert filled.search('"Moskau mit Gespräche"') == []


def test_fts_operators_in_queries_are_plain_words(filled):
    assert filled.search("NEAR AND OR *") == []


def test_empty_query_is_a_user_error(filled):
    with pytest.raises(ChronikError, match="E305"):
        filled.search(' "" - ')


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2021-12-20", None, {"Gespräche in Genf", "Gas wird teurer"}),  # month article overlaps its days
        ("2022-03", "2022-03", {"Gas wird teurer"}),  # year-only article overlaps March
        (None, "2021", {"Gespräche in Genf"}),
        ("2023", None, set()),
    ],
)
def test_date_filters_use_overlapping_intervals(filled, start, end, expected):
    dates = DateRange(PartialDate.parse(start), PartialDate.parse(end))
    assert set(titles(filled.search("Gespräche", dates))) == expected


def test_limit_and_ranking(filled):
    hits = filled.search("Gespräche", limit=1)
    assert len(hits) == 1
    assert hits[0].score > 0


def test_frequent_words_rank_the_most_recent_matches(archive, stub, monkeypatch):
    from chronik.archive import sqlite as backend
    from chronik.document import Document

    years = [2019, 2023, 2020, 2022, 2021]
    docs = [Document.from_text(f"Der Stadtrat tagte im Jahr {y} im Rathaus.", str(y)) for y in years]
    ingest(archive, [(f"/n/{y}.txt", d) for y, d in zip(years, docs)], stub)
    monkeypatch.setattr(backend, "RANKED_MATCHES_MAX", 2)
    assert sorted(str(h.date) for h in archive.search("Stadtrat")) == ["2022", "2023"]
    dates = DateRange(PartialDate.parse("2020"), PartialDate.parse("2021"))
    assert sorted(str(h.date) for h in archive.search("Rathaus", dates)) == ["2020", "2021"]


def test_date_filters_at_the_edges_of_the_calendar(filled):
    dates = DateRange(PartialDate.parse("0001"), PartialDate.parse("9999-12-31"))
    assert len(filled.search("Gespräche", dates)) == 2
