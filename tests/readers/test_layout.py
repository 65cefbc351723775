from __future__ import annotations

import pytest

from chronik.document import BlockKind
from chronik.readers.layout import clean_line, is_heading_line, layout_blocks


def kinds_and_texts(raw: str) -> list[tuple[str, str]]:
    text, blocks = layout_blocks(raw)
    return [(block.kind.value, text[block.start : block.end]) for block in blocks]


def test_title_paragraphs_and_subheadings() -> None:
    raw = (
        "Hochwasser an der Elbe\n\n"
        "In Dresden ist der Pegel der Elbe am Sonntag\nauf über sechs Meter gestiegen.\n\n"
        "Evakuierung in Pirna\n\n"
        "Die Stadt Pirna ließ zwei Straßenzüge räumen.\n"
    )
    assert kinds_and_texts(raw) == [
        ("title", "Hochwasser an der Elbe"),
        ("paragraph", "In Dresden ist der Pegel der Elbe am Sonntag auf über sechs Meter gestiegen."),
        ("heading", "Evakuierung in Pirna"),
        ("paragraph", "Die Stadt Pirna ließ zwei Straßenzüge räumen."),
    ]


def test_subheading_glued_to_its_paragraph() -> None:
    raw = "Der Rat tagte lange.\n\nStreit um Kosten\nDie Fraktionen stritten über die Kosten.\n"
    assert [kind for kind, _ in kinds_and_texts(raw)] == ["paragraph", "heading", "paragraph"]


def test_question_subheadings_in_an_explainer() -> None:
    raw = (
        "Die Bahn streicht im Winter zahlreiche Verbindungen.\n\n"
        "Wer ist betroffen?\n\n"
        "Vor allem Pendler zwischen Hamburg und Kiel.\n\n"
        "Gibt es Ersatzbusse?\n\n"
        "Nur in den Morgenstunden, teilte die Bahn mit.\n"
    )
    assert [kind for kind, _ in kinds_and_texts(raw)] == ["paragraph", "heading", "paragraph", "heading", "paragraph"]


@pytest.mark.parametrize(
    "raw",
    [
        "Der Minister ließ offen, wie es weitergeht.\n\nWie soll das bezahlt werden?\n",
        "Die Ministerin sprach lange.\n\n«Wer soll das bezahlen?»\n\nDas fragte sie die Abgeordneten.\n",
        "Die Ministerin sprach lange.\n\nWarum hat die Regierung die Warnungen der Gutachter aus dem vergangenen Jahr ignoriert?\n\nDas blieb offen.\n",
    ],
)
def test_questions_that_are_not_headings(raw: str) -> None:
    assert BlockKind.HEADING.value not in [kind for kind, _ in kinds_and_texts(raw)]


def test_heading_line_rules() -> None:
    assert is_heading_line("Warnstreiks ab Montag")
    assert not is_heading_line("Der Streik beginnt am Montag.")
    assert not is_heading_line("«Wir bleiben hart», sagte er.»")
    assert not is_heading_line(" ".join(["Wort"] * 20))


def test_spaces_are_normalised() -> None:
    assert clean_line("\u00a0Die\u2009Stadt \u3000 Ulm\u200b \t") == "Die Stadt Ulm"


def test_offsets_are_stable_across_wrapping() -> None:
    wrapped = "Der Landtag hat\ndas Gesetz\nbeschlossen.\n\nDie Opposition\nprotestierte."
    flat = "Der Landtag hat das Gesetz beschlossen.\r\n\r\nDie Opposition protestierte."
    assert layout_blocks(wrapped) == layout_blocks(flat)
