"""Roles over time across the archive: who held which role, when, per which article.

Reads the ``roles`` layer table (chronik/archive/tables.py).  Each fact
keeps its article date with precision and the sentence it came from, so
"who was Nationaler Sicherheitsberater in 2021-12?" is answered with
sources, never with a date more precise than the article gave.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..archive import DateRange


@dataclass(frozen=True)
class RoleFact:
    person: str
    role: str  # role lemma
    of: str | None
    status: str  # current | former | future (at the article date)
    date: str | None
    date_precision: str | None
    doc_id: str
    title: str
    sentence: str  # the sentence the fact came from

    def to_dict(self) -> dict:
        return asdict(self)


def role_facts(archive, *, person: str | None = None, role: str | None = None,
               dates: DateRange = DateRange(), limit: int = 100) -> list[RoleFact]:
    """Role facts matching a person (full name or surname) and/or a role lemma, oldest first."""
    where, params = [], []
    if person:
        # "Sullivan" finds "Jake Sullivan"; the exact full name finds only that person.
        where.append("(r.person = ? OR r.person LIKE ?)")
        params += [person, f"% {person}"]
    if role:
        # A title asked for in one gender finds both: "Premierminister" and "Premierministerin".
        # (Compared in Python's case rules: SQLite's lower() leaves "Ö" alone.)
        base = role[:1].upper() + role[1:]
        forms = {base, base + "in"} | ({base[:-2]} if base.endswith("in") else set())
        where.append(f"r.role_lemma IN ({', '.join('?' * len(forms))})")
        params += sorted(forms)
    overlap, overlap_params = dates.overlap_conditions()
    where += overlap
    params += overlap_params
    sql = (
        "SELECT r.person, r.role_lemma, r.of, r.status, r.date, r.date_precision, d.id, d.title,"
        " s.text"
        " FROM roles r JOIN documents d ON d.key = r.doc_key"
        " LEFT JOIN sentences s ON s.doc_key = r.doc_key AND s.idx = r.sentence"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY d.date_earliest, d.id, r.start LIMIT ?"
    )
    rows = archive.db.execute(sql, (*params, limit)).fetchall()
    return [RoleFact(*row[:8], sentence=row[8] or "") for row in rows]
