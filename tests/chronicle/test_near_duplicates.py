"""Near-duplicate detection on self-written agency texts."""

from __future__ import annotations

from chronik.chronicle.near_duplicates import (
    ArticleRef, estimated_similarity, group_near_duplicates, shingles, signature,
)

AGENTUR = (
    "Die Tarifverhandlungen für die Beschäftigten im öffentlichen Nahverkehr sind am Donnerstag in Kassel "
    "ohne Ergebnis vertagt worden. Die Gewerkschaft kündigte an, ihre Mitglieder in der kommenden Woche "
    "erneut zu Warnstreiks aufzurufen. Betroffen wären Busse und Straßenbahnen in mehr als dreißig Städten. "
    "Der kommunale Arbeitgeberverband nannte die Forderung nach zwölf Prozent mehr Lohn unbezahlbar. "
    "Die Verhandlungsführerin der Gewerkschaft sagte, die Arbeitgeber hätten kein verbessertes Angebot "
    "vorgelegt. Die nächste Runde ist für Mitte März in Frankfurt angesetzt. Bis dahin wollen beide Seiten "
    "in kleinen Arbeitsgruppen über die Laufzeit des Vertrags und über Zulagen für Nachtschichten sprechen. "
    "Fahrgastverbände forderten, Pendler rechtzeitig über Ausfälle zu informieren."
)

# The same agency text in another paper: new headline, one sentence rewritten.
KOPIE = "Nahverkehr: Wieder Warnstreiks möglich\n\n" + AGENTUR.replace(
    "Betroffen wären Busse und Straßenbahnen in mehr als dreißig Städten.",
    "Betroffen wären auch die Busse in unserer Region.",
)

# Same topic, written separately.
EIGENER_BERICHT = (
    "In Kassel haben Gewerkschaft und kommunale Arbeitgeber am Donnerstag erneut keine Einigung im "
    "Tarifstreit des Nahverkehrs erzielt. Schon nächste Woche könnten deshalb wieder Busse und Bahnen in "
    "den Depots bleiben. Die Arbeitgeber halten zwölf Prozent für nicht finanzierbar, die Gewerkschaft "
    "wirft ihnen vor, ohne neues Angebot angereist zu sein. Im März soll in Frankfurt weiterverhandelt werden."
)


def ref(doc_id: str, date: str = "2024-02-29", title: str = "") -> ArticleRef:
    return ArticleRef(doc_id, date, title)


def test_shingles_ignore_case_and_punctuation():
    assert shingles("Der Streik, sagte sie.") == shingles("der streik sagte SIE")


def test_lightly_edited_copy_is_estimated_close():
    value = estimated_similarity(signature(AGENTUR), signature(KOPIE))
    assert value >= 0.8


def test_agency_text_and_edited_copy_are_grouped():
    groups = group_near_duplicates([
        (ref("aaa", title="Tarifgespräche vertagt"), AGENTUR),
        (ref("bbb", title="Nahverkehr: Wieder Warnstreiks möglich"), KOPIE),
        (ref("ccc", title="Keine Einigung im Tarifstreit"), EIGENER_BERICHT),
    ])
    assert len(groups) == 1
    assert [a.doc_id for a in groups[0].articles] == ["aaa", "bbb"]
    assert groups[0].similarity >= 0.8


def test_separate_reports_on_the_same_topic_are_not_grouped():
    assert group_near_duplicates([(ref("aaa"), AGENTUR), (ref("ccc"), EIGENER_BERICHT)]) == []
    assert estimated_similarity(signature(AGENTUR), signature(EIGENER_BERICHT)) < 0.3


def test_copies_link_transitively_into_one_group():
    dritte = KOPIE.replace("Fahrgastverbände forderten", "Fahrgastvertreter verlangten")
    groups = group_near_duplicates([(ref("a"), AGENTUR), (ref("b"), KOPIE), (ref("c"), dritte)])
    assert [[a.doc_id for a in g.articles] for g in groups] == [["a", "b", "c"]]


def test_empty_text_has_no_signature_and_no_group():
    assert signature("  ... ") is None
    assert group_near_duplicates([(ref("a"), ""), (ref("b"), "")]) == []


def test_headline_is_left_out_of_the_compared_text():
    from chronik.chronicle.near_duplicates import body_text

    assert body_text("Tarifgespräche vertagt", "Tarifgespräche vertagt\n\nDie Verhandlungen") == "\n\nDie Verhandlungen"
    assert body_text("Andere Zeile", "Die Verhandlungen") == "Die Verhandlungen"


def test_merged_event_counts_a_syndicated_copy_as_one_source():
    from chronik.chronicle.events import TimelineEvent, merge_reports

    def report(doc_id: str) -> TimelineEvent:
        return TimelineEvent("AGREE", "", "happened", "Spanien", "Portugal", None, "2024-03-12", "2024-03-12",
                             "2024-03-12", "day", "timex", "vereinbart", doc_id, "2024-03-13", "…")

    reports = [report("agentur"), report("kopie"), report("eigener")]
    merged = merge_reports(reports, {"agentur": "agentur", "kopie": "agentur"})
    assert len(merged) == 1 and len(merged[0].sources) == 3
    assert merged[0].independent == 2
    assert merge_reports(reports)[0].independent == 3
