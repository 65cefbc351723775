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


def is_heading_line(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > HEADING_MAX_CHARS:
        return False
    if _FINAL_PUNCT.search(line):
        return False
    return len(line.split()) <= HEADING_MAX_WORDS


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
        # A short unpunctuated first line glued to its paragraph is a subheading.
        if len(lines) > 1 and is_heading_line(lines[0]) and len(lines[0]) <= 60:
            pieces.append((lines[0], BlockKind.HEADING))
            lines = lines[1:]
        paragraph = " ".join(lines)
        kind = BlockKind.HEADING if len(lines) == 1 and is_heading_line(paragraph) else BlockKind.PARAGRAPH
        pieces.append((paragraph, kind))
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
