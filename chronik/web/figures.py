"""Geometry for the server-drawn SVG figures: an entity's mentions per month
(timeline) and its network of entities named in the same sentences.

Only numbers and ids come out of here; the templates draw them with
autoescaping, so names stay text.  The figures need no JavaScript; the
optional ``static/pan-zoom.js`` adds dragging and wheel zoom.
"""

from __future__ import annotations

import math
from typing import Any

TIMELINE_WIDTH, TIMELINE_HEIGHT, TIMELINE_PAD = 720, 140, 24
BAR_MAX = 36  # a few months should not look like a wall
NETWORK_SIZE = 640


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    result = []
    while (year, month) <= end and len(result) < 600:
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def timeline_bars(monthly: list[tuple[str, int]]) -> dict[str, Any]:
    """Bars of mentions per month, every month between the first and last shown."""
    if not monthly:
        return {"bars": [], "width": TIMELINE_WIDTH, "height": TIMELINE_HEIGHT}
    counts = dict(monthly)
    months = _months(monthly[0][0], monthly[-1][0])
    peak = max(counts.values())
    step = (TIMELINE_WIDTH - 2 * TIMELINE_PAD) / len(months)
    usable = TIMELINE_HEIGHT - 2 * TIMELINE_PAD
    width = round(min(max(step - 1, 1), BAR_MAX), 1)
    floor = TIMELINE_HEIGHT - TIMELINE_PAD
    last = len(months) - 1
    bars = []
    # An entity page draws ten years of months: this loop is kept lean
    # (what is the same for every bar computed once, nothing rounded for empty months).
    for n, month in enumerate(months):
        count = counts.get(month, 0)
        raw = usable * count / peak if count else 0
        bars.append({
            "month": month, "count": count, "x": round(TIMELINE_PAD + n * step, 1), "width": width,
            "y": round(floor - raw, 1) if count else floor, "height": round(raw, 1) if count else 0,
            "label": month if n == 0 or n == last or month.endswith("-01") else "",
        })
    return {"bars": bars, "width": TIMELINE_WIDTH, "height": TIMELINE_HEIGHT, "peak": peak,
            "baseline": TIMELINE_HEIGHT - TIMELINE_PAD}


def network_layout(centre: dict[str, Any], neighbours: list[dict[str, Any]],
                   edges: list[tuple[str, str, int]] = ()) -> dict[str, Any]:
    """The entity in the middle, its neighbours on a circle, strongest first."""
    middle = NETWORK_SIZE / 2
    radius = NETWORK_SIZE * 0.36
    nodes = [{**_node(centre), "x": middle, "y": middle, "centre": True}]
    strongest = max([n["shared_sentences"] for n in neighbours] or [1])
    for i, neighbour in enumerate(neighbours):
        angle = 2 * math.pi * i / max(len(neighbours), 1) - math.pi / 2
        nodes.append({**_node(neighbour), "x": round(middle + radius * math.cos(angle), 1),
                      "y": round(middle + radius * math.sin(angle), 1), "centre": False,
                      "weight": neighbour["shared_sentences"]})
    place = {n["id"]: n for n in nodes}
    lines = [
        {"x1": middle, "y1": middle, "x2": n["x"], "y2": n["y"], "count": n["weight"],
         "width": round(1 + 5 * n["weight"] / strongest, 1), "between": False}
        for n in nodes[1:]
    ]
    for a, b, count in edges:
        if a in place and b in place and a < b:
            lines.append({"x1": place[a]["x"], "y1": place[a]["y"], "x2": place[b]["x"], "y2": place[b]["y"],
                          "count": count, "width": round(0.5 + 3 * count / strongest, 1), "between": True})
    return {"nodes": nodes, "lines": lines, "size": NETWORK_SIZE}


def _node(entity: dict[str, Any]) -> dict[str, Any]:
    return {"id": entity["id"], "name": entity["name"], "type": entity["type"].lower(),
            "r": round(6 + 3 * math.log1p(entity.get("mentions", 1)), 1)}
