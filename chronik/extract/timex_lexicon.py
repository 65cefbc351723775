"""The German words of time, read from ``chronik/lang/<lang>/time/``.

Everything language-specific that the temporal tagger needs (month and
weekday names, units, number words, tense cues ...) lives in those data
files; this module only loads them into dictionaries and turns them into
regular-expression alternations.  Loaded once per language and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import resource_lines, resource_table

_DIR = "time/"


def _pairs(lang: str, name: str) -> dict[str, str]:
    return {row[0]: row[1] for row in resource_table(lang, _DIR + name) if len(row) >= 2}


def _words(lang: str, name: str) -> frozenset[str]:
    return frozenset(resource_lines(lang, _DIR + name))


def alternation(words, *, fold_first: bool = True) -> str:
    """A regex group matching any of ``words``, longest first.

    With ``fold_first`` the first letter may be upper or lower case, because
    a sentence may start with "Gestern" and a line with "im".
    """
    variants: set[str] = set()
    for word in words:
        variants.add(word)
        if fold_first and word:
            variants.add(word[0].upper() + word[1:])
            variants.add(word[0].lower() + word[1:])
    ordered = sorted(variants, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def _groups(lang: str, name: str) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for row in resource_table(lang, _DIR + name):
        groups.setdefault(row[0], []).append(row[1])
    return {role: tuple(words) for role, words in groups.items()}


def _fold(table: dict[str, str]) -> dict[str, str]:
    """Lookup keyed by lower-cased word (matching is first-letter tolerant)."""
    return {key.lower(): value for key, value in table.items()}


@dataclass(frozen=True)
class TimeLexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_adverbs: dict[str, int]
    day_parts: dict[str, str]
    day_part_adverbs: dict[str, str]
    relative_days: dict[str, int]
    reference_words: dict[str, str]
    reference_leads: dict[str, str]  # word -> the word it must follow
    reference_names: tuple[str, ...]  # as written, for matching
    units: dict[str, str]
    plural_units: frozenset[str]
    unit_adjectives: dict[str, tuple[str, str]]
    sets: dict[str, str]
    numbers: dict[str, str]
    ordinals: dict[str, int]
    seasons: dict[str, str]
    year_parts: dict[str, tuple[str, int]]
    positions: dict[str, tuple[str, float, float]]
    relative_modifiers: dict[str, tuple[int, str]]
    relative_nouns: dict[str, tuple[str, int, str, str]]
    narrative_shifts: dict[str, int]
    holidays: dict[str, str]
    holiday_names: tuple[str, ...]  # as written, for matching
    tense_cues: dict[str, int]
    month_leads: frozenset[str]
    year_blockers: frozenset[str]
    approximators: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    duration_blockers: frozenset[str]
    age_prepositions: frozenset[str]
    clock_range_words: frozenset[str]
    preposition_directions: dict[str, int]
    decade_words: dict[str, int]
    function_words: dict[str, tuple[str, ...]]
    duration_prepositions: dict[str, int | None]
    day_part_modifiers: dict[str, str]
    morning_markers: frozenset[str]
    set_quantifiers: frozenset[str]
    nowadays_phrases: tuple[tuple[str, ...], ...]
    year_boundaries: frozenset[str]

    def month(self, word: str) -> int | None:
        return self.months.get(word.lower())

    def number(self, word: str) -> str | None:
        """'2', '1.5' or 'X' (an unknown amount) for a digit string or number word."""
        word = word.strip()
        if re.fullmatch(r"\d+(?:,\d+)?", word):
            return word.replace(",", ".")
        return self.numbers.get(word.lower())


@lru_cache(maxsize=None)
def load_lexicon(lang: str = "de") -> TimeLexicon:
    return TimeLexicon(
        months=_fold({k: int(v) for k, v in _pairs(lang, "months.tsv").items()}),
        weekdays=_fold({k: int(v) for k, v in _pairs(lang, "weekdays.tsv").items()}),
        weekday_adverbs=_fold({k: int(v) for k, v in _pairs(lang, "weekday_adverbs.tsv").items()}),
        day_parts=_fold(_pairs(lang, "day_parts.tsv")),
        day_part_adverbs=_fold(_pairs(lang, "day_part_adverbs.tsv")),
        relative_days=_fold({k: int(v) for k, v in _pairs(lang, "relative_days.tsv").items()}),
        reference_words=_fold(_pairs(lang, "reference_words.tsv")),
        reference_names=tuple(_pairs(lang, "reference_words.tsv")),
        reference_leads={
            r[0].lower(): r[2] for r in resource_table(lang, _DIR + "reference_words.tsv") if len(r) > 2
        },
        units=_fold(_pairs(lang, "units.tsv")),
        plural_units=frozenset(
            r[0] for r in resource_table(lang, _DIR + "units.tsv") if len(r) > 2 and r[2] == "pl"
        ),
        unit_adjectives={
            r[0].lower(): (r[1], r[2]) for r in resource_table(lang, _DIR + "unit_adjectives.tsv")
        },
        sets=_fold(_pairs(lang, "sets.tsv")),
        numbers=_fold(_pairs(lang, "numbers.tsv")),
        ordinals=_fold({k: int(v) for k, v in _pairs(lang, "ordinals.tsv").items()}),
        seasons=_fold(_pairs(lang, "seasons.tsv")),
        year_parts={
            r[0].lower(): (r[1], int(r[2])) for r in resource_table(lang, _DIR + "year_parts.tsv")
        },
        positions={
            r[0].lower(): (r[1], float(r[2]), float(r[3]))
            for r in resource_table(lang, _DIR + "positions.tsv")
        },
        relative_modifiers={
            r[0].lower(): (int(r[1]), r[2]) for r in resource_table(lang, _DIR + "relative_modifiers.tsv")
        },
        relative_nouns={
            r[0].lower(): (r[1], int(r[2]), r[3], r[4] if len(r) > 4 else "")
            for r in resource_table(lang, _DIR + "relative_nouns.tsv")
        },
        narrative_shifts=_fold({k: int(v) for k, v in _pairs(lang, "narrative_shifts.tsv").items()}),
        holidays=_fold(_pairs(lang, "holidays.tsv")),
        holiday_names=tuple(_pairs(lang, "holidays.tsv")),
        tense_cues={k: int(v) for k, v in _pairs(lang, "tense_cues.tsv").items()},
        month_leads=_words(lang, "month_leads.txt"),
        year_blockers=_words(lang, "year_blockers.txt"),
        approximators=_words(lang, "approximators.txt"),
        perfect_auxiliaries=_words(lang, "perfect_auxiliaries.txt"),
        duration_blockers=_words(lang, "duration_blockers.txt"),
        age_prepositions=_words(lang, "age_prepositions.txt"),
        clock_range_words=_words(lang, "clock_range_words.txt"),
        duration_prepositions={
            k.lower(): (None if v == "-" else int(v)) for k, v in _pairs(lang, "duration_prepositions.tsv").items()
        },
        day_part_modifiers=_fold(_pairs(lang, "day_part_modifiers.tsv")),
        morning_markers=_words(lang, "morning_markers.txt"),
        set_quantifiers=_words(lang, "set_quantifiers.txt"),
        year_boundaries=_words(lang, "year_boundaries.txt"),
        nowadays_phrases=tuple(tuple(line.split()) for line in sorted(_words(lang, "nowadays_phrases.txt"))),
        function_words=_groups(lang, "function_words.tsv"),
        decade_words=_fold({k: int(v) for k, v in _pairs(lang, "decade_words.tsv").items()}),
        preposition_directions=_fold({k: int(v) for k, v in _pairs(lang, "preposition_directions.tsv").items()}),
    )
