"""Benchmark: ingest rate, re-ingest speed-up, peak memory, search latency.

Builds a JSONL feed of N articles from 10kGNAD (../shared/data/corpus/
10kgnad-test.csv, 1,028 Austrian news articles): copies get a different
date and a rotated sentence order, so every copy is a distinct article with
its own id.  Then runs ``chronik ingest`` twice in a subprocess (first
ingest, then the unchanged re-ingest) and measures search latency on the
resulting archive in-process.

    .venv/bin/python bench/ingest.py --articles 2000
    .venv/bin/python bench/ingest.py --articles 100000 --workers 2 --record

Targets: re-ingest >= 20x faster than the first ingest; peak memory < 1 GB
for 100,000 articles; median search latency < 20 ms.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "10kgnad-test.csv"
RESULTS = ROOT / "bench" / "RESULTS.md"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])")
FIRST_DATE = _dt.date(2015, 1, 1)
DAYS = 3650

# Typical archive searches: single words, plurals, compounds, phrases.
QUERIES = [
    "Regierung", "Gespräche", "Wahl", "Flüchtlinge", "Polizei", "Bundeskanzler",
    "Euro", "Gericht", "Opposition Kritik", '"Europäische Union"', "Koalition",
    "Steuern", "Fußball", "Spiel", "Unternehmen Gewinn", "Studie", "Bürgermeister",
    "Schule", "Osterweiterung", "Präsident sagte",
]
DATE_FILTERS = [(None, None), ("2018", "2019-06"), ("2021-03-01", None)]


def load_corpus() -> list[str]:
    if not CORPUS.is_file():
        sys.exit(f"bench/ingest.py: {CORPUS} not found; clone the project beside ../shared")
    with CORPUS.open(encoding="utf-8") as handle:
        return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) >= 2]


def variant(text: str, copy: int) -> str:
    if copy == 0:
        return text
    sentences = _SENTENCE_END.split(text)
    k = copy % len(sentences)
    return " ".join(sentences[k:] + sentences[:k])


def write_feed(path: Path, articles: int) -> None:
    texts = load_corpus()
    with path.open("w", encoding="utf-8") as feed:
        for n in range(articles):
            copy, i = divmod(n, len(texts))
            date = FIRST_DATE + _dt.timedelta(days=(n * 7919) % DAYS)
            record = {"date": date.isoformat(), "title": f"Artikel {n}", "text": variant(texts[i], copy)}
            feed.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_ingest(feed: Path, db: Path, args: argparse.Namespace) -> tuple[float, str]:
    command = [sys.executable, "-m", "chronik", "ingest", str(feed), "--db", str(db),
               "--batch-size", str(args.batch_size), "--workers", str(args.workers)]
    if args.pipeline:
        command += ["--pipeline", args.pipeline]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, done.stdout.strip()


def search_latency(db: Path, repeats: int) -> dict[str, float]:
    from chronik.archive import DateRange, open_archive
    from chronik.document import PartialDate

    timings: list[float] = []
    hits = 0
    with open_archive(db) as archive:
        for query in QUERIES:  # warm the page cache once
            archive.search(query, limit=20)
        for _ in range(repeats):
            for query in QUERIES:
                for start, end in DATE_FILTERS:
                    dates = DateRange(PartialDate.parse(start), PartialDate.parse(end))
                    t0 = time.perf_counter()
                    hits += len(archive.search(query, dates, limit=20))
                    timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    return {
        "searches": len(timings),
        "median_ms": statistics.median(timings),
        "p95_ms": timings[int(len(timings) * 0.95) - 1],
        "max_ms": timings[-1],
        "mean_hits": hits / len(timings),
    }


def stats(db: Path) -> dict:
    from chronik.archive import open_archive

    with open_archive(db) as archive:
        return archive.stats().to_dict()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--pipeline", help="components for `chronik ingest --pipeline` (default: the default pipeline)")
    parser.add_argument("--repeats", type=int, default=5, help="rounds over the query set")
    parser.add_argument("--dir", type=Path, help="keep the feed and archive here (default: a temporary folder)")
    parser.add_argument("--record", action="store_true", help="append the results to bench/RESULTS.md")
    parser.add_argument("--search-only", action="store_true", help="only measure search on the archive kept in --dir")
    args = parser.parse_args()
    if args.search_only:
        if not args.dir or not (args.dir / "bench.db").is_file():
            sys.exit("bench/ingest.py: --search-only needs --dir with a bench.db from an earlier run")
        counts = stats(args.dir / "bench.db")
        print(f"{counts['articles']:,} articles, {counts['sentences']:,} sentences")
        print(search_latency(args.dir / "bench.db", args.repeats))
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        feed, db = folder / "feed.jsonl", folder / "bench.db"
        for stale in folder.glob("bench.db*"):
            stale.unlink()
        write_feed(feed, args.articles)
        first, first_out = run_ingest(feed, db, args)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        again, again_out = run_ingest(feed, db, args)
        if f"unchanged {args.articles}," not in again_out:
            # The pipeline version changed between the two runs (a component
            # was updated meanwhile): the second run re-analysed articles.
            print(f"warning: the re-ingest was not a no-op: {again_out}", file=sys.stderr)
        counts = stats(db)
        latency = search_latency(db, args.repeats)
        size_mb = sum(p.stat().st_size for p in folder.glob("bench.db*")) / 2**20

    command = "python bench/ingest.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    lines = [
        f"### Archive ingest and search ({_dt.date.today().isoformat()})",
        "",
        f"Command: `{command}`",
        "",
        f"* feed: {args.articles:,} articles from 10kGNAD (copies re-dated, sentences rotated), "
        f"{counts['tokens']:,} tokens, {counts['sentences']:,} sentences; pipeline {args.pipeline or 'default'} = {', '.join(counts['pipeline_versions'])}",
        f"* first ingest: {first:.1f} s = {args.articles / first:.1f} articles/s, "
        f"{counts['tokens'] / first:,.0f} tokens/s (workers {args.workers}, batch {args.batch_size}; `{first_out}`)",
        f"* re-ingest, nothing changed: {again:.1f} s = {first / again:.0f}x faster (target >= 20x; `{again_out}`)",
        f"* peak memory of one ingest process (max RSS): {peak_mb:,.0f} MB (target < 1 GB at 100,000 articles)",
        f"* archive size: {size_mb:,.0f} MB",
        f"* search, {latency['searches']} searches ({len(QUERIES)} queries x {len(DATE_FILTERS)} date filters "
        f"x {args.repeats}, limit 20): median {latency['median_ms']:.1f} ms, p95 {latency['p95_ms']:.1f} ms, "
        f"max {latency['max_ms']:.1f} ms (target median < 20 ms); {latency['mean_hits']:.1f} hits per search",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    if args.record:
        with RESULTS.open("a", encoding="utf-8") as results:
            results.write("\n" + report)


if __name__ == "__main__":
    main()
