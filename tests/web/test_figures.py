"""Geometry of the SVG figures: months without mentions keep their place;
the network puts the entity in the middle."""

from __future__ import annotations

from chronik.web.figures import network_layout, timeline_bars


def test_timeline_fills_months_without_mentions():
    figure = timeline_bars([("2022-11", 4), ("2023-02", 2)])
    assert [bar["month"] for bar in figure["bars"]] == ["2022-11", "2022-12", "2023-01", "2023-02"]
    heights = [bar["height"] for bar in figure["bars"]]
    assert heights[1] == heights[2] == 0 and heights[0] == 2 * heights[3]
    assert figure["bars"][2]["label"] == "2023-01"  # a new year is labelled


def test_timeline_of_nothing_is_empty():
    assert timeline_bars([])["bars"] == []


def test_network_centre_and_links():
    centre = {"id": "per-a-000000", "name": "Anna Albers", "type": "PER", "mentions": 9}
    neighbours = [
        {"id": "org-b-000000", "name": "Bahnverband", "type": "ORG", "mentions": 3, "shared_sentences": 4},
        {"id": "loc-c-000000", "name": "Celle", "type": "LOC", "mentions": 2, "shared_sentences": 1},
    ]
    layout = network_layout(centre, neighbours, [("loc-c-000000", "org-b-000000", 2)])
    middle = layout["size"] / 2
    assert (layout["nodes"][0]["x"], layout["nodes"][0]["y"]) == (middle, middle)
    spokes = [line for line in layout["lines"] if not line["between"]]
    assert len(spokes) == 2 and spokes[0]["width"] > spokes[1]["width"]  # stronger link, thicker line
    assert sum(line["between"] for line in layout["lines"]) == 1
