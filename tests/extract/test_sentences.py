"""Sentence boundaries on German news text written for these tests."""

from __future__ import annotations

import pytest

from chronik.analysis import Analysis
from chronik.document import Document
from chronik.extract.text import TextLayer


@pytest.fixture(scope="module")
def layer() -> TextLayer:
    return TextLayer("de")


def sentences_of(layer: TextLayer, text: str) -> list[str]:
    analysis = Analysis(Document.from_text(text))
    layer(analysis)
    return [t for _, t in analysis.iter_sentence_texts()]


@pytest.mark.parametrize(
    "text, expected",
    [
        # abbreviations
        (
            "Der Minister nannte z. B. die Bahn. Die Opposition widersprach.",
            ["Der Minister nannte z. B. die Bahn.", "Die Opposition widersprach."],
        ),
        (
            "Dr. Anna Berger leitet die Klinik seit 2019. Sie kam aus Kiel.",
            ["Dr. Anna Berger leitet die Klinik seit 2019.", "Sie kam aus Kiel."],
        ),
        ("Betroffen sind u. a. Gemeinden in Tirol bzw. Vorarlberg.", ["Betroffen sind u. a. Gemeinden in Tirol bzw. Vorarlberg."]),
        ("Es kamen ca. 300 Menschen zur Kundgebung in St. Pölten.", ["Es kamen ca. 300 Menschen zur Kundgebung in St. Pölten."]),
        ("Das Gesetz Nr. 12 gilt ab Januar. Prof. Lenz sieht das kritisch.", ["Das Gesetz Nr. 12 gilt ab Januar.", "Prof. Lenz sieht das kritisch."]),
        (
            "Verkauft wurden Äpfel, Birnen, Pflaumen usw. Danach schloss der Markt.",
            ["Verkauft wurden Äpfel, Birnen, Pflaumen usw.", "Danach schloss der Markt."],
        ),
        ("Das lief z.B. über Wien u.a. nach Graz.", ["Das lief z.B. über Wien u.a. nach Graz."]),
        # ordinals and dates
        ("Am 3. Oktober 1990 trat die Einheit in Kraft. Viele feierten.", ["Am 3. Oktober 1990 trat die Einheit in Kraft.", "Viele feierten."]),
        ("Der 2. Weltkrieg endete in Europa am 8. Mai 1945.", ["Der 2. Weltkrieg endete in Europa am 8. Mai 1945."]),
        ("Die Sitzung ist am 7. Dezember. Sie beginnt um 9 Uhr.", ["Die Sitzung ist am 7. Dezember.", "Sie beginnt um 9 Uhr."]),
        ("Sie landete auf Platz 7. Die Siegerin kam aus Oslo.", ["Sie landete auf Platz 7.", "Die Siegerin kam aus Oslo."]),
        ("Die Partei regiert seit 1990. Damals war alles anders.", ["Die Partei regiert seit 1990.", "Damals war alles anders."]),
        ("Er kam im Jahr 2019. 2020 ging er wieder.", ["Er kam im Jahr 2019.", "2020 ging er wieder."]),
        ("Zum 75. Geburtstag kamen Gäste aus ganz Europa.", ["Zum 75. Geburtstag kamen Gäste aus ganz Europa."]),
        ("Gegner ist am Samstag der 1. FC Köln. Anpfiff ist um 15.30 Uhr.", ["Gegner ist am Samstag der 1. FC Köln.", "Anpfiff ist um 15.30 Uhr."]),
        ("Eröffnet wurde die 4. „Lichterwoche“ am Markt.", ["Eröffnet wurde die 4. „Lichterwoche“ am Markt."]),
        # "Art." is an abbreviation before a number only
        ("Das regelt Art. 5 des Grundgesetzes.", ["Das regelt Art. 5 des Grundgesetzes."]),
        ("Es war eine neue Art. Viele staunten.", ["Es war eine neue Art.", "Viele staunten."]),
        # numbers
        (
            "Mehr als 120.000 Menschen sind betroffen. Das sind 3,5 Prozent.",
            ["Mehr als 120.000 Menschen sind betroffen.", "Das sind 3,5 Prozent."],
        ),
        ("Das Handy kam gut an. iPhone-Nutzer waren skeptisch.", ["Das Handy kam gut an.", "iPhone-Nutzer waren skeptisch."]),
        # question and exclamation marks
        ("Wer zahlt das? Die Länder wollen es nicht! Der Bund schweigt.", ["Wer zahlt das?", "Die Länder wollen es nicht!", "Der Bund schweigt."]),
    ],
)
def test_sentence_boundaries(layer: TextLayer, text: str, expected: list[str]) -> None:
    assert sentences_of(layer, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Swiss/Austrian guillemets; the sentence ends after the closing mark.
        (
            "«Wir müssen die Lage genau beobachten. Dann entscheiden wir.» Der Bürgermeister ging.",
            ["«Wir müssen die Lage genau beobachten.", "Dann entscheiden wir.»", "Der Bürgermeister ging."],
        ),
        # German guillemets »...«
        ("»Das war ein Fehler.« Sie verließ den Saal.", ["»Das war ein Fehler.«", "Sie verließ den Saal."]),
        # „...“
        ("„Wir warten ab.“ Mehr sagte er nicht.", ["„Wir warten ab.“", "Mehr sagte er nicht."]),
        # „..." closed by an ASCII quote
        ('„Wir warten ab." Mehr sagte er nicht.', ['„Wir warten ab."', "Mehr sagte er nicht."]),
        # ASCII quotes
        ('"Es reicht." Die Ministerin nickte.', ['"Es reicht."', "Die Ministerin nickte."]),
        # single quotes
        ("Er nannte es ‚unmöglich.‘ Dann schwieg er.", ["Er nannte es ‚unmöglich.‘", "Dann schwieg er."]),
        # interrupted quotes: ", sagte er" continues the sentence
        (
            "«Wir geben nicht auf!», rief die Trainerin. «Nie.»",
            ["«Wir geben nicht auf!», rief die Trainerin.", "«Nie.»"],
        ),
        ("„Wann kommt der Zug?“, fragte eine Frau.", ["„Wann kommt der Zug?“, fragte eine Frau."]),
        (
            "«Das ist falsch», sagte sie. «Wir haben alles geprüft.»",
            ["«Das ist falsch», sagte sie.", "«Wir haben alles geprüft.»"],
        ),
        # a colon introduces a quote inside the sentence
        ("Sie sagte: «Wir bleiben.» Dann ging sie.", ["Sie sagte: «Wir bleiben.»", "Dann ging sie."]),
        # brackets
        ("Die Stadt (sie hat 40.000 Einwohner) wächst. Das freut den Rat.", ["Die Stadt (sie hat 40.000 Einwohner) wächst.", "Das freut den Rat."]),
    ],
)
def test_quotes(layer: TextLayer, text: str, expected: list[str]) -> None:
    assert sentences_of(layer, text) == expected


def test_headings_are_single_sentences(layer: TextLayer) -> None:
    text = (
        "Streit um neue Schulreform\n\n"
        "Die Landesregierung plant eine Reform. Lehrer sind skeptisch.\n\n"
        "Kritik aus den Gemeinden\n\n"
        "Der Städtetag warnt vor Kosten."
    )
    analysis = Analysis(Document.from_text(text))
    layer(analysis)
    rows = [(s.block, s.is_heading, t) for s, t in analysis.iter_sentence_texts()]
    assert rows == [
        (0, True, "Streit um neue Schulreform"),
        (1, False, "Die Landesregierung plant eine Reform."),
        (1, False, "Lehrer sind skeptisch."),
        (2, True, "Kritik aus den Gemeinden"),
        (3, False, "Der Städtetag warnt vor Kosten."),
    ]


def test_sentences_never_cross_blocks(layer: TextLayer) -> None:
    text = "Der Rat tagte ohne Ergebnis\nund vertagte sich\n\nam Montag geht es weiter."
    analysis = Analysis(Document.from_text(text))
    layer(analysis)
    for sentence in analysis.sentences:
        block = analysis.document.blocks[sentence.block]
        assert block.start <= sentence.start < sentence.end <= block.end


def test_sentence_token_ranges_are_consistent(layer: TextLayer) -> None:
    analysis = Analysis(Document.from_text("Erster Satz. Zweiter Satz!\n\nDritter Satz?"))
    layer(analysis)
    for sentence in analysis.sentences:
        tokens = analysis.sentence_tokens(sentence)
        assert tokens[0].start == sentence.start and tokens[-1].end == sentence.end
        assert all(t.sentence == sentence.index for t in tokens)
    assert analysis.sentences[-1].token_end == len(analysis.tokens)


def test_document_without_blocks(layer: TextLayer) -> None:
    analysis = Analysis(Document(text="Erster Absatz. Noch ein Satz.\n\nZweiter Absatz."))
    layer(analysis)
    assert [(s.block, t) for s, t in analysis.iter_sentence_texts()] == [
        (0, "Erster Absatz."),
        (0, "Noch ein Satz."),
        (1, "Zweiter Absatz."),
    ]


def test_example_article(layer: TextLayer, example_article) -> None:
    raw = example_article.read_text("utf-8").strip()
    body = raw.split(None, 2)[2]  # drop "date 2021-12"
    sentences = sentences_of(layer, body)
    assert len(sentences) > 30
    assert all(s[-1] in ".!?»“\"" or len(s) < 60 for s in sentences)


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\n"])
def test_empty_documents_give_empty_layers(layer: TextLayer, text: str) -> None:
    analysis = Analysis(Document(text=text))
    layer(analysis)
    assert analysis.sentences == [] and analysis.tokens == []


def test_text_component_in_pipeline() -> None:
    from chronik.pipeline import Pipeline

    analysis = Pipeline(["text"])(Document.from_text("Die Sitzung beginnt um 9 Uhr. Alle sind da.", "2024-05-02"))
    assert [s.index for s in analysis.sentences] == [0, 1]
    assert analysis.to_dict()["tokens"][0][:3] == [0, 3, "Die"]
