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


# One row per canonical entity (chronik/archive/resolver.py): counts over
# all articles, or over the articles of the date range, and the dates of the
# first and last article naming it (the one that surely ended first, the one
# that surely began last, as `chronik stats` picks them).
_LIVE = "e.merged_into IS NULL"
_IN_RANGE = "em.entity = e.id AND d.date IS NOT NULL{range}"
_FIRST_LAST = (
    "(SELECT d.date FROM entity_mentions em JOIN documents d ON d.key = em.doc_key WHERE " + _IN_RANGE
    + " ORDER BY d.date_latest, d.date_earliest LIMIT 1),"
    " (SELECT d.date FROM entity_mentions em JOIN documents d ON d.key = em.doc_key WHERE " + _IN_RANGE
    + " ORDER BY d.date_earliest DESC, d.date_latest DESC LIMIT 1)"
)
_ALIAS_CHUNK = 500  # entities per alias query


def entity_records(archive: Archive, dates: DateRange, chunk: int) -> Iterator[tuple[Any, ...]]:
    """One row per entity, most mentioned first, as `chronik entities` lists them.

    The one place the entities export reads them.  Everything is counted
    and ordered by the database and streamed; aliases are fetched for
    ``_ALIAS_CHUNK`` entities at a time.
    """
    from ..chronicle.entities import require_built

    require_built(archive)  # E322: an archive from before the entity tables needs --rebuild once
    where, params = dates.overlap_conditions()
    extra = "".join(" AND " + w for w in where)
    first_last = _FIRST_LAST.format(range=extra)
    if not where:
        sql = (f"SELECT e.id, e.name, e.type, e.mentions, e.articles, {first_last} FROM entities e"
               f" WHERE {_LIVE} AND e.mentions > 0 ORDER BY e.mentions DESC, e.articles DESC, e.name, e.id")
        rows = archive.stream(sql, [*params, *params], chunk=chunk)
    else:
        sql = (f"SELECT e.id, e.name, e.type, c.mentions, c.articles, {first_last} FROM"
               " (SELECT em.entity, SUM(em.count) AS mentions, COUNT(DISTINCT em.doc_key) AS articles"
               "  FROM entity_mentions em JOIN documents d ON d.key = em.doc_key"
               f"  WHERE {' AND '.join(where)} GROUP BY em.entity) c"
               f" JOIN entities e ON e.id = c.entity WHERE {_LIVE}"
               " ORDER BY c.mentions DESC, c.articles DESC, e.name, e.id")
        rows = archive.stream(sql, [*params, *params, *params], chunk=chunk)
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _ALIAS_CHUNK:
            yield from _with_aliases(archive, batch, where, params)
            batch = []
    yield from _with_aliases(archive, batch, where, params)


def _with_aliases(archive: Archive, batch: list[tuple[Any, ...]], where: list[str], params: list[str]
                  ) -> Iterator[tuple[Any, ...]]:
    if not batch:
        return
    ids = [row[0] for row in batch]
    marks = ", ".join("?" * len(ids))
    if where:  # the spellings used in the range
        sql = (f"SELECT em.entity, em.text, SUM(em.count) FROM entity_mentions em JOIN documents d ON d.key = em.doc_key"
               f" WHERE em.entity IN ({marks}) AND {' AND '.join(where)} GROUP BY em.entity, em.text")
        found = archive.db.execute(sql, [*ids, *params]).fetchall()
    else:
        found = archive.db.execute(
            f"SELECT entity, alias, count FROM entity_aliases WHERE entity IN ({marks})", ids).fetchall()
    aliases: dict[str, list[tuple[int, str]]] = {i: [] for i in ids}
    for entity, alias, count in found:
        aliases[entity].append((-int(count), alias))
    for entity_id, name, kind, mentions, articles, first, last in batch:
        spellings = [alias for _, alias in sorted(aliases[entity_id])]  # most frequent first
        yield (entity_id, name, kind, int(mentions), int(articles), spellings, first, last)


ENTITIES = Export(
    "entities",
    (Column("id"), Column("name"), Column("type"), Column("mentions", INT), Column("articles", INT),
     Column("aliases", LIST), Column("first_date"), Column("last_date")),
    entity_records,
)

EXPORTS: dict[str, Export] = {e.what: e for e in (ARTICLES, ENTITIES, QUOTES, EVENTS, TIMEXES)}


def export_rows(archive: Archive, what: str, dates: DateRange = DateRange(), *, chunk: int = 1000
                ) -> Iterator[tuple[Any, ...]]:
    """The rows of one export, streamed (``chunk`` rows fetched at a time)."""
    return EXPORTS[what].rows(archive, dates, chunk)
