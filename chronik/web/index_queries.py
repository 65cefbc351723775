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


def resolve_many(db: sqlite3.Connection, raws: Iterable[str | None]) -> dict[str, str | None]:
    """:func:`resolve` for many raw ids in two queries instead of one per id."""
    wanted = sorted({raw for raw in raws if raw})
    if not wanted:
        return {}
    targets = dict(db.execute(f"SELECT raw, target FROM redirects WHERE raw IN ({_marks(wanted)})", wanted))
    candidates = {raw: targets.get(raw, raw) for raw in wanted}
    ids = sorted(set(candidates.values()))
    found = {row[0] for row in db.execute(f"SELECT id FROM entities WHERE id IN ({_marks(ids)})", ids)}
    return {raw: (entity if entity in found else None) for raw, entity in candidates.items()}


def entity_rows(db: sqlite3.Connection, entity_ids: list[str]) -> dict[str, dict[str, Any]]:
    rows = db.execute(
        f"SELECT id, type, name, mentions, articles FROM entities WHERE id IN ({_marks(entity_ids)})", entity_ids
    )
    return {row[0]: dict(zip(("id", "type", "name", "mentions", "articles"), row)) for row in rows}


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


def _per_raw(db: sqlite3.Connection, sql: str, raws: list[str], limit: int, key, reverse: bool = False) -> list:
    """The first ``limit`` rows over all raw ids of an entity.

    One query per raw id walks its index in page order and stops after
    ``limit`` rows (``IN (...)`` over several ids would sort all their rows);
    the short lists are merged by ``key``."""
    rows = [row for raw in raws for row in db.execute(sql, (raw, limit))]
    if len(raws) > 1:
        rows.sort(key=key, reverse=reverse)
    return rows[:limit]


def roles(db: sqlite3.Connection, raws: list[str], limit: int) -> list[dict[str, Any]]:
    # NULL dates first, as ORDER BY earliest puts them.
    picked = _per_raw(db, "SELECT rowid, earliest, start FROM roles WHERE raw = ? ORDER BY earliest, start LIMIT ?",
                      raws, limit, key=lambda r: (r[1] or "", r[2] if r[2] is not None else -1))
    rowids = [r[0] for r in picked]
    found = {r[0]: r[1:] for r in db.execute(
        f"""SELECT ro.rowid, ro.role, ro.role_lemma, ro.of, ro.date, a.doc_id, a.date, a.title, ro.start, ro.end,
                   ro.sentence FROM roles ro JOIN articles a ON a.doc_key = ro.doc_key
            WHERE ro.rowid IN ({_marks(rowids)})""",
        rowids,
    )}
    rows = [found[rowid] for rowid in rowids if rowid in found]
    return [
        {"role": r[0], "role_lemma": r[1], "of": r[2], "date": r[3],
         "article": {"id": r[4], "date": r[5], "title": r[6]}, "start": r[7], "end": r[8], "sentence": r[9]}
        for r in rows
    ]


def timeline(db: sqlite3.Connection, raws: list[str], limit: int) -> list[dict[str, Any]]:
    """The articles naming the entity, in date order (the first ``limit``)."""
    rows = []
    for raw in raws:  # dated articles in index order, then the undated ones
        dated = db.execute(
            """SELECT earliest, doc_key, count FROM entity_articles WHERE raw = ? AND earliest IS NOT NULL
               ORDER BY earliest, doc_key LIMIT ?""", (raw, limit)).fetchall()
        undated = db.execute(
            """SELECT earliest, doc_key, count FROM entity_articles WHERE raw = ? AND earliest IS NULL
               ORDER BY doc_key LIMIT ?""", (raw, limit - len(dated))).fetchall() if len(dated) < limit else []
        rows += dated + undated
    if len(raws) > 1:
        rows.sort(key=lambda r: (r[0] is None, r[0] or "", r[1]))
    counts: Counter = Counter()
    for _, doc_key, count in rows:  # one article may name two raw ids of the entity
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


def _quote_dicts(db: sqlite3.Connection, rows: list[tuple], fixes: dict[str, Correction]) -> list[dict[str, Any]]:
    """The quotes of ``rows`` with speakers and the entities they name resolved
    in a few queries for the whole list."""
    if not rows:
        return []
    qids = [row[0] for row in rows]
    about: dict[str, list[str]] = {qid: [] for qid in qids}
    for qid, raw in db.execute(
        f"SELECT quote, raw FROM quote_about WHERE quote IN ({_marks(qids)}) ORDER BY quote, rowid", qids
    ):
        about[qid].append(raw)
    resolved = resolve_many(db, [row[6] for row in rows] + [raw for raws in about.values() for raw in raws])
    return [_quote_dict(db, row, fixes, resolved, about[row[0]]) for row in rows]


def _quote_dict(db: sqlite3.Connection, row: tuple, fixes: dict[str, Correction],
                resolved: dict[str, str | None], about_raws: list[str]) -> dict[str, Any]:
    (qid, start, end, form, stwr, speaker, speaker_raw, source_text, cue_text, text, sentence, nested,
     doc_id, date, title) = row
    result = {
        "id": qid, "article": {"id": doc_id, "date": date, "title": title}, "start": start, "end": end,
        "form": form, "stwr": stwr, "speaker": speaker, "speaker_id": resolved.get(speaker_raw) if speaker_raw else None,
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
    about = [resolved.get(raw) for raw in about_raws]
    result["about"] = list(dict.fromkeys(a for a in about if a and a != speaker_id))
    return result


def speaker_fixes(corrections: list[Correction]) -> dict[str, Correction]:
    return {c.quote: c for c in corrections if c.kind == "speaker"}


def quote(db: sqlite3.Connection, quote_id: str, corrections: list[Correction]) -> dict[str, Any] | None:
    row = db.execute(
        f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.doc_key = q.doc_key WHERE q.id = ?", (quote_id,)
    ).fetchone()
    return _quote_dicts(db, [row], speaker_fixes(corrections))[0] if row else None


def quotes_of_article(db: sqlite3.Connection, doc_id: str, corrections: list[Correction]) -> list[dict[str, Any]]:
    rows = db.execute(
        f"""SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.doc_key = q.doc_key
            WHERE a.doc_id = ? ORDER BY q.start""",
        (doc_id,),
    ).fetchall()
    return _quote_dicts(db, rows, speaker_fixes(corrections))


def list_quotes(db: sqlite3.Connection, filters: dict[str, Any], corrections: list[Correction],
                offset: int, limit: int, total: int | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Quotes matching ``filters``, newest first; ``total`` when the caller knows it."""
    fixes = speaker_fixes(corrections)
    where, params = ["1"], []
    if filters.get("speaker_raws"):
        raws = filters["speaker_raws"]
        fixed = [qid for qid, c in fixes.items() if c.speaker == filters.get("speaker_name")]
        if len(filters) == 2 and not fixed and not offset:  # just the speaker: one index walk per raw id
            return _speaker_quotes(db, raws, fixes, limit, total)
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
    # Every quote has its article row; the join is only needed to filter by date.
    dated = filters.get("dates") is not None and (filters["dates"].start or filters["dates"].end)
    source = "FROM quotes q JOIN articles a ON a.doc_key = q.doc_key" if dated else "FROM quotes q"
    if total is None:
        total = db.execute(f"SELECT COUNT(*) {source} WHERE {clause}", params).fetchone()[0]
    # The page's rows first (from the indexes alone where they suffice), then their columns.
    rowids = [r for (r,) in db.execute(
        f"SELECT q.rowid {source} WHERE {clause} ORDER BY q.earliest DESC, q.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )]
    return total, _quote_rows(db, rowids, fixes)


def _quote_rows(db: sqlite3.Connection, rowids: list[int], fixes: dict[str, Correction]) -> list[dict[str, Any]]:
    found = {r[0]: r[1:] for r in db.execute(
        f"""SELECT q.rowid, {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.doc_key = q.doc_key
            WHERE q.rowid IN ({_marks(rowids)})""",
        rowids,
    )}
    return _quote_dicts(db, [found[r] for r in rowids if r in found], fixes)


def _newest_first(rows: list[tuple]) -> None:
    """Sort (rowid or id, earliest, id) rows as ORDER BY earliest DESC, id: NULL dates last."""
    rows.sort(key=lambda r: r[2])
    rows.sort(key=lambda r: r[1] or "", reverse=True)  # stable: ids stay ascending within a date


def _speaker_quotes(db: sqlite3.Connection, raws: list[str], fixes: dict[str, Correction], limit: int,
                    total: int | None) -> tuple[int, list[dict[str, Any]]]:
    if total is None:
        total = db.execute(f"SELECT COUNT(*) FROM quotes WHERE speaker_raw IN ({_marks(raws)})", raws).fetchone()[0]
    rows = [row for raw in raws for row in db.execute(
        "SELECT rowid, earliest, id FROM quotes WHERE speaker_raw = ? ORDER BY earliest DESC, id LIMIT ?", (raw, limit))]
    if len(raws) > 1:
        _newest_first(rows)
    return total, _quote_rows(db, [r[0] for r in rows[:limit]], fixes)


def quotes_about(db: sqlite3.Connection, raws: list[str], corrections: list[Correction],
                 limit: int, total: int | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Quotes naming the entity that it did not say itself, newest first; ``total`` when the caller knows it."""
    marks = _marks(raws)
    clause = f"raw IN ({marks}) AND (speaker_raw IS NULL OR speaker_raw NOT IN ({marks}))"
    if total is None:
        total = db.execute(f"SELECT COUNT(DISTINCT quote) FROM quote_about WHERE {clause}",
                           [*raws, *raws]).fetchone()[0]
    # Per raw id in index order; the speaker test needs the entity's other raw ids too.
    rows = [row for raw in raws for row in db.execute(
        f"""SELECT quote, earliest, quote FROM quote_about WHERE raw = ?
            AND (speaker_raw IS NULL OR speaker_raw NOT IN ({marks})) ORDER BY earliest DESC, quote LIMIT ?""",
        [raw, *raws, limit * 2])]
    if len(raws) > 1:
        _newest_first(rows)
    ids = list(dict.fromkeys(r[0] for r in rows))[:limit]
    rows = db.execute(
        f"""SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.doc_key = q.doc_key
            WHERE q.id IN ({_marks(ids)}) ORDER BY q.earliest DESC, q.id""",
        ids,
    ).fetchall()
    return total, _quote_dicts(db, rows, speaker_fixes(corrections))


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


def monthly(db: sqlite3.Connection, entity_id: str) -> list[tuple[str, int]]:
    """Mentions per month of the articles' dates (undated articles left out)."""
    return db.execute(
        "SELECT month, mentions FROM entity_months WHERE entity = ? ORDER BY month", (entity_id,)
    ).fetchall()


def quote_counts(db: sqlite3.Connection, entity_id: str) -> tuple[int, int]:
    """(quotes by, quotes about) the entity as stored, before speaker corrections."""
    row = db.execute(
        "SELECT quotes_by, quotes_about FROM entity_quote_counts WHERE entity = ?", (entity_id,)
    ).fetchone()
    return (row[0], row[1]) if row else (0, 0)


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
