"""Past tense from STTS tag and lemma, and its use as a direction cue."""

from __future__ import annotations

import pytest

from chronik.document import Document, PartialDate
from chronik.extract.time import TimeTagger
from chronik.extract.timex_tense import past_tense
from chronik.pipeline import Pipeline


@pytest.mark.parametrize(
    "form, lemma",
    [
        ("berieten", "beraten"),  # strong, not in any word list
        ("hielt", "halten"),
        ("nahm", "nehmen"),
        ("wuchs", "wachsen"),
        ("stellte", "stellen"),  # weak
        ("arbeitete", "arbeiten"),
        ("kündigte", "ankündigen"),  # particle verb, particle split off
    ],
)
def test_past_forms(form: str, lemma: str) -> None:
    assert past_tense(form, "VVFIN", lemma)


@pytest.mark.parametrize(
    "form, lemma",
    [
        ("tritt", "treten"),  # vowel change of the present
        ("übernimmt", "übernehmen"),
        ("hält", "halten"),
        ("fährt", "fahren"),
        ("arbeitet", "arbeiten"),
        ("reise", "abreisen"),  # Konjunktiv I of a particle verb
        ("käme", "kommen"),  # Konjunktiv II: hypothetical, not past
    ],
)
def test_present_and_subjunctive_forms(form: str, lemma: str) -> None:
    assert not past_tense(form, "VVFIN", lemma)


def test_modal_past_and_konjunktiv_ii() -> None:
    assert past_tense("konnte", "VMFIN", "können") and past_tense("mussten", "VMFIN", "müssen")
    assert not past_tense("könnte", "VMFIN", "können") and not past_tense("muss", "VMFIN", "müssen")


def test_only_finite_full_verbs() -> None:
    assert not past_tense("gestellt", "VVPP", "stellen")
    assert not past_tense("berieten", "VVFIN", "")


@pytest.fixture(scope="module")
def text_layer() -> Pipeline:
    return Pipeline(["text"])


def test_unlisted_past_verb_points_a_weekday_back(text_layer: Pipeline) -> None:
    # Wednesday 15 March 2023: a past "Freitag" is the 10th, a future one the 17th.
    # "wird" is listed and points ahead; "verhandelten" is nearer, and past.
    text = "Die Kommission wird neue Regeln vorlegen, nachdem die Minister am Freitag verhandelten."
    analysis = text_layer(Document(text=text, date=PartialDate.parse("2023-03-15")))
    tagger = TimeTagger("de")
    sentences = [(s.start, s.end) for s in analysis.sentences]
    [with_tags] = tagger.tag(text, "2023-03-15", sentences, analysis.tokens)
    assert with_tags.value == "2023-03-10"
    [words_only] = tagger.tag(text, "2023-03-15", sentences)
    assert words_only.value == "2023-03-17"


def test_tagged_participle_without_ge_makes_a_perfect(text_layer: Pipeline) -> None:
    # 21 November: 1 April ahead is nearer, but "hat ... begonnen" looks back.
    text = "Die Zusammenarbeit der beiden Molkereien hat am 1. April begonnen."
    analysis = text_layer(Document(text=text, date=PartialDate.parse("2014-11-21")))
    sentences = [(s.start, s.end) for s in analysis.sentences]
    [april] = TimeTagger("de").tag(text, "2014-11-21", sentences, analysis.tokens)
    assert april.value == "2014-04-01"
