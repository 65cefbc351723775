"""The archive interface: what the pipeline and the CLI need from storage.

:class:`Archive` is the only thing ingest, search, show and stats talk to.
SQLite (:mod:`chronik.archive.sqlite`) and PostgreSQL
(:mod:`chronik.archive.postgres`) implement it; the reads that are the
same SQL on both live here.
"""

from __future__ import annotations

import abc
import datetime as _dt
import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from ..analysis import Analysis
from ..document import PartialDate
from ..errors import ChronikError
from .serialize import unpack_analysis

# Shortest id prefix a user may give (`chronik show 3f2a9c`).
MIN_PREFIX = 6


@dataclass(frozen=True, slots=True)
class StoredState:
    """What the archive knows about an article before re-analysing it."""

    doc_id: str
    pipeline_version: str
    source_path: str


@dataclass(frozen=True, slots=True)
class ArticleToStore:
    """One analysed article for :meth:`Archive.store_batch`.

    ``replaces`` names the id of an older version of the same source file
    (changed content) or the same id analysed by an older pipeline; its rows
    are removed in the same transaction that stores the new ones.
    """

    analysis: Analysis
    source_path: str
    replaces: str | None = None


@dataclass(frozen=True, slots=True)
class StoredDocument:
    doc_id: str
    date: PartialDate | None
    title: str
    source: str
    url: str
    text: str
    blocks: list[dict[str, Any]]
    metadata: dict[str, Any]
    pipeline_version: str
    source_path: str
    ingested_at: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    doc_id: str
    date: PartialDate | None
    title: str
    sentence_index: int
    start: int
    end: int
    sentence: str
    score: float
    # character ranges of ``sentence`` that matched a query word
    matches: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "date": str(self.date) if self.date else None,
            "title": self.title,
            "sentence_index": self.sentence_index,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "score": round(self.score, 4),
            "matches": [list(m) for m in self.matches],
        }


@dataclass(frozen=True, slots=True)
class ArchiveStats:
    articles: int
    earliest: str | None
    latest: str | None
    undated: int
    sentences: int
    tokens: int
    layers: dict[str, int]
    pipeline_versions: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "earliest": self.earliest,
            "latest": self.latest,
            "undated": self.undated,
            "sentences": self.sentences,
            "tokens": self.tokens,
            "layers": self.layers,
            "pipeline_versions": self.pipeline_versions,
        }


@dataclass(frozen=True, slots=True)
class DateRange:
    """Articles whose date interval overlaps [start.earliest, end.latest].

    A month-precision article "2021-12" overlaps --from 2021-12-15: it may
    have appeared that day, and we never pretend to know more.
    """

    start: PartialDate | None = None
    end: PartialDate | None = None

    @property
    def earliest(self) -> _dt.date | None:
        return self.start.earliest if self.start else None

    @property
    def latest(self) -> _dt.date | None:
        return self.end.latest if self.end else None

    def overlap_conditions(self, prefix: str = "d.", mark: str = "?") -> tuple[list[str], list[str]]:
        """SQL conditions (and their parameters) on a documents table's
        ``date_earliest``/``date_latest`` for the overlap rule above."""
        where: list[str] = []
        params: list[str] = []
        if self.earliest:
            where.append(f"{prefix}date_latest >= {mark}")
            params.append(self.earliest.isoformat())
        if self.latest:
            where.append(f"{prefix}date_earliest <= {mark}")
            params.append(self.latest.isoformat())
        return where, params


class Archive(abc.ABC):
    """Storage for documents, sentences, full analyses and layer tables."""

    location: str
    db: Any  # sqlite3.Connection, or pg_dialect.Connection (SQLite SQL, translated)

    # -- ingest ----------------------------------------------------------
    @abc.abstractmethod
    def states_by_id(self, doc_ids: Iterable[str]) -> dict[str, StoredState]:
        """Stored state of the given ids that exist."""

    @abc.abstractmethod
    def states_by_source(self, source_paths: Iterable[str]) -> dict[str, StoredState]:
        """Stored state of the articles last ingested from these source paths."""

    @abc.abstractmethod
    def store_batch(self, articles: list[ArticleToStore]) -> None:
        """Store a batch atomically: all articles and their rows, or nothing."""

    # -- reading -----------------------------------------------------------
    @abc.abstractmethod
    def search(self, query: str, dates: DateRange = DateRange(), limit: int = 20) -> list[SearchHit]:
        """Sentences ranked by relevance (bm25), German-stemmed."""

    # Read on both backends through ``db``, whose PostgreSQL variant
    # translates these SQLite statements (chronik/archive/pg_dialect.py).
    def resolve_id(self, prefix: str) -> str:
        """The full id for a unique prefix; ChronikError E303/E304 otherwise."""
        prefix = prefix.strip().lower()
        if len(prefix) < MIN_PREFIX or not all(c in "0123456789abcdef" for c in prefix):
            raise ChronikError("E303", doc_id=prefix)
        # Range scan on the unique index instead of LIKE (which ignores it).
        rows = self.db.execute(
            "SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "g")
        ).fetchall()
        if not rows:
            raise ChronikError("E303", doc_id=prefix)
        if len(rows) > 1:
            count = self.db.execute(
                "SELECT COUNT(*) FROM documents WHERE id >= ? AND id < ?", (prefix, prefix + "g")
            ).fetchone()[0]
            raise ChronikError("E304", doc_id=prefix, count=count)
        return rows[0][0]

    def document(self, doc_id: str) -> StoredDocument:
        """One stored article (full id or unique prefix)."""
        doc_id = self.resolve_id(doc_id)
        row = self.db.execute(
            """SELECT id, date, title, source, url, text, blocks, metadata, pipeline_version,
                source_path, ingested_at FROM documents WHERE id = ?""",
            (doc_id,),
        ).fetchone()
        blocks = [{"start": s, "end": e, "kind": k} for s, e, k in json.loads(row[6])]
        return StoredDocument(
            row[0], PartialDate.parse(row[1]) if row[1] else None, row[2], row[3], row[4], row[5],
            blocks, json.loads(row[7]), row[8], row[9], row[10],
        )

    def analysis_dict(self, doc_id: str) -> dict[str, Any]:
        """The stored analysis JSON (Analysis.to_dict) of one article."""
        doc_id = self.resolve_id(doc_id)
        row = self.db.execute(
            "SELECT a.json FROM analyses a JOIN documents d ON d.key = a.doc_key WHERE d.id = ?", (doc_id,)
        ).fetchone()
        return unpack_analysis(bytes(row[0]))

    @abc.abstractmethod
    def iter_analysis_dicts(self) -> Iterator[dict[str, Any]]:
        """Every stored analysis JSON, in ingest order."""

    @abc.abstractmethod
    def stats(self) -> ArchiveStats:
        """Counts over the whole archive."""

    @abc.abstractmethod
    def stream(self, sql: str, params: Sequence[Any] = (), *, chunk: int = 1000) -> Iterator[tuple]:
        """Rows of one read query (SQLite SQL, as the chronicle queries write
        it), fetched ``chunk`` rows at a time: a table of millions of rows is
        never in memory at once (exports: chronik/export/tables.py)."""

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
