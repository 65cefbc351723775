"""Role facts from titles and appositions, on self-written German sentences."""

from __future__ import annotations

import pytest

from chronik.document import Document
from chronik.extract.role_lexicon import RoleLexicon
from chronik.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["text", "entities", "roles"])


def roles(pipeline: Pipeline, text: str, date: str = "2022-03") -> dict[str, tuple[str, str | None]]:
    analysis = pipeline(Document.from_text(text, date))
    return {r.person: (r.role_lemma, r.of) for r in analysis.roles}


def test_country_short_form_before_title(pipeline):
    found = roles(pipeline, "US-Präsident Donald Trump kündigte am Freitag neue Zölle an.")
    assert found["Donald Trump"] == ("Präsident", "USA")


def test_derived_adjective_names_the_country(pipeline):
    found = roles(pipeline, "Am Abend telefonierte er mit dem spanischen Ministerpräsidenten Pedro Sánchez.")
    assert found["Pedro Sánchez"] == ("Ministerpräsident", "Spanien")


def test_lower_case_adjective_stays_out_of_the_lemma(pipeline):
    found = roles(pipeline, "Die scheidende Bundeskanzlerin Angela Merkel verabschiedete sich in Brüssel.")
    assert found["Angela Merkel"] == ("Bundeskanzlerin", None)


def test_genitive_owner_and_title_adjective(pipeline):
    text = (
        "Olaf Scholz reiste am Montag nach Kiew. "
        "Begleitet wurde er von Scholz' Außenpolitischem Berater Jens Plötner."
    )
    found = roles(pipeline, text)
    assert found["Jens Plötner"][0] == "Außenpolitischer Berater"


def test_genitive_country_owner(pipeline):
    found = roles(pipeline, "Frankreichs Präsident Emmanuel Macron warnte vor einer Eskalation.")
    assert found["Emmanuel Macron"] == ("Präsident", "Frankreich")


def test_role_comma_name_with_of_phrase(pipeline):
    text = "Das sei schwer zu sagen, sagte der wirtschaftspolitische Sprecher der Union, Jens Spahn, am Mittwoch."
    found = roles(pipeline, text)
    assert found["Jens Spahn"][0] == "Sprecher"


def test_name_comma_role(pipeline):
    text = "Am Morgen sagte Katrin Göring-Eckardt, die Vizepräsidentin des Bundestages, sie sei enttäuscht."
    found = roles(pipeline, text)
    assert found["Katrin Göring-Eckardt"] == ("Vizepräsidentin", "Bundestag")


def test_role_fact_carries_date_sentence_and_full_name(pipeline):
    text = (
        "Der britische Premierminister Rishi Sunak reiste nach Washington. "
        "Dort traf Sunak den Präsidenten."
    )
    analysis = pipeline(Document.from_text(text, "2023-06"))
    role = analysis.roles[0]
    assert role.person == "Rishi Sunak"
    assert role.of == "Großbritannien"
    assert (role.date, role.date_precision) == ("2023-06", "month")
    assert role.sentence == 0
    assert text[role.person_start : role.person_end] == "Rishi Sunak"
    assert role.to_dict()["role_lemma"] == "Premierminister"


def test_no_role_without_a_title(pipeline):
    assert "Angela Merkel" not in roles(pipeline, "Gestern traf Angela Merkel in Berlin ein.")


@pytest.mark.parametrize(
    "word, lemma, prefix",
    [
        ("US-Präsident", "Präsident", "US"),
        ("Präsidenten", "Präsident", ""),
        ("Sicherheitsberater", "Sicherheitsberater", "Sicherheits"),
        ("Kremlsprecher", "Kremlsprecher", "Kreml"),
        ("Bundeskanzlerin", "Bundeskanzlerin", ""),
        ("Regierungschefs", "Regierungschef", ""),
    ],
)
def test_role_lexicon_matches_inflections_and_compounds(word, lemma, prefix):
    found = RoleLexicon("de").role_word(word)
    assert found is not None and (found.lemma, found.of_prefix) == (lemma, prefix)


def test_role_lexicon_rejects_lower_case_and_plain_words():
    lexicon = RoleLexicon("de")
    assert lexicon.role_word("präsident") is None
    assert lexicon.role_word("Haus") is None


def test_compound_prefix_names_the_institution(pipeline):
    found = roles(pipeline, "Kremlsprecher Dmitri Peskow sagte am Montag, man warte ab.")
    assert found["Dmitri Peskow"] == ("Kremlsprecher", "Kreml")


def test_many_titles_and_names_in_one_article(pipeline):
    text = " ".join(f"Der Bürgermeister Hans Muster{i} traf die Ministerin Eva Probe{i}." for i in range(800))
    analysis = pipeline(Document.from_text(text, "2020"))
    assert len(analysis.roles) >= 800


def test_example_article_people_and_roles(pipeline, example_article):
    """The issue's target: every person of the example, with the role the text gives."""
    from chronik.readers.dated import parse_dated

    document = parse_dated(example_article.read_text(encoding="utf-8"), example_article)
    analysis = pipeline(document)
    people = {m.text for m in analysis.mentions if m.label == "PER"}
    for name in ("Joe Biden", "Wladimir Putin", "Jake Sullivan", "Angela Merkel", "Emmanuel Macron",
                 "Boris Johnson", "Mario Draghi", "Wolodymyr Selenskyj", "Antony Blinken", "Juri Uschakow"):
        assert name in people
    found = {r.person: (r.role_lemma, r.of) for r in analysis.roles}
    assert found["Joe Biden"] == ("Präsident", "USA")
    assert found["Mario Draghi"] == ("Regierungschef", "Italien")
    assert found["Angela Merkel"][0] == "Bundeskanzlerin"
    assert found["Juri Uschakow"][0] == "Berater"
    assert all(r.date == "2021-12" and r.date_precision == "month" for r in analysis.roles)


def test_former_and_future_roles_are_marked(pipeline):
    text = (
        "Der frühere Bundesinnenminister Horst Seehofer meldete sich zu Wort. "
        "Auch Ex-Kanzler Gerhard Schröder war gekommen, ebenso die designierte Präsidentin Eva Muster."
    )
    analysis = pipeline(Document.from_text(text, "2023-03-01"))
    status = {r.person: (r.role_lemma, r.status) for r in analysis.roles}
    assert status["Horst Seehofer"] == ("Bundesinnenminister", "former")
    assert status["Gerhard Schröder"] == ("Kanzler", "former")
    assert status["Eva Muster"] == ("Präsidentin", "future")
    assert not any(m.text.startswith("Ex-Kanzler") for m in analysis.mentions)


def test_current_role_by_default(pipeline):
    analysis = pipeline(Document.from_text("Die scheidende Bundeskanzlerin Angela Merkel reiste ab.", "2021-12"))
    assert analysis.roles[0].status == "current"


def test_hyphenated_prefix_names_the_body(pipeline):
    found = roles(pipeline, "Das sei nicht verhandelbar, sagte Wirtschaftskammer-Präsident Harald Mahrer am Montag.")
    assert found["Harald Mahrer"] == ("Präsident", "Wirtschaftskammer")


def test_surname_that_is_a_role_word_stays_a_name(pipeline):
    analysis = pipeline(Document.from_text("Der Maler Gerhard Richter stellte in Dresden aus.", "2020"))
    assert any(m.text == "Gerhard Richter" for m in analysis.mentions)
