"""Names from a spaCy pipeline (``--ner spacy:NAME_OR_PATH``).

The pipeline runs on the article text as chronik has it, and its
``doc.ents`` character spans are mapped onto chronik's tokens, so roles,
links and quotes work on its names unchanged.  Only the components that
make entities (and the embedding layers they listen to) run.
"""

from __future__ import annotations

from typing import Sequence

from ...errors import ChronikError
from .align import bio_from_spans
from .labels import usable_labels
from .spec import NerSpec

# Components that write doc.ents, and those whose output they may listen to.
ENTITY_FACTORIES = {"ner", "beam_ner", "entity_ruler"}
EMBEDDING_FACTORIES = {"tok2vec", "transformer", "curated_transformer"}


class SpacyTagger:
    def __init__(self, spec: NerSpec) -> None:
        import spacy

        self.spec = spec
        try:
            # A folder, or the name of an installed package (checked by parse_ner):
            # spacy.load never downloads.
            nlp = spacy.load(spec.location)
        except Exception as error:  # spaCy raises OSError, ValueError, KeyError ... for bad folders
            raise ChronikError("E214", spec=str(spec), reason=_first_line(error)) from None
        factories = {name: nlp.get_pipe_meta(name).factory for name in nlp.pipe_names}
        entity_pipes = [name for name, factory in factories.items() if factory in ENTITY_FACTORIES]
        labels: set[str] = set()
        for name in entity_pipes:
            labels.update(getattr(nlp.get_pipe(name), "labels", ()))
        self.labels = usable_labels(labels)
        if not self.labels:
            raise ChronikError("E215", spec=str(spec), labels=", ".join(sorted(labels)) or "none")
        keep = set(entity_pipes) | {n for n, f in factories.items() if f in EMBEDDING_FACTORIES}
        nlp.select_pipes(disable=[name for name in nlp.pipe_names if name not in keep])
        self.nlp = nlp

    def label(self, text: str, sentences: Sequence[Sequence[tuple[int, int]]]) -> list[list[str]]:
        # spaCy's length guard is about memory for long texts; chronik limits input size itself.
        self.nlp.max_length = max(self.nlp.max_length, len(text) + 1)
        doc = self.nlp(text)
        spans = [(ent.start_char, ent.end_char, self.labels[ent.label_]) for ent in doc.ents if ent.label_ in self.labels]
        return bio_from_spans(spans, sentences)


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:300]
