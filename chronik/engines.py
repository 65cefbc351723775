"""Where the per-article step runs: this process, a process pool, a Ray cluster.

Every engine runs the same pure function, :func:`chronik.archive.ingest.
analyze_article`, with a pipeline built once per worker from the same
component names, so all engines produce identical analyses.  An engine is a
context manager that yields an ``analyze_many(documents)`` callable (or
``None`` for ``local``: ingest then analyses in its own process).  The
results always come back to the one process that writes the archive, in
batches of one transaction each: SQLite's one-writer rule holds, and a
crashed job resumes without duplicates because committed articles are
found unchanged on the next run (chronik/archive/ingest.py).

Ray: a pool of actors, each holding one pipeline for its lifetime (models
load once per worker), fed one ingest batch at a time.  See docs/scale.md.
"""

from __future__ import annotations

import multiprocessing
import signal
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Iterator

from .analysis import Analysis
from .archive.ingest import AnalyzeMany, analyze_article
from .document import Document
from .errors import ChronikError

ENGINES = ("local", "processes", "ray")


def make_pipeline(names: list[str] | None, ner=None):
    """``ner``: a chronik.extract.ner.NerSpec (``--ner``); None or the default is our CRF."""
    from .pipeline import Pipeline, default_pipeline

    if ner is None or ner.is_default:
        return default_pipeline() if names is None else Pipeline(names)
    return Pipeline(names, options={"ner": ner})


@contextmanager
def open_engine(
    engine: str, workers: int = 1, names: list[str] | None = None, ray_address: str | None = None, ner=None
) -> Iterator[AnalyzeMany | None]:
    """``analyze_many`` for the engine; ``names`` are the pipeline's components.

    ``ner`` (a picklable NerSpec) goes to every worker, which loads its model once.
    """
    if engine not in ENGINES:
        raise ChronikError("E112", path="--engine", reason=f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}.")
    if engine == "local" or (engine == "processes" and workers <= 1):
        yield None
    elif engine == "processes":
        with _process_pool(workers, names, ner) as analyze_many:
            yield analyze_many
    else:
        with _ray_pool(workers, names, ray_address, ner) as analyze_many:
            yield analyze_many


# -- processes ----------------------------------------------------------------
_WORKER_PIPELINE = None


def _start_worker(names: list[str] | None, ner=None) -> None:
    global _WORKER_PIPELINE
    # Ctrl-C is handled once, by the main process, which rolls back the batch.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_PIPELINE = make_pipeline(names, ner)


def _worker_analyze(document: Document) -> Analysis | str:
    return analyze_article(_WORKER_PIPELINE, document)


@contextmanager
def _process_pool(workers: int, names: list[str] | None, ner=None) -> Iterator[AnalyzeMany]:
    # A --ner model runs on torch or thinc, whose thread pools do not survive a
    # fork (a forked worker waited forever on a lock of the parent's threads):
    # such workers start fresh and load the model themselves.
    context = multiprocessing.get_context("spawn") if ner is not None and not ner.is_default else None
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(names, ner))
    try:
        yield lambda documents: list(pool.map(_worker_analyze, documents, chunksize=4))
    finally:
        pool.shutdown(cancel_futures=True)


# -- ray ----------------------------------------------------------------------
class _Analyzer:
    """A Ray actor: one pipeline for the actor's lifetime."""

    def __init__(self, names: list[str] | None, ner=None) -> None:
        self.pipeline = make_pipeline(names, ner)

    def analyze(self, documents: list[Document]) -> list[Analysis | str]:
        return [analyze_article(self.pipeline, doc) for doc in documents]


def _import_ray():
    try:
        import ray
    except ImportError:
        raise ChronikError("E112", path="--engine ray",
                           reason="Ray is not installed; install it with `pip install 'chronik[ray]'`.") from None
    return ray


@contextmanager
def _ray_pool(workers: int, names: list[str] | None, address: str | None, ner=None) -> Iterator[AnalyzeMany]:
    ray = _import_ray()
    started_here = not ray.is_initialized()
    if started_here:
        # Without an address: a private Ray on this machine, stopped at the end.
        ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                 log_to_driver=False, ignore_reinit_error=True)
    actor = ray.remote(num_cpus=1)(_Analyzer)
    actors = [actor.remote(names, ner) for _ in range(max(workers, 1))]

    def analyze_many(documents: list[Document]) -> list[Analysis | str]:
        # Contiguous slices, one per actor, joined in order: same order as local.
        size = -(-len(documents) // len(actors)) if documents else 1
        slices = [documents[i : i + size] for i in range(0, len(documents), size)]
        results = ray.get([a.analyze.remote(part) for a, part in zip(actors, slices)])
        return [r for part in results for r in part]

    try:
        yield analyze_many
    finally:
        for a in actors:
            ray.kill(a)
        if started_here:
            ray.shutdown()
