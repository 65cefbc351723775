"""Noun phrases around a cue: who speaks (source) and to whom (addressee).

Works on STTS tags only (no parser): a noun phrase is determiners and
adjectives followed by nouns or names, extended by a genitive ("der
Direktor der Behörde"), a parenthesis ("(IAEO)") and a closing
apposition (", Elmar Gesse").  Pronouns ("er", "man") are phrases of
their own; resolving them is the caller's job.
"""

from __future__ import annotations

from typing import Sequence

PRE = frozenset({"ART", "ADJA", "PPOSAT", "PDAT", "PIAT", "PIDAT", "CARD", "PWAT", "ADJD"})
HEAD = frozenset({"NN", "NE", "FM", "TRUNC"})
PRONOUN = frozenset({"PPER", "PIS", "PDS"})
GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer"})
DATIVE_STARTS = frozenset(
    {"dem", "der", "den", "einem", "einer", "ihm", "ihr", "ihnen", "uns", "mir", "dir", "diesem", "dieser"}
)
OPENING_MARKS = frozenset({"„", "«", "»", '"', "“"})
CLOSING_MARKS = frozenset({"“", "»", "«", '"', "”"})
QUOTE_TOKENS = OPENING_MARKS | CLOSING_MARKS | frozenset({"”", "‚", "‘", "’", "‹", "›"})
CLAUSE_BREAKS = frozenset({",", ":", ";", "(", ")", "–", "-", "—"})
NOMINATIVE_PRONOUNS = frozenset({"er", "sie", "es", "man", "wir", "ich", "du", "ihr", "dieser", "diese", "jener"})


def noun_phrase_end(words: Sequence[str], tags: Sequence[str], start: int) -> int:
    """End (exclusive) of the noun phrase starting at ``start``; ``start`` if none."""
    n = len(words)
    if start >= n:
        return start
    if tags[start] in PRONOUN:
        if tags[start] == "PIS" and start + 1 < n and words[start + 1].lower() in ("der", "des"):
            # "Einer der beteiligten Feuerwehrmänner", "einige der Demonstranten"
            end = noun_phrase_end(words, tags, start + 1)
            if end > start + 2:
                return end
        return start + 1
    j = start
    while j < n and tags[j] in PRE:
        j += 1
    if j > start and tags[start] == "ART" and j < n and tags[j] in ATTRIBUTE_OPENERS:
        j = _participle_attribute(words, tags, j)
        while j < n and tags[j] in PRE:
            j += 1
    if j < n and words[j] in OPENING_MARKS:
        # a quoted name: der „Arbeitskreis Vorratsdatenspeicherung“, „heise online“; after an
        # article it may be longer ("der neue „Oberste Rat zur Rettung der Demokratie“")
        close = next((k for k in range(j + 1, min(n, j + 8)) if words[k] in CLOSING_MARKS), None)
        longest = 6 if j > start and tags[start] == "ART" else 4
        if (
            close is not None
            and close - j - 1 <= longest
            and words[j + 1][:1].isupper()
            and not any(tags[k].endswith("FIN") or tags[k] in ("$,", "$.") for k in range(j + 1, close))
        ):
            return _extend(words, tags, close + 1)
    if (j >= n or tags[j] not in HEAD) and j > start and tags[j - 1] == "ADJA" and (
            words[j - 1][:1].isupper() or (words[j - 1][:1].isdigit() and "-" in words[j - 1])  # "der 81-jährige"
    ):
        return _extend(words, tags, j)  # a nominalised adjective: "Der Tatverdächtige"
    if (j > start + 1 and tags[start] == "ART" and tags[j - 1] == "ADJD" and j < n
            and (tags[j].startswith("V") or words[j] == ",")):
        return _extend(words, tags, j)  # "Die taz vermutet": a lower-case name the tagger took for an adjective
    if j >= n or tags[j] not in HEAD or words[j][:1].isdigit():
        return start  # "2009 will BYD ...": a year is nobody
    while j < n and (
        tags[j] in HEAD
        or (tags[j] in ("ADJD", "ADV") and "." in words[j][1:-1] and j > start)  # "Die Gewerkschaft ver.di"
        or (tags[j] == "KON" and tags[j - 1] == "TRUNC")  # "Such- und Rettungsagentur"
        or (tags[j] == "CARD" and j + 1 < n and tags[j + 1] == "NE" and tags[j - 1] == "NE")  # "Bayer 04 Leverkusen"
    ):
        if tags[j] == "NN" and tags[j - 1] == "NE" and _name_then_noun(words, tags, j):
            break  # "Steinbrück Positives": a name ends its phrase before a noun
        j += 1
    return _extend(words, tags, j)


ATTRIBUTE_OPENERS = frozenset({"APPR", "APPRART", "ADV", "ADJD"})
_ATTRIBUTE_INSIDE = frozenset({"APPR", "APPRART", "ART", "NN", "NE", "ADV", "ADJD", "CARD", "ADJA", "PTKNEG"})
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _participle_attribute(words: Sequence[str], tags: Sequence[str], j: int) -> int:
    """"einer am Dienstag veröffentlichten Pressemitteilung", "die in New York geborene
    Sängerin", "der für die Region zuständige Koordinator": an article, a phrase, then an
    inflected participle or adjective and the noun.  Returns where that attribute stands
    (the phrase belongs to the noun phrase), or ``j`` unchanged."""
    n = len(words)
    for k in range(j + 1, min(n - 1, j + 8)):
        if tags[k] not in _ATTRIBUTE_INSIDE:
            return j
        if (tags[k] == "ADJA" and words[k].islower() and words[k].endswith(_ADJECTIVE_ENDINGS)
                and tags[k + 1] in HEAD):
            return k
    return j


def _name_then_noun(words: Sequence[str], tags: Sequence[str], j: int) -> bool:
    """A common noun right after a name starts a new phrase ("Steinbrück Positives
    zu vermelden"), unless it ends the clause (a surname the tagger took for a
    noun: "Petra Lange sagte"), is hyphenated or an abbreviation ("Bayer AG")."""
    if "-" in words[j] or words[j].isupper():
        return False
    before = words[j - 1]
    if len(before) > 3 and before.endswith("s") and not before.endswith(("ss", "us", "is")):
        return False  # "Kenias Regierung", "Demjanjuks Sohn": a genitive name before its noun
    following = tags[j + 1] if j + 1 < len(tags) else "$."
    # "konnte Steinbrück Positives berichten": a non-finite verb after the noun makes it an object
    return following in ("PTKZU", "ART", "ADJA", "PPOSAT", "PIAT", "VVINF", "VVIZU", "VVPP")


def _extend(words: Sequence[str], tags: Sequence[str], j: int) -> int:
    """Genitive attributes, parentheses and a closing apposition."""
    n = len(words)
    while j < n:
        word = words[j]
        if tags[j] == "ART" and word.lower() in GENITIVE_ARTICLES and (
                tags[j - 1] == "NN" or (words[j - 1] == ")" and after_parenthesis_of_noun(words, tags, j - 1))):
            # "Angaben des Fonds ( MIF ) der Entwicklungsbank": the genitive goes on after the abbreviation
            k = noun_phrase_end(words, tags, j)
            if k > j:
                j = k
                continue
        if tags[j] == "NE" and tags[j - 1] == "NN":  # "Meinung Russlands"
            j += 1
            continue
        if tags[j] == "APPRART" and tags[j - 1] == "NN":
            # "der Berater im Kreml, Juri Uschakow": a place attribute before an apposition
            k = noun_phrase_end(words, tags, j + 1)
            if k > j + 1 and ("," in words[j + 1 : k] or (k + 1 < n and words[k] == "," and tags[k + 1] == "NE")):
                j = k
                continue
        if word.lower() in ("und", "sowie") and tags[j - 1] == "NE" and j + 1 < n and tags[j + 1] in ("NE", "NN", "ART", "ADJA"):
            # "Özcan Mutlu und Benedikt Lux": coordinated names speak together
            k = noun_phrase_end(words, tags, j + 1)
            if k > j + 1 and tags[k - 1] == "NE":
                j = k
                continue
        if (word.lower() == "und" and tags[j - 1] == "NN" and j + 2 < n and tags[j + 1] == "NN"
                and tags[j + 2] in ("NE", "ART") and words[j + 1][:1].isupper()):
            # "der Künstler und Netzaktivist padeluun", "General und Kommandeur des Einsatzes":
            # two titles of one person, before the name or a genitive
            k = noun_phrase_end(words, tags, j + 1)
            if k > j + 1:
                j = k
                continue
        if tags[j] in ("APPR", "APPRART") and words[j].lower() in ("von", "vom") and tags[j - 1] in ("NN", "NE"):
            # "Angaben von Radio Bremen", "Karl Harb von den Salzburger Nachrichten", "General X vom CDRM"
            k = noun_phrase_end(words, tags, j + 1)
            if k < n and words[k].lower() == "bis":
                break  # "zogen die Demonstranten vom Bahnhof bis zur Paulskirche": a way, not who
            if k > j + 1 and (tags[k - 1] == "NE" or words[j].lower() == "vom" or tags[j - 1] == "NE"
                              or words[k - 1] in CLOSING_MARKS):  # "ein Artikel von „BBC News“"
                j = k
                continue
        if tags[j] == "APPR" and words[j].lower() == "für" and tags[j - 1] == "NN" and j + 1 < n and tags[j + 1] in ("NN", "NE"):
            # "die Behörde für Zivilluftfahrt", "der Chef der Bundesagentur für Arbeit"
            k = noun_phrase_end(words, tags, j + 1)
            if k > j + 1 and (k == n or not tags[k].startswith("V") or tags[k].endswith("FIN")):
                j = k
                continue
        if word in OPENING_MARKS and tags[j - 1] == "NN":
            # "das Magazin „auto, motor und sport“": a quoted name after its noun
            close = next((k for k in range(j + 1, min(n, j + 8)) if words[k] in CLOSING_MARKS), None)
            if (close is not None and close > j + 1 and words[j + 1][:1].isupper()  # a name, not "„gravierende Bedenken“"
                    and not any(tags[k].endswith("FIN") for k in range(j + 1, close))):
                j = close + 1
                continue
        if word == "(":
            close = next((k for k in range(j + 1, min(n, j + 8)) if words[k] == ")"), None)
            if close is not None:
                j = close + 1
                continue
        if word == "," and j + 1 < n and tags[j + 1] in HEAD | PRE:
            k = noun_phrase_end(words, tags, j + 1)
            while k > j + 1 and k < n and tags[k] in ("APPR", "APPRART"):
                # "Frank Biermann, Vorsitzender der Union für das Münsterland,"
                after = noun_phrase_end(words, tags, k + 1)
                if after == k + 1:
                    break
                k = after
            if k > j + 1 and (k == n or tags[k] in ("$.", "$,") or words[k] in (",", ".")):
                j = k
                continue
        break
    return j


def after_parenthesis_of_noun(words: Sequence[str], tags: Sequence[str], close: int) -> bool:
    """Does the parenthesis closed at ``close`` follow a common noun ("Fonds ( MIF )")?"""
    opening = next((k for k in range(close - 1, max(-1, close - 8), -1) if words[k] == "("), None)
    return opening is not None and opening > 0 and tags[opening - 1] in ("NN", "NE")


def noun_phrase_start(words: Sequence[str], tags: Sequence[str], end: int) -> int:
    """Start of the noun phrase ending just before ``end``; ``end`` if none."""
    j = end - 1
    if j < 0:
        return end
    if tags[j] in PRONOUN:
        return j
    if tags[j] not in HEAD:
        return end
    while j >= 0 and tags[j] in HEAD:
        j -= 1
    while j >= 0 and tags[j] in PRE:
        j -= 1
    # a genitive attribute: "den Angaben des Ministeriums zufolge"
    if j >= 0 and tags[j + 1] == "ART" and words[j + 1].lower() in GENITIVE_ARTICLES and tags[j] == "NN":
        return noun_phrase_start(words, tags, j + 1)
    if j >= 0 and tags[j + 1] in ("ADJA", "PIAT") and words[j + 1].endswith("er") and tags[j] == "NN":
        # a genitive plural without article: "Berichten verschiedener Medien zufolge"
        return noun_phrase_start(words, tags, j + 1)
    return j + 1


def clause_start(words: Sequence[str], tags: Sequence[str], index: int) -> int:
    """First token of the clause that contains ``index`` (after a comma or colon);
    a parenthesis "( ISAF )" does not end a clause."""
    j = index
    while j > 0:
        previous = words[j - 1]
        if previous == ")":
            opening = next((k for k in range(j - 2, max(-1, j - 12), -1) if words[k] == "("), None)
            if opening is not None:
                j = opening
                continue
        if previous in CLAUSE_BREAKS or (tags[j - 1] == "$(" and previous not in QUOTE_TOKENS):
            break  # quotation marks around a name do not end a clause ("„BBC News“ berichtet")
        j -= 1
    return j


def clause_end(words: Sequence[str], tags: Sequence[str], index: int) -> int:
    j = index
    n = len(words)
    while j < n:
        if words[j] == "(":
            closing = next((k for k in range(j + 1, min(n, j + 12)) if words[k] == ")"), None)
            if closing is not None:
                j = closing + 1
                continue
        if words[j] in CLAUSE_BREAKS or tags[j] == "$." or (tags[j] == "$(" and words[j] not in QUOTE_TOKENS):
            break
        j += 1
    return j
