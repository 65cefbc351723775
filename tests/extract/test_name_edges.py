"""Where a tagged name begins and ends: finish_labels' German rules (chronik/extract/entities.py)."""

from __future__ import annotations

from chronik.extract.entities import finish_labels
from chronik.extract.gazetteer import load_gazetteer


def test_a_name_does_not_end_in_an_abstract_plural():
    gazetteer = load_gazetteer("de")
    words = ["Die", "Staatsanwaltschaft", "hat", "gegen", "die", "Firma", "Nordwind", "Ermittlungen", "eingeleitet", "."]
    labels = ["O"] * 6 + ["B-ORG", "I-ORG", "O", "O"]
    assert finish_labels(words, labels, gazetteer)[6:8] == ["B-ORG", "O"]
    title = ["Er", "erklärte", "die", "Maxwellschen", "Gleichungen", "."]  # a title of a work may end so
    assert finish_labels(title, ["O", "O", "O", "B-OTH", "I-OTH", "O"], gazetteer)[3:5] == ["B-OTH", "I-OTH"]


def test_a_describing_noun_before_an_organisation_is_no_part_of_its_name():
    gazetteer = load_gazetteer("de")
    words = ["Zum", "Protest", "rief", "der", "Verband", "Freie", "Bauern", "auf", "."]
    labels = ["O"] * 4 + ["B-ORG", "I-ORG", "I-ORG", "O", "O"]
    assert finish_labels(words, labels, gazetteer)[4:7] == ["O", "B-ORG", "I-ORG"]
    words = ["Sie", "studierte", "an", "der", "Universität", "Gießen", "."]  # an official name
    assert finish_labels(words, ["O"] * 4 + ["B-ORG", "I-ORG", "O"], gazetteer)[4:6] == ["B-ORG", "I-ORG"]
