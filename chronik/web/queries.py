"""Read-only queries the Archive interface does not offer (yet).

They use the SQLite archive's connection and only SELECT; when the archive
grows methods for these, the web switches to them.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..archive import Archive, DateRange


def _date_filter(dates: DateRange) -> tuple[str, list[Any]]:
    overlap, params = dates.overlap_conditions(prefix="")
    where = (["date IS NOT NULL"] if dates.start or dates.end else []) + overlap
    return (" WHERE " + " AND ".join(where)) if where else "", params


def list_articles(archive: Archive, dates: DateRange, offset: int, limit: int) -> tuple[int, list[dict[str, Any]]]:
    """Articles, newest first, with the date filter's overlap rule."""
    db = archive.db  # type: ignore[attr-defined]
    where, params = _date_filter(dates)
    total = db.execute(f"SELECT COUNT(*) FROM documents{where}", params).fetchone()[0]
    rows = db.execute(
        f"""SELECT id, date, date_precision, title, source, url, token_count FROM documents{where}
            ORDER BY date_earliest IS NULL, date_earliest DESC, key DESC LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    ).fetchall()
    articles = [
        {"id": r[0], "date": r[1], "date_precision": r[2], "title": r[3], "source": r[4], "url": r[5], "tokens": r[6]}
        for r in rows
    ]
    return total, articles


def lead_sentence(archive: Archive, doc_id: str) -> str:
    """The first sentence that is not a heading: the article's teaser."""
    row = archive.db.execute(  # type: ignore[attr-defined]
        """SELECT s.text FROM sentences s JOIN documents d ON d.key = s.doc_key
           WHERE d.id = ? AND s.is_heading = 0 ORDER BY s.idx LIMIT 1""",
        (doc_id,),
    ).fetchone()
    return row[0] if row else ""


def document_keys(archive: Archive) -> dict[int, tuple[str, str]]:
    """Every stored article: internal key -> (public id, when it was stored).

    SQLite may give a re-analysed article the key of the one it replaced;
    id and time tell the two apart."""
    rows = archive.db.execute("SELECT key, id, ingested_at FROM documents")  # type: ignore[attr-defined]
    return {key: (doc_id, stored) for key, doc_id, stored in rows}


def analyses_by_key(archive: Archive, keys: list[int]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The stored analyses of the given articles, without resolving ids one by one.

    Each carries ``canonical_entities``: the archive's entity (id, preferred
    name) of each spelling and type, so the web index uses the archive's
    canonical entities and their corrections (docs/entities.md)."""
    from ..archive.serialize import unpack_analysis

    marks = ",".join("?" * len(keys))
    canonical = canonical_entities(archive, keys)
    rows = archive.db.execute(  # type: ignore[attr-defined]
        f"SELECT doc_key, json FROM analyses WHERE doc_key IN ({marks})", keys
    ).fetchall()
    for key, blob in rows:
        analysis = unpack_analysis(blob)
        if key in canonical:
            analysis["canonical_entities"] = canonical[key]
        yield key, analysis


def has_canonical_entities(archive: Archive) -> bool:
    """Whether the archive's entity tables are built (``chronik entities --rebuild``)."""
    from ..archive.resolver import is_built

    return is_built(archive.db)  # type: ignore[attr-defined]


def canonical_entities(archive: Archive, keys: list[int]) -> dict[int, list[list[str]]]:
    """Per article: [spelling, type, entity id, entity name] of each resolved spelling
    (nothing for an archive whose entity tables are not built yet)."""
    from ..archive.resolver import is_built

    db = archive.db  # type: ignore[attr-defined]
    if not keys or not is_built(db):
        return {}
    result: dict[int, list[list[str]]] = {}
    rows = db.execute(
        f"""SELECT em.doc_key, em.text, em.type, e.id, e.name FROM entity_mentions em
            JOIN entities e ON e.id = em.entity WHERE em.doc_key IN ({",".join("?" * len(keys))})""",
        keys,
    )
    for key, text, kind, entity, name in rows:
        result.setdefault(key, []).append([text, kind, entity, name])
    return result


def articles_per_month(archive: Archive, dates: DateRange) -> list[tuple[str, int]]:
    """How many articles each month holds (by the first day an article may have appeared)."""
    where, params = _date_filter(dates)
    where = (where + " AND" if where else " WHERE") + " date_earliest IS NOT NULL"
    return archive.db.execute(  # type: ignore[attr-defined]
        f"SELECT substr(date_earliest, 1, 7), COUNT(*) FROM documents{where} GROUP BY 1 ORDER BY 1", params
    ).fetchall()


def canonical_of_article(archive: Archive, doc_id: str) -> dict[tuple[str, str], tuple[str, str]]:
    """(spelling, type) -> (entity id, name) of one article, as the web index uses them."""
    from ..archive.resolver import is_built

    db = archive.db  # type: ignore[attr-defined]
    if not is_built(db):
        return {}
    rows = db.execute(
        """SELECT em.text, em.type, e.id, e.name FROM entity_mentions em JOIN documents d ON d.key = em.doc_key
           JOIN entities e ON e.id = em.entity WHERE d.id = ?""",
        (doc_id,),
    )
    return {(text, kind): (entity, name) for text, kind, entity, name in rows}
