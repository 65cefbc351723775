"""Do two versions of the web's search return the same hits?  Dumps the hits of
one-word queries drawn from the archive's sentences, with the bench's three
date filters and two depths, to a JSON file, or compares them with an earlier dump.

    .venv/bin/python bench/web_search_same.py --db /tmp/web100k/web.db --out /tmp/before.json
    .venv/bin/python bench/web_search_same.py --db /tmp/web100k/web.db --out /tmp/after.json --compare /tmp/before.json
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from chronik.archive.base import DateRange  # noqa: E402
from chronik.document import PartialDate  # noqa: E402
from chronik.web.state import ServerSettings, WebState  # noqa: E402

FILTERS = [(None, None), ("2015", "2016-06"), ("2020-03-01", None), ("2019-07-15", "2019-08")]


def queries(db: str, count: int) -> list[str]:
    rng = random.Random(1)
    out = []
    for (text,) in sqlite3.connect(db).execute("SELECT text FROM sentences LIMIT 3000"):
        words = [t.strip('.,;:!?"()') for t in text.split() if len(t) > 4]
        if words:
            out.append(rng.choice(words))
    return out[:count]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--compare")
    ap.add_argument("--queries", type=int, default=500)
    args = ap.parse_args()
    state = WebState(ServerSettings(db=args.db))
    result: dict[str, list] = {}
    started = time.process_time()
    for text in queries(args.db, args.queries):
        for start, end in FILTERS:
            dates = DateRange(PartialDate.parse(start), PartialDate.parse(end))
            for limit in (21, 201):
                hits = state.search(text, dates, limit)
                result[f"{text}|{start}|{end}|{limit}"] = [(h["doc_id"], h["sentence_index"], h["score"]) for h in hits]
    print(f"{len(result)} searches, {(time.process_time() - started) / len(result) * 1000:.2f} ms CPU each")
    Path(args.out).write_text(json.dumps(result))
    if args.compare:
        before = json.loads(Path(args.compare).read_text())
        before = {k: [tuple(h) for h in v] for k, v in before.items()}
        after = {k: [tuple(h) for h in v] for k, v in result.items()}
        differ = [k for k in before if before[k] != after.get(k)]
        print(f"{len(differ)} of {len(before)} searches differ", *differ[:10], sep="\n  ")


if __name__ == "__main__":
    main()
