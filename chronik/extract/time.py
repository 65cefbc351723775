"""When: German temporal expressions, normalised to TimeML TIMEX3 and
resolved against the article's date or the time the narrative has reached.

Every :class:`Timex` keeps the interval of days it may denote
(``earliest``/``latest``), because an article dated only ``2021-12`` does
not say which Tuesday "am Dienstag" was.

Value policy (the single TimeML ``value``):

* If the expression resolves to the same value for every possible article
  day, that value is printed ("im Juni" -> ``2021-06``).
* Otherwise no day is invented: the fields that differ become ``X``
  ("gestern" -> ``2021-12-XX`` or ``2021-XX-XX``).  A weekday keeps what is
  known: ``2021-WXX-2`` (some Tuesday of 2021), plus ``TEV`` etc. for a part
  of the day.  ``earliest``/``latest`` always hold the exact bounds.
* Evidence in the article can pin a weekday: if exactly one fully dated day
  mentioned in the article (e.g. "7. Dezember") falls on that weekday within
  the interval, the weekday is resolved to it and ``evidence`` says so.
* Expressions that cannot be resolved (no article date, "31. Februar",
  years outside 1000-2199) keep their span and type with an empty value.

Anchors: "gestern", weekdays, bare months use the article date; "am Tag
darauf", "zwei Wochen später", "am selben Tag" use the last day the text
itself named (the narrative time; "einen Monat später" also a month,
"zwölf Jahre später" also a year), falling back to the article date.  A
clock time takes a day named in the same or the previous sentence, else the
article's day.  Tense and mood cues nearest to the expression
(``lang/de/time/tense_cues.tsv``: "wolle", "wird" ahead; "hatte", "sagte"
back) choose the direction for weekdays, months and seasons; given the text
layer's tokens, any full verb in the past tense (STTS VVFIN plus lemma,
:mod:`.timex_tense`: "berieten", "hielt") points back too.  Without a cue
a weekday points back (news report past events).  See docs/time.md.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from ..analysis import Analysis, Token
from ..document import PartialDate
from .timex_calendar import Period, mask_value
from .timex_lexicon import TimeLexicon, load_lexicon
from .timex_patterns import Mention, patterns_for
from .timex_resolve import ABSOLUTE, ARTICLE, NARRATIVE, fixed_value, needs_anchor, resolve_at, timex_type
from .timex_tense import past_tense


# How many sentences back a day named in the text still anchors a clock time.
CLOCK_REACH = 1
# News: how many sentences back a year named in the text still gives its
# year to a month or date without one ("2014 ... im März").
STORY_REACH = 0
# A bare year more than this far from the story's year does not move the story.
DIGRESSION_YEARS = 10


@dataclass(slots=True)
class Timex:
    """One temporal expression with its TimeML value and possible interval."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TimeML value; "" when it could not be resolved
    earliest: str | None = None  # ISO date, first day the expression may denote
    latest: str | None = None  # ISO date, last day
    anchor: str = ""  # what it was resolved against
    evidence: str = ""  # what pinned an uncertain day, if anything
    sentence: int = -1
    mod: str | None = None  # TimeML mod: START, MID, END
    quant: str | None = None  # SET quantifier ("jeden")
    freq: str | None = None  # SET frequency ("2X")

    @property
    def resolved(self) -> bool:
        return bool(self.value)


@dataclass(slots=True)
class _Anchor:
    """A reference time: the possible days [low, high] and where it came from."""

    low: dt.date
    high: dt.date
    label: str
    sentence: int = -1
    grain: str = "day"


@dataclass(slots=True)
class _Story:
    """What the text has said so far about when things happen."""

    day: _Anchor | None = None  # the last day named
    period: _Anchor | None = None  # the last day or month named
    coarse: _Anchor | None = None  # the last day, month or year named
    year: tuple[int, int] | None = None  # (year, sentence) of the last year named
    verbs: dict[int, str] = field(default_factory=dict)  # token start -> PAST / PARTICIPLE (TimeTagger._verb_marks)
    # The days named in this sentence since its last clock time, and whether
    # a set ("wochentags", "täglich") followed them: see ``shared_clock``.
    run: tuple[int, int, bool, bool] = (-1, 0, False, False)  # sentence, days, set named, closed by a clock

    def anchor_for(self, unit: str | None) -> _Anchor | None:
        """"zwölf Jahre später" needs only a year, "am Tag darauf" a day."""
        if unit in ("Y", "10Y"):
            return self.coarse
        if unit == "M":
            return self.period
        return self.day

    def recent(self, index: int) -> _Anchor | None:
        """The last day named, if close enough to anchor a clock time."""
        if self.day is not None and index - self.day.sentence <= CLOCK_REACH:
            return self.day
        return None

    def shared_clock(self, index: int) -> bool:
        """"25. und 26. August von 10 bis 18 Uhr", "wochentags von 14 bis 18
        Uhr": a clock time after several days or a set holds for each of
        them, so it names no single day."""
        sentence, days, named_set, _ = self.run
        return sentence == index and (days >= 2 or named_set)

    def _count(self, mention: Mention, timex: "Timex", moved_to: _Anchor | None, index: int) -> None:
        sentence, days, named_set, closed = self.run
        if sentence != index:
            sentence, days, named_set, closed = index, 0, False, False
        if mention.kind == "clock":
            closed = True
        elif timex.type == "SET":
            named_set = True
        elif moved_to is not None and moved_to.grain == "day":
            days, named_set, closed = (1, False, False) if closed else (days + 1, named_set, False)
        self.run = (sentence, days, named_set, closed)

    def advance(self, mention: Mention, timex: "Timex", moved_to: _Anchor | None, index: int) -> None:
        self._count(mention, timex, moved_to, index)
        year = _named_year(timex)
        if year is not None and not _digression(mention, year, self.year) and not mention.fields.get("boundary"):
            self.year = (year, index)
        if moved_to is None:
            return
        moved_to.sentence = index
        self.coarse = moved_to
        if moved_to.grain in ("day", "month"):
            self.period = moved_to
        if moved_to.grain == "day":
            self.day = moved_to


class TimeTagger:
    """Finds and resolves temporal expressions in a text."""

    def __init__(self, lang: str = "de", *, narrative_months: bool = False) -> None:
        self.lexicon: TimeLexicon = load_lexicon(lang)
        self.patterns = patterns_for(lang)
        # Histories (WikiWarsDE) anchor bare months and years to the story,
        # news to the article date.
        self.narrative_months = narrative_months
        # How many sentences a year named in the text lends itself to a bare
        # "im März" or "am 5. Mai" (histories: until the next year is named).
        self.story_reach = 10**6 if narrative_months else STORY_REACH
        self._cue_re = re.compile(r"[\wäöüÄÖÜß]+")

    # -- public --------------------------------------------------------------
    def __call__(self, analysis: Analysis) -> None:
        bounds = [(s.start, s.end) for s in analysis.sentences] or None
        analysis.layers["timexes"] = self.tag(analysis.text, analysis.document.date, bounds, analysis.tokens)

    def tag(
        self,
        text: str,
        date: PartialDate | str | None,
        sentences: list[tuple[int, int]] | None = None,
        tokens: list[Token] | None = None,
    ) -> list[Timex]:
        """``tokens`` (with STTS tags and lemmas) let any past-tense verb
        choose the direction, not only the listed ones."""
        article_date = PartialDate.parse(date) if isinstance(date, str) else date
        if sentences is None:
            sentences = split_sentences(text)
        starts = [s for s, _ in sentences]
        article = (
            _Anchor(article_date.earliest, article_date.latest, f"article date {article_date}")
            if article_date
            else None
        )
        story = _Story(verbs=self._verb_marks(tokens))
        timexes: list[Timex] = []
        for mention in self.patterns.find(text):
            index = max(bisect.bisect_right(starts, mention.start) - 1, 0)
            mention, direction = self._in_context(text, sentences[index], index, mention, story)
            recent = story.recent(index)
            anchor = story.anchor_for(mention.fields.get("unit"))
            timex, moved_to = self._resolve(mention, text, article, anchor, recent, direction)
            timex.sentence = index
            timexes.append(timex)
            story.advance(mention, timex, moved_to, index)
        _pin_weekdays(timexes)
        _nowadays(timexes, article_date, text, self.lexicon.nowadays_phrases)
        return timexes

    def _in_context(
        self, text: str, sentence: tuple[int, int], index: int, mention: Mention, story: "_Story"
    ) -> tuple[Mention, int]:
        """The mention as its sentence and the story so far make it, and its direction."""
        direction = self._direction(text, sentence, mention, story.verbs)
        fields = mention.fields
        before = _PREVIOUS_WORD.search(text, max(0, mention.start - 20), mention.start)
        if before and before.group(1).lower() in self.lexicon.preposition_directions:
            # "seit 1. Juli": the preposition decides, even for full dates
            direction = self.lexicon.preposition_directions[before.group(1).lower()]
            fields = dict(fields, strict_direction=True)
        if mention.kind == "year" and before and before.group(1).lower() in self.lexicon.year_boundaries:
            fields = dict(fields, boundary=True)  # "ab 1941": the edge of a span, the story stays
        recent = story.recent(index)
        if fields.get("undated") and recent is not None and recent.sentence == index:
            # "am 9. September von 16 bis 17.30 Uhr": the schedule has its day
            fields = dict(fields, undated=False)
        if mention.kind == "clock" and story.shared_clock(index):
            fields = dict(fields, undated=True)
        if fields is not mention.fields:
            mention = Mention(mention.start, mention.end, mention.kind, fields, mention.priority)
        if story.year and index - story.year[1] <= self.story_reach:
            mention = _with_story_year(mention, story.year[0])
        return mention, direction

    # -- resolution ------------------------------------------------------------
    def _resolve(
        self,
        mention: Mention,
        text: str,
        article: _Anchor | None,
        narrative: _Anchor | None,
        recent: _Anchor | None,
        direction: int,
    ) -> tuple[Timex, _Anchor | None]:
        kind = needs_anchor(mention)
        if kind == ARTICLE and self.narrative_months and mention.kind == "relunit" and mention.fields.get("unit") == "Y":
            kind = NARRATIVE  # a history's "im Vorjahr", "im nächsten Jahr": the story's year
        if kind == ABSOLUTE:
            anchor = None
        elif mention.kind == "clock":
            # A time of day belongs to a day named close by; in listings
            # without one, to the article's day.
            anchor = recent or article
        elif kind == NARRATIVE:
            anchor = narrative or article
        else:
            anchor = article
        low, high = (anchor.low, anchor.high) if anchor else (None, None)
        first = resolve_at(mention, low, direction)
        last = resolve_at(mention, high, direction) if high != low else first
        timex = Timex(
            start=mention.start,
            end=mention.end,
            text=text[mention.start : mention.end],
            type=timex_type(mention, first),
            value="",
            anchor=anchor.label if anchor else ("absolute" if kind == ABSOLUTE else "none"),
            mod=_mod(mention),
            quant=mention.fields.get("quant"),
            freq=mention.fields.get("freq"),
        )
        fixed = fixed_value(mention)
        if first is None or last is None:
            timex.value = fixed or ""
            return timex, None
        timex.value = first.value if first.value == last.value else self._policy_value(mention, first, last)
        timex.earliest = _iso(first.earliest)
        timex.latest = _iso(last.latest)
        return timex, _next_anchor(mention, first, last, timex)

    def _policy_value(self, mention: Mention, first: Period, last: Period) -> str:
        """The value when the article date leaves the day open: no invented day."""
        if mention.kind == "weekday":
            year = f"{first.earliest.year:04d}" if first.earliest.year == last.latest.year else "XXXX"
            part = mention.fields.get("part")
            return f"{year}-WXX-{mention.fields['weekday']}" + (f"T{part}" if part else "")
        return mask_value(first.value, last.value)

    def _verb_marks(self, tokens: list[Token] | None) -> dict[int, str]:
        """Start offset -> PAST for every past-tense verb, PARTICIPLE for
        every past participle ("begonnen" has no ge- the pattern sees)."""
        if not tokens:
            return {}
        marks = {t.start: _PARTICIPLE_MARK for t in tokens if t.pos in _PARTICIPLE_TAGS}
        marks.update((t.start, _PAST_MARK) for t in tokens if past_tense(t.text, t.pos, t.lemma))
        return marks

    def _direction(self, text: str, sentence: tuple[int, int], mention: Mention, verbs: dict[int, str]) -> int:
        """+1 / -1 from the tense cue nearest to the mention in its sentence."""
        words = [w for w in self._cue_re.finditer(text, sentence[0], sentence[1])]
        perfect = any(_PARTICIPLE.match(w.group()) or verbs.get(w.start()) == _PARTICIPLE_MARK for w in words)
        perfect_infinitive = perfect and _PERFECT_INFINITIVE.search(text, sentence[0], sentence[1]) is not None
        best, best_distance = 0, None
        cues = self.lexicon.tense_cues
        for word in words:
            form = word.group()
            cue = cues.get(form, -1 if verbs.get(word.start()) == _PAST_MARK else None)
            if perfect and form in self.lexicon.perfect_auxiliaries:
                cue = -1  # "hat ... stattgefunden"
            elif cue == 1 and perfect_infinitive:
                cue = -1  # "soll ... getroffen haben": reported past
            if cue is None or mention.start <= word.start() < mention.end:
                continue
            distance = mention.start - word.end() if word.end() <= mention.start else word.start() - mention.end
            if best_distance is None or distance < best_distance:
                best, best_distance = cue, distance
        return best


_PAST_MARK, _PARTICIPLE_MARK = "past", "participle"
_PARTICIPLE_TAGS = frozenset({"VVPP", "VAPP", "VMPP"})
_PREVIOUS_WORD = re.compile(r"(\w+)\s+$")
# A past participle: "getroffen", "gesagt", "stattgefunden", "angekündigt".
_PARTICIPLE = re.compile(r"^[a-zäöüß]*ge[a-zäöüß]{2,}(?:t|en)$")
_PERFECT_INFINITIVE = re.compile(r"\b[a-zäöüß]*ge[a-zäöüß]{2,}(?:t|en)\s+(?:haben|sein)\b")


_YEARLESS = ("month", "season", "date", "holiday", "yearpart")


def _with_story_year(mention: Mention, year: int) -> Mention:
    """"Im Jahr 2014 ... im März": the month takes the year the story is in."""
    f = mention.fields
    if mention.kind == "relunit" and f["unit"] == "Y" and f.get("offset") == 0 and f.get("anchor") == "article":
        # "1939 ... Ende des Jahres": that year, not the article's
        return Mention(mention.start, mention.end, "year", {"year": year, "mod": f.get("mod")}, mention.priority)
    if mention.kind not in _YEARLESS or mention.fields.get("year") or mention.fields.get("year_offset") is not None:
        return mention
    if mention.kind == "season" and mention.fields.get("offset") is not None:
        return mention
    fields = dict(mention.fields, year=year)
    fields.pop("year2", None)
    return Mention(mention.start, mention.end, mention.kind, fields, mention.priority)


def _digression(mention: Mention, year: int, story_year: tuple[int, int] | None) -> bool:
    """A bare year far from the story's ("die Grenze von 1370") is a look
    aside, not a move of the story; a full date always moves it."""
    return mention.kind == "year" and story_year is not None and abs(year - story_year[0]) > DIGRESSION_YEARS


def _named_year(timex: Timex) -> int | None:
    """The year a DATE timex places the story in, if it names exactly one
    (references and durations do not move the story)."""
    if timex.type not in ("DATE", "TIME") or not timex.earliest or not timex.latest:
        return None
    if timex.anchor != "absolute":
        return None  # "gestern" says nothing about the story's year
    if timex.earliest[:4] != timex.latest[:4] or not timex.value[:4].isdigit():
        return None
    return int(timex.earliest[:4])


def _mod(mention: Mention) -> str | None:
    mod = mention.fields.get("mod")
    if isinstance(mod, tuple):
        return mod[0]
    return mod


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _next_anchor(mention: Mention, first: Period, last: Period, timex: Timex) -> _Anchor | None:
    """Days the text names move the narrative time; durations, sets, vague
    references and clock times do not."""
    if mention.kind in ("duration", "set", "fixed", "ref", "clock"):
        return None
    if first.grain not in ("day", "time", "month", "year", "season", "quarter"):
        return None
    if first.earliest is None or last.latest is None:
        return None
    grain = {"time": "day", "season": "year", "quarter": "year"}.get(first.grain, first.grain)
    return _Anchor(first.earliest, last.latest, f"narrative time {timex.value} ({timex.text!r})", grain=grain)



# A "heute" next to a time this many years before the article means "nowadays".
NOWADAYS_YEARS = 5


def _nowadays(
    timexes: list[Timex], article_date: PartialDate | None, text: str, phrases: tuple[tuple[str, ...], ...]
) -> None:
    """"Damals ... heute": today contrasted with the past is the present
    (PRESENT_REF), not the article's day; so is "heute" in phrases such as
    "auch heute noch", "bis heute", "heute würde".  The interval stays."""
    if article_date is None:
        return
    for i, timex in enumerate(timexes):
        if timex.type != "DATE" or not timex.anchor.startswith("article") or len(timex.text.split()) != 1:
            continue
        if not _is_article_day(timex, article_date):
            continue
        near = [t for t in timexes[max(0, i - 3) : i] if timex.sentence - t.sentence <= 1]
        if any(_long_ago(t, article_date) for t in near) or _in_phrase(text, timex, phrases):
            timex.value = "PRESENT_REF"


def _is_article_day(timex: Timex, article_date: PartialDate) -> bool:
    """"heute": the article's day — for an article dated by month only, any
    day of that month (``2021-12-XX``), never the month itself ("Dezember")."""
    if (timex.earliest, timex.latest) != (article_date.earliest.isoformat(), article_date.latest.isoformat()):
        return False
    return timex.earliest == timex.latest or timex.value.endswith("-XX")


def _in_phrase(text: str, timex: Timex, phrases: tuple[tuple[str, ...], ...]) -> bool:
    word = timex.text.lower()
    before = _WORD.findall(text[max(0, timex.start - 40) : timex.start].lower())
    after = _WORD.findall(text[timex.end : timex.end + 40].lower())
    for phrase in phrases:
        if word not in phrase:
            continue
        at = phrase.index(word)
        head, tail = list(phrase[:at]), list(phrase[at + 1 :])
        if (not head or before[-len(head) :] == head) and after[: len(tail)] == tail:
            return True
    return False


_WORD = re.compile(r"\w+")


def _long_ago(timex: Timex, article_date: PartialDate) -> bool:
    if timex.value == "PAST_REF":
        return True
    return bool(timex.latest) and int(timex.latest[:4]) < article_date.year - NOWADAYS_YEARS


_UNKNOWN_WEEK_DAY = re.compile(r"WXX-(\d)")  # "2021-WXX-2TEV": some Tuesday


def _pin_weekdays(timexes: list[Timex]) -> None:
    """Pin an uncertain weekday to a fully dated day named in the same article."""
    known = {}
    for timex in timexes:
        if timex.type == "DATE" and timex.earliest and timex.earliest == timex.latest == timex.value:
            known.setdefault(timex.earliest, timex)
    if not known:
        return
    for timex in timexes:
        weekday_match = _UNKNOWN_WEEK_DAY.search(timex.value)
        if weekday_match is None or timex.type == "SET" or not timex.earliest or not timex.latest:
            continue
        weekday = int(weekday_match.group(1))
        matches = [
            day
            for day in known
            if timex.earliest <= day <= timex.latest and dt.date.fromisoformat(day).isoweekday() == weekday
        ]
        if len(matches) == 1:
            day = matches[0]
            source = known[day]
            part = timex.value.split("T", 1)[1] if "T" in timex.value.split("WXX-", 1)[1] else ""
            timex.value = day + (f"T{part}" if part else "")
            timex.earliest = timex.latest = day
            timex.evidence = f"weekday matches {source.text!r} (sentence {source.sentence})"


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'»«“”)]*\s+(?=[\"'»«„“(]*[A-ZÄÖÜ0-9])|\n\s*\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """A small sentence splitter for raw text (TimeML files) when no text
    layer ran.  A period after a number ("25. Februar") does not end one."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[max(start, match.start() - 4) : match.start()]
        if re.search(r"(?<![\d.])\d{1,2}\.$", before):
            continue
        if match.start() > start:
            bounds.append((start, match.start()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds or [(0, len(text))]


_TAGGERS: dict[str, TimeTagger] = {}


def tag_text(text: str, date: PartialDate | str | None, lang: str = "de") -> list[Timex]:
    """Temporal expressions of a plain text (convenience for scripts and tests)."""
    tagger = _TAGGERS.get(lang)
    if tagger is None:
        tagger = _TAGGERS[lang] = TimeTagger(lang)
    return tagger.tag(text, date)
