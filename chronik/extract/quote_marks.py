"""Quotation marks: pair opening and closing marks over a token sequence.

German news uses several conventions: «...» (Swiss, many agencies),
»...« (books, some papers), „...“ (German standard), "..." (typewriter),
‚...‘ (quote inside a quote) and the sloppy mix „..." where a typewriter
mark closes a German opening mark.  Quotes run over several sentences
and, when a quote goes on in the next paragraph, the closing mark may be
missing at the end of a paragraph (the next paragraph reopens it).

Everything here works on tokens: a quote mark is a token of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

# Opening mark -> the marks that may close it.
_CLOSERS: dict[str, frozenset[str]] = {
    "„": frozenset({"“", '"', "”"}),
    '"': frozenset({'"', "“", "”"}),
    "“": frozenset({"”", '"'}),
    "‚": frozenset({"‘", "'", "’"}),
    "«": frozenset({"»"}),
    "»": frozenset({"«"}),
    "‹": frozenset({"›"}),
    "›": frozenset({"‹"}),
}
QUOTE_MARKS = frozenset(_CLOSERS) | frozenset({"”", "‘", "’"})
DOUBLE_MARKS = frozenset({"„", '"', "“", "”", "«", "»"})


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A quotation from its opening mark to its closing mark (both included).

    Positions are (sentence index, token index).  ``closed`` is False when
    the closing mark was missing and the span was cut at a paragraph end.
    """

    start: tuple[int, int]
    end: tuple[int, int]
    closed: bool = True

    @property
    def sentences(self) -> range:
        return range(self.start[0], self.end[0] + 1)


def _convention(sentences: Sequence[Sequence[str]]) -> str:
    """Which guillemet opens a quote in this article: the one seen first."""
    for words in sentences:
        for word in words:
            if word in ("«", "»"):
                return word
    return "«"


def find_quoted_spans(
    sentences: Sequence[Sequence[str]], paragraph_of: Sequence[int] | None = None
) -> list[QuotedSpan]:
    """All quotations of an article, outermost first within each start.

    ``paragraph_of[s]`` is the paragraph of sentence ``s``; without it the
    article is one paragraph.
    """
    opener_guillemet = _convention(sentences)
    spans: list[QuotedSpan] = []
    stack: list[tuple[str, tuple[int, int]]] = []  # (mark, position)

    def close_unclosed(last: tuple[int, int]) -> None:
        # A quote left open at a paragraph end ends there (the next
        # paragraph reopens it); nested single quotes are dropped.
        if stack and stack[0][0] in DOUBLE_MARKS and last >= stack[0][1]:
            spans.append(QuotedSpan(stack[0][1], last, closed=False))
        stack.clear()

    previous_paragraph = None
    last_position = (0, 0)
    for s, words in enumerate(sentences):
        paragraph = paragraph_of[s] if paragraph_of is not None else 0
        if previous_paragraph is not None and paragraph != previous_paragraph:
            close_unclosed(last_position)
        previous_paragraph = paragraph
        for t, word in enumerate(words):
            last_position = (s, t)
            if word not in QUOTE_MARKS:
                continue
            if stack and word in _CLOSERS[stack[-1][0]]:
                mark, start = stack.pop()
                spans.append(QuotedSpan(start, (s, t)))
            elif word in ("«", "»") and word != opener_guillemet:
                continue  # a stray closer
            elif word in _CLOSERS and word not in ("“",) or (word == "“" and not stack):
                stack.append((word, (s, t)))
    close_unclosed(last_position)
    spans.sort(key=lambda span: (span.start, (-span.end[0], -span.end[1])))
    return spans


def outermost(spans: Sequence[QuotedSpan]) -> list[QuotedSpan]:
    """Drop quotes that lie inside another quote."""
    result: list[QuotedSpan] = []
    for span in spans:
        if result and span.start <= result[-1].end:
            continue
        result.append(span)
    return result
