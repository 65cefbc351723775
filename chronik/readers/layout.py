"""Paragraphs, subheadings and titles from plain text lines.

Wire texts arrive as lines: paragraphs separated by blank lines, sometimes
hard-wrapped, with subheadings as short lines without final punctuation.
The canonical document text joins the lines of a paragraph with one space
and separates blocks with one blank line, so that offsets are stable no
matter how the source file was wrapped.
"""

from __future__ import annotations

import re

from ..document import Block, BlockKind

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
# A heading ends without sentence punctuation; a closing quote mark after
# punctuation still counts as punctuation ("... sagte er.»").
_FINAL_PUNCT = re.compile(r"[.!?:;,…]['\"»«“”‘’)\]]*$")
HEADING_MAX_CHARS = 100
HEADING_MAX_WORDS = 14
GLUED_HEADING_MAX_CHARS = 60
GLUED_HEADING_SHARE = 0.7
QUESTION_HEADING_MAX_CHARS = 70
_OPENING_PUNCT = "\"«»„“‚‘'([–-"
QUESTION_HEADING_MAX_WORDS = 8
_QUOTE_MARKS = re.compile(r"[\"«»„“”‚‘’]")


def is_heading_line(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > HEADING_MAX_CHARS:
        return False
    if _FINAL_PUNCT.search(line):
        return False
    return len(line.split()) <= HEADING_MAX_WORDS


def is_glued_heading(first: str, second: str) -> bool:
    """A short unpunctuated line directly above a paragraph is its subheading
    — unless the paragraph is merely hard-wrapped: then the next line goes
    on mid-sentence (lower case) or the first line is about as long as it."""
    return (
        is_heading_line(first)
        and len(first) <= GLUED_HEADING_MAX_CHARS
        and _starts_sentence(second)
        and len(first) < GLUED_HEADING_SHARE * len(second)
    )


def _starts_sentence(line: str) -> bool:
    head = line.lstrip(_OPENING_PUNCT)[:1]
    return head.isupper() or head.isdigit()


def is_question_heading(line: str) -> bool:
    """Explainers use short questions as subheadings ("Wer zahlt die
    Rechnung?"); a question inside a quote is speech, not a heading."""
    line = line.strip()
    return (
        line.endswith("?")
        and len(line) <= QUESTION_HEADING_MAX_CHARS
        and len(line.split()) <= QUESTION_HEADING_MAX_WORDS
        and not _QUOTE_MARKS.search(line)
    )


def clean_line(line: str) -> str:
    # str.split() knows every Unicode space (no-break, thin, ideographic ...)
    # and runs in C: ten times faster than a regex over long one-line articles.
    # The zero-width space is not white space to Python, so it is mapped first.
    return " ".join(line.replace("\u200b", " ").split())


def layout_blocks(raw: str) -> tuple[str, tuple[Block, ...]]:
    """Return the canonical text and its blocks.

    >>> text, blocks = layout_blocks("Titel ohne Punkt\\n\\nErster Satz. Zweiter.\\n")
    >>> [(text[b.start:b.end], b.kind.value) for b in blocks]
    [('Titel ohne Punkt', 'title'), ('Erster Satz. Zweiter.', 'paragraph')]
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    pieces: list[tuple[str, BlockKind]] = []
    for chunk in _BLANK_LINE.split(raw):
        lines = [clean_line(line) for line in chunk.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if len(lines) > 1 and is_glued_heading(lines[0], lines[1]):
            pieces.append((lines[0], BlockKind.HEADING))
            lines = lines[1:]
        paragraph = " ".join(lines)
        kind = BlockKind.HEADING if len(lines) == 1 and is_heading_line(paragraph) else BlockKind.PARAGRAPH
        pieces.append((paragraph, kind))
    _mark_question_headings(pieces)
    if pieces and pieces[0][1] is BlockKind.HEADING:
        pieces[0] = (pieces[0][0], BlockKind.TITLE)

    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for text, kind in pieces:
        if parts:
            parts.append("\n\n")
            offset += 2
        blocks.append(Block(offset, offset + len(text), kind))
        parts.append(text)
        offset += len(text)
    return "".join(parts), tuple(blocks)


def _mark_question_headings(pieces: list[tuple[str, BlockKind]]) -> None:
    # Only a one-line question followed by a paragraph it introduces: a
    # question at the end of an article is its last sentence, not a heading.
    for index in range(len(pieces) - 1):
        text, kind = pieces[index]
        if kind is BlockKind.PARAGRAPH and pieces[index + 1][1] is BlockKind.PARAGRAPH and is_question_heading(text):
            pieces[index] = (text, BlockKind.HEADING)
