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


# Temporal expressions with the interval of days each may denote, so that
# "what happened between 6 and 10 December 2021" is answered from sentence
# dates: ``earliest <= '2021-12-10' AND latest >= '2021-12-06'`` finds the
# sentences that may fall in the range; ``earliest >= '2021-12-06' AND
# latest <= '2021-12-10'`` those that surely do.  Open-ended references
# (PAST_REF, "seit Wochen") have a NULL bound.
register_layer_table(LayerTable(
    layer="timexes",
    table="timexes",
    ddl=(
        "CREATE TABLE timexes (doc_key INTEGER NOT NULL, start INTEGER, end INTEGER, sentence INTEGER,"
        " text TEXT, type TEXT, value TEXT, earliest TEXT, latest TEXT, anchor TEXT, evidence TEXT)",
        "CREATE INDEX timexes_doc ON timexes (doc_key)",
        "CREATE INDEX timexes_interval ON timexes (earliest, latest)",
    ),
    columns=("start", "end", "sentence", "text", "type", "value", "earliest", "latest", "anchor", "evidence"),
    rows=lambda analysis: (
        (t.start, t.end, t.sentence, t.text, t.type, t.value, t.earliest, t.latest, t.anchor, t.evidence)
        for t in analysis.layers.get("timexes", [])
    ),
    description="temporal expressions with TimeML value and the interval of days they may denote",
))
