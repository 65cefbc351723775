"""Search terms: German-stemmed words for the full-text index and queries.

SQLite's FTS5 has no German stemmer, so every sentence is indexed as a
second, stemmed copy: lower-cased words through the German Snowball stemmer
(PyStemmer), so that "Gespräche" finds "Gespräch".  A hyphenated compound
is indexed as its parts, one after another, so that "Osterweiterung" finds
"Nato-Osterweiterung" and the query "Nato-Osterweiterung" (a phrase of its
parts) still finds the compound itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import Stemmer

from ..errors import ChronikError

# Snowball algorithm per language code; the archive indexes one language.
SNOWBALL_NAMES = {"de": "german"}

# A word part: letters and digits (no underscore); hyphens join compound parts.
_PART = re.compile(r"[^\W_]+")
_WORD = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)*")
_PHRASE = re.compile(r'"([^"]*)"')
# What the German stemmer makes of a word's first letter (tests/web/test_search_index.py checks every letter).
_FOLD_FIRST = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "s"})


@lru_cache(maxsize=4)
def _stemmer(lang: str) -> "Stemmer.Stemmer":
    return Stemmer.Stemmer(SNOWBALL_NAMES[lang])


def stem(word: str, lang: str = "de") -> str:
    # Lower-case first: the German stemmer treats capitals as non-letters.
    return _stemmer(lang).stemWord(word.lower())


def index_text(text: str, lang: str = "de") -> str:
    """The stemmed copy of a sentence that goes into the FTS index."""
    parts = _PART.findall(text.lower())
    return " ".join(_stemmer(lang).stemWords(parts))


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search query: every group must match (AND); a group of
    several stems is a phrase (a quoted query or a hyphenated compound)."""

    groups: tuple[tuple[str, ...], ...]

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(s for group in self.groups for s in group)

    def to_fts(self) -> str:
        # Every stem is quoted, so FTS operators typed by users (AND, NEAR,
        # *, ^) are treated as words and can never break the query syntax.
        return " AND ".join('"' + " ".join(group) + '"' for group in self.groups)


def parse_query(query: str, lang: str = "de") -> Query:
    groups: list[tuple[str, ...]] = []
    for phrase in _PHRASE.findall(query):
        stems = tuple(stem(p, lang) for p in _PART.findall(phrase))
        if stems:
            groups.append(stems)
    for word in _WORD.findall(_PHRASE.sub(" ", query)):
        groups.append(tuple(stem(p, lang) for p in _PART.findall(word)))
    if not groups:
        raise ChronikError("E305")
    return Query(tuple(groups))


def matched_spans(sentence: str, stems: frozenset[str], lang: str = "de") -> list[tuple[int, int]]:
    """Character ranges of the words (or compound parts) whose stem was searched."""
    # Stemming keeps a word's first letter (suffixes go, umlauts and ß are
    # folded), so only words starting like a searched stem are stemmed, in
    # one call: a call per word was a third of a web search's time.
    firsts = {s[0] for s in stems if s}
    parts = [m for m in _PART.finditer(sentence) if m.group()[0].lower()[:1].translate(_FOLD_FIRST) in firsts]
    stemmed = _stemmer(lang).stemWords([m.group().lower() for m in parts])
    return [(m.start(), m.end()) for m, word_stem in zip(parts, stemmed) if word_stem in stems]


