"""The one place where layer tables are declared (see :mod:`.layers`).

Add a layer's table here, next to the others, e.g.::

    register_layer_table(LayerTable(
        layer="timexes",
        table="timexes",
        ddl=(
            "CREATE TABLE timexes (doc_key INTEGER NOT NULL, start INTEGER, end INTEGER,"
            " text TEXT, type TEXT, value TEXT)",
            "CREATE INDEX timexes_doc ON timexes (doc_key)",
        ),
        columns=("start", "end", "text", "type", "value"),
        rows=lambda analysis: (
            (t.start, t.end, analysis.span_text(t.start, t.end), t.type, t.value)
            for t in analysis.layers.get("timexes", [])
        ),
    ))

Layers without a table are still kept: the full analysis of every article is
stored as compressed JSON.
"""

from __future__ import annotations

from .layers import LayerTable, register_layer_table  # noqa: F401
