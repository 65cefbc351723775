"""Timexes in the archive: sentences found by the days they talk about."""

from __future__ import annotations

import sqlite3

from chronik.analysis import Analysis, Sentence
from chronik.archive import open_archive
from chronik.archive.ingest import ingest
from chronik.document import Document
from chronik.extract.time import TimeTagger, split_sentences


class _WithTime:
    """Sentences from the tagger's own splitter, then the time layer (no text layer needed)."""

    version = "time-test-1"

    def __call__(self, document: Document) -> Analysis:
        analysis = Analysis(document, self.version)
        bounds = split_sentences(document.text)
        analysis.layers["sentences"] = [Sentence(s, e, i) for i, (s, e) in enumerate(bounds)]
        analysis.layers["tokens"] = []
        TimeTagger("de")(analysis)
        return analysis


ARTICLES = [
    Document.from_text(
        "Der Stadtrat hat am Dienstag, 7. Dezember 2021, den Haushalt beschlossen. "
        "Am Tag darauf trat der Kämmerer zurück.",
        "2021-12-09",
    ),
    Document.from_text("Die Feuerwehr rückte gestern zu einem Brand in der Altstadt aus.", "2021-12-20"),
    Document.from_text("Die Gespräche am Dienstagabend brachten keinen Durchbruch.", "2021-12"),
]


def test_sentences_between_two_days(tmp_path) -> None:
    path = tmp_path / "news.db"
    with open_archive(path, create=True) as archive:
        ingest(archive, ((f"a{i}", doc) for i, doc in enumerate(ARTICLES)), _WithTime())
    db = sqlite3.connect(path)
    surely = db.execute(
        "SELECT text, value FROM timexes WHERE earliest >= ? AND latest <= ? ORDER BY earliest",
        ("2021-12-06", "2021-12-10"),
    ).fetchall()
    assert surely == [("Dienstag, 7. Dezember 2021", "2021-12-07"), ("Tag darauf", "2021-12-08")]
    maybe = {
        row[0]
        for row in db.execute(
            "SELECT text FROM timexes WHERE earliest <= ? AND latest >= ?", ("2021-12-10", "2021-12-06")
        )
    }
    assert "Dienstagabend" in maybe  # some Tuesday of December 2021: possibly in range
    assert "gestern" not in maybe  # 19 December
    db.close()
