"""A model's entity labels in chronik's GermEval 2014 / NoSta-D scheme.

GermEval-style names (``PER``, ``LOCderiv``, ``ORGpart`` ...) pass through;
CoNLL-2003 and OntoNotes names (spaCy's German pipelines use the former,
most English ones the latter) map to the nearest GermEval type.  Labels
with no GermEval counterpart (dates, amounts ...) are dropped: chronik
finds time expressions with its own tagger.  docs/entities.md shows the
table.
"""

from __future__ import annotations

import re

MAIN_TYPES = ("PER", "ORG", "LOC", "OTH")

# Lower-cased model label -> GermEval type.
TYPE_OF_LABEL: dict[str, str] = {
    "per": "PER", "pers": "PER", "person": "PER",
    "org": "ORG", "organization": "ORG", "organisation": "ORG",
    "loc": "LOC", "location": "LOC", "gpe": "LOC", "fac": "LOC",
    "oth": "OTH", "misc": "OTH", "norp": "OTH", "event": "OTH", "work_of_art": "OTH",
    "product": "OTH", "law": "OTH", "language": "OTH",
}
# GermEval's derived forms and names inside a word keep their suffix.
_GERMEVAL = re.compile(r"^(PER|ORG|LOC|OTH)(deriv|part)$", re.IGNORECASE)
# Tag prefixes of BIO, BIOES/BILOU: where an entity begins, where it goes on.
_BEGIN = {"B", "S", "U"}
_INSIDE = {"I", "E", "L", "M"}


def germeval_label(label: str) -> str | None:
    """'PERSON' -> 'PER', 'MISC' -> 'OTH', 'LOCderiv' -> 'LOCderiv', 'DATE' -> None."""
    match = _GERMEVAL.match(label)
    if match:
        return match.group(1).upper() + match.group(2).lower()
    return TYPE_OF_LABEL.get(label.lower())


def split_tag(tag: str) -> tuple[str, str | None]:
    """A token-classification tag as (``B`` | ``I`` | ``O``, GermEval label or None).

    'B-PER' -> ('B', 'PER'), 'I-MISC' -> ('I', 'OTH'), 'S-LOC' -> ('B', 'LOC'),
    'O' -> ('O', None); a tag without a prefix ('PER', IO scheme) continues.
    """
    if tag in ("O", "", "_"):
        return "O", None
    prefix, rest = (tag[0], tag[2:]) if len(tag) > 2 and tag[1] in "-_" else ("", tag)
    label = germeval_label(rest)
    if label is None:
        return "O", None
    if prefix.upper() in _BEGIN:
        return "B", label
    return "I", label  # I-, E-, L-, M- or no prefix


def usable_labels(labels) -> dict[str, str]:
    """Of a model's labels, those chronik can use, with their GermEval label."""
    found = {}
    for label in labels:
        _, mapped = split_tag(label)
        if mapped:
            found[label] = mapped
    return found
