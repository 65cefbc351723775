"""Events across the archive: a timeline ordered by the event's date.

Reads the ``events`` layer table (chronik/archive/tables.py).  Each entry
keeps the interval of days the event may fall in, with its precision and
where that came from (a time expression, or only the article date), and
the sentence it was told in.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..archive import DateRange
from ..archive.terms import parse_query

# The PLOVER types the events component assigns (docs/events.md).
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
                "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True)
class TimelineEvent:
    type: str
    mode: str
    status: str
    actor: str | None
    target: str | None
    place: str | None
    value: str | None  # the date as the source gives it ("2021-12", "2021-WXX-2")
    earliest: str | None
    latest: str | None
    precision: str | None
    date_source: str | None  # timex, antecedent, article
    trigger: str
    doc_id: str
    article_date: str | None
    sentence: str  # the evidence sentence

    def to_dict(self) -> dict:
        return asdict(self)


def timeline(archive, *, entity: str | None = None, actor: str | None = None, target: str | None = None,
             types: list[str] | None = None, status: str | None = None, partner: str | None = None,
             about: str | None = None, dates: DateRange = DateRange(),
             limit: int | None = 200) -> list[TimelineEvent]:
    """Events matching the filters, ordered by the first day they may have happened.
    ``partner`` with ``entity``: only events between the two, either way round.
    ``about``: words the evidence sentence must contain, in any inflection (the
    query syntax and German stems of ``chronik search``); ``limit=None``: all."""
    where, params = [], []
    if about:
        # the sentence's stemmed copy is the one the full-text index holds;
        # each group (a word, a quoted phrase, a compound's parts) must occur
        for group in parse_query(about).groups:
            where.append("instr(' ' || s.stems || ' ', ?) > 0")
            params.append(" " + " ".join(group) + " ")
    if entity and partner:
        pair = "((e.actor = ? OR e.actor LIKE ?) AND (e.target = ? OR e.target LIKE ?))"
        where.append(f"({pair} OR {pair})")
        params += [entity, f"% {entity}", partner, f"% {partner}", partner, f"% {partner}", entity, f"% {entity}"]
        entity = None
    for column, name in (("actor", actor), ("target", target)):
        if name:
            where.append(f"(e.{column} = ? OR e.{column} LIKE ?)")  # a surname finds the full name
            params += [name, f"% {name}"]
    if entity:
        where.append("(e.actor = ? OR e.actor LIKE ? OR e.target = ? OR e.target LIKE ?)")
        params += [entity, f"% {entity}", entity, f"% {entity}"]
    if types:
        where.append(f"e.type IN ({', '.join('?' * len(types))})")
        params += [t.upper() for t in types]
    if status:
        where.append("e.status = ?")
        params.append(status)
    # an event may fall in the range when its interval overlaps it
    if dates.earliest:
        where.append("e.latest >= ?")
        params.append(dates.earliest.isoformat())
    if dates.latest:
        where.append("e.earliest <= ?")
        params.append(dates.latest.isoformat())
    sql = (
        "SELECT e.type, e.mode, e.status, e.actor, e.target, e.place, e.value, e.earliest, e.latest,"
        " e.precision, e.date_source, e.trigger, d.id, d.date, s.text"
        " FROM events e JOIN documents d ON d.key = e.doc_key"
        " LEFT JOIN sentences s ON s.doc_key = e.doc_key AND s.idx = e.sentence"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY e.earliest, e.latest, d.id, e.start"
        + (" LIMIT ?" if limit is not None else "")
    )
    rows = archive.db.execute(sql, (*params, limit) if limit is not None else params).fetchall()
    return [TimelineEvent(*row[:14], sentence=row[14] or "") for row in rows]


@dataclass
class ChronicleEvent:
    """One event as several articles (or sentences) report it."""

    type: str
    mode: str
    status: str
    actor: str | None
    target: str | None
    earliest: str | None
    latest: str | None  # the tightest interval all its reports allow together
    sources: list[TimelineEvent]
    # articles that are not near-copies of each other (chronicle/near_duplicates.py)
    independent: int = 0

    def to_dict(self) -> dict:
        return {
            "type": self.type, "mode": self.mode, "status": self.status, "actor": self.actor,
            "target": self.target, "earliest": self.earliest, "latest": self.latest,
            "independent_sources": self.independent,
            "sources": [{"doc_id": s.doc_id, "article_date": s.article_date, "sentence": s.sentence,
                         "earliest": s.earliest, "latest": s.latest} for s in self.sources],
        }


def merge_reports(events: list[TimelineEvent], copies: dict[str, str] | None = None) -> list[ChronicleEvent]:
    """Reports of the same event become one: same type and status, the same
    two sides (in either order for talks and meetings), and date intervals
    that can all be true at once; its interval is their intersection.
    ``copies`` maps a near-copy's doc id to its group's id: a syndicated
    agency text counts as one independent source however often printed."""
    merged: list[ChronicleEvent] = []
    # only events of one type, status and pair of sides can be one event:
    # looking there alone keeps a network over a whole archive near-linear
    by_key: dict[tuple, list[ChronicleEvent]] = {}
    for event in events:
        sides = frozenset(n for n in (event.actor, event.target) if n)
        key = (event.type, event.status, sides)
        home = next((m for m in by_key.get(key, ()) if _same(m, event, sides)), None) if sides else None
        if home is None:
            item = ChronicleEvent(event.type, event.mode, event.status, event.actor, event.target,
                                  event.earliest, event.latest, [event])
            merged.append(item)
            by_key.setdefault(key, []).append(item)
            continue
        home.sources.append(event)
        home.mode = home.mode or event.mode
        if event.earliest and (not home.earliest or event.earliest > home.earliest):
            home.earliest = event.earliest
        if event.latest and (not home.latest or event.latest < home.latest):
            home.latest = event.latest
    for item in merged:
        item.independent = len({(copies or {}).get(s.doc_id, s.doc_id) for s in item.sources})
    merged.sort(key=lambda m: (m.earliest or "", m.latest or ""))
    return merged


def _same(merged: ChronicleEvent, event: TimelineEvent, sides: frozenset[str]) -> bool:
    if merged.type != event.type or merged.status != event.status or not sides:
        return False
    if frozenset(n for n in (merged.actor, merged.target) if n) != sides:
        return False
    if merged.earliest and event.latest and event.latest < merged.earliest:
        return False
    return not (merged.latest and event.earliest and event.earliest > merged.latest)


def actor_network(events: list[TimelineEvent] | list[ChronicleEvent]) -> dict:
    """Who interacts with whom: nodes are entities, an edge per (actor,
    target, type) with its count and the first and last day it may fall on.
    Given merged events (:func:`merge_reports`), ``count`` counts events and
    ``reports`` the sentences that tell them; given reports, both are equal."""
    nodes: dict[str, int] = {}
    edges: dict[tuple[str, str, str], dict] = {}
    for event in events:
        if not (event.actor and event.target):
            continue
        for name in (event.actor, event.target):
            nodes[name] = nodes.get(name, 0) + 1
        key = (event.actor, event.target, event.type)
        edge = edges.setdefault(key, {"source": event.actor, "target": event.target, "type": event.type,
                                      "count": 0, "reports": 0, "earliest": event.earliest, "latest": event.latest})
        edge["count"] += 1
        edge["reports"] += len(getattr(event, "sources", None) or [event])
        if event.earliest and (not edge["earliest"] or event.earliest < edge["earliest"]):
            edge["earliest"] = event.earliest
        if event.latest and (not edge["latest"] or event.latest > edge["latest"]):
            edge["latest"] = event.latest
    return {"nodes": [{"id": n, "events": c} for n, c in sorted(nodes.items())],
            "edges": sorted(edges.values(), key=lambda e: (-e["count"], e["source"], e["target"]))}


def network_graphml(network: dict) -> str:
    """The network as GraphML (directed; edge attributes type, count, reports, earliest, latest)."""
    from xml.sax.saxutils import quoteattr

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="events" for="node" attr.name="events" attr.type="int"/>',
        '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
        '  <key id="count" for="edge" attr.name="count" attr.type="int"/>',
        '  <key id="reports" for="edge" attr.name="reports" attr.type="int"/>',
        '  <key id="earliest" for="edge" attr.name="earliest" attr.type="string"/>',
        '  <key id="latest" for="edge" attr.name="latest" attr.type="string"/>',
        '  <graph id="events" edgedefault="directed">',
    ]
    for node in network["nodes"]:
        lines.append(f'    <node id={quoteattr(node["id"])}><data key="events">{node["events"]}</data></node>')
    for edge in network["edges"]:
        data = "".join(f'<data key="{k}">{edge[k] or ""}</data>' for k in ("type", "count", "reports", "earliest", "latest"))
        lines.append(f'    <edge source={quoteattr(edge["source"])} target={quoteattr(edge["target"])}>{data}</edge>')
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines)
