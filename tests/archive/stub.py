"""A tiny stand-in pipeline, so archive tests do not depend on the text layer."""

from __future__ import annotations

import re

from chronik.analysis import Analysis, Sentence, Token
from chronik.document import Document

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")


class StubPipeline:
    def __init__(self, version: str = "test-1", fail_on: str | None = None) -> None:
        self.version = version
        self.fail_on = fail_on
        self.calls = 0

    def __call__(self, document: Document) -> Analysis:
        self.calls += 1
        if self.fail_on and self.fail_on in document.text:
            raise RuntimeError("stub component crashed")
        analysis = Analysis(document, self.version)
        sentences, tokens = [], []
        for match in _SENTENCE.finditer(document.text):
            text = match.group()
            start = match.start() + len(text) - len(text.lstrip())
            end = match.end()
            if start >= end:
                continue
            first = len(tokens)
            for t in _TOKEN.finditer(document.text, start, end):
                tokens.append(Token(t.start(), t.end(), t.group(), len(sentences)))
            sentences.append(Sentence(start, end, len(sentences), token_start=first, token_end=len(tokens)))
        analysis.layers["sentences"] = sentences
        analysis.layers["tokens"] = tokens
        return analysis
