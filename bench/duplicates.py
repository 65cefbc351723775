"""Near-duplicate grouping: speed and how many planted copies are found.

    .venv/bin/python bench/duplicates.py [--threshold 0.8]

Corpus: the 1,028 articles of ``../shared/data/corpus/10kgnad-test.csv``.
For every tenth article a "syndicated copy" is planted: a new first line
(headline) and its middle sentence replaced by a made-up one.  Reported:
signature + grouping time (CPU), planted copies grouped with their original,
and groups that are not planted pairs (the corpus's own near-copies or
false groups; printed so they can be checked by eye).
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from pathlib import Path

from chronik.chronicle.near_duplicates import DEFAULT_THRESHOLD, ArticleRef, group_near_duplicates

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "10kgnad-test.csv"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def load() -> list[str]:
    csv.field_size_limit(10**8)
    with CORPUS.open(encoding="utf-8") as handle:
        return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]


def planted_copy(text: str) -> str:
    sentences = _SENTENCE_END.split(text)
    sentences[len(sentences) // 2] = "Das teilte eine Sprecherin am Abend auf Anfrage mit."
    return "Neue Überschrift für die Kopie\n\n" + " ".join(sentences)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    threshold = parser.parse_args().threshold
    texts = load()
    articles = [(ArticleRef(f"a{i}", None, ""), text) for i, text in enumerate(texts)]
    planted = [(ArticleRef(f"c{i}", None, ""), planted_copy(text)) for i, text in enumerate(texts) if i % 10 == 0]
    start = time.process_time()
    groups = group_near_duplicates(articles + planted, threshold)
    seconds = time.process_time() - start
    found = sum(1 for g in groups if {a.doc_id[1:] for a in g.articles} and any(a.doc_id.startswith("c") for a in g.articles)
                and len({a.doc_id[1:] for a in g.articles}) == 1)
    other = [g for g in groups if not any(a.doc_id.startswith("c") for a in g.articles)]
    print(f"articles: {len(articles) + len(planted)} ({len(planted)} planted copies), threshold {threshold}")
    print(f"time: {seconds:.2f} s CPU ({seconds / (len(articles) + len(planted)) * 1000:.1f} ms per article)")
    print(f"planted copies grouped with exactly their original: {found}/{len(planted)}")
    print(f"other groups: {len(other)}")
    for group in other:
        ids = [a.doc_id for a in group.articles]
        print(f"  {ids} similarity >= {group.similarity:.2f}: {texts[int(ids[0][1:])][:70]!r}")


if __name__ == "__main__":
    main()
