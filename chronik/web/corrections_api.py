"""Correction endpoints: merge two entities, split an alias off an entity,
fix a quote's speaker.

Off unless the server runs with ``--allow-corrections --token TOKEN``; each
request must send ``Authorization: Bearer TOKEN``.  Who made a correction
comes from the ``by`` field, when from the clock.  Merges and splits are
recorded in the archive (chronik/chronicle/entity_fixes.py, as `chronik
entity --merge-into/--split` does); speaker fixes in the corrections file
(:mod:`.corrections`).  Both survive re-analysis.
"""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from ..errors import ChronikError
from . import index_queries as iq
from .corrections import record_correction
from .ids import check_entity_id
from .state import WebState

router = APIRouter(prefix="/api/corrections")


class Merge(BaseModel):
    entity: str = Field(description="entity id to merge away")
    into: str = Field(description="entity id that absorbs it")
    by: str = Field(min_length=1, max_length=80, description="who makes the correction")


class Split(BaseModel):
    entity: str = Field(description="entity id that wrongly holds the alias")
    alias: str = Field(min_length=1, max_length=200, description="alias that names another entity")
    by: str = Field(min_length=1, max_length=80)


class SpeakerFix(BaseModel):
    quote: str = Field(description="quote id")
    speaker: str = Field(min_length=1, max_length=200, description="the right speaker's name")
    by: str = Field(min_length=1, max_length=80)


def _authorised(request: Request) -> WebState:
    state: WebState = request.app.state.web
    if not state.settings.allow_corrections or not state.settings.token:
        raise ChronikError("E503")
    sent = request.headers.get("authorization", "")
    expected = f"Bearer {state.settings.token}"
    if not hmac.compare_digest(sent.encode("utf-8"), expected.encode("utf-8")):
        raise ChronikError("E504")
    return state


def _record(state: WebState, kind: str, by: str, **fields: str) -> dict[str, Any]:
    correction = record_correction(state.corrections_file, kind, by, **fields)
    state.update_now()  # the next read shows the correction
    return {"recorded": correction.to_dict()}


def _entity(state: WebState, wanted: str) -> dict[str, Any]:
    index = state.index()
    found = iq.resolve(index, check_entity_id(wanted))
    row = iq.entity_row(index, found) if found else None
    if row is None:
        raise ChronikError("E502", kind="entity", item_id=wanted)
    return row


def _in_archive(state: WebState, row: dict[str, Any]):
    """The archive's canonical entity behind a web entity row, or None for an archive whose
    entity tables are not built (then the corrections file keeps the correction, as before)."""
    from ..archive.resolver import is_built
    from ..chronicle.entities import _entity as stored_entity

    archive = state.archive()
    if not is_built(archive.db):
        return None
    if not archive.db.execute("SELECT 1 FROM entities WHERE id = ?", (row["id"],)).fetchone():
        raise ChronikError("E502", kind="entity", item_id=row["id"])
    return stored_entity(archive, row["id"])


def _recorded(state: WebState, correction) -> dict[str, Any]:
    state.update_now()  # the next read shows the correction
    return {"recorded": correction.to_dict()}


@router.post("/merge", summary="Merge one entity into another (needs --allow-corrections and the token)")
def merge(request: Request, body: Merge) -> dict[str, Any]:
    state = _authorised(request)
    source, target = _entity(state, body.entity), _entity(state, body.into)
    if source["id"] == target["id"]:
        raise ChronikError("E501", name="into", reason="the two ids name the same entity already.")
    stored = _in_archive(state, source)
    if stored is not None:  # the archive's corrections: one record for the CLI and the web
        from ..chronicle import entity_fixes

        return _recorded(state, entity_fixes.merge(state.archive(), stored, _in_archive(state, target), body.by))
    return _record(state, "merge", body.by, entity=source["id"], into=target["id"])


@router.post("/split", summary="Make an alias its own entity (needs --allow-corrections and the token)")
def split(request: Request, body: Split) -> dict[str, Any]:
    state = _authorised(request)
    entity = _entity(state, body.entity)
    stored = _in_archive(state, entity)
    if stored is not None:
        from ..chronicle import entity_fixes

        if body.alias not in stored.aliases:
            raise ChronikError("E501", name="alias", reason=f"{entity['name']} has no alias {body.alias!r}.")
        return _recorded(state, entity_fixes.split(state.archive(), stored, body.alias, body.by))
    if body.alias not in dict(iq.aliases(state.index(), entity["id"])):
        raise ChronikError("E501", name="alias", reason=f"{entity['name']} has no alias {body.alias!r}.")
    return _record(state, "split", body.by, entity=entity["id"], alias=body.alias)


@router.post("/speaker", summary="Set a quote's speaker (needs --allow-corrections and the token)")
def speaker(request: Request, body: SpeakerFix) -> dict[str, Any]:
    state = _authorised(request)
    if iq.quote(state.index(), body.quote[:80], []) is None:
        raise ChronikError("E502", kind="quote", item_id=body.quote[:80])
    return _record(state, "speaker", body.by, quote=body.quote, speaker=body.speaker)
