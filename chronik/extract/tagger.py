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
from typing import Any, Callable, Sequence

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


def features(
    word: str, prev_word: str, next_word: str, prev_tag: str, prev2_tag: str, first: bool, finite: str
) -> list[str]:
    """Cheap string features of one position (shared by training and tagging).

    ``finite`` is the kind of the last finite verb in the sentence so far
    ("VA", "VM", "VV" or "-"): after "will" or "hat", a verb at the end of
    the clause is an infinitive or participle rather than a finite form.
    """
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
        "v" + finite + "|" + lower[-2:],
    ]


def unknown_keys(word: str) -> tuple[str, str, str]:
    """Keys of the tag sets allowed for a word seen too rarely in training."""
    shape = word_shape(word)
    lower = word.lower()
    return shape + "|" + lower[-3:], shape + "|" + lower[-1:], shape


# The perceptron learns from, and is called on, one position at a time.
Learner = Callable[[str, str, list[str]], None]  # (true tag, guessed tag, features)


class PerceptronTagger:
    """Tags and lemmatises one sentence (a list of token texts) at a time.

    Only the tags a word was seen with (or, for rare and unknown words, the
    tags seen with its shape and ending) compete: that keeps the scoring
    loop short, which is where the time goes.
    """

    def __init__(self, model: dict[str, Any], lang: str = "de") -> None:
        self.lang = lang
        self.tags: list[str] = model["tags"]
        self.all_tags = tuple(self.tags)
        self.tag_dict: dict[str, str] = model["tag_dict"]
        self.classes: dict[str, tuple[str, ...]] = {w: tuple(t) for w, t in model["classes"].items()}
        self.open_classes: dict[str, tuple[str, ...]] = {k: tuple(t) for k, t in model["open_classes"].items()}
        self.weights: dict[str, dict[str, float]] = model["weights"]  # feature -> {tag: weight}
        self.lemmas: dict[str, str] = model["lemmas"]
        self.suffix_rules: dict[str, tuple[int, str]] = {
            key: (cut, add) for key, (cut, add) in model["suffix_rules"].items()
        }
        self._lemma_cache: dict[str, str] = {}

    def candidates(self, word: str) -> tuple[str, ...]:
        known = self.classes.get(word)
        if known:
            return known
        for key in unknown_keys(word):
            allowed = self.open_classes.get(key)
            if allowed:
                return allowed
        return self.all_tags

    def predict(self, feats: list[str], candidates: tuple[str, ...]) -> str:
        scores = dict.fromkeys(candidates, 0.0)
        n = len(candidates)
        weights = self.weights
        for feature in feats:
            row = weights.get(feature)
            if not row:
                continue
            if len(row) <= n:
                for tag, weight in row.items():
                    if tag in scores:
                        scores[tag] += weight
            else:
                for tag in candidates:
                    weight = row.get(tag)
                    if weight is not None:
                        scores[tag] += weight
        return max(scores, key=scores.__getitem__)

    def tag_only(self, words: Sequence[str], truth: Sequence[str] | None = None, learn: Learner | None = None) -> list[str]:
        """Greedy left-to-right tags; with ``learn``, also a training step."""
        tags: list[str] = []
        context = [START, *[w.lower() for w in words], END]
        tag_dict = self.tag_dict
        prev_tag, prev2_tag, finite = START, START, "-"
        for i, word in enumerate(words):
            tag = tag_dict.get(word)
            if tag is None:
                candidates = self.candidates(word)
                if len(candidates) == 1:
                    tag = candidates[0]
                else:
                    feats = features(word, context[i], context[i + 2], prev_tag, prev2_tag, i == 0, finite)
                    tag = self.predict(feats, candidates)
                    if learn is not None and truth is not None and tag != truth[i]:
                        learn(truth[i], tag, feats)
            tags.append(tag)
            if tag.endswith("FIN"):
                finite = tag[:2]
            prev2_tag, prev_tag = prev_tag, tag
        return tags

    def tag(self, words: Sequence[str]) -> tuple[list[str], list[str]]:
        tags = self.tag_only(words)
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
