"""Build chronik's NER model, chronik/lang/de/ner.crfsuite, and report its accuracy.

    .venv/bin/python training/build_ner.py            # 5-fold CV report, then the shipped model
    .venv/bin/python training/build_ner.py --folds 0  # only the shipped model

Training data: the GermEval 2014 dev split (../shared/data/ner/germeval2014/
NER-de-dev.tsv, CC BY 4.0, Benikova et al. 2014) plus chronik's own silver
sentences (training/data/ner_silver.txt, written for chronik, Apache-2.0).
POS tags come from chronik's tagger (chronik.extract.tagger and its model
chronik/lang/de/tagger.crfsuite), as at run time: rebuild this model after
the tagger model changes.  Word-cluster features read
chronik/lang/de/word_clusters.tsv.gz (training/build_word_clusters.py):
rebuild this model after that table changes too.  Cross-validation splits the GermEval sentences
into 5 contiguous blocks in file order; silver sentences are only ever
training data.  L-BFGS training is deterministic: the same inputs (data,
gazetteers, tagger model) give the same model and the same scores.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronik.extract.entities import MODEL_NAME, FeatureExtractor, finish_labels  # noqa: E402
from chronik.extract.gazetteer import load_gazetteer  # noqa: E402
from chronik.extract.tagger import load_tagger  # noqa: E402
from chronik.extract.word_clusters import CLUSTER_FILE, WordClusters, read_clusters  # noqa: E402
from chronik.scoring.germeval import NerScores, read_outer_tags  # noqa: E402

GERMEVAL_DEV = ROOT.parent / "shared" / "data" / "ner" / "germeval2014" / "NER-de-dev.tsv"
SILVER = ROOT / "training" / "data" / "ner_silver.txt"
MODEL_OUT = ROOT / "chronik" / "lang" / "de" / MODEL_NAME
CLUSTERS = ROOT / "chronik" / "lang" / "de" / CLUSTER_FILE
PARAMS = {"c1": 0.1, "c2": 0.1, "max_iterations": 200, "feature.possible_transitions": True}

Sentence = tuple[list[str], list[str], list[str]]  # words, POS tags, gold outer tags


def read_bracketed(path: Path) -> list[tuple[list[str], list[str]]]:
    """'[PER Olaf Scholz] sagte ...' lines -> (words, BIO tags)."""
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        words, labels, label, first = [], [], "", False
        for piece in line.split():
            if piece.startswith("[") and len(piece) > 1:
                label, first = piece[1:], True
                continue
            closing = piece.endswith("]") and label
            word = piece[:-1] if closing else piece
            words.append(word)
            labels.append("O" if not label else ("B-" if first else "I-") + label)
            first = False
            if closing:
                label = ""
        sentences.append((words, labels))
    return sentences


def load(path: Path, tagger) -> list[Sentence]:
    sentences = []
    reader = read_bracketed if path.suffix == ".txt" else read_outer_tags
    for words, labels in reader(path):
        tags, _ = tagger.tag(words)
        sentences.append((words, tags, labels))
    return sentences


def train(sentences: list[Sentence], extract: FeatureExtractor, out: Path, params: dict) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags, labels in sentences:
        trainer.append(extract(words, tags), labels)
    trainer.set_params(params)
    trainer.train(str(out))


def evaluate(sentences: list[Sentence], extract: FeatureExtractor, model: Path, scores: NerScores) -> None:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    for words, tags, labels in sentences:
        scores.add_sentence(labels, finish_labels(words, tagger.tag(extract(words, tags)), extract.gazetteer))


def cross_validate(gold: list[Sentence], silver: list[Sentence], extract, folds: int, params: dict, work: Path) -> NerScores:
    scores = NerScores()
    for k in range(folds):
        lo, hi = k * len(gold) // folds, (k + 1) * len(gold) // folds
        model = work / f"fold{k}.crfsuite"
        train(gold[:lo] + gold[hi:] + silver, extract, model, params)
        evaluate(gold[lo:hi], extract, model, scores)
        print(f"fold {k + 1}/{folds}: running F1 {100 * scores.overall.f1:.2f}", file=sys.stderr)
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--germeval", type=Path, default=GERMEVAL_DEV)
    parser.add_argument("--silver", type=Path, default=SILVER)
    parser.add_argument("--folds", type=int, default=5, help="0 skips cross-validation")
    parser.add_argument("--out", type=Path, default=MODEL_OUT)
    parser.add_argument("--json", type=Path, help="also write the CV scores as JSON here")
    parser.add_argument("--c1", type=float, default=PARAMS["c1"])
    parser.add_argument("--c2", type=float, default=PARAMS["c2"])
    parser.add_argument("--clusters", type=Path, default=CLUSTERS,
                        help="word cluster table (training/build_word_clusters.py); 'none' trains without")
    args = parser.parse_args()
    if not args.germeval.is_file():
        print(f"GermEval dev file not found at {args.germeval}; put ../shared beside the project", file=sys.stderr)
        return 2
    params = {**PARAMS, "c1": args.c1, "c2": args.c2}
    started = time.time()
    tagger = load_tagger("de")  # the run-time tagger, so training sees run-time tags
    gold = load(args.germeval, tagger)
    silver = load(args.silver, tagger) if args.silver.is_file() else []
    clusters = read_clusters(args.clusters) if args.clusters.is_file() else WordClusters()
    extract = FeatureExtractor(load_gazetteer("de"), clusters=clusters)
    print(f"{len(gold)} GermEval sentences, {len(silver)} silver sentences, {len(clusters)} clustered words, "
          f"params {params}", file=sys.stderr)
    if args.folds > 1:
        with tempfile.TemporaryDirectory(prefix="chronik-ner-") as work:  # fold models never land in the package
            scores = cross_validate(gold, silver, extract, args.folds, params, Path(work))
        print(f"{args.folds}-fold cross-validation on {args.germeval.name} (silver sentences only in training)")
        print(scores)
        if args.json:
            args.json.write_text(json.dumps(scores.to_dict(), indent=2) + "\n")
    train(gold + silver, extract, args.out, params)
    size = args.out.stat().st_size / 1e6
    print(f"model written to {args.out} ({size:.1f} MB) in {time.time() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
