"""The parts of a sentence that reports speech: token positions, attributions,
clauses, quotes and the phrases around a cue.

Helpers shared by :mod:`chronik.extract.reported_speech`; everything works on
:class:`TokenSentence` (words + STTS tags + lemmas) and ``(sentence, token)``
positions, without a parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from .quote_marks import QuotedSpan
from .speakers import clause_end, clause_start, noun_phrase_end

Position = tuple[int, int]

# Clause openers after which the finite verb comes last ("wie X sagte").
VERB_FINAL_OPENERS = frozenset({"KOUS", "PWAV", "PRELS", "KOKOM"})
FINAL_PUNCT = frozenset({".", "!", "?", "…"})


@dataclass(slots=True)
class TokenSentence:
    words: list[str]
    tags: list[str]
    lemmas: list[str]
    paragraph: int = 0


@dataclass(slots=True)
class Attribution:
    """One speech, thought or writing event, as token positions."""

    message: list[Position]
    form: str
    stwr: str
    cue: list[Position] = field(default_factory=list)
    source: list[Position] = field(default_factory=list)
    addressee: list[Position] = field(default_factory=list)
    frame: list[Position] = field(default_factory=list)
    is_nested: bool = False
    has_nested: bool = False
    # a continuation ("Der Präsident stehe dazu.") has no cue of its own; the cue and
    # frame of the report it continues are what a quote inside it is attributed to
    carried_cue: list[Position] = field(default_factory=list)
    carried_frame: list[Position] = field(default_factory=list)

    @property
    def sentences(self) -> list[int]:
        return sorted({s for s, _ in self.message})


def span(s: int, start: int, end: int) -> list[Position]:
    return [(s, t) for t in range(start, end)]


def starts_noun_phrase(words: Sequence[str], k: int) -> bool:
    """A capitalised word, an article or a quotation mark: what follows the preposition "laut"."""
    if k >= len(words):
        return False
    word = words[k]
    return word[:1].isupper() or word.lower() in ("der", "die", "dem", "den", "des", "einer", "einem", "eines") or (
        "." in word and word[:1].isalpha()
    ) or word in ("„", "«", "»", '"')


def attribution_without_cue(message: list[Position]) -> Attribution:
    return Attribution(message=message, form="Direct", stwr="Speech")


def words_between(sentence: TokenSentence, verb: int, quote_start: int) -> bool:
    """Words of a reported clause between the cue's clause and the quote."""
    end = clause_end(sentence.words, sentence.tags, verb)
    if end >= quote_start or sentence.words[end] == ":":
        return False
    return any(sentence.tags[k] not in ("$,", "$(", "$.") for k in range(end + 1, quote_start))


def simple(s: int, cue: list[int], source: list[int], message: list[int], frame: list[int], stwr: str) -> Attribution:
    return Attribution(
        message=[(s, k) for k in message],
        form="Indirect",
        stwr=stwr,
        cue=[(s, k) for k in cue],
        source=[(s, k) for k in source],
        frame=[(s, k) for k in frame],
    )


def content_end(words: Sequence[str]) -> int:
    """Index after the last token that is not final punctuation (or a colon)."""
    n = len(words)
    while n > 0 and (words[n - 1] in FINAL_PUNCT or words[n - 1] == ":"):
        n -= 1
    return n


def frame(sentence: TokenSentence, s: int, message: set[Position]) -> list[Position]:
    """The cue's sentence outside the message, without the final full stop but with
    a closing colon ("Der Minister sagte:" before a quote in the next sentence)."""
    n = content_end(sentence.words)
    if n < len(sentence.words) and sentence.words[n] == ":":
        n += 1
    return [(s, k) for k in range(n) if (s, k) not in message]


def quote_positions(sentences: Sequence[TokenSentence], quote: QuotedSpan) -> list[Position]:
    positions: list[Position] = []
    for s in quote.sentences:
        first = quote.start[1] if s == quote.start[0] else 0
        last = quote.end[1] if s == quote.end[0] else len(sentences[s].words) - 1
        positions.extend((s, t) for t in range(first, last + 1))
    return positions


def quoted_positions(quotes: Sequence[QuotedSpan]) -> set[Position]:
    positions: set[Position] = set()
    for quote in quotes:
        if quote.start[0] == quote.end[0]:
            positions.update((quote.start[0], t) for t in range(quote.start[1], quote.end[1] + 1))
        else:
            positions.add(quote.start)
            positions.add(quote.end)
    return positions


def is_statement(sentences: Sequence[TokenSentence], quote: QuotedSpan) -> bool:
    """A quoted statement, not a quoted phrase or title («roten Linie», „Der Spiegel“):
    it runs over sentences, or has a finite verb or a sentence end inside."""
    if quote.start[0] != quote.end[0]:
        return True
    sentence = sentences[quote.start[0]]
    inner = range(quote.start[1] + 1, quote.end[1])
    if any(sentence.tags[k].endswith("FIN") for k in inner):
        return True
    return len(inner) >= 5 and any(sentence.tags[k] == "$." for k in inner)  # not „Linkspartei.PDS“


def is_phrase(sentences: Sequence[TokenSentence], quote: QuotedSpan) -> bool:
    """A quoted phrase of the speaker («nützlich», „volle Verantwortung“), not a title:
    titles and names start with a capital letter."""
    if is_statement(sentences, quote) or quote.end[1] - quote.start[1] < 2:
        return False
    first = sentences[quote.start[0]].words[quote.start[1] + 1]
    return first[:1].islower()


def next_quote_start(quotes: Sequence[QuotedSpan], quote: QuotedSpan, default: int) -> int:
    for other in quotes:
        if other.start > quote.end and other.start[0] == quote.end[0]:
            return other.start[1]
    return default


def only_cue_clause_between(sentence: TokenSentence, verb: int, quote_start: int) -> bool:
    return quote_start > verb and sentence.words[quote_start - 1] in (",", ":")


def opens_after_comma(sentence: TokenSentence, t: int) -> bool:
    """A finite verb right after a comma: ", sagte Putin", ", hieß es"."""
    return t > 0 and sentence.words[t - 1] == "," and sentence.tags[t].endswith("FIN")


def has_verb_final_opener(sentence: TokenSentence, start: int, verb: int) -> bool:
    return start < verb and (sentence.tags[start] in VERB_FINAL_OPENERS or sentence.words[start].lower() == "wie")


def report_start(sentence: TokenSentence, comma: int) -> int:
    """Where a report that precedes ", sagte X" begins: the sentence start,
    or after a colon or an earlier attribution in the same sentence."""
    for k in range(comma - 1, -1, -1):
        if sentence.words[k] in (":", ";"):
            return k + 1
    return 0


def prefield(sentence: TokenSentence, start: int, end: int, verb: int) -> tuple[int, int] | None:
    """Before the finite verb of a main clause stands one phrase: when it opens with a
    noun phrase, attributes that follow belong to it ("Ken Rice vom Institut für
    Astronomie in Edinburgh erklärte")."""
    words, tags = sentence.words, sentence.tags
    k = end
    while k < verb and tags[k] in ("APPR", "APPRART"):
        after = noun_phrase_end(words, tags, k + 1)
        if after == k + 1:
            return None
        k = after
    while k < verb and tags[k] in ("ADV", "PTKNEG"):
        k += 1
    if k != verb:
        return None
    last = k
    while last > end and tags[last - 1] in ("ADV", "PTKNEG"):
        last -= 1
    return (start, last)


def coordinated_subject(sentence: TokenSentence, verb: int) -> tuple[int, int] | None:
    """"Podolski war anwesend und sagte ...": the second verb shares the subject."""
    words, tags = sentence.words, sentence.tags
    before = [k for k in range(verb) if words[k].lower() in ("und", "sowie") and tags[k] == "KON"]
    if not before:
        return None
    end = noun_phrase_end(words, tags, 0)
    finite = end + 1 if end < len(words) and words[end] == "," else end  # "X, Sprecher der Y, dankte ... und sagte"
    if end > 0 and finite < before[-1] and tags[finite].endswith("FIN"):
        return (0, end)
    if tags[0] not in VERB_FINAL_OPENERS and all(tags[k] in ("ADV", "PTKNEG", "PRF") for k in range(before[-1] + 1, verb)):
        # "So hat sich die Vorsitzende gegen X ausgesprochen und behauptet, ...", "Dann lenkte
        # er die Fähre ... und meldete sich": with the verb right after "und", the subject
        # stands after the first finite verb of the main clause
        finite = next((k for k in range(before[-1]) if tags[k].endswith("FIN")), None)
        if finite is not None and finite > 0 and "," not in words[:finite]:
            after = finite + 1
            while after < before[-1] and tags[after] in ("ADV", "PRF", "PTKNEG"):
                after += 1
            end = noun_phrase_end(words, tags, after)
            if after < end <= before[-1] and words[after].lower() not in ("es", "das", "dies"):
                return (after, end)
    return None


def subject_before_relative(sentence: TokenSentence, comma: int) -> tuple[int, int] | None:
    """"Jimmy Carter, der als Beobachter im Land war, sagte ...": the subject
    stands before the relative clause that ends at ``comma``."""
    words, tags = sentence.words, sentence.tags
    opener = clause_start(words, tags, comma)
    if opener == 0 or tags[opener] not in ("PRELS", "ART", "PDS") or words[opener - 1] != ",":
        return None
    end = noun_phrase_end(words, tags, 0)
    return (0, end) if end == opener - 1 else None


def whose_report(words: Sequence[str], tags: Sequence[str], end: int) -> int:
    """After a report noun, the one who reports: "Ansicht von ai",
    "Einschätzung politischer Beobachter" (a genitive without article)."""
    n = len(words)
    if end < n and words[end].lower() == "von":
        k = noun_phrase_end(words, tags, end + 1)
        if k == end + 1 and end + 1 < n and words[end + 1][:1].isalpha():
            k = end + 2  # a name the tagger did not know ("von ai")
        return k
    k = end
    while k < n and tags[k] == "ADJA":
        k += 1
    if k > end and k < n and tags[k] in ("NN", "NE"):
        return noun_phrase_end(words, tags, end) if noun_phrase_end(words, tags, end) > end else k + 1
    return end


FRONTED = frozenset({"ADV", "APPR", "APPRART", "PROAV", "ADJD", "KOUS", "PAV"})


def agent(sentence: TokenSentence, s: int, verb: int) -> list[Position]:
    """The "von X" agent of a passive clause."""
    words, tags = sentence.words, sentence.tags
    for k in range(clause_start(words, tags, verb), verb):
        if words[k].lower() in ("von", "vom") and tags[k] in ("APPR", "APPRART"):
            end = noun_phrase_end(words, tags, k + 1)
            if end > k + 1:
                return span(s, k + 1, end)
    return []


def first_person(sentence: TokenSentence, s: int, quoted: set[Position]) -> bool:
    return any(
        w.lower() in ("ich", "wir") and (s, k) not in quoted for k, w in enumerate(sentence.words)
    )


def place_of_writing(sentence: TokenSentence, start: int, end: int) -> tuple[int, int] | None:
    """"in der Mitteilung heißt es", "geht aus dem Bericht hervor": where it is written,
    without the preposition (as SpkAtt mostly marks it)."""
    words, tags = sentence.words, sentence.tags
    for k in range(start, end):
        if words[k].lower() in ("im", "in", "aus") and tags[k] in ("APPRART", "APPR"):
            np_end = noun_phrase_end(words, tags, k + 1)
            if np_end > k + 1:
                return (k + 1, np_end)
    return None


def is_passive(sentence: TokenSentence, start: int, verb: int) -> bool:
    if sentence.tags[verb] != "VVPP":
        return False
    end = clause_end(sentence.words, sentence.tags, verb)
    return any(sentence.lemmas[k] == "werden" for k in range(start, end))
