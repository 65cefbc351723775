"""Events: precision and recall on our hand-written gold sentences, and speed.

    .venv/bin/python bench/events.py            # scores + speed
    .venv/bin/python bench/events.py --speed    # speed only
    .venv/bin/python bench/events.py --errors   # also print every mismatch
    .venv/bin/python bench/events.py --gold tests/extract/data/events_check.jsonl

Gold: ``tests/extract/data/events_gold.jsonl`` (42 sentences written for
chronik, guideline in ``events_gold.md``); the rules were improved while
looking at its errors, so its numbers are in-sample.
``events_check.jsonl`` (16 sentences) was written and annotated after the
rules and scored without changing them afterwards: the honest estimate.  A predicted event matches a
gold event of the same sentence and type (greedy, in order).  Scores:
type; actor, target, status each correct on a matched event; and "typed
events with correct actor and target" (all three right).  An entity is
right when the gold name equals the predicted canonical name or the text
as written; ``null`` must be predicted as no entity.

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
from chronik.pipeline import Pipeline  # noqa: E402

GOLD = ROOT / "tests" / "extract" / "data" / "events_gold.jsonl"
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "10kgnad-test.csv"
BEFORE = ("text", "time", "entities", "roles", "links", "quotes")
FIELDS = ("type", "actor", "target", "status", "full")


def _same_entity(gold: str | None, pred) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return gold.lower() in (pred.name.lower(), pred.text.lower())


def _match(gold_events: list[dict], predicted: list) -> list[tuple[dict, object]]:
    pairs, free = [], list(predicted)
    for gold in gold_events:
        hit = next((p for p in free if p.type == gold["type"]), None)
        if hit is not None:
            free.remove(hit)
            pairs.append((gold, hit))
    return pairs


def scores(show_errors: bool, gold_path: Path = GOLD) -> dict[str, tuple[float, float]]:
    pipeline, layer = Pipeline(list(BEFORE)), EventLayer("de")
    correct = dict.fromkeys(FIELDS, 0)
    n_gold = n_pred = 0
    for line in gold_path.read_text("utf-8").splitlines():
        record = json.loads(line)
        analysis = pipeline(Document.from_text(record["text"], record["date"]))
        layer(analysis)
        predicted = analysis.layers["events"]
        n_gold += len(record["events"])
        n_pred += len(predicted)
        for gold, pred in _match(record["events"], predicted):
            ok = {
                "type": True,
                "actor": _same_entity(gold["actor"], pred.actor),
                "target": _same_entity(gold["target"], pred.target),
                "status": gold["status"] == pred.status,
            }
            ok["full"] = ok["actor"] and ok["target"]
            for name in FIELDS:
                correct[name] += ok[name]
            if show_errors and not all(ok.values()):
                print(f"{record['id']}: gold {gold} | pred {pred.type} {pred.actor and pred.actor.name}"
                      f" -> {pred.target and pred.target.name} {pred.status}")
        if show_errors and len(predicted) != len(record["events"]):
            print(f"{record['id']}: {len(record['events'])} gold, {len(predicted)} predicted:",
                  [(e.type, e.trigger) for e in predicted])
    result = {name: (correct[name] / max(n_pred, 1), correct[name] / max(n_gold, 1)) for name in FIELDS}
    print(f"gold events {n_gold}, predicted {n_pred}")
    print(f"{'':8} {'P':>6} {'R':>6}")
    for name, (p, r) in result.items():
        print(f"{name:8} {100 * p:6.1f} {100 * r:6.1f}")
    return result


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
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold JSONL (default: %(default)s)")
    args = parser.parse_args()
    if not args.speed:
        scores(args.errors, args.gold)
    speed()


if __name__ == "__main__":
    main()
