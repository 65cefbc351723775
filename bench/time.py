"""Temporal tagger: accuracy on KRAUTS Dolomiten (ours vs HeidelTime's shipped
output, same scorer), WikiWarsDE, and speed per article.

    .venv/bin/python bench/time.py            # everything
    .venv/bin/python bench/time.py --speed    # speed only
    .venv/bin/python bench/time.py --when 1028  # `chronik when` on an archive of 10kGNAD articles

Needs ../shared/data/temporal (KRAUTS Dolomiten parts, WikiWarsDE).  The
held-back KRAUTS "Die Zeit" part is not used.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronik.document import Document, PartialDate  # noqa: E402
from chronik.extract.time import TimeTagger  # noqa: E402
from chronik.formats.timeml import annotate_dir  # noqa: E402
from chronik.formats.timex2 import read_timex2  # noqa: E402
from chronik.pipeline import Pipeline  # noqa: E402
from chronik.scoring.timeml import TimexScores, merge, score_dirs, score_document  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "temporal"
EXAMPLE = ROOT.parent / "shared" / "examples" / "videogipfel-2021-12.txt"
KRAUTS_PARTS = ("KRAUTS_Dolomiten-100", "KRAUTS_Dolomiten-42")


def _row(name: str, s: TimexScores) -> str:
    return (
        f"| {name} | {s.gold} | {s.predicted} | {100 * s.strict.f1:.1f} | {100 * s.relaxed.f1:.1f} "
        f"| {100 * s.value.f1:.1f} | {100 * s.type_accuracy:.1f} |"
    )


def krauts() -> list[str]:
    header = ["| part / system | gold | predicted | strict F1 | relaxed F1 | value F1 | type acc |", "|---|---|---|---|---|---|---|"]
    rows, ours_all, theirs_all = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for part in KRAUTS_PARTS:
            gold = DATA / "krauts" / part
            out = Path(tmp) / part
            annotate_dir(DATA / "krauts" / f"{part}_raw-text", out)
            ours = score_dirs(gold, out)
            theirs = score_dirs(gold, DATA / "krauts" / f"{part}_Heideltime")
            ours_all.append(ours)
            theirs_all.append(theirs)
            rows += [_row(f"{part} chronik", ours), _row(f"{part} HeidelTime", theirs)]
    rows += [_row("both parts chronik", merge(ours_all)), _row("both parts HeidelTime", merge(theirs_all))]
    return header + rows


def wikiwars() -> list[str]:
    files = sorted((DATA / "wikiwarsde" / "keyinline").glob("*.xml"))
    header = ["| WikiWarsDE mode | gold | predicted | strict F1 | relaxed F1 | value F1 |", "|---|---|---|---|---|---|"]
    rows = []
    text_layer = Pipeline(["text"])  # sentences, STTS tags and lemmas, as in an ingest
    documents = [read_timex2(path) for path in files]
    analyses = [text_layer(Document(text=d.plain, date=d.dct)) for d in documents]
    for label, narrative in (("news (article-date anchor)", False), ("narrative (history anchor)", True)):
        tagger = TimeTagger("de", narrative_months=narrative)
        scores = TimexScores(has_types=False)
        for document, analysis in zip(documents, analyses):
            sentences = [(s.start, s.end) for s in analysis.sentences]
            predicted = tagger.tag(document.plain, document.dct, sentences, analysis.tokens)
            score_document(scores, document.timexes, predicted)
        rows.append(
            f"| {label} | {scores.gold} | {scores.predicted} | {100 * scores.strict.f1:.1f} "
            f"| {100 * scores.relaxed.f1:.1f} | {100 * scores.value.f1:.1f} |"
        )
    return header + rows


def speed(repeats: int = 200) -> list[str]:
    from chronik.readers.dated import parse_dated

    document = parse_dated(EXAMPLE.read_text("utf-8"), EXAMPLE)
    tokens = len(document.text.split())
    # The time component alone, given the text layer's sentences and tagged
    # tokens (as in the pipeline, where the text layer runs first).
    analysis = Pipeline(["text"])(document)
    sentences = [(s.start, s.end) for s in analysis.sentences]
    tagger = TimeTagger("de")
    tagger.tag(document.text, document.date, sentences, analysis.tokens)  # warm: word lists and patterns load once
    timings, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        tagger.tag(document.text, document.date, sentences, analysis.tokens)
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    median = statistics.median(timings) * 1000
    lines = [
        f"example article ({tokens} whitespace tokens, {len(document.text)} chars): "
        f"wall median {median:.2f} ms, min {min(timings) * 1000:.2f} ms; "
        f"CPU median {statistics.median(cpu) * 1000:.2f} ms over {repeats} runs (one thread, warm)"
    ]
    texts = [p.read_text("utf-8") for p in sorted((DATA / "krauts" / "KRAUTS_Dolomiten-100_raw-text").iterdir())]
    start = time.perf_counter()
    for text in texts:
        tagger.tag(text, "2015-01-01")
    elapsed = time.perf_counter() - start
    lines.append(f"KRAUTS Dolomiten-100 raw files: {1000 * elapsed / len(texts):.2f} ms per file ({len(texts)} files)")
    return lines


def when(count: int, repeats: int = 20) -> list[str]:
    """`chronik when` query time on a temporary archive of 10kGNAD articles,
    article i dated 2021-01-01 + i/3 days (the corpus has no dates)."""
    import csv
    import datetime as dt

    from chronik.archive import ArticleToStore, open_archive
    from chronik.archive.timeline import sentences_between

    corpus = ROOT.parent / "shared" / "data" / "corpus" / "10kgnad-test.csv"
    with corpus.open(encoding="utf-8", newline="") as handle:
        texts = [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) >= 2][:count]
    pipeline = Pipeline(["text", "time"])
    first = dt.date(2021, 1, 1)
    with tempfile.TemporaryDirectory() as tmp, open_archive(Path(tmp) / "when.db", create=True) as archive:
        analyses = [
            pipeline(Document(text=text, date=PartialDate.parse((first + dt.timedelta(days=i // 3)).isoformat())))
            for i, text in enumerate(texts)
        ]
        archive.store_batch([ArticleToStore(a, f"gnad/{i}.txt") for i, a in enumerate(analyses)])
        timexes = sum(len(a.layers["timexes"]) for a in analyses)
        lines = [f"archive: {len(texts)} articles, {timexes} timexes"]
        for label, low, high in (("5 days", dt.date(2021, 3, 6), dt.date(2021, 3, 10)),
                                 ("1 month", dt.date(2021, 3, 1), dt.date(2021, 3, 31))):
            timings, found = [], []
            for _ in range(repeats):
                start = time.process_time()
                found = sentences_between(archive, low, high, limit=50)
                timings.append(time.process_time() - start)
            lines.append(f"when {low}..{high} ({label}): {len(found)} sentences, "
                         f"CPU median {statistics.median(timings) * 1000:.2f} ms over {repeats} runs")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", action="store_true", help="only measure speed")
    parser.add_argument("--when", type=int, metavar="N", help="only time `chronik when` on N 10kGNAD articles")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"shared data not found at {DATA}")
    if args.when:
        print("\n".join(when(args.when)))
        return
    if not args.speed:
        print("\n".join(krauts()))
        print()
        print("\n".join(wikiwars()))
        print()
    print("\n".join(speed()))


if __name__ == "__main__":
    main()
