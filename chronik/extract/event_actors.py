"""Actors without a proper name of their own: "die Polizei", "die türkische
Armee" (-> Türkei), "die Regierung in Warschau" (-> Polen), "Nato-Truppen"
(-> Nato), "die Staatsanwaltschaft München", and role nouns without a name
("der Bundespräsident empfing ...").

The nouns are data (``events/actor_nouns.txt``); adjectives of states and
capitals standing for their government come from the gazetteer tables of
the entities component (read as data, ``gazetteer/demonyms.tsv`` and
``gazetteer/metonyms.tsv``).
"""

from __future__ import annotations

from functools import lru_cache

from ..analysis import Analysis, Token
from ..lang import resource_lines, resource_table
from ..word_cache import word_cache
from .event_args import Participant

_MIN_SUFFIX = 5
_ENDINGS = ("en", "em", "er", "es", "e", "")


class GroupActors:
    def __init__(self, lang: str) -> None:
        self.nouns = frozenset(n.lower() for n in resource_lines(lang, "events/actor_nouns.txt"))
        self.demonyms = {row[0]: row[1] for row in resource_table(lang, "gazetteer/demonyms.tsv") if len(row) > 1}
        self.capitals = {row[0]: row[1] for row in resource_table(lang, "gazetteer/metonyms.tsv") if len(row) > 1}
        self.capitals.update((row[0], row[1]) for row in resource_table(lang, "events/capitals.tsv") if len(row) > 1)
        # role nouns without a name ("der Bundespräsident empfing ...")
        self.roles = frozenset(
            form.lower() for row in resource_table(lang, "roles.tsv") for form in row[:2] if form
        )
        # bounded for the same reason as EventLexicon.noun: open-ended compounds
        self._is_role_cached = word_cache(100_000)(self._find_role)
        self._actor_noun_cached = word_cache(100_000)(self._find_actor_noun)
        self._organ_cached = word_cache(100_000)(self._find_organ)
        self.seats = {row[0]: row[1] for row in resource_table(lang, "events/institutions.tsv")}
        self.seat_first_words = frozenset(name.split()[0] for name in self.seats)
        self.states = frozenset(self.demonyms.values())
        self.organs = frozenset(n.lower() for n in resource_lines(lang, "events/state_organs.txt"))
        self.services = tuple(n.lower() for n in resource_lines(lang, "events/state_services.txt"))
        self.short = {row[0]: row[1] for row in resource_table(lang, "gazetteer/abbreviations.tsv") if len(row) > 1}
        # names that stand alone: a common noun after one is no part of it ("SPD Wortbruch")
        self.known = frozenset(self.states) | frozenset(self.short) | frozenset(self.capitals) \
            | frozenset(resource_lines(lang, "gazetteer/organisations.txt")) \
            | frozenset(resource_lines(lang, "events/organisation_nouns.txt"))  # "Miliz Massaker": the Miliz

    def is_actor_noun(self, lemma: str) -> bool:
        return self._actor_noun_cached(lemma)

    def _find_actor_noun(self, lemma: str) -> bool:
        key = lemma.lower().rsplit("-", 1)[-1] if "-" in lemma else lemma.lower()
        if key in self.nouns or lemma.lower() in self.nouns:
            return True
        return any(key.endswith(n) and len(n) >= _MIN_SUFFIX for n in self.nouns)

    def state_of_adjective(self, word: str) -> str | None:
        low = word.lower()
        for ending in _ENDINGS:
            if ending and low.endswith(ending) and low[: -len(ending)] in self.demonyms:
                return self.demonyms[low[: -len(ending)]]
        return self.demonyms.get(low)

    def find(self, analysis: Analysis, sentence_index: int, taken: set[int]) -> list[Participant]:
        """Group actors of one sentence; ``taken`` holds token indices already in a named mention."""
        sentence = analysis.sentences[sentence_index]
        tokens = analysis.tokens
        found = []
        for i in range(sentence.token_start, sentence.token_end):
            tok = tokens[i]
            seat = self._seat(tokens, i, sentence.token_end, taken)
            if seat is not None:
                found.append(seat)
                continue
            if tok.pos != "NN" or i in taken:
                continue
            lemma = tok.lemma or tok.text
            if not self.is_actor_noun(lemma) and not self._bare_role(tokens, i, sentence.token_end, taken):
                continue
            found.append(self._participant(tokens, i, sentence.token_end))
        return found

    def _state_of_place(self, word: str) -> str | None:
        return self.capitals.get(word) or (word if word in self.states else None)

    def _seat(self, tokens: list[Token], i: int, limit: int, taken: set[int]) -> Participant | None:
        """A seat of government the entity tagger missed ("kritisierte den Kreml")."""
        if tokens[i].text not in self.seat_first_words:
            return None
        for width in (2, 1):
            if i + width > limit or any(j in taken for j in range(i, i + width)):
                continue
            text = " ".join(t.text for t in tokens[i : i + width])
            if text in self.seats:
                return Participant(self.seats[text], text, tokens[i].start, tokens[i + width - 1].end, "LOC",
                                   via=text, token=i)
        return None

    def _is_role(self, lemma: str) -> bool:
        return self._is_role_cached(lemma.lower())

    def _find_role(self, key: str) -> bool:
        return key in self.roles or any(len(r) >= 6 and key.endswith(r) for r in self.roles)

    def _bare_role(self, tokens: list[Token], i: int, limit: int, taken: set[int]) -> bool:
        """A role noun not followed by the name of its holder."""
        if not self._is_role(tokens[i].lemma or tokens[i].text):
            return False
        after = tokens[i + 1] if i + 1 < limit else None
        return after is None or (i + 1 not in taken and after.pos != "NE")

    def _participant(self, tokens: list[Token], i: int, limit: int) -> Participant:
        tok = tokens[i]
        name, via, end = tok.text, tok.text, tok.end
        start = tok.start
        named = True
        lemma = (tok.lemma or tok.text)
        organ = lemma if self.is_organ(lemma) else ""
        prefix = tok.text.split("-", 1)[0] if "-" in tok.text else ""
        genitive = self._genitive_state(tokens, i, limit)
        if self._federal(lemma):  # "Bundesregierung", "Bundesinnenministerium": Germany's organs
            name = "Deutschland"
        elif prefix:  # "Nato-Truppen", "US-Armee"
            name = self.short.get(prefix, prefix)
        elif i > 0 and tokens[i - 1].pos == "ADJA" and (organ or (self._is_role(lemma) and not _plural_np(tokens, i))
                                                         or lemma.lower().endswith(self.services)) \
                and self.state_of_adjective(tokens[i - 1].text):
            # "die türkische Armee", "der russische Präsident"; not "serbische Demonstranten"
            # nor "zwei deutsche Journalisten" (people in the plural are private people)
            name, start = self.state_of_adjective(tokens[i - 1].text), tokens[i - 1].start
            via = f"{tokens[i - 1].text} {tok.text}"
        elif i + 2 < limit and tokens[i + 1].text == "in" and tokens[i + 2].pos == "NE" \
                and lemma.lower().endswith(("staatsanwaltschaft", "polizei", "gericht")):
            # "die Staatsanwaltschaft in Vilnius": police, prosecutors and courts with a place
            # written are that named body (events_articles.md), not the state
            name = via = f"{lemma} {tokens[i + 2].text}"
            end = tokens[i + 2].end
        elif i + 2 < limit and tokens[i + 1].text == "in" and self._state_of_place(tokens[i + 2].text):
            # "die Regierung in Warschau" -> Polen, "die Armee in Myanmar" -> Myanmar
            name, via, end = self._state_of_place(tokens[i + 2].text), f"{tok.text} in {tokens[i + 2].text}", tokens[i + 2].end
        elif genitive is not None and organ:  # "die Armee des Sudans"
            name, end = genitive
            via = f"{tok.text} {tokens[i + 1].text} {tokens[i + 2].text}"
        elif organ and i + 1 < limit and tokens[i + 1].pos == "NE" and tokens[i + 1].text.endswith("s") \
                and tokens[i + 1].text[:-1] in self.states:
            # "der Regierung Malis": a state organ with the state's name in the genitive
            name, end = tokens[i + 1].text[:-1], tokens[i + 1].end
            via = f"{tok.text} {tokens[i + 1].text}"
        elif i + 1 < limit and tokens[i + 1].pos == "NE":  # "Staatsanwaltschaft München"
            name = via = f"{tok.text} {tokens[i + 1].text}"
            end = tokens[i + 1].end
        else:
            name, named = lemma, False
        label = "LOC" if named and name in self.states else "ORG"
        return Participant(name, via, start, end, label, via=via if via != name else "", token=i,
                           named=named, organ=organ)

    def is_organ(self, lemma: str) -> bool:
        """A state organ: government, ministry, army, embassy ... (``events/state_organs.txt``)."""
        return self._organ_cached(lemma.lower())

    def _find_organ(self, key: str) -> bool:
        return key in self.organs or any(key.endswith(o) and len(o) >= _MIN_SUFFIX for o in self.organs)

    def _federal(self, lemma: str) -> bool:
        key = lemma.lower()
        return key.startswith("bundes") and self.is_organ(key)

    def _genitive_state(self, tokens: list[Token], i: int, limit: int) -> tuple[str, int] | None:
        """"Armee des Sudans", "Regierung der Philippinen": (state, end offset)."""
        if i + 2 >= limit or tokens[i + 1].text.lower() not in ("des", "der"):
            return None
        word = tokens[i + 2].text
        for form in (word, word[:-1] if word.endswith("s") else word):
            if form in self.states:
                return form, tokens[i + 2].end
        return None


def _plural_np(tokens: list[Token], i: int) -> bool:
    """"zwei deutsche Journalisten", "deutsche Journalisten": a number or no
    article before the adjective (not "dem türkischen Präsidenten")."""
    before = tokens[i - 2] if i >= 2 else None
    return before is None or before.pos in ("CARD", "PIAT", "PIS") or before.pos not in (
        "ART", "APPRART", "PPOSAT", "PDAT")


@lru_cache(maxsize=None)
def group_actors(lang: str) -> GroupActors:
    return GroupActors(lang)
