"""Within one article: who a surname, a description or an institution stands for.

* ``alias``: "Biden" (or "Bidens") -> "Joe Biden", when exactly one person
  of the article has that surname;
* ``describes``: "der US-Präsident", "Der Präsident" -> "Joe Biden", when
  exactly one person of the article holds that role (from the roles layer);
* ``stands_for``: "der Kreml", "Washington warnt" -> the state whose
  government it names.  A typed link, never a merge: the Kreml is not
  Russia, and a person is never merged into a state.

Names of seats and capitals are data: ``lang/de/gazetteer/metonyms.tsv``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..analysis import Analysis
from ..lang import resource_table
from .entities import Mention
from .role_lexicon import role_lexicon
from .roles import FullNames, Role

# A capital after one of these is a place, not a government ("in Moskau").
_PLACE_PREPOSITIONS_FILE = "gazetteer/place_prepositions.txt"


@dataclass(slots=True)
class Link:
    start: int
    end: int
    text: str
    kind: str  # alias | describes | stands_for
    target: str
    sentence: int

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


class ArticleLinker:
    """Pipeline component: fills ``analysis.layers["links"]``."""

    def __init__(self, lang: str = "de") -> None:
        self.metonyms = {row[0]: (row[1], row[2]) for row in resource_table(lang, "gazetteer/metonyms.tsv")}
        self.place_prepositions = frozenset(
            row[0] for row in resource_table(lang, _PLACE_PREPOSITIONS_FILE)
        )
        self.lexicon = role_lexicon(lang)
        self.singular_determiners = frozenset(
            row[0] for row in resource_table(lang, "role_links.tsv") if row[1] == "det" and row[0] != "die"
        )

    def __call__(self, analysis: Analysis) -> None:
        mentions: list[Mention] = analysis.layers.get("mentions", [])
        roles: list[Role] = analysis.layers.get("roles", [])
        links = self._aliases(mentions) + self._stands_for(analysis, mentions) + self._descriptions(analysis, roles)
        links.sort(key=lambda link: (link.start, link.end))
        analysis.layers["links"] = links

    def _aliases(self, mentions: list[Mention]) -> list[Link]:
        names = FullNames(mentions)
        links = []
        for mention in mentions:
            if mention.label == "PER" and " " not in mention.text:
                full = names.full(mention.text)
                if full != mention.text:
                    links.append(Link(mention.start, mention.end, mention.text, "alias", full, mention.sentence))
        return links

    def _stands_for(self, analysis: Analysis, mentions: list[Mention]) -> list[Link]:
        links = []
        tokens = analysis.tokens
        for mention in mentions:
            entry = self.metonyms.get(mention.text)
            if entry is None:
                continue
            state, kind = entry
            if kind == "capital":
                before = tokens[mention.token_start - 1].text.lower() if mention.token_start > 0 else ""
                same_sentence = mention.token_start > 0 and tokens[mention.token_start - 1].sentence == mention.sentence
                if same_sentence and before in self.place_prepositions:
                    continue
            links.append(Link(mention.start, mention.end, mention.text, "stands_for", state, mention.sentence))
        return links

    def _descriptions(self, analysis: Analysis, roles: list[Role]) -> list[Link]:
        """'der US-Präsident' without a name after it -> the one person with that role."""
        holders: dict[str, set[str]] = {}
        for role in roles:
            holders.setdefault(role.role_lemma, set()).add(role.person)
            holders.setdefault(f"{role.role_lemma}|{role.of}", set()).add(role.person)
        if not holders:
            return []
        covered = sorted((r.start, r.end) for r in roles)
        mentions = analysis.layers.get("mentions", [])
        mention_starts = {m.start for m in mentions}
        recent = RecentPeople(mentions)
        links = []
        tokens = analysis.tokens
        phrase = 0  # walks through the sorted role phrases alongside the tokens: linear time
        for i, token in enumerate(tokens):
            while phrase < len(covered) and covered[phrase][1] <= token.start:
                phrase += 1
            if phrase < len(covered) and covered[phrase][0] <= token.start:
                continue  # part of a role fact already
            word = self.lexicon.role_word(token.text)
            if word is None:
                continue
            follower = tokens[i + 1] if i + 1 < len(tokens) else None
            if follower is not None and follower.start in mention_starts:
                continue  # a title before a name, handled by the roles layer
            before = tokens[i - 1].text.lower() if i else ""
            if before not in self.singular_determiners and not (before == "die" and word.feminine):
                continue  # "Staats- und Regierungschefs", "die Präsidenten": not one person
            of = self._short_form_state(word.of_prefix)
            people = holders.get(f"{word.lemma}|{of}") if of else holders.get(word.lemma)
            if people and len(people) > 1:
                people = recent.people_before(token.start, token.sentence, people)
            if people and len(people) == 1:
                links.append(Link(token.start, token.end, token.text, "describes", next(iter(people)), token.sentence))
        return links

    def _short_form_state(self, prefix: str) -> str | None:
        from .gazetteer import load_gazetteer

        return load_gazetteer().short_forms.get(prefix) if prefix else None


class RecentPeople:
    """Which people were named shortly before a position ("Der Präsident" after Biden spoke)."""

    WINDOW_SENTENCES = 3
    MAX_LOOKBACK = 50

    def __init__(self, mentions: list[Mention]) -> None:
        names = FullNames(mentions)
        self.people = [(m.start, m.sentence, names.full(m.text)) for m in mentions if m.label == "PER"]
        self.starts = [start for start, _, _ in self.people]

    def people_before(self, offset: int, sentence: int, candidates: set[str]) -> set[str]:
        found: set[str] = set()
        i = bisect.bisect_left(self.starts, offset) - 1
        stop = max(-1, i - self.MAX_LOOKBACK)  # bounded, so thousands of names stay linear
        while i > stop and self.people[i][1] >= sentence - self.WINDOW_SENTENCES:
            if self.people[i][2] in candidates:
                found.add(self.people[i][2])
            i -= 1
        return found
