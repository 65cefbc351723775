"""The SQLite archive: one file, WAL journal, FTS5 over stemmed sentences.

Schema and migrations: :mod:`.migrations`; layer tables: :mod:`.layers`.
Writers store one batch of articles per transaction; readers (search,
show, stats) can run while an ingest is writing, thanks to WAL.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from ..analysis import Analysis
from ..document import PartialDate
from ..errors import ChronikError
from .base import (
    Archive,
    ArchiveStats,
    ArticleToStore,
    DateRange,
    SearchHit,
    StoredState,
)
from .layers import layer_tables
from .migrations import migrate
from .resolver import EntityResolver
from .serialize import layer_counts, pack_analysis, unpack_analysis
from .terms import index_text, matched_spans, parse_query
from .transactions import transaction

# Sentence ids encode the article's earliest day: id = day << 32 | n.  The
# index is then ordered by article date, so FTS5 rowid ranges select date
# ranges and "the most recent matches" cost nothing to find.
DAY_SHIFT = 32
# bm25 reads every match; a frequent word matches hundreds of thousands of
# sentences.  Rank at most this many matches: the most recent ones.
RANKED_MATCHES_MAX = 2000
# A year-precision article spans at most 366 days: how far before --from
# its earliest day can lie while it still overlaps.
LONGEST_DATE_SPAN = _dt.timedelta(days=366)
_CHUNK = 500  # ids per IN (...) query, well below SQLite's variable limit


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


class SqliteArchive(Archive):
    def __init__(self, path: str | Path, *, create: bool = False) -> None:
        self.location = str(path)
        path = Path(path)
        if path.is_dir():
            raise ChronikError("E104", path=self.location, reason="it is a folder; give an archive file such as news.db")
        if not create and not path.exists():
            raise ChronikError("E307", path=self.location)
        if create and path.parent and not path.parent.exists():
            raise ChronikError("E104", path=self.location, reason="its folder does not exist")
        try:
            self.db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=10000")
            self._refuse_foreign_database()
            migrate(self.db, self.location)
        except sqlite3.DatabaseError as error:
            raise ChronikError("E301", path=self.location, reason=str(error)) from None

    def _refuse_foreign_database(self) -> None:
        # Never add our tables to somebody else's database.
        tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "chronik_migrations" not in tables:
            raise ChronikError("E301", path=self.location, reason="it has tables but no chronik_migrations table")

    def close(self) -> None:
        self.db.close()

    # -- ingest ------------------------------------------------------------
    def _states(self, column: str, values: Iterable[str]) -> dict[str, StoredState]:
        found: dict[str, StoredState] = {}
        for chunk in _chunks(list(dict.fromkeys(values))):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT id, pipeline_version, source_path FROM documents WHERE {column} IN ({marks})",
                chunk,
            )
            for doc_id, version, source_path in rows:
                state = StoredState(doc_id, version, source_path)
                found[doc_id if column == "id" else source_path] = state
        return found

    def states_by_id(self, doc_ids: Iterable[str]) -> dict[str, StoredState]:
        return self._states("id", doc_ids)

    def states_by_source(self, source_paths: Iterable[str]) -> dict[str, StoredState]:
        return self._states("source_path", source_paths)

    def store_batch(self, articles: list[ArticleToStore]) -> None:
        if not articles:
            return
        with transaction(self.db):
            # Entities are resolved by the one writer, in the batch's own transaction.
            resolver = EntityResolver(self.db)
            keys = []
            for article in articles:
                if article.replaces:
                    self._delete(article.replaces, resolver)
                self._delete(article.analysis.document.id, resolver)
                keys.append(self._insert(article))
            resolver.resolve(keys)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction of the single writer (entity corrections, rebuilds)."""
        with transaction(self.db):
            yield

    def _delete(self, doc_id: str, resolver: EntityResolver | None = None) -> None:
        row = self.db.execute("SELECT key FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return
        key = row[0]
        (resolver or EntityResolver(self.db)).forget([key])
        self.db.execute(
            "INSERT INTO sentence_index (sentence_index, rowid, stems) "
            "SELECT 'delete', id, stems FROM sentences WHERE doc_key = ?",
            (key,),
        )
        for table in layer_tables():
            self.db.execute(f"DELETE FROM {table.table} WHERE doc_key = ?", (key,))
        self.db.execute("DELETE FROM sentences WHERE doc_key = ?", (key,))
        self.db.execute("DELETE FROM analyses WHERE doc_key = ?", (key,))
        self.db.execute("DELETE FROM documents WHERE key = ?", (key,))

    def _insert(self, article: ArticleToStore) -> int:
        analysis = article.analysis
        doc = analysis.document
        date = doc.date
        cursor = self.db.execute(
            """INSERT INTO documents (id, date, date_precision, date_earliest, date_latest,
                title, source, url, metadata, blocks, text, token_count, pipeline_version,
                source_path, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                doc.id,
                str(date) if date else None,
                date.precision.value if date else None,
                date.earliest.isoformat() if date else None,
                date.latest.isoformat() if date else None,
                doc.title,
                doc.source,
                doc.url,
                json.dumps(dict(doc.metadata), ensure_ascii=False, default=str),
                json.dumps([[b.start, b.end, b.kind.value] for b in doc.blocks]),
                doc.text,
                len(analysis.tokens),
                analysis.pipeline_version,
                article.source_path,
                _now(),
            ),
        )
        key = cursor.lastrowid
        self._insert_sentences(key, analysis)
        self.db.execute(
            "INSERT INTO analyses (doc_key, pipeline_version, layer_counts, json) VALUES (?,?,?,?)",
            (key, analysis.pipeline_version, json.dumps(layer_counts(analysis)), pack_analysis(analysis)),
        )
        for table in layer_tables():
            rows = [(key, *row) for row in table.rows(analysis)]
            if rows:
                self.db.executemany(table.insert_sql(), rows)
        return key

    def _insert_sentences(self, key: int, analysis: Analysis) -> None:
        date = analysis.document.date
        base = date.earliest.toordinal() << DAY_SHIFT if date else 0
        last = self.db.execute(
            "SELECT MAX(id) FROM sentences WHERE id >= ? AND id < ?", (base, base + (1 << DAY_SHIFT))
        ).fetchone()[0]
        first = base if last is None else last + 1
        rows = []
        for n, (sentence, text) in enumerate(analysis.iter_sentence_texts()):
            rows.append((first + n, key, sentence.index, sentence.start, sentence.end, text,
                         int(sentence.is_heading), index_text(text)))
        self.db.executemany(
            "INSERT INTO sentences (id, doc_key, idx, start, end, text, is_heading, stems) VALUES (?,?,?,?,?,?,?,?)",
            rows,
        )
        self.db.execute(
            "INSERT INTO sentence_index (rowid, stems) SELECT id, stems FROM sentences WHERE doc_key = ?",
            (key,),
        )

    # -- reading -------------------------------------------------------------
    def search(self, query: str, dates: DateRange = DateRange(), limit: int = 20) -> list[SearchHit]:
        parsed = parse_query(query)
        fts = parsed.to_fts()
        low, high = self._candidate_ids(fts, dates)
        # Rank inside the index (cheap), then fetch only the best sentences:
        # joining every match before sorting costs ten times more.  The id
        # range is exact at the upper end, not at the lower one (see
        # LONGEST_DATE_SPAN), so ask for spare hits when --from is given.
        wanted = limit * 4 if dates.earliest else limit
        ranked = self._ranked_ids(fts, low, high, wanted)
        hits = self._hits(ranked, dates, parsed.stems, limit)
        if len(hits) < limit and len(ranked) == wanted:
            hits = self._hits(self._ranked_ids(fts, low, high, None), dates, parsed.stems, limit)
        return hits

    def _ranked_ids(self, fts: str, low: int, high: int, limit: int | None) -> list[tuple[int, float]]:
        return self.db.execute(
            "SELECT rowid, bm25(sentence_index) FROM sentence_index "
            "WHERE sentence_index MATCH ? AND rowid BETWEEN ? AND ? "
            "ORDER BY bm25(sentence_index) LIMIT ?",
            (fts, low, high, -1 if limit is None else limit),
        ).fetchall()

    def _hits(self, ranked: list[tuple[int, float]], dates: DateRange, stems: frozenset[str],
              limit: int) -> list[SearchHit]:
        # Overlapping intervals: the article may lie anywhere in its interval.
        where, params = dates.overlap_conditions()
        hits: list[SearchHit] = []
        # Chunks in rank order, stopping at ``limit`` hits: when a date filter
        # drops most of the ranked sentences, only as many are read as needed.
        for chunk in _chunks(ranked):
            marks = ",".join("?" * len(chunk))
            found = {row[0]: row[1:] for row in self.db.execute(
                f"""SELECT s.id, d.id, d.date, d.title, s.idx, s.start, s.end, s.text
                    FROM sentences s JOIN documents d ON d.key = s.doc_key
                    WHERE s.id IN ({marks}) {''.join(' AND ' + w for w in where)}""",
                [*(rowid for rowid, _ in chunk), *params],
            )}
            for rowid, score in chunk:
                if rowid not in found:
                    continue
                doc_id, date, title, idx, start, end, text = found[rowid]
                # Marking the matched words costs more than the query: only for hits shown.
                hits.append(SearchHit(
                    doc_id, PartialDate.parse(date) if date else None, title, idx, start, end, text,
                    -score, matched_spans(text, stems),
                ))
                if len(hits) == limit:
                    return hits
        return hits

    def _candidate_ids(self, fts: str, dates: DateRange) -> tuple[int, int]:
        """The sentence-id range to rank: the date filter's days, narrowed to
        the RANKED_MATCHES_MAX most recent matches."""
        low, high = 0, (1 << 63) - 1
        if dates.earliest:
            ordinal = dates.earliest.toordinal() - LONGEST_DATE_SPAN.days
            low = max(ordinal, 0) << DAY_SHIFT
        if dates.latest:
            high = ((dates.latest.toordinal() + 1) << DAY_SHIFT) - 1
        row = self.db.execute(
            "SELECT rowid FROM sentence_index WHERE sentence_index MATCH ? AND rowid BETWEEN ? AND ? "
            "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (fts, low, high, RANKED_MATCHES_MAX - 1),
        ).fetchone()
        return (max(low, row[0]) if row else low), high

    def iter_analysis_dicts(self) -> Iterator[dict[str, Any]]:
        for (blob,) in self.db.execute("SELECT json FROM analyses ORDER BY doc_key"):
            yield unpack_analysis(blob)

    def stream(self, sql: str, params: Sequence[Any] = (), *, chunk: int = 1000) -> Iterator[tuple]:
        # A cursor of its own: SQLite steps through the result as we fetch;
        # WAL keeps the snapshot consistent while an ingest writes.
        cursor = self.db.cursor()
        try:
            cursor.execute(sql, tuple(params))
            while rows := cursor.fetchmany(chunk):
                yield from rows
        finally:
            cursor.close()

    def stats(self) -> ArchiveStats:
        articles, earliest, latest, undated, tokens = self.db.execute(
            """SELECT COUNT(*), MIN(date_earliest), MAX(date_latest),
                SUM(date IS NULL), COALESCE(SUM(token_count), 0) FROM documents"""
        ).fetchone()
        if articles:
            # The earliest article is the one that surely ended first, the
            # latest the one that surely began last: a year-only "2023" does
            # not hide a "2023-01-18" at either end of the range.
            earliest = self.db.execute(
                "SELECT date FROM documents WHERE date IS NOT NULL ORDER BY date_latest, date_earliest LIMIT 1"
            ).fetchone()
            latest = self.db.execute(
                "SELECT date FROM documents WHERE date IS NOT NULL ORDER BY date_earliest DESC, date_latest DESC LIMIT 1"
            ).fetchone()
            earliest, latest = (earliest[0] if earliest else None), (latest[0] if latest else None)
        sentences = self.db.execute("SELECT COUNT(*) FROM sentences").fetchone()[0]
        layers = dict(
            self.db.execute(
                "SELECT j.key, SUM(j.value) FROM analyses, json_each(analyses.layer_counts) j "
                "GROUP BY j.key ORDER BY j.key"
            ).fetchall()
        )
        versions = dict(
            self.db.execute(
                "SELECT pipeline_version, COUNT(*) FROM documents GROUP BY pipeline_version ORDER BY 2 DESC"
            ).fetchall()
        )
        return ArchiveStats(articles, earliest, latest, undated or 0, sentences, tokens, layers, versions)
