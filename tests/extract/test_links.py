"""Within-article links on self-written German news text."""

from __future__ import annotations

import pytest

from chronik.document import Document
from chronik.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["text", "entities", "roles", "links"])


def links(pipeline: Pipeline, text: str) -> list[tuple[str, str, str]]:
    analysis = pipeline(Document.from_text(text, "2022-11-03"))
    return [(link.kind, link.text, link.target) for link in analysis.links]


def test_surname_points_to_full_name(pipeline):
    found = links(
        pipeline,
        "Die finnische Ministerpräsidentin Sanna Marin besuchte am Mittwoch Berlin. "
        "Marin warb dort für mehr Unterstützung.",
    )
    assert ("alias", "Marin", "Sanna Marin") in found


def test_description_points_to_the_one_role_holder(pipeline):
    found = links(
        pipeline,
        "Der brasilianische Präsident Jair Bolsonaro reiste nach Lissabon. "
        "Der Präsident wolle dort über Handel sprechen, hieß es.",
    )
    assert ("describes", "Präsident", "Jair Bolsonaro") in found


def test_plural_description_is_not_linked(pipeline):
    found = links(
        pipeline,
        "Der schwedische Regierungschef Ulf Kristersson sprach in Stockholm. "
        "Die Staats- und Regierungschefs berieten danach über Energiepreise.",
    )
    assert not any(kind == "describes" for kind, _, _ in found)


def test_seat_of_government_stands_for_the_state(pipeline):
    found = links(pipeline, "Der Kreml wies die Berichte am Abend als Propaganda zurück.")
    assert ("stands_for", "Kreml", "Russland") in found


def test_capital_as_place_is_not_a_government(pipeline):
    found = links(pipeline, "Die Delegation traf am Morgen in Moskau ein. Moskau wies die Forderungen zurück.")
    assert [(kind, text) for kind, text, _ in found if kind == "stands_for"] == [("stands_for", "Moskau")]


@pytest.mark.parametrize(
    "text",
    [
        "der us-präsident joe biden sprach mit dem kreml. der präsident sagte, biden sei bereit.",
        "DER US-PRÄSIDENT JOE BIDEN SPRACH MIT DEM KREML. DER PRÄSIDENT SAGTE, BIDEN SEI BEREIT.",
        "Präsident " + "X" * 3000 + " sagte, der Präsident Präsident Präsident sei da.",
        "Der Präsident, der Präsident, der Präsident.",
    ],
)
def test_bad_input_does_not_crash(pipeline, text):
    analysis = pipeline(Document.from_text(text))  # no date at all
    assert all(role.date is None for role in analysis.roles)
    assert isinstance(analysis.links, list)
