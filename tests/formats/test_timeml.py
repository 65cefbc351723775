"""TimeML annotate: our TIMEX3 inline, the text between tags unchanged."""

from __future__ import annotations

import re
from pathlib import Path

from chronik.formats.timeml import annotate_dir, read_timeml

GOLD = """<?xml version="1.0" ?>
<TimeML>
<DOCID>probe</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-05-10" temporalFunction="false" functionInDocument="CREATION_TIME">2023-05-10</TIMEX3></DCT>
<TEXT>
MERAN. Der Gemeinderat hat <TIMEX3 tid="t1" type="DATE" value="2023-05-09">gestern</TIMEX3> den Haushalt &amp; den Stellenplan beschlossen. Die n&auml;chste Sitzung ist am <TIMEX3 tid="t2" type="DATE" value="2023-06-14">14. Juni</TIMEX3> um <TIMEX3 tid="t3" type="TIME" value="2023-06-14T18:00">18 Uhr</TIMEX3>.
</TEXT>
</TimeML>
"""


def _between_tags(raw: str) -> str:
    text = raw.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    return re.sub(r"</?TIMEX3[^>]*>", "", text)


def test_round_trip_keeps_the_text_and_adds_our_timexes(tmp_path: Path) -> None:
    in_dir, out_dir = tmp_path / "in", tmp_path / "out"
    in_dir.mkdir()
    (in_dir / "probe.tml").write_text(GOLD, "utf-8")
    report = annotate_dir(in_dir, out_dir)
    assert report.written == 1 and not report.failed
    written = (out_dir / "probe.tml").read_text("utf-8")
    assert _between_tags(written) == _between_tags(GOLD)
    assert written.split("<TEXT>")[0] == GOLD.split("<TEXT>")[0]  # DCT untouched
    document = read_timeml(out_dir / "probe.tml")
    found = {(t.text, t.type, t.value) for t in document.timexes}
    assert ("gestern", "DATE", "2023-05-09") in found
    assert ("14. Juni", "DATE", "2023-06-14") in found
    assert ("18 Uhr", "TIME", "2023-06-14T18:00") in found
    assert "tid=\"t0\"" not in written.split("<TEXT>")[1]  # no clash with the DCT's id
    assert "written 1" in str(report) or "wrote 1" in str(report)


def test_gold_timexes_are_dropped_before_tagging(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    planted = GOLD.replace('value="2023-05-09">gestern', 'value="1999-01-01">gestern')
    (in_dir / "probe.tml").write_text(planted, "utf-8")
    annotate_dir(in_dir, tmp_path / "out")
    assert "1999-01-01" not in (tmp_path / "out" / "probe.tml").read_text("utf-8")


def test_entities_are_decoded_for_tagging_but_kept_in_the_file(tmp_path: Path) -> None:
    document = read_timeml(_write(tmp_path, GOLD))
    assert "Haushalt & den" in document.plain
    assert "nächste" in document.plain


def test_bad_files_are_reported_not_raised(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    (in_dir / "broken.tml").write_text("<TimeML>no text element</TimeML>", "utf-8")
    report = annotate_dir(in_dir, tmp_path / "out")
    assert report.failed and report.failed[0][0] == "broken.tml"
    assert "TEXT" in str(report)


def test_file_without_dct_is_tagged_without_resolving_relative_dates(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    (in_dir / "nodct.tml").write_text("<TimeML><TEXT>Gestern und am 5. Mai 2022.</TEXT></TimeML>", "utf-8")
    report = annotate_dir(in_dir, tmp_path / "out")
    assert report.written == 1 and report.unresolved == 1


def test_krauts_dolomiten_round_trip(shared_data: Path, tmp_path: Path) -> None:
    source = shared_data / "temporal" / "krauts" / "KRAUTS_Dolomiten-42_raw-text"
    annotate_dir(source, tmp_path)
    for path in sorted(source.iterdir())[:10]:
        assert _between_tags((tmp_path / path.name).read_text("utf-8")) == _between_tags(path.read_text("utf-8"))


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "doc.tml"
    path.write_text(text, "utf-8")
    return path


TIMEX2 = """<DOC>
<DOCID>probe</DOCID>
<DATETIME> 2011-02-16T17:00:00 </DATETIME>
<TEXT>
Der Krieg begann im <TIMEX2 val="1914-08">August <TIMEX2 val="1914">1914</TIMEX2></TIMEX2>. Am <TIMEX2 val="1914-09-06">6. September</TIMEX2> kam die Wende.
</TEXT>
</DOC>
"""


def test_timex2_reader_and_history_mode(tmp_path: Path) -> None:
    from chronik.extract.time import TimeTagger
    from chronik.formats.timex2 import read_timex2

    path = tmp_path / "probe.key.xml"
    path.write_text(TIMEX2, "utf-8")
    document = read_timex2(path)
    assert str(document.dct) == "2011-02-16"
    assert [(t.text, t.value) for t in document.timexes] == [
        ("August 1914", "1914-08"),
        ("1914", "1914"),
        ("6. September", "1914-09-06"),
    ]
    history = TimeTagger("de", narrative_months=True).tag(document.plain, document.dct)
    assert [(t.text, t.value) for t in history] == [("August 1914", "1914-08"), ("6. September", "1914-09-06")]


def test_other_elements_stay_and_are_never_cut(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    raw = (
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2023-05-10">2023-05-10</TIMEX3></DCT>'
        "<TEXT>Der Rat <EVENT eid=\"e1\">tagte</EVENT> gestern und am 3. <EVENT eid=\"e2\">Mai</EVENT> 2022.</TEXT></TimeML>"
    )
    (in_dir / "events.tml").write_text(raw, "utf-8")
    annotate_dir(in_dir, tmp_path / "out")
    written = (tmp_path / "out" / "events.tml").read_text("utf-8")
    assert '<EVENT eid="e1">tagte</EVENT>' in written
    assert '<TIMEX3 tid="t1" type="DATE" value="2023-05-09">gestern</TIMEX3>' in written
    assert "<TIMEX3" not in written.split("am 3.")[1].split("</TEXT>")[0].replace("</EVENT>", "")
