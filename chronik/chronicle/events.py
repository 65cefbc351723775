"""Events across the archive: a timeline ordered by the event's date.

Reads the ``events`` layer table (chronik/archive/tables.py).  Each entry
keeps the interval of days the event may fall in, with its precision and
where that came from (a time expression, or only the article date), and
the sentence it was told in.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..archive import DateRange


@dataclass(frozen=True)
class TimelineEvent:
    type: str
    mode: str
    status: str
    actor: str | None
    target: str | None
    place: str | None
    value: str | None  # the date as the source gives it ("2021-12", "2021-WXX-2")
    earliest: str | None
    latest: str | None
    precision: str | None
    date_source: str | None  # timex, antecedent, article
    trigger: str
    doc_id: str
    article_date: str | None
    sentence: str  # the evidence sentence

    def to_dict(self) -> dict:
        return asdict(self)


def timeline(archive, *, entity: str | None = None, actor: str | None = None, target: str | None = None,
             types: list[str] | None = None, status: str | None = None,
             dates: DateRange = DateRange(), limit: int = 200) -> list[TimelineEvent]:
    """Events matching the filters, ordered by the first day they may have happened."""
    where, params = [], []
    for column, name in (("actor", actor), ("target", target)):
        if name:
            where.append(f"(e.{column} = ? OR e.{column} LIKE ?)")  # a surname finds the full name
            params += [name, f"% {name}"]
    if entity:
        where.append("(e.actor = ? OR e.actor LIKE ? OR e.target = ? OR e.target LIKE ?)")
        params += [entity, f"% {entity}", entity, f"% {entity}"]
    if types:
        where.append(f"e.type IN ({', '.join('?' * len(types))})")
        params += [t.upper() for t in types]
    if status:
        where.append("e.status = ?")
        params.append(status)
    # an event may fall in the range when its interval overlaps it
    if dates.earliest:
        where.append("e.latest >= ?")
        params.append(dates.earliest.isoformat())
    if dates.latest:
        where.append("e.earliest <= ?")
        params.append(dates.latest.isoformat())
    sql = (
        "SELECT e.type, e.mode, e.status, e.actor, e.target, e.place, e.value, e.earliest, e.latest,"
        " e.precision, e.date_source, e.trigger, d.id, d.date, s.text"
        " FROM events e JOIN documents d ON d.key = e.doc_key"
        " LEFT JOIN sentences s ON s.doc_key = e.doc_key AND s.idx = e.sentence"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY e.earliest, e.latest, d.id, e.start LIMIT ?"
    )
    rows = archive.db.execute(sql, (*params, limit)).fetchall()
    return [TimelineEvent(*row[:14], sentence=row[14] or "") for row in rows]
