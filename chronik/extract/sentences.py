"""German sentence boundaries over the tokens of one block.

A sentence ends after a terminal mark (``.``, ``!``, ``?``, ``...``) and any
closing quote marks or brackets right after it, but only when what follows
can start a sentence: a capitalised word, a number, an opening quote or
bracket.  So ``«Wir warten ab.» Er ging.`` is two sentences, the first
ending after ``»``; ``«Wir warten ab!», sagte er.`` is one; ``Was nun?
fragte sie.`` is one, as German punctuation wants.

Periods that belong to abbreviations and ordinals never reach this module:
the tokenizer keeps them inside their token (``Dr.``, ``7.``).  Only the
abbreviations marked ``final`` in ``abbreviations.txt`` ("usw.", "etc.")
may end a sentence, when a capitalised word follows.
"""

from __future__ import annotations

_TERMINAL_START = frozenset(".!?…")
# Marks that always open a quote; the others open when they follow a space.
_ALWAYS_OPENING = frozenset("„‚")
_QUOTES = frozenset("«»„“”‚‘’\"'‹›")
_CLOSING_BRACKETS = frozenset(")]}")
_OPENING_BRACKETS = frozenset("([{")
_DASHES = frozenset("-–—")


def is_terminal(token: str) -> bool:
    return token[0] in _TERMINAL_START and (len(token) == 1 or not token[1].isalnum())


def is_opening_quote(text: str, start: int, block_start: int) -> bool:
    """A quote mark opens when nothing but space or an opening bracket precedes it."""
    mark = text[start]
    if mark in _ALWAYS_OPENING:
        return True
    return start == block_start or text[start - 1].isspace() or text[start - 1] in _OPENING_BRACKETS


def _can_start_sentence(text: str, start: int, block_start: int) -> bool:
    first = text[start]
    if first.isupper() or first.isdigit():
        return True
    if first.islower():  # brand names written lower-case first: "eBay", "iPhone"
        word = text[start : start + 4].split(None, 1)[0]
        return any(c.isupper() for c in word[1:])
    if first in _QUOTES:
        return is_opening_quote(text, start, block_start)
    return first in _OPENING_BRACKETS or first in _DASHES


def split_sentences(
    text: str,
    spans: list[tuple[int, int]],
    block_start: int,
    sentence_final: frozenset[str],
) -> list[int]:
    """Token indices where new sentences start (always begins with 0)."""
    starts = [0] if spans else []
    n = len(spans)
    i = 0
    while i < n:
        start, end = spans[i]
        token = text[start:end]
        if not (is_terminal(token) or (token in sentence_final and i + 1 < n and text[spans[i + 1][0]].isupper())):
            i += 1
            continue
        j = i + 1
        # Swallow further marks and closing quotes/brackets: «... abwarten.»
        while j < n:
            s, e = spans[j]
            first = text[s]
            if is_terminal(text[s:e]) or first in _CLOSING_BRACKETS:
                j += 1
            elif first in _QUOTES and e - s == 1 and not is_opening_quote(text, s, block_start):
                j += 1
            else:
                break
        if j < n and _can_start_sentence(text, spans[j][0], block_start):
            starts.append(j)
        i = j
    return starts
