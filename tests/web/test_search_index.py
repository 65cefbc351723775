"""The web's full-text index (tantivy) finds what the archive's own search
finds, follows ingests and re-analyses, and recovers from an interrupted update."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.cli import main

pytest.importorskip("tantivy")

REPORT = """date 2023-10-04
Hafenarbeiter legen Arbeit nieder

Im Hafen von Rostock haben die Hafenarbeiter am Mittwoch die Arbeit niedergelegt. Die Gewerkschaft verlangt mehr Geld für die Nachtschichten im Hafen.
"""


def make_client(db: str):
    from fastapi.testclient import TestClient

    from chronik.web.app import create_app
    from chronik.web.state import ServerSettings

    return TestClient(create_app(ServerSettings(db)))


def hit_keys(client, query: str, extra: str = "") -> list[tuple[str, int]]:
    result = client.get(f"/api/search?q={query}&size=100{extra}").json()
    return [(h["doc_id"], h["sentence_index"]) for h in result["hits"]]


@pytest.mark.parametrize("query", ["Gewerkschaft", "Warnstreiks", "Streik Gewerkschaft", '"Europäischen Union"'])
def test_same_sentences_as_the_archive_search(client, archive_db, query):
    from chronik.archive import open_archive

    with open_archive(archive_db) as archive:
        expected = {(h.doc_id, h.sentence_index) for h in archive.search(query, limit=100)}
    assert client.app.state.web.search_index is not None
    assert set(hit_keys(client, query)) == expected


def test_best_match_first_and_dates_filtered(client):
    hits = client.get("/api/search?q=Gewerkschaft&size=100").json()["hits"]
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    dated = client.get("/api/search?q=Gewerkschaft&size=100&from=2023-06&to=2023-06").json()["hits"]
    assert dated and len(dated) < len(hits)
    assert all(h["date"] and (h["date"].startswith("2023-06") or h["date"] == "2023") for h in dated)


@pytest.mark.parametrize("query", ["Gewerkschaft", "Wasserstoff"])
@pytest.mark.parametrize("start, end", [("2023-06", "2023-06"), ("2023-06-15", None), (None, "2023-08-14"),
                                        ("2023-08-15", "2023-08-15"), ("2024", None)])
def test_date_filter_keeps_exactly_the_overlapping_articles(client, archive_db, query, start, end):
    # The index filters by the months an article covers (a year-precision
    # "2023" covers twelve); the day-exact overlap rule is the archive's.
    from chronik.archive import DateRange, open_archive
    from chronik.document import PartialDate

    dates = DateRange(PartialDate.parse(start), PartialDate.parse(end))
    with open_archive(archive_db) as archive:
        expected = {(h.doc_id, h.sentence_index) for h in archive.search(query, dates, limit=100)}
    extra = (f"&from={start}" if start else "") + (f"&to={end}" if end else "")
    assert set(hit_keys(client, query, extra)) == expected


def test_follows_ingest_and_reanalysis(archive_copy: str, tmp_path: Path):
    client = make_client(archive_copy)
    assert hit_keys(client, "Hafenarbeiter") == []
    article = tmp_path / "hafen.txt"
    article.write_text(REPORT, encoding="utf-8")
    assert main(["ingest", str(article), "--db", archive_copy]) == 0
    client.app.state.web.update_now()  # what the server does in the background
    found = {doc for doc, _ in hit_keys(client, "Hafenarbeiter")}  # title and first sentence
    assert len(found) == 1
    article.write_text(REPORT.replace("Rostock", "Wismar"), encoding="utf-8")  # re-ingest replaces it
    assert main(["ingest", str(article), "--db", archive_copy]) == 0
    client.app.state.web.update_now()
    again = {doc for doc, _ in hit_keys(client, "Hafenarbeiter")}
    assert len(again) == 1 and again != found
    assert hit_keys(client, "Rostock") == [] and len(hit_keys(client, "Wismar")) == 1


def test_interrupted_update_is_rebuilt_without_duplicates(archive_copy: str):
    client = make_client(archive_copy)
    before = hit_keys(client, "Gewerkschaft")
    state = client.app.state.web
    # As if a server stopped between the full-text commit and the web index's.
    index = state.index()
    index.execute("UPDATE meta SET value = 'updating' WHERE key = 'search'")
    index.execute("DELETE FROM search_articles WHERE doc_key IN (SELECT doc_key FROM search_articles LIMIT 3)")
    state._ready = False
    assert hit_keys(make_client(archive_copy), "Gewerkschaft") == before


def test_marked_words_are_the_words_whose_stem_was_searched():
    from chronik.archive.terms import _PART, matched_spans, stem

    # Umlauts and ß at the start, and every letter before a few endings.
    letters = [chr(c) for c in range(0x41, 0x2500) if chr(c).isalpha()]
    words = ["Überstunden", "überzeugt", "Ärzte", "Öl", "Straße", "Ägypten", "Ölpreise"]
    words += [letter + tail for letter in letters for tail in ("", "en", "ung", "ern")]
    sentence = " ".join(words)
    for searched in ("überstund", "arzt", "ol", "strass", "agypt", "i", "a"):
        expected = [(m.start(), m.end()) for m in _PART.finditer(sentence) if stem(m.group()) == searched]
        assert matched_spans(sentence, frozenset([searched])) == expected, searched
    every = frozenset(stem(w) for w in words)
    assert len(matched_spans(sentence, every)) == len(_PART.findall(sentence))


def test_deleted_index_is_rebuilt(archive_copy: str):
    import shutil

    client = make_client(archive_copy)
    before = hit_keys(client, "Gewerkschaft")
    shutil.rmtree(client.app.state.web.search_index.path)  # a cache: deleting it costs one rebuild
    assert before and hit_keys(make_client(archive_copy), "Gewerkschaft") == before
