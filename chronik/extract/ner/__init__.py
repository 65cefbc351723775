"""Optional stronger entity taggers: a spaCy pipeline or a Hugging Face
token-classification model the user has installed (``--ner``).

* :mod:`.spec` parses ``--ner crf|spacy:NAME_OR_PATH|transformers:PATH``
  into a small picklable :class:`~.spec.NerSpec` and loads its tagger once
  per process;
* :mod:`.labels` maps a model's labels to the GermEval/NoSta-D scheme;
* :mod:`.align` turns character spans into BIO labels on chronik's tokens;
* :mod:`.spacy_tagger` and :mod:`.transformers_tagger` run the models.

Nothing here downloads: models are read from installed packages or folders.
"""

from .spec import DEFAULT_NER, NerSpec, load_tagger, parse_ner

__all__ = ["DEFAULT_NER", "NerSpec", "load_tagger", "parse_ner"]
