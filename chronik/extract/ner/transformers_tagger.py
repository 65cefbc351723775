"""Names from a Hugging Face token-classification model (``--ner transformers:PATH``).

Each sentence's text goes through the model's fast tokenizer; its offset
mapping says which chronik token every subword lies in, and a token takes
the label of its first subword (the usual convention for BERT-style NER).
Labels map to GermEval types (:mod:`.labels`); the tokens' BIO labels are
then grouped into mentions by the entity layer as for the CRF.

Models load from a local folder only: HF_HUB_OFFLINE is set before
transformers is imported and every load says ``local_files_only``.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from typing import Sequence

from ...errors import ChronikError
from .labels import split_tag
from .spec import NerSpec
from .spacy_tagger import _first_line

# A long sentence is tagged in pieces of this many chronik tokens, so that
# it stays within the model's maximum input length (512 subwords for BERT).
CHUNK_TOKENS = 120
BATCH_CHUNKS = 16


class TransformersTagger:
    def __init__(self, spec: NerSpec) -> None:
        os.environ["HF_HUB_OFFLINE"] = "1"  # read at import time by huggingface_hub
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        import torch
        from transformers import AutoModelForTokenClassification, AutoTokenizer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # chronik's output is its own; errors still show
        self.spec = spec
        self.torch = torch
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(spec.location, local_files_only=True)
            self.model = AutoModelForTokenClassification.from_pretrained(spec.location, local_files_only=True)
        except Exception as error:  # OSError, ValueError, KeyError ... for a folder that is no such model
            raise ChronikError("E214", spec=str(spec), reason=_first_line(error)) from None
        if not getattr(self.tokenizer, "is_fast", False):
            raise ChronikError("E216", spec=str(spec))
        id2label = {int(i): str(name) for i, name in (self.model.config.id2label or {}).items()}
        self.tags = {i: split_tag(name) for i, name in id2label.items()}
        if not any(label for _, label in self.tags.values()):
            raise ChronikError("E215", spec=str(spec), labels=", ".join(id2label.values()) or "none")
        self.model.eval()
        limit = getattr(self.tokenizer, "model_max_length", 512)
        self.max_length = min(limit if isinstance(limit, int) and limit > 0 else 512, 512)

    def label(self, text: str, sentences: Sequence[Sequence[tuple[int, int]]]) -> list[list[str]]:
        chunks = [
            (s, first, tokens[first : first + CHUNK_TOKENS])
            for s, tokens in enumerate(sentences)
            for first in range(0, len(tokens), CHUNK_TOKENS)
        ]
        labels = [["O"] * len(tokens) for tokens in sentences]
        for i in range(0, len(chunks), BATCH_CHUNKS):
            batch = chunks[i : i + BATCH_CHUNKS]
            for (s, first, tokens), chunk_labels in zip(batch, self._tag_chunks(text, batch)):
                labels[s][first : first + len(tokens)] = chunk_labels
        return labels

    def _tag_chunks(self, text: str, chunks: list) -> list[list[str]]:
        texts = [text[tokens[0][0] : tokens[-1][1]] for _, _, tokens in chunks]
        encoded = self.tokenizer(
            texts, return_offsets_mapping=True, truncation=True, max_length=self.max_length,
            padding=True, return_tensors="pt",
        )
        offsets = encoded.pop("offset_mapping").tolist()
        with self.torch.inference_mode():
            predicted = self.model(**encoded).logits.argmax(-1).tolist()
        result = []
        for (_, _, tokens), row_offsets, row_ids in zip(chunks, offsets, predicted):
            base = tokens[0][0]
            starts = [start - base for start, _ in tokens]
            tags: list[tuple[str, str | None] | None] = [None] * len(tokens)
            for (sub_start, sub_end), label_id in zip(row_offsets, row_ids):
                if sub_end <= sub_start:
                    continue  # [CLS], [SEP], padding
                t = bisect_right(starts, sub_start) - 1
                if t >= 0 and tags[t] is None and sub_start < tokens[t][1] - base:
                    tags[t] = self.tags.get(label_id, ("O", None))  # first subword of the token
            result.append([_bio(tag) for tag in tags])
        return result


def _bio(tag: tuple[str, str | None] | None) -> str:
    if tag is None or tag[1] is None:
        return "O"
    return f"{tag[0]}-{tag[1]}"
