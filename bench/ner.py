"""NER speed: tokens per second of the CRF entity tagger on one core.

    .venv/bin/python bench/ner.py [--repeat 3]

Input: the sentences of ../shared/data/ner/germeval2014/NER-de-dev.tsv
(41,653 tokens), POS-tagged beforehand by chronik's tagger, so that the
number is the entity tagger alone (features + CRF decoding), as it runs
inside the pipeline after the text layer.  The first pass warms the word
feature cache like a long-running ingest would; the best of --repeat
passes is reported, plus the cold first pass.  Times are CPU time of this
process (time.process_time), so that other work on a shared machine does
not count; wall-clock rates are printed beside them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronik.extract.entities import EntityTagger  # noqa: E402
from chronik.extract.tagger import load_tagger  # noqa: E402
from chronik.scoring.germeval import read_outer_tags  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "ner" / "germeval2014" / "NER-de-dev.tsv"
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "10kgnad-test.csv"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", type=int, default=300, help="10kGNAD articles for the component timing")
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"{DATA} not found: put ../shared beside the project", file=sys.stderr)
        return 2
    pos = load_tagger("de")
    sentences = [(words, pos.tag(words)[0]) for words, _ in read_outer_tags(DATA)]
    tokens = sum(len(words) for words, _ in sentences)
    ner = EntityTagger("de")
    cpu, wall = [], []
    for _ in range(args.repeat + 1):
        started, started_wall = time.process_time(), time.perf_counter()
        for words, tags in sentences:
            ner.tag(words, tags)
        cpu.append(time.process_time() - started)
        wall.append(time.perf_counter() - started_wall)
    print(f"NER (features + CRF), {len(sentences)} sentences, {tokens} tokens, one core")
    print(f"  cold first pass: {tokens / cpu[0]:,.0f} tokens/s CPU ({tokens / wall[0]:,.0f} wall)")
    print(f"  warm, best of {args.repeat}: {tokens / min(cpu[1:]):,.0f} tokens/s CPU ({tokens / min(wall[1:]):,.0f} wall)")
    if CORPUS.is_file():
        component_speed(args.articles)
    return 0


def component_speed(limit: int) -> None:
    """CPU time of each pipeline component on news articles (10kGNAD, throughput use only)."""
    import csv

    from chronik.analysis import Analysis
    from chronik.document import Document
    from chronik.pipeline import Pipeline

    with CORPUS.open(encoding="utf-8", newline="") as handle:
        texts = [row[1] for _, row in zip(range(limit), csv.reader(handle, delimiter=";", quotechar="'"))]
    pipeline = Pipeline(["text", "entities", "roles", "links"])
    components = pipeline.components
    cost = [0.0] * len(components)
    tokens = 0
    for text in texts:
        analysis = Analysis(Document.from_text(text, "2016"))
        for i, component in enumerate(components):
            started = time.process_time()
            component(analysis)
            cost[i] += time.process_time() - started
        tokens += len(analysis.tokens)
    print(f"pipeline components on {len(texts)} 10kGNAD articles, {tokens} tokens, CPU time, one pass")
    for name, seconds in zip(pipeline.names, cost):
        print(f"  {name:9} {tokens / seconds:12,.0f} tokens/s")


if __name__ == "__main__":
    sys.exit(main())
