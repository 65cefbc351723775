"""Konjunktiv I/II from a finite verb form, its STTS tag and its lemma.

Reported speech in German news is marked by the subjunctive: "Biden habe
angekündigt", "Russland wolle Garantien", "Der Präsident stehe dazu".
The irregular and auxiliary forms are a data list
(``lang/de/speech/konjunktiv.tsv``); the regular third person singular of
Konjunktiv I is the lemma without its final -n ("stehen" -> "stehe",
"ausweiten" -> "ausweite"), which is never the indicative of the third
person.  First-person indicatives look the same, but they occur inside
quotes, which the caller skips.
"""

from __future__ import annotations

from .speech_lexicon import SpeechLexicon


def konjunktiv_mood(word: str, tag: str, lemma: str, lexicon: SpeechLexicon) -> str | None:
    """"I" (the reporting subjunctive), "II" (also conditional) or None."""
    form = word.lower()
    listed = lexicon.konjunktiv.get(form)
    if listed:
        return listed
    return "I" if is_konjunktiv(word, tag, lemma, lexicon) else None


def is_konjunktiv(word: str, tag: str, lemma: str, lexicon: SpeechLexicon) -> bool:
    form = word.lower()
    if form in lexicon.konjunktiv:
        return True
    if tag and not tag.endswith("FIN"):
        return False
    if not form.endswith("e") or len(form) < 4:
        return False
    if (tag.startswith("VV") and not form.endswith("te") and not form.endswith("nde")
            and (not lemma or lemma.endswith("n"))):
        # "stehe", "gelte", "handele": no indicative ends so ("dauernde" is an adjective);
        # a lemma that is no infinitive ("warm" for "warme") shows an adjective the
        # tagger took for a verb
        return True
    if not lemma or not lemma.endswith("en"):
        return False
    lemma = lemma.lower()
    if form == lemma[:-1]:
        return True
    # particle verbs in second position: "weise" from "zurückweisen"
    return len(form) > 3 and lemma.endswith(form + "n") and tag.startswith("VV")
