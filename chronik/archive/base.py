"""The archive interface: what the pipeline and the CLI need from storage.

:class:`Archive` is the only thing ingest, search, show and stats talk to.
SQLite implements it today (:mod:`chronik.archive.sqlite`); a PostgreSQL
backend implements the same methods later without touching the pipeline
or the commands.
"""

from __future__ import annotations

import abc
import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from ..analysis import Analysis
from ..document import PartialDate


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

    @abc.abstractmethod
    def resolve_id(self, prefix: str) -> str:
        """The full id for a unique prefix; ChronikError E303/E304 otherwise."""

    @abc.abstractmethod
    def document(self, doc_id: str) -> StoredDocument:
        """One stored article (full id or unique prefix)."""

    @abc.abstractmethod
    def analysis_dict(self, doc_id: str) -> dict[str, Any]:
        """The stored analysis JSON (Analysis.to_dict) of one article."""

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
