"""Ingest: decide per article what to do, analyse what changed, store in batches.

For each article the archive is asked BEFORE analysing whether the same
content (the id is a content hash) was already stored by the same pipeline
version: if so nothing happens, which makes re-ingesting fast and
idempotent.  Articles analysed by an older pipeline, or whose source file
now holds different content, are re-analysed and replace the old rows.
Each batch is stored in one transaction, so an interruption loses at most
the batches in flight and the next run resumes where this one stopped.

An engine (chronik/engines.py) may analyse a few batches ahead of the one
being stored.  Those batches are planned before the earlier ones are
stored, so an article that is already in flight counts as a repeat, as if
the earlier batch were stored already.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Callable, Iterable, Iterator, Protocol

from ..analysis import Analysis
from ..document import Document
from ..errors import ChronikError
from .base import Archive, ArticleToStore, StoredState


class Analyzer(Protocol):
    """What ingest needs from a pipeline: a version and a pure per-article call."""

    @property
    def version(self) -> str: ...

    def __call__(self, document: Document) -> Analysis: ...


class Outcome(str, Enum):
    INGESTED = "ingested"
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    FAILED = "failed"


@dataclass
class IngestReport:
    ingested: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    tokens: int = 0
    seconds: float = 0.0

    @property
    def articles(self) -> int:
        return self.ingested + self.unchanged + self.updated + len(self.failed)

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def failure_lines(self) -> list[str]:
        """One line per failed article, naming its file once."""
        return [reason if path in reason else f"{path}: {reason}" for path, reason in self.failed]

    def summary(self) -> str:
        analysed = self.ingested + self.updated
        rate = f", {analysed / self.seconds:.1f} articles/s analysed" if analysed and self.seconds else ""
        return (
            f"ingested {self.ingested}, unchanged {self.unchanged}, updated {self.updated}, "
            f"failed {len(self.failed)} ({self.seconds:.1f} s{rate})"
        )


@dataclass(frozen=True, slots=True)
class _Planned:
    source_path: str
    document: Document
    outcome: Outcome
    replaces: str | None = None
    moved: bool = False  # unchanged, but stored under another source name


def source_key(name: str, seen: dict[str, int]) -> str:
    """Name an article by its absolute file path (JSONL readers add ``:line``);
    a further article under the same name gets ``#n``, so that a changed
    article updates its own row on the next run."""
    key = str(Path(name).resolve()) if name not in ("", "-", "<stdin>") else name
    n = seen.get(key, 0) + 1
    seen[key] = n
    return key if n == 1 else f"{key}#{n}"


@dataclass
class RunState:
    """What earlier batches of this run decided that the archive does not show (yet)."""

    in_flight: Counter[str] = field(default_factory=Counter)  # articles of batches not yet stored
    replacing: Counter[str] = field(default_factory=Counter)  # stored articles those batches delete
    # Articles found unchanged under another source name in this run: a
    # record that moved to another line of a JSONL feed, whose old name
    # (in a later batch) now holds another record.  One id per moved
    # record: a run over a shifted feed of a million records holds a
    # million ids (about 100 MB), a run over unchanged files none.
    moved: set[str] = field(default_factory=set)

    def keeps(self, doc_id: str) -> bool:
        return doc_id in self.in_flight or doc_id in self.moved

    def planned(self, plans: list[_Planned]) -> None:
        self.in_flight.update(p.document.id for p in plans)
        self.replacing.update(p.replaces for p in plans if p.replaces)
        self.moved.update(p.document.id for p in plans if p.moved)

    def stored(self, plans: list[_Planned]) -> None:
        _forget(self.in_flight, (p.document.id for p in plans))
        _forget(self.replacing, (p.replaces for p in plans if p.replaces))


def plan_batch(
    archive: Archive, version: str, batch: list[tuple[str, Document]], run: RunState | None = None
) -> list[_Planned]:
    run = run if run is not None else RunState()
    by_id = archive.states_by_id(doc.id for _, doc in batch)
    by_source = archive.states_by_source(key for key, _ in batch)
    seen_ids: set[str] = set()
    plans = []
    for key, doc in batch:
        repeated = doc.id in seen_ids or doc.id in run.in_flight
        # Stored now, but an earlier batch deletes it before this one is stored.
        same_id = None if doc.id in run.replacing else by_id.get(doc.id)
        plans.append(_plan_one(key, doc, version, same_id, by_source.get(key), repeated))
        seen_ids.add(doc.id)
    # Lines inserted into a JSONL file shift every later record to another
    # source name: an article that merely moved must not be deleted.
    return [
        dataclasses.replace(plan, replaces=None, outcome=Outcome.INGESTED)
        if plan.replaces in seen_ids or (plan.replaces and run.keeps(plan.replaces)) else plan
        for plan in plans
    ]


def _plan_one(
    key: str, doc: Document, version: str, same_id: StoredState | None, same_source: StoredState | None, repeated: bool
) -> _Planned:
    if repeated or (same_id and same_id.pipeline_version == version):
        return _Planned(key, doc, Outcome.UNCHANGED, moved=bool(same_id and same_id.source_path != key))
    if same_id:  # same content, analysed by another pipeline version
        return _Planned(key, doc, Outcome.UPDATED)
    if same_source and same_source.doc_id != doc.id:  # the file's content changed
        return _Planned(key, doc, Outcome.UPDATED, replaces=same_source.doc_id)
    return _Planned(key, doc, Outcome.INGESTED)


def analyze_article(analyzer: Analyzer, document: Document) -> Analysis | str:
    """The pure per-article step; a failure becomes a one-line reason."""
    try:
        return analyzer(document)
    except ChronikError as error:
        return str(error)
    except Exception as error:  # a bug in one component must not stop the run
        return f"analysis failed: {type(error).__name__}: {error}"


# An engine's analysis of a stream of batches: the results of each batch, in order.
AnalyzeBatches = Callable[[Iterable[list[Document]]], Iterator[list["Analysis | str"]]]


def ingest(
    archive: Archive,
    items: Iterable[tuple[object, Document | ChronikError]],
    analyzer: Analyzer,
    *,
    batch_size: int = 64,
    on_progress: Callable[[int], None] | None = None,
    analyze_batches: AnalyzeBatches | None = None,
) -> IngestReport:
    """Ingest articles from ``(path, Document | ChronikError)`` pairs.

    ``analyze_batches`` may run the per-article step elsewhere (a process
    pool, Ray); by default articles are analysed one after another in this
    process.
    """
    run = _IngestRun(archive, analyzer, on_progress)
    started = time.perf_counter()
    planned: deque[list[_Planned]] = deque()

    def to_analyze() -> Iterator[list[Document]]:
        for batch in run.batches(items, batch_size):
            plans = run.plan(batch)
            planned.append(plans)
            yield [p.document for p in _to_analyze(plans)]

    # The engine pulls a batch from to_analyze() before it yields its
    # results, so the plans of each result are at the left of the queue.
    for results in (analyze_batches or run.analyze_here)(to_analyze()):
        run.store(planned.popleft(), results)
    run.report.seconds = time.perf_counter() - started
    return run.report


@dataclass
class _IngestRun:
    archive: Archive
    analyzer: Analyzer
    on_progress: Callable[[int], None] | None
    report: IngestReport = field(default_factory=IngestReport)
    state: RunState = field(default_factory=RunState)

    def progress(self, articles: int) -> None:
        if self.on_progress:
            self.on_progress(articles)

    def batches(self, items: Iterable[tuple[object, Document | ChronikError]], size: int) -> Iterator[list[tuple[str, Document]]]:
        """Readable articles under their source names, ``size`` at a time;
        unreadable ones are counted as failed on the way."""
        batch: list[tuple[str, Document]] = []
        seen: dict[str, int] = {}
        for name, item in items:
            if isinstance(item, ChronikError):
                self.report.failed.append((str(name), str(item)))
                self.progress(1)
                continue
            batch.append((source_key(str(name), seen), item))
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def plan(self, batch: list[tuple[str, Document]]) -> list[_Planned]:
        plans = plan_batch(self.archive, self.analyzer.version, batch, self.state)
        self.state.planned(plans)
        return plans

    def analyze_here(self, batches: Iterable[list[Document]]) -> Iterator[list[Analysis | str]]:
        for documents in batches:
            yield [analyze_article(self.analyzer, doc) for doc in documents]

    def store(self, plans: list[_Planned], results: list[Analysis | str]) -> None:
        """Store the analysed articles of one batch in one transaction."""
        todo = _to_analyze(plans)
        if len(results) != len(todo):  # an engine bug; storing would pair articles with wrong analyses
            raise RuntimeError(f"engine returned {len(results)} analyses for {len(todo)} articles")
        to_store: list[ArticleToStore] = []
        outcomes: list[Outcome] = []
        for plan, result in zip(todo, results):
            if isinstance(result, str):
                self.report.failed.append((plan.source_path, result))
                continue
            to_store.append(ArticleToStore(result, plan.source_path, plan.replaces))
            outcomes.append(plan.outcome)
        self.archive.store_batch(to_store)  # all of the batch, or nothing
        self.state.stored(plans)
        # Counted only once stored: an interrupted batch counts for nothing.
        self.report.unchanged += len(plans) - len(todo)
        for article, outcome in zip(to_store, outcomes):
            self.report.count(outcome)
            self.report.tokens += len(article.analysis.tokens)
        self.progress(len(plans))


def _to_analyze(plans: list[_Planned]) -> list[_Planned]:
    return [p for p in plans if p.outcome is not Outcome.UNCHANGED]


def _forget(counts: Counter[str], ids: Iterable[str]) -> None:
    for doc_id in ids:
        counts[doc_id] -= 1
        if counts[doc_id] <= 0:
            del counts[doc_id]
