"""The event lexicon: triggers, status cues, modes and institutions as data.

Everything language-specific lives under ``lang/<lang>/events/``; this
module only reads those tables into lookups.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang import resource_lines, resource_table
from ..word_cache import word_cache

_DIR = "events/"


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    particle: str  # "" when the verb is not separable
    pos: str  # V or N
    type: str  # PLOVER event type
    mode: str  # "" when the trigger gives none
    target: str  # "obj", a preposition ("mit"), or "" for none
    with_prep: str  # preposition of the instrument phrase, or ""
    symmetric: bool  # both sides act (talks, meetings)
    genitive_actor: bool = False  # a noun whose genitive is its actor ("Abzug der Truppen")
    needs: tuple[str, ...] = ()  # nouns one of which must be in the clause (lower case)
    object_control: bool = False  # the object is the subject of the zu-infinitive after it
    unless_nouns: tuple[str, ...] = ()  # not an event with one of these nouns in the clause ("Entscheidung treffen")
    unless_words: tuple[str, ...] = ()  # not an event with one of these words in the clause ("sprach von")
    needs_argument: bool = False  # only with a target, a with-phrase or a zu-infinitive ("droht ein Streik": none)
    needs_target: bool = False  # only with a named target ("warnte Moskau"; "warnte vor einer Eskalation": none)
    if_words: tuple[str, ...] = ()  # only with one of these words in the clause ("stellte sich hinter X")
    status: str = ""  # the status the act has whatever the tense ("lud ein": the talks are planned)
    light: bool = False  # imposes its object: an event noun there gives the type ("verhängte ein Verbot")


def _trigger(row: tuple[str, ...]) -> Trigger:
    lemma, particle, pos, type_, mode, frame = (list(row) + ["-"] * 6)[:6]
    hints = frame.split() if frame != "-" else []
    target, with_prep = ("obj" if pos == "V" else ""), ""
    needs: tuple[str, ...] = ()
    unless_nouns: tuple[str, ...] = ()
    unless_words: tuple[str, ...] = ()
    if_words: tuple[str, ...] = ()
    status = ""
    for hint in hints:
        if hint.startswith("target="):
            target = hint.split("=", 1)[1]
        elif hint in ("needs=arg", "needs=target"):
            continue
        elif hint.startswith("needs="):
            needs = tuple(n.lower() for n in hint.split("=", 1)[1].split(","))
        elif hint.startswith("with="):
            with_prep = hint.split("=", 1)[1]
        elif hint.startswith("unless="):
            unless_nouns = tuple(n.lower() for n in hint.split("=", 1)[1].split(","))
        elif hint.startswith("without="):
            unless_words = tuple(n.lower() for n in hint.split("=", 1)[1].split(","))
        elif hint.startswith("if="):
            if_words = tuple(n.lower() for n in hint.split("=", 1)[1].split(","))
        elif hint.startswith("status="):
            status = hint.split("=", 1)[1]
    return Trigger(
        lemma, "" if particle == "-" else particle, pos, type_, "" if mode == "-" else mode,
        target, with_prep, "sym" in hints, "gen=actor" in hints, needs,
        "control=obj" in hints, unless_nouns, unless_words, "needs=arg" in hints, "needs=target" in hints,
        if_words, status, "light" in hints,
    )


class EventLexicon:
    """Lookups over the data files of one language."""

    def __init__(self, lang: str) -> None:
        triggers = [_trigger(row) for row in resource_table(lang, _DIR + "triggers.tsv")]
        # verbs: (lemma, particle) and the joined form ("vorwerfen")
        self.verbs: dict[tuple[str, str], Trigger] = {}
        self.nouns: dict[str, Trigger] = {}
        # a noun's readings, those with conditions first ("gemeinsames Manöver" is cooperation)
        self.noun_readings: dict[str, list[Trigger]] = {}
        self.noun_suffixes: list[tuple[str, Trigger]] = []
        # several readings of one verb, told apart by the words of its clause
        # ("schloss die Grenze" SANCTION, "schloss ein Abkommen" AGREE): all
        # readings per verb, conditioned ones first
        self.readings: dict[tuple[str, str], list[Trigger]] = {}
        for trig in triggers:
            if trig.pos == "V":
                self.verbs.setdefault((trig.lemma, trig.particle), trig)
                self.readings.setdefault((trig.lemma, trig.particle), []).append(trig)
                if trig.particle:
                    self.verbs.setdefault((trig.particle + trig.lemma, ""), trig)
                    self.readings.setdefault((trig.particle + trig.lemma, ""), []).append(trig)
            elif trig.lemma.startswith("~"):
                self.noun_suffixes.append((trig.lemma[1:].lower(), trig))
            else:
                self.nouns.setdefault(trig.lemma.lower(), trig)
                self.noun_readings.setdefault(trig.lemma.lower(), []).append(trig)
        for options in list(self.readings.values()) + list(self.noun_readings.values()):
            options.sort(key=lambda t: not (t.needs or t.if_words))
        # bounded: German compounds make the noun vocabulary of a long
        # stream of articles open-ended, so an unbounded cache would grow
        # with every article
        self._find_noun_cached = word_cache(100_000)(self._find_noun)
        # consonant skeletons of the verbs, for forms the lemmatizer left
        # alone ("ausgewiesen", "zusammenzuziehen")
        self.skeletons: dict[str, Trigger] = {}
        for (lemma, particle), trig in self.verbs.items():
            if not particle:
                self.skeletons.setdefault(skeleton(lemma), trig)
        self.cues: dict[str, tuple[str, str]] = {
            row[0]: (row[1], row[2]) for row in resource_table(lang, _DIR + "status_cues.tsv")
        }
        self.institutions = {row[0]: row[1] for row in resource_table(lang, _DIR + "institutions.tsv")}
        self.modes = [(row[0].lower(), row[1]) for row in resource_table(lang, _DIR + "modes.tsv")]
        self.place_prepositions = frozenset(resource_lines(lang, _DIR + "place_prepositions.txt"))
        self.oblique_articles = frozenset(w.lower() for w in resource_lines(lang, _DIR + "oblique_articles.txt"))
        self.agent_prepositions = frozenset(resource_lines(lang, _DIR + "agent_prepositions.txt"))
        self.participles = [(row[0], row[1]) for row in resource_table(lang, _DIR + "participles.tsv") if len(row) > 1]
        self.support_verbs = frozenset(w.lower() for w in resource_lines(lang, _DIR + "support_verbs.txt"))
        self.travel_verbs = frozenset(w.lower() for w in resource_lines(lang, _DIR + "travel_verbs.txt"))
        self.occasion_words = tuple(w.lower() for w in resource_lines(lang, _DIR + "occasion_words.txt"))
        self.spokespersons = frozenset(w.lower() for w in resource_lines(lang, _DIR + "spokespersons.txt"))
        self.clause_break_pos = frozenset(
            row[0] for row in resource_table(lang, _DIR + "clause_breaks.tsv") if row[1] == "pos"
        )

    def noun(self, lemma: str) -> Trigger | None:
        return self._find_noun_cached(lemma.lower())

    def _find_noun(self, key: str) -> Trigger | None:
        if key in self.nouns:
            return self.nouns[key]
        # plural or compound forms: "Gespräche", "Wirtschaftssanktionen"
        for noun, trig in self.nouns.items():
            if len(noun) >= 5 and key.endswith(noun) and key != noun:
                return trig
        for suffix, trig in self.noun_suffixes:
            if key.endswith(suffix) and key != suffix:
                return trig
        return None

    def verb_by_form(self, form: str) -> Trigger | None:
        """A trigger for a verb form the lemmatizer left alone: "auszutauschen"
        (zu infix), "entführt" (weak participle), "ausgewiesen" (strong
        participle: "ge" infix dropped, then the consonants compared)."""
        low = form.lower()
        infix_free = [low[:i] + low[i + 2 :] for i in range(2, len(low) - 3) if low[i : i + 2] in ("zu", "ge")]
        exact = [low, *infix_free] + [c[:-1] + "en" for c in [low, *infix_free] if c.endswith("t")]
        for candidate in exact:
            if (candidate, "") in self.verbs:
                return self.verbs[(candidate, "")]
        for candidate in infix_free:
            if not candidate.endswith("en"):
                continue
            trig = self.skeletons.get(skeleton(candidate))
            if trig is not None and candidate[:3] == (trig.particle + trig.lemma).lower()[:3]:
                return trig
        return None

    def strong_participle(self, form: str) -> str | None:
        """The infinitive of a strong participle: "festgenommen" -> "festnehmen"."""
        low = form.lower()
        for participle, infinitive in self.participles:
            if low.endswith(participle):
                return low[: -len(participle)] + infinitive
        return None

    def mode_of(self, noun: str) -> str:
        key = noun.lower()
        for ending, mode in self.modes:
            if key.endswith(ending) or key.endswith(ending + "n") or key.endswith(ending + "en"):
                return mode
        return ""


def skeleton(word: str) -> str:
    """Consonants of a verb form: "ausweisen" and "auswiesen" -> "swsn"."""
    return "".join(c for c in word.lower() if c not in "aeiouäöüy")


@lru_cache(maxsize=None)
def event_lexicon(lang: str) -> EventLexicon:
    return EventLexicon(lang)
