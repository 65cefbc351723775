"""Entity mentions on self-written German news sentences."""

from __future__ import annotations

import pytest

from chronik.document import Document
from chronik.extract.entities import EntityTagger, harmonise_names, repair_bio, spans_from_bio, word_shape
from chronik.extract.gazetteer import load_gazetteer
from chronik.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["text", "entities"])


@pytest.fixture(scope="module")
def tagger() -> EntityTagger:
    return EntityTagger("de")


def mentions(pipeline: Pipeline, text: str) -> set[tuple[str, str]]:
    analysis = pipeline(Document.from_text(text, "2023-05-04"))
    return {(m.text, m.label) for m in analysis.mentions}


def test_people_places_and_derived_adjectives(pipeline):
    found = mentions(
        pipeline,
        "Bundeskanzlerin Angela Merkel traf am Montag in Paris den französischen Präsidenten Emmanuel Macron.",
    )
    assert ("Angela Merkel", "PER") in found
    assert ("Emmanuel Macron", "PER") in found
    assert ("Paris", "LOC") in found
    assert ("französischen", "LOCderiv") in found


def test_hyphenated_compounds_are_parts(pipeline):
    found = mentions(pipeline, "Die Nato-Osterweiterung war auch beim EU-Gipfel in Brüssel ein Thema.")
    assert ("Nato-Osterweiterung", "ORGpart") in found
    assert ("Brüssel", "LOC") in found


def test_surname_alone_is_found_once_the_full_name_is_known(pipeline):
    text = (
        "Finanzministerin Petra Kowalski legte am Dienstag den Haushalt vor. "
        "Die Opposition warf Kowalski vor, die Zahlen zu schönen. "
        "Kowalski wies das zurück."
    )
    analysis = pipeline(Document.from_text(text, "2023-05-04"))
    people = [m.text for m in analysis.mentions if m.label == "PER"]
    assert people.count("Kowalski") == 2


def test_mentions_carry_offsets_sentence_and_plain_type(pipeline):
    text = "Wie die Agentur Reuters meldete, reist Olaf Scholz nach Warschau."
    analysis = pipeline(Document.from_text(text, "2023"))
    for mention in analysis.mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.type in ("PER", "ORG", "LOC", "OTH")
        assert mention.sentence == 0
    assert any(m.text == "Olaf Scholz" and m.type == "PER" for m in analysis.mentions)


def test_harmonise_names_gives_a_surname_the_label_of_its_full_name():
    words = [["Ministerin", "Petra", "Kowalski", "sprach", "."], ["Kowalski", "schwieg", "."]]
    labels = [["O", "B-PER", "I-PER", "O", "O"], ["B-LOC", "O", "O"]]
    assert harmonise_names(words, labels)[1][0] == "B-PER"


def test_harmonise_names_leaves_lower_case_words_alone():
    words = [["Herr", "Klein", "kam", "."], ["Das", "ist", "klein", "."]]
    labels = [["O", "B-PER", "O", "O"], ["O", "O", "O", "O"]]
    assert harmonise_names(words, labels)[1] == ["O", "O", "O", "O"]


def test_repair_bio_and_spans():
    assert repair_bio(["O", "I-PER", "I-PER", "I-LOC"]) == ["O", "B-PER", "I-PER", "B-LOC"]
    assert spans_from_bio(["B-PER", "I-PER", "O", "B-LOCderiv"]) == [(0, 2, "PER"), (3, 4, "LOCderiv")]


def test_word_shape():
    assert word_shape("Biden") == "Xx"
    assert word_shape("US-Präsident") == "X-Xx"
    assert word_shape("2021") == "d"


def test_gazetteer_knows_german_place_names_and_demonyms():
    gazetteer = load_gazetteer("de")
    assert gazetteer.is_a("LOC", "Moskau")
    assert gazetteer.is_a("LOC", "Russland")
    assert gazetteer.place_of_adjective("italienischen") == "Italien"
    assert gazetteer.place_of_adjective("US-amerikanische") == "USA"
    assert gazetteer.short_forms["US"] == "USA"


def test_gazetteer_marks_words_derived_from_places():
    gazetteer = load_gazetteer("de")
    for word in ("Berliner", "Münchner", "Dresdner", "Bremerin", "Hamburgern"):
        assert "CITYER" in gazetteer.word_marks(word), word
    assert "ISCHLOC" in gazetteer.word_marks("thüringischen")
    assert "CITYER" not in gazetteer.word_marks("Lehrer")
    assert "ISCHLOC" not in gazetteer.word_marks("kritischen")


def test_gazetteer_cue_words_mark_kinds_of_names():
    gazetteer = load_gazetteer("de")
    assert "HEAD:OTH" in gazetteer.word_marks("Dokumentarfilm")  # "der Dokumentarfilm »...«"
    assert "HEAD:ORG" in gazetteer.word_marks("Plattenfirma")
    assert "TOK:ORG" in gazetteer.word_marks("GmbH")
    assert "END:LOC" in gazetteer.word_marks("Oberhausen")
    assert not any(m.startswith(("HEAD", "END")) for m in gazetteer.word_marks("film"))  # lower case: no cue


@pytest.mark.parametrize(
    "words",
    [
        "die regierung in berlin hat am montag neue regeln beschlossen .".split(),
        "DIE REGIERUNG IN BERLIN HAT AM MONTAG NEUE REGELN BESCHLOSSEN .".split(),
        ["Ein", "x" * 5000, "Wort", "."],
        [],
    ],
)
def test_bad_input_does_not_crash(tagger, words):
    labels = tagger.tag(words)
    assert len(labels) == len(words)


def test_thousands_of_names_in_one_article(pipeline):
    names = " ".join(f"Anna Muster{i} traf Karl Beispiel{i} in Ulm." for i in range(1500))
    analysis = pipeline(Document.from_text(names, "2023"))
    assert len(analysis.mentions) > 1500


def test_missing_model_file_is_an_actionable_error():
    from chronik.errors import ChronikError

    with pytest.raises(ChronikError, match="build_ner.py"):
        EntityTagger("de", model_path="/nonexistent/ner.crfsuite")


def test_person_span_with_a_title_inside_becomes_two_names():
    from chronik.analysis import Token
    from chronik.extract.entities import EntityLayer

    words = ["Merkels", "Außenpolitischer", "Berater", "Christoph", "Heusgen"]
    tags = ["NE", "NE", "NN", "NE", "NE"]
    tokens, offset = [], 0
    for word, tag in zip(words, tags):
        tokens.append(Token(offset, offset + len(word), word, 0, tag))
        offset += len(word) + 1
    layer = EntityLayer("de")
    assert layer._name_pieces(tokens, 0, 5, "PER") == [(0, 1), (3, 5)]
    assert layer._name_pieces(tokens, 3, 5, "PER") == [(3, 5)]
