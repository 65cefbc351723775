"""The chronicle in the browser: a JSON API and server-rendered pages.

``chronik serve`` runs :func:`chronik.web.app.create_app` with uvicorn; see
docs/web.md.  Modules: ``app`` (application, security headers, errors),
``api`` (JSON endpoints), ``pages`` (HTML), ``views`` (what both show),
``index``, ``index_schema``, ``index_rows``, ``index_queries`` (entities, quotes,
time expressions and events across articles, in SQLite beside the archive),
``names`` (which entity a mention names), ``markup`` (article text as
HTML), ``params`` (checked query parameters), ``ids`` (stable ids),
``queries`` (read-only SQL), ``corrections`` and ``corrections_api``.
"""
