"""Merge, split and rename canonical entities: check the request, record it
in the archive with who and when, apply it at once (one write transaction).

The same functions serve ``chronik entity NAME --merge-into/--split/--rename``
and the web's correction endpoints, so there is one record of corrections:
the archive's ``entity_corrections`` table (chronik/archive/entity_corrections.py).
``*_in`` variants run inside a write transaction the caller already holds.
"""

from __future__ import annotations

from typing import Any

from ..archive.entity_corrections import EntityCorrection, apply_one, check_by, record
from ..archive.resolver import EntityResolver, Group, entity_id, group_key
from ..errors import ChronikError
from .entities import Entity, _entity, require_built

MAX_NAME = 200


def merge(archive, entity: Entity, into: Entity, by: str, at: str | None = None) -> EntityCorrection:
    """ENTITY and INTO are one: ENTITY's mentions, now and after any re-analysis, belong to INTO."""
    return _in_transaction(archive, merge_in, entity, into, by, at)


def split(archive, entity: Entity, alias: str, by: str, at: str | None = None) -> EntityCorrection:
    """Mentions spelled ALIAS name somebody else: they become an entity of their own."""
    return _in_transaction(archive, split_in, entity, alias, by, at)


def rename(archive, entity: Entity, name: str, by: str, at: str | None = None) -> EntityCorrection:
    """Show ENTITY as NAME from now on; its id stays."""
    return _in_transaction(archive, rename_in, entity, name, by, at)


def merge_in(db: Any, resolver: EntityResolver, entity: Entity, into: Entity, by: str,
             at: str | None = None) -> EntityCorrection:
    by = check_by(by)
    if entity.id == into.id:
        raise ChronikError("E323", entity=entity.name, into=into.name, reason="they are the same entity already")
    if entity.type != into.type:
        raise ChronikError("E323", entity=entity.name, into=into.name,
                           reason=f"one is {entity.type}, the other {into.type}")
    arguments = {"into": into.id, "entity_name": entity.name, "into_name": into.name}
    return _apply(db, resolver, record(db, "merge", entity.id, arguments, by, at))


def split_in(db: Any, resolver: EntityResolver, entity: Entity, alias: str, by: str,
             at: str | None = None) -> EntityCorrection:
    by = check_by(by)
    if alias not in entity.aliases:
        raise ChronikError("E324", entity=entity.name, alias=alias, choices=", ".join(entity.aliases) or "none")
    if len(entity.aliases) < 2:
        raise ChronikError("E324", entity=entity.name, alias=alias,
                           choices=f"{alias} only, so there is nothing to split it from")
    # The split-off mentions get an entity of their own, one per (entity, spelling):
    # "Müller" split off the coach is nobody we know yet, not any other "Müller".
    salt = f" ({entity.id})"
    target = resolver._create(Group(0, alias, entity.type, 0, key=group_key(entity.type, alias) + salt),
                              new_id=entity_id(entity.type, alias + salt))
    arguments = {"alias": alias, "target": target, "entity_name": entity.name}
    return _apply(db, resolver, record(db, "split", entity.id, arguments, by, at))


def rename_in(db: Any, resolver: EntityResolver, entity: Entity, name: str, by: str,
              at: str | None = None) -> EntityCorrection:
    by = check_by(by)
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME:
        raise ChronikError("E326", entity=entity.name, name=name[:80])
    return _apply(db, resolver, record(db, "rename", entity.id, {"name": name, "old_name": entity.name}, by, at))


def _apply(db: Any, resolver: EntityResolver, correction: EntityCorrection) -> EntityCorrection:
    apply_one(db, resolver, correction)
    resolver.refresh()
    return correction


def _in_transaction(archive, step, *args) -> EntityCorrection:
    require_built(archive)
    with archive.writing():
        return step(archive.db, EntityResolver(archive.db), *args)


def reload(archive, entity: Entity) -> Entity:
    """The entity as stored after a correction (a merged one: the entity it went into)."""
    return _entity(archive, EntityResolver(archive.db).follow(entity.id))
