"""Benchmark: the entity read commands, in-process (no interpreter start-up).

    .venv/bin/python bench/entities.py --db c.db --name Faymann [--resolve 1000]

Times chronik.chronicle.entities.list_entities (all, and PER within a date
range) and entity_profile (one person) as the CLI calls them; median and
max of --repeats runs after one warm-up.  The same script runs against an
older checkout (PYTHONPATH=that/checkout) to compare implementations with
the same API on the same machine state.
"""

from __future__ import annotations

import argparse
import statistics
import time


def timed(call, repeats: int) -> tuple[float, float]:
    call()  # warm the page cache
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs), max(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--name", default="Faymann")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--resolve", type=int, default=0,
                        help="also time resolving the last N articles again, in batches of 64 (rolled back)")
    args = parser.parse_args()

    import chronik
    from chronik.archive import DateRange, open_archive
    from chronik.chronicle.entities import entity_profile, list_entities
    from chronik.document import PartialDate

    dated = DateRange(PartialDate.parse("2018"), PartialDate.parse("2019"))
    with open_archive(args.db) as archive:
        cases = {
            "list_entities(limit=50)": lambda: list_entities(archive, limit=50),
            "list_entities(type=PER, 2018..2019)": lambda: list_entities(archive, type="PER", dates=dated, limit=50),
            f"entity_profile({args.name!r})": lambda: entity_profile(archive, args.name),
        }
        print(f"chronik from {chronik.__file__}")
        for label, call in cases.items():
            median, worst = timed(call, args.repeats)
            print(f"{label:40} median {median:8.1f} ms   max {worst:8.1f} ms")
        if args.resolve:
            from chronik.chronicle.name_keys import _places

            started = time.perf_counter()
            _places()  # once per process: the place names of GeoNames and the country lists
            print(f"place list load (once per process): {time.perf_counter() - started:.1f} s")
            print(incremental(archive, args.resolve))


class _RollBack(Exception):
    pass


def incremental(archive, count: int) -> str:
    """What ingest adds per article: forget the last COUNT articles' entities and resolve them
    again against the rest of the archive, as store_batch does (rolled back afterwards)."""
    from chronik.archive.resolver import EntityResolver

    keys = [k for (k,) in archive.db.execute("SELECT key FROM documents ORDER BY key DESC LIMIT ?", (count,))]
    seconds = 0.0
    try:
        with archive.writing():
            for start in range(0, len(keys), 64):  # ingest's default batch size
                batch = keys[start : start + 64]
                started = time.perf_counter()
                resolver = EntityResolver(archive.db)
                resolver.forget(batch)
                resolver.resolve(batch)
                seconds += time.perf_counter() - started
            raise _RollBack
    except _RollBack:
        pass
    return f"resolve at ingest: {len(keys)} articles in {seconds:.2f} s ({seconds / max(len(keys), 1) * 1000:.1f} ms/article)"


if __name__ == "__main__":
    main()
