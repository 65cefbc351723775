"""STTS part-of-speech tags and lemmas for the tokens of one sentence.

Tags come from a linear-chain CRF (python-crfsuite, C++) over cheap string
features of each word and its neighbours, trained on HanTa's output by
``training/build_tagger.py``.  Python only builds the feature strings; the
decoding runs in C++, which is what makes the tagger fast (HanTa itself
manages about 5,000 tokens/s).

Lemmas come from a (tag, form) -> lemma table learnt from the same silver
data.  Unknown nouns, verbs and adjectives ask simplemma's dictionary (MIT;
it knows "Gründen" -> "Grund", "versprochen" -> "versprechen"); what it
does not know gets the most frequent suffix rewrite seen for its tag and
ending ("Balkanrouten"/NN: "-n" -> "Balkanroute").

Model files, both built by the training script and committed:
``chronik/lang/<lang>/tagger.crfsuite`` and ``lemmas.json.gz``.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
from contextlib import ExitStack
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

from ..errors import ChronikError
from ..lang import resource_path
from ..word_cache import word_cache

TAGGER_FILE = "tagger.crfsuite"
LEMMA_FILE = "lemmas.json.gz"
BUILD_COMMAND = ".venv/bin/python training/build_tagger.py"
START = "<s>"
END = "</s>"
MAX_SUFFIX = 5
# Tags whose lemma keeps the capital letter of the form.
NOUN_TAGS = frozenset({"NN", "NE"})
INFINITIVE_TAGS = frozenset({"VVINF", "VAINF", "VMINF"})
ADJECTIVE_TAGS = frozenset({"ADJA", "ADJD"})
_OLD_SHARP_S = re.compile(r"ß(?![aeiouäöüy])")
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


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """Cheap string features of every position (shared by training and tagging).

    The word itself (form, lower case, prefixes for ge-/be-/ver-, suffixes
    for inflection, shape) and a window of two words either side.
    """
    lowered = [w.lower() for w in words]
    padded = [START, START, *lowered, END, END]
    rows = []
    for i, word in enumerate(words):
        lower = lowered[i]
        prev, next_ = padded[i + 1], padded[i + 3]
        rows.append([
            "w" + word,
            "l" + lower,
            "P2" + lower[:2],
            "P3" + lower[:3],
            "s5" + lower[-5:],
            "s4" + lower[-4:],
            "s3" + lower[-3:],
            "s2" + lower[-2:],
            "s1" + lower[-1:],
            "h" + word_shape(word) + ("^" if i == 0 else ""),
            "p" + prev,
            "n" + next_,
            "N" + next_[-3:],
            "pp" + prev[-3:],
            "pn" + prev + "|" + next_,
            "P" + padded[i],
            "NN" + padded[i + 4],
        ])
    return rows


class Tagger:
    """Tags and lemmatises one sentence (a list of token texts) at a time."""

    def __init__(self, crf: Any, lemma_model: dict[str, Any], lang: str = "de") -> None:
        self.crf = crf
        self.lang = lang
        self.lemmas: dict[str, str] = lemma_model["lemmas"]
        self.suffix_rules: dict[str, tuple[int, str]] = {
            key: (cut, add) for key, (cut, add) in lemma_model["suffix_rules"].items()
        }
        self.tags: list[str] = list(crf.labels())
        # Bounded: a long stream brings new words forever (chronik/word_cache.py).
        self.lemma = word_cache(200_000)(self._lemma_uncached)
        # A crfsuite tagger holds the sentence being decoded: one at a time.
        self._lock = threading.Lock()

    def tag(self, words: Sequence[str]) -> tuple[list[str], list[str]]:
        if not words:
            return [], []
        features = sentence_features(words)
        with self._lock:
            tags = self.crf.tag(features)
        return tags, [self.lemma(w, t) for w, t in zip(words, tags)]

    def _lemma_uncached(self, word: str, tag: str) -> str:
        known = self.lemmas.get(tag + "\t" + word)
        if known is not None:
            return known or word
        form = word if tag in NOUN_TAGS else word.lower()
        if form != word:
            known = self.lemmas.get(tag + "\t" + form)
            if known is not None:
                return known or form
        if tag in INFINITIVE_TAGS:
            return form  # "schicken" is its own lemma, whatever else it may be
        if tag in DICTIONARY_TAGS:
            lemma = dictionary_lemma(form, self.lang)
            # simplemma does not know the tag: an adjective must not become the
            # verb it derives from ("kontrollierte" -> "kontrolliert", not "kontrollieren").
            if lemma is not None and not (tag in ADJECTIVE_TAGS and lemma.endswith(("en", "ern", "eln"))):
                # ... and give the lemma the tag's casing.
                return lemma[0].upper() + lemma[1:] if tag == "NN" else lemma.lower()
        return apply_suffix_rule(form, tag, self.suffix_rules)


def dictionary_lemma(form: str, lang: str) -> str | None:
    """simplemma's lemma in current spelling, or None if it does not know the form."""
    import simplemma  # loads its dictionary (about 2 s) on the first unknown word

    lemma = simplemma.lemmatize(form, lang=lang)
    if lemma == form:
        return form if simplemma.is_known(form, lang=lang) else None
    # Some entries use the spelling before 1996: "Anschlüsse" -> "Anschluß"; an
    # "ß" before a vowel is current spelling ("Grüße" -> "Gruß").
    if "ß" in lemma and "ß" not in form and "ss" in form:
        lemma = _OLD_SHARP_S.sub("ss", lemma)
    return lemma


def apply_suffix_rule(form: str, tag: str, rules: dict[str, tuple[int, str]]) -> str:
    """Rewrite the longest known ending of ``form`` for ``tag``."""
    lower = form.lower()
    for length in range(min(MAX_SUFFIX, len(form) - 1), 0, -1):
        rule = rules.get(tag + "\t" + lower[-length:])
        if rule is not None:
            cut, add = rule
            return (form[:-cut] if cut else form) + add
    return form


def _missing(lang: str, name: str) -> ChronikError:
    return ChronikError("E204", path=f"chronik/lang/{lang}/{name}", command=BUILD_COMMAND)


@lru_cache(maxsize=None)
def load_lemma_model(lang: str) -> dict[str, Any]:
    try:
        with gzip.open(resource_path(lang, LEMMA_FILE), "rt", encoding="utf-8") as handle:  # type: ignore[arg-type]
            return json.load(handle)
    except FileNotFoundError:
        raise _missing(lang, LEMMA_FILE) from None


_OPEN_FILES = ExitStack()  # keeps extracted model files alive for the process


def load_crf(lang: str) -> Any:
    import pycrfsuite

    handle = resource_path(lang, TAGGER_FILE)
    if not handle.is_file():
        raise _missing(lang, TAGGER_FILE)
    path = _OPEN_FILES.enter_context(resources.as_file(handle))
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    return crf


def load_tagger(lang: str) -> Tagger:
    return Tagger(load_crf(lang), load_lemma_model(lang), lang)
