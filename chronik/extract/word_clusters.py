"""Word clusters: groups of words used alike, a cue the NER tagger can generalise from.

``chronik/lang/<lang>/word_clusters.tsv.gz`` maps a word to cluster ids at
three granularities (built by ``training/build_word_clusters.py`` from a
multilingual encoder's word vectors).  With 2,200 gold sentences most names
the tagger meets were never in its training data; their cluster was.
"""

from __future__ import annotations

import gzip
from functools import lru_cache

from ..lang import resource_path

CLUSTER_FILE = "word_clusters.tsv.gz"
# Feature names per granularity, coarse to fine.
CLUSTER_KEYS = ("kA", "kB", "kC")


class WordClusters:
    """word -> cluster features.

    A word not in the table is looked up lower-cased, then capitalised, then
    without a genitive -s, then by the last part of a hyphenated compound.
    """

    def __init__(self, table: dict[str, tuple[str, ...]] | None = None) -> None:
        self.table = table or {}

    def __len__(self) -> int:
        return len(self.table)

    def features(self, word: str) -> tuple[str, ...]:
        found = self._lookup(word)
        if found is None and len(word) > 3 and word.endswith("s"):
            found = self._lookup(word[:-1])  # a genitive: "Merkels", "Frankreichs"
        if found is None and "-" in word.strip("-"):
            found = self._lookup(word.rsplit("-", 1)[-1])  # a compound is of its last part's kind
        return found or ()

    def _lookup(self, word: str) -> tuple[str, ...] | None:
        # "Die" at a sentence start is "die"; "BERLIN" in a dateline is "Berlin"
        return self.table.get(word) or self.table.get(word.lower()) or self.table.get(word.capitalize())


def read_clusters(path) -> WordClusters:
    table: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        next(handle, None)  # header
        for line in handle:
            word, *ids = line.rstrip("\n").split("\t")
            table[word] = tuple(f"{key}={cid}" for key, cid in zip(CLUSTER_KEYS, ids))
    return WordClusters(table)


@lru_cache(maxsize=None)
def load_word_clusters(lang: str = "de") -> WordClusters:
    """The shipped table; an empty one when the language has none."""
    path = resource_path(lang, CLUSTER_FILE)
    if not path.is_file():
        return WordClusters()
    return read_clusters(path)
