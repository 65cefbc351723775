"""POS tags (STTS) and lemmas of clear cases, on sentences written for these tests."""

from __future__ import annotations

import pytest

from chronik.analysis import Analysis
from chronik.document import Document
from chronik.extract.tagger import apply_suffix_rule, load_tagger
from chronik.extract.text import TextLayer


@pytest.fixture(scope="module")
def layer() -> TextLayer:
    return TextLayer("de")


def tagged(layer: TextLayer, text: str) -> dict[str, tuple[str, str]]:
    analysis = Analysis(Document.from_text(text))
    layer(analysis)
    return {t.text: (t.pos, t.lemma) for t in analysis.tokens}


@pytest.mark.parametrize(
    "text, word, pos, lemma",
    [
        ("Der Präsident sagte am Montag in Berlin, er sei zufrieden.", "sagte", "VVFIN", "sagen"),
        ("Der Präsident sagte am Montag in Berlin, er sei zufrieden.", "Präsident", "NN", "Präsident"),
        ("Der Präsident sagte am Montag in Berlin, er sei zufrieden.", "Berlin", "NE", "Berlin"),
        ("Der Präsident sagte am Montag in Berlin, er sei zufrieden.", "Der", "ART", "der"),
        ("Der Präsident sagte am Montag in Berlin, er sei zufrieden.", ",", "$,", ","),
        ("Der Präsident sagte am Montag in Berlin, er sei zufrieden.", ".", "$.", "."),
        ("Die Regierung hat die neuen Gesetze beschlossen.", "Gesetze", "NN", "Gesetz"),
        ("Die Regierung hat die neuen Gesetze beschlossen.", "hat", "VAFIN", "haben"),
        ("Die Regierung hat die neuen Gesetze beschlossen.", "beschlossen", "VVPP", "beschließen"),
        ("Die Regierung hat die neuen Gesetze beschlossen.", "neuen", "ADJA", "neu"),
        ("Die Ministerin will im Sommer nach Wien reisen.", "will", "VMFIN", "wollen"),
        ("Die Ministerin will im Sommer nach Wien reisen.", "im", "APPRART", "in"),
        ("Die Ministerin will im Sommer nach Wien reisen.", "reisen", "VVINF", "reisen"),
        ("Die Gewerkschaft fordert mehr Geld für die Pflegekräfte.", "für", "APPR", "für"),
        ("Die Gewerkschaft fordert mehr Geld für die Pflegekräfte.", "Pflegekräfte", "NN", "Pflegekraft"),
        ("Mehr als 120.000 Menschen demonstrierten.", "120.000", "CARD", "120.000"),
        ("Er habe das nicht gewusst, sagte der Anwalt.", "nicht", "PTKNEG", "nicht"),
        ("Er habe das nicht gewusst, sagte der Anwalt.", "Er", "PPER", "er"),
        ("Sie habe das nicht gewusst, sagte die Anwältin.", "habe", "VAFIN", "haben"),
    ],
)
def test_clear_cases(layer: TextLayer, text: str, word: str, pos: str, lemma: str) -> None:
    assert tagged(layer, text)[word] == (pos, lemma)


def test_sentence_initial_verb_lemma_is_lower_case(layer: TextLayer) -> None:
    pos, lemma = tagged(layer, "Befürchtet wird eine weitere Eskalation.")["Befürchtet"]
    assert lemma == lemma.lower()


def test_every_token_gets_a_tag_and_lemma(layer: TextLayer) -> None:
    text = "Überschreitung einer «roten Linie»\n\nDas Kabinett tagt am 7. Dezember 2021 – ohne die Kanzlerin."
    analysis = Analysis(Document.from_text(text))
    layer(analysis)
    assert all(t.pos and t.lemma for t in analysis.tokens)
    assert set(t.pos for t in analysis.tokens) <= set(load_tagger("de").tags)


def test_suffix_rule_rewrites_unknown_forms() -> None:
    rules = {"NN\ten": (1, ""), "NN\tmen": (1, ""), "VVFIN\tte": (2, "en")}
    assert apply_suffix_rule("Wirtschaftsmaßnahmen", "NN", rules) == "Wirtschaftsmaßnahme"
    assert apply_suffix_rule("kündigte", "VVFIN", rules) == "kündigen"
    assert apply_suffix_rule("Haus", "NN", rules) == "Haus"


def test_a_name_stays_a_name_through_the_article(layer: TextLayer) -> None:
    from chronik.analysis import Token

    tokens = [
        Token(0, 8, "Krawinek", 0, "NE", "Krawinek"),
        Token(9, 17, "Krawinek", 1, "NN", "Krawinek"),
        Token(18, 26, "Krawinek", 2, "NE", "Krawinek"),
        Token(27, 33, "Gesetz", 3, "NN", "Gesetz"),  # a noun the tagger knows stays a noun
        Token(34, 40, "Gesetz", 4, "NE", "Gesetz"),
        Token(41, 47, "Gesetz", 5, "NE", "Gesetz"),
    ]
    layer._harmonise_names(tokens)
    assert [t.pos for t in tokens] == ["NE", "NE", "NE", "NN", "NE", "NE"]


@pytest.mark.parametrize(
    "word, tag, lemma",
    [
        ("Beschlüsse", "NN", "Beschluss"),  # current spelling, not "Beschluß"
        ("Flüssen", "NN", "Fluss"),
        ("kontrollierte", "ADJA", "kontrolliert"),  # an adjective stays an adjective
        ("schicken", "VVINF", "schicken"),  # an infinitive is its own lemma
        ("versprochen", "VVPP", "versprechen"),
        ("Wirtschaftsmaßnahmen", "NN", "Wirtschaftsmaßnahme"),
    ],
)
def test_lemmas_of_unseen_forms(word: str, tag: str, lemma: str) -> None:
    assert load_tagger("de").lemma(word, tag) == lemma
