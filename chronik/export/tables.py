"""What `chronik export --what ...` writes: columns and rows per export.

Every export is a list of :class:`Column` (name and type; meanings and
examples are in docs/export.md, which a test keeps in step) and a function
``rows(archive, dates, chunk)`` yielding one tuple per row in column order.
Articles, quotes, events and time expressions are one SQL query each over
the archive's tables, streamed through :meth:`Archive.stream` — the same
query on SQLite and PostgreSQL, so neither backend has an export of its own.
Rows come in ingest order (the article's internal key), then by position
in the text: the order the tables are stored in, so no sort over millions
of rows runs before the first row is written.

``--from``/``--to`` keep the rows of articles whose date may fall in the
range (:meth:`DateRange.overlap_conditions`, as in every other command).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator

from ..archive import Archive, DateRange

# Column types.  JSONL and CSV write DAY as "YYYY-MM-DD" text, Parquet as a
# date32; LIST is a JSON array, a Parquet list<string>, and in CSV the
# items joined with "|" (see writers.py).
TEXT, INT, BOOL, DAY, LIST = "text", "int", "bool", "day", "list"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str = TEXT


@dataclass(frozen=True)
class Export:
    what: str
    columns: tuple[Column, ...]
    rows: Callable[[Archive, DateRange, int], Iterator[tuple[Any, ...]]]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _where(dates: DateRange, *more: str) -> tuple[str, list[str]]:
    where, params = dates.overlap_conditions()
    where = [*more, *where]
    return (" WHERE " + " AND ".join(where) if where else ""), params


def _query(select: str, order: str) -> Callable[[Archive, DateRange, int], Iterator[tuple[Any, ...]]]:
    """Rows of ``select`` (which names the documents table ``d``) for a date range."""

    def rows(archive: Archive, dates: DateRange, chunk: int) -> Iterator[tuple[Any, ...]]:
        where, params = _where(dates)
        return archive.stream(f"{select}{where} ORDER BY {order}", params, chunk=chunk)

    return rows


ARTICLES = Export(
    "articles",
    (Column("id"), Column("date"), Column("precision"), Column("earliest", DAY), Column("latest", DAY),
     Column("title"), Column("source"), Column("url"), Column("source_path"), Column("sentences", INT),
     Column("tokens", INT), Column("pipeline_version"), Column("ingested_at"), Column("metadata"),
     Column("text")),
    _query(
        "SELECT d.id, d.date, d.date_precision, d.date_earliest, d.date_latest, d.title, d.source, d.url,"
        " d.source_path, (SELECT COUNT(*) FROM sentences s WHERE s.doc_key = d.key), d.token_count,"
        " d.pipeline_version, d.ingested_at, d.metadata, d.text FROM documents d",
        "d.key",
    ),
)

QUOTES = Export(
    "quotes",
    (Column("article_id"), Column("article_date"), Column("sentence", INT), Column("start", INT),
     Column("end", INT), Column("speaker"), Column("speaker_entity"), Column("speaker_text"), Column("cue"),
     Column("form"), Column("stwr"), Column("message"), Column("nested", BOOL)),
    _query(
        # speaker: the resolved full name, else the source as the quotes
        # component named it (as `chronik quotes` shows it).
        "SELECT d.id, d.date, q.sentence, q.start, q.end, coalesce(nullif(q.speaker_name, ''), q.speaker),"
        " nullif(q.speaker_name, ''), q.source_text, nullif(q.cue, ''), q.form, q.stwr, q.message, q.is_nested"
        " FROM quotes q JOIN documents d ON d.key = q.doc_key",
        "q.doc_key, q.start, q.end",
    ),
)

EVENTS = Export(
    "events",
    (Column("article_id"), Column("article_date"), Column("sentence", INT), Column("start", INT),
     Column("end", INT), Column("type"), Column("mode"), Column("status"), Column("trigger"), Column("actor"),
     Column("actor_text"), Column("target"), Column("target_text"), Column("place"), Column("value"),
     Column("earliest", DAY), Column("latest", DAY), Column("precision"), Column("date_source"),
     Column("quote", INT), Column("evidence")),
    _query(
        "SELECT d.id, d.date, e.sentence, e.start, e.end, e.type, nullif(e.mode, ''), e.status, e.trigger,"
        " e.actor, e.actor_text, e.target, e.target_text, e.place, e.value, e.earliest, e.latest, e.precision,"
        " e.date_source, e.quote, s.text"
        " FROM events e JOIN documents d ON d.key = e.doc_key"
        " LEFT JOIN sentences s ON s.doc_key = e.doc_key AND s.idx = e.sentence",
        "e.doc_key, e.start, e.end",
    ),
)

TIMEXES = Export(
    "timexes",
    (Column("article_id"), Column("article_date"), Column("sentence", INT), Column("start", INT),
     Column("end", INT), Column("text"), Column("type"), Column("value"), Column("earliest", DAY),
     Column("latest", DAY), Column("anchor"), Column("evidence"), Column("sentence_text")),
    _query(
        "SELECT d.id, d.date, t.sentence, t.start, t.end, t.text, t.type, t.value, t.earliest, t.latest,"
        " t.anchor, nullif(t.evidence, ''), s.text"
        " FROM timexes t JOIN documents d ON d.key = t.doc_key"
        " LEFT JOIN sentences s ON s.doc_key = t.doc_key AND s.idx = t.sentence",
        "t.doc_key, t.start, t.end",
    ),
)


def entity_records(archive: Archive, dates: DateRange, chunk: int) -> Iterator[tuple[Any, ...]]:
    """One row per entity, most mentioned first: the entities of `chronik entities`.

    The one place the entities export reads them, so it can move to a
    stored entity table when there is one.  Grouping needs every mention
    group at once (chronik/chronicle/entities.py holds them in memory): this
    export's memory grows with the distinct (article, spelling) pairs, not
    with the rows written.
    """
    from ..chronicle.entities import collect_entities, mention_groups

    entities, per_doc = collect_entities(mention_groups(archive, dates))
    where, params = _where(dates, "d.date IS NOT NULL")
    days: dict[int, tuple[str, str, str]] = {}
    for key, date, earliest, latest in archive.stream(
        f"SELECT d.key, d.date, d.date_earliest, d.date_latest FROM documents d{where}", params, chunk=chunk
    ):
        days[key] = (date, earliest, latest)
    ranked = sorted(entities.values(), key=lambda e: (-e.mentions, -e.articles, e.name))
    for entity in ranked:
        dated = [days[key] for key in per_doc[entity.name] if key in days]
        # As `chronik stats`: first is the article that surely ended first,
        # last the one that surely began last.
        first = min(dated, key=lambda d: (d[2], d[1]))[0] if dated else None
        last = max(dated, key=lambda d: (d[1], d[2]))[0] if dated else None
        yield (entity.name, entity.type, entity.mentions, entity.articles, list(entity.aliases), first, last)


ENTITIES = Export(
    "entities",
    (Column("name"), Column("type"), Column("mentions", INT), Column("articles", INT), Column("aliases", LIST),
     Column("first_date"), Column("last_date")),
    entity_records,
)

EXPORTS: dict[str, Export] = {e.what: e for e in (ARTICLES, ENTITIES, QUOTES, EVENTS, TIMEXES)}


def export_rows(archive: Archive, what: str, dates: DateRange = DateRange(), *, chunk: int = 1000
                ) -> Iterator[tuple[Any, ...]]:
    """The rows of one export, streamed (``chunk`` rows fetched at a time)."""
    return EXPORTS[what].rows(archive, dates, chunk)
