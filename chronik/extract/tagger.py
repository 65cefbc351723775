"""STTS part-of-speech tags and lemmas for the tokens of one sentence.

A greedy averaged perceptron (left to right, cheap string features) trained
on HanTa's output by ``training/build_tagger.py``; the model is one file,
``chronik/lang/<lang>/tagger.json.gz``.  Frequent unambiguous words skip the
perceptron through a tag dictionary, which is what makes the tagger fast.

Lemmas come from a (tag, form) -> lemma table learnt from the same silver
data.  Unknown nouns, verbs and adjectives ask simplemma's dictionary (MIT;
it knows "Gründen" -> "Grund", "versprochen" -> "versprechen"); what it
does not know gets the most frequent suffix rewrite seen for its tag and
ending ("Balkanrouten"/NN: "-n" -> "Balkanroute").
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from typing import Any, Sequence

from ..errors import ChronikError
from ..lang import resource_path

MODEL_FILE = "tagger.json.gz"
BUILD_COMMAND = ".venv/bin/python training/build_tagger.py"
START = "<s>"
END = "</s>"
MAX_SUFFIX = 5
# Tags whose lemma keeps the capital letter of the form.
NOUN_TAGS = frozenset({"NN", "NE"})
# Tags whose unknown forms are looked up in simplemma's dictionary.
DICTIONARY_TAGS = frozenset({"NN", "ADJA", "ADJD", "VVFIN", "VVINF", "VVPP", "VVIZU", "VVIMP",
                             "VAFIN", "VAINF", "VAPP", "VMFIN", "VMINF", "VMPP"})


def word_shape(word: str) -> str:
    first = word[0]
    kind = "C" if first.isupper() else "l" if first.islower() else "d" if first.isdigit() else "p"
    if len(word) > 1 and word.isupper():
        kind += "A"
    if "-" in word:
        kind += "h"
    if word[-1] == ".":
        kind += "."
    return kind


def features(word: str, prev_word: str, next_word: str, prev_tag: str, prev2_tag: str, first: bool) -> list[str]:
    """Cheap string features of one position (shared by training and tagging)."""
    lower = word.lower()
    shape = word_shape(word)
    return [
        "b",
        "w" + word,
        "l" + lower,
        "P2" + lower[:2],  # ge- of participles, be-/ver-/zer- of verbs
        "P3" + lower[:3],
        "s5" + lower[-5:],
        "s4" + lower[-4:],
        "s3" + lower[-3:],
        "s2" + lower[-2:],
        "s1" + lower[-1:],
        "h" + shape + ("^" if first else ""),
        "t" + prev_tag,
        "T" + prev2_tag + "|" + prev_tag,
        "p" + prev_word,
        "n" + next_word,
        "N" + next_word[-3:],
        "ts" + prev_tag + lower[-3:],
        "tn" + prev_tag + "|" + next_word,
    ]


class PerceptronTagger:
    """Tags and lemmatises one sentence (a list of token texts) at a time."""

    def __init__(self, model: dict[str, Any], lang: str = "de") -> None:
        self.lang = lang
        self.tags: list[str] = model["tags"]
        self.tag_dict: dict[str, str] = model["tag_dict"]
        # feature -> ((tag index, weight), ...)
        self.weights: dict[str, tuple[tuple[int, float], ...]] = {
            feature: tuple((int(i), w) for i, w in pairs) for feature, pairs in model["weights"].items()
        }
        self.lemmas: dict[str, str] = model["lemmas"]
        self.suffix_rules: dict[str, tuple[int, str]] = {
            key: (cut, add) for key, (cut, add) in model["suffix_rules"].items()
        }
        self._lemma_cache: dict[str, str] = {}

    def predict(self, feats: list[str]) -> str:
        scores = [0.0] * len(self.tags)
        weights = self.weights
        for feature in feats:
            pairs = weights.get(feature)
            if pairs:
                for index, weight in pairs:
                    scores[index] += weight
        return self.tags[max(range(len(scores)), key=scores.__getitem__)]

    def tag(self, words: Sequence[str]) -> tuple[list[str], list[str]]:
        tags: list[str] = []
        lowered = [w.lower() for w in words]
        context = [START, *lowered, END]
        tag_dict = self.tag_dict
        prev_tag, prev2_tag = START, START
        for i, word in enumerate(words):
            tag = tag_dict.get(word)
            if tag is None:
                feats = features(word, context[i], context[i + 2], prev_tag, prev2_tag, i == 0)
                tag = self.predict(feats)
            tags.append(tag)
            prev2_tag, prev_tag = prev_tag, tag
        return tags, [self.lemma(w, t) for w, t in zip(words, tags)]

    def lemma(self, word: str, tag: str) -> str:
        key = tag + "\t" + word
        cached = self._lemma_cache.get(key)
        if cached is not None:
            return cached
        lemma = self._lemma_uncached(word, tag)
        if len(self._lemma_cache) > 500_000:
            self._lemma_cache.clear()
        self._lemma_cache[key] = lemma
        return lemma

    def _lemma_uncached(self, word: str, tag: str) -> str:
        known = self.lemmas.get(tag + "\t" + word)
        if known is not None:
            return known or word
        form = word if tag in NOUN_TAGS else word.lower()
        if form != word:
            known = self.lemmas.get(tag + "\t" + form)
            if known is not None:
                return known or form
        if tag in DICTIONARY_TAGS:
            lemma = dictionary_lemma(form, self.lang)
            if lemma != form:
                # simplemma does not know the tag: give the lemma the tag's casing.
                return lemma[0].upper() + lemma[1:] if tag == "NN" else lemma.lower()
        return apply_suffix_rule(form, tag, self.suffix_rules)


def dictionary_lemma(form: str, lang: str) -> str:
    import simplemma  # loads its dictionary (about 2 s) on the first unknown word

    return simplemma.lemmatize(form, lang=lang)


def apply_suffix_rule(form: str, tag: str, rules: dict[str, tuple[int, str]]) -> str:
    """Rewrite the longest known ending of ``form`` for ``tag``."""
    lower = form.lower()
    for length in range(min(MAX_SUFFIX, len(form) - 1), 0, -1):
        rule = rules.get(tag + "\t" + lower[-length:])
        if rule is not None:
            cut, add = rule
            return (form[:-cut] if cut else form) + add
    return form


@lru_cache(maxsize=None)
def load_model(lang: str) -> dict[str, Any]:
    path = resource_path(lang, MODEL_FILE)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:  # type: ignore[arg-type]
            return json.load(handle)
    except FileNotFoundError:
        raise ChronikError("E204", path=f"chronik/lang/{lang}/{MODEL_FILE}", command=BUILD_COMMAND) from None


def load_tagger(lang: str) -> PerceptronTagger:
    return PerceptronTagger(load_model(lang), lang)
