"""The analysis of one document: layers of spans over its text.

Every layer item carries character offsets (``start``, ``end``) into
``Document.text``; that is how any fact shown to a user is traced back to
its sentence.  Layers are filled by pipeline components (see
:mod:`chronik.pipeline`); this module only defines the container, the text
layer items everybody needs, and the stable JSON form (docs/json.md).
"""

from __future__ import annotations

import bisect
import dataclasses
from enum import Enum
from typing import Any, Iterator

from .document import Document

JSON_SCHEMA_VERSION = 1


@dataclasses.dataclass(slots=True)
class Sentence:
    start: int
    end: int
    index: int
    block: int = 0  # index into Document.blocks
    is_heading: bool = False
    token_start: int = 0  # first token index in Analysis.tokens
    token_end: int = 0  # one past the last token index


@dataclasses.dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    sentence: int
    pos: str = ""  # STTS tag
    lemma: str = ""
    space_after: bool = True


def to_jsonable(value: Any) -> Any:
    """Turn layer items (dataclasses, enums, dates) into plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if hasattr(value, "to_dict"):
            return value.to_dict()
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


class Analysis:
    """Layers over one document.  ``analysis.layers["quotes"]`` and so on."""

    def __init__(self, document: Document, pipeline_version: str = "") -> None:
        self.document = document
        self.pipeline_version = pipeline_version
        self.layers: dict[str, list[Any]] = {}
        self._sentence_starts: list[int] | None = None

    # -- convenient access -------------------------------------------------
    @property
    def text(self) -> str:
        return self.document.text

    @property
    def sentences(self) -> list[Sentence]:
        return self.layers.get("sentences", [])

    @property
    def tokens(self) -> list[Token]:
        return self.layers.get("tokens", [])

    def __getattr__(self, name: str) -> Any:
        # analysis.quotes, analysis.timexes ... for layers added by components.
        layers = self.__dict__.get("layers")
        if layers is not None and name in layers:
            return layers[name]
        raise AttributeError(name)

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.token_start : sentence.token_end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset (for provenance)."""
        sentences = self.sentences
        if self._sentence_starts is None or len(self._sentence_starts) != len(sentences):
            self._sentence_starts = [s.start for s in sentences]
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and sentences[i].start <= offset < max(sentences[i].end, sentences[i].start + 1):
            return sentences[i]
        return None

    def span_text(self, start: int, end: int) -> str:
        return self.document.text[start:end]

    def iter_sentence_texts(self) -> Iterator[tuple[Sentence, str]]:
        for sentence in self.sentences:
            yield sentence, self.text[sentence.start : sentence.end]

    # -- JSON ----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        result: dict[str, Any] = {
            "schema": JSON_SCHEMA_VERSION,
            "pipeline": self.pipeline_version,
            "document": {
                "id": doc.id,
                "date": str(doc.date) if doc.date else None,
                "date_precision": doc.date.precision.value if doc.date else None,
                "title": doc.title,
                "source": doc.source,
                "url": doc.url,
                "metadata": to_jsonable(dict(doc.metadata)),
                "blocks": [
                    {"start": b.start, "end": b.end, "kind": b.kind.value} for b in doc.blocks
                ],
                "text": doc.text,
            },
            "sentences": [
                {
                    "index": s.index,
                    "start": s.start,
                    "end": s.end,
                    "block": s.block,
                    "is_heading": s.is_heading,
                    "tokens": [s.token_start, s.token_end],
                }
                for s in self.sentences
            ],
            "tokens": [
                [t.start, t.end, t.text, t.pos, t.lemma] for t in self.tokens
            ],
        }
        for name, items in self.layers.items():
            if name not in ("sentences", "tokens"):
                result[name] = to_jsonable(items)
        return result
