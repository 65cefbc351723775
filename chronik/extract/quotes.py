"""The quotes layer: who said what, with character offsets back to the text.

``QuotesLayer("de")(analysis)`` runs the token-level rules of
:mod:`chronik.extract.reported_speech` over the text layer and fills
``analysis.layers["quotes"]`` with :class:`Quote` items.  A pronoun
speaker ("sagte er") is resolved to the last person the article spoke
about: the speaker of the previous quote if it is near, else the last
person name before the pronoun (from the ``mentions`` layer when the
entities component ran, else from proper-noun tags).

``Quote.speaker_name`` is the person (or organisation) within the article
that the source names: "Kowalczyk", "er" and "die Ministerin" become the
full name the article gave earlier, using the ``links`` layer (surname ->
full name, "die Ministerin" -> the one minister) when it ran.  Unnamed
sources ("ein Sprecher", "hieß es") keep an empty ``speaker_name``: they
are not guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..analysis import Analysis, Token
from .role_lexicon import role_lexicon
from .roles import FullNames
from .reported_speech import Attribution, Position, ReportedSpeechFinder, TokenSentence
from .speech_lexicon import speech_lexicon

Span = tuple[int, int]
PRONOUNS = frozenset({"er", "sie", "ihm", "ihr", "ihn"})
_PERSON_LINKS = frozenset({"alias", "describes"})  # not "stands_for": the Kreml is not Russia
_DEFINITE = frozenset({"der", "die"})  # "die Ministerin": one known person; "eine Sprecherin": nobody
_DETERMINERS = frozenset({"der", "die", "das", "den", "dem", "des"})
_FEMININE, _MASCULINE = "f", "m"
_NEAR = 3  # sentences within which the previous speaker is the pronoun's antecedent


@dataclass(slots=True)
class Quote:
    """One speech, thought or writing event.  Offsets index ``Document.text``."""

    start: int
    end: int
    form: str  # Direct, Indirect, FreeIndirect, IndirectFreeIndirect, Reported
    stwr: str  # Speech, Thought, Writing, ST, SW, TW
    message: list[Span]
    cue: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)
    addressee: list[Span] = field(default_factory=list)
    speaker: str = ""  # the speaker's name or description, pronouns resolved
    speaker_name: str = ""  # the full name of the person/organisation speaking, "" if unnamed
    source_text: str = ""  # the source as written ("er", "der Kremlsprecher")
    cue_text: str = ""
    text: str = ""  # the message
    sentences: list[int] = field(default_factory=list)
    is_nested: bool = False

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "form": self.form,
            "stwr": self.stwr,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "source_text": self.source_text,
            "cue_text": self.cue_text,
            "text": self.text,
            "message": [list(s) for s in self.message],
            "cue": [list(s) for s in self.cue],
            "source": [list(s) for s in self.source],
            "addressee": [list(s) for s in self.addressee],
            "sentences": self.sentences,
            "is_nested": self.is_nested,
        }


def token_sentences(analysis: Analysis) -> list[TokenSentence]:
    result = []
    for sentence in analysis.sentences:
        tokens = analysis.sentence_tokens(sentence)
        result.append(
            TokenSentence(
                [t.text for t in tokens], [t.pos for t in tokens], [t.lemma for t in tokens], sentence.block
            )
        )
    return result


class QuotesLayer:
    """Pipeline component: fills ``analysis.layers["quotes"]``."""

    def __init__(self, lang: str = "de") -> None:
        self.finder = ReportedSpeechFinder(speech_lexicon(lang), lang)

    def __call__(self, analysis: Analysis) -> None:
        attributions = self.finder.find(token_sentences(analysis))
        builder = _QuoteBuilder(analysis)
        analysis.layers["quotes"] = [builder.quote(a) for a in attributions]


class _QuoteBuilder:
    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.text = analysis.text
        self.rows: list[list[Token]] = [analysis.sentence_tokens(s) for s in analysis.sentences]
        self.people = self._person_names()
        self.full_names = FullNames(analysis.layers.get("mentions", []))
        self.links = analysis.layers.get("links", [])
        self.talked_about: list[Span] = []  # message spans of the quotes built so far
        self.last_speaker: tuple[int, str, str, int] | None = None  # (sentence, name, full name, offset)
        self.role_lexicon = role_lexicon("de")
        self.holders = self._role_holders()
        self.gender = {person: g for person, _, g in self.holders if g}

    def spans(self, positions: Sequence[Position]) -> list[Span]:
        """Merge token positions into character spans (adjacent tokens join)."""
        spans: list[Span] = []
        last: Position | None = None
        for s, t in sorted(set(positions)):
            token = self.rows[s][t]
            if spans and last is not None and last[0] == s and last[1] + 1 == t:
                spans[-1] = (spans[-1][0], token.end)
            elif spans and last is not None and last[0] + 1 == s and t == 0 and last[1] == len(self.rows[last[0]]) - 1:
                spans[-1] = (spans[-1][0], token.end)
            else:
                spans.append((token.start, token.end))
            last = (s, t)
        return spans

    def span_text(self, spans: Sequence[Span]) -> str:
        return " … ".join(self.text[a:b] for a, b in spans)

    def quote(self, attribution: Attribution) -> Quote:
        message = self.spans(attribution.message)
        source = self.spans(attribution.source)
        source_text = self.span_text(source)
        first_sentence = min(s for s, _ in attribution.message)
        speaker, speaker_name = self.speaker(attribution, source, source_text, first_sentence)
        self.talked_about.extend((a, b) for a, b in message if not any(x <= a < y for x, y in source))
        return Quote(
            start=message[0][0],
            end=message[-1][1],
            form=attribution.form,
            stwr=attribution.stwr,
            message=message,
            cue=self.spans(attribution.cue),
            source=source,
            addressee=self.spans(attribution.addressee),
            speaker=speaker,
            speaker_name=speaker_name,
            source_text=source_text,
            cue_text=self.span_text(self.spans(attribution.cue)),
            text=self.span_text(message),
            sentences=attribution.sentences,
            is_nested=attribution.is_nested,
        )

    # -- speakers ------------------------------------------------------------
    def speaker(self, attribution: Attribution, source: list[Span], source_text: str, sentence: int) -> tuple[str, str]:
        """(speaker as shown, resolved full name) of one attribution."""
        if not source:
            return "", ""
        if source_text.lower() in PRONOUNS:
            name, full = self.antecedent(source[0][0], sentence, source_text.lower())
        else:
            short = len(source_text.split()) <= 2
            named = self.name_in(source)
            name = source_text if short else (named or source_text)
            full = (self.linked(source) or self.full_name(named) or self.described(source_text)
                    or self.organisation_in(source))
        if name and not attribution.is_nested:
            self.last_speaker = (sentence, name, full, source[0][0])
        return name or source_text, full

    def antecedent(self, offset: int, sentence: int, pronoun: str) -> tuple[str, str]:
        """The most recent person before the pronoun whose gender does not clash.

        Candidates are the previous speaker and the people named since
        (a quote by Kowalczyk, then "..., sagte Demirtaş. «...», sagte sie").
        """
        candidates: list[tuple[int, str, str]] = []
        if self.last_speaker and sentence - self.last_speaker[0] <= _NEAR:
            candidates.append((self.last_speaker[3], self.last_speaker[1], self.last_speaker[2]))
        near = [(start, name, self.full_name(name)) for start, name, s in self.people
                if start < offset and sentence - s <= _NEAR and not self._quoted_about(start)]
        candidates.extend(near)
        if not candidates:
            before = [name for start, name, _ in self.people if start < offset]
            return (before[-1], self.full_name(before[-1])) if before else ("", "")
        candidates.sort(key=lambda c: c[0])
        unwanted = _FEMININE if pronoun == "er" else _MASCULINE if pronoun == "sie" else None
        people = [c for c in candidates if c[2]] or candidates  # "75 Prozent der Mitglieder" is nobody's "er"
        fitting = [c for c in people if self.gender.get(c[2]) != unwanted]
        _, name, full = (fitting or people)[-1]
        return name, full

    def _quoted_about(self, offset: int) -> bool:
        """A name inside an earlier message ("Sullivan sagte, Biden habe Putin ...
        gesagt. Er betonte ...") is talked about, not the next speaker."""
        return any(a <= offset < b for a, b in self.talked_about)

    def name_in(self, source: list[Span]) -> str:
        """The last person name inside the source ("Sprecher ... Juri Uschakow")."""
        a, b = source[0][0], source[-1][1]
        inside = [name for start, name, _ in self.people if a <= start < b]
        return inside[-1] if inside else ""

    def full_name(self, name: str) -> str:
        return self.full_names.full(name) if name else ""

    def linked(self, source: list[Span]) -> str:
        """The person a surname or a description in the source is linked to."""
        a, b = source[0][0], source[-1][1]
        targets = [link.target for link in self.links if a <= link.start < b and link.kind in _PERSON_LINKS]
        return targets[-1] if targets else ""

    def described(self, source_text: str) -> str:
        """'die Ministerin' -> the one person of the article whose role ends in 'ministerin'."""
        words = source_text.split()
        if len(words) != 2 or words[0].lower() not in _DEFINITE:
            return ""
        word = self.role_lexicon.role_word(words[1])
        if word is None or word.of_prefix:
            return ""
        head = word.lemma.lower()
        people = {person for person, lemma, _ in self.holders if lemma.endswith(head)}
        return next(iter(people)) if len(people) == 1 else ""

    def _role_holders(self) -> list[tuple[str, str, str]]:
        """(person, lower-case role lemma, gender or "") from the roles layer."""
        holders = []
        for role in self.analysis.layers.get("roles", []):
            lemma = role.role_lemma
            word = self.role_lexicon.role_word(lemma.split()[-1])
            gender = ""
            if word is not None and word.feminine and lemma.endswith("in"):
                gender = _FEMININE
            elif word is not None and not word.feminine and not lemma.endswith("e"):
                gender = _MASCULINE  # "Vorsitzende", "Abgeordnete": either
            holders.append((role.person, lemma.lower(), gender))
        return holders

    def organisation_in(self, source: list[Span]) -> str:
        """The organisation the whole source names ("die GVL"), not one in an
        attribute ("die Hauptgeschäftsführerin des KAVN" is a person)."""
        a, b = source[0][0], source[-1][1]
        words = self.text[a:b].split()
        if words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        named = " ".join(words)
        for m in self.analysis.layers.get("mentions", []):
            if a <= m.start < b and m.label == "ORG" and m.text == named:
                return m.text
        return ""

    def _person_names(self) -> list[tuple[int, str, int]]:
        mentions = self.analysis.layers.get("mentions")
        if mentions is not None:
            return [(m.start, m.text, m.sentence) for m in mentions if getattr(m, "label", "") == "PER"]
        names: list[tuple[int, str, int]] = []
        for index, row in enumerate(self.rows):  # runs of proper nouns, when there is no entities layer
            run: list[Token] = []
            for token in [*row, None]:
                if token is not None and token.pos == "NE" and token.text[:1].isupper():
                    run.append(token)
                    continue
                if run:
                    names.append((run[0].start, self.text[run[0].start : run[-1].end], index))
                run = []
        return names
