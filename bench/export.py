"""Benchmark: `chronik export` of a million rows — speed and peak memory.

Builds an archive whose `timexes` table holds at least --rows rows: the
bundled sample articles are analysed once with the default pipeline, then
stored again and again through the Archive API under other dates (every
copy a distinct article with its own id), each copy's time expressions
repeated --repeat times so that a million rows do not need 100,000
articles.  Every row is a real row of a real sample (text, value,
interval, anchor, and the sentence it stands in, joined at export time).

Then runs `chronik export --what WHAT` once per format in a subprocess and
records rows, seconds, rows/s and the subprocess's peak RSS (GNU time's
%M, /usr/bin/time).  Two references put the peak RSS in proportion:

* floor: the same export with a date range that selects no row (Python,
  chronik, the archive driver and pyarrow loaded, nothing written);
* held: a process that only reads the same rows into a list, as a
  fetchall() would (the memory a non-streaming export needs before it
  writes its first row).

    nice -n 10 .venv/bin/python bench/export.py --db bench/out/export.db --rows 1000000
    nice -n 10 .venv/bin/python bench/export.py --db postgresql://127.0.0.1:5432/test --rows 1000000
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHRONIK = [sys.executable, "-m", "chronik"]
FORMATS = ("jsonl", "csv", "parquet")

HOLD = """
import sys
from chronik.archive import open_archive
from chronik.export import export_rows
with open_archive(sys.argv[1]) as archive:
    rows = list(export_rows(archive, sys.argv[2]))
print(len(rows))
"""


def stored_rows(db: str, table: str) -> int:
    from chronik.archive import open_archive

    try:
        with open_archive(db) as archive:
            return archive.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    except Exception:  # noqa: BLE001 — no archive yet
        return 0


def build_archive(db: str, rows: int, repeat: int, batch: int) -> dict:
    from chronik.archive import ArticleToStore, open_archive
    from chronik.document import Document
    from replicate import redated_copy
    from chronik.pipeline import default_pipeline
    from chronik.readers import iter_documents

    started = time.perf_counter()
    pipeline = default_pipeline()
    docs = [d for _, d in iter_documents([str(ROOT / "chronik" / "samples")]) if isinstance(d, Document)]
    analysed = [pipeline(doc) for doc in docs]
    analyse_s = time.perf_counter() - started
    started = time.perf_counter()
    with open_archive(db, create=True) as archive:
        have = archive.db.execute("SELECT COUNT(*) FROM timexes").fetchone()[0]
        n = archive.stats().articles  # resumable: copies are numbered
        pending = []
        while have < rows:
            analysis = redated_copy(analysed, n)
            analysis.layers["timexes"] = list(analysis.layers.get("timexes", [])) * repeat
            pending.append(ArticleToStore(analysis, analysis.document.source))
            have += len(analysis.layers["timexes"])
            n += 1
            if len(pending) >= batch:
                archive.store_batch(pending)
                pending = []
        archive.store_batch(pending)
        articles = archive.stats().articles
    return {"articles": articles, "analyse_s": analyse_s, "store_s": time.perf_counter() - started}


def measure(argv: list[str]) -> tuple[float, float, int, str, str]:
    """Run a command; return (seconds, CPU seconds, peak RSS in MB, stdout, stderr).

    The peak comes from /usr/bin/time (GNU time, %M): a small process forks
    the command, so the figure is the command's own.  wait4() from this
    process would not do: Linux carries the high-water mark of the forking
    process's memory (this one, with the pipeline loaded) into the child.
    """
    with tempfile.NamedTemporaryFile("r") as report:
        started = time.perf_counter()
        process = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", report.name, *argv],
                                 capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - started
        peak_kb, user, system = report.read().strip().splitlines()[-1].split()
    if process.returncode:
        sys.exit(f"bench/export.py: {' '.join(argv)} failed:\n{process.stderr}")
    return seconds, float(user) + float(system), int(peak_kb) // 1024, process.stdout, process.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=str(ROOT / "bench" / "out" / "export.db"), help="archive file or PostgreSQL URL")
    parser.add_argument("--rows", type=int, default=1_000_000, help="timexes rows to build (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=20, help="copies of each time expression per article (default 20)")
    parser.add_argument("--batch", type=int, default=200, help="articles per store_batch (default 200)")
    parser.add_argument("--what", default="timexes", help="what to export (default timexes)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out"), help="folder for the exported files")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated formats (default all)")
    parser.add_argument("--no-hold", action="store_true", help="skip the hold-all-rows reference")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if "://" not in args.db:
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).mkdir(parents=True, exist_ok=True)

    if stored_rows(args.db, "timexes") < args.rows:
        built = build_archive(args.db, args.rows, args.repeat, args.batch)
        print(f"built: {built['articles']:,} articles (analyse {built['analyse_s']:.1f} s, "
              f"store {built['store_s']:.1f} s)", flush=True)
    total = stored_rows(args.db, args.what if args.what != "articles" else "documents")
    print(f"archive {args.db}: {total:,} {args.what} rows", flush=True)

    results = []
    formats = args.formats.split(",")
    for fmt in formats:
        seconds, cpu, rss, _, err = measure([*CHRONIK, "export", "--db", args.db, "--format", fmt, "--what", args.what,
                                             "--from", "1900", "--to", "1900", "--force",
                                        str(Path(args.out) / f"floor.{fmt}")])
        results.append((f"floor: --format {fmt}, no row selected", 0, seconds, cpu, rss))
        print(f"floor {fmt}: {rss} MB peak RSS, {seconds:.1f} s", flush=True)
    for fmt in formats:
        target = Path(args.out) / f"{args.what}.{fmt}"
        seconds, cpu, rss, _, err = measure([*CHRONIK, "export", "--db", args.db, "--format", fmt, "--what",
                                             args.what, "--force", str(target)])
        rows = int(re.search(r"exported ([\d,]+) ", err).group(1).replace(",", ""))
        size = target.stat().st_size / 1e6
        results.append((f"export --format {fmt} ({size:,.0f} MB)", rows, seconds, cpu, rss))
        print(f"{fmt}: {rows:,} rows in {seconds:.1f} s ({cpu:.1f} CPU s) = {rows / seconds:,.0f} rows/s, "
              f"peak RSS {rss} MB, file {size:,.0f} MB", flush=True)
    if not args.no_hold:
        seconds, cpu, rss, out, _ = measure([sys.executable, "-c", HOLD, args.db, args.what])
        results.append(("held: list(rows), nothing written", int(out.strip()), seconds, cpu, rss))
        print(f"held: {int(out):,} rows in a list: peak RSS {rss} MB, {seconds:.1f} s", flush=True)

    # rows/s over wall time and over CPU time: the machine may be shared.
    print("\n| run | rows | wall s | CPU s | rows/s (wall) | rows/s (CPU) | peak RSS (MB) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, rows, seconds, cpu, rss in results:
        wall_rate = f"{rows / seconds:,.0f}" if rows else "–"
        cpu_rate = f"{rows / cpu:,.0f}" if rows and cpu else "–"
        print(f"| {name} | {rows:,} | {seconds:.1f} | {cpu:.1f} | {wall_rate} | {cpu_rate} | {rss} |")


if __name__ == "__main__":
    main()
