"""Rules of the events layer for whole wire articles (who acts on whom, triggers), each on self-written German sentences."""

from __future__ import annotations

from chronik.document import Document
from chronik.pipeline import Pipeline
from test_events import name, pipeline  # noqa: F401  (the events pipeline fixture; a participant's name)


def events(pipeline: Pipeline, text: str, date: str = "2023-06-14"):
    return pipeline(Document.from_text(text, date)).layers["events"]


def of_type(pipeline: Pipeline, text: str, type_: str, date: str = "2023-06-14"):
    found = [e for e in events(pipeline, text, date) if e.type == type_]
    assert found, f"no {type_} event in {text!r}"
    return found


def test_lower_case_verb_tagged_as_a_name_is_read_as_the_verb(pipeline):
    # "lud" after a person's name is often tagged NE; a lower-case word is no name in German
    found = of_type(pipeline, "Innenministerin Petra Olbrich lud die Bürgermeister der Region für Freitag zu "
                              "einem Krisengespräch ein.", "CONSULT")
    assert found[0].status == "planned" and name(found[0].actor) == "Petra Olbrich"


def test_representatives_stand_for_the_side_they_speak_for(pipeline):
    text = "Der Landrat Tobias Wendler will noch im Juli mit EU-Vertretern über die Fördermittel sprechen."
    talk = of_type(pipeline, text, "CONSULT")[0]
    assert name(talk.target) == "Europäische Union"
    text = ("Der Verkehrsminister Tobias Wendler empfing am Montag Vertreter der Gewerkschaft Verdi "
            "in seinem Ministerium.")
    talk = of_type(pipeline, text, "CONSULT")[0]
    assert name(talk.target) == "Verdi"


def test_rebels_refer_to_the_one_rebel_group_introduced(pipeline):
    text = ("Die Regierung von Niger hat der Rebellengruppe MLA einen Waffenstillstand angeboten. "
            "Ein Sprecher der Rebellen warf der Armee vor, Dörfer angegriffen zu haben.")
    accuse = of_type(pipeline, text, "DISAPPROVE")[0]
    assert name(accuse.actor) == "MLA"


def test_state_organ_with_state_name_in_genitive_is_the_state(pipeline):
    text = "Kuba hat zwischen der Regierung Kolumbiens und der Guerillagruppe Frente Norte vermittelt."
    talk = of_type(pipeline, text, "CONSULT")[0]
    assert name(talk.target) == "Kolumbien"


def test_one_word_name_after_a_union_noun_in_the_vorfeld(pipeline):
    text = "Die Gewerkschaft Bergbau hat die Beschäftigten der Grube für Montag zu einem Warnstreik aufgerufen."
    strike = of_type(pipeline, text, "PROTEST")[0]
    assert name(strike.actor) == "Gewerkschaft Bergbau"
    # a plain noun after the head stays a noun
    found = events(pipeline, "Die Staatsanwaltschaft warf dem Verein Betrug vor.")
    assert all(name(e.target) != "Verein Betrug" and name(e.target) != "Betrug" for e in found)


def test_coined_company_name_after_its_noun_is_found_again_alone(pipeline):
    text = ("Die Beschäftigten des Versorgers Lumatec streiken seit Montag. "
            "Am Dienstag wies Lumatec die Forderungen der Belegschaft zurück.")
    reject = of_type(pipeline, text, "REJECT")[0]
    assert name(reject.actor) == "Lumatec"


def test_trip_to_a_capital_alone_is_a_visit_to_its_state(pipeline):
    visit = of_type(pipeline, "Die Umweltministerin Jana Pohl will im Herbst nach Brasília reisen.", "CONSULT")[0]
    assert visit.status == "planned" and name(visit.target) == "Brasilien"
    # a trip that serves a talk told with it is that one talk
    talks = of_type(pipeline, "Die Umweltministerin Jana Pohl will im Herbst nach Madrid reisen und mit "
                              "Ministerpräsident Carlos Ruiz sprechen.", "CONSULT")
    assert len(talks) == 1 and name(talks[0].target) == "Carlos Ruiz"
    # a place that stands for no host is no visit
    assert not [e for e in events(pipeline, "Der Landrat Olaf Kühn reiste am Montag nach Cottbus.")
                if e.type == "CONSULT"]


def test_possessive_names_who_is_to_act_in_a_demand(pipeline):
    text = ("Gegen Verkehrsminister Rainer Tölle wird wegen Untreue ermittelt. "
            "Die Opposition forderte am Mittwoch seinen Rücktritt.")
    found = events(pipeline, text)
    resign = [e for e in found if e.type == "CONCEDE"]
    demand = [e for e in found if e.type == "DEMAND"]
    assert resign and name(resign[0].actor) == "Rainer Tölle" and resign[0].status == "demanded"
    assert demand and name(demand[0].target) == "Rainer Tölle"


def test_defendant_is_the_person_named_by_initial(pipeline):
    text = ("Das Landgericht Kiel hat einen 52 Jahre alten Steuerberater zu vier Jahren Haft verurteilt. "
            "Nach Überzeugung des Gerichts hatte Jens K. Rechnungen gefälscht. "
            "Der Angeklagte hatte die Vorwürfe bestritten.")
    found = events(pipeline, text)
    sentence = [e for e in found if e.type == "COERCE"]
    reject = [e for e in found if e.type == "REJECT"]
    assert sentence and name(sentence[0].target) == "Jens K."
    assert reject and name(reject[0].actor) == "Jens K."


def test_attack_first_told_by_its_victims_is_an_event(pipeline):
    found = of_type(pipeline, "Bei einem Raketenangriff auf ein Wohnviertel wurden am Sonntag sieben Menschen "
                              "getötet.", "ASSAULT")
    assert found[0].status == "happened"
    # the next sentence naming the attackers tells the same attack
    text = ("Bei einem Angriff auf ein Dorf sind am Sonntag zwölf Menschen getötet worden. "
            "Nach Angaben der Behörden stürmten Kämpfer der Rebellengruppe FLN das Dorf im Morgengrauen.")
    found = of_type(pipeline, text, "ASSAULT")
    assert len(found) == 1 and name(found[0].actor) == "FLN"


def test_trade_bans_opposition_and_gifts(pipeline):
    found = events(pipeline, "Die Opposition verlangte, die Ausfuhr von Waffen nach Saudi-Arabien zu verbieten.")
    assert "SANCTION" in [e.type for e in found] and "COERCE" not in [e.type for e in found]
    found = events(pipeline, "Polen und Ungarn hatten sich gegen die neuen Strafzölle ausgesprochen.")
    assert [e.type for e in found] == ["REJECT"]
    assert not events(pipeline, "Polen hatte sich für neue Gespräche ausgesprochen.")
    found = events(pipeline, "Der Bürgermeister bestreitet, Geschenke angenommen zu haben.")
    assert [(e.type, e.status) for e in found] == [("CRIME", "denied")]


def test_demanded_talks_and_truce_are_between_the_sides_called_on(pipeline):
    text = "Der Bürgermeister Uwe Kessler rief Israel und Jordanien zu einer Waffenruhe auf."
    truce = [e for e in events(pipeline, text) if e.type == "AGREE"]
    assert truce and truce[0].status == "demanded"
    assert (name(truce[0].actor), name(truce[0].target)) == ("Israel", "Jordanien")
    text = ("Die Regierung in Ankara rief Armenien und Aserbaidschan auf, die Gespräche wieder aufzunehmen.")
    talks = [e for e in events(pipeline, text) if e.type == "CONSULT"]
    assert talks and talks[0].status == "demanded"
    assert (name(talks[0].actor), name(talks[0].target)) == ("Armenien", "Aserbaidschan")


def test_an_alliance_is_not_the_company_named_last(pipeline):
    text = ("Hunderte Menschen haben am Samstag gegen die Pläne des Energiekonzerns Voltara demonstriert. "
            "Am Montag kündigte das Bündnis an, die Proteste fortzusetzen.")
    planned = [e for e in of_type(pipeline, text, "PROTEST") if e.status == "planned"]
    # ("fortzusetzen" tagged as a plain infinitive still carries the protests it continues)
    assert planned and name(planned[0].actor) != "Voltara"


def test_first_name_before_a_surname_particle(pipeline):
    accuse = of_type(pipeline, "Kommissarin Ineke van Dijk warf der Regierung in Rom vor, die Regeln zu brechen.",
                     "DISAPPROVE")[0]
    assert name(accuse.actor) == "Ineke van Dijk"


def test_prosecutors_with_a_place_are_that_named_body(pipeline):
    found = of_type(pipeline, "Die Staatsanwaltschaft in Riga hat Ermittlungen wegen Sabotage eingeleitet.",
                    "INVESTIGATE")
    assert name(found[0].actor) == "Staatsanwaltschaft Riga"
    # a state organ with its capital stays the state
    found = of_type(pipeline, "Die Regierung in Riga verurteilte den Anschlag.", "DISAPPROVE")
    assert name(found[0].actor) == "Lettland"


def test_genitive_of_an_expulsion_is_its_target_and_aus_its_actor(pipeline):
    text = "Anlass des Streits ist die Ausweisung dreier iranischer Diplomaten aus Wien im Mai."
    expel = of_type(pipeline, text, "SANCTION")[0]
    assert name(expel.target) == "Iran" and name(expel.actor) == "Österreich"


def test_bare_government_is_the_state_whose_organ_acted_last(pipeline):
    text = ("Die Bundesregierung hatte den Männern Spionage für den iranischen Geheimdienst vorgeworfen. "
            "Die Linke forderte die Regierung auf, das iranische Generalkonsulat in Hamburg zu schließen.")
    found = events(pipeline, text)
    demand = [e for e in found if e.type == "DEMAND"]
    close = [e for e in found if e.type == "SANCTION"]
    assert demand and name(demand[0].target) == "Deutschland"
    assert close and close[0].status == "demanded" and name(close[0].target) == "Iran"


def test_alliance_tagged_as_a_name_is_the_organisation_named_last(pipeline):
    text = ("Die Staats- und Regierungschefs der Nato haben sich am Dienstag in Riga getroffen. "
            "Die Allianz will bis zum Sommer weitere Soldaten nach Litauen verlegen.")
    moves = of_type(pipeline, text, "MOBILIZE")
    assert name(moves[0].actor) != "Allianz"
    # a board is its company's, never the union named last
    text = ("Die IG Metall hat am Montag vor der Zentrale der Stahlwerk Nord AG protestiert. "
            "Ein Gewerkschafter warf dem Vorstand vor, die Belegschaft getäuscht zu haben.")
    accuse = of_type(pipeline, text, "DISAPPROVE")[0]
    assert name(accuse.target) != "IG Metall"
