"""Benchmark: scaling of the analysis engines, worker memory, PostgreSQL vs SQLite.

Articles are 10kGNAD texts (../shared/data/corpus/10kgnad-test.csv, 1,028
Austrian news articles); for runs longer than the corpus, copies get a
different date, so every copy is a distinct article with its own id.

    .venv/bin/python bench/scale.py --articles 400 --memory-articles 3000

1. throughput: the default pipeline through ``processes`` and ``ray`` with 1
   and 2 workers (pipelines loaded and warmed before the clock starts);
   targets: processes 2 workers >= 1.8x of 1, ray >= 1.6x.
2. memory: RSS of each of 2 pool workers sampled after every batch while
   they analyse ``--memory-articles`` articles; target: flat (last ~ first
   after warm-up).  Beyond the corpus the copies are *varied*: about one
   word in twelve becomes a new compound or name never seen before, so the
   vocabulary grows with the stream as real news does and any word-keyed
   cache without a bound would show as growth.  A line is printed every 20
   batches, so a run cut short still says something.
3. store rate: the same analysed articles stored in batches of 64 into a
   new SQLite file and into a new PostgreSQL schema (``--postgres``);
   target: PostgreSQL >= 70 % of SQLite.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import itertools
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronik.archive import open_archive  # noqa: E402
from chronik.archive.base import ArticleToStore  # noqa: E402
from chronik.document import Document  # noqa: E402
from chronik.archive.ingest import analyze_article  # noqa: E402
from chronik.engines import _RAY_TASK_ARTICLES, _process_pool, analyze_in_batches, make_pipeline, open_engine  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "10kgnad-test.csv"
BATCH = 64


def articles(count: int) -> list[Document]:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        texts = [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'")]
    first = _dt.date(2015, 1, 1)
    return [
        Document.from_text(texts[i % len(texts)], (first + _dt.timedelta(days=i // len(texts))).isoformat())
        for i in range(count)
    ]


_SYLLABLES = ("ka", "ber", "lo", "min", "tes", "ru", "vag", "del", "schu", "ne", "post", "ar", "wil", "mo", "zen", "gra")


def novel_word(n: int) -> str:
    """A word no corpus article contains: syllables spelling out n."""
    parts = []
    while True:
        n, digit = divmod(n, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
        if n == 0:
            return "".join(parts)


def varied_articles(count: int) -> Iterator[Document]:
    """The corpus, then copies in which every twelfth capitalised word
    becomes a new compound ("Regierung" -> "Regierungsberlomin") or name:
    an open-ended vocabulary, as in a long stream of real news."""
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        texts = [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'")]
    first = _dt.date(2015, 1, 1)
    fresh = 0
    for i in range(count):
        text = texts[i % len(texts)]
        if i >= len(texts):
            words = text.split(" ")
            for k in range(i % 12, len(words), 12):
                if words[k][:1].isupper() and words[k].isalpha():
                    fresh += 1
                    words[k] = words[k] + "s" + novel_word(fresh)
            text = " ".join(words)
        yield Document.from_text(text, (first + _dt.timedelta(days=i // len(texts))).isoformat())


def rate(engine: str, workers: int, docs: list[Document]) -> float:
    """Articles per second through the engine, fed as ingest feeds it: one
    stream of batches of 64 (for Ray: one Dataset per chunk of batches)."""
    with open_engine(engine, workers) as analyze_batches:
        if analyze_batches is None:  # processes with 1 worker: this process (local)
            pipeline = make_pipeline(None)
            analyze_batches = lambda batches: ([analyze_article(pipeline, d) for d in b] for b in batches)  # noqa: E731
        # Load and warm every worker's pipeline.  Ray Data hands a worker a
        # whole task of _RAY_TASK_ARTICLES articles, so a few articles would
        # warm one worker only and the other would build its pipeline (3-6 s)
        # on the clock: give each worker two tasks' worth.
        warm = 2 * workers * _RAY_TASK_ARTICLES if engine == "ray" else 4 * workers
        analyze_in_batches(analyze_batches, docs[:warm], 1 if engine != "ray" else BATCH)
        started, cpu = time.perf_counter(), time.process_time()
        analyze_in_batches(analyze_batches, docs, BATCH)
        seconds = time.perf_counter() - started
        # The driver's own CPU (sending documents, unpickling analyses) is
        # serial work that competes with the workers on a 2-core machine.
        print(f"  {engine} x{workers}: driver CPU {100 * (time.process_time() - cpu) / seconds:.0f} % of wall time")
        return len(docs) / seconds


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def cpu_control(n: int = 20_000_000) -> float:
    """Speed-up of pure Python arithmetic with 2 processes: what the machine
    gives right now, the ceiling for the engines' speed-up."""
    from multiprocessing import Pool

    started = time.perf_counter()
    _spin(n), _spin(n)
    one = time.perf_counter() - started
    started = time.perf_counter()
    with Pool(2) as pool:
        pool.map(_spin, [n, n])
    return one / (time.perf_counter() - started)


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def worker_memory(count: int, workers: int = 2) -> None:
    """Print the RSS in MB of each pool worker every 20 batches (one worker
    sees the whole stream, so its caches meet every new word)."""
    import psutil

    started = time.perf_counter()
    with _process_pool(workers, None) as analyze_batches:
        pool_pids = None
        docs = varied_articles(count)
        done = 0
        batches = iter(lambda: list(itertools.islice(docs, BATCH)), [])
        for results in analyze_batches(batches):
            done += len(results)
            if pool_pids is None:
                pool_pids = [c.pid for c in psutil.Process(os.getpid()).children()]
            if done % (20 * BATCH) < BATCH or done == count:
                rss = ", ".join(f"{rss_mb(pid):.0f} MB" for pid in pool_pids)
                print(f"memory after {done} articles ({time.perf_counter() - started:.0f} s): {rss}", flush=True)


def store_rate(url: str, analyses: list) -> float:
    with open_archive(url, create=True) as archive:
        started = time.perf_counter()
        for i in range(0, len(analyses), BATCH):
            archive.store_batch([ArticleToStore(a, f"/bench/{i + n}.txt") for n, a in enumerate(analyses[i : i + BATCH])])
        return len(analyses) / (time.perf_counter() - started)


def postgres_store_rate(server: str, analyses: list) -> float:
    import psycopg

    schema = f"chronik_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            return store_rate(f"{server}?options=-csearch_path%3D{schema}", analyses)
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400, help="articles per throughput run")
    parser.add_argument("--memory-articles", type=int, default=3000)
    parser.add_argument("--memory-workers", type=int, default=2, help="pool workers in the memory run")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: processes,ray,memory,store")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    docs = articles(args.articles)
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"control: pure-CPU speed-up with 2 processes {cpu_control():.2f}x")
    for engine in ("processes", "ray"):
        if engine in skip:
            continue
        one, two = rate(engine, 1, docs), rate(engine, 2, docs)
        print(f"{engine}: 1 worker {one:.1f} articles/s, 2 workers {two:.1f} articles/s, speed-up {two / one:.2f}x")
    if "memory" not in skip:
        worker_memory(args.memory_articles, args.memory_workers)
    if "store" not in skip:
        with open_engine("processes", 2) as analyze_batches:
            analyses = [a for a in analyze_in_batches(analyze_batches, docs, BATCH) if not isinstance(a, str)]
        with tempfile.TemporaryDirectory() as folder:
            lite = store_rate(str(Path(folder) / "bench.db"), analyses)
        pg = postgres_store_rate(args.postgres, analyses)
        print(f"store: SQLite {lite:.1f} articles/s, PostgreSQL {pg:.1f} articles/s ({100 * pg / lite:.0f} %)")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
