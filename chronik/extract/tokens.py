"""German tokenizer: character spans of words, numbers and punctuation.

One compiled regular expression scans a whole block; Python only steps in
where a period is ambiguous (abbreviation, ordinal number or full stop).

Conventions (what a token is):

* Punctuation and quote marks are tokens of their own: ``«``, ``„``, ``)``.
  Runs of ``!``/``?`` stay together (``?!``), and so do ``...``.
* Hyphenated compounds stay whole: ``US-Präsident``, ``Nato-Osterweiterung``,
  ``10-jährige``; a truncated first part keeps its hyphen (``Ein-`` in
  "Ein- und Ausfuhr").
* Numbers stay whole: ``120.000``, ``3,5``, ``14:30``; ordinal numbers keep
  their period (``7.`` in "am 7. Dezember"); dates too: ``7.12.2021``,
  ``2021-12-07``.
* Abbreviations keep their period (``Dr.``, ``bzw.``); written with spaces,
  "z. B." is two tokens ``z.`` and ``B.``; written without, ``z.B.`` is one.
* URLs and e-mail addresses are single tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import resource_table

_LETTER = r"[^\W\d_]"
_ALNUM = r"[^\W_]"
_WORD = (
    rf"{_LETTER}{_ALNUM}*(?:[-‐'’‘]{_ALNUM}+)*"  # US-Präsident, geht's (also with ‘ typed for ’)
    rf"(?:-(?=[\s,/]))?"  # truncated compound part: "Ein- und Ausfuhr"
)
_NUMBER = (
    rf"\d+(?:[.,:/]\d+)*"  # 120.000, 3,5, 14:30, 24/7
    rf"(?:{_LETTER}{_ALNUM}*)?"  # 90er, 5G
    rf"(?:[-‐]{_ALNUM}+)*"  # 10-jährige, 2:1-Sieg
)
_DATE = r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?(?!\d)|\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?(?!\d)"
_CORE = (
    rf"(?P<date>{_DATE})"
    rf"|(?P<num>{_NUMBER})(?P<ndot>\.(?!\.))?"
    rf"|(?P<dotted>(?:{_LETTER}{{1,2}}\.){{2,}}(?:-{_ALNUM}+)*(?!{_ALNUM}))"  # z.B., u.a., U.S.-Armee
    rf"|(?P<word>{_WORD})(?P<wdot>\.(?!\.))?"
    r"|(?P<punct>\.\.\.+|[!?]+|\S)"
)
# URLs, e-mail addresses and domain names are rare: blocks without a hint
# of them use the cheaper expression.
_URL = r"(?:https?://|www\.)[^\s<>\"«»„“”]*[^\s<>\"«»„“”.,;:!?)\]'’]"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# Bare domain names ("derStandard.at", "ndr.de") with the top-level domains
# news text cites most; they are not sentence ends.
_TOP_LEVEL_DOMAINS = ("de", "at", "ch", "com", "org", "net", "eu", "info")
_DOMAIN = rf"[^\W_][\w-]*(?:\.[\w-]+)*\.(?:{'|'.join(_TOP_LEVEL_DOMAINS)})(?![\w-]|\.\w)"
_WEB_HINTS = ("@", "://", "www.", *(f".{tld}" for tld in _TOP_LEVEL_DOMAINS))
TOKEN_RE = re.compile(_CORE)
TOKEN_RE_WEB = re.compile(rf"(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<domain>{_DOMAIN})|{_CORE}")
_NEXT_WORD = re.compile(r"\s*([^\s]+?)[.,;:!?]*(?:\s|$)")
_QUOTE_MARKS = "«»„“”‚‘’\"'‹›"


@dataclass(frozen=True)
class PeriodRules:
    """Which words keep a following period (language data, see lang/de)."""

    abbreviations: frozenset[str]
    sentence_final: frozenset[str]  # abbreviations that may end a sentence
    before_number: frozenset[str]  # abbreviations only when a number follows ("Art. 5")
    ordinal_before: frozenset[str]
    ordinal_after: frozenset[str]

    def is_abbreviation(self, word_with_period: str, next_char: str = "") -> bool:
        if len(word_with_period) == 2:  # one letter: initial or "z. B." part
            return True
        if word_with_period in self.abbreviations:
            return True
        if word_with_period in self.before_number:
            return next_char.isdigit()
        lowered = word_with_period[0].lower() + word_with_period[1:]
        return lowered in self.abbreviations


@lru_cache(maxsize=None)
def period_rules(lang: str) -> PeriodRules:
    abbreviations: set[str] = set()
    final: set[str] = set()
    before_number: set[str] = set()
    for row in resource_table(lang, "abbreviations.txt"):
        flags = row[1].split(",") if len(row) > 1 else []
        (before_number if "number" in flags else abbreviations).add(row[0])
        if "final" in flags:
            final.add(row[0])
    before: set[str] = set()
    after: set[str] = set()
    for row in resource_table(lang, "ordinal_context.txt"):
        (before if row[0] == "before" else after).add(row[1].lower())
    return PeriodRules(
        frozenset(abbreviations), frozenset(final), frozenset(before_number), frozenset(before), frozenset(after)
    )


def _is_ordinal(text: str, number_start: int, period_end: int, block_start: int, rules: PeriodRules) -> bool:
    """Is the period after a number part of an ordinal ("am 7. Dezember")?"""
    following = _NEXT_WORD.match(text, period_end)
    if following is None:
        return False  # end of block: a full stop
    next_word = following.group(1).lstrip(_QUOTE_MARKS) or following.group(1)  # die 4. „Winterwelt“
    first = next_word[0]
    if first.islower():
        return True
    if first.isdigit():  # "vom 7. 12. an" is a date; "kam 2019. 2020 ging er" is not
        return period_end - number_start <= 3
    if next_word.lower() in rules.ordinal_after or next_word.rstrip(".").lower() in rules.ordinal_after:
        return True
    if not first.isupper() or period_end - number_start > 4:
        return False  # "seit 1990. Damals ...": years end sentences
    before = text[max(block_start, number_start - 30) : number_start].split()
    return bool(before) and before[-1].strip(_QUOTE_MARKS).lower() in rules.ordinal_before


def tokenize_span(text: str, start: int, end: int, rules: PeriodRules) -> list[tuple[int, int]]:
    """Token spans (start, end) of ``text[start:end]``, offsets into ``text``."""
    segment = text[start:end]
    web = any(hint in segment for hint in _WEB_HINTS)
    pattern = TOKEN_RE_WEB if web else TOKEN_RE
    spans: list[tuple[int, int]] = []
    append = spans.append
    for match in pattern.finditer(text, start, end):
        kind = match.lastgroup
        if kind == "wdot":
            word_start, word_end = match.span("word")
            next_char = text[word_end + 2 : word_end + 3] if word_end + 2 < end else ""
            if rules.is_abbreviation(text[word_start : word_end + 1], next_char):
                append((word_start, word_end + 1))
            else:
                append((word_start, word_end))
                append((word_end, word_end + 1))
        elif kind == "ndot":
            number_start, number_end = match.span("num")
            if _is_ordinal(text, number_start, number_end + 1, start, rules):
                append((number_start, number_end + 1))
            else:
                append((number_start, number_end))
                append((number_end, number_end + 1))
        else:
            append(match.span())
    return spans
