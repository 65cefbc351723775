"""STTS part-of-speech tags and lemmas for the tokens of one sentence.

PROVISIONAL: uses HanTa when it is installed (slow, ~5,000 tokens/s) and
otherwise leaves tags empty.  A fast tagger trained from HanTa's output
(training/build_tagger.py) replaces this.
"""

from __future__ import annotations

from typing import Protocol


class Tagger(Protocol):
    def tag(self, words: list[str]) -> tuple[list[str], list[str]]: ...


class _HanTaTagger:
    def __init__(self) -> None:
        from HanTa import HanoverTagger

        self._tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")

    def tag(self, words: list[str]) -> tuple[list[str], list[str]]:
        tagged = self._tagger.tag_sent(words)
        return [t.replace("(", "").replace(")", "") for _, _, t in tagged], [lemma for _, lemma, _ in tagged]


class _EmptyTagger:
    def tag(self, words: list[str]) -> tuple[list[str], list[str]]:
        return [""] * len(words), list(words)


def load_tagger(lang: str) -> Tagger:
    try:
        return _HanTaTagger()
    except Exception:  # noqa: BLE001 - provisional fallback
        return _EmptyTagger()
