from __future__ import annotations

import pytest

from chronik.archive.ingest import ingest
from chronik.document import Document
from chronik.errors import ChronikError

from .stub import StubPipeline


def pairs(docs, prefix="artikel"):
    return [(f"/nachrichten/{prefix}-{i}.txt", doc) for i, doc in enumerate(docs)]


def count_rows(archive, table):
    return archive.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_first_ingest_stores_documents_sentences_and_analysis(archive, articles, stub):
    report = ingest(archive, pairs(articles), stub)
    assert (report.ingested, report.unchanged, report.updated, report.failed) == (3, 0, 0, [])
    assert count_rows(archive, "documents") == 3
    assert count_rows(archive, "sentences") == 7
    assert count_rows(archive, "analyses") == 3
    stored = archive.document(articles[0].id)
    assert str(stored.date) == "2021-12" and stored.title == "Gespräche in Genf"
    assert archive.analysis_dict(articles[0].id)["document"]["id"] == articles[0].id


def test_reingest_unchanged_analyses_and_rewrites_nothing(archive, articles):
    first = StubPipeline()
    ingest(archive, pairs(articles), first)
    before = archive.db.execute("SELECT key, ingested_at FROM documents ORDER BY key").fetchall()
    again = StubPipeline()
    report = ingest(archive, pairs(articles), again)
    assert (report.ingested, report.unchanged, report.updated) == (0, 3, 0)
    assert again.calls == 0  # decided before analysing
    assert archive.db.execute("SELECT key, ingested_at FROM documents ORDER BY key").fetchall() == before


def test_new_pipeline_version_reanalyses(archive, articles):
    ingest(archive, pairs(articles), StubPipeline("test-1"))
    report = ingest(archive, pairs(articles), StubPipeline("test-2"))
    assert (report.ingested, report.unchanged, report.updated) == (0, 0, 3)
    assert archive.stats().pipeline_versions == {"test-2": 3}
    assert count_rows(archive, "sentences") == 7  # replaced, not doubled


def test_changed_file_content_updates_its_article(archive, articles, stub):
    ingest(archive, pairs(articles), stub)
    edited = Document.from_text(articles[1].text.replace("Straßenbau", "Radwege"), "2022-03-15")
    report = ingest(archive, [("/nachrichten/artikel-1.txt", edited)], stub)
    assert (report.ingested, report.updated) == (0, 1)
    assert count_rows(archive, "documents") == 3
    assert archive.search("Radwege")
    assert not archive.search("Straßenbau")


def test_failed_articles_are_reported_and_good_ones_stored(archive, articles):
    items = pairs(articles) + [("/nachrichten/leer.txt", ChronikError("E101", path="/nachrichten/leer.txt"))]
    crashing = StubPipeline(fail_on="Landtag")
    report = ingest(archive, items, crashing)
    assert report.ingested == 2
    reasons = dict(report.failed)
    assert "file is empty" in reasons["/nachrichten/leer.txt"]
    assert "stub component crashed" in reasons["/nachrichten/artikel-1.txt"]
    assert count_rows(archive, "documents") == 2


def test_crash_mid_batch_leaves_no_half_article_and_next_run_resumes(archive, articles, stub, monkeypatch):
    ingest(archive, pairs(articles[:1]), stub)
    original = archive._insert_sentences
    calls = []

    def crash_on_second(key, analysis):
        calls.append(key)
        original(key, analysis)
        if len(calls) == 2:  # the second article of the batch: document row written, then boom
            raise KeyboardInterrupt

    monkeypatch.setattr(archive, "_insert_sentences", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        ingest(archive, pairs(articles), stub, batch_size=10)
    monkeypatch.undo()
    assert count_rows(archive, "documents") == 1  # the earlier run's article survived
    assert count_rows(archive, "sentences") == 3
    assert count_rows(archive, "analyses") == 1
    report = ingest(archive, pairs(articles), stub)
    assert (report.ingested, report.unchanged) == (2, 1)
    if archive.location.endswith(".db"):  # SQLite: the file itself is sound
        assert archive.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_earlier_batches_survive_a_crash_in_a_later_one(archive, articles, stub, monkeypatch):
    original = archive.store_batch
    batches = []

    def crash_on_third_batch(batch):
        batches.append(batch)
        if len(batches) == 3:
            raise RuntimeError("disk pulled")
        original(batch)

    monkeypatch.setattr(archive, "store_batch", crash_on_third_batch)
    with pytest.raises(RuntimeError):
        ingest(archive, pairs(articles), stub, batch_size=1)
    assert count_rows(archive, "documents") == 2


def test_same_article_twice_in_one_run_is_stored_once(archive, articles, stub):
    report = ingest(archive, pairs([articles[0], articles[0]]), stub)
    assert (report.ingested, report.unchanged) == (1, 1)
    assert count_rows(archive, "documents") == 1


def test_record_that_moved_to_another_line_is_not_deleted(archive, articles, stub):
    feed = "/nachrichten/feed.jsonl"
    ingest(archive, [(f"{feed}:1", articles[0]), (f"{feed}:2", articles[1])], stub)
    # a new record was inserted at the top: old records moved down one line
    shifted = [(f"{feed}:1", articles[2]), (f"{feed}:2", articles[0]), (f"{feed}:3", articles[1])]
    report = ingest(archive, shifted, stub)
    assert (report.ingested, report.unchanged, report.updated) == (1, 2, 0)
    assert count_rows(archive, "documents") == 3
    assert {d.id for d in articles} == {r[0] for r in archive.db.execute("SELECT id FROM documents")}


def _read_everything_first(analyzer):
    """An engine at the far end of reading ahead: it plans every batch
    before the first one is stored (Ray does so for a chunk of batches)."""
    def analyze_batches(batches):
        batches = list(batches)
        for documents in batches:
            yield [analyzer(doc) for doc in documents]
    return analyze_batches


def test_article_in_flight_in_an_earlier_batch_is_a_repeat(archive, articles, stub):
    items = pairs([articles[0], articles[1], articles[0], articles[2]])
    report = ingest(archive, items, stub, batch_size=1, analyze_batches=_read_everything_first(stub))
    assert (report.ingested, report.unchanged, report.updated) == (3, 1, 0)
    assert count_rows(archive, "documents") == 3
    assert stub.calls == 3  # the repeat was not analysed twice


@pytest.mark.parametrize("order", ["moved down", "moved up"])
def test_records_that_moved_between_batches_in_flight_are_kept(archive, articles, stub, tmp_path, order):
    from chronik.archive import open_archive

    feed = "/nachrichten/feed.jsonl"
    first = [(f"{feed}:1", articles[0]), (f"{feed}:2", articles[1])]
    if order == "moved down":  # a record inserted at the top
        shifted = [(f"{feed}:1", articles[2]), (f"{feed}:2", articles[0]), (f"{feed}:3", articles[1])]
    else:  # the top record removed, a new one appended
        shifted = [(f"{feed}:1", articles[1]), (f"{feed}:2", articles[2])]
    reports, stored = [], []
    for name, engine in (("plain", None), ("ahead", _read_everything_first(stub))):
        with open_archive(tmp_path / f"{name}.db", create=True) as db:
            ingest(db, first, stub, batch_size=1)
            reports.append(ingest(db, shifted, stub, batch_size=1, analyze_batches=engine))
            stored.append(sorted(r[0] for r in db.db.execute("SELECT id FROM documents")))
    plain, ahead = reports
    assert (ahead.ingested, ahead.unchanged, ahead.updated) == (plain.ingested, plain.unchanged, plain.updated)
    # Nothing is deleted: every record is still in the feed, except the
    # removed top one, whose row stays (records leaving a feed are kept).
    assert set(stored[0]) == set(stored[1]) == {d.id for d in articles}


def test_reading_ahead_stores_what_batch_by_batch_stores(archive, articles, stub, tmp_path):
    from chronik.archive import open_archive

    items = pairs(articles * 2)
    with open_archive(tmp_path / "ahead.db", create=True) as ahead:
        report = ingest(ahead, items, stub, batch_size=2, analyze_batches=_read_everything_first(stub))
        stored_ahead = list(ahead.iter_analysis_dicts())
    plain = ingest(archive, items, stub, batch_size=2)
    assert (report.ingested, report.unchanged) == (plain.ingested, plain.unchanged) == (3, 3)
    assert stored_ahead == list(archive.iter_analysis_dicts())
