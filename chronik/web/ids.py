"""Stable public ids for things the web shows: entities, quotes, time expressions.

Ids are derived from content, never from row numbers, so a link stays valid
after re-ingesting: an entity id comes from its type and canonical name, a
quote or time-expression id from its article id and character offsets.
Every id is checked against a strict pattern before it reaches a query, so
nothing a visitor types can name a file or escape the archive.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ..errors import ChronikError

DOC_ID = re.compile(r"[0-9a-f]{6,16}")
ENTITY_ID = re.compile(r"(per|org|loc|oth)-[a-z0-9-]{0,80}-[0-9a-f]{6}")
SPAN_ID = re.compile(r"([0-9a-f]{16})-(\d{1,9})-(\d{1,9})")

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slug(name: str) -> str:
    """'Katrin Wallmeyer' -> 'katrin-wallmeyer'; umlauts spelled out."""
    text = unicodedata.normalize("NFKD", name.lower().translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60]


def entity_id(kind: str, name: str) -> str:
    # The short hash keeps "Müller" and "Mueller" apart although their slugs agree.
    digest = hashlib.sha1(f"{kind}\t{name}".encode("utf-8")).hexdigest()[:6]
    return f"{kind.lower()}-{slug(name)}-{digest}"


def span_id(doc_id: str, start: int, end: int) -> str:
    return f"{doc_id}-{start}-{end}"


def check_doc_id(value: str) -> str:
    value = value.strip().lower()
    if not DOC_ID.fullmatch(value):
        raise ChronikError("E303", doc_id=value[:40])
    return value


def check_entity_id(value: str) -> str:
    if not ENTITY_ID.fullmatch(value):
        raise ChronikError("E502", kind="entity", item_id=value[:80])
    return value


def parse_span_id(value: str, kind: str) -> tuple[str, int, int]:
    match = SPAN_ID.fullmatch(value)
    if not match:
        raise ChronikError("E502", kind=kind, item_id=value[:80])
    return match.group(1), int(match.group(2)), int(match.group(3))
