"""Benchmark: how fast the readers turn files into Documents.

Writes the 1,028 articles of 10kGNAD (../shared/data/corpus/10kgnad-test.csv)
to a temporary folder in each input form — dated text files, one JSONL file,
HTML pages — and times ``iter_documents`` over them; then times how long a
sparse 200 MB file takes to be refused (the size check must not read it).

    .venv/bin/python bench/readers.py
    .venv/bin/python bench/readers.py --copies 5 --record
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import shlex
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "10kgnad-test.csv"
RESULTS = ROOT / "bench" / "RESULTS.md"

from chronik.readers import iter_documents  # noqa: E402


def load_corpus() -> list[str]:
    if not CORPUS.is_file():
        sys.exit(f"bench/readers.py: {CORPUS} not found; clone the project beside ../shared")
    with CORPUS.open(encoding="utf-8") as handle:
        return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) >= 2]


def write_inputs(folder: Path, texts: list[str]) -> dict[str, Path]:
    dated, pages = folder / "dated", folder / "html"
    dated.mkdir()
    pages.mkdir()
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as feed:
        for n, text in enumerate(texts):
            date = f"2016-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
            (dated / f"a{n:06d}.txt").write_text(f"date {date} {text}\n", encoding="utf-8")
            feed.write(json.dumps({"id": n, "date": date, "text": text}, ensure_ascii=False) + "\n")
            paragraphs = "".join(f"<p>{html.escape(part)}</p>" for part in text.split(". "))
            (pages / f"a{n:06d}.html").write_text(
                f'<html><head><meta property="article:published_time" content="{date}"></head>'
                f"<body><nav>Startseite</nav><article>{paragraphs}</article></body></html>",
                encoding="utf-8",
            )
    return {"dated text": dated, "jsonl": folder / "feed.jsonl", "html": pages}


def time_reading(path: Path) -> tuple[int, int, float]:
    start = time.perf_counter()
    good = bad = 0
    for _name, result in iter_documents(path):
        if hasattr(result, "text"):
            good += 1
        else:
            bad += 1
    return good, bad, time.perf_counter() - start


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in ([path] if path.is_file() else path.iterdir()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1, help="repeat the corpus this many times")
    parser.add_argument("--record", action="store_true", help="append the table to bench/RESULTS.md")
    args = parser.parse_args()
    texts = load_corpus() * args.copies
    lines = [f"| input | articles | errors | MB | seconds | articles/s | MB/s |", "|---|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        inputs = write_inputs(Path(tmp), texts)
        for label, path in inputs.items():
            good, bad, seconds = time_reading(path)
            mb = size_of(path) / 1e6
            lines.append(f"| {label} | {good} | {bad} | {mb:.1f} | {seconds:.2f} | {good / seconds:,.0f} | {mb / seconds:.1f} |")
        huge = Path(tmp) / "huge.txt"
        with huge.open("wb") as handle:
            handle.truncate(200 * 1024 * 1024)
        start = time.perf_counter()
        [(_, error)] = list(iter_documents(huge))
        refusal_ms = (time.perf_counter() - start) * 1000
    lines.append("")
    lines.append(f"200 MB sparse file refused in {refusal_ms:.2f} ms: {error}")
    report = "\n".join(lines)
    print(report)
    if args.record:
        command = "python bench/readers.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
        with RESULTS.open("a", encoding="utf-8") as out:
            out.write(f"\n## Readers ({time.strftime('%Y-%m-%d')})\n\n`{command.strip()}`\n\n{report}\n")


if __name__ == "__main__":
    main()
