"""Merge, split and rename canonical entities: check the request, record it
in the archive with who and when, apply it at once (one write transaction).

The same functions serve ``chronik entity NAME --merge-into/--split/--rename``
and the web's correction endpoints, so there is one record of corrections:
the archive's ``entity_corrections`` table (chronik/archive/entity_corrections.py).
"""

from __future__ import annotations

from ..archive.entity_corrections import EntityCorrection, apply_one, check_by, record
from ..archive.resolver import EntityResolver, Group, entity_id, group_key
from ..errors import ChronikError
from .entities import Entity, _entity, require_built

MAX_NAME = 200


def merge(archive, entity: Entity, into: Entity, by: str, at: str | None = None) -> EntityCorrection:
    """ENTITY and INTO are one: ENTITY's mentions, now and after any re-analysis, belong to INTO."""
    by = check_by(by)
    if entity.id == into.id:
        raise ChronikError("E323", entity=entity.name, into=into.name, reason="they are the same entity already")
    if entity.type != into.type:
        raise ChronikError("E323", entity=entity.name, into=into.name,
                           reason=f"one is {entity.type}, the other {into.type}")
    return _apply(archive, "merge", entity, {"into": into.id, "entity_name": entity.name, "into_name": into.name},
                  by, at)


def split(archive, entity: Entity, alias: str, by: str, at: str | None = None) -> EntityCorrection:
    """Mentions spelled ALIAS name somebody else: they become an entity of their own."""
    by = check_by(by)
    if alias not in entity.aliases:
        raise ChronikError("E324", entity=entity.name, alias=alias, choices=", ".join(entity.aliases) or "none")
    if len(entity.aliases) < 2:
        raise ChronikError("E324", entity=entity.name, alias=alias,
                           choices=f"{alias} only, so there is nothing to split it from")
    require_built(archive)
    with archive.writing():
        resolver = EntityResolver(archive.db)
        # The split-off mentions get an entity of their own, one per (entity, spelling):
        # "Müller" split off the coach is nobody we know yet, not any other "Müller".
        salt = f" ({entity.id})"
        target = resolver._create(Group(0, alias, entity.type, 0, key=group_key(entity.type, alias) + salt),
                                  new_id=entity_id(entity.type, alias + salt))
        correction = record(archive.db, "split", entity.id,
                            {"alias": alias, "target": target, "entity_name": entity.name}, by, at)
        apply_one(archive.db, resolver, correction)
        resolver.refresh()
    return correction


def rename(archive, entity: Entity, name: str, by: str, at: str | None = None) -> EntityCorrection:
    by = check_by(by)
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME:
        raise ChronikError("E326", entity=entity.name, name=name[:80])
    return _apply(archive, "rename", entity, {"name": name, "old_name": entity.name}, by, at)


def _apply(archive, kind: str, entity: Entity, arguments: dict[str, str], by: str, at: str | None) -> EntityCorrection:
    require_built(archive)
    with archive.writing():
        resolver = EntityResolver(archive.db)
        correction = record(archive.db, kind, entity.id, arguments, by, at)
        apply_one(archive.db, resolver, correction)
        resolver.refresh()
    return correction


def reload(archive, entity: Entity) -> Entity:
    """The entity as stored after a correction (a merged one: the entity it went into)."""
    resolver = EntityResolver(archive.db)
    return _entity(archive, resolver.follow(entity.id))
