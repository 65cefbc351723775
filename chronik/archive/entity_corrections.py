"""Corrections of entities made by people: merge, split, rename.

Stored in the archive (``entity_corrections``: kind, entity, arguments as
JSON, who, when) and never touched by ingest: after every resolution of new
or re-analysed articles, and after ``chronik entities --rebuild``, they are
applied again in the order they were made, so re-analysis never undoes them.

* ``merge`` — ENTITY is the same as ``into``: its mentions move there, and
  ``entities.merged_into`` sends every later mention found by its keys there.
* ``split`` — mentions spelled ``alias`` are not ENTITY but ``target`` (the
  entity that spelling names on its own, made when the split is recorded).
* ``rename`` — ENTITY's preferred name is ``name`` from now on.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from typing import Any

from ..errors import ChronikError

KINDS = ("merge", "split", "rename")
MAX_BY = 80


@dataclass(frozen=True)
class EntityCorrection:
    id: int
    kind: str
    entity: str
    arguments: dict[str, str] = field(default_factory=dict)
    by: str = ""
    at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "entity": self.entity, **self.arguments, "by": self.by, "at": self.at}


def check_by(by: str | None) -> str:
    by = (by or "").strip()
    if not by or len(by) > MAX_BY or any(ord(c) < 32 for c in by):
        raise ChronikError("E321", by=(by or "")[:100], limit=MAX_BY)
    return by


def record(db: Any, kind: str, entity: str, arguments: dict[str, str], by: str, at: str | None = None) -> EntityCorrection:
    """Store one correction (the caller holds the write transaction and applies it)."""
    if kind not in KINDS:
        raise ChronikError("E320", kind=kind, choices=", ".join(KINDS))
    by = check_by(by)
    at = at or _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    text = json.dumps(arguments, ensure_ascii=False, sort_keys=True)
    db.execute("INSERT INTO entity_corrections (kind, entity, arguments, made_by, made_at) VALUES (?,?,?,?,?)",
               (kind, entity, text, by, at))
    row = db.execute("SELECT MAX(id) FROM entity_corrections").fetchone()
    return EntityCorrection(int(row[0]), kind, entity, dict(arguments), by, at)


def corrections(db: Any, entities: list[str] | None = None) -> list[EntityCorrection]:
    """All corrections in the order made, or those naming one of ``entities``."""
    rows = db.execute("SELECT id, kind, entity, arguments, made_by, made_at FROM entity_corrections ORDER BY id")
    result = [EntityCorrection(int(i), k, e, json.loads(a), b, t) for i, k, e, a, b, t in rows.fetchall()]
    if entities is None:
        return result
    wanted = set(entities)
    return [c for c in result if c.entity in wanted or wanted & set(c.arguments.values())]


def apply_corrections(db: Any, resolver: Any, *, doc_keys: list[int] | None = None,
                      kinds: tuple[str, ...] = KINDS) -> None:
    """Apply the recorded corrections (of ``kinds``) again, to ``doc_keys`` or to every article."""
    for correction in corrections(db):
        if correction.kind in kinds:
            apply_one(db, resolver, correction, doc_keys)


def apply_one(db: Any, resolver: Any, c: EntityCorrection, doc_keys: list[int] | None = None) -> None:
    resolver._follow_cache.clear()
    if c.kind == "merge":
        source, target = resolver.follow(c.entity), resolver.follow(c.arguments["into"])
        if source == target:
            return
        db.execute("UPDATE entities SET merged_into = ? WHERE id = ? OR merged_into = ?", (target, source, source))
        db.execute("UPDATE entity_mentions SET entity = ? WHERE entity = ?", (target, source))
        resolver.touched.update((source, target))
    elif c.kind == "split":
        source, target = resolver.follow(c.entity), resolver.follow(c.arguments["target"])
        if source == target:
            return
        where, params = "entity = ? AND text = ?", [source, c.arguments["alias"]]
        if doc_keys is not None:
            if not doc_keys:
                return
            where += f" AND doc_key IN ({','.join('?' * len(doc_keys))})"
            params += doc_keys
        moved = db.execute(f"UPDATE entity_mentions SET entity = ?, rule = 'correction' WHERE {where}",
                           [target, *params])
        if moved.rowcount != 0:  # re-applied to a batch that does not name the entity: nothing to count
            resolver.touched.update((source, target))
    elif c.kind == "rename":
        target = resolver.follow(c.entity)
        db.execute("UPDATE entities SET name = ?, name_fixed = 1 WHERE id = ?", (c.arguments["name"], target))
    resolver._follow_cache.clear()
