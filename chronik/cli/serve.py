"""``chronik serve``: the JSON API and the web pages over an archive.

Binds to 127.0.0.1 by default and is read-only; the correction endpoints
exist only with --allow-corrections and a --token every request must send.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import socket
import sys
import time

from ..errors import ChronikError
from . import add_db_option

MIN_TOKEN = 12


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the archive as a JSON API (OpenAPI) and web pages",
        description="Start a web server over the archive: search, articles, entities, quotes and "
        "time expressions as pages and as a JSON API (/api, description at /api/openapi.json). "
        "Read-only unless --allow-corrections is given with a --token.",
    )
    add_db_option(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this computer only)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="server processes (default: 1); more use more cores under many clients")
    parser.add_argument("--allow-corrections", action="store_true",
                        help="enable the correction endpoints (entity merge/split, quote speaker fixes)")
    parser.add_argument("--token", metavar="TOKEN",
                        help="secret that correction requests must send as 'Authorization: Bearer TOKEN'")
    parser.set_defaults(run=run)


def check_options(args: argparse.Namespace) -> None:
    if args.allow_corrections and (not args.token or len(args.token) < MIN_TOKEN):
        raise ChronikError("E505")
    if not 1 <= args.workers <= 64:
        raise ChronikError("E506", host=args.host, port=args.port, reason="--workers must be between 1 and 64.")
    if not 0 < args.port < 65536:
        raise ChronikError("E506", host=args.host, port=args.port, reason="the port must be between 1 and 65535.")
    if str(args.db).startswith(("postgresql://", "postgres://")):
        # The web index and its full-text index live in files beside an
        # SQLite archive, and read it through SQLite's own connection.
        raise ChronikError("E508")


def listening_socket(host: str, port: int) -> socket.socket:
    """The server's socket, bound here to say in one line why we cannot serve.

    Created with the protocol getaddrinfo names (IPPROTO_TCP): asyncio turns
    Nagle's algorithm off only on connections of such sockets.  uvicorn's own
    socket for --workers has protocol 0, so every answer written in two parts
    (head, body) waited for the client's delayed ACK: 40 ms per request."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise ChronikError("E506", host=host, port=port, reason=f"unknown host ({error.strerror}).") from None
    # A name such as "localhost" gets its IPv4 address first, as uvicorn bound it.
    family, kind, proto, _, address = min(infos, key=lambda info: info[0] != socket.AF_INET)
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as error:
        sock.close()
        raise ChronikError("E506", host=host, port=port, reason=f"{error.strerror or error}.") from None
    sock.set_inheritable(True)  # worker processes serve on it
    return sock


def run(args: argparse.Namespace) -> int:
    check_options(args)
    try:
        import uvicorn

        from ..web.app import SETTINGS_VARIABLE, create_app
        from ..web.state import ServerSettings, WebState
    except ImportError:
        raise ChronikError("E507") from None
    settings = ServerSettings(args.db, args.allow_corrections, args.token)
    sock = listening_socket(args.host, args.port)
    prepare_index(WebState(settings))
    mode = "corrections allowed (token required)" if args.allow_corrections else "read-only"
    print(f"chronik: serving {args.db} on http://{args.host}:{args.port}/ ({mode}); Ctrl-C stops", file=sys.stderr)
    if args.workers > 1:
        from uvicorn.supervisors import Multiprocess

        # Worker processes build their app from the environment (uvicorn imports it)
        # and accept connections on the one socket bound here.
        os.environ[SETTINGS_VARIABLE] = json.dumps(dataclasses.asdict(settings))
        config = uvicorn.Config("chronik.web.app:app_from_environment", factory=True, workers=args.workers,
                                host=args.host, port=args.port, log_level="warning")
        Multiprocess(config, sockets=[sock]).run()
        return 0
    config = uvicorn.Config(create_app(settings), host=args.host, port=args.port, log_level="warning")
    return _run_server(uvicorn, config, args, sock)


def prepare_index(state) -> None:
    """Bring the web index up to date before the first visitor waits for it."""
    started = time.perf_counter()
    print(f"chronik: updating the web index {state.index_file} …", file=sys.stderr, flush=True)
    last = [time.perf_counter()]

    def reporter(what: str):
        def progress(done: int, total: int) -> None:
            if time.perf_counter() - last[0] >= 10 or done == total:
                last[0] = time.perf_counter()
                print(f"chronik: {what} {done:,} of {total:,} new articles", file=sys.stderr, flush=True)

        return progress

    state.update_now(reporter("indexed"), reporter("full-text index:"))
    print(f"chronik: web index ready ({time.perf_counter() - started:.1f} s)", file=sys.stderr)


def _run_server(uvicorn, config, args: argparse.Namespace, sock: socket.socket) -> int:
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    except (OSError, SystemExit):  # uvicorn exits when it cannot listen on the socket
        server.started = False
    if not server.started:
        raise ChronikError("E506", host=args.host, port=args.port, reason="the address is in use or not available.")
    return 0
