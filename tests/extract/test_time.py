"""The temporal tagger on German sentences written for these tests."""

from __future__ import annotations

import pytest

from chronik.extract.time import TimeTagger, Timex, split_sentences, tag_text


def find(timexes: list[Timex], text: str) -> Timex:
    for timex in timexes:
        if timex.text == text:
            return timex
    raise AssertionError(f"{text!r} not found in {[t.text for t in timexes]}")


@pytest.mark.parametrize(
    "sentence, span, kind, value",
    [
        ("Die Messe öffnet am Donnerstag, 14. März 2024, ihre Tore.", "Donnerstag, 14. März 2024", "DATE", "2024-03-14"),
        ("Der Vertrag wurde am 3. Oktober 1990 unterzeichnet.", "3. Oktober 1990", "DATE", "1990-10-03"),
        ("Die Frist endet am 15.04.2023 um Mitternacht.", "15.04.2023", "DATE", "2023-04-15"),
        ("Im Jahr 2019 war alles anders.", "Jahr 2019", "DATE", "2019"),
        ("Die Brücke wurde im Mai 2018 gesperrt.", "Mai 2018", "DATE", "2018-05"),
        ("Anfang Juni 2022 begannen die Bauarbeiten.", "Anfang Juni 2022", "DATE", "2022-06"),
        ("In den 1990er Jahren wuchs die Stadt.", "1990er Jahren", "DATE", "199"),
        ("In den achtziger Jahren wuchs die Stadt.", "achtziger Jahren", "DATE", "198"),
        ("In den Neunzigern schrumpfte sie.", "Neunzigern", "DATE", "199"),
        ("Die Kirche stammt aus dem 15. Jahrhundert.", "15. Jahrhundert", "DATE", "14"),
        ("Das Konzert beginnt um 20.30 Uhr.", "20.30 Uhr", "TIME", "2023-05-10T20:30"),
    ],
)
def test_absolute_expressions(sentence: str, span: str, kind: str, value: str) -> None:
    timex = find(tag_text(sentence, "2023-05-10"), span)
    assert (timex.type, timex.value) == (kind, value)


def test_relative_days_against_a_day_precise_article_date() -> None:
    text = "Der Bürgermeister sagte gestern, die Sitzung finde übermorgen statt. Heute schweigt er."
    timexes = tag_text(text, "2023-05-10")
    assert find(timexes, "gestern").value == "2023-05-09"
    assert find(timexes, "übermorgen").value == "2023-05-12"
    assert find(timexes, "Heute").value == "2023-05-10"


def test_tense_chooses_the_direction_of_a_weekday() -> None:
    # 2023-05-10 is a Wednesday.
    text = (
        "Am Freitag wolle die Ministerin mit den Bauern sprechen. "
        "Ihr Sprecher hatte bereits am Montag mit dem Verband telefoniert."
    )
    timexes = tag_text(text, "2023-05-10")
    assert find(timexes, "Freitag").value == "2023-05-12"
    assert find(timexes, "Montag").value == "2023-05-08"


def test_perfect_tense_points_back() -> None:
    timexes = tag_text("Das Treffen, das am Montag im Rathaus stattgefunden hat, wird fortgesetzt.", "2023-05-10")
    assert find(timexes, "Montag").value == "2023-05-08"


def test_weekday_with_part_of_day_is_a_time() -> None:
    timex = find(tag_text("Der Vorstand trat am späten Dienstagabend zurück.", "2023-05-10"), "späten Dienstagabend")
    assert (timex.type, timex.value, timex.mod) == ("TIME", "2023-05-09TEV", "END")


def test_month_precision_keeps_an_interval_and_invents_no_day() -> None:
    text = "Die Gespräche am Dienstagabend brachten keinen Durchbruch. Am Donnerstag werde weiter verhandelt."
    timexes = tag_text(text, "2021-12")
    tuesday = find(timexes, "Dienstagabend")
    assert tuesday.value == "2021-WXX-2TEV"
    assert (tuesday.earliest, tuesday.latest) == ("2021-11-30", "2021-12-28")
    thursday = find(timexes, "Donnerstag")
    assert thursday.earliest == "2021-12-02" and thursday.latest == "2022-01-06"
    assert "-12-" not in thursday.value  # no invented day


def test_month_precision_gestern_masks_the_day() -> None:
    timex = find(tag_text("Die Polizei meldete gestern einen Unfall.", "2021-12"), "gestern")
    assert timex.value == "2021-XX-XX"  # 30 November or a day of December
    assert (timex.earliest, timex.latest) == ("2021-11-30", "2021-12-30")


def test_a_full_date_in_the_article_pins_the_weekday() -> None:
    text = "Die Abstimmung ist für den 7. Dezember angesetzt. Am Dienstag stimmte das Parlament dann ab."
    timex = find(tag_text(text, "2021-12"), "Dienstag")
    assert timex.value == "2021-12-07"
    assert "7. Dezember" in timex.evidence


def test_month_without_year_follows_the_tense() -> None:
    past = find(tag_text("Die Präsidenten hatten sich im Juni getroffen.", "2021-12"), "Juni")
    assert past.value == "2021-06"
    future = find(tag_text("Die Präsidenten wollen sich im März treffen.", "2021-12"), "März")
    assert future.value == "2022-03"


def test_durations_and_ago() -> None:
    text = "Vor zwei Wochen begann der Streik. Er dauerte drei Tage. Seit Wochen wird verhandelt."
    timexes = tag_text(text, "2023-05-10")
    ago = find(timexes, "zwei Wochen")
    assert (ago.type, ago.value) == ("DURATION", "P2W")
    assert (ago.earliest, ago.latest) == ("2023-04-24", "2023-04-30")  # the week two weeks back
    assert find(timexes, "drei Tage").value == "P3D"
    vague = find(timexes, "Wochen")
    assert (vague.type, vague.value, vague.latest) == ("DURATION", "PXW", "2023-05-10")


def test_ages_are_not_durations() -> None:
    timexes = tag_text("Der 22 Jahre alte Fahrer und Jugendliche ab 16 Jahren wurden befragt.", "2023-05-10")
    assert timexes == []


def test_sets() -> None:
    text = "Der Markt findet jeden Montag statt, die Beratung einmal im Monat, der Bus fährt täglich."
    timexes = tag_text(text, "2023-05-10")
    assert (find(timexes, "jeden Montag").type, find(timexes, "jeden Montag").value) == ("SET", "XXXX-WXX-1")
    assert find(timexes, "einmal im Monat").value == "P1M"
    assert find(timexes, "täglich").value == "P1D"


def test_anfang_juni_narrows_the_interval() -> None:
    timex = find(tag_text("Anfang Juni soll die Strecke eröffnet werden.", "2023-05-10"), "Anfang Juni")
    assert (timex.value, timex.mod) == ("2023-06", "START")
    assert timex.earliest == "2023-06-01" and timex.latest < "2023-06-15"


def test_narrative_anchor_moves_with_the_story() -> None:
    text = (
        "Am 12. März 2020 schlossen die Schulen. Am Tag darauf folgten die Geschäfte. "
        "Zwei Wochen später kam die Ausgangssperre."
    )
    timexes = tag_text(text, "2023-05-10")
    assert find(timexes, "Tag darauf").value == "2020-03-13"
    later = find(timexes, "Zwei Wochen später")
    assert later.value == "2020-W13"
    assert "Tag darauf" in later.anchor


def test_relative_units() -> None:
    text = "Im vergangenen Jahr stiegen die Preise, in dieser Woche sinken sie, nächsten Monat wieder."
    timexes = tag_text(text, "2023-05-10")
    assert find(timexes, "vergangenen Jahr").value == "2022"
    assert find(timexes, "dieser Woche").value == "2023-W19"
    assert find(timexes, "nächsten Monat").value == "2023-06"


def test_reference_words() -> None:
    timexes = tag_text("Derzeit gibt es keine Lösung, damals war das anders.", "2023-05-10")
    assert find(timexes, "Derzeit").value == "PRESENT_REF"
    assert find(timexes, "damals").value == "PAST_REF"


@pytest.mark.parametrize(
    "text",
    [
        "Die Sitzung am 31. Februar 2023 fiel aus.",
        "Das Spiel endete 3:1, zur Pause stand es 2:0, 12:10 und 88:79 in der Verlängerung.",
        "Tabelle: 1. FC Musterstadt 34 21 8 5 70:31 71",
        "Im Jahr 5000 und im Jahr 0033 lebte niemand.",
    ],
)
def test_bad_input_gives_no_nonsense(text: str) -> None:
    for timex in tag_text(text, "2023-05-10"):
        assert timex.value == "" or timex.value[:1] in "PTX" or timex.value[:4].isdigit()
        if timex.value and timex.value[:4].isdigit():
            assert 1000 <= int(timex.value[:4]) <= 2199


def test_impossible_date_stays_unresolved() -> None:
    timex = find(tag_text("Die Sitzung am 31. Februar 2023 fiel aus.", "2023-05-10"), "31. Februar 2023")
    assert timex.value == "" and timex.earliest is None


def test_no_article_date_leaves_relative_expressions_unresolved() -> None:
    timexes = tag_text("Gestern traf sich der Rat, am 5. Mai 2022 tagte er zuletzt.", None)
    assert find(timexes, "Gestern").value == ""
    assert find(timexes, "5. Mai 2022").value == "2022-05-05"


def test_number_words_in_names_are_no_months() -> None:
    timexes = tag_text("August Meier und der Winter-Biathlon im MIP-Montag.", "2023-05-10")
    assert timexes == []


def test_sentence_splitter_keeps_ordinal_dates_together() -> None:
    text = "Am 25. Februar tagt der Rat. Danach geht es weiter."
    assert len(split_sentences(text)) == 2


def test_timexes_are_json_serialisable() -> None:
    from chronik.analysis import to_jsonable

    timex = find(tag_text("Gestern regnete es.", "2023-05-10"), "Gestern")
    data = to_jsonable(timex)
    assert data["value"] == "2023-05-09" and data["earliest"] == "2023-05-09"


def test_example_article_under_the_precision_rule(example_article) -> None:
    from chronik.readers.dated import parse_dated

    document = parse_dated(example_article.read_text("utf-8"), example_article)
    timexes = TimeTagger("de").tag(document.text, document.date)
    tuesday_evening = find(timexes, "späten Dienstagabend")
    assert tuesday_evening.value == "2021-WXX-2TEV"
    assert tuesday_evening.earliest <= "2021-12-07" <= tuesday_evening.latest
    thursday = find(timexes, "Donnerstag")
    assert thursday.earliest >= "2021-12-02"  # points forward from the article date
    monday = find(timexes, "Montag")
    assert monday.latest <= "2021-12-31" and "WXX-1" in monday.value
    assert find(timexes, "Juni").value == "2021-06"
    assert find(timexes, "Wochen").value == "PXW"
    assert any(t.value == "2014" for t in timexes)


def test_weekday_of_next_or_last_week() -> None:
    timexes = tag_text("Die Abstimmung ist am Mittwoch nächster Woche, am Dienstag vergangener Woche gab es Streit.", "2021-12-08")
    assert find(timexes, "Mittwoch nächster Woche").value == "2021-12-15"
    assert find(timexes, "Dienstag vergangener Woche").value == "2021-11-30"


def test_seit_points_back_even_for_a_full_date() -> None:
    timex = find(tag_text("Die Managerin, die seit 1. Juli an der Spitze steht, bleibt.", "2016-05-10"), "1. Juli")
    assert timex.value == "2015-07-01"


def test_half_a_year_and_years_later() -> None:
    timexes = tag_text("Vor einem halben Jahr begann es. 2004 waren es drei, zwölf Jahre später zehn.", "2016-05-10")
    assert find(timexes, "einem halben Jahr").value == "P6M"
    later = find(timexes, "zwölf Jahre später")
    assert later.value == "2016" and "2004" in later.anchor


@pytest.mark.parametrize(
    "text",
    [
        "Das Display bietet 1152 x 1920 Pixel.",
        "Er hatte 3:03 Minuten Vorsprung.",
        "Betroffen sind die Versionen 4.3.0 bis 4.3.16.",
        "Die Firma zahlte 2014 Euro Strafe.",
    ],
)
def test_numbers_that_are_no_times(text: str) -> None:
    assert tag_text(text, "2016-05-10") == []


def test_heute_contrasted_with_the_past_is_nowadays() -> None:
    timexes = tag_text("Die Firma wurde 1950 gegründet und ist heute vor allem im Handel tätig.", "2015-05-10")
    nowadays = find(timexes, "heute")
    assert nowadays.value == "PRESENT_REF" and nowadays.earliest == "2015-05-10"
    assert find(tag_text("Heute beginnt die Messe.", "2015-05-10"), "Heute").value == "2015-05-10"


@pytest.mark.parametrize("date", ["2016", "2016-05", "2016-05-10", None])
def test_any_article_precision_with_weekends_and_weekdays(date) -> None:
    text = "Am Wochenende und am Dienstag, dann am 7. Mai und vergangene Woche sowie jeden Montag."
    for timex in tag_text(text, date):
        assert "WXX-W" not in timex.value or timex.earliest  # masked weeks keep their interval


@pytest.mark.parametrize(
    "sentence",
    [
        "Von dem Aufschwung zehrt die Region auch heute noch.",
        "Bis heute ist der Brand in der Lagerhalle nicht aufgeklärt.",
        "Heute würde der Bürgermeister die Umfahrung anders planen.",
    ],
)
def test_heute_meaning_nowadays_is_present_ref(sentence: str) -> None:
    [today] = TimeTagger("de").tag(sentence, "2022-05-04")
    assert today.value == "PRESENT_REF"
    assert today.earliest == today.latest == "2022-05-04"  # the interval stays


def test_heute_as_the_article_day() -> None:
    [today] = TimeTagger("de").tag("Heute beginnt in Bozen die Obstbaumesse.", "2022-05-04")
    assert today.value == "2022-05-04"


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Festwoche: 25. und 26. August von 10 bis 18 Uhr auf dem Dorfplatz.",
        "Aufführungen am 3., 4. und 5. Oktober, jeweils 20 Uhr, im Stadttheater.",
        "Anmeldung ab 3. November, wochentags von 14 bis 18 Uhr, im Rathaus.",
    ],
)
def test_clock_time_after_several_days_names_no_day(sentence: str) -> None:
    timexes = TimeTagger("de").tag(sentence, "2022-08-20")
    clocks = [t for t in timexes if t.type == "TIME"]
    assert clocks and all(t.value.startswith("T") for t in clocks)


def test_clock_times_each_after_their_own_day() -> None:
    timexes = TimeTagger("de").tag("Gewählt wird am Montag um 10 Uhr und am Dienstag um 12 Uhr.", "2022-08-20")
    values = [t.value for t in timexes if t.type == "TIME"]
    assert values == ["2022-08-22T10:00", "2022-08-23T12:00"]


def test_wish_points_ahead() -> None:
    # 5 March 2023: the summer meant is the coming one.
    [summer] = TimeTagger("de").tag("Die Absolventin möchte im Sommer in den Beruf einsteigen.", "2023-03-05")
    assert summer.value == "2023-SU"


def test_year_after_ab_or_seit_does_not_move_a_history() -> None:
    text = (
        "Am 6. Juni 1944 landeten die Truppen an der Küste. Der Plan beruhte auf ab 1941 "
        "ausgearbeiteten Entwürfen. Am 21. Oktober fiel die erste Stadt."
    )
    timexes = TimeTagger("de", narrative_months=True).tag(text, "2011-02-16")
    assert find(timexes, "21. Oktober").value == "1944-10-21"


def test_history_previous_year_is_the_story_year_minus_one() -> None:
    text = "Am 10. Juli 1917 begann die Offensive. Im Vorjahr hatte das Heer noch defensiv gekämpft."
    history = TimeTagger("de", narrative_months=True).tag(text, "2011-02-16")
    assert find(history, "Vorjahr").value == "1916"
    news = TimeTagger("de").tag(text, "2011-02-16")
    assert find(news, "Vorjahr").value == "2010"


def test_tense_overrules_the_calendar_only_for_distant_dates() -> None:
    tagger = TimeTagger("de")
    # Written 21 November: 1 April is 131 days ahead, 234 back; the perfect wins.
    [april] = tagger.tag("Die Partnerschaft der Molkereien hat am 1. April angefangen.", "2014-11-21")
    assert april.value == "2014-04-01"
    # A date weeks away stays the nearest one whatever the tense.
    [december] = tagger.tag("Der Markt hatte am 2. Dezember geöffnet.", "2014-11-21")
    assert december.value == "2014-12-02"


def test_nowadays_in_an_article_dated_by_month() -> None:
    timexes = TimeTagger("de").tag("Der Streit ist bis heute nicht beigelegt. Im Dezember wird verhandelt.", "2021-12")
    assert find(timexes, "heute").value == "PRESENT_REF"
    assert find(timexes, "Dezember").value == "2021-12"
