"""``--ner crf|spacy:NAME_OR_PATH|transformers:PATH``: which tagger finds names.

The spec is parsed and checked once, in the process that reads the command
line, before any article is read: a missing package or folder is a one-line
error, not a failure in every worker.  It is a frozen dataclass of strings,
so it pickles to process-pool and Ray workers, which load the model once
each (:func:`load_tagger` keeps one tagger per spec and process).

``version_key`` enters the pipeline version (chronik/pipeline.py): switching
the tagger, or changing the model's files, re-analyses stored articles.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Sequence

from ...errors import ChronikError

KINDS = ("crf", "spacy", "transformers")
# Which packages each kind needs, and the extra that installs them.
PACKAGES = {"spacy": ("spacy",), "transformers": ("transformers", "torch")}
# Files up to this size enter the fingerprint by content, larger ones (weights) by size and time.
_HASHED_FILE_BYTES = 1 << 20
_PACKAGE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class NerSpec:
    kind: str = "crf"
    target: str = ""  # as the user wrote it
    location: str = ""  # an absolute folder, or an installed spaCy package name
    fingerprint: str = ""  # changes when the model changes

    @property
    def is_default(self) -> bool:
        return self.kind == "crf"

    @property
    def version_key(self) -> str:
        return self.kind if self.is_default else f"{self.kind}:{self.fingerprint}"

    def __str__(self) -> str:
        return self.kind if self.is_default else f"{self.kind}:{self.target}"


DEFAULT_NER = NerSpec()


class SentenceTagger(Protocol):
    def label(self, text: str, sentences: Sequence[Sequence[tuple[int, int]]]) -> list[list[str]]:
        """BIO labels (GermEval types) for each token of each sentence.

        ``sentences`` holds, per sentence, the (start, end) character
        offsets of chronik's tokens in ``text``.
        """
        ...


def parse_ner(value: str | None) -> NerSpec:
    """Check a ``--ner`` value; raises ChronikError E210-E213."""
    if value is None or value.strip() == "crf":
        return DEFAULT_NER
    kind, sep, target = value.strip().partition(":")
    if not sep or kind not in KINDS[1:] or not target.strip():
        raise ChronikError("E210", value=value)
    target = target.strip()
    shown = f"{kind}:{target}"
    for package in PACKAGES[kind]:
        if not is_installed(package):
            raise ChronikError("E211", spec=shown, package=package, extra=kind)
    folder = Path(target).expanduser()
    if folder.is_dir():
        folder = folder.resolve()
        return NerSpec(kind, target, str(folder), folder_fingerprint(folder))
    if kind == "spacy" and _PACKAGE_NAME.match(target) and is_installed(target):
        # An installed pipeline package such as de_core_news_lg: its version says what it is.
        try:
            version = importlib.metadata.version(target)
        except importlib.metadata.PackageNotFoundError:
            version = "unknown"
        return NerSpec(kind, target, target, f"{target}=={version}")
    raise ChronikError("E212" if kind == "spacy" else "E213", spec=shown, target=target)


def is_installed(module: str) -> bool:
    """Importable, without importing it (spaCy and torch take seconds)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def folder_fingerprint(folder: Path) -> str:
    """A short hash of a model folder: names, small files by content, weights by size and time."""
    digest = hashlib.sha1()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        stat = path.stat()
        digest.update(f"{path.relative_to(folder).as_posix()}\0{stat.st_size}\0".encode())
        if stat.st_size <= _HASHED_FILE_BYTES:
            digest.update(path.read_bytes())
        else:
            digest.update(str(stat.st_mtime_ns).encode())
    return digest.hexdigest()[:12]


_LOADED: dict[NerSpec, SentenceTagger] = {}


def load_tagger(spec: NerSpec) -> SentenceTagger:
    """The spec's tagger, loaded once per process."""
    if spec.is_default:
        raise ValueError("the CRF tagger is built by EntityLayer itself")
    tagger = _LOADED.get(spec)
    if tagger is None:
        if spec.kind == "spacy":
            from .spacy_tagger import SpacyTagger

            tagger = SpacyTagger(spec)
        else:
            from .transformers_tagger import TransformersTagger

            tagger = TransformersTagger(spec)
        _LOADED[spec] = tagger
    return tagger
