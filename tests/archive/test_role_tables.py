"""The mentions and roles tables: "who was Nationaler Sicherheitsberater in 2021-12?"."""

from __future__ import annotations

from chronik.archive import open_archive
from chronik.archive.ingest import ingest
from chronik.document import Document
from chronik.pipeline import Pipeline


def test_roles_are_queryable_by_role_and_month(tmp_path):
    articles = [
        Document.from_text(
            "Der britische Premierminister Rishi Sunak traf in London den Gast aus Rom. "
            "Sunak sprach von einem guten Gespräch.",
            "2023-06-14",
        ),
        Document.from_text("Die frühere Premierministerin Theresa May meldete sich zu Wort.", "2023-07"),
    ]
    pipeline = Pipeline(["text", "entities", "roles"])
    with open_archive(tmp_path / "roles.db", create=True) as archive:
        ingest(archive, [(f"/n/{i}.txt", a) for i, a in enumerate(articles)], pipeline)
        rows = archive.db.execute(
            "SELECT person, of, status FROM roles WHERE role_lemma = ? AND date LIKE '2023-06%'",
            ("Premierminister",),
        ).fetchall()
        assert rows == [("Rishi Sunak", "Großbritannien", "current")]
        former = archive.db.execute("SELECT person, status, date_precision FROM roles WHERE status = 'former'").fetchall()
        assert former == [("Theresa May", "former", "month")]
        people = {r[0] for r in archive.db.execute("SELECT text FROM mentions WHERE type = 'PER'")}
        assert {"Rishi Sunak", "Sunak", "Theresa May"} <= people
