"""Quotes and reported speech on German news sentences written for these tests."""

from __future__ import annotations

import pytest

from chronik.document import Document
from chronik.extract.konjunktiv import is_konjunktiv
from chronik.extract.quote_marks import find_quoted_spans, outermost
from chronik.extract.speech_lexicon import speech_lexicon
from chronik.pipeline import Pipeline


@pytest.fixture(scope="module")
def analyse():
    pipeline = Pipeline(["text", "quotes"])

    def run(text: str):
        return pipeline(Document.from_text(text, "2023-03-14")).layers["quotes"]

    return run


def top(quotes):
    return [q for q in quotes if not q.is_nested]


def find(quotes, fragment: str):
    matches = [q for q in quotes if fragment in q.text]
    assert matches, f"no quote contains {fragment!r}: {[q.text for q in quotes]}"
    return matches[0]


# -- quotation marks -------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        ["«", "Wir", "bleiben", "hart", ".", "»"],
        ["»", "Wir", "bleiben", "hart", ".", "«"],
        ["„", "Wir", "bleiben", "hart", ".", "“"],
        ['"', "Wir", "bleiben", "hart", ".", '"'],
        ["„", "Wir", "bleiben", "hart", ".", '"'],
    ],
)
def test_every_german_convention_pairs(words):
    spans = find_quoted_spans([words])
    assert [(s.start, s.end) for s in spans] == [((0, 0), (0, 5))]


def test_single_marks_inside_double_marks():
    words = ["„", "Er", "nannte", "das", "‚", "unfair", "‘", ".", "“"]
    spans = find_quoted_spans([words])
    assert [(s.start, s.end) for s in outermost(spans)] == [((0, 0), (0, 8))]
    assert len(spans) == 2


def test_quote_over_two_sentences():
    sentences = [["«", "Das", "ist", "gut", "."], ["Wir", "sind", "froh", ".", "»"]]
    (span,) = find_quoted_spans(sentences)
    assert span.start == (0, 0) and span.end == (1, 4)


def test_unclosed_quote_ends_with_its_paragraph():
    sentences = [["«", "Das", "ist", "gut", "."], ["Neuer", "Absatz", "."]]
    (span,) = find_quoted_spans(sentences, paragraph_of=[0, 1])
    assert span.end == (0, 4) and not span.closed


# -- Konjunktiv --------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, tag, lemma, expected",
    [
        ("habe", "VAFIN", "haben", True),
        ("sei", "VAFIN", "sein", True),
        ("hätten", "VAFIN", "haben", True),
        ("wolle", "VMFIN", "wollen", True),
        ("stehe", "VVFIN", "stehen", True),
        ("ausweite", "VVFIN", "ausweiten", True),
        ("sagte", "VVFIN", "sagen", False),
        ("steht", "VVFIN", "stehen", False),
        ("hat", "VAFIN", "haben", False),
    ],
)
def test_konjunktiv_forms(word, tag, lemma, expected):
    assert is_konjunktiv(word, tag, lemma, speech_lexicon("de")) is expected


# -- direct speech -----------------------------------------------------------------


def test_guillemets_with_speaker_after(analyse):
    quotes = analyse("«Wir werden die Schulen offen halten», sagte die Ministerin am Montag in Erfurt.")
    quote = find(quotes, "Schulen offen")
    assert quote.form == "Direct"
    assert quote.cue_text == "sagte"
    assert quote.source_text == "die Ministerin"


def test_reversed_guillemets_and_colon(analyse):
    text = "Der Bürgermeister erklärte: »Die Brücke bleibt bis Ende Mai gesperrt.«"
    quote = find(analyse(text), "Brücke bleibt")
    assert quote.form == "Direct"
    assert quote.speaker == "Der Bürgermeister"


def test_low_high_quotes_closed_by_typewriter_mark(analyse):
    quote = find(analyse('„Das Angebot ist zu niedrig", sagte Gewerkschaftschefin Petra Lange.'), "Angebot")
    assert quote.form == "Direct"
    assert "Petra Lange" in quote.source_text


def test_interrupted_quote_is_one_statement(analyse):
    text = "«Wir müssen abwarten», sagte der Sprecher, «wie sich die Lage an der Grenze entwickelt.»"
    quotes = top(analyse(text))
    assert len(quotes) == 1
    quote = quotes[0]
    assert len(quote.message) == 2
    assert "abwarten" in quote.text and "Grenze" in quote.text
    assert quote.source_text == "der Sprecher"


def test_quote_over_several_sentences(analyse):
    text = (
        "Die Trainerin sagte nach dem Spiel: «Wir haben gekämpft. Am Ende hat die Kraft gefehlt. "
        "Jetzt schauen wir nach vorn.»"
    )
    quote = find(analyse(text), "gekämpft")
    assert "nach vorn" in quote.text
    assert quote.speaker == "Die Trainerin"


def test_pronoun_speaker_is_resolved(analyse):
    text = (
        "Finanzminister Klaus Berger verteidigte den Haushalt. "
        "«Wir sparen nicht an der Bildung», sagte er."
    )
    quote = find(analyse(text), "Bildung")
    assert quote.source_text == "er"
    assert quote.speaker == "Klaus Berger" or "Berger" in quote.speaker


def test_quoted_phrase_as_object_of_cue(analyse):
    quote = find(analyse("Die Kanzlerin nannte das Treffen «konstruktiv»."), "konstruktiv")
    assert quote.form == "Direct"
    assert quote.cue_text == "nannte"
    assert quote.source_text == "Die Kanzlerin"


def test_titles_in_quotes_are_no_statements(analyse):
    assert analyse("Der Film „Die stille Stadt“ läuft ab Donnerstag in den Kinos.") == []


# -- reported speech ----------------------------------------------------------------


def test_konjunktiv_without_dass(analyse):
    quote = find(analyse("Die Polizeisprecherin sagte, der Fahrer habe die Ampel übersehen."), "Ampel")
    assert quote.form == "Indirect"
    assert quote.text == "der Fahrer habe die Ampel übersehen"
    assert quote.source_text == "Die Polizeisprecherin"


def test_report_with_dass(analyse):
    quote = find(analyse("Der Verband kündigte an, dass die Preise im Herbst steigen."), "Preise")
    assert quote.form == "Indirect"
    assert quote.text.startswith("dass")
    assert quote.source_text == "Der Verband"


def test_report_before_its_cue(analyse):
    quote = find(analyse("Die Verhandlungen seien gescheitert, sagte ein Sprecher der Gewerkschaft."), "gescheitert")
    assert quote.form == "Indirect"
    assert quote.source_text == "ein Sprecher der Gewerkschaft"


def test_continuation_keeps_the_speaker(analyse):
    text = (
        "Die Bürgermeisterin sagte, die Stadt habe genug Notunterkünfte. "
        "Weitere Zelte würden nicht gebraucht. "
        "Am Abend regnete es in der ganzen Region."
    )
    quotes = analyse(text)
    follow = find(quotes, "Zelte")
    assert follow.form == "IndirectFreeIndirect"
    assert follow.speaker == "Die Bürgermeisterin"
    assert not any("regnete" in q.text for q in quotes)


def test_mixed_quote_inside_report_is_nested(analyse):
    text = "Der Minister sagte, ein solcher Schritt wäre eine «klare Provokation»."
    quotes = analyse(text)
    outer = find(top(quotes), "Schritt")
    inner = [q for q in quotes if q.is_nested]
    assert outer.form == "Indirect"
    assert len(inner) == 1 and inner[0].form == "Direct" and "klare Provokation" in inner[0].text


@pytest.mark.parametrize(
    "text, cue, source",
    [
        ("Laut Feuerwehr wurde niemand verletzt.", "Laut", "Feuerwehr"),
        ("Nach Angaben der Polizei wurde niemand verletzt.", "Nach", "Angaben der Polizei"),
        ("Der Polizei zufolge wurde niemand verletzt.", "zufolge", "Der Polizei"),
    ],
)
def test_prepositional_sources(analyse, text, cue, source):
    quote = find(analyse(text), "niemand verletzt")
    assert quote.form == "Indirect"
    assert quote.cue_text == cue
    assert quote.source_text == source


def test_unnamed_source_is_kept_unnamed(analyse):
    quote = find(analyse("Eine Einigung sei noch in dieser Woche möglich, hieß es aus Verhandlungskreisen."), "Einigung")
    assert quote.cue_text.startswith("hieß")
    assert quote.speaker != "es"


def test_institution_as_speaker(analyse):
    quote = find(analyse("Das Ministerium teilte mit, die Kontrollen würden verschärft."), "Kontrollen")
    assert quote.speaker == "Das Ministerium"
    assert quote.stwr in ("SW", "Speech", "Writing")


def test_particle_verb_cue(analyse):
    quote = find(analyse("Die Opposition warf der Regierung vor, sie habe die Krise verschlafen."), "Krise")
    assert "warf" in quote.cue_text and "vor" in quote.cue_text
    assert quote.source_text == "Die Opposition"
    assert quote.addressee


def test_offsets_point_into_the_text(analyse):
    text = "Die Polizeisprecherin sagte, der Fahrer habe die Ampel übersehen."
    quote = find(analyse(text), "Ampel")
    start, end = quote.message[0]
    assert text[start:end] == quote.text
    assert text[quote.source[0][0] : quote.source[0][1]] == quote.source_text


def test_example_article(analyse, example_article):
    from chronik.readers.dated import parse_dated

    document = parse_dated(example_article.read_text("utf-8"), example_article)
    quotes = Pipeline(["text", "quotes"])(document).layers["quotes"]
    by_text = {q.text: q for q in quotes}

    def speaker_of(fragment: str) -> str:
        return next(q.speaker for t, q in by_text.items() if fragment in t)

    assert "Sullivan" in speaker_of("Alternative aufgezeigt")
    assert "Putin" in speaker_of("verbindliche juristische Garantien")
    assert "Sullivan" in speaker_of("Zu Einzelheiten werde er")
    assert "Sullivan" in speaker_of("«nützlich»")
    assert "Uschakow" in speaker_of("Wir müssen abwarten")
    assert "Uschakow" in speaker_of("Das könne dauern")


def test_statement_quote_inside_report_is_nested(analyse):
    text = "Der Experte erklärte, der Bericht sei «ein wichtiger Schritt, der lange gefehlt hat»."
    quotes = analyse(text)
    outer = find(top(quotes), "Bericht")
    inner = [q for q in quotes if q.is_nested]
    assert outer.form == "Indirect" and outer.cue_text == "erklärte"
    assert len(inner) == 1 and inner[0].speaker == "Der Experte"


def test_report_named_after_the_fact(analyse):
    text = "Die Fabrik in Emden wird im Herbst geschlossen. Das bestätigte ein Sprecher des Konzerns."
    quote = find(analyse(text), "Fabrik")
    assert quote.form == "Indirect"
    assert quote.cue_text == "bestätigte"
    assert quote.source_text == "ein Sprecher des Konzerns"


def test_hearsay_with_sollen(analyse):
    text = "Die Staatsanwaltschaft ermittelt gegen den Bürgermeister. Er soll Spenden angenommen haben."
    quote = find(analyse(text), "Spenden")
    assert quote.form == "FreeIndirect"


def test_opinion_noun_makes_a_cue(analyse):
    quote = find(analyse("Die Gewerkschaft ist der Meinung, dass die Löhne steigen müssen."), "Löhne")
    assert quote.form == "Indirect"
    assert quote.cue_text == "ist der Meinung"
    assert quote.stwr == "ST"


def test_first_person_interview_answers_are_no_reports(analyse):
    text = "Die Sängerin sagte, sie sei glücklich. Ich arbeite jeden Tag an neuen Liedern."
    quotes = analyse(text)
    assert not any("Liedern" in q.text for q in quotes)


def test_cue_in_the_sentence_after_the_quote(analyse):
    text = "«Die Schule ist in der Region angekommen.» Erklärte die Kultusministerin am Freitag."
    quote = find(analyse(text), "Region")
    assert quote.form == "Direct"
    assert "Kultusministerin" in quote.speaker or quote.cue_text.lower().startswith("erklärte")


# -- speakers resolved to the person within the article -----------------------------


@pytest.fixture(scope="module")
def analyse_all():
    from chronik.pipeline import default_pipeline

    pipeline = default_pipeline()
    return lambda text: pipeline(Document.from_text(text, "2023-03-14")).layers["quotes"]


STREIT = (
    "Bundesbauministerin Petra Lindqvist hat den Entwurf verteidigt. "
    "Das Gesetz werde den Bau von Wohnungen beschleunigen, sagte die Ministerin in Berlin. "
    "Der Mieterbund-Präsident Arno Stellmacher widersprach. "
    "«Das ist ein Geschenk an die Investoren», sagte er. "
    "Lindqvist kündigte an, den Entwurf im Sommer in den Bundestag einzubringen. "
    "«Wir haben lange genug gewartet», sagte sie."
)


def test_surname_description_and_pronoun_resolve_to_the_full_name(analyse_all):
    quotes = top(analyse_all(STREIT))
    assert find(quotes, "beschleunigen").speaker_name == "Petra Lindqvist"
    assert find(quotes, "Geschenk").speaker_name == "Arno Stellmacher"
    assert find(quotes, "Sommer").speaker_name == "Petra Lindqvist"
    assert find(quotes, "lange genug").speaker_name == "Petra Lindqvist"


def test_unnamed_source_is_not_guessed(analyse_all):
    quotes = top(analyse_all(
        "Die Stadtwerke Bremen erhöhen die Preise. Man habe keine Wahl, hieß es aus dem Unternehmen. "
        "Ein Sprecher sagte, die Kunden würden rechtzeitig informiert."
    ))
    assert quotes and all(q.speaker_name == "" for q in quotes)


# -- sources and STWR of prepositional reports ---------------------------------------


@pytest.mark.parametrize(
    "text, stwr",
    [
        ("Laut einer Studie der Universität Kiel sind die Mieten im Norden stärker gestiegen als im Süden.", "Writing"),
        ("Der Zeitung zufolge will der Konzern im kommenden Jahr 2000 Stellen abbauen.", "Writing"),
        ("Laut Klinikdirektor Matthias Beckmann ist der Patient inzwischen außer Lebensgefahr.", "Speech"),
        ("Laut Polizei wurden bei dem Unfall auf der Autobahn drei Menschen verletzt.", "SW"),
    ],
)
def test_stwr_of_a_prepositional_report_follows_its_source(analyse, text, stwr):
    quotes = top(analyse(text))
    assert [q.stwr for q in quotes] == [stwr]


def test_fronted_das_is_the_message_not_the_speaker(analyse):
    quotes = analyse("Die Brücke bleibt bis Ende Mai gesperrt. Das erklärte gestern ein Sprecher der Stadt.")
    assert any(q.source_text == "ein Sprecher der Stadt" for q in quotes), [q.source_text for q in quotes]


def test_place_attribute_belongs_to_the_source_before_zufolge(analyse):
    quotes = top(analyse("Den Behörden in Mombasa zufolge wurden mehr als vierzig Menschen festgenommen."))
    assert [q.source_text for q in quotes] == ["Den Behörden in Mombasa"]


def test_passive_report_has_no_speaker_but_its_agent(analyse):
    quotes = top(analyse("Dem Bürgermeister wird vorgeworfen, Aufträge an Freunde vergeben zu haben."))
    assert quotes and all(q.source_text != "Dem Bürgermeister" for q in quotes)
    quotes = top(analyse("Der Managerin wurde von der Staatsanwaltschaft vorgeworfen, Bilanzen gefälscht zu haben."))
    assert [q.source_text for q in quotes] == ["der Staatsanwaltschaft"]


def test_quoted_words_after_a_noun_are_not_part_of_the_speaker(analyse):
    quotes = analyse("In der Begründung äußerten die Richter „erhebliche rechtliche Bedenken“ gegen das Gesetz.")
    assert all("Bedenken" not in q.source_text for q in quotes), [q.source_text for q in quotes]


def test_names_inside_a_message_are_not_the_next_pronoun(analyse_all):
    quotes = top(analyse_all(
        "Regierungssprecher Mirko Holtkamp äußerte sich am Abend. "
        "Holtkamp sagte, Kanzler Henrik Brandt habe den Premier Luc Girard am Telefon gewarnt. "
        "Er betonte, die Regierung sei auf alle Fälle vorbereitet."
    ))
    assert find(quotes, "alle Fälle").speaker_name == "Mirko Holtkamp"


def test_report_of_a_newspaper_is_writing(analyse):
    quotes = top(analyse("Wie die Lokalzeitung berichtete, soll die Schule im Sommer geschlossen werden."))
    assert [q.stwr for q in quotes] == ["Writing"], [(q.stwr, q.source_text) for q in quotes]


def test_one_of_a_group_speaks(analyse):
    quotes = top(analyse("Einer der beteiligten Feuerwehrmänner sagte, das Feuer sei schnell unter Kontrolle gewesen."))
    assert [q.source_text for q in quotes] == ["Einer der beteiligten Feuerwehrmänner"]


def test_linking_adverb_is_not_part_of_the_cue(analyse):
    quote = find(analyse("Der Landrat sagte dazu, die Umleitung werde bis Freitag bestehen."), "Umleitung")
    assert quote.cue_text == "sagte"
    quote = find(analyse("Die Gewerkschaft rief dazu auf, am Montag die Arbeit niederzulegen."), "Arbeit")
    assert "dazu" in quote.cue_text  # the object of "aufrufen", part of its cue


def test_report_named_after_the_fact_keeps_its_full_stop(analyse):
    quotes = analyse("Das Freibad öffnet erst im Juni. Dies teilte die Stadtverwaltung mit.")
    report = find(quotes, "Freibad")
    assert report.text.startswith("Das Freibad öffnet erst im Juni.") and report.text.endswith("Dies")


def test_quote_inside_a_report_before_its_cue_is_nested(analyse):
    quotes = analyse("Nach der Wahl müsse die Regierung dafür sorgen, „dass die Schulen wieder öffnen“, erklärte die Elternsprecherin.")
    outer = [q for q in quotes if not q.is_nested]
    inner = [q for q in quotes if q.is_nested]
    assert len(outer) == 1 and outer[0].form == "Indirect" and outer[0].text.startswith("Nach der Wahl")
    assert outer[0].source_text == "die Elternsprecherin"
    assert len(inner) == 1 and inner[0].form == "Direct" and inner[0].source_text == "die Elternsprecherin"


def test_relative_clause_inside_a_report_before_its_cue(analyse):
    quote = find(analyse("Im Hafen liegt ein Frachter, der seit Tagen keine Ladung löschen darf, erklärte ein Sprecher des Zolls."), "Frachter")
    assert quote.form == "Indirect" and quote.text.startswith("Im Hafen liegt")
    assert quote.source_text == "ein Sprecher des Zolls"


def test_judgement_verbs_with_their_companion(analyse):
    quote = find(analyse("Die Ärztekammer hält es für unwahrscheinlich, dass die Praxen im Winter schließen müssen."), "Praxen")
    assert quote.form == "Indirect" and quote.cue_text == "hält es für unwahrscheinlich"
    assert quote.source_text == "Die Ärztekammer"
    quote = find(analyse("Der Bürgermeister zeigte sich zuversichtlich, dass die Brücke im Mai fertig wird."), "Brücke")
    assert quote.cue_text == "zeigte sich zuversichtlich" and quote.source_text == "Der Bürgermeister"
    assert not analyse("Der Verein zeigte sich am Sonntag in neuen Trikots.")


def test_opinion_noun_further_from_its_verb(analyse):
    quote = find(analyse("Der Anwalt vertritt ebenso wie seine Mandantin die Ansicht, das Urteil sei zu hart."), "Urteil")
    assert quote.form == "Indirect" and quote.source_text == "Der Anwalt"
    assert "Ansicht" in quote.cue_text


def test_more_speech_verbs(analyse):
    quote = find(analyse("Die Zeugin schilderte, der Wagen sei mit hoher Geschwindigkeit auf die Kreuzung gefahren."), "Wagen")
    assert quote.form == "Indirect" and quote.source_text == "Die Zeugin"
    quote = find(analyse("Der Trainer merkte an, die Mannschaft habe in der zweiten Hälfte nachgelassen."), "Mannschaft")
    assert quote.cue_text == "merkte an" and quote.source_text == "Der Trainer"


def test_acts_without_a_statement_are_no_reported_speech(analyse):
    assert not analyse("Das Statistische Landesamt veröffentlichte am Dienstag die neuen Zahlen.")
    assert not analyse("Der Stadtrat lehnte den Antrag der Opposition ab.")
    quote = find(analyse("Das Landesamt bestätigte, dass die Zahlen fehlerhaft gewesen seien."), "Zahlen")
    assert quote.form == "Indirect"  # with what was said, the same verbs still report


def test_subject_pronoun_after_the_verb_is_the_speaker(analyse):
    quote = find(analyse("Der Regierung warf er vor, die Warnungen der Feuerwehr ignoriert zu haben."), "Warnungen")
    assert quote.source_text == "er"


def test_cue_after_a_quote_survives_a_tagging_error():
    from chronik.extract.reported_speech import ReportedSpeechFinder, TokenSentence

    words = ["„", "Wir", "bauen", "weiter", "“", ",", "meint", "Kowalczyk", "."]
    tags = ["$(", "PPER", "VVFIN", "ADV", "$(", "$,", "PPOSAT", "NE", "$."]  # "meint" mistaken for "mein"
    lemmas = ["„", "wir", "bauen", "weiter", "“", ",", "mein", "Kowalczyk", "."]
    found = ReportedSpeechFinder().find([TokenSentence(words, tags, lemmas)])
    assert len(found) == 1 and found[0].form == "Direct"
    assert [words[t] for _, t in found[0].cue] == ["meint"]
    assert [words[t] for _, t in found[0].source] == ["Kowalczyk"]


def test_quoted_name_before_the_cue_is_the_speaker(analyse):
    quote = find(analyse("Die Wochenzeitung „Die Chronik“ meldet, der Hafen werde im Herbst erweitert."), "Hafen")
    assert quote.source_text == "Die Wochenzeitung „Die Chronik“"
    quote = find(analyse("„Radio Nordwelle“ berichtet, dass die Fähre wieder fährt."), "Fähre")
    assert quote.source_text == "„Radio Nordwelle“"


def test_subject_with_apposition_over_several_segments(analyse):
    text = "Die Regierungsparteien in Norwegen, die Arbeiterpartei und die Zentrumspartei, hatten erklärt, das Gesetz im Mai zu ändern."
    quote = find(analyse(text), "Gesetz")
    assert quote.source_text == "Die Regierungsparteien in Norwegen, die Arbeiterpartei und die Zentrumspartei"
    quote = find(analyse("Wie die Bürgermeisterin von Kiel, Anke Berger, erklärte, bleibt die Brücke gesperrt."), "Brücke")
    assert quote.source_text == "die Bürgermeisterin von Kiel, Anke Berger"


def test_document_as_the_source_of_a_passive_report(analyse):
    quote = find(analyse("In einem Bericht der Landesregierung wurde gefordert, dass die Schulen mehr Lehrer bekommen."), "Lehrer")
    assert quote.source_text == "einem Bericht der Landesregierung"


def test_manner_phrase_and_placeholder_belong_to_the_cue(analyse):
    quote = find(analyse("Die Ministerin wird mit den Worten zitiert, die Reform komme zu spät."), "Reform")
    assert quote.cue_text == "wird mit den Worten zitiert"
    quote = find(analyse("Es wird vermutet, dass der Brand in der Küche ausbrach."), "Brand")
    assert quote.cue_text == "Es wird vermutet"


def test_a_plan_is_no_report(analyse):
    assert not analyse("Es ist geplant, dass die neue Linie im Herbst den Betrieb aufnimmt.")


def test_postposed_nach_needs_a_report_phrase(analyse):
    quote = find(analyse("Seiner Ansicht nach kommt die Reform zu spät für die Landwirte."), "Reform")
    assert quote.source_text == "Seiner Ansicht"
    assert not [q for q in analyse("Die Kinder verlangen freie Sicht nach draußen.") if q.form == "Indirect"]


def test_sollen_in_a_relative_clause_is_no_claim(analyse):
    text = ("Der Verkehrsminister stellte am Montag den Plan vor. "
            "Die Strecke ist das erste Projekt, das ganz aus privaten Mitteln finanziert werden soll.")
    assert not [q for q in analyse(text) if "Strecke" in q.text]


def test_the_one_quoted_in_a_passive_is_the_speaker(analyse):
    quote = find(analyse("Die Landrätin wird von der Lokalzeitung mit den Worten zitiert, die Fähre bleibe in Betrieb."), "Fähre")
    assert quote.source_text == "Die Landrätin"


def test_particle_after_an_apposition(analyse):
    text = "Die Fähre sei wieder in Betrieb, teilte am Abend der Sprecher der Reederei, Jonas Petersen, mit."
    quote = find(analyse(text), "Fähre")
    assert quote.form == "Indirect" and quote.cue_text.endswith("mit")


def test_the_narrator_resumes_after_und(analyse):
    text = "Die Trainerin sagte, die Mannschaft brauche mehr Ruhe, und verließ danach den Saal."
    quote = find(analyse(text), "Mannschaft")
    assert quote.text == "die Mannschaft brauche mehr Ruhe"
    text = "Der Arzt sagte, der Patient sei stabil und könne bald nach Hause."
    assert find(analyse(text), "Patient").text == "der Patient sei stabil und könne bald nach Hause"


def test_report_noun_with_its_content_clause(analyse):
    text = "Der Bürgermeister wies den Vorwurf der Opposition, die Stadt habe zu spät gewarnt, entschieden zurück."
    quote = find(analyse(text), "zu spät gewarnt")
    assert quote.form == "Indirect" and quote.text == "die Stadt habe zu spät gewarnt"
    assert quote.source_text == "der Opposition" and quote.cue_text == "den Vorwurf"


def test_verb_of_a_colon_intro_is_the_cue(analyse):
    quotes = analyse("Dabei griff die Senatorin den Verband scharf an: «Wer so rechnet, täuscht die Mitglieder.»")
    quote = find(quotes, "täuscht")
    assert quote.form == "Direct" and quote.source_text == "die Senatorin"
    assert quote.cue_text == "griff … an"


def test_a_state_or_parliament_can_report(analyse):
    quotes = top(analyse("Seit Jahren fordert der norwegische Staat die Rückgabe der Handschrift."))
    assert [q.form for q in quotes] == ["Reported"] and quotes[0].source_text == "der norwegische Staat"


def test_lower_case_names_as_speakers():
    from chronik.extract.speakers import noun_phrase_end

    # "taz" and "ver.di" are often tagged as adjectives or adverbs
    words = ["Die", "taz", "vermutet", ",", "dass"]
    assert noun_phrase_end(words, ["ART", "ADJD", "VVFIN", "$,", "KOUS"], 0) == 2
    words = ["Die", "Gewerkschaft", "ver.di", "geht", "davon", "aus"]
    assert noun_phrase_end(words, ["ART", "NN", "ADJD", "VVFIN", "PROAV", "PTKVZ"], 0) == 3
    # an ordinary phrase is unchanged
    assert noun_phrase_end(["die", "neue", "Regel", "gilt"], ["ART", "ADJA", "NN", "VVFIN"], 0) == 3


def test_quoted_title_is_no_statement(analyse):
    quotes = analyse("Die Autorin stellte am Abend ihr Buch mit dem Titel „Die Stadt gehört uns allen“ vor.")
    assert not [q for q in quotes if q.form == "Direct"]


def test_a_purpose_clause_is_not_what_was_said(analyse):
    text = "Die Kommunen haben sich auf gemeinsame Tarife geeinigt, um ihre Busverbindungen zu sichern."
    assert not [q for q in analyse(text) if q.form == "Indirect"]
    text = "Die Ministerin kündigte an, die Schulen früher zu öffnen."
    assert find(analyse(text), "Schulen").form == "Indirect"  # a zu-infinitive without "um" still reports


def test_so_after_a_quote_makes_no_second_report(analyse):
    quotes = analyse("„Die Preise werden im Herbst noch einmal steigen“, so Schubert.")
    assert [(q.form, q.source_text) for q in quotes] == [("Direct", "Schubert")]


def test_place_of_an_institution_belongs_to_the_speaker(analyse):
    quote = find(analyse("Die Schulen bleiben bis Freitag geschlossen, teilte die Stadtverwaltung in Kassel mit."), "Schulen")
    assert quote.source_text == "die Stadtverwaltung in Kassel"
    quote = find(analyse("„Wir warten die Prüfung ab“, sagte Hoffmann in Bremen."), "Prüfung")
    assert quote.source_text == "Hoffmann"  # where a person spoke is not part of the person
    quote = find(analyse("Der Vertrag sei gültig, erklärten sie in einer gemeinsamen Mitteilung."), "Vertrag")
    assert quote.source_text == "sie"


def test_subject_of_a_speech_act_speaks_on_in_the_next_sentence(analyse):
    quotes = analyse("Der Deutsche Wetterdienst warnte am Montag vor Glatteis. "
                     "Auf den Straßen im Bergland könne es am Abend gefährlich glatt werden.")
    quote = find(quotes, "Bergland")
    assert quote.form == "IndirectFreeIndirect" and quote.source_text == "Der Deutsche Wetterdienst"
    quotes = analyse("Der Landkreis wies die Kritik der Eltern zurück. "
                     "Ein früherer Schulbeginn würde die Busverbindungen überlasten.")
    assert find(quotes, "Busverbindungen").source_text == "Der Landkreis"


def test_conditional_without_a_speech_act_before_is_no_report(analyse):
    quotes = analyse("Der Landkreis baut im Sommer zwei neue Haltestellen. "
                     "Ein früherer Schulbeginn würde die Busverbindungen überlasten.")
    assert not [q for q in quotes if "Busverbindungen" in q.text]


def test_speech_act_with_a_participle_tagged_as_infinitive():
    from chronik.extract.reported_speech import ReportedSpeechFinder, TokenSentence

    words = ["Der", "Bürgermeister", "hat", "dem", "Land", "Untätigkeit", "vorgeworfen", "."]
    tags = ["ART", "NN", "VAFIN", "ART", "NN", "NN", "VVINF", "$."]  # "vorgeworfen" mistaken for an infinitive
    lemmas = ["der", "Bürgermeister", "haben", "der", "Land", "Untätigkeit", "vorgeworfen", "."]
    found = ReportedSpeechFinder().find([TokenSentence(words, tags, lemmas)])
    assert [(a.form, [words[t] for _, t in a.source]) for a in found] == [("Reported", ["Der", "Bürgermeister"])]


def test_quoted_phrase_in_a_continuation_keeps_the_reports_cue(analyse):
    quotes = analyse("Die Bürgermeisterin erklärte, der Plan der Landesregierung sei nicht durchdacht. "
                     "Er sei „ein Schlag ins Gesicht der Pendler“ und müsse zurückgenommen werden.")
    phrase = [q for q in quotes if q.is_nested and "Schlag" in q.text][0]
    assert phrase.form == "Direct" and phrase.cue_text == "erklärte"
    assert phrase.source_text == "Die Bürgermeisterin"


def test_quote_followed_by_its_cue_is_a_statement_despite_a_tagging_error():
    from chronik.extract.reported_speech import ReportedSpeechFinder, TokenSentence

    words = ["„", "Ich", "halte", "das", "für", "richtig", "“", ",", "sagte", "Berger", "."]
    tags = ["$(", "PPER", "ADJA", "PDS", "APPR", "ADJD", "$(", "$,", "VVFIN", "NE", "$."]  # "halte" as an adjective
    lemmas = ["„", "ich", "halt", "das", "für", "richtig", "“", ",", "sagen", "Berger", "."]
    found = ReportedSpeechFinder().find([TokenSentence(words, tags, lemmas)])
    assert [(a.form, [words[t] for _, t in a.source]) for a in found] == [("Direct", ["Berger"])]
    # a name in quotation marks before an apposition's comma stays a name
    words = ["Der", "Chef", "der", "„", "Neuen", "Zeitung", "“", ",", "sagte", "nichts", "."]
    tags = ["ART", "NN", "ART", "$(", "ADJA", "NN", "$(", "$,", "VVFIN", "PIS", "$."]
    lemmas = ["der", "Chef", "der", "„", "neu", "Zeitung", "“", ",", "sagen", "nichts", "."]
    assert not [a for a in ReportedSpeechFinder().find([TokenSentence(words, tags, lemmas)]) if a.form == "Direct"]


def test_audience_after_vor_and_dative_after_a_late_subject_are_addressees():
    pipeline = Pipeline(["text", "quotes"])

    def addressee(text: str, fragment: str) -> tuple[str, str]:
        quote = find(pipeline(Document.from_text(text, "2023-03-14")).layers["quotes"], fragment)
        return quote.source_text, " ".join(text[start:end] for start, end in quote.addressee)

    text = "Der Bürgermeister sagte am Abend vor Journalisten, die Brücke werde im Mai fertig."
    assert addressee(text, "Brücke") == ("Der Bürgermeister", "Journalisten")
    text = "Die Bürgermeisterin warnte vor dem Hochwasser, die Deiche könnten brechen."
    assert addressee(text, "Deiche") == ("Die Bürgermeisterin", "")  # the topic of a warning is no audience
    text = "Außerdem wirft Stadtrat Becker der Landesregierung vor, die Zahlen geschönt zu haben."
    assert addressee(text, "Zahlen") == ("Stadtrat Becker", "der Landesregierung")


def test_fronted_adverb_taken_for_a_noun_is_no_speaker():
    from chronik.extract.reported_speech import ReportedSpeechFinder, TokenSentence

    words = ["Weiter", "sagte", "die", "Ärztin", ",", "die", "Lage", "sei", "ernst", "."]
    tags = ["NN", "VVFIN", "ART", "NN", "$,", "ART", "NN", "VAFIN", "ADJD", "$."]  # "Weiter" as a noun
    lemmas = ["Weiter", "sagen", "der", "Ärztin", ",", "der", "Lage", "sein", "ernst", "."]
    found = ReportedSpeechFinder().find([TokenSentence(words, tags, lemmas)])
    assert [[words[t] for _, t in a.source] for a in found] == [["die", "Ärztin"]]


def test_name_before_an_apposition_without_second_comma_is_part_of_the_speaker(analyse):
    text = "Karin Vogt, Sprecherin des Verkehrsverbunds erklärte, die Preise blieben bis Juni stabil."
    quote = find(analyse(text), "Preise")
    assert quote.source_text == "Karin Vogt, Sprecherin des Verkehrsverbunds"


def test_report_noun_opening_the_sentence_belongs_to_the_source(analyse):
    quote = find(analyse("Angaben des Wetteramts zufolge fiel in der Nacht ein halber Meter Schnee."), "Schnee")
    assert quote.source_text == "Angaben des Wetteramts" and quote.text.startswith("fiel")


def test_fronted_object_is_no_speaker(analyse):
    text = "Den Vorschlag der Kommission nannte der Verbandschef „völlig verfehlt“."
    quote = find(analyse(text), "verfehlt")
    assert quote.source_text == "der Verbandschef"
    text = "Dem Stadtrat erklärte die Bürgermeisterin am Montag, das Bad sei bis Juni geschlossen."
    assert find(analyse(text), "Bad").source_text == "die Bürgermeisterin"


def test_sollen_passes_on_a_plan_only_after_a_plan_or_a_statement(analyse):
    quotes = analyse("Die Stadtwerke Kiel wollen das Netz bis 2030 erneuern. "
                     "Zunächst sollen die Leitungen in der Altstadt ersetzt werden.")
    quote = find(quotes, "Leitungen")
    assert quote.form == "FreeIndirect" and quote.source_text == "Die Stadtwerke Kiel"
    quotes = analyse("Der Hersteller Vossberg zeigte am Montag sein neues Modell. "
                     "Der Wagen soll im Herbst in den Handel kommen.")
    assert not [q for q in quotes if "Herbst" in q.text]


def test_apposition_after_the_speakers_name_belongs_to_the_speaker(analyse):
    quote = find(analyse("Die Ernte sei gut ausgefallen, sagte Jens Wolter, Sprecher des Bauernverbands."), "Ernte")
    assert quote.source_text == "Jens Wolter, Sprecher des Bauernverbands"
    quote = find(analyse("Die Ernte sei gut ausgefallen, sagte Jens Wolter, der den Verband seit 2019 leitet."), "Ernte")
    assert quote.source_text == "Jens Wolter"  # a relative clause is no apposition
    quote = find(analyse("Die Ernte sei gut, so Jens Wolter, Sprecher des Bauernverbands."), "Ernte")
    assert quote.source_text == "Jens Wolter, Sprecher des Bauernverbands"


def test_two_titles_of_one_speaker(analyse):
    text = "Auf der Kundgebung erklärte der Künstler und Aktivist Jonas Feld, er sei stolz auf die Teilnehmer."
    assert find(analyse(text), "stolz").source_text == "der Künstler und Aktivist Jonas Feld"


def test_report_clauses_around_commas(analyse):
    # a second verb of the same subject with its own reported clause
    text = "Die Feuerwehr bestätigte den Einsatz, teilte jedoch mit, es sei niemand verletzt worden."
    quote = find(analyse(text), "niemand")
    assert quote.text == "es sei niemand verletzt worden" and quote.source_text == "Die Feuerwehr"
    assert quote.cue_text == "teilte … mit"
    # ", so" with a verb after the report
    quote = find(analyse("Die Frist sei längst abgelaufen, so betonte das Gericht."), "Frist")
    assert quote.source_text == "das Gericht" and quote.cue_text == "so betonte"
    # a fronted dass-clause even when the tagger sees no finite verb in it
    quote = find(analyse("Dass weitere Helfer geschickt werden, erhofft sich die Gemeinde."), "Helfer")
    assert quote.source_text == "die Gemeinde" and quote.text.startswith("Dass")


def test_conclusions_findings_and_theses_report_their_clause(analyse):
    quote = find(analyse("Die Gutachter kamen zu dem Ergebnis, dass die Brücke saniert werden müsse."), "Brücke")
    assert quote.source_text == "Die Gutachter" and quote.cue_text == "kamen zu dem Ergebnis"
    quote = find(analyse("Der Abgeordnete hatte im Ausschuss die These vertreten, die Reform sei zu teuer."), "Reform")
    assert quote.source_text == "Der Abgeordnete" and "These" in quote.cue_text
    quote = find(analyse("Die Forscher fanden heraus, dass die Bienen den Weg am Geruch erkennen."), "Bienen")
    assert quote.source_text == "Die Forscher" and quote.stwr == "ST"
    quote = find(analyse("Die Bank beruft sich darauf, dass die Daten geschützt seien."), "Daten")
    assert quote.source_text == "Die Bank"
    assert not [q for q in analyse("Das ist das Ergebnis einer Umfrage, die im Mai stattfand.") if q.form == "Indirect"]


def test_conviction_with_sein_is_a_thought(analyse):
    quote = find(analyse("Die Stadtverwaltung ist zuversichtlich, die Brücke im Mai freigeben zu können."), "Brücke")
    assert quote.source_text == "Die Stadtverwaltung" and quote.cue_text == "ist zuversichtlich" and quote.stwr == "ST"
    quote = find(analyse("Die Ermittler waren sich sicher, dass der Brand gelegt worden war."), "Brand")
    assert quote.source_text == "Die Ermittler" and quote.cue_text == "waren sich sicher"
    assert not analyse("Die Straße ist sicher, seit die Ampel steht.")


def test_views_conditions_and_worries_report_their_clause(analyse):
    quote = find(analyse("Als wichtigste Aufgabe sieht es die Ministerin an, die Schulen zu sanieren."), "Schulen")
    assert quote.source_text == "die Ministerin" and quote.stwr == "ST"
    quote = find(analyse("Der Verband machte zur Bedingung, dass die Löhne steigen."), "Löhne")
    assert quote.source_text == "Der Verband" and quote.cue_text == "machte zur Bedingung"
    quote = find(analyse("Die Ärztin zeigte sich darüber besorgt, dass viele Kinder nicht geimpft seien."), "Kinder")
    assert quote.cue_text == "zeigte sich darüber besorgt"


def test_hiess_es_is_writing_only_with_a_document(analyse):
    quote = find(analyse("Aus Regierungskreisen hieß es, die Gespräche seien gescheitert."), "Gespräche")
    assert quote.stwr == "SW"
    quote = find(analyse("In dem Bericht der Kommission heißt es, die Gespräche seien gescheitert."), "Gespräche")
    assert quote.stwr == "Writing"


def test_nach_der_veroeffentlichung_is_a_time(analyse):
    assert not analyse("Nach der Veröffentlichung des Berichts kam es in der Hauptstadt zu Protesten.")
    quote = find(analyse("Nach der Mitteilung des Ministeriums sei die Lage unter Kontrolle."), "Lage")
    assert quote.source_text.endswith("des Ministeriums")


def test_quoted_noun_phrase_inside_a_report_is_the_speakers_wording(analyse):
    quotes = analyse("Die Gewerkschaft warnte, der Plan führe zu einer „Abwärtsspirale bei den Löhnen“.")
    phrase = [q for q in quotes if q.is_nested and "Abwärtsspirale" in q.text]
    assert phrase and phrase[0].form == "Direct" and phrase[0].source_text == "Die Gewerkschaft"
    quotes = analyse("Die Gewerkschaft warnte, der „Landrush“ werde die Preise treiben.")
    assert not [q for q in quotes if q.is_nested]  # one quoted noun is a term


def test_nach_with_a_possessive_or_genitive_name_before_the_report_noun(analyse):
    quote = find(analyse("Nach Müllers Einschätzung werden die Preise im Herbst wieder sinken."), "Preise")
    assert quote.source_text == "Müllers Einschätzung" and quote.cue_text == "Nach"
    quote = find(analyse("Die Firma meldete Verluste. Nach deren Angaben sollen 200 Stellen wegfallen."), "Stellen")
    assert quote.cue_text == "Nach"


def test_mistagged_sentence_openers():
    from chronik.extract.reported_speech import ReportedSpeechFinder, TokenSentence

    finder = ReportedSpeechFinder()

    def source(words, tags):
        found = finder.find([TokenSentence(words, tags, [w.lower() for w in words])])
        return [[words[t] for _, t in a.source] for a in found]

    # a surname taken for an adjective, with no subject after the verb
    words = ["Brandt", "geht", "davon", "aus", ",", "dass", "die", "Preise", "sinken", "."]
    tags = ["ADJD", "VVFIN", "PROAV", "PTKVZ", "$,", "KOUS", "ART", "NN", "VVFIN", "$."]
    assert source(words, tags) == [["Brandt"]]
    # a time adverb taken for a noun is no speaker
    words = ["Monatelang", "hat", "die", "Firma", "bestritten", ",", "dass", "es", "Mängel", "gebe", "."]
    tags = ["NN", "VAFIN", "ART", "NN", "VVPP", "$,", "KOUS", "PPER", "NN", "VVFIN", "$."]
    assert source(words, tags) == [["die", "Firma"]]


def test_nominalised_age_is_a_speaker(analyse):
    quote = find(analyse("Am Montag sagte der 74-jährige, dass er nichts bemerkt habe."), "bemerkt")
    assert quote.source_text == "der 74-jährige"


def test_speakerless_cue_verb_needs_a_content_clause(analyse):
    # an indicative clause beside a passive cue verb is narration, not a report
    quotes = analyse("Bisher werden 180 Kilometer als Reichweite angegeben, das Ziel sind 300 Kilometer.")
    assert not any("Ziel" in q.text for q in quotes)
    quotes = analyse("Der Schaden wurde zuletzt auf zwei Millionen Euro geschätzt, die Versicherung zahlt davon die Hälfte.")
    assert not any("Versicherung" in q.text for q in quotes)
    # with a dass-clause or in Konjunktiv the same verbs report
    quote = find(analyse("Als Grund wurde angegeben, die Anlage sei veraltet."), "veraltet")
    assert quote.cue_text.endswith("angegeben")
    assert find(analyse("Es wird vermutet, dass der Brand absichtlich gelegt wurde."), "Brand")


def test_reflexive_pronoun_belongs_to_the_cue(analyse):
    quote = find(analyse("Die Stadtverwaltung hatte sich erhofft, dass der Bund die Kosten übernimmt."), "Bund")
    assert quote.cue_text == "hatte sich erhofft"


def test_genitive_name_before_its_noun_is_one_speaker(analyse):
    quote = find(analyse("Die Gruppe wurde von Kenias Regierung beschuldigt, die Anschläge verübt zu haben."), "Anschläge")
    assert quote.source_text == "Kenias Regierung"


def test_speech_act_in_the_perfect_tenses_is_background(analyse):
    # reported as the news (preterite): a Reported act
    quotes = analyse("Die Gewerkschaft forderte am Montag höhere Löhne für alle Pflegekräfte.")
    assert [q.form for q in quotes] == ["Reported"]
    # told as background (perfect, pluperfect): no speech act of its own
    assert not analyse("Die Gewerkschaft hatte schon im Frühjahr höhere Löhne für alle Pflegekräfte gefordert.")
    assert not analyse("Die Gewerkschaft hat bereits mehrfach höhere Löhne für alle Pflegekräfte gefordert.")


def test_a_denial_without_a_clause_is_no_reported_act(analyse):
    assert not analyse("Der Konzern wies den Vorwurf am Dienstag entschieden zurück.")
    assert not analyse("Der Sprecher des Ministeriums bestritt jede Beteiligung an dem Geschäft.")
    # with what was denied, it reports
    quote = find(analyse("Der Konzern wies zurück, dass er Daten an Dritte verkauft habe."), "Daten")
    assert quote.form == "Indirect"


def test_reported_act_only_as_the_sentence_s_own_act(analyse):
    # a speech verb in parentheses, in a relative clause or as a bare participle tells no act
    assert not analyse("Im Frühjahr (die Zeitung berichtete) hatte der Stadtrat den Haushalt beschlossen.")
    assert not analyse("Das neue Verfahren, auch Schnelltest genannt, kostet nur wenige Euro.")
    assert not [q for q in analyse("Im Rathaus liegt der Haushalt aus, den die Opposition scharf kritisierte.")
                if q.form == "Reported"]
    assert [q.form for q in analyse("Die Opposition kritisierte den Haushalt scharf.")] == ["Reported"]


def test_gegenueber_beyond_the_speakers_apposition_is_the_addressee():
    pipeline = Pipeline(["text", "quotes"])
    text = "So sagte der Sprecher des Verbandes, Anna Berg, gegenüber der Zeitung, dass die Mieten weiter steigen würden."
    quote = find(pipeline(Document.from_text(text, "2023-03-14")).layers["quotes"], "Mieten")
    assert " ".join(text[start:end] for start, end in quote.addressee) == "der Zeitung"


def test_judgement_with_its_predicate_is_a_reported_thought(analyse):
    quote = find(analyse("Beobachter werten den Wahlsieg der Liberalen als Rückschlag für die Regierung."), "Rückschlag")
    assert quote.form == "Reported" and quote.source_text == "Beobachter"
    # a bare thought verb without a predicate stays no act
    assert not analyse("Die Bauern erwarten eine gute Ernte.")


def test_pronoun_subject_after_a_fronted_object(analyse):
    quote = find(analyse("Die Entscheidung des Gerichts bezeichnete er als schweren Fehler."), "Fehler")
    assert quote.form == "Reported" and quote.source_text == "er"


def test_generic_man_is_nobody_in_particular(analyse):
    # with a modal or in "wie man sagt", "man" is the writer's own voice
    assert not analyse("Alles in allem kann man sagen, dass das Fest ein Erfolg war.")
    # otherwise a report without a named speaker; "man" belongs to the cue
    quote = find(analyse("Am Abend sagte man im Rathaus, dass die Stadt das Gelände schon verkauft habe."), "Gelände")
    assert quote.source_text == "" and quote.cue_text == "sagte man"


def test_erfahren_reports_what_a_medium_learnt(analyse):
    quote = find(analyse("Wie die Zeitung am Montag erfuhr, will der Minister im Herbst zurücktreten."), "Minister")
    assert quote.form == "Indirect" and quote.source_text == "die Zeitung"


def test_quote_after_a_speech_act_is_its_subjects(analyse):
    text = ("Die Abgeordnete Maria Keller verurteilte die Haltung der Regierung scharf. "
            "„Diese Regierung hat in der Wohnungspolitik völlig versagt.“")
    quote = find(analyse(text), "versagt")
    assert quote.form == "Direct" and quote.source_text == "Die Abgeordnete Maria Keller"


def test_statement_of_a_body_may_be_spoken_or_written(analyse):
    quote = find(analyse("Das Ministerium erklärte am Freitag, die Zahlen seien korrekt."), "Zahlen")
    assert quote.stwr == "SW"
    quote = find(analyse("Ein Sprecher des Ministeriums erklärte am Freitag, die Zahlen seien korrekt."), "Zahlen")
    assert quote.stwr == "Speech"


def test_laut_a_person_by_role_is_speech(analyse):
    quote = find(analyse("Laut einer Sprecherin der Stadtwerke wird der Strompreis im Mai steigen."), "Strompreis")
    assert quote.stwr == "Speech"
    quote = find(analyse("Nach Angaben eines Mitarbeiters der Stadtwerke wird der Strompreis im Mai steigen."), "Strompreis")
    assert quote.stwr == "SW"


def test_broadcasters_report_speech(analyse):
    quote = find(analyse("Nach einem Bericht des Hessischen Rundfunks soll das Werk Ende des Jahres schließen."), "Werk")
    assert quote.stwr == "Speech"
    quote = find(analyse("Nach einem Bericht der Lokalzeitung soll das Werk Ende des Jahres schließen."), "Werk")
    assert quote.stwr == "Writing"


def test_agentless_passive_report_is_sw(analyse):
    quote = find(analyse("Kritisiert wird vor allem, dass die Gebühren schon wieder steigen."), "Gebühren")
    assert quote.stwr == "SW" and quote.source_text == ""


def test_zu_infinitive_of_a_particle_verb_whatever_its_tag():
    from chronik.extract.reported_speech import ReportedSpeechFinder, TokenSentence

    words = ["Die", "Ministerin", "hat", "am", "Samstag", "angekündigt", ",", "kurzfristig", "zurückzutreten", "."]
    tags = ["ART", "NN", "VAFIN", "APPRART", "NN", "VVPP", "$,", "ADJD", "ADJA", "$."]
    found = ReportedSpeechFinder().find([TokenSentence(words, tags, [w.lower() for w in words])])
    assert [[words[t] for _, t in a.message] for a in found] == [["kurzfristig", "zurückzutreten"]]


def test_adjective_taken_for_a_verb_is_no_konjunktiv():
    lexicon = speech_lexicon("de")
    assert is_konjunktiv("handele", "VVFIN", "handeln", lexicon)
    assert not is_konjunktiv("warme", "VVFIN", "warm", lexicon)  # "eine 30 Grad warme Umgebung"
    assert not is_konjunktiv("sexuelle", "VVFIN", "sexuell", lexicon)


def test_das_before_the_cue_is_the_report_not_the_speaker(analyse):
    quote = find(analyse("Die Brücke bleibt bis Mai gesperrt, das teilte die Stadtverwaltung am Montag mit."), "Brücke")
    assert quote.source_text == "die Stadtverwaltung"


def test_citing_a_rule_is_no_reported_act(analyse):
    assert not analyse("Die Behörde beruft sich dabei auf eine Verordnung aus dem Jahr 1998.")


def test_second_speaker_with_own_clause_takes_no_report_before_it(analyse):
    text = ("Während die Trainerin erklärte, mit dem Spiel zufrieden zu sein, „wir haben gut gekämpft“, "
            "räumte der Kapitän ein, die zweite Halbzeit verschlafen zu haben.")
    quotes = analyse(text)
    assert find(quotes, "verschlafen").source_text == "der Kapitän"
    assert all("zufrieden" not in q.text for q in quotes if q.source_text == "der Kapitän")


def test_participle_attribute_belongs_to_the_source(analyse):
    quote = find(analyse("Laut einer am Montag veröffentlichten Mitteilung des Ministeriums sollen die Preise steigen."), "Preise")
    assert quote.source_text == "einer am Montag veröffentlichten Mitteilung des Ministeriums"
    assert "veröffentlichten" not in quote.text


def test_genitive_after_an_abbreviation_belongs_to_the_source(analyse):
    quote = find(analyse("Die Weltgesundheitsorganisation (WHO) der Vereinten Nationen warnte, die Impfquote sei zu niedrig."), "Impfquote")
    assert quote.source_text == "Die Weltgesundheitsorganisation (WHO) der Vereinten Nationen"


def test_quoted_word_after_als_with_a_classing_verb_is_direct(analyse):
    quote = find(analyse("Die Opposition feierte das Urteil als „Sieg der Vernunft“."), "Vernunft")
    assert quote.form == "Direct" and quote.source_text == "Die Opposition"
    assert "feierte" in quote.cue_text and "als" in quote.cue_text
    assert not analyse("Der Fall wurde bundesweit als „Mord am Baggersee“ bekannt.")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Einer der Sprecher, Hans Berger, dankte den Helfern und ergänzte, die Lage sei unter Kontrolle.",
         "Einer der Sprecher, Hans Berger"),
        ("Nach der Landung öffnete die Kommandantin die Luke und erklärte, die Mission sei ein Erfolg.",
         "die Kommandantin"),
        ("Am Abend empfing der Bürgermeister die Delegation im Rathaus und betonte, die Partnerschaft werde fortgesetzt.",
         "der Bürgermeister"),
    ],
)
def test_second_verb_after_und_shares_the_subject(analyse, text, speaker):
    quote = find(analyse(text), "sei" if " sei " in text else "werde")
    assert quote.source_text == speaker


def test_a_way_from_a_place_is_no_part_of_the_speaker(analyse):
    quote = find(analyse("Am Samstag zogen die Demonstranten vom Hauptbahnhof bis zum Rathaus und skandierten „Wir bleiben hier“."), "bleiben")
    assert quote.source_text == "die Demonstranten"


def test_extended_adjective_attribute_belongs_to_the_speaker(analyse):
    text = "So sagte der für die Region zuständige Koordinator, Peter Lang, dass nur wenige Boote im Einsatz seien."
    quote = find(analyse(text), "Boote")
    assert quote.source_text == "der für die Region zuständige Koordinator, Peter Lang"


def test_a_named_body_keeps_its_seat_a_person_does_not(analyse):
    text = "Wie die UNESCO in Paris mitteilte, wird das Kloster in die Liste des Welterbes aufgenommen."
    assert find(analyse(text), "Kloster").source_text == "die UNESCO in Paris"
    text = "Wie Seibert in Berlin mitteilte, wird das Kloster in die Liste des Welterbes aufgenommen."
    assert find(analyse(text), "Kloster").source_text == "Seibert"


def test_a_statement_noun_with_its_clause_is_a_report(analyse):
    text = "Die Opposition reagierte gelassen auf die Erklärung des Ministers, die Reform sei gescheitert."
    quote = find(analyse(text), "gescheitert")
    assert quote.form == "Indirect" and "Erklärung" in quote.cue_text and quote.source_text == "des Ministers"


def test_a_quoted_name_after_von_belongs_to_the_source(analyse):
    text = "Laut einem Artikel von „BBC News“, der sich auf die Daten der Bank beruft, leben acht Millionen Menschen davon."
    quote = find(analyse(text), "Millionen")
    assert quote.source_text == "einem Artikel von „BBC News“"


def test_own_dass_clause_beats_a_konjunktiv_relative_clause_before(analyse):
    text = ("Der Abgeordnete, der selbst als Kandidat in Frage gekommen wäre, bekräftigte gegenüber der Presse, "
            "dass er für das Amt nicht zur Verfügung stehe.")
    quotes = analyse(text)
    assert find(quotes, "Verfügung").source_text == "Der Abgeordnete"
    assert all("Kandidat" not in q.text for q in quotes)


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("Der Verlagsleiter hatte am Freitag in einer Versammlung den Mitarbeitern erklärt, dass die Zeitung eingestellt werde.",
         "eingestellt", ("Der Verlagsleiter", "den Mitarbeitern")),
        ("Am Abend erklärte er Reportern, dass er zurücktreten werde.", "zurücktreten", ("er", "Reportern")),
    ],
)
def test_dative_addressee_after_phrases_and_after_a_pronoun_subject(text, fragment, expected):
    pipeline = Pipeline(["text", "quotes"])
    quote = find(pipeline(Document.from_text(text, "2023-03-14")).layers["quotes"], fragment)
    assert (quote.source_text, " ".join(text[start:end] for start, end in quote.addressee)) == expected


def test_a_long_quoted_name_after_an_article_is_the_speaker(analyse):
    text = "Am Montag erklärte der neue „Oberste Rat zur Rettung der Republik“, die Lage sei unter Kontrolle."
    quote = find(analyse(text), "Kontrolle")
    assert quote.source_text == "der neue „Oberste Rat zur Rettung der Republik“"


def test_genitive_plural_without_article_before_zufolge(analyse):
    quote = find(analyse("Berichten verschiedener Zeitungen zufolge soll der Minister bald zurücktreten."), "Minister")
    assert quote.source_text == "Berichten verschiedener Zeitungen"
