"""The web's full-text index: the archive's stemmed sentences in a tantivy
index beside the web index (``ARCHIVE.web-index-search/``).

Why a second index: the archive's FTS5 ranks with bm25 inside SQLite, which
reads every match (so it ranks only the 2,000 most recent ones) and costs
2-4 ms a query at 40,000 articles; tantivy ranks all matches with BM25 in
a few hundredths of a millisecond.  Same stems (the archive's ``stems``
column, :mod:`chronik.archive.terms`), same query syntax (every word must
occur; quotes and hyphenated compounds are phrases), same sentence ids (the
article's day in the high bits).  Each sentence carries the months its
article's date interval covers, so a date filter selects exactly the
articles overlapping its months; the day-exact overlap rule is applied to
the hits.

The index mirrors the web index's ``articles`` table; ``search_articles``
records which articles it holds.  The file is a cache like the web index:
an update interrupted between the two commits is noticed (``meta.search``
is not ``clean``) and the index is rebuilt.
"""

from __future__ import annotations

import datetime as _dt
import shutil
import sqlite3
from pathlib import Path
from typing import Any, Callable, Iterator

import tantivy

from ..archive import Archive, DateRange
from ..archive.terms import Query

# Bump when the schema or the meaning of the fields changes: the index is rebuilt.
SEARCH_SCHEMA = "3"
_READ_BATCH = 200  # articles whose sentences are read at once
# The writer's memory budget: a full build of 2.2 million sentences makes
# 2-3 segments with it (7 with 64 MB), and each segment costs every query a
# pass of its own (0.15 against 0.26 ms unfiltered).  Small updates use little.
_WRITER_HEAP = 256_000_000


def search_index_path(index_file: Path) -> Path:
    return index_file.with_name(index_file.name + "-search")


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    # The stems are lower-cased and separated by spaces already (terms.index_text).
    builder.add_text_field("stems", tokenizer_name="whitespace", index_option="position")
    builder.add_integer_field("sid", indexed=True, fast=True)
    # Every month the article's date interval covers (one for a day or month,
    # twelve for a year, none for an undated article), for date filters: a
    # range over these terms is exact to the month, so no year of lookback
    # before --from and no spare hits.  A range over the terms builds a bitset
    # of the months' sentences (0.5-1 ms on 2.2 million); a range over the sid
    # fast field scans the column from the segment start (0.6-2.2 ms); an OR
    # of the months' term queries costs more than either.
    builder.add_integer_field("months", indexed=True)
    builder.add_integer_field("doc", indexed=True)
    return builder.build()


class SearchIndex:
    """Read side (one per process) and the update step (under the index's process lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.schema = _schema()
        self._index: tantivy.Index | None = None

    def _open(self, fresh: bool = False) -> tantivy.Index:
        # Only an update (under the index's process lock) starts afresh; a
        # reader never removes files another process may be writing.
        if fresh:
            shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True, exist_ok=True)
        self._index = tantivy.Index(self.schema, path=str(self.path))
        return self._index

    def reload(self) -> None:
        """See the last committed state (another worker process may have written it)."""
        if self._index is None:
            self._open()
        self._index.reload()

    # -- reading -------------------------------------------------------------
    def ranked_ids(self, query: Query, dates: DateRange, limit: int, offset: int = 0) -> list[tuple[int, float]]:
        """Sentence ids with BM25 scores, best first, of articles overlapping the date filter's months."""
        index = self._index or self._open()
        searcher = index.searcher()
        clauses = [
            tantivy.Query.term_query(self.schema, "stems", group[0]) if len(group) == 1
            else tantivy.Query.phrase_query(self.schema, "stems", list(group))
            for group in query.groups
        ]
        if dates.earliest or dates.latest:
            clauses.append(tantivy.Query.range_query(
                self.schema, "months", tantivy.FieldType.Integer,
                _month(dates.earliest) if dates.earliest else None,
                _month(dates.latest) if dates.latest else None, use_inverted_index=True))
        combined = (clauses[0] if len(clauses) == 1
                    else tantivy.Query.boolean_query([(tantivy.Occur.Must, c) for c in clauses]))
        hits = searcher.search(combined, limit, count=False, offset=offset).hits
        ids = searcher.fast_field_values("sid", [address for _, address in hits])
        return [(sid, score) for (score, _), sid in zip(hits, ids)]

    # -- keeping in step with the web index ----------------------------------
    def update(self, db: sqlite3.Connection, archive: Archive,
               progress: Callable[[int, int], None] | None = None) -> int:
        """Add the sentences of articles the web index gained, drop those of articles it lost."""
        state = db.execute("SELECT value FROM meta WHERE key = 'search'").fetchone()
        rebuild = state is None or state[0] != f"clean {SEARCH_SCHEMA}" or not (self.path / "meta.json").exists()
        if rebuild:
            db.execute("DELETE FROM search_articles")
        current = {key: f"{doc_id} {stored}" for key, doc_id, stored in
                   db.execute("SELECT doc_key, doc_id, stored_at FROM articles")}
        held = dict(db.execute("SELECT doc_key, stamp FROM search_articles"))
        removed = [key for key, stamp in held.items() if current.get(key) != stamp]
        added = sorted(key for key, stamp in current.items() if held.get(key) != stamp)
        if not (rebuild or removed or added):
            return 0
        # Marked before the index changes, cleared after both commits.
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search', 'updating')")
        index = self._open(fresh=rebuild)
        writer = index.writer(heap_size=_WRITER_HEAP, num_threads=1)
        try:
            for key in removed:
                writer.delete_documents_by_term("doc", key)
            months = _article_months(archive, added)
            for done, (sid, key, stems) in _in_date_order(archive, added, rebuild):
                writer.add_document(tantivy.Document(stems=stems or "", sid=sid, doc=key, months=months[key]))
                if progress and done:
                    progress(done, len(added))
            writer.commit()
            writer.wait_merging_threads()
        finally:
            del writer  # releases tantivy's writer lock
        db.execute("BEGIN IMMEDIATE")
        db.executemany("DELETE FROM search_articles WHERE doc_key = ?", [(k,) for k in removed])
        db.executemany("INSERT INTO search_articles VALUES (?, ?)", [(k, current[k]) for k in added])
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search', ?)", (f"clean {SEARCH_SCHEMA}",))
        db.execute("COMMIT")
        index.reload()
        return len(added) + len(removed)


def _in_date_order(archive: Archive, keys: list[int], everything: bool) -> Iterator[tuple[int, tuple[int, int, str]]]:
    """(articles done so far or 0, sentence row) for the sentences of ``keys``, by sentence id.

    Sentences added in id (= date) order make each month's postings one dense
    run: queries on the index built so ran 2-3 times faster than on one built
    article by article.  A full build reads the archive's sentences in id
    order; an update, which adds a few articles, sorts each batch."""
    if everything:
        wanted, done = set(keys), 0
        seen: set[int] = set()
        for row in archive.stream("SELECT id, doc_key, stems FROM sentences ORDER BY id", chunk=5000):
            if row[1] in wanted:
                if row[1] not in seen:
                    seen.add(row[1])
                    done = len(seen) if len(seen) % _READ_BATCH == 0 or len(seen) == len(wanted) else 0
                else:
                    done = 0
                yield done, row
        return
    for start in range(0, len(keys), _READ_BATCH):
        chunk = keys[start : start + _READ_BATCH]
        rows = archive.db.execute(  # type: ignore[attr-defined]
            f"SELECT id, doc_key, stems FROM sentences WHERE doc_key IN ({','.join('?' * len(chunk))})", chunk
        ).fetchall()
        rows.sort()
        for n, row in enumerate(rows, 1):
            yield (min(start + _READ_BATCH, len(keys)) if n == len(rows) else 0), row


def _month(day: _dt.date) -> int:
    return day.year * 12 + day.month - 1


def _article_months(archive: Archive, keys: list[int]) -> dict[int, list[int]]:
    """doc key -> the months (since year 0) its date interval covers; none when undated,
    which no date filter lets through (the overlap rule compares with NULL).
    Reads only the given articles: an update that adds a few does not scan the archive."""
    months: dict[int, list[int]] = {}
    for start in range(0, len(keys), _READ_BATCH):
        chunk = keys[start : start + _READ_BATCH]
        for key, earliest, latest in archive.db.execute(  # type: ignore[attr-defined]
                f"SELECT key, date_earliest, date_latest FROM documents WHERE key IN ({','.join('?' * len(chunk))})",
                chunk):
            if earliest and latest:
                first = _month(_dt.date.fromisoformat(str(earliest)[:10]))
                last = _month(_dt.date.fromisoformat(str(latest)[:10]))
                months[key] = list(range(first, last + 1))
            else:
                months[key] = []
    return months


def sentence_rows(archive: Archive, ids: list[int], dates: DateRange) -> dict[int, tuple[Any, ...]]:
    """id -> (article id, date, title, sentence index, start, end, text) of the
    sentences whose article overlaps the date filter."""
    if not ids:
        return {}
    where, params = dates.overlap_conditions()
    rows = archive.db.execute(  # type: ignore[attr-defined]
        f"""SELECT s.id, d.id, d.date, d.title, s.idx, s.start, s."end", s.text
            FROM sentences s JOIN documents d ON d.key = s.doc_key
            WHERE s.id IN ({','.join('?' * len(ids))}) {''.join(' AND ' + w for w in where)}""",
        [*ids, *params],
    ).fetchall()
    return {row[0]: row[1:] for row in rows}


def _whole_months(dates: DateRange) -> bool:
    return ((not dates.earliest or dates.earliest.day == 1)
            and (not dates.latest or (dates.latest + _dt.timedelta(days=1)).day == 1))


def search(index: SearchIndex, archive: Archive, text: str, dates: DateRange, limit: int) -> list[dict[str, Any]]:
    """The best ``limit`` sentences for the query, as ``SearchHit.to_dict`` writes them
    (the stored date string as it is: parsing it only to print it again cost a tenth of a search)."""
    from ..archive.terms import matched_spans, parse_query

    query = parse_query(text)
    # The index filters by whole months: only a filter starting or ending
    # inside a month can see hits the exact overlap rule drops, so only then
    # ask for spare hits.
    step = min(limit if _whole_months(dates) else limit * 2, 2000)
    hits: list[dict[str, Any]] = []
    offset = 0
    while True:
        ranked = index.ranked_ids(query, dates, step, offset)
        rows = sentence_rows(archive, [sid for sid, _ in ranked], dates)
        for sid, score in ranked:
            if sid in rows:
                doc_id, date, title, idx, start, end, sentence = rows[sid]
                # Marking the matched words costs more than the query: only for hits shown.
                hits.append({"doc_id": doc_id, "date": date, "title": title, "sentence_index": idx, "start": start,
                             "end": end, "sentence": sentence, "score": round(score, 4),
                             "matches": [list(m) for m in matched_spans(sentence, query.stems)]})
                if len(hits) == limit:
                    return hits
        if len(ranked) < step:
            return hits
        offset += step
        step = min(step * 4, 2000)  # each round ranks from the top again: few, growing rounds
