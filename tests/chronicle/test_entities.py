"""Joining mentions to entities by name, without an archive or a model."""

from __future__ import annotations

import pytest

from chronik.chronicle.entities import MentionGroup, canonical_names, collect_entities, resolve_entity
from chronik.errors import ChronikError


def groups(*rows: tuple[int, str, str, int]) -> list[MentionGroup]:
    return [MentionGroup(*row) for row in rows]


def test_surname_joins_the_full_name_of_its_own_article_first():
    names = canonical_names(groups(
        (1, "Jan Hoffmann", "PER", 1), (1, "Hoffmann", "PER", 2),
        (2, "Klara Hoffmann", "PER", 1), (2, "Hoffmann", "PER", 1),
    ))
    assert names[(1, "Hoffmann")] == "Jan Hoffmann"
    assert names[(2, "Hoffmann")] == "Klara Hoffmann"


def test_surname_joins_across_the_archive_only_when_one_person_matches():
    names = canonical_names(groups(
        (1, "Anna Petersen", "PER", 1), (2, "Petersen", "PER", 1),
        (3, "Jan Hoffmann", "PER", 1), (4, "Klara Hoffmann", "PER", 1), (5, "Hoffmann", "PER", 1),
    ))
    assert names[(2, "Petersen")] == "Anna Petersen"
    assert names[(5, "Hoffmann")] == "Hoffmann"  # two people share the surname: not merged


def test_only_person_names_are_joined():
    names = canonical_names(groups((1, "Stadtwerke Kiel", "ORG", 1), (1, "Kiel", "LOC", 2)))
    assert names[(1, "Kiel")] == "Kiel"


def test_counts_and_type_per_entity():
    entities, per_doc = collect_entities(groups(
        (1, "Anna Petersen", "PER", 1), (1, "Petersen", "PER", 2), (2, "Petersen", "PER", 1),
        (1, "Kiel", "LOC", 2), (2, "Kiel", "ORG", 1),
    ))
    petersen = entities["Anna Petersen"]
    assert (petersen.mentions, petersen.articles) == (4, 2)
    assert petersen.aliases == {"Petersen": 3, "Anna Petersen": 1}
    assert entities["Kiel"].type == "LOC"  # the most frequent tag wins
    assert dict(per_doc["Kiel"]) == {1: 2, 2: 1}


def test_resolve_by_full_name_or_unique_surname():
    entities, _ = collect_entities(groups(
        (1, "Anna Petersen", "PER", 1), (2, "Jan Hoffmann", "PER", 1), (3, "Klara Hoffmann", "PER", 1),
    ))
    assert resolve_entity("anna petersen", entities) == "Anna Petersen"
    assert resolve_entity("Petersen", entities) == "Anna Petersen"
    with pytest.raises(ChronikError, match="E312"):
        resolve_entity("Hoffmann", entities)
    with pytest.raises(ChronikError, match="E311"):
        resolve_entity("Meier", entities)
