"""Syndicated near-copies: one agency text printed by several outlets.

Each article's text becomes a set of word shingles (runs of ``SHINGLE``
words, case-folded, punctuation dropped), summarised by a MinHash
signature of ``PERMUTATIONS`` values: the share of equal positions in two
signatures estimates the Jaccard similarity of the shingle sets.  A new
headline and one changed sentence leave an agency text of usual length
above the default threshold of 0.7; two articles written separately on the same
topic share few 3-word runs and stay far below it.

LSH banding keeps the search near-linear: signatures are cut into
``BANDS`` bands and only articles that agree on a whole band are compared.
With 32 bands of 4 rows a pair at similarity 0.7 becomes a candidate with
probability 1 - (1 - 0.7**4)**32 > 0.9998, a pair at 0.2 with about 0.05.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field
from typing import Iterable, Iterator

SHINGLE = 3
PERMUTATIONS = 128
BANDS = 32
# 0.7, not 0.8: on 10kGNAD with planted copies (bench/duplicates.py) 0.8 misses
# short articles where one changed sentence is a large share; 0.7 still made
# no group of unrelated articles there.
DEFAULT_THRESHOLD = 0.7

_MERSENNE = (1 << 61) - 1
_WORD = re.compile(r"\w+")


def _coefficients() -> list[tuple[int, int]]:
    """Fixed (a, b) pairs of the hash family, derived deterministically."""
    pairs = []
    for i in range(PERMUTATIONS):
        digest = hashlib.blake2b(f"chronik-minhash-{i}".encode(), digest_size=16).digest()
        a = int.from_bytes(digest[:8], "big") % (_MERSENNE - 1) + 1
        b = int.from_bytes(digest[8:], "big") % _MERSENNE
        pairs.append((a, b))
    return pairs


_COEFFICIENTS = _coefficients()


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """crc32 of every run of ``size`` words; short texts give one shingle."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + size]).encode()) for i in range(len(words) - size + 1)}


def signature(text: str) -> tuple[int, ...] | None:
    """The MinHash signature of a text, None for a text without words."""
    values = shingles(text)
    if not values:
        return None
    return tuple(min((a * v + b) % _MERSENNE for v in values) for a, b in _COEFFICIENTS)


def estimated_similarity(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    return sum(x == y for x, y in zip(first, second)) / len(first)


@dataclass(frozen=True)
class ArticleRef:
    doc_id: str
    date: str | None
    title: str


@dataclass
class DuplicateGroup:
    articles: list[ArticleRef]
    # the lowest estimated similarity of the pairs that joined the group
    similarity: float
    pairs: list[tuple[str, str, float]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"similarity": round(self.similarity, 3),
                "articles": [{"doc_id": a.doc_id, "date": a.date, "title": a.title} for a in self.articles],
                "pairs": [{"first": f, "second": s, "similarity": round(v, 3)} for f, s, v in self.pairs]}


def candidate_pairs(signatures: dict[str, tuple[int, ...]]) -> set[tuple[str, str]]:
    """Pairs of ids whose signatures agree on at least one whole band."""
    rows = PERMUTATIONS // BANDS
    pairs: set[tuple[str, str]] = set()
    for band in range(BANDS):
        buckets: dict[tuple[int, ...], list[str]] = {}
        for doc_id, values in signatures.items():
            buckets.setdefault(values[band * rows:(band + 1) * rows], []).append(doc_id)
        for members in buckets.values():
            for i, first in enumerate(members):
                pairs.update((first, second) if first < second else (second, first) for second in members[i + 1:])
    return pairs


def group_near_duplicates(articles: Iterable[tuple[ArticleRef, str]],
                          threshold: float = DEFAULT_THRESHOLD) -> list[DuplicateGroup]:
    """Groups (two articles or more) linked by estimated similarity >= threshold.

    Linking is transitive (union-find): A~B and B~C put A, B, C in one group.
    """
    refs: dict[str, ArticleRef] = {}
    signatures: dict[str, tuple[int, ...]] = {}
    for ref, text in articles:
        sig = signature(text)
        if sig is not None:
            refs[ref.doc_id], signatures[ref.doc_id] = ref, sig
    parent = {doc_id: doc_id for doc_id in signatures}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    links = []
    for first, second in sorted(candidate_pairs(signatures)):
        value = estimated_similarity(signatures[first], signatures[second])
        if value >= threshold:
            links.append((first, second, value))
            parent[root(first)] = root(second)
    members: dict[str, list[str]] = {}
    for doc_id in signatures:
        members.setdefault(root(doc_id), []).append(doc_id)
    groups = []
    for ids in members.values():
        if len(ids) < 2:
            continue
        pairs = [link for link in links if link[0] in ids]
        ordered = sorted((refs[i] for i in ids), key=lambda r: (r.date or "", r.doc_id))
        groups.append(DuplicateGroup(ordered, min(v for _, _, v in pairs), pairs))
    groups.sort(key=lambda g: (g.articles[0].date or "", g.articles[0].doc_id))
    return groups


def archive_articles(archive, doc_ids: set[str] | None = None) -> Iterator[tuple[ArticleRef, str]]:
    """Stored articles with their texts (all, or those of ``doc_ids``)."""
    sql, params = "SELECT id, date, title, text FROM documents", []
    if doc_ids is not None:
        params = sorted(doc_ids)
        sql += " WHERE id IN (" + ", ".join("?" * len(params)) + ")" if params else " WHERE 1 = 0"
    rows = archive.db.execute(sql + " ORDER BY key", params).fetchall()
    for doc_id, date, title, text in rows:
        yield ArticleRef(doc_id, date, title or ""), body_text(title or "", text)


def body_text(title: str, text: str) -> str:
    """The text without its headline: outlets retitle agency copy, so it says little."""
    if title and text.startswith(title):
        return text[len(title):]
    return text


def find_near_duplicates(archive, threshold: float = DEFAULT_THRESHOLD) -> list[DuplicateGroup]:
    return group_near_duplicates(archive_articles(archive), threshold)


def source_groups(archive, doc_ids: set[str] | None = None,
                  threshold: float = DEFAULT_THRESHOLD) -> dict[str, str]:
    """doc id -> the first article of its near-duplicate group (grouped articles only)."""
    groups = group_near_duplicates(archive_articles(archive, doc_ids), threshold)
    return {a.doc_id: group.articles[0].doc_id for group in groups for a in group.articles}
