"""The PostgreSQL archive: a server database a team can share.

Same tables, migrations (by name), queries and search as the SQLite
archive (:mod:`.sqlite`); the differences are in :mod:`.pg_dialect`.
Full-text search is a GIN-indexed tsvector over the same German-stemmed
copy of every sentence, so both backends find the same sentences.

Several processes may ingest into one archive at the same time: each batch
takes a transaction-scoped advisory lock, deletes any row of the same
article (stored meanwhile by another process) and inserts its own, so no
article is lost or stored twice, and sentence ids (``day << 32 | n``) are
allocated by one writer at a time.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import itertools
import json
import zlib
from typing import Any, Iterable, Iterator, Sequence

from ..analysis import Analysis
from ..document import PartialDate
from ..errors import ChronikError
from . import sqlite as _sqlite
from .base import Archive, ArchiveStats, ArticleToStore, DateRange, SearchHit, StoredState
from .layers import layer_tables
from .migrations import MIGRATIONS, _all_migrations
from .resolver import EntityResolver
from .pg_dialect import CORE_DDL, Connection, to_postgres, tsquery_text
from .serialize import layer_counts, pack_analysis, unpack_analysis
from .terms import index_text, matched_spans, parse_query

DAY_SHIFT = _sqlite.DAY_SHIFT
# One writer at a time per database: the key of pg_advisory_xact_lock.
WRITER_LOCK = zlib.crc32(b"chronik archive writer")
_STREAMS = itertools.count(1)


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _connect(url: str) -> Any:
    try:
        import psycopg
    except ImportError:
        raise ChronikError("E309", url=url) from None
    try:
        return psycopg.connect(url, autocommit=True)
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ChronikError("E310", url=url, reason=reason) from None


class PostgresArchive(Archive):
    def __init__(self, url: str, *, create: bool = False) -> None:
        self.location = url
        self.raw = _connect(url)
        # The durability of SQLite's WAL with synchronous=NORMAL: a server
        # crash may lose the last batches (the next ingest redoes them), never
        # leaves half of one.
        self.raw.execute("SET synchronous_commit = off")
        self.db = Connection(self.raw)
        self._migrate(create)

    def close(self) -> None:
        self.raw.close()

    # -- schema ------------------------------------------------------------
    def _migrate(self, create: bool) -> None:
        with self.raw.transaction():
            # Two processes opening a new archive at once: one migrates.
            self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            tables = {r[0] for r in self.raw.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
            if tables and "chronik_migrations" not in tables:
                raise ChronikError("E301", path=self.location, reason="its schema has tables but no chronik_migrations table")
            if not tables and not create:
                raise ChronikError("E307", path=self.location)
            self.raw.execute(
                "CREATE TABLE IF NOT EXISTS chronik_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            done = {r[0] for r in self.raw.execute("SELECT name FROM chronik_migrations")}
            known = _all_migrations()
            unknown = done - {m.name for m in known}
            if unknown:
                raise ChronikError("E302", path=self.location, found=sorted(unknown)[-1], known=known[-1].name)
            for step in known:
                if step.name not in done:
                    for statement in self._ddl(step.name):
                        self.raw.execute(statement)
                    self.raw.execute("INSERT INTO chronik_migrations (name, applied_at) VALUES (%s, %s)",
                                     (step.name, _now()))

    @staticmethod
    def _ddl(name: str) -> tuple[str, ...]:
        if name in CORE_DDL:
            return CORE_DDL[name]
        for table in layer_tables():
            if name in table.migration_names():
                return (to_postgres(table.ddl[table.migration_names().index(name)]),)
        core = {m.name for m in MIGRATIONS}
        # A new core migration needs its PostgreSQL DDL in pg_dialect.CORE_DDL.
        assert name not in core, f"no PostgreSQL DDL for migration {name}"
        raise KeyError(name)

    # -- ingest ------------------------------------------------------------
    def _states(self, column: str, values: Iterable[str]) -> dict[str, StoredState]:
        found: dict[str, StoredState] = {}
        rows = self.raw.execute(
            f"SELECT id, pipeline_version, source_path FROM documents WHERE {column} = ANY(%s)",
            (list(dict.fromkeys(values)),),
        )
        for doc_id, version, source_path in rows:
            found[doc_id if column == "id" else source_path] = StoredState(doc_id, version, source_path)
        return found

    def states_by_id(self, doc_ids: Iterable[str]) -> dict[str, StoredState]:
        return self._states("id", doc_ids)

    def states_by_source(self, source_paths: Iterable[str]) -> dict[str, StoredState]:
        return self._states("source_path", source_paths)

    def store_batch(self, articles: list[ArticleToStore]) -> None:
        if not articles:
            return
        # Rows of the whole batch go out in one COPY per table: a round trip
        # per row would make the server archive several times slower.
        self._pending: dict[str, list[tuple]] = {}
        self._next_ids: dict[int, int] = {}
        with self.raw.transaction():
            self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            self._resolver = EntityResolver(self.db)
            old = [a.replaces for a in articles if a.replaces] + [a.analysis.document.id for a in articles]
            self._delete(old)
            keys = [self._insert(article) for article in articles]
            for (table, columns), rows in self._pending.items():
                self._copy(table, columns, rows)
            # Entities are resolved by the one writer, in the batch's own transaction.
            self._resolver.resolve(keys)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction of the single writer (entity corrections, rebuilds)."""
        with self.raw.transaction():
            self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            yield

    def _queue(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        self._pending.setdefault((table, columns), []).extend(rows)

    def _copy(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        # COPY: several times faster than INSERTs for the thousands of rows of a batch.
        names = ", ".join(f'"{c}"' for c in columns)
        with self.raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _delete(self, doc_ids: list[str]) -> None:
        keys = [r[0] for r in self.raw.execute("SELECT key FROM documents WHERE id = ANY(%s)", (doc_ids,))]
        if not keys:
            return
        self._resolver.forget(keys)
        for table in [t.table for t in layer_tables()] + ["sentences", "analyses"]:
            self.raw.execute(f"DELETE FROM {table} WHERE doc_key = ANY(%s)", (keys,))
        self.raw.execute("DELETE FROM documents WHERE key = ANY(%s)", (keys,))

    def _insert(self, article: ArticleToStore) -> int:
        analysis = article.analysis
        doc = analysis.document
        date = doc.date
        key = self.raw.execute(
            """INSERT INTO documents (id, date, date_precision, date_earliest, date_latest,
                title, source, url, metadata, blocks, text, token_count, pipeline_version,
                source_path, ingested_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)
                RETURNING key""",
            (
                doc.id, str(date) if date else None, date.precision.value if date else None,
                date.earliest.isoformat() if date else None, date.latest.isoformat() if date else None,
                doc.title, doc.source, doc.url,
                json.dumps(dict(doc.metadata), ensure_ascii=False, default=str),
                json.dumps([[b.start, b.end, b.kind.value] for b in doc.blocks]),
                doc.text, len(analysis.tokens), analysis.pipeline_version, article.source_path, _now(),
            ),
        ).fetchone()[0]
        self._insert_sentences(key, analysis)
        self._queue(
            "analyses", ("doc_key", "pipeline_version", "layer_counts", "json"),
            [(key, analysis.pipeline_version, json.dumps(layer_counts(analysis)), pack_analysis(analysis))],
        )
        for table in layer_tables():
            rows = [(key, *row) for row in table.rows(analysis)]
            if rows:
                self._queue(table.table, ("doc_key", *table.columns), rows)
        return key

    def _insert_sentences(self, key: int, analysis: Analysis) -> None:
        date = analysis.document.date
        base = date.earliest.toordinal() << DAY_SHIFT if date else 0
        if base not in self._next_ids:  # ids of the day are ours while we hold the writer lock
            last = self.raw.execute(
                "SELECT MAX(id) FROM sentences WHERE id >= %s AND id < %s", (base, base + (1 << DAY_SHIFT))
            ).fetchone()[0]
            self._next_ids[base] = base if last is None else last + 1
        first = self._next_ids[base]
        rows = [
            (first + n, key, s.index, s.start, s.end, text, int(s.is_heading), index_text(text))
            for n, (s, text) in enumerate(analysis.iter_sentence_texts())
        ]
        self._next_ids[base] = first + len(rows)
        self._queue("sentences", ("id", "doc_key", "idx", "start", "end", "text", "is_heading", "stems"), rows)

    # -- reading -------------------------------------------------------------
    def search(self, query: str, dates: DateRange = DateRange(), limit: int = 20) -> list[SearchHit]:
        parsed = parse_query(query)
        tsquery = tsquery_text(parsed.groups)
        low, high = 0, (1 << 63) - 1
        if dates.earliest:
            ordinal = dates.earliest.toordinal() - _sqlite.LONGEST_DATE_SPAN.days
            low = max(ordinal, 0) << DAY_SHIFT
        if dates.latest:
            high = ((dates.latest.toordinal() + 1) << DAY_SHIFT) - 1
        where, params = dates.overlap_conditions(mark="%s")
        # As in SQLite: rank only the most recent RANKED_MATCHES_MAX matches
        # of the id (= date) range, then apply the exact date filter.
        rows = self.raw.execute(
            f"""WITH q AS (SELECT to_tsquery('simple', %s) AS q),
                recent AS (SELECT s.id FROM sentences s, q WHERE s.search @@ q.q AND s.id BETWEEN %s AND %s
                           ORDER BY s.id DESC LIMIT %s)
                SELECT d.id, d.date, d.title, s.idx, s.start, s."end", s.text, ts_rank(s.search, q.q) AS score
                FROM recent r JOIN sentences s ON s.id = r.id JOIN documents d ON d.key = s.doc_key, q
                {'WHERE ' + ' AND '.join(where) if where else ''}
                ORDER BY score DESC, s.id DESC LIMIT %s""",
            (tsquery, low, high, _sqlite.RANKED_MATCHES_MAX, *params, limit),
        ).fetchall()
        return [
            SearchHit(doc_id, PartialDate.parse(date) if date else None, title, idx, start, end, text,
                      float(score), matched_spans(text, parsed.stems))
            for doc_id, date, title, idx, start, end, text, score in rows
        ]

    def iter_analysis_dicts(self) -> Iterator[dict[str, Any]]:
        # A server-side cursor: millions of analyses never sit in memory at once.
        with self.raw.transaction(), self.raw.cursor(name="chronik_analyses") as cursor:
            cursor.execute("SELECT json FROM analyses ORDER BY doc_key")
            for (blob,) in cursor:
                yield unpack_analysis(bytes(blob))

    def stream(self, sql: str, params: Sequence[Any] = (), *, chunk: int = 1000) -> Iterator[tuple]:
        # A server-side (named) cursor inside a read transaction: the server
        # sends ``chunk`` rows per FETCH instead of the whole result at once.
        name = f"chronik_stream_{next(_STREAMS)}"  # two streams may be open at once
        with self.raw.transaction(), self.raw.cursor(name=name) as cursor:
            cursor.execute(to_postgres(sql), tuple(params))
            while rows := cursor.fetchmany(chunk):
                yield from rows

    def stats(self) -> ArchiveStats:
        articles, tokens, undated = self.raw.execute(
            "SELECT COUNT(*), COALESCE(SUM(token_count), 0), COUNT(*) FILTER (WHERE date IS NULL) FROM documents"
        ).fetchone()
        earliest = latest = None
        if articles:
            # As in SQLite: the article that surely ended first, and the one that surely began last.
            row = self.raw.execute("SELECT date FROM documents WHERE date IS NOT NULL "
                                   "ORDER BY date_latest, date_earliest LIMIT 1").fetchone()
            earliest = row[0] if row else None
            row = self.raw.execute("SELECT date FROM documents WHERE date IS NOT NULL "
                                   "ORDER BY date_earliest DESC, date_latest DESC LIMIT 1").fetchone()
            latest = row[0] if row else None
        sentences = self.raw.execute("SELECT COUNT(*) FROM sentences").fetchone()[0]
        layers = dict(self.raw.execute(
            "SELECT j.key, SUM(j.value::bigint) FROM analyses, json_each_text(analyses.layer_counts::json) j "
            "GROUP BY j.key ORDER BY j.key").fetchall())
        versions = dict(self.raw.execute(
            "SELECT pipeline_version, COUNT(*) FROM documents GROUP BY pipeline_version ORDER BY 2 DESC").fetchall())
        return ArchiveStats(articles, earliest, latest, int(undated), sentences, int(tokens),
                            {k: int(v) for k, v in layers.items()}, versions)
