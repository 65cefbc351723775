"""The web application: JSON API, HTML pages and static CSS on one server.

Every response carries a strict Content-Security-Policy: no script runs,
nothing loads from another origin, no framing.  A user error becomes a 4xx
with the project's one-line message — JSON under /api, a page elsewhere.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import ChronikError
from .state import ServerSettings, WebState

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# HTTP status for each error code a request can cause; anything else is 400.
STATUS = {"E303": 404, "E502": 404, "E503": 403, "E504": 401}


def create_app(settings: ServerSettings) -> FastAPI:
    from importlib.resources import files

    from . import api, corrections_api, pages

    app = FastAPI(
        title="chronik",
        version=__version__,
        description="The chronicle of an archive of dated German news articles: articles, full-text "
        "search, entities, quotes, time expressions and events, each with offsets into its article.",
        # The bundled Swagger/ReDoc pages load scripts from a CDN: off.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.web = WebState(settings)
    app.include_router(api.router)
    app.include_router(corrections_api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(files("chronik.web") / "static")), name="static")
    _add_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    return app


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response's start message.

    Plain ASGI: Starlette's ``@app.middleware("http")`` runs each request
    through an extra task and memory stream, which cost a tenth of a busy
    server's CPU."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


SETTINGS_VARIABLE = "CHRONIK_WEB_SETTINGS"


def app_from_environment() -> FastAPI:
    """The app of one worker process when `chronik serve --workers N` runs several."""
    import json
    import os

    return create_app(ServerSettings(**json.loads(os.environ[SETTINGS_VARIABLE])))


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    from .pages import render

    return render("error.html", status=status, status_code=status, message=message)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ChronikError)
    async def chronik_error(request: Request, error: ChronikError) -> Response:
        return error_response(request, STATUS.get(error.code, 400), error.code, str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        name = ".".join(str(p) for p in first.get("loc", ())[1:]) or "request"
        message = str(ChronikError("E501", name=name, reason=first.get("msg", "invalid value") + "."))
        return error_response(request, 400, "E501", message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        message = "No such page." if error.status_code == 404 else str(error.detail)
        return error_response(request, error.status_code, f"HTTP{error.status_code}", message)
