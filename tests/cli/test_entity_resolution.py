"""Canonical entities across articles, on SQLite and PostgreSQL: spelling
variants merge, namesakes stay apart, corrections survive re-analysis.

The articles are our own; they run through the real tagger (text, entities,
roles), so these tests also tell when a model change breaks resolution.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PIPELINE = ("--pipeline", "text,entities,roles")
# Another component list is another pipeline version: every article is re-analysed.
CHANGED_PIPELINE = ("--pipeline", "text,entities,roles,links")

KIEW_VIDEOBOTSCHAFT = """date 2022-03-01
Selenskyj bittet um Hilfe

Der ukrainische Präsident Wolodymyr Selenskyj hat den Westen in einer Videobotschaft aus Kiew um weitere Waffen gebeten. Selenskyj warf dem russischen Präsidenten Wladimir Putin vor, Wohngebiete beschießen zu lassen. In der Ukraine sind nach Angaben der Vereinten Nationen mehr als eine Million Menschen auf der Flucht.
"""

GESPRAECHE_BELARUS = """date 2022-03-03
Gespräche in Belarus

Der ukrainische Präsident Wolodymyr Selensky hat sich skeptisch über die Gespräche mit Russland geäußert. Putin wolle die Ukraine unterwerfen, sagte Selensky am Donnerstag in Kiew. Die Delegationen sollen sich in der kommenden Woche erneut treffen.
"""

REDE_UNTERHAUS = """date 2022-03-08
Rede vor dem Unterhaus

Per Videoschalte hat Zelensky zu den Abgeordneten in London gesprochen. Der Präsident der Ukraine verglich den Widerstand in Kiew mit dem Kampf Großbritanniens im Zweiten Weltkrieg. Putin habe sich verrechnet, sagte Zelensky.
"""

GASSPEICHER = """date 2023-04-12
Ministerin will Gasspeicher füllen

Die bayerische Wirtschaftsministerin Sabine Müller (CSU) hat im Landtag in München einen Plan für die Gasspeicher vorgestellt. Müller sagte, die Staatsregierung rechne mit einem milden Winter. Die Grünen im Landtag kritisierten den Plan als zu spät.
"""

DERBY = """date 2023-04-15
Burghausen verliert in Unterhaching

Der SV Wacker Burghausen hat das Derby bei der SpVgg Unterhaching mit 0:2 verloren. Trainer Uwe Müller war nach dem Spiel enttäuscht. Müller sagte, seine Mannschaft habe in der zweiten Halbzeit den Mut verloren.
"""

WINDRAEDER = """date 2023-04-20
Streit um Windräder

Im Landtag in München hat die CSU einen Antrag der Grünen zum Ausbau der Windkraft abgelehnt. Müller verteidigte die Haltung der Staatsregierung: Bayern brauche zuerst neue Stromleitungen.
"""

STUERMER = """date 2023-04-22
Burghausen holt Stürmer

Der SV Wacker Burghausen hat vor dem Spiel gegen die SpVgg Unterhaching einen neuen Stürmer verpflichtet. Müller lobte den Neuzugang als schnell und torgefährlich.
"""

STURM = """date 2024-11-02
Sturm über der Nordsee

Auf den Inseln fielen am Samstag mehrere Fähren aus. Müller, der seit zwanzig Jahren auf Föhr lebt, hat so einen Sturm nach eigenen Worten noch nicht erlebt.
"""

CHIPGESETZ = """date 2023-02-10
Neue Regeln für Chips

Die Europäische Union (EU) will die Herstellung von Halbleitern stärker fördern. Die EU-Kommission legte dafür in Brüssel ein Gesetz vor. Nach dem Willen der EU sollen bis 2030 doppelt so viele Chips in Europa gefertigt werden.
"""

VERBRENNER = """date 2023-03-01
Streit um Verbrenner

Die EU hat die Abstimmung über das Aus für Verbrennungsmotoren verschoben. Deutschland hatte in Brüssel Bedenken angemeldet.
"""

SELENSKYJ = {"kiew": KIEW_VIDEOBOTSCHAFT, "belarus": GESPRAECHE_BELARUS, "unterhaus": REDE_UNTERHAUS}
MUELLER = {"gasspeicher": GASSPEICHER, "derby": DERBY, "windraeder": WINDRAEDER, "stuermer": STUERMER,
           "sturm": STURM}
EU = {"chips": CHIPGESETZ, "verbrenner": VERBRENNER}


def write(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def ingest(chronik, db: str, folder: Path, pipeline=PIPELINE) -> str:
    code, out, err = chronik("ingest", str(folder), "--db", db, *pipeline)
    assert code == 0, err
    return out


def people(chronik, db: str) -> dict[str, dict]:
    code, out, err = chronik("entities", "--db", db, "--type", "PER", "--json")
    assert code == 0, err
    return {e["name"]: e for e in json.loads(out)}


def profile(chronik, db: str, name: str) -> dict:
    code, out, err = chronik("entity", name, "--db", db, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def muellers(chronik, db, tmp_path: Path) -> str:
    ingest(chronik, db, write(tmp_path / "bayern", MUELLER))
    return db


def test_selenskyj_spellings_are_one_person(chronik, db, tmp_path):
    ingest(chronik, db, write(tmp_path / "ukraine", SELENSKYJ))
    found = people(chronik, db)
    selenskyj = found["Wolodymyr Selenskyj"]
    assert {"Selenskyj", "Wolodymyr Selensky", "Selensky", "Zelensky"} <= set(selenskyj["aliases"])
    assert selenskyj["articles"] == 3
    assert not {"Zelensky", "Wolodymyr Selensky", "Selensky"} & set(found)
    # Any spelling finds the person; the roles of every spelling are his.
    shown = profile(chronik, db, "Zelensky")
    assert shown["id"] == selenskyj["id"]
    assert [r["date"] for r in shown["roles"]] == ["2022-03-01", "2022-03-03"]
    assert "Wladimir Putin" in {c["name"] for c in shown["co_occurring"]}


def test_two_muellers_stay_apart(chronik, muellers):
    found = people(chronik, muellers)
    minister, coach = found["Sabine Müller"], found["Uwe Müller"]
    assert minister["id"] != coach["id"]
    # "Müller" in the Landtag article is the minister, in the football article the coach.
    assert (minister["articles"], coach["articles"]) == (2, 2)
    minister_titles = {a["title"] for a in profile(chronik, muellers, "Sabine Müller")["articles"]}
    coach_titles = {a["title"] for a in profile(chronik, muellers, "Uwe Müller")["articles"]}
    assert "Streit um Windräder" in minister_titles and "Streit um Windräder" not in coach_titles
    assert "Burghausen holt Stürmer" in coach_titles and "Burghausen holt Stürmer" not in minister_titles
    # A Müller on Föhr a year later, with nothing in common with either, stays somebody else.
    assert found["Müller"]["aliases"] == {"Müller": 1}
    code, _, err = chronik("entity", "Müller", "--db", muellers, "--corrections")
    assert code == 0, err


def test_a_surname_two_people_share_is_ambiguous(chronik, db, tmp_path):
    ingest(chronik, db, write(tmp_path / "bayern", {k: MUELLER[k] for k in ("gasspeicher", "derby")}))
    code, _, err = chronik("entity", "Müller", "--db", db)
    assert code == 2 and "E312" in err and "Sabine Müller" in err and "Uwe Müller" in err


def test_acronym_joins_the_long_form_the_text_gave(chronik, db, tmp_path):
    ingest(chronik, db, write(tmp_path / "eu", EU))
    code, out, err = chronik("entities", "--db", db, "--type", "ORG", "--json")
    assert code == 0, err
    unions = [e for e in json.loads(out) if {"EU", "Europäische Union"} & set(e["aliases"])]
    # One entity, named by its most frequent spelling, also in the article that never spells it out.
    assert len(unions) == 1
    assert unions[0]["aliases"] == {"EU": 3, "Europäische Union": 1} and unions[0]["articles"] == 2


def test_merge_and_split_survive_reanalysis(chronik, muellers, tmp_path):
    before = people(chronik, muellers)
    # The Föhr "Müller" is, say the editors, the minister on holiday: merge.
    code, out, err = chronik("entity", before["Müller"]["id"], "--db", muellers,
                             "--merge-into", "Sabine Müller", "--by", "redaktion")
    assert code == 0, err
    assert "merge" in out
    # "Müller" in the coach's articles is wrong, say the editors: split it off.
    code, _, err = chronik("entity", "Uwe Müller", "--db", muellers, "--split", "Müller", "--by", "sport")
    assert code == 0, err

    def check() -> None:
        now = people(chronik, muellers)
        assert now["Sabine Müller"]["id"] == before["Sabine Müller"]["id"]
        assert now["Sabine Müller"]["articles"] == 3  # Landtag, Windräder and (merged) Föhr
        assert now["Uwe Müller"]["aliases"] == {"Uwe Müller": 1}
        assert now["Uwe Müller"]["id"] == before["Uwe Müller"]["id"]
        split_off = [e for e in now.values() if e["name"] == "Müller"]
        assert len(split_off) == 1 and split_off[0]["aliases"] == {"Müller": 2}

    check()
    out = ingest(chronik, muellers, tmp_path / "bayern", CHANGED_PIPELINE)
    assert "updated 5" in out
    check()
    code, out, err = chronik("entities", "--db", muellers, "--rebuild")
    assert code == 0, err
    check()
    code, out, err = chronik("entities", "--db", muellers, "--corrections", "--json")
    assert code == 0, err
    made = json.loads(out)
    assert [(c["kind"], c["by"]) for c in made] == [("merge", "redaktion"), ("split", "sport")]
    assert made[1]["alias"] == "Müller"
    code, out, _ = chronik("entity", "Sabine Müller", "--db", muellers, "--corrections")
    assert code == 0 and "redaktion" in out and "sport" not in out


def test_rename_keeps_the_id(chronik, muellers):
    before = people(chronik, muellers)["Uwe Müller"]
    code, _, err = chronik("entity", "Uwe Müller", "--db", muellers, "--rename", "Uwe Müller (Trainer)",
                           "--by", "sport")
    assert code == 0, err
    assert people(chronik, muellers)["Uwe Müller (Trainer)"]["id"] == before["id"]


def test_bad_corrections_are_user_errors(chronik, muellers):
    assert "E321" in chronik("entity", "Uwe Müller", "--db", muellers, "--merge-into", "Sabine Müller")[2]
    assert "E325" in chronik("entity", "Uwe Müller", "--db", muellers, "--merge-into", "Sabine Müller",
                             "--rename", "Uwe", "--by", "x")[2]
    assert "E325" in chronik("entity", "Uwe Müller", "--db", muellers, "--by", "x")[2]
    assert "E321" in chronik("entity", "Uwe Müller", "--db", muellers, "--split", "Müller", "--by", " ")[2]
    code, _, err = chronik("entity", "Uwe Müller", "--db", muellers, "--merge-into", "Uwe Müller", "--by", "x")
    assert code == 2 and "E323" in err
    code, _, err = chronik("entity", "Uwe Müller", "--db", muellers, "--merge-into", "CSU", "--by", "x")
    assert code == 2 and "E323" in err
    code, _, err = chronik("entity", "Uwe Müller", "--db", muellers, "--split", "Meier", "--by", "x")
    assert code == 2 and "E324" in err
    # Nothing was recorded by the refused requests.
    assert chronik("entities", "--db", muellers, "--corrections", "--json")[1].strip() == "[]"


def test_an_archive_from_before_entity_tables_asks_for_a_rebuild(chronik, muellers):
    from chronik.archive import open_archive

    with open_archive(muellers) as archive, archive.writing():
        archive.db.execute("DELETE FROM entity_state")
    code, _, err = chronik("entities", "--db", muellers)
    assert code == 2 and "E322" in err and "--rebuild" in err
    assert chronik("entities", "--db", muellers, "--rebuild")[0] == 0
    assert "Sabine Müller" in people(chronik, muellers)
