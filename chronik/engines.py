"""Where the per-article step runs: this process, a process pool, a Ray cluster.

Every engine runs the same pure function, :func:`chronik.archive.ingest.
analyze_article`, with a pipeline built once per worker from the same
component names, so all engines produce identical analyses.  An engine is a
context manager that yields an ``analyze_batches`` callable (or ``None`` for
``local``: ingest then analyses in its own process): it takes an iterator of
ingest batches (lists of documents) and yields, batch by batch and in the
same order, the results of those batches.  The engine may read a few
batches ahead to keep its workers busy while the calling process stores
the results; that process is the only writer of the archive, committing one
batch per transaction, so SQLite's one-writer rule holds and a crashed job
resumes without duplicates (committed articles are found unchanged on the
next run, see chronik/archive/ingest.py).

Ray runs through Ray Data (see docs/scale.md): the articles of a chunk of
batches become one Dataset, ``map_batches`` analyses them on a pool of
``--workers`` tasks, and the results stream back in order.  Each Ray worker
process keeps its pipeline between tasks and between chunks, so models load
once per worker process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import signal
import warnings
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Iterable, Iterator

from .analysis import Analysis
from .archive.ingest import AnalyzeBatches, analyze_article
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
) -> Iterator[AnalyzeBatches | None]:
    """``analyze_batches`` for the engine; ``names`` are the pipeline's components.

    ``ner`` (a picklable NerSpec) goes to every worker, which loads its model once.
    """
    if engine not in ENGINES:
        raise ChronikError("E112", path="--engine", reason=f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}.")
    if engine == "local" or (engine == "processes" and workers <= 1):
        yield None
    elif engine == "processes":
        with _process_pool(workers, names, ner) as analyze_batches:
            yield analyze_batches
    else:
        with _ray_data(workers, names, ray_address, ner) as analyze_batches:
            yield analyze_batches


def analyze_in_batches(analyze_batches: AnalyzeBatches, documents: list[Document], size: int = 16) -> list[Analysis | str]:
    """All results for ``documents``, sent in batches of ``size`` (for tests and benchmarks)."""
    batches = (documents[i : i + size] for i in range(0, len(documents), size))
    return [result for results in analyze_batches(batches) for result in results]


# -- processes ----------------------------------------------------------------
# Documents per pool task: small enough to spread a batch evenly over the
# workers, large enough that sending them costs little next to analysing.
_TASK_ARTICLES = 4
_WORKER_PIPELINE = None


def _start_worker(names: list[str] | None, ner=None) -> None:
    global _WORKER_PIPELINE
    # Ctrl-C is handled once, by the main process, which rolls back the batch.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker is one CPU: a --ner model's torch or BLAS would otherwise
    # start a thread per core in every worker, and N workers x N threads
    # thrash.  (Ray sets the same for its tasks with num_cpus=1.)
    for variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    _WORKER_PIPELINE = make_pipeline(names, ner)


def _worker_analyze(documents: list[Document]) -> list[Analysis | str]:
    return [analyze_article(_WORKER_PIPELINE, document) for document in documents]


@contextmanager
def _process_pool(workers: int, names: list[str] | None, ner=None) -> Iterator[AnalyzeBatches]:
    # A --ner model runs on torch or thinc, whose thread pools do not survive a
    # fork (a forked worker waited forever on a lock of the parent's threads):
    # such workers start fresh and load the model themselves.
    context = multiprocessing.get_context("spawn") if ner is not None and not ner.is_default else None
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(names, ner))
    # Batches in flight: the workers analyse the next ones while the calling
    # process stores the first; more would only hold articles in memory.
    ahead = 2

    def analyze_batches(batches: Iterable[list[Document]]) -> Iterator[list[Analysis | str]]:
        pending: deque[list[Future]] = deque()
        for documents in batches:
            pending.append([pool.submit(_worker_analyze, documents[i : i + _TASK_ARTICLES])
                            for i in range(0, len(documents), _TASK_ARTICLES)])
            while len(pending) > ahead:
                yield _results(pending.popleft())
        while pending:
            yield _results(pending.popleft())

    try:
        yield analyze_batches
    finally:
        pool.shutdown(cancel_futures=True)


def _results(futures: list[Future]) -> list[Analysis | str]:
    """One batch's results, waiting for its tasks in order."""
    return [result for future in futures for result in future.result()]


# -- ray ----------------------------------------------------------------------
# Articles per Ray task (one block of the Dataset): Ray Data takes 50-150 ms
# to start the next task after one ends, so a task must run a second or
# more (4 articles per task left two workers at 1.0-1.15x of one, 32 at
# 1.49x, 64 at 1.59x; bench/RESULTS.md).
_RAY_TASK_ARTICLES = 64

# Articles per Dataset: one Dataset costs well under a second to start (the
# worker processes and their pipelines are reused), and its last tasks
# leave workers idle while the next chunk is read, so a chunk holds many
# tasks per worker.
_RAY_CHUNK_PER_WORKER = 1024

# Pipelines of this Ray worker process, by (component names, --ner): Ray
# reuses a worker process for later tasks of the job, so a pipeline and its
# models load once per process, not once per task or chunk.
_RAY_PIPELINES: dict[bytes, object] = {}


def _ray_analyze(batch: dict, names: list[str] | None, ner) -> dict:
    """A Ray Data batch: pickled documents in, pickled analyses out (pickled
    so that Ray Data stores them as plain bytes, whatever their fields)."""
    import numpy as np

    key = pickle.dumps((names, ner))
    pipeline = _RAY_PIPELINES.get(key)
    if pipeline is None:
        pipeline = _RAY_PIPELINES[key] = make_pipeline(names, ner)
    results = [pickle.dumps(analyze_article(pipeline, pickle.loads(blob))) for blob in batch["document"]]
    return {"analysis": np.array(results, dtype=object)}


def _import_ray():
    try:
        import ray
        import ray.data
    except ImportError:
        raise ChronikError("E112", path="--engine ray",
                           reason="Ray Data is not installed; install it with `pip install 'chronik[ray]'`.") from None
    return ray


def _chunks(batches: Iterable[list[Document]], articles: int) -> Iterator[list[list[Document]]]:
    """Consecutive batches holding at least ``articles`` documents (the last may hold fewer)."""
    chunk: list[list[Document]] = []
    size = 0
    for documents in batches:
        chunk.append(documents)
        size += len(documents)
        if size >= articles:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


@contextmanager
def _ray_data(workers: int, names: list[str] | None, address: str | None, ner=None) -> Iterator[AnalyzeBatches]:
    ray = _import_ray()
    started_here = not ray.is_initialized()
    if started_here:
        # Without an address: a private Ray on this machine, stopped at the end.
        ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                 log_to_driver=False, ignore_reinit_error=True, logging_level=logging.ERROR)
    context = ray.data.DataContext.get_current()
    saved = (context.execution_options.preserve_order, context.enable_progress_bars,
             context.op_resource_reservation_enabled)
    # Results must come back in the order of the input; the ingest command
    # shows its own progress bar.  Ray Data reserves a share of the CPUs for
    # each operator of a pipeline; with our single operator that reservation
    # ran one task at a time on two CPUs (1.02x with 2 workers), without it
    # every worker is busy.
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    context.op_resource_reservation_enabled = False
    data_logger = logging.getLogger("ray.data")
    saved_level = data_logger.level
    saved_filters = warnings.filters[:]
    # A chunk of fewer than `tasks` blocks of _RAY_TASK_ARTICLES (a short
    # ingest) has fewer blocks than tasks allowed: Ray Data warns, but
    # nothing is wrong.
    warnings.filterwarnings("ignore", message="The maximum number of concurrent tasks", category=UserWarning)
    # Not two lines per Dataset (and a note on progress bars) on the terminal;
    # failures still raise.
    data_logger.setLevel(logging.ERROR)

    # On the private Ray started here, which has exactly `workers` CPUs, twice
    # as many tasks may be submitted: Ray queues the extra ones and a worker
    # starts its next task at once.  On a cluster, `workers` caps the CPUs used.
    tasks = 2 * workers if started_here and not address else workers

    def analyze_chunk(documents: list[Document]) -> Iterator[Analysis | str]:
        dataset = ray.data.from_items(
            [{"document": pickle.dumps(doc)} for doc in documents],
            override_num_blocks=-(-len(documents) // _RAY_TASK_ARTICLES),
        ).map_batches(
            _ray_analyze, fn_kwargs={"names": names, "ner": ner}, batch_size=_RAY_TASK_ARTICLES,
            compute=ray.data.TaskPoolStrategy(size=tasks), num_cpus=1, batch_format="numpy",
        )
        try:
            for block in dataset.iter_batches(batch_size=None, batch_format="numpy"):
                for blob in block["analysis"]:
                    yield pickle.loads(blob)
        except ray.exceptions.RayError as error:
            raise ChronikError("E112", path="--engine ray", reason=(
                f"the Ray job failed ({type(error).__name__}: {str(error).splitlines()[0]}); the batches "
                "stored so far are kept, and running the same command again resumes after them.")) from None

    def analyze_batches(batches: Iterable[list[Document]]) -> Iterator[list[Analysis | str]]:
        for chunk in _chunks(batches, _RAY_CHUNK_PER_WORKER * max(workers, 1)):
            articles = [doc for documents in chunk for doc in documents]
            results = analyze_chunk(articles) if articles else iter(())
            for documents in chunk:
                yield [next(results) for _ in documents]

    try:
        yield analyze_batches
    finally:
        (context.execution_options.preserve_order, context.enable_progress_bars,
         context.op_resource_reservation_enabled) = saved
        data_logger.setLevel(saved_level)
        warnings.filters[:] = saved_filters
        if started_here:
            ray.shutdown()
