"""Build the shipped POS tagger and lemma tables under chronik/lang/de/.

Reproducible: ``.venv/bin/python training/build_tagger.py`` (needs the
``training`` extra, i.e. HanTa, and ../shared/data beside the project).

1. Collect redistributable German text: the GermEval 2014 NER dev split
   (CC BY 4.0, token column only), the project's sample articles in
   chronik/samples/ and text written for the project in training/text/.
2. Tokenize and split it with chronik's own tokenizer, so training sees the
   same tokens as run time.
3. Tag and lemmatise it with HanTa (silver data), normalised to STTS.
4. Train a linear-chain CRF (python-crfsuite) on the features of
   chronik/extract/tagger.py, a (tag, form) -> lemma table and suffix
   rewrite rules for unknown forms.
5. Report agreement with HanTa on a held-out tenth, then train on all text
   and write chronik/lang/de/tagger.crfsuite and lemmas.json.gz.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronik.document import Block, Document  # noqa: E402
from chronik.extract.tagger import LEMMA_FILE, MAX_SUFFIX, NOUN_TAGS, TAGGER_FILE, Tagger, sentence_features  # noqa: E402
from chronik.extract.text import segment  # noqa: E402
from chronik.extract.tokens import period_rules  # noqa: E402

GERMEVAL = ROOT.parent / "shared" / "data" / "ner" / "germeval2014" / "NER-de-dev.tsv"
SAMPLES = ROOT / "chronik" / "samples"
OWN_TEXT = ROOT / "training" / "text"
OUTPUT_DIR = ROOT / "chronik" / "lang" / "de"
# Tags whose lemma may differ from the form; the rest keep their form.
INFLECTING = ("NN", "NE", "ADJA", "ADJD", "V", "P", "ART", "APPRART")

Sentence = list[str]
Tagged = list[tuple[str, str, str]]  # (word, tag, lemma)


# -- 1. text ------------------------------------------------------------------
def detokenize(tokens: list[str]) -> str:
    """Plain text from pre-tokenized text, spaced as a newspaper would."""
    out: list[str] = []
    open_marks: set[str] = set()
    glue_next = False
    for token in tokens:
        glue = glue_next or token in {",", ".", ";", ":", "!", "?", ")", "]", "...", "“", "‘"}
        glue_next = token in {"(", "[", "„", "‚"}
        if token in {'"', "«", "»", "''", "``"}:  # the same marks open and close
            family = "«" if token in "«»" else token
            closing = family in open_marks
            glue = glue or closing
            glue_next = not closing
            open_marks.symmetric_difference_update({family})
        out.append(token if (glue or not out) else " " + token)
    return "".join(out)


def germeval_texts(path: Path) -> list[str]:
    sentences, tokens = [], []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append(detokenize(tokens))
            tokens = []
            continue
        tokens.append(line.split("\t")[1])
    if tokens:
        sentences.append(detokenize(tokens))
    return sentences


def article_texts(folder: Path) -> list[str]:
    texts = []
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        raw = path.read_text("utf-8").strip()
        if raw.startswith("date "):
            raw = raw.split(None, 2)[2] if len(raw.split(None, 2)) > 2 else ""
        texts.append(raw)
    return texts


def split_into_sentences(texts: list[str], one_block: bool) -> list[Sentence]:
    rules = period_rules("de")
    sentences = []
    for text in texts:
        if one_block:
            blocks: tuple[Block, ...] = (Block(0, len(text)),)
        else:
            document = Document.from_text(text)
            text, blocks = document.text, document.blocks
        for _, spans in segment(text, blocks, rules):
            sentences.append([text[s:e] for s, e in spans])
    return sentences


# -- 2. silver data -------------------------------------------------------------
def stts(word: str, tag: str) -> str:
    """HanTa's tag in plain STTS (its NNA, NNI are nouns); punctuation by the mark itself."""
    if not any(c.isalnum() for c in word):
        if word == ",":
            return "$,"
        return "$." if word[0] in ".!?;:…" else "$("
    tag = tag.replace("(", "").replace(")", "")
    return {"PAV": "PROAV", "PIDAT": "PIAT", "NNA": "NN", "NNI": "NN"}.get(tag, tag)


def recase(word: str, lemma: str, tag: str) -> str:
    """Undo HanTa's quirks: casing ("US-Präsident" -> "Us-präsident"), final "ss"."""
    form = word if tag in NOUN_TAGS else word.lower()
    shared = 0
    for a, b in zip(form.lower(), lemma.lower()):
        if a != b:
            break
        shared += 1
    lemma = form[:shared] + lemma[shared:].lower() if tag in NOUN_TAGS else lemma
    if tag in NOUN_TAGS and lemma and not lemma[0].isupper() and word[0].isupper():
        lemma = lemma[0].upper() + lemma[1:]
    # HanTa reads a final "ss" as genitive "-s": "Anschluss" -> "Anschlus".
    if form.endswith("ss") and lemma == form[:-1]:
        lemma = form
    return lemma


def silver(sentences: list[Sentence]) -> list[Tagged]:
    from HanTa import HanoverTagger

    hanta = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    tagged = []
    for words in sentences:
        rows = []
        for word, lemma, tag in hanta.tag_sent(words):
            tag = stts(word, tag)
            rows.append((word, tag, recase(word, lemma, tag) if any(c.isalpha() for c in word) else word))
        tagged.append(rows)
    return tagged


# -- 3. CRF tagger --------------------------------------------------------------
CRF_PARAMS = {
    "c1": 0.05,  # L1: drops useless features, keeps the model file small
    "c2": 0.01,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}


def train_crf(data: list[Tagged], path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in data:
        trainer.append(sentence_features([w for w, _, _ in sentence]), [t for _, t, _ in sentence])
    trainer.set_params(CRF_PARAMS)
    trainer.train(str(path))


# -- 4. lemmas ------------------------------------------------------------------
def build_lemmas(data: list[Tagged]) -> tuple[dict[str, str], dict[str, list]]:
    votes: dict[str, Counter] = defaultdict(Counter)
    for sentence in data:
        for word, tag, lemma in sentence:
            votes[tag + "\t" + word][lemma] += 1
    lemmas = {}
    rewrites: dict[str, Counter] = defaultdict(Counter)
    for key, counter in votes.items():
        tag, word = key.split("\t", 1)
        lemma = counter.most_common(1)[0][0]
        lemmas[key] = "" if lemma == word else lemma
        if not tag.startswith(INFLECTING) or not word.isalpha():
            continue
        form = word if tag in NOUN_TAGS else word.lower()
        shared = 0
        for a, b in zip(form, lemma):
            if a != b:
                break
            shared += 1
        rewrite = (len(form) - shared, lemma[shared:])
        lower = form.lower()
        for length in range(1, min(MAX_SUFFIX, len(form) - 1) + 1):
            rewrites[tag + "\t" + lower[-length:]][rewrite] += 1
    rules = {}
    for key, counter in rewrites.items():
        (cut, add), n = counter.most_common(1)[0]
        if n >= 2 and n / sum(counter.values()) >= 0.5:
            rules[key] = [cut, add]
    return lemmas, rules


def build_models(data: list[Tagged], crf_path: Path, lemma_path: Path) -> None:
    train_crf(data, crf_path)
    lemmas, rules = build_lemmas(data)
    with gzip.open(lemma_path, "wt", encoding="utf-8", compresslevel=9) as handle:
        json.dump({"lemmas": lemmas, "suffix_rules": rules}, handle, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def agreement(crf_path: Path, lemma_path: Path, data: list[Tagged]) -> tuple[float, float]:
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open(str(crf_path))
    with gzip.open(lemma_path, "rt", encoding="utf-8") as handle:
        tagger = Tagger(crf, json.load(handle))
    tags_ok = lemmas_ok = total = 0
    for sentence in data:
        tags, lemmas = tagger.tag([w for w, _, _ in sentence])
        for (_, tag, lemma), guess_tag, guess_lemma in zip(sentence, tags, lemmas):
            tags_ok += tag == guess_tag
            lemmas_ok += lemma == guess_lemma
            total += 1
    return tags_ok / total, lemmas_ok / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT_DIR, help="folder for the model files")
    parser.add_argument("--skip-check", action="store_true", help="skip the held-out agreement check")
    args = parser.parse_args()
    if not GERMEVAL.is_file():
        sys.exit(f"GermEval 2014 dev split not found at {GERMEVAL}")
    sentences = split_into_sentences(germeval_texts(GERMEVAL), one_block=True)
    sentences += split_into_sentences(article_texts(SAMPLES) + article_texts(OWN_TEXT), one_block=False)
    print(f"{len(sentences)} sentences, {sum(map(len, sentences))} tokens; tagging with HanTa ...", file=sys.stderr)
    data = silver(sentences)
    if not args.skip_check:
        with tempfile.TemporaryDirectory() as folder:
            crf_path, lemma_path = Path(folder) / TAGGER_FILE, Path(folder) / LEMMA_FILE
            build_models([s for i, s in enumerate(data) if i % 10], crf_path, lemma_path)
            tag_acc, lemma_acc = agreement(crf_path, lemma_path, data[::10])
        print(f"agreement with HanTa on a held-out tenth (trained on the rest): tags {tag_acc:.4f}, lemmas {lemma_acc:.4f}")
    crf_path, lemma_path = args.output / TAGGER_FILE, args.output / LEMMA_FILE
    build_models(data, crf_path, lemma_path)
    for path in (crf_path, lemma_path):
        print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
