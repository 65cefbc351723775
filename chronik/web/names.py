"""Which entity a mention names, within one article.

News writes a person's full name once ("Katrin Wallmeyer") and the surname
after that ("Wallmeyer", "Wallmeyers Ministerium").  Within an article a
surname that ends exactly one full name of the article is that person.  The
same rule runs for every article when the web index is built and when an
article page is drawn, so the page links to the entities the index holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ENTITY_TYPES = ("PER", "ORG", "LOC", "OTH")


@dataclass(frozen=True, slots=True)
class NamedMention:
    start: int
    end: int
    text: str
    type: str
    name: str  # canonical name within the article
    sentence: int


def _full_names(analysis: dict[str, Any]) -> set[str]:
    names = {m["text"] for m in analysis.get("mentions", []) if m.get("label") == "PER" and " " in m["text"]}
    names.update(r["person"] for r in analysis.get("roles", []) if " " in (r.get("person") or ""))
    return names


def surname_index(full_names: set[str]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for name in full_names:
        index.setdefault(name.split()[-1], set()).add(name)
    return index


def person_name(text: str, surnames: dict[str, set[str]]) -> str:
    """The full name a one-word person mention stands for, when unambiguous."""
    if " " in text:
        return text
    for candidate in (text, text[:-1] if text.endswith("s") else None):
        names = surnames.get(candidate or "")
        if names and len(names) == 1:
            return next(iter(names))
    return text


def named_mentions(analysis: dict[str, Any]) -> list[NamedMention]:
    """Mentions that name an entity (GermEval -deriv/-part labels do not)."""
    surnames = surname_index(_full_names(analysis))
    result = []
    for m in analysis.get("mentions", []):
        label = m.get("label", "")
        if label not in ENTITY_TYPES:
            continue
        name = person_name(m["text"], surnames) if label == "PER" else m["text"]
        result.append(NamedMention(m["start"], m["end"], m["text"], label, name, m.get("sentence", -1)))
    return result


def speaker_name(speaker: str, analysis_names: dict[str, str], surnames: dict[str, set[str]]) -> str:
    """The canonical person name of a quote's speaker in its article ("" if none)."""
    speaker = (speaker or "").strip()
    if not speaker:
        return ""
    if speaker in analysis_names:
        return analysis_names[speaker]
    return person_name(speaker, surnames)
