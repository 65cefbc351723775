"""Quotes across the archive: who said what, when, in which article.

Reads the ``quotes`` layer table (chronik/archive/tables.py).  A speaker is
found by the full name the quotes component resolved within its article
("Bernd Kowalczyk" for "Kowalczyk", "er" or "der GVL-Chef"), by the surname
alone, or by the source as written; ``about`` words are matched against
the message's German stems, the same stems the search index uses.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..archive import DateRange
from ..archive.terms import parse_query
from ..errors import ChronikError

# --form value (lower case) -> the SpkAtt form stored in the table.
FORMS = {f.lower(): f for f in ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")}


@dataclass(frozen=True)
class QuoteHit:
    speaker: str  # the resolved full name, else the speaker as written
    source_text: str
    cue: str
    form: str
    stwr: str
    message: str
    start: int
    end: int
    sentence: int | None
    date: str | None
    doc_id: str
    title: str

    def to_dict(self) -> dict:
        return asdict(self)


def check_form(form: str | None) -> str | None:
    if form is None:
        return None
    stored = FORMS.get(form.lower())
    if stored is None:
        raise ChronikError("E112", path="--form", reason=f"unknown form {form!r}; use one of {', '.join(FORMS)}.")
    return stored


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _speaker_filter(speaker: str) -> tuple[str, list[str]]:
    """Full name, surname or the source as written, case-insensitively."""
    key = " ".join(speaker.split()).casefold()
    clauses = ["q.speaker_key = ?", "q.speaker_key LIKE ? ESCAPE '\\'", "q.source_text = ? COLLATE NOCASE"]
    params = [key, "% " + _like_escape(key), speaker.strip()]
    return "(" + " OR ".join(clauses) + ")", params


def find_quotes(archive, *, speaker: str | None = None, about: str | None = None, form: str | None = None,
                dates: DateRange = DateRange(), limit: int = 100, nested: bool = False) -> list[QuoteHit]:
    """Quotes matching all given filters, oldest article first."""
    where, params = [], []
    if not nested:
        where.append("q.is_nested = 0")
    if speaker and speaker.strip():
        clause, values = _speaker_filter(speaker)
        where.append(clause)
        params += values
    if about:
        for group in parse_query(about).groups:
            where.append("instr(q.stems, ?) > 0")
            params.append(" " + " ".join(group) + " ")
    stored_form = check_form(form)
    if stored_form:
        where.append("q.form = ?")
        params.append(stored_form)
    overlap, overlap_params = dates.overlap_conditions()
    where += overlap
    params += overlap_params
    sql = (
        "SELECT coalesce(nullif(q.speaker_name, ''), q.speaker), q.source_text, q.cue, q.form, q.stwr,"
        " q.message, q.start, q.end, q.sentence, d.date, d.id, d.title"
        " FROM quotes q JOIN documents d ON d.key = q.doc_key"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY d.date_earliest, d.id, q.start LIMIT ?"
    )
    rows = archive.db.execute(sql, (*params, limit)).fetchall()
    return [QuoteHit(*row[:10], doc_id=row[10], title=row[11] or "") for row in rows]
