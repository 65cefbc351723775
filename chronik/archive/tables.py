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
from .terms import index_text


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


# Names (GermEval/NoSta-D label and plain type) for "which articles name X".
register_layer_table(LayerTable(
    layer="mentions",
    table="mentions",
    ddl=(
        "CREATE TABLE mentions (doc_key INTEGER NOT NULL, start INTEGER, end INTEGER, sentence INTEGER,"
        " text TEXT, label TEXT, type TEXT)",
        "CREATE INDEX mentions_doc ON mentions (doc_key)",
        "CREATE INDEX mentions_text ON mentions (text)",
    ),
    columns=("start", "end", "sentence", "text", "label", "type"),
    rows=lambda analysis: (
        (m.start, m.end, m.sentence, m.text, m.label, m.type) for m in analysis.layers.get("mentions", [])
    ),
    description="named entity mentions with GermEval label and plain type",
))


# Dated role facts, for "who was Nationaler Sicherheitsberater in 2021-12":
# ``role_lemma = ? AND date LIKE '2021-12%' AND status = 'current'``.
register_layer_table(LayerTable(
    layer="roles",
    table="roles",
    ddl=(
        "CREATE TABLE roles (doc_key INTEGER NOT NULL, start INTEGER, end INTEGER, sentence INTEGER,"
        " person TEXT, person_text TEXT, role TEXT, role_lemma TEXT, of TEXT, status TEXT,"
        " date TEXT, date_precision TEXT)",
        "CREATE INDEX roles_doc ON roles (doc_key)",
        "CREATE INDEX roles_person ON roles (person)",
        "CREATE INDEX roles_lemma ON roles (role_lemma, date)",
    ),
    columns=("start", "end", "sentence", "person", "person_text", "role", "role_lemma", "of", "status",
             "date", "date_precision"),
    rows=lambda analysis: (
        (r.start, r.end, r.sentence, r.person, r.person_text, r.role, r.role_lemma, r.of, r.status,
         r.date, r.date_precision)
        for r in analysis.layers.get("roles", [])
    ),
    description="dated role facts: person, role, whose role, current/former/future, article date",
))


# Events (PLOVER type, actor, target, when as an interval of days), for
# timelines ordered by the event's date, not the article's:
# ``(actor = ? OR target = ?) ORDER BY earliest``.
register_layer_table(LayerTable(
    layer="events",
    table="events",
    ddl=(
        "CREATE TABLE events (doc_key INTEGER NOT NULL, start INTEGER, end INTEGER, sentence INTEGER,"
        " type TEXT, mode TEXT, status TEXT, trigger TEXT, actor TEXT, actor_text TEXT, target TEXT,"
        " target_text TEXT, place TEXT, value TEXT, earliest TEXT, latest TEXT, precision TEXT,"
        " date_source TEXT, quote INTEGER)",
        "CREATE INDEX events_doc ON events (doc_key)",
        "CREATE INDEX events_actor ON events (actor)",
        "CREATE INDEX events_target ON events (target)",
        "CREATE INDEX events_when ON events (earliest, latest)",
    ),
    columns=("start", "end", "sentence", "type", "mode", "status", "trigger", "actor", "actor_text", "target",
             "target_text", "place", "value", "earliest", "latest", "precision", "date_source", "quote"),
    rows=lambda analysis: (
        (e.start, e.end, e.sentence, e.type, e.mode, e.status, e.trigger,
         e.actor.name if e.actor else None, e.actor.text if e.actor else None,
         e.target.name if e.target else None, e.target.text if e.target else None,
         e.where.name if e.where else None, e.when.get("value"), e.when.get("earliest"), e.when.get("latest"),
         e.when.get("precision"), e.when.get("source"), e.quote)
        for e in analysis.layers.get("events", [])
    ),
    description="PLOVER events: type, mode, status, actor, target, place, the interval of days they happened in",
))


# Quotes with provenance, for "what did Kowalczyk say about Streiks":
# ``speaker_key = ? OR speaker_key LIKE '% ' || ?`` (casefolded in Python,
# since SQLite's lower() is ASCII-only) and ``instr(stems, ' streik ')``
# over the message's stemmed words (the same stems as the search index).
register_layer_table(LayerTable(
    layer="quotes",
    table="quotes",
    ddl=(
        "CREATE TABLE quotes (doc_key INTEGER NOT NULL, start INTEGER, end INTEGER, sentence INTEGER,"
        " speaker TEXT, speaker_name TEXT, speaker_key TEXT, source_text TEXT, cue TEXT, form TEXT,"
        " stwr TEXT, message TEXT, stems TEXT, is_nested INTEGER)",
        "CREATE INDEX quotes_doc ON quotes (doc_key)",
        "CREATE INDEX quotes_speaker ON quotes (speaker_key)",
    ),
    columns=("start", "end", "sentence", "speaker", "speaker_name", "speaker_key", "source_text", "cue", "form",
             "stwr", "message", "stems", "is_nested"),
    rows=lambda analysis: (
        (q.start, q.end, q.sentences[0] if q.sentences else None, q.speaker, q.speaker_name,
         (q.speaker_name or q.speaker).casefold(), q.source_text, q.cue_text, q.form, q.stwr, q.text,
         f" {index_text(q.text)} ", int(q.is_nested))
        for q in analysis.layers.get("quotes", [])
    ),
    description="quotes: speaker (resolved full name), cue, form, STWR, message with offsets and sentence",
))
