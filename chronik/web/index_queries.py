"""Read queries over the web index (:mod:`.index_schema`): entities with the
raw ids joined into them, their aliases, roles, timeline and neighbours;
quotes, time expressions and events with filters and pages.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any, Iterable

from .corrections import Correction

_QUOTE_COLUMNS = """q.id, q.start, q.end, q.form, q.stwr, q.speaker, q.speaker_raw, q.source_text,
    q.cue_text, q.text, q.sentence, q.is_nested, a.doc_id, a.date, a.title"""


def _marks(values: Iterable) -> str:
    return ",".join("?" * len(list(values)))


def resolve(db: sqlite3.Connection, raw: str | None) -> str | None:
    """The entity a raw id belongs to, or None when there is no such entity."""
    if not raw:
        return None
    row = db.execute(
        "SELECT e.id FROM entities e WHERE e.id = COALESCE((SELECT target FROM redirects WHERE raw = ?), ?)",
        (raw, raw),
    ).fetchone()
    return row[0] if row else None


def members(db: sqlite3.Connection, entity_id: str) -> list[str]:
    return [entity_id] + [r for (r,) in db.execute("SELECT raw FROM redirects WHERE target = ?", (entity_id,))]


def entity_row(db: sqlite3.Connection, entity_id: str) -> dict[str, Any] | None:
    row = db.execute("SELECT id, type, name, mentions, articles FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return dict(zip(("id", "type", "name", "mentions", "articles"), row)) if row else None


def aliases(db: sqlite3.Connection, entity_id: str) -> list[tuple[str, int]]:
    return db.execute(
        "SELECT alias, count FROM entity_aliases WHERE entity = ? ORDER BY count DESC, alias", (entity_id,)
    ).fetchall()


def list_entities(db: sqlite3.Connection, query: str, kind: str, offset: int, limit: int) -> tuple[int, list[dict]]:
    where, params = [], []
    if kind:
        where.append("type = ?")
        params.append(kind)
    if query:
        # A name or any alias; the alias may belong to a raw id joined into the entity.
        pattern = f"%{query}%"
        where.append(
            """(name LIKE ? OR id IN (SELECT COALESCE(r.target, aa.raw) FROM article_aliases aa
                LEFT JOIN redirects r ON r.raw = aa.raw WHERE aa.alias LIKE ?))"""
        )
        params += [pattern, pattern]
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = db.execute(f"SELECT COUNT(*) FROM entities{clause}", params).fetchone()[0]
    rows = db.execute(
        f"SELECT id, type, name, mentions, articles FROM entities{clause} ORDER BY mentions DESC, name LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return total, [dict(zip(("id", "type", "name", "mentions", "articles"), row)) for row in rows]


def roles(db: sqlite3.Connection, raws: list[str], limit: int) -> list[dict[str, Any]]:
    rows = db.execute(
        f"""SELECT ro.role, ro.role_lemma, ro.of, ro.date, a.doc_id, a.date, a.title, ro.start, ro.end, ro.sentence
            FROM roles ro JOIN articles a ON a.doc_key = ro.doc_key WHERE ro.raw IN ({_marks(raws)})
            ORDER BY ro.earliest, ro.start LIMIT ?""",
        [*raws, limit],
    ).fetchall()
    return [
        {"role": r[0], "role_lemma": r[1], "of": r[2], "date": r[3],
         "article": {"id": r[4], "date": r[5], "title": r[6]}, "start": r[7], "end": r[8], "sentence": r[9]}
        for r in rows
    ]


def timeline(db: sqlite3.Connection, raws: list[str], limit: int) -> list[dict[str, Any]]:
    """The articles naming the entity, in date order (the first ``limit``)."""
    rows = db.execute(
        f"""SELECT ea.doc_key, ea.count FROM entity_articles ea WHERE ea.raw IN ({_marks(raws)})
            ORDER BY ea.earliest IS NULL, ea.earliest, ea.doc_key LIMIT ?""",
        [*raws, limit * len(raws)],
    ).fetchall()
    counts: Counter = Counter()
    for doc_key, count in rows:  # one article may name two raw ids of the entity
        counts[doc_key] += count
    keys = list(counts)[:limit]
    found = {r[0]: r[1:] for r in db.execute(
        f"SELECT doc_key, doc_id, date, title FROM articles WHERE doc_key IN ({_marks(keys)})", keys)}
    return [
        {"article": dict(zip(("id", "date", "title"), found[key])), "mentions": counts[key]}
        for key in keys if key in found
    ]


def neighbours(db: sqlite3.Connection, entity_id: str, limit: int) -> list[tuple[str, int]]:
    """Entities named in the same sentences, most shared sentences first."""
    return db.execute(
        "SELECT other, count FROM entity_neighbours WHERE entity = ? ORDER BY count DESC, other LIMIT ?",
        (entity_id, limit),
    ).fetchall()


def _quote_dict(db: sqlite3.Connection, row: tuple, fixes: dict[str, Correction]) -> dict[str, Any]:
    (qid, start, end, form, stwr, speaker, speaker_raw, source_text, cue_text, text, sentence, nested,
     doc_id, date, title) = row
    result = {
        "id": qid, "article": {"id": doc_id, "date": date, "title": title}, "start": start, "end": end,
        "form": form, "stwr": stwr, "speaker": speaker, "speaker_id": resolve(db, speaker_raw),
        "source_text": source_text, "cue_text": cue_text, "text": text, "sentence": sentence,
        "is_nested": bool(nested),
    }
    fix = fixes.get(qid)
    if fix is not None:
        from .ids import entity_id

        result["corrected"] = {"from": speaker, "by": fix.by, "at": fix.at}
        result["speaker"] = fix.speaker
        result["speaker_id"] = next(
            (found for kind in ("PER", "ORG") if (found := resolve(db, entity_id(kind, fix.speaker)))), None
        )
    speaker_id = result["speaker_id"]
    about = [resolve(db, raw) for (raw,) in db.execute("SELECT raw FROM quote_about WHERE quote = ?", (qid,))]
    result["about"] = list(dict.fromkeys(a for a in about if a and a != speaker_id))
    return result


def speaker_fixes(corrections: list[Correction]) -> dict[str, Correction]:
    return {c.quote: c for c in corrections if c.kind == "speaker"}


def quote(db: sqlite3.Connection, quote_id: str, corrections: list[Correction]) -> dict[str, Any] | None:
    row = db.execute(
        f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.doc_key = q.doc_key WHERE q.id = ?", (quote_id,)
    ).fetchone()
    return _quote_dict(db, row, speaker_fixes(corrections)) if row else None


def quotes_of_article(db: sqlite3.Connection, doc_id: str, corrections: list[Correction]) -> list[dict[str, Any]]:
    rows = db.execute(
        f"""SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.doc_key = q.doc_key
            WHERE a.doc_id = ? ORDER BY q.start""",
        (doc_id,),
    ).fetchall()
    fixes = speaker_fixes(corrections)
    return [_quote_dict(db, row, fixes) for row in rows]


def list_quotes(db: sqlite3.Connection, filters: dict[str, Any], corrections: list[Correction],
                offset: int, limit: int) -> tuple[int, list[dict[str, Any]]]:
    fixes = speaker_fixes(corrections)
    where, params = ["1"], []
    if filters.get("speaker_raws"):
        raws = filters["speaker_raws"]
        fixed = [qid for qid, c in fixes.items() if c.speaker == filters.get("speaker_name")]
        if fixed:
            where.append(f"(q.speaker_raw IN ({_marks(raws)}) OR q.id IN ({_marks(fixed)}))")
        else:  # no OR: the speaker index answers
            where.append(f"q.speaker_raw IN ({_marks(raws)})")
        params += [*raws, *fixed]
    if filters.get("speaker"):
        where.append("q.speaker LIKE ?")
        params.append(f"%{filters['speaker']}%")
    if filters.get("words"):
        where.append("q.text LIKE ?")
        params.append(f"%{filters['words']}%")
    if filters.get("form"):
        where.append("q.form = ?")
        params.append(filters["form"])
    _date_overlap(where, params, filters.get("dates"), "a.earliest", "a.latest")
    clause = " AND ".join(where)
    join = "FROM quotes q JOIN articles a ON a.doc_key = q.doc_key"
    total = db.execute(f"SELECT COUNT(*) {join} WHERE {clause}", params).fetchone()[0]
    rows = db.execute(
        f"SELECT {_QUOTE_COLUMNS} {join} WHERE {clause} ORDER BY q.earliest DESC, q.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return total, [_quote_dict(db, row, fixes) for row in rows]


def quotes_about(db: sqlite3.Connection, raws: list[str], corrections: list[Correction],
                 limit: int) -> tuple[int, list[dict[str, Any]]]:
    """Quotes naming the entity that it did not say itself, newest first."""
    marks = _marks(raws)
    clause = f"raw IN ({marks}) AND (speaker_raw IS NULL OR speaker_raw NOT IN ({marks}))"
    total = db.execute(f"SELECT COUNT(DISTINCT quote) FROM quote_about WHERE {clause}", [*raws, *raws]).fetchone()[0]
    ids = [qid for (qid,) in db.execute(
        f"SELECT quote FROM quote_about WHERE {clause} ORDER BY earliest DESC, quote LIMIT ?", [*raws, *raws, limit * 2]
    )]
    ids = list(dict.fromkeys(ids))[:limit]
    rows = db.execute(
        f"""SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.doc_key = q.doc_key
            WHERE q.id IN ({_marks(ids)}) ORDER BY q.earliest DESC, q.id""",
        ids,
    ).fetchall()
    fixes = speaker_fixes(corrections)
    return total, [_quote_dict(db, row, fixes) for row in rows]


def _date_overlap(where: list[str], params: list, dates, earliest: str, latest: str) -> None:
    """Intervals overlapping the filter; a NULL latest is open towards the future."""
    if dates is None or (dates.start is None and dates.end is None):
        return
    where.append(f"{earliest} IS NOT NULL")
    if dates.latest:
        where.append(f"{earliest} <= ?")
        params.append(dates.latest.isoformat())
    if dates.earliest:
        where.append(f"({latest} IS NULL OR {latest} >= ?)")
        params.append(dates.earliest.isoformat())


def list_timexes(db: sqlite3.Connection, kind: str, value: str, dates, offset: int,
                 limit: int) -> tuple[int, list[dict[str, Any]]]:
    where, params = ["1"], []
    if kind:
        where.append("t.type = ?")
        params.append(kind)
    if value:
        where.append("t.value LIKE ? ESCAPE '\\'")
        params.append(value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    _date_overlap(where, params, dates, "t.earliest", "t.latest")
    clause = " AND ".join(where)
    join = "FROM timexes t JOIN articles a ON a.doc_key = t.doc_key"
    total = db.execute(f"SELECT COUNT(*) {join} WHERE {clause}", params).fetchone()[0]
    rows = db.execute(
        f"""SELECT t.id, t.start, t.end, t.text, t.type, t.value, t.earliest, t.latest, t.anchor, t.sentence,
            a.doc_id, a.date, a.title {join} WHERE {clause} ORDER BY t.earliest, t.id LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    ).fetchall()
    names = ("id", "start", "end", "text", "type", "value", "earliest", "latest", "anchor", "sentence")
    return total, [
        {**dict(zip(names, r[:10])), "article": {"id": r[10], "date": r[11], "title": r[12]}} for r in rows
    ]


def list_events(db: sqlite3.Connection, dates, offset: int, limit: int) -> tuple[int, list[dict[str, Any]]]:
    where, params = ["1"], []
    _date_overlap(where, params, dates, "a.earliest", "a.latest")
    clause = " AND ".join(where)
    join = "FROM events e JOIN articles a ON a.doc_key = e.doc_key"
    total = db.execute(f"SELECT COUNT(*) {join} WHERE {clause}", params).fetchone()[0]
    rows = db.execute(
        f"SELECT e.item, a.doc_id, a.date, a.title {join} WHERE {clause} ORDER BY a.earliest, e.rowid LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return total, [{**json.loads(r[0]), "article": {"id": r[1], "date": r[2], "title": r[3]}} for r in rows]


def monthly(db: sqlite3.Connection, raws: list[str]) -> list[tuple[str, int]]:
    """Mentions per month of the articles' dates (undated articles left out)."""
    return db.execute(
        f"""SELECT substr(earliest, 1, 7), SUM(count) FROM entity_articles
            WHERE raw IN ({_marks(raws)}) AND earliest IS NOT NULL GROUP BY 1 ORDER BY 1""",
        raws,
    ).fetchall()


def edges_between(db: sqlite3.Connection, entity_ids: list[str]) -> list[tuple[str, str, int]]:
    """Shared sentences between every two of the given entities."""
    raws = {raw: entity for entity in entity_ids for raw in members(db, entity)}
    rows = db.execute(
        f"""SELECT raw, other, SUM(count) FROM article_pairs
            WHERE raw IN ({_marks(raws)}) AND other IN ({_marks(raws)}) GROUP BY raw, other""",
        [*raws, *raws],
    )
    counts: Counter = Counter()
    for raw, other, count in rows:
        a, b = raws[raw], raws[other]
        if a != b:
            counts[min(a, b), max(a, b)] += count
    # Each sentence was counted from both ends.
    return [(a, b, n // 2) for (a, b), n in counts.items() if n // 2]


def articles_naming(db: sqlite3.Connection, raws: list[str], dates, offset: int,
                    limit: int) -> tuple[int, list[dict[str, Any]]]:
    """Articles that name the entity, newest first, with their mention count."""
    where, params = [f"ea.raw IN ({_marks(raws)})"], list(raws)
    _date_overlap(where, params, dates, "a.earliest", "a.latest")
    clause = " AND ".join(where)
    join = "FROM entity_articles ea JOIN articles a ON a.doc_key = ea.doc_key"
    total = db.execute(f"SELECT COUNT(DISTINCT ea.doc_key) {join} WHERE {clause}", params).fetchone()[0]
    rows = db.execute(
        f"""SELECT a.doc_id, a.date, a.title, SUM(ea.count) {join} WHERE {clause}
            GROUP BY ea.doc_key ORDER BY a.earliest IS NULL, a.earliest DESC, ea.doc_key DESC LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    ).fetchall()
    return total, [{"id": r[0], "date": r[1], "title": r[2], "mentions": r[3]} for r in rows]
