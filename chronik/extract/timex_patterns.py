"""Finding German temporal expressions: regular expressions over the text.

Each rule is a compiled pattern built from the word lists of
:mod:`chronik.extract.timex_lexicon` plus a handler that turns a match into
:class:`Mention` objects (what was said, not yet what date it means).
Rules run with ``finditer`` over the whole text, which keeps the tagger fast;
overlaps are settled afterwards: the longest mention wins.

Spans follow the TimeML/KRAUTS habit: prepositions ("am", "im", "seit",
"vor") stay outside, modifiers that change the value ("vergangenen",
"Anfang", "rund") stay inside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import SimpleNamespace
from functools import lru_cache
from typing import Callable, Iterator

from .timex_lexicon import TimeLexicon, alternation, load_lexicon


@dataclass(slots=True)
class Mention:
    """A temporal expression found in the text, before resolution."""

    start: int
    end: int
    kind: str  # date, month, year, weekday, relday, ref, relunit, ...
    fields: dict = field(default_factory=dict)
    priority: int = 0  # breaks ties between equally long overlapping mentions


Handler = Callable[[re.Match, str], list[Mention]]

_END = r"(?![\w]|-\w)"  # "Winter-Biathlon" is no season
_START = r"(?<![\w-])"  # "MIP-Montag" is no weekday
_ADJ = r"[a-zäöüß]{2,}(?:e|en)"  # "360 ehrenamtliche Stunden"


def _word_before(text: str, start: int) -> str:
    match = re.search(r"(\S+)\s*$", text[max(0, start - 40) : start])
    return match.group(1) if match else ""


def _word_after(text: str, end: int) -> str:
    match = re.match(r"\s*(\S+)", text[end : end + 40])
    return match.group(1) if match else ""


class TimexPatterns:
    """All rules for one language; ``find(text)`` gives non-overlapping mentions."""

    def __init__(self, lexicon: TimeLexicon) -> None:
        self.lex = lexicon
        self.rules: list[tuple[re.Pattern, Handler, int, re.Pattern | None]] = []
        self._range_tail = re.compile(rf"^\s*(?:{alternation(lexicon.function_words['range'])}|-|–)\s*\d+")
        self._build()

    # -- rule construction -------------------------------------------------
    def _rule(self, pattern: str, handler: Handler, priority: int = 0, gate: str | None = None) -> None:
        """``gate``: a cheap pattern (literal words, no look-arounds) that
        occurs in every match; the rule only runs near its hits."""
        gate = gate or self._gates.get(handler.__name__)
        # Gates run on the lower-cased text: half the alternatives, fewer first letters.
        self.rules.append((re.compile(pattern), handler, priority, re.compile(gate.lower()) if gate else None))

    def _build(self) -> None:
        self._alt = self._vocabulary()
        self._gates = self._gate_table(self._alt)
        self._date_rules()
        self._day_rules()
        self._relative_rules()
        self._amount_rules()
        self._set_rules()
        self._season_rules()
        self._clock_rules()

    def _vocabulary(self) -> SimpleNamespace:
        """Regex alternations of the word lists, shared by the rules."""
        lex, fw = self.lex, self._function_words
        a = SimpleNamespace(
            months=alternation(lex.months),
            month_names=alternation(w for w in lex.months if not w.endswith(".")),
            weekdays=alternation(lex.weekdays),
            parts=alternation((p.lower() for p in lex.day_parts), fold_first=False),
            part_nouns=alternation(w[0].upper() + w[1:] for w in lex.day_parts),
            reldays=alternation(lex.relative_days),
            relmods=alternation(lex.relative_modifiers),
            positions=alternation(lex.positions),
            units=alternation(_unit_forms(lex), fold_first=False),
            singular_units=alternation((u for u in _unit_forms(lex) if u not in lex.plural_units), fold_first=False),
            plural_units=alternation(lex.plural_units, fold_first=False),
            numbers=alternation(lex.numbers),
            approx=alternation(lex.approximators),
            seasons=alternation(w[0].upper() + w[1:] for w in lex.seasons),
            year=r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})",
            part_mods=alternation(lex.day_part_modifiers, fold_first=False),
            digit=r"\d",
        )
        a.num = rf"(?:{a.numbers}|\d+(?:,\d+)?)"
        # "einen mehrere Jahre": a second amount is no adjective ("einem halben Jahr" is fine)
        counts = alternation(w for w, v in lex.numbers.items() if v == "X" or float(v) >= 1)
        a.not_a_count = rf"(?!{counts}\s)"
        # between the days of "am 16., 17. und 23. sowie am 24. Jänner"
        joiner = fw("list_joiner")
        a.list_join = rf"\s*(?:,\s*(?:{joiner})?|{joiner}|-|–|/)\s*(?:{fw('list_article')}\s+)?"
        return a

    def _gate_table(self, a: SimpleNamespace) -> dict[str, str]:
        """Per handler, a cheap pattern that occurs in every match of its rule."""
        lex, fw, digit = self.lex, self._function_words, a.digit
        return {
            "_date": digit, "_date_list": digit, "_numeric_date": digit, "_year": digit,
            "_decade": digit + "|" + alternation(lex.decade_words), "_century": digit, "_clock": digit,
            "_month": a.month_names, "_weekday": a.weekdays, "_night_before": fw("night"),
            "_relday": a.reldays, "_part_of_day": a.part_nouns, "_weekend": fw("weekend"),
            "_part_adverb": alternation(lex.day_part_adverbs), "_reference": alternation(lex.reference_names),
            "_relative_unit": a.relmods, "_position_unit": a.positions,
            "_relative_noun": alternation(lex.relative_nouns), "_narrative_shift": alternation(lex.narrative_shifts),
            "_duration": a.units, "_vague_duration": a.plural_units, "_unit_adjective": alternation(lex.unit_adjectives),
            "_set_each": alternation(lex.set_quantifiers), "_set_frequency": fw("frequency_suffix"),
            "_set_per": fw("per"), "_set_adverb": alternation(lex.sets),
            "_set_weekday": alternation(list(lex.weekday_adverbs) + list(lex.weekdays)),
            "_season": a.seasons, "_year_part": alternation(lex.year_parts), "_holiday": alternation(lex.holiday_names),
        }

    def _date_rules(self) -> None:
        """Calendar dates, months, years, decades, centuries."""
        a = self._alt
        fw = self._function_words
        lex = self.lex
        # "Donnerstag, 25. Februar 2021", "25. Feb.", "am 3. März", "Abend des 22. Juni"
        self._rule(
            rf"{_START}(?:(?:(?P<adj>{a.part_mods})\s+)?(?P<part>{a.part_nouns})\s+{fw('genitive_article')}\s+)?"
            rf"(?:(?P<wd>{a.weekdays})(?:\s*,\s*|\s+)(?:{fw('date_article')}\s+)?)?"
            rf"(?P<day>[0-3]?\d)\.\s*(?P<mon>{a.months})(?:\s+(?P<year>\d{{4}}))?{_END}",
            self._date,
            priority=5,
        )
        # "3., 4. und 5. Oktober", "3. bis 6. Oktober"
        self._rule(
            rf"{_START}(?P<days>[0-3]?\d\.(?:{a.list_join}[0-3]?\d\.)+)\s*"
            rf"(?P<mon>{a.months})(?:\s+(?P<year>\d{{4}}))?{_END}",
            self._date_list,
            priority=5,
        )
        # 25.02.2021, 25.2., 2021-02-25
        self._rule(
            r"(?<![\d.,])(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)\d\d(?!\d)|\d\d(?!\d))?(?![\d])",
            self._numeric_date,
            priority=4,
        )
        self._rule(
            r"(?<![\d-])(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?![\d])",
            self._numeric_date,
            priority=4,
        )
        # "Anfang Juni", "Juni 2021", "August vorigen Jahres", "im Juni"
        self._rule(
            rf"{_START}(?:(?P<pos>{a.positions})\s+)?(?P<mon>{a.month_names})"
            rf"(?:\s+(?P<year>\d{{4}})(?![\d])|\s+(?P<rel>{a.relmods})\s+{fw('year_genitive')}|\s+(?P<det>{fw('this_year_article')})\s+{fw('year_genitive')})?{_END}",
            self._month,
            priority=3,
        )
        # "2014", "im Jahr 2014", "Anfang 2014", "Ende der 1990er Jahre"
        self._rule(
            rf"(?:{_START}|(?<=\d{{4}}-)|(?<=\d{{4}}/))(?:(?P<pos>{a.positions})\s+|(?P<jahr>{fw('year_noun')})\s+)?(?P<year>{a.year})"
            rf"(?![\d]|[.,]\d|\s*/\s*\d{{1,2}}(?!\d)|-\d{{1,2}}(?!\d)|\.?\s*{fw('century')}|er)",
            self._year,
            priority=2,
        )
        self._rule(
            rf"{_START}(?:(?P<pos>{a.positions})\s+{fw('decade_article')}\s+)?(?:(?P<dec>(?:1\d|20)?\d0)er|(?P<decword>{alternation(lex.decade_words)}))(?:\s*-\s*|\s+)?Jahre(?:n)?{_END}",
            self._decade,
            priority=3,
        )
        # "in den Neunzigern", "Ende der Achtziger"
        self._rule(
            rf"{self._after('article')}(?P<decnoun>{alternation(w.capitalize() for w in lex.decade_words)})n?{_END}",
            self._decade,
            priority=3,
        )
        self._rule(
            rf"{_START}(?:(?P<ord>{alternation(lex.ordinals)})\s+{fw('half')}\s+{fw('genitive_article')}\s+)?(?P<n>[12]?\d)\.\s+{fw('century')}{_END}",
            self._century,
            priority=3,
        )

    def _day_rules(self) -> None:
        """Weekdays, gestern/heute/morgen, parts of the day, references."""
        a = self._alt
        fw = self._function_words
        lex = self.lex
        # weekdays: "Dienstag", "vergangenen Freitag", "späten Dienstagabend"
        self._rule(
            rf"{_START}(?:(?P<rel>{a.relmods})\s+|(?P<adj>{a.part_mods})\s+)?(?P<wd>{a.weekdays})"
            rf"(?P<part>{a.parts})?(?:\s+(?P<part2>{a.part_nouns}))?(?:\s+(?P<wrel>{a.relmods})\s+Woche)?{_END}",
            self._weekday,
            priority=2,
        )
        self._rule(
            rf"{_START}{fw('night')}\s+{fw('night_link')}\s+(?P<wd>{a.weekdays}){_END}",
            self._night_before,
            priority=2,
        )
        # "gestern", "heute Abend", "morgen früh"
        self._rule(
            rf"{_START}(?P<rd>{a.reldays})(?:\s+(?P<part>{a.part_nouns}|{a.parts}|{fw('early_morning')})(?![\w]))?{_END}",
            self._relday,
            priority=2,
        )
        # "am Abend", "am späten Nachmittag"
        self._rule(
            rf"{self._after('at')}(?:(?P<adj>{a.part_mods})\s+)?(?P<part>{a.part_nouns}){_END}",
            self._part_of_day,
            priority=1,
        )
        self._rule(
            rf"{self._after('weekend_lead')}(?P<unit>{fw('weekend')}){_END}",
            self._weekend,
            priority=1,
        )
        self._rule(
            rf"{_START}(?P<part>{alternation(lex.day_part_adverbs)}){_END}",
            self._part_adverb,
            priority=0,
        )
        self._rule(rf"{_START}(?P<ref>{alternation(lex.reference_names)}){_END}", self._reference, priority=1)

    def _relative_rules(self) -> None:
        """Periods counted from an anchor: vergangene Woche, Vorjahr, zwei Wochen später."""
        a = self._alt
        fw = self._function_words
        lex = self.lex
        # "vergangene Woche", "diesem Jahr", "den vergangenen fünf Jahren", "am nächsten Tag"
        self._rule(
            rf"{_START}(?:(?P<det>{fw('article')})\s+)?(?P<rel>{a.relmods})\s+(?:(?P<num>{a.num})\s+)?"
            rf"(?P<unit>{a.units}|{fw('weekend')}){_END}",
            self._relative_unit,
            priority=3,
        )
        # "Ende des Jahres", "Anfang nächsten Monats"
        self._rule(
            rf"{_START}(?P<pos>{a.positions})\s+(?:(?P<det>{fw('position_article')})\s+)?(?:(?P<rel>{a.relmods})\s+)?"
            rf"(?P<unit>{a.singular_units})(?:\s+(?P<year>\d{{4}}))?{_END}",
            self._position_unit,
            priority=3,
        )
        self._rule(rf"{_START}(?P<rn>{alternation(lex.relative_nouns)}){_END}", self._relative_noun, priority=1)
        # "zwei Wochen später", "am Tag darauf", "drei Tage zuvor"
        self._rule(
            rf"{_START}(?:(?P<num>{a.num})\s+)?(?P<unit>{alternation(_unit_forms(lex))})\s+(?P<shift>{alternation(lex.narrative_shifts)}){_END}",
            self._narrative_shift,
            priority=4,
        )

    def _amount_rules(self) -> None:
        """Amounts of time: durations."""
        a = self._alt
        lex = self.lex
        # "zwei Wochen", "rund 200 ehrenamtliche Stunden"; "vor zwei Wochen" is resolved too
        self._rule(
            rf"{_START}(?:(?P<approx>{a.approx})\s+)?(?P<num>{a.num})\s+(?:{a.not_a_count}(?P<adj>{_ADJ})\s+)?(?P<unit>{a.units}){_END}",
            self._duration,
            priority=2,
        )
        # "seit Wochen", "vor Jahren"
        self._rule(
            rf"{_START}(?P<prep>{alternation(lex.duration_prepositions)})\s+(?P<unit>{a.plural_units}){_END}",
            self._vague_duration,
            priority=1,
        )
        self._rule(
            rf"{_START}(?P<ua>{alternation(lex.unit_adjectives)})(?:e|en|er|es|em)?{_END}",
            self._unit_adjective,
            priority=1,
        )

    def _set_rules(self) -> None:
        """Recurring times: jeden Montag, täglich."""
        a = self._alt
        fw = self._function_words
        lex = self.lex
        # sets: "jeden Montag", "jeden zweiten Donnerstag", "einmal im Monat", "täglich", "montags"
        self._rule(
            rf"{_START}(?P<q>{alternation(lex.set_quantifiers)})\s+"
            rf"(?:(?P<ord>{alternation(lex.ordinals)})\s+)?"
            rf"(?:(?P<wd>{a.weekdays})(?P<part>{a.parts})?|(?P<unit>{a.singular_units}|{fw('weekend')})|(?P<daypart>{a.part_nouns}))"
            rf"(?:\s+{fw('month_suffix')})?{_END}",
            self._set_each,
            priority=3,
        )
        self._rule(
            rf"{_START}(?P<freq>\w*{fw('frequency_suffix')})\s+{fw('frequency_link')}\s+(?P<unit>{a.singular_units}){_END}",
            self._set_frequency,
            priority=3,
        )
        self._rule(
            rf"{self._after('per')}(?:(?P<num>{a.num})\s+)?(?P<unit>{a.units}){_END}",
            self._set_per,
            priority=2,
        )
        self._rule(rf"{_START}(?P<adv>{alternation(lex.sets)})(?:e|en|er|es|em)?{_END}", self._set_adverb, priority=1)
        self._rule(
            rf"{_START}(?P<wd>{alternation(lex.weekday_adverbs)}){_END}|{_START}(?P<wdp>{a.weekdays})(?P<part>{alternation(lex.day_part_adverbs, fold_first=False)}){_END}",
            self._set_weekday,
            priority=1,
        )

    def _season_rules(self) -> None:
        """Seasons, quarters, holidays."""
        a = self._alt
        lex = self.lex
        # seasons, quarters, holidays
        self._rule(
            rf"{_START}(?:(?P<rel>{a.relmods})\s+(?:(?P<adj>{_ADJ})\s+)?)?(?P<season>{a.seasons})(?:\s+(?P<year>\d{{4}}))?{_END}",
            self._season,
            priority=2,
        )
        self._rule(
            rf"{_START}(?P<ord>{alternation(k for k, v in lex.ordinals.items() if v > 0)})\s+(?P<yp>{alternation(lex.year_parts)})(?:\s+(?P<year>\d{{4}}))?{_END}",
            self._year_part,
            priority=3,
        )
        self._rule(
            rf"{_START}(?P<hol>{alternation(lex.holiday_names)})(?:\s+(?P<year>\d{{4}}))?{_END}",
            self._holiday,
            priority=2,
        )

    def _clock_rules(self) -> None:
        """Clock times."""
        a = self._alt
        fw = self._function_words
        lex = self.lex
        # clock times: "20.30 Uhr", "um 10.30", "von 14 bis 18 Uhr"
        self._rule(
            rf"(?<![\d.,:])(?P<h>[01]?\d|2[0-4])(?:[.:](?P<m>[0-5]\d))?\s*{fw('clock')}(?:\s+(?P<part>{alternation(lex.day_part_adverbs, fold_first=False)}|{fw('early_morning')}))?(?![\w])",
            self._clock,
            priority=3,
        )
        self._rule(
            rf"{self._after('clock_lead')}(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)(?![\d.,:])",
            self._clock,
            priority=3,
        )
        self._rule(
            rf"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d))?(?=\s*(?:{fw('range')}|-|–)\s*(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?\s*{fw('clock')})",
            self._clock,
            priority=3,
        )

    def _function_words(self, role: str) -> str:
        return alternation(self.lex.function_words[role])

    def _after(self, role: str) -> str:
        """Look-behinds for the words of ``role`` (each one fixed width, as Python needs)."""
        words = {v for w in self.lex.function_words[role] for v in (w, w[0].upper() + w[1:])}
        return "(?:" + "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in sorted(words)) + ")"

    # -- handlers ----------------------------------------------------------
    def _date(self, m: re.Match, text: str) -> list[Mention]:
        fields = {
            "day": int(m["day"]),
            "month": self.lex.month(m["mon"]),
            "year": int(m["year"]) if m["year"] else None,
            "weekday": self.lex.weekdays.get(m["wd"].lower()) if m["wd"] else None,
            "part": self.lex.day_parts.get(m["part"].lower()) if m["part"] else None,
        }
        return [Mention(m.start(), m.end(), "date", fields)]

    def _date_list(self, m: re.Match, text: str) -> list[Mention]:
        month = self.lex.month(m["mon"])
        year = int(m["year"]) if m["year"] else None
        days = list(re.finditer(r"([0-3]?\d)\.", m["days"]))
        base = m.start("days")
        found = []
        for i, day in enumerate(days):
            start = base + day.start()
            end = m.end() if i == len(days) - 1 else base + day.end()
            found.append(Mention(start, end, "date", {"day": int(day.group(1)), "month": month, "year": year}))
        return found

    def _numeric_date(self, m: re.Match, text: str) -> list[Mention]:
        year = m["year"]
        fields = {"day": int(m["day"]), "month": int(m["mon"]), "year": int(year) if year else None}
        if year and len(year) == 2:  # "12.12.12": the century comes from the reference
            fields["year"] = None
            fields["year2"] = int(year)
        if not 1 <= fields["month"] <= 12 or not 1 <= fields["day"] <= 31:
            return []
        if m["year"] is None and text[m.end() : m.end() + 1].isdigit():
            return []
        if re.match(r"\.\d", text[m.end() : m.end() + 2]):
            return []  # "4.3.16.2": a version number
        if fields.get("year2") is not None and (len(m["day"]) < 2 or len(m["mon"]) < 2):
            return []  # "4.3.16" is more often a version than a date
        return [Mention(m.start(), m.end(), "date", fields)]

    def _month(self, m: re.Match, text: str) -> list[Mention]:
        bare = not (m["pos"] or m["year"] or m["rel"] or m["det"])
        if bare and _word_before(text, m.start()).strip("(„\"").lower() not in self.lex.month_leads:
            return []
        fields = {
            "month": self.lex.month(m["mon"]),
            "year": int(m["year"]) if m["year"] else None,
            "mod": self._position(m["pos"]),
            "year_offset": self._relmod(m["rel"])[0] if m["rel"] else (0 if m["det"] and m["det"] not in self.lex.function_words["genitive_article"] else None),
        }
        return [Mention(m.start(), m.end(), "month", fields)]

    def _year(self, m: re.Match, text: str) -> list[Mention]:
        value = int(m["year"])
        contextual = (
            bool(m["pos"] or m["jahr"])
            or _word_before(text, m.start()).lower() in self.lex.month_leads
            or text[max(0, m.start() - 1) : m.start()] in ("(", "-", "/")
            or re.match(r"\s*[-–/]\s*\d{4}", text[m.end() : m.end() + 8]) is not None
        )
        # "1789." closing a sentence or clause is a year too
        closing = re.match(r"[.,;)]", text[m.end() : m.end() + 1]) is not None and value >= 1500
        if not contextual and not closing and not 1900 <= value <= 2099:
            return []
        rest = self._range_tail.sub("", text[m.end() : m.end() + 40])
        after = _word_after(rest, 0).rstrip(".,;:)")
        if after in self.lex.year_blockers or _word_after(text, m.end()).startswith("%"):
            return []
        if re.match(r"\s*(?:Jahr|Stunden|Tage|Minuten|Jahre)\b", text[m.end() : m.end() + 12]):
            return []  # "2014 Jahre" is an amount
        if re.search(r"[:]\s*$", text[max(0, m.start() - 2) : m.start()]):
            return []
        return [Mention(m.start(), m.end(), "year", {"year": value, "mod": self._position(m["pos"])})]

    def _decade(self, m: re.Match, text: str) -> list[Mention]:
        groups = m.groupdict()
        word = groups.get("decword") or groups.get("decnoun")
        digits = groups.get("dec") or f"{self.lex.decade_words[word.lower()]}0"
        return [Mention(m.start(), m.end(), "decade", {"digits": digits, "mod": self._position(groups.get("pos"))})]

    def _century(self, m: re.Match, text: str) -> list[Mention]:
        n = int(m["n"])
        if not 1 <= n <= 21:
            return []
        return [Mention(m.start(), m.end(), "century", {"century": n - 1})]

    def _weekday(self, m: re.Match, text: str) -> list[Mention]:
        part = m["part"] or m["part2"]
        rel = self._relmod(m["rel"]) if m["rel"] else None
        fields = {
            "weekday": self.lex.weekdays[m["wd"].lower()],
            "part": self.lex.day_parts.get(part.lower()) if part else None,
            "offset": rel[0] if rel else None,
            # "Mittwoch nächster Woche": the weekday of that week
            "week_offset": self._relmod(m["wrel"])[0] if m["wrel"] else None,
            "mod": self.lex.day_part_modifiers.get((m["adj"] or "").lower()),
        }
        return [Mention(m.start(), m.end(), "weekday", fields)]

    def _night_before(self, m: re.Match, text: str) -> list[Mention]:
        fields = {"weekday": self.lex.weekdays[m["wd"].lower()], "part": "NI", "offset": None, "mod": None}
        return [Mention(m.start(), m.end(), "weekday", fields)]

    def _relday(self, m: re.Match, text: str) -> list[Mention]:
        word = m["rd"]
        before = _word_before(text, m.start()).lower()
        if word == "Morgen" and before in self.lex.morning_markers:
            return []  # "am Morgen": a part of the day, handled elsewhere
        part = m["part"]
        code = None
        if part:
            code = self.lex.day_parts.get(part.lower()) or ("MO" if part.lower() == "früh" else None)
        return [Mention(m.start(), m.end(), "relday", {"offset": self.lex.relative_days[word.lower()], "part": code})]

    def _part_of_day(self, m: re.Match, text: str) -> list[Mention]:
        code = self.lex.day_parts[m["part"].lower()]
        return [Mention(m.start(), m.end(), "partofday", {"part": code})]

    def _weekend(self, m: re.Match, text: str) -> list[Mention]:
        return [Mention(m.start(), m.end(), "relunit", {"unit": "WE", "offset": None, "anchor": "article"})]

    def _part_adverb(self, m: re.Match, text: str) -> list[Mention]:
        return [Mention(m.start(), m.end(), "partofday", {"part": self.lex.day_part_adverbs[m["part"].lower()]})]

    def _reference(self, m: re.Match, text: str) -> list[Mention]:
        key = re.sub(r"\s+", " ", m["ref"]).lower()
        lead = self.lex.reference_leads.get(key)
        if lead and _word_before(text, m.start()).lower() != lead:
            return []
        return [Mention(m.start(), m.end(), "ref", {"value": self.lex.reference_words[key]})]

    def _relative_unit(self, m: re.Match, text: str) -> list[Mention]:
        offset, anchor = self._relmod(m["rel"])
        unit_word = m["unit"]
        unit = "WE" if unit_word.startswith("Wochenende") else self.lex.units[unit_word.lower()]
        # KRAUTS habit: "den vergangenen fünf Jahren" keeps its article,
        # "(den) nächsten zwei Jahren" does not.
        start = m.start("rel") if offset > 0 else m.start()
        if m["num"]:
            amount = self.lex.number(m["num"])
            return [Mention(start, m.end(), "duration", {"amount": amount, "unit": unit, "direction": offset or -1})]
        if unit_word in self.lex.plural_units:
            if offset > 0:
                return [Mention(start, m.end(), "ref", {"value": "FUTURE_REF"})]
            return [Mention(m.start(), m.end(), "duration", {"amount": "X", "unit": unit, "direction": -1})]
        if unit == "D":
            anchor = "narrative"
        return [Mention(m.start("rel"), m.end(), "relunit", {"unit": unit, "offset": offset, "anchor": anchor})]

    def _position_unit(self, m: re.Match, text: str) -> list[Mention]:
        offset = self._relmod(m["rel"])[0] if m["rel"] else 0
        unit = self.lex.units[m["unit"].lower()]
        if m["year"] and unit == "Y":
            return [Mention(m.start(), m.end(), "year", {"year": int(m["year"]), "mod": self._position(m["pos"])})]
        fields = {"unit": unit, "offset": offset, "anchor": "article", "mod": self._position(m["pos"])}
        return [Mention(m.start(), m.end(), "relunit", fields)]

    def _relative_noun(self, m: re.Match, text: str) -> list[Mention]:
        unit, offset, anchor, position = self.lex.relative_nouns[m["rn"].lower()]
        fields = {"unit": unit, "offset": offset, "anchor": anchor, "mod": self._position(position or None)}
        return [Mention(m.start(), m.end(), "relunit", fields)]

    def _narrative_shift(self, m: re.Match, text: str) -> list[Mention]:
        unit_word = m["unit"]
        amount = self.lex.number(m["num"]) if m["num"] else ("1" if unit_word not in self.lex.plural_units else "X")
        if amount is None or amount == "X":
            return []
        unit = self.lex.units[unit_word.lower()]
        direction = self.lex.narrative_shifts[m["shift"].lower()]
        return [Mention(m.start(), m.end(), "shift", {"amount": amount, "unit": unit, "direction": direction})]

    def _duration(self, m: re.Match, text: str) -> list[Mention]:
        amount = self.lex.number(m["num"])
        if amount is None:
            return []
        if re.search(r"\d[:.,]$", text[max(0, m.start() - 2) : m.start()]):
            return []  # "3:03 Minuten": the tail of a time or score
        unit = self.lex.units[m["unit"].lower()]
        half = self.lex.numbers.get((m["adj"] or "").lower())
        if half and amount != "X" and half != "X":
            amount = str(float(amount) * float(half))  # "einem halben Jahr"
            if unit == "Y":
                amount, unit = str(float(amount) * 12), "M"
        before = _word_before(text, m.start()).lower()
        if unit == "Y" and self._is_age(text, m, before):
            return []
        direction = self.lex.duration_prepositions.get(before)
        fields = {"amount": amount, "unit": unit, "direction": direction}
        return [Mention(m.start(), m.end(), "duration", fields)]

    def _vague_duration(self, m: re.Match, text: str) -> list[Mention]:
        unit = self.lex.units[m["unit"].lower()]
        direction = self.lex.duration_prepositions.get(m["prep"].lower())
        return [Mention(m.start("unit"), m.end(), "duration", {"amount": "X", "unit": unit, "direction": direction}, priority=-1)]

    def _unit_adjective(self, m: re.Match, text: str) -> list[Mention]:
        kind, value = self.lex.unit_adjectives[m["ua"].lower()]
        return [Mention(m.start(), m.end(), "fixed", {"type": kind, "value": value})]

    def _set_each(self, m: re.Match, text: str) -> list[Mention]:
        if m["wd"]:
            weekday = self.lex.weekdays[m["wd"].lower()]
            part = self.lex.day_parts.get(m["part"].lower()) if m["part"] else None
            value = f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")
        elif m["daypart"]:
            value = f"XXXX-XX-XXT{self.lex.day_parts[m['daypart'].lower()]}"
        elif m["unit"].startswith("Wochenende"):
            value = "P1WE"
        else:
            value = _duration_value("1", self.lex.units[m["unit"].lower()])
        return [Mention(m.start(), m.end(), "set", {"value": value, "quant": m["q"].lower()})]

    def _set_frequency(self, m: re.Match, text: str) -> list[Mention]:
        value = _duration_value("1", self.lex.units[m["unit"].lower()])
        freq_word = m["freq"].lower()[:-3]
        count = self.lex.number(freq_word) if freq_word else None
        freq = f"{count}X" if count and count != "X" else None
        return [Mention(m.start(), m.end(), "set", {"value": value, "freq": freq})]

    def _set_per(self, m: re.Match, text: str) -> list[Mention]:
        amount = self.lex.number(m["num"]) if m["num"] else "1"
        if amount is None:
            return []
        unit = self.lex.units[m["unit"].lower()]
        return [Mention(m.start(), m.end(), "set", {"value": _duration_value(amount, unit)})]

    def _set_adverb(self, m: re.Match, text: str) -> list[Mention]:
        return [Mention(m.start(), m.end(), "set", {"value": self.lex.sets[m["adv"].lower()]})]

    def _set_weekday(self, m: re.Match, text: str) -> list[Mention]:
        if m["wd"]:
            value = f"XXXX-WXX-{self.lex.weekday_adverbs[m['wd'].lower()]}"
        else:
            weekday = self.lex.weekdays[m["wdp"].lower()]
            value = f"XXXX-WXX-{weekday}T{self.lex.day_part_adverbs[m['part'].lower()]}"
        return [Mention(m.start(), m.end(), "set", {"value": value})]

    def _season(self, m: re.Match, text: str) -> list[Mention]:
        if not (m["rel"] or m["year"]):
            if _word_before(text, m.start()).lower() not in self.lex.month_leads:
                return []
        fields = {
            "season": self.lex.seasons[m["season"].lower()],
            "year": int(m["year"]) if m["year"] else None,
            "offset": self._relmod(m["rel"])[0] if m["rel"] else None,
        }
        return [Mention(m.start(), m.end(), "season", fields)]

    def _year_part(self, m: re.Match, text: str) -> list[Mention]:
        prefix, count = self.lex.year_parts[m["yp"].lower()]
        n = self.lex.ordinals[m["ord"].lower()]
        if not 1 <= n <= count:
            return []
        return [Mention(m.start(), m.end(), "yearpart", {"part": f"{prefix}{n}", "year": int(m["year"]) if m["year"] else None})]

    def _holiday(self, m: re.Match, text: str) -> list[Mention]:
        rule = self.lex.holidays[re.sub(r"\s+", " ", m["hol"]).lower()]
        return [Mention(m.start(), m.end(), "holiday", {"rule": rule, "year": int(m["year"]) if m["year"] else None})]

    def _clock(self, m: re.Match, text: str) -> list[Mention]:
        hour, minute = int(m["h"]), int(m["m"] or 0)
        if hour > 24 or (hour == 24 and minute):
            return []
        part = self.lex.day_part_adverbs.get((m.groupdict().get("part") or "").lower())
        if part in ("AF", "EV") and hour < 12:
            hour += 12  # "8 Uhr abends"
        schedule = _word_before(text, m.start()).lower() in self.lex.clock_range_words
        return [Mention(m.start(), m.end(), "clock", {"hour": hour, "minute": minute, "undated": schedule})]

    # -- helpers -----------------------------------------------------------
    def _is_age(self, text: str, m: re.Match, before: str) -> bool:
        """"22 Jahre alt", "ab 16 Jahren", "zwischen sechs und elf Jahren": ages."""
        after = _word_after(text, m.end()).rstrip(".,;:)")
        if after in self.lex.duration_blockers or before in self.lex.age_prepositions:
            return True
        return re.search(r"\bzwischen\s+\S+\s+und\s+$", text[max(0, m.start() - 40) : m.start()]) is not None

    def _relmod(self, word: str) -> tuple[int, str]:
        return self.lex.relative_modifiers[word.lower()]

    def _position(self, word: str | None) -> tuple[str, float, float] | None:
        return self.lex.positions[word.lower()] if word else None

    # -- running -------------------------------------------------------------
    def candidates(self, text: str) -> Iterator[Mention]:
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters change length when lower-cased
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        for pattern, handler, priority, gate in self.rules:
            for low, high in _windows(gate, lowered):
                for match in pattern.finditer(text, low, high):
                    try:
                        found = handler(match, text)
                    except (KeyError, IndexError, ValueError, TypeError):
                        continue  # a rule that cannot read its match must not cost the article
                    for mention in found:
                        mention.priority += priority
                        yield mention

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions in text order; longer (then higher priority) wins."""
        ranked = sorted(self.candidates(text), key=lambda x: (-(x.end - x.start), -x.priority, x.start))
        taken: list[Mention] = []
        occupied: list[tuple[int, int]] = []
        for mention in ranked:
            if mention.end <= mention.start:
                continue
            if any(mention.start < end and start < mention.end for start, end in occupied):
                continue
            taken.append(mention)
            occupied.append((mention.start, mention.end))
        return sorted(taken, key=lambda x: x.start)


_WINDOW = 60  # characters around a gate hit; longer than any expression


def _windows(gate: re.Pattern | None, text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around the gate's hits, cut at spaces."""
    if gate is None:
        return [(0, len(text))]
    windows: list[tuple[int, int]] = []
    for hit in gate.finditer(text):
        low = text.rfind(" ", 0, max(hit.start() - _WINDOW, 0)) + 1
        high = text.find(" ", min(hit.end() + _WINDOW, len(text)))
        high = len(text) if high < 0 else high
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
        else:
            windows.append((low, high))
    return windows


def _unit_forms(lex: TimeLexicon) -> list[str]:
    return [w[0].upper() + w[1:] for w in lex.units]


def _duration_value(amount: str, unit: str) -> str:
    """ISO 8601 duration: ('2', 'W') -> 'P2W', ('30', 'MIN') -> 'PT30M'."""
    if amount.endswith(".0"):
        amount = amount[:-2]
    if len(amount) > 12:
        amount = "X"  # no sensible amount of time has that many digits
    if unit in ("S", "MIN", "H"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    if unit == "10Y":
        return f"P{amount}DE" if amount == "X" else f"P{_times(amount, 10)}Y"
    if unit == "100Y":
        return f"P{amount}CE" if amount == "X" else f"P{_times(amount, 100)}Y"
    return f"P{amount}{unit}"


def _times(amount: str, factor: int) -> str:
    value = float(amount) * factor
    return str(int(value)) if value.is_integer() else str(value)


@lru_cache(maxsize=None)
def patterns_for(lang: str = "de") -> TimexPatterns:
    return TimexPatterns(load_lexicon(lang))
