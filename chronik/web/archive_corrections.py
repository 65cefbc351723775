"""The web's entity corrections live in the archive (chronik/chronicle/entity_fixes.py).

The web index reads them as :class:`~.corrections.Correction` merges and
splits; quote speaker fixes stay in the corrections file beside the
archive.  Merges and splits that older versions wrote to that file are
moved into the archive once, with their original author and time, the
first time a server opens an archive whose entity tables are built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..archive.entity_corrections import corrections as stored_corrections
from ..archive.resolver import EntityResolver, entity_id, is_built
from ..chronicle.entities import _entity
from ..chronicle.entity_fixes import merge_in, split_in
from ..errors import ChronikError
from .corrections import Correction, load_corrections

IMPORTED = "web-file-imported"


def entity_corrections_stamp(archive: Any) -> tuple | None:
    """Changes whenever an entity correction is recorded; None before the archive's entity tables are built."""
    if not is_built(archive.db):
        return None
    return tuple(archive.db.execute("SELECT COUNT(*), MAX(id) FROM entity_corrections").fetchone())


def archive_corrections(archive: Any, file: Path) -> list[Correction]:
    """The archive's merges and splits as the web index applies them."""
    import_file_corrections(archive, file)
    result = []
    for c in stored_corrections(archive.db):
        if c.kind == "merge":
            result.append(Correction("merge", c.by, c.at, entity=c.entity, into=c.arguments["into"]))
        elif c.kind == "split":
            result.append(Correction("split", c.by, c.at, entity=c.entity, alias=c.arguments["alias"]))
    return result


def import_file_corrections(archive: Any, file: Path) -> int:
    """Move the file's merges and splits into the archive (once); return how many were moved."""
    db = archive.db
    if db.execute("SELECT 1 FROM entity_state WHERE key = ?", (IMPORTED,)).fetchone():
        return 0
    old = [c for c in load_corrections(file) if c.kind in ("merge", "split")] if file.is_file() else []
    moved = 0
    with archive.writing():
        if db.execute("SELECT 1 FROM entity_state WHERE key = ?", (IMPORTED,)).fetchone():
            return 0  # another server worker was first
        resolver = EntityResolver(db)
        by_web_id = _web_ids(db) if old else {}
        for c in old:
            entity = _find(archive, resolver, by_web_id, c.entity)
            try:
                if c.kind == "merge":
                    into = _find(archive, resolver, by_web_id, c.into)
                    if entity and into and entity.id != into.id:
                        merge_in(db, resolver, entity, into, c.by, c.at)
                        moved += 1
                elif entity and c.alias in entity.aliases:
                    split_in(db, resolver, entity, c.alias, c.by, c.at)
                    moved += 1
            except ChronikError:
                continue  # no longer applicable (types differ, alias gone): skipped, as the index did
        db.execute("INSERT INTO entity_state (key, value) VALUES (?, ?)", (IMPORTED, str(moved)))
    return moved


def _web_ids(db: Any) -> dict[str, str]:
    """Web entity id (type and a name as an article spelled it) -> the archive entity with that spelling."""
    best: dict[str, tuple[int, str]] = {}
    rows = db.execute("SELECT e.type, a.alias, a.entity, a.count FROM entity_aliases a JOIN entities e ON e.id = a.entity")
    for kind, alias, entity, count in rows.fetchall():
        key = entity_id(kind, alias)
        if key not in best or best[key][0] < count:
            best[key] = (count, entity)
    return {key: entity for key, (_, entity) in best.items()}


def _find(archive: Any, resolver: EntityResolver, by_web_id: dict[str, str], web_id: str):
    entity = web_id if archive.db.execute("SELECT 1 FROM entities WHERE id = ?", (web_id,)).fetchone() \
        else by_web_id.get(web_id)
    return _entity(archive, resolver.follow(entity)) if entity else None
