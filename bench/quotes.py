"""Quotes: SpkAtt-2023 scores on the 700 shared training articles, and speed.

    .venv/bin/python bench/quotes.py            # scores (all, study part, check part) + speed
    .venv/bin/python bench/quotes.py --speed    # speed only
    .venv/bin/python bench/quotes.py --part study --no-speed   # scores of one part only
    .venv/bin/python bench/quotes.py --part study-a --part study-b --no-speed

The training articles are split by a hash of the file name: the "study"
part (crc32 % 4 != 0, 519 articles) is where errors were looked at while
writing the rules; the "check" part (crc32 % 4 == 0, 181 articles) was
never read for error analysis.  The study part is halved by position in
its sorted file list: "study-a" (even positions, 260 articles) is the only
part whose errors are read; "study-b" (odd positions, 259 articles) only
confirms that a rule found on study-a carries over.  Nothing is learnt from either: the rules
and word lists are written by hand.  The held-back dev/test splits are
not used.  Tags and lemmas come from the pipeline's own tagger, as in
``chronik annotate --format spkatt``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronik.extract.reported_speech import ReportedSpeechFinder, TokenSentence  # noqa: E402
from chronik.formats.spkatt import _tagger, annotate_article  # noqa: E402
from chronik.scoring.spkatt import score_dirs  # noqa: E402

TRAIN = ROOT.parent / "shared" / "data" / "speaker-attribution" / "train"


PARTS = ("all", "study", "study-a", "study-b", "check")


def part_of(name: str) -> str:
    return "check" if zlib.crc32(name.encode()) % 4 == 0 else "study"


def parts_of_files(paths: list[Path]) -> dict[str, tuple[str, ...]]:
    """Every part each file belongs to; study files alternate between study-a and study-b."""
    result: dict[str, tuple[str, ...]] = {}
    study_position = 0
    for path in sorted(paths):
        if part_of(path.name) == "check":
            result[path.name] = ("all", "check")
        else:
            half = "study-a" if study_position % 2 == 0 else "study-b"
            study_position += 1
            result[path.name] = ("all", "study", half)
    return result


def scores(parts: tuple[str, ...] = ("all", "study", "check")) -> None:
    finder, tagger = ReportedSpeechFinder(), _tagger()
    with tempfile.TemporaryDirectory() as tmp:
        folders = {p: (Path(tmp) / p / "gold", Path(tmp) / p / "pred") for p in parts}
        for gold, pred in folders.values():
            gold.mkdir(parents=True)
            pred.mkdir(parents=True)
        paths = sorted(TRAIN.glob("*.json"))
        membership = parts_of_files(paths)
        for path in paths:
            wanted = [p for p in membership[path.name] if p in folders]
            if not wanted:
                continue  # not read at all: the check part stays unseen while working on the study part
            data = json.loads(path.read_text("utf-8"))
            result = json.dumps(annotate_article(data, finder, tagger), ensure_ascii=False)
            for part in wanted:
                gold, pred = folders[part]
                (gold / path.name).write_text(path.read_text("utf-8"), "utf-8")
                (pred / path.name).write_text(result, "utf-8")
        for part, (gold, pred) in folders.items():
            print(f"## {part}\n{score_dirs(gold, pred)}\n")


def speed() -> None:
    """Tokens per second of the quotes rules alone (tagging done beforehand)."""
    tagger = _tagger()
    articles = []
    for path in sorted(TRAIN.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        sentences = []
        for sentence in data["Sentences"]:
            words = [str(w) for w in sentence["Tokens"]]
            tags, lemmas = tagger(words)
            sentences.append(TokenSentence(words, tags, lemmas))
        articles.append(sentences)
    tokens = sum(len(s.words) for article in articles for s in article)
    finder = ReportedSpeechFinder()
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for article in articles:
            finder.find(article)
        best = min(best, time.perf_counter() - start)
    print(f"quotes layer: {tokens} tokens in {best:.2f} s = {tokens / best:,.0f} tokens/s (best of 3, one core)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", action="store_true", help="speed only")
    parser.add_argument("--no-speed", action="store_true", help="scores only")
    parser.add_argument("--part", choices=PARTS, action="append",
                        help="score only this part (repeatable; default: all, study, check); "
                             "study-a/study-b are the even/odd halves of the study part")
    args = parser.parse_args()
    if not TRAIN.is_dir():
        sys.exit(f"SpkAtt training data not found at {TRAIN}")
    if not args.speed:
        scores(tuple(args.part) if args.part else ("all", "study", "check"))
    if not args.no_speed:
        speed()


if __name__ == "__main__":
    main()
