"""Events: precision and recall on our hand-written gold sets, and speed.

    .venv/bin/python bench/events.py            # every gold set + speed
    .venv/bin/python bench/events.py --speed    # speed only
    .venv/bin/python bench/events.py --errors   # also print every mismatch (dev sets only)
    .venv/bin/python bench/events.py --gold tests/extract/data/events_articles_dev.jsonl

Gold sets (all written for chronik, scored with :mod:`chronik.scoring.events`,
the scorer of ``chronik score --format events``):

* ``events_gold.jsonl``: 42 single sentences (guideline ``events_gold.md``);
  the rules were improved while looking at its errors: in-sample.
* ``events_check.jsonl``: 16 sentences written after the rules, never
  tuned on.
* ``events_articles_dev.jsonl``: 30 whole articles (guideline
  ``events_articles.md``), the development set of the article-level measure.
* ``events_articles_dev2.jsonl``: 11 further articles written and annotated
  by another engineer before running the extractor on them; out-of-sample
  on its first run, a second development set since.
* ``events_articles_dev3.jsonl``: 13 further articles (d01-d13) written and
  annotated by another engineer before running the extractor on them (stop
  12); out-of-sample on its first run, a third development set since.
* ``events_articles_check.jsonl``: further articles, measuring only: never
  read while tuning; ``--errors`` never prints its mismatches.

A predicted event matches the gold event of the same record and type that
it agrees with best; type, actor, target, date, status and "full" (type,
actor and target right: the issue's measure, P >= 85, R >= 70) in
precision and recall, and per type.

Speed: the events component alone (CPU time), after the rest of the
pipeline, on the first 150 articles of ``../shared/data/corpus/10kgnad-test.csv``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronik.document import Document  # noqa: E402
from chronik.extract.events import EventLayer  # noqa: E402
from chronik.formats.events import event_record, read_records  # noqa: E402
from chronik.pipeline import Pipeline  # noqa: E402
from chronik.scoring.events import EventScores, score_records  # noqa: E402

DATA = ROOT / "tests" / "extract" / "data"
GOLD = DATA / "events_gold.jsonl"
SETS = ("events_gold.jsonl", "events_check.jsonl", "events_articles_dev.jsonl", "events_articles_dev2.jsonl",
        "events_articles_dev3.jsonl", "events_articles_check.jsonl")
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "10kgnad-test.csv"
BEFORE = ("text", "time", "entities", "roles", "links", "quotes")


def scores(show_errors: bool, gold_path: Path = GOLD) -> EventScores:
    """Annotate the gold records and score them with ``chronik score --format events``'s scorer."""
    pipeline, layer = Pipeline(list(BEFORE)), EventLayer("de")
    gold, pred = {}, {}
    for record in read_records(gold_path):
        analysis = pipeline(Document.from_text(record["text"], record["date"]))
        layer(analysis)
        gold[record["id"]] = record
        pred[record["id"]] = {**record, "events": [event_record(e) for e in analysis.layers["events"]]}
        if show_errors:
            _show(record, pred[record["id"]]["events"])
    result = EventScores()
    score_records(gold, pred, result)
    print(result)
    return result


def _show(record: dict, predicted: list[dict]) -> None:
    brief = lambda e: (e["type"], e.get("actor"), e.get("target"), e.get("status"), e.get("when"))  # noqa: E731
    gold = sorted(map(brief, record["events"]), key=str)
    found = sorted(map(brief, predicted), key=str)
    if gold != found:
        print(f"{record['id']}: gold {gold}\n     pred {found}")


def speed(articles: int = 150) -> None:
    if not CORPUS.exists():
        print(f"speed: {CORPUS} missing, skipped")
        return
    pipeline, layer = Pipeline(list(BEFORE)), EventLayer("de")
    csv.field_size_limit(10**8)
    analyses = []
    with CORPUS.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter=";", quotechar="'"):
            if len(analyses) >= articles:
                break
            if len(row) == 2 and row[1].strip():
                analyses.append(pipeline(Document.from_text(row[1], "2019")))
    tokens = sum(len(a.tokens) for a in analyses)
    start = time.process_time()
    events = 0
    for analysis in analyses:
        layer(analysis)
        events += len(analysis.layers["events"])
    seconds = time.process_time() - start
    print(f"speed: {len(analyses)} articles, {tokens} tokens, {events} events, "
          f"{seconds:.2f} s CPU, {tokens / seconds:,.0f} tokens/s (events layer alone)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", action="store_true", help="only measure speed")
    parser.add_argument("--errors", action="store_true", help="print every mismatch")
    parser.add_argument("--gold", type=Path, help="one gold JSONL (default: every set in tests/extract/data)")
    args = parser.parse_args()
    if not args.speed:
        for path in [args.gold] if args.gold else [DATA / name for name in SETS]:
            if not path.exists():
                print(f"{path.name}: missing, skipped")
                continue
            print(f"== {path.name}")
            # the check sets are for measuring only: never print their errors
            scores(args.errors and "check" not in path.name, path)
    speed()


if __name__ == "__main__":
    main()
