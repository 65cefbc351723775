"""The quotes layer: who said what, with character offsets back to the text.

``QuotesLayer("de")(analysis)`` runs the token-level rules of
:mod:`chronik.extract.reported_speech` over the text layer and fills
``analysis.layers["quotes"]`` with :class:`Quote` items.  A pronoun
speaker ("sagte er") is resolved to the last person the article spoke
about: the speaker of the previous quote if it is near, else the last
person name before the pronoun (from the ``mentions`` layer when the
entities component ran, else from proper-noun tags).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..analysis import Analysis, Token
from .reported_speech import Attribution, Position, ReportedSpeechFinder, TokenSentence
from .speech_lexicon import speech_lexicon

Span = tuple[int, int]
PRONOUNS = frozenset({"er", "sie", "ihm", "ihr", "ihn"})
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
        self.last_speaker: tuple[int, str] | None = None  # (sentence, name)

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
        speaker = self.speaker(attribution, source, source_text, first_sentence)
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
            source_text=source_text,
            cue_text=self.span_text(self.spans(attribution.cue)),
            text=self.span_text(message),
            sentences=attribution.sentences,
            is_nested=attribution.is_nested,
        )

    # -- speakers ------------------------------------------------------------
    def speaker(self, attribution: Attribution, source: list[Span], source_text: str, sentence: int) -> str:
        if not source:
            return ""
        if source_text.lower() in PRONOUNS:
            name = self.antecedent(source[0][0], sentence)
        else:
            short = len(source_text.split()) <= 2
            name = source_text if short else (self.name_in(source) or source_text)
        if name and not attribution.is_nested:
            self.last_speaker = (sentence, name)
        return name or source_text

    def antecedent(self, offset: int, sentence: int) -> str:
        if self.last_speaker and sentence - self.last_speaker[0] <= _NEAR:
            return self.last_speaker[1]
        before = [name for start, name in self.people if start < offset]
        return before[-1] if before else ""

    def name_in(self, source: list[Span]) -> str:
        """The last person name inside the source ("Sprecher ... Juri Uschakow")."""
        a, b = source[0][0], source[-1][1]
        inside = [name for start, name in self.people if a <= start < b]
        return inside[-1] if inside else ""

    def _person_names(self) -> list[tuple[int, str]]:
        mentions = self.analysis.layers.get("mentions")
        if mentions is not None:
            return [(m.start, m.text) for m in mentions if getattr(m, "label", "") == "PER"]
        names: list[tuple[int, str]] = []
        for row in self.rows:  # runs of proper nouns, when there is no entities layer
            run: list[Token] = []
            for token in [*row, None]:
                if token is not None and token.pos == "NE" and token.text[:1].isupper():
                    run.append(token)
                    continue
                if run:
                    names.append((run[0].start, self.text[run[0].start : run[-1].end]))
                run = []
        return names
