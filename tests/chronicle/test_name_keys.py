"""The keys that decide which spellings may name one entity."""

from __future__ import annotations

from chronik.archive.resolver import preferred_name
from chronik.chronicle.name_keys import acronym_after, genitive_base, name_key, place_key, variant_key


def test_name_key_ignores_case_umlaut_spelling_and_hyphens():
    assert name_key("Göring-Eckardt") == name_key("Goering Eckardt") == name_key("GÖRING-ECKARDT")
    assert name_key("Müller") == name_key("Mueller")
    assert name_key("Meier") != name_key("Meyer")


def test_transliterations_share_a_variant_key():
    spellings = ["Selenskyj", "Selensky", "Selenski", "Zelensky", "Zelenskyy", "Selenskij"]
    assert len({variant_key(s) for s in spellings}) == 1
    assert variant_key("Wolodymyr Selenskyj") == variant_key("Volodymyr Zelensky")
    assert variant_key("Jelzin") == variant_key("Yeltsin")
    assert variant_key("Selenskyj") != variant_key("Selenska")


def test_genitive_base():
    assert genitive_base("Selenskyjs") == "Selenskyj"
    assert genitive_base("Scholz'") == "Scholz"
    assert genitive_base("Kuss") is None


def test_place_names_in_several_languages_share_a_key():
    assert place_key("Kiew") == place_key("Kyiv") == place_key("Kiev")
    assert place_key("München") == place_key("Munich")
    assert place_key("Russland") is not None and place_key("Russland") != place_key("Moskau")
    assert place_key("Hintertupfingen") is None


def test_acronym_in_brackets_after_the_long_form():
    text = "Die Europäische Union (EU) will mehr Chips bauen."
    end = text.index(" (EU)")
    assert acronym_after(text, end, "Europäische Union") == "EU"
    assert acronym_after("Die Stadt Kiel (SH) plant", 13, "Stadt Kiel") is None  # initials do not fit


def test_preferred_name_is_the_full_name_with_the_usual_surname_spelling():
    spellings = [("Wolodymyr Selensky", 1), ("Wolodymyr Selenskyj", 1), ("Selenskyj", 4), ("Selensky", 1)]
    assert preferred_name("PER", spellings) == "Wolodymyr Selenskyj"
    assert preferred_name("ORG", [("EU", 3), ("Europäische Union", 1)]) == "EU"
