"""The JSON API under /api (OpenAPI description at /api/openapi.json).

Parameters arrive as strings and are checked by :mod:`.params`, so that a
malformed one gets a 400 naming the parameter, in the project's words.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from . import params, views
from .params import ENTITY_TYPES, FORMS, MAX_PAGE_SIZE, TIMEX_TYPES
from .state import WebState

router = APIRouter(prefix="/api")

PAGE = Query(None, description="page number, from 1")
SIZE = Query(None, description=f"items per page, 1 to {MAX_PAGE_SIZE} (default {params.PAGE_SIZE})")
FROM = Query(None, alias="from", description="YYYY, YYYY-MM or YYYY-MM-DD; keeps dates whose interval overlaps")
TO = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD")


# Search and entity requests are bounded (at most 1,000 hits; entity lists
# capped) and the most frequent: they run on the event loop, without the
# thread-pool hop of a plain `def` endpoint (0.18 ms, a tenth of a search).
# Endpoints that may take longer (stats, article lists) keep the pool, so
# that they do not hold up the requests queued behind them.


def _state(request: Request) -> WebState:
    return request.app.state.web


def _json(data: dict[str, Any]) -> Any:
    """The views' dicts are JSON-ready: sent as they are, without FastAPI's
    per-field validation and re-encoding of the return value (which cost more
    than the search itself on a page of hits)."""
    return JSONResponse(data)


@router.get("/stats", summary="Counts over the whole archive")
def api_stats(request: Request) -> dict[str, Any]:
    return _json(views.stats(_state(request)))


@router.get("/search", summary="Full-text search: sentences ranked by bm25, German-stemmed")
async def api_search(request: Request, q: str | None = Query(None, description='words; "quoted words" are a phrase'),
               date_from: str | None = FROM, to: str | None = TO,
               page: str | None = PAGE, size: str | None = SIZE) -> dict[str, Any]:
    return _json(views.search(_state(request), params.text("q", q), params.date_range(date_from, to), params.page(page, size)))


@router.get("/articles", summary="Articles, newest first; with `entity`, the articles naming it")
def api_articles(request: Request, date_from: str | None = FROM, to: str | None = TO,
                 entity: str | None = Query(None, description="entity id: only articles naming it"),
                 page: str | None = PAGE, size: str | None = SIZE) -> dict[str, Any]:
    return _json(views.articles(_state(request), params.date_range(date_from, to), params.page(page, size),
                          params.text("entity", entity)))


@router.get("/articles/{doc_id}", summary="One article: text, sentences, mentions, quotes, time expressions, roles")
def api_article(request: Request, doc_id: str) -> dict[str, Any]:
    return _json(views.article(_state(request), doc_id))


@router.get("/entities", summary="Entities with aliases, by number of mentions")
def api_entities(request: Request, q: str | None = Query(None, description="part of a name or alias"),
                 type: str | None = Query(None, description=f"one of {', '.join(ENTITY_TYPES)}"),
                 page: str | None = PAGE, size: str | None = SIZE) -> dict[str, Any]:
    return _json(views.entities(_state(request), params.text("q", q), params.choice("type", type, ENTITY_TYPES),
                          params.page(page, size)))


@router.get("/entities/{entity_id}", summary="One entity: aliases, roles over time, quotes, timeline, neighbours")
async def api_entity(request: Request, entity_id: str) -> dict[str, Any]:
    return _json(views.entity(_state(request), entity_id))


@router.get("/quotes", summary="Quotes by speaker, words, form and date")
def api_quotes(request: Request, speaker: str | None = Query(None, description="part of the speaker's name"),
               entity: str | None = Query(None, description="entity id of the speaker"),
               words: str | None = Query(None, description="words the quote contains"),
               form: str | None = Query(None, description=f"one of {', '.join(FORMS)}"),
               date_from: str | None = FROM, to: str | None = TO,
               page: str | None = PAGE, size: str | None = SIZE) -> dict[str, Any]:
    return _json(views.quotes(
        _state(request), params.text("speaker", speaker), params.text("entity", entity), params.text("words", words),
        params.choice("form", form, FORMS), params.date_range(date_from, to), params.page(page, size),
    ))


@router.get("/quotes/{quote_id}", summary="One quote")
def api_quote(request: Request, quote_id: str) -> dict[str, Any]:
    return _json(views.quote(_state(request), quote_id))


@router.get("/timexes", summary="Time expressions whose resolved interval overlaps the date range")
def api_timexes(request: Request, type: str | None = Query(None, description=f"one of {', '.join(TIMEX_TYPES)}"),
                value: str | None = Query(None, description="TimeML value prefix, e.g. 2023-05"),
                date_from: str | None = FROM, to: str | None = TO,
                page: str | None = PAGE, size: str | None = SIZE) -> dict[str, Any]:
    return _json(views.timexes(_state(request), params.choice("type", type, TIMEX_TYPES), params.text("value", value),
                         params.date_range(date_from, to), params.page(page, size)))


@router.get("/events", summary="Events, once the events layer exists (empty before)")
def api_events(request: Request, date_from: str | None = FROM, to: str | None = TO,
               page: str | None = PAGE, size: str | None = SIZE) -> dict[str, Any]:
    return _json(views.events(_state(request), params.date_range(date_from, to), params.page(page, size)))


@router.get("/entities/{entity_id}/network", summary="The entity's network: neighbours and the links among them")
def api_network(request: Request, entity_id: str, size: str | None = SIZE) -> dict[str, Any]:
    return _json(views.network(_state(request), entity_id, params.page(None, size).size))
