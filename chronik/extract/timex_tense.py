"""Tense of a finite verb from its form, STTS tag and lemma.

The word list ``lang/de/time/tense_cues.tsv`` names the frequent cues
("hatte", "wird", "wolle"); this module recognises the past tense of any
full verb the text layer tagged VVFIN, so that "Die Delegierten berieten
am Montag" points back although "berieten" is in no list:

* weak past: the lemma's stem plus -te/-ten/-test/-tet ("sagte";
  particle verbs too: "kündigte" from "ankündigen");
* strong past: a form that is none of the lemma's present forms, counting
  the vowel change of the second and third person ("tritt", "gilt", "fällt")
  and Konjunktiv I — "traten", "hielt", "galt".

Konjunktiv II of strong verbs ("käme", "gäbe") is left alone: it speaks of
the hypothetical, not of the past.  Modal verbs (VMFIN) are past in their
-te forms without umlaut ("konnte", "musste"; not "könnte", "müsste").
"""

from __future__ import annotations

from functools import lru_cache

FINITE_FULL_VERB = "VVFIN"
FINITE_MODAL = "VMFIN"
_WEAK_PAST_ENDINGS = ("eten", "etest", "etet", "ete", "ten", "test", "tet", "te")
_PRESENT_ENDINGS = ("", "e", "st", "t", "en", "et", "est", "n")
# Vowel changes of the present second/third person singular ("treten" -> "tritt").
_VOWEL_CHANGES = (("e", "i"), ("e", "ie"), ("a", "ä"), ("au", "äu"), ("o", "ö"))
_UMLAUTS = frozenset("äöü")
_VOWELS = frozenset("aeiouäöü")


def past_tense(form: str, tag: str, lemma: str) -> bool:
    """True for an indicative past (Präteritum) such as "beriet", "konnte"."""
    if tag != FINITE_FULL_VERB and tag != FINITE_MODAL:
        return False  # most tokens: decided before any string work
    form, lemma = form.lower(), lemma.lower()
    if tag == FINITE_MODAL:
        # "konnte", "musste", "wollte"; the umlauted "könnte", "müsste",
        # "möchte" are Konjunktiv II.
        return form.endswith(("te", "ten", "test", "tet")) and not _UMLAUTS & set(form)
    if tag != FINITE_FULL_VERB or not lemma:
        return False
    if form == lemma or not lemma.endswith("n") or len(form) < 3:
        return False
    if _weak_past(form, lemma):
        return True
    key, present = _spelling_key(form), _present_forms(lemma)
    if key in present or any(p.endswith(key) for p in present):
        return False  # "tritt", "nimmt", "reise" from "abreisen"
    # Strong Konjunktiv II ("käme") has an umlaut its lemma lacks and ends in -e.
    return not (form.endswith("e") and any(c in _UMLAUTS and c not in lemma for c in form))


def _weak_past(form: str, lemma: str) -> bool:
    for ending in _WEAK_PAST_ENDINGS:
        if form.endswith(ending):
            base = form[: -len(ending)]
            if len(base) >= 2 and (lemma.endswith(base + "en") or lemma.endswith(base + "n")):
                return True
    return False


@lru_cache(maxsize=4096)
def _present_forms(lemma: str) -> frozenset[str]:
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    stems = {stem}
    for plain, changed in _VOWEL_CHANGES:
        at = stem.rfind(plain)
        if at >= 0:
            stems.add(stem[:at] + changed + stem[at + len(plain) :])
    forms = {s + ending for s in stems for ending in _PRESENT_ENDINGS}
    forms.add(lemma)
    return frozenset(_spelling_key(f) for f in forms)


def _spelling_key(form: str) -> str:
    """The form without lengthening h and doubled consonants, so that the
    changed stem matches its spelling: "nimmt" ~ "nihmt", "tritt" ~ "trit"."""
    out: list[str] = []
    for char in form:
        if out and (char == out[-1] or (char == "h" and out[-1] in _VOWELS)):
            continue
        out.append(char)
    return "".join(out)
