"""The text layer: sentences and tokens with STTS tags and lemmas.

``TextLayer("de")(analysis)`` fills ``analysis.layers["sentences"]`` and
``analysis.layers["tokens"]``.  Sentences never cross a document block;
headings and titles are one sentence each (``is_heading=True``).  Every
token and sentence carries character offsets into ``analysis.text``.
"""

from __future__ import annotations

import re

from ..analysis import Analysis, Sentence, Token
from ..document import Block, BlockKind
from .sentences import split_sentences
from .tagger import load_tagger
from .tokens import PeriodRules, period_rules, tokenize_span

_NAME_OR_NOUN = frozenset({"NE", "NN"})
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def fallback_blocks(text: str) -> tuple[Block, ...]:
    """Paragraph blocks for a document built without a layout (no blocks)."""
    blocks = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[position:end]
        stripped = piece.strip()
        if stripped:
            offset = position + piece.index(stripped[0])
            blocks.append(Block(offset, offset + len(stripped), BlockKind.PARAGRAPH))
        position = match.end() if match else len(text)
    return tuple(blocks)


def segment_block(text: str, block: Block, rules: PeriodRules) -> list[list[tuple[int, int]]]:
    """The token spans of one block, grouped by sentence."""
    spans = tokenize_span(text, block.start, block.end, rules)
    if not spans:
        return []
    if block.kind is not BlockKind.PARAGRAPH:  # a heading is one sentence
        return [spans]
    starts = split_sentences(text, spans, block.start, rules.sentence_final)
    starts.append(len(spans))
    return [spans[a:b] for a, b in zip(starts, starts[1:])]


def segment(text: str, blocks: tuple[Block, ...], rules: PeriodRules) -> list[tuple[int, list[tuple[int, int]]]]:
    """(block index, token spans) of every sentence, without tagging."""
    return [
        (index, sentence)
        for index, block in enumerate(blocks or fallback_blocks(text))
        for sentence in segment_block(text, block, rules)
    ]


class TextLayer:
    """Tokenizer, sentence splitter and tagger for one language."""

    def __init__(self, lang: str = "de") -> None:
        self.lang = lang
        self.rules = period_rules(lang)
        self.tagger = load_tagger(lang)

    def __call__(self, analysis: Analysis) -> None:
        text = analysis.text
        blocks = analysis.document.blocks or fallback_blocks(text)
        sentences: list[Sentence] = []
        tokens: list[Token] = []
        for block_index, block in enumerate(blocks):
            self._add_block(text, block_index, block, sentences, tokens)
        self._harmonise_names(tokens)
        analysis.layers["sentences"] = sentences
        analysis.layers["tokens"] = tokens

    def _harmonise_names(self, tokens: list[Token]) -> None:
        """A name stays a name through the article.

        The tagger sees one sentence at a time and may read an unfamiliar
        name as a noun in one sentence ("Putin/NN habe ...") and as a name
        in others.  Capitalised words it never saw as nouns in training
        become NE everywhere when most of their occurrences are NE.
        """
        votes: dict[str, list[int]] = {}
        known_noun = self.tagger.lemmas
        for token in tokens:
            if token.pos in _NAME_OR_NOUN and token.text[0].isupper() and "NN\t" + token.text not in known_noun:
                counts = votes.setdefault(token.text, [0, 0])
                counts[token.pos == "NN"] += 1
        for token in tokens:
            if token.pos == "NN":
                counts = votes.get(token.text)
                if counts and counts[0] > counts[1]:
                    token.pos = "NE"
                    token.lemma = self.tagger.lemma(token.text, "NE")

    def _add_block(
        self, text: str, block_index: int, block: Block, sentences: list[Sentence], tokens: list[Token]
    ) -> None:
        heading = block.kind is not BlockKind.PARAGRAPH
        text_len = len(text)
        for sentence_spans in segment_block(text, block, self.rules):
            sentence_index = len(sentences)
            words = [text[s:e] for s, e in sentence_spans]
            tags, lemmas = self.tagger.tag(words)
            token_start = len(tokens)
            for (s, e), word, tag, lemma in zip(sentence_spans, words, tags, lemmas):
                space = e < text_len and text[e].isspace()
                tokens.append(Token(s, e, word, sentence_index, tag, lemma, space))
            sentences.append(
                Sentence(
                    sentence_spans[0][0],
                    sentence_spans[-1][1],
                    sentence_index,
                    block_index,
                    heading,
                    token_start,
                    len(tokens),
                )
            )
