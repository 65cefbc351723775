"""The speech lexicon: cue verbs, cue prepositions, report nouns, Konjunktiv forms.

All of it is data under ``chronik/lang/<lang>/speech/``; this module only
loads the files into lookups that the extractor can use at full speed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from ..lang import resource_table
from ..word_cache import word_cache


@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str
    particle: str  # "" when the verb has no separable particle
    stwr: str
    takes_addressee: bool
    addressee_case: str = ""  # "dative" ("sagte dem Sender"), "accusative" ("forderte die Bürger auf")


@dataclass(frozen=True, slots=True)
class CuePreposition:
    word: str
    source_side: str  # "after", "before" or "none"
    stwr: str


@dataclass(slots=True)
class SpeechLexicon:
    verbs: dict[str, list[CueVerb]] = field(default_factory=dict)  # lemma -> entries
    prepositions: dict[str, CuePreposition] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)  # noun -> STWR
    konjunktiv: dict[str, str] = field(default_factory=dict)  # form -> "I" / "II"
    verb_forms: dict[str, str] = field(default_factory=dict)  # irregular form -> lemma
    # (word, lemma) -> candidates, bounded: a long stream brings new words forever
    _candidates: Callable[[str, str], tuple[str, ...]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._candidates = word_cache(200_000)(self._lemma_candidates)

    def lemma_candidates(self, word: str, lemma: str) -> tuple[str, ...]:
        """The tagger's lemma first, then lemmas guessed from the form itself:
        a statistical tagger's lemma for a rare participle can be wrong
        ("geäußert" -> "geäußeren"), and the cue must still be found."""
        return self._candidates(word, lemma)  # type: ignore[misc]

    def _lemma_candidates(self, word: str, lemma: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys([lemma, *self._guess(word.lower())]))

    def _guess(self, form: str) -> list[str]:
        if form in self.verb_forms:
            return [self.verb_forms[form]]
        stems = []
        for ending in ("test", "ten", "tet", "te", "est", "en", "et", "st", "e", "t", "n"):
            if form.endswith(ending) and len(form) - len(ending) >= 3:
                stems.append(form[: -len(ending)])
        # participles: "gesagt", "angekündigt" (particle + ge + stem + t)
        where = form.find("ge", 0, 8)
        if where >= 0 and form.endswith("t"):
            stems.append(form[:where] + form[where + 2 : -1])
        return [c for stem in stems for c in (stem + "en", stem + "n") if c in self.verbs]

    def verb(self, lemma: str, particles: set[str]) -> CueVerb | None:
        """The entry for a verb lemma given the particles seen in its clause.

        A particle verb ("wies ... zurück") wins over the plain verb, and a
        verb listed only with a particle is no cue without it ("gab" alone
        is not "gab an").
        """
        entries = self.verbs.get(lemma)
        if not entries:
            return None
        plain = None
        for entry in entries:
            if entry.particle and entry.particle in particles:
                return entry
            if not entry.particle:
                plain = entry
        return plain


@lru_cache(maxsize=None)
def speech_lexicon(lang: str = "de") -> SpeechLexicon:
    lexicon = SpeechLexicon()
    for row in resource_table(lang, "speech/verbs.tsv"):
        lemma, particle, stwr, addressee = (list(row) + ["-", "Speech", "0"])[:4]
        case = {"1": "dative", "2": "accusative"}.get(addressee, "")
        entry = CueVerb(lemma, "" if particle == "-" else particle, stwr, bool(case), case)
        lexicon.verbs.setdefault(lemma, []).append(entry)
    for row in resource_table(lang, "speech/prepositions.tsv"):
        word, side, stwr = (list(row) + ["after", "SW"])[:3]
        lexicon.prepositions[word] = CuePreposition(word, side, stwr)
    for row in resource_table(lang, "speech/nouns.tsv"):
        lexicon.nouns[row[0]] = row[1] if len(row) > 1 else "Speech"
    for row in resource_table(lang, "speech/konjunktiv.tsv"):
        lexicon.konjunktiv[row[0]] = row[1] if len(row) > 1 else "I"
    for row in resource_table(lang, "speech/verb_forms.tsv"):
        lexicon.verb_forms[row[0]] = row[1]
    return lexicon
