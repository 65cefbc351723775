"""Character spans of a model, BIO labels on chronik's tokens.

Models tokenise differently from chronik; what they agree on is the text.
A span labels every chronik token it overlaps.  A span inside one token
(spaCy splitting "Nato-Osterweiterung" at the hyphen, say) marks that token
as containing a name: GermEval's ``-part`` label ("Nato-Osterweiterung" →
``ORGpart``).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable, Sequence

from .labels import MAIN_TYPES


def bio_from_spans(
    spans: Iterable[tuple[int, int, str]], sentences: Sequence[Sequence[tuple[int, int]]]
) -> list[list[str]]:
    """``spans``: (start, end, GermEval label) in text order; one BIO list per sentence."""
    flat = [(start, end, s, t) for s, tokens in enumerate(sentences) for t, (start, end) in enumerate(tokens)]
    flat.sort()
    starts = [item[0] for item in flat]
    labels = [["O"] * len(tokens) for tokens in sentences]
    for span_start, span_end, label in spans:
        if span_end <= span_start:
            continue
        # Tokens overlapping [span_start, span_end): from the last one starting at or before span_start.
        i = max(bisect_right(starts, span_start) - 1, 0)
        covered = []
        while i < len(flat) and flat[i][0] < span_end:
            start, end, s, t = flat[i]
            if end > span_start and labels[s][t] == "O":
                covered.append(flat[i])
            i += 1
        if not covered:
            continue
        if len(covered) == 1 and label in MAIN_TYPES:
            start, end, _, _ = covered[0]
            if span_start > start or span_end < end:
                label += "part"
        previous_sentence = None
        for _, _, s, t in covered:
            labels[s][t] = ("I-" if s == previous_sentence else "B-") + label
            previous_sentence = s
    return labels


def token_offsets(words: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """A text for already-split words (GermEval files): joined by spaces, with each word's offsets."""
    offsets, position = [], 0
    for word in words:
        offsets.append((position, position + len(word)))
        position += len(word) + 1
    return " ".join(words), offsets
