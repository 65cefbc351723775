"""Tokenizer conventions on German text written for these tests."""

from __future__ import annotations

import pytest

from chronik.analysis import Analysis
from chronik.document import Document
from chronik.extract.text import TextLayer
from chronik.extract.tokens import period_rules, tokenize_span


def words(text: str) -> list[str]:
    return [text[s:e] for s, e in tokenize_span(text, 0, len(text), period_rules("de"))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Der US-Präsident kam.", ["Der", "US-Präsident", "kam", "."]),
        ("gegen die Nato-Osterweiterung", ["gegen", "die", "Nato-Osterweiterung"]),
        ("mehr als 120.000 Soldaten", ["mehr", "als", "120.000", "Soldaten"]),
        ("ein Plus von 3,5 Prozent", ["ein", "Plus", "von", "3,5", "Prozent"]),
        ("am 7. Dezember", ["am", "7.", "Dezember"]),
        ("Der 2. Weltkrieg", ["Der", "2.", "Weltkrieg"]),
        ("auf Platz 7. Dann", ["auf", "Platz", "7", ".", "Dann"]),
        ("z. B. Wien", ["z.", "B.", "Wien"]),
        ("z.B. Wien", ["z.B.", "Wien"]),
        ("die U.S.-Armee", ["die", "U.S.-Armee"]),
        ("Dr. Müller bzw. Prof. Huber", ["Dr.", "Müller", "bzw.", "Prof.", "Huber"]),
        ("Stand: 2021-12-07.", ["Stand", ":", "2021-12-07", "."]),
        ("am 7.12.2021 um 14:30 Uhr", ["am", "7.12.2021", "um", "14:30", "Uhr"]),
        ("Ein- und Ausfuhr", ["Ein-", "und", "Ausfuhr"]),
        ("die 10-jährige Tochter", ["die", "10-jährige", "Tochter"]),
        ("«starken Maßnahmen»", ["«", "starken", "Maßnahmen", "»"]),
        ("„Nein“, sagte er.", ["„", "Nein", "“", ",", "sagte", "er", "."]),
        ("Wirklich?!", ["Wirklich", "?!"]),
        ("Nun ja...", ["Nun", "ja", "..."]),
        ("Infos unter https://www.example.org/news?id=7.", ["Infos", "unter", "https://www.example.org/news?id=7", "."]),
        ("Post an presse@example.de senden", ["Post", "an", "presse@example.de", "senden"]),
        ("laut derStandard.at und ndr.de.", ["laut", "derStandard.at", "und", "ndr.de", "."]),
        ("Am Ende.Dann", ["Am", "Ende", ".", "Dann"]),
        ("(Foto: dpa)", ["(", "Foto", ":", "dpa", ")"]),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Ministerin\u00a0sagte am 7. Dezember: «Wir prüfen das.»",
        "Über 3,5 Mio. Euro flossen – so der Bericht (S. 12) – an die GmbH & Co. KG.",
        "Emojis 🙂 und Zeichen wie § 5 oder 10 % bleiben erhalten.",
    ],
)
def test_offsets_match_text(text: str) -> None:
    analysis = Analysis(Document.from_text(text))
    TextLayer("de")(analysis)
    assert analysis.tokens
    for token in analysis.tokens:
        assert analysis.text[token.start : token.end] == token.text
        assert token.text.strip() == token.text
    for before, after in zip(analysis.tokens, analysis.tokens[1:]):
        assert before.end <= after.start
        assert before.space_after == (analysis.text[before.end : after.start] != "")


def test_no_text_is_lost() -> None:
    text = "Der Rat (Gremium) beschloss am 1. März: «Ja!» – ohne Gegenstimme."
    analysis = Analysis(Document.from_text(text))
    TextLayer("de")(analysis)
    assert "".join(t.text + (" " if t.space_after else "") for t in analysis.tokens).strip() == text


def test_invariants_on_real_news(shared_data) -> None:
    """Offsets, sentence ranges and blocks stay consistent on real articles."""
    import csv

    csv.field_size_limit(10**7)
    with (shared_data / "corpus" / "10kgnad-test.csv").open(encoding="utf-8", newline="") as handle:
        texts = [row[1] for _, row in zip(range(30), csv.reader(handle, delimiter=";", quotechar="'"))]
    layer = TextLayer("de")
    for text in texts:
        analysis = Analysis(Document.from_text(text))
        layer(analysis)
        assert analysis.tokens
        for token in analysis.tokens:
            assert analysis.text[token.start : token.end] == token.text and token.pos and token.lemma
        expected_start = 0
        for index, sentence in enumerate(analysis.sentences):
            assert sentence.index == index and sentence.token_start == expected_start
            expected_start = sentence.token_end
            block = analysis.document.blocks[sentence.block]
            assert block.start <= sentence.start < sentence.end <= block.end
        assert expected_start == len(analysis.tokens)
