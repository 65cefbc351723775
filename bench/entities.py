"""Benchmark: the entity read commands, in-process (no interpreter start-up).

    .venv/bin/python bench/entities.py --db c.db --name Faymann

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


if __name__ == "__main__":
    main()
