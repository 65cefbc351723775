"""Entity pages read totals summed at index time and lists cut at the page's
end; both must agree with counting every row of the entity, for every
entity of the sample archive."""

from __future__ import annotations

from chronik.web import index_queries as iq


def _counted(db, entity_id: str) -> tuple[int, int, list[tuple[str, int]]]:
    """Quotes by, quotes about and mentions per month, counted over all rows."""
    raws = iq.members(db, entity_id)
    marks = ",".join("?" * len(raws))
    by = db.execute(f"SELECT COUNT(*) FROM quotes WHERE speaker_raw IN ({marks})", raws).fetchone()[0]
    about = db.execute(
        f"""SELECT COUNT(DISTINCT quote) FROM quote_about WHERE raw IN ({marks})
            AND (speaker_raw IS NULL OR speaker_raw NOT IN ({marks}))""", [*raws, *raws]).fetchone()[0]
    months = db.execute(
        f"""SELECT substr(earliest, 1, 7), SUM(count) FROM entity_articles
            WHERE raw IN ({marks}) AND earliest IS NOT NULL GROUP BY 1 ORDER BY 1""", raws).fetchall()
    return by, about, [tuple(m) for m in months]


def test_page_totals_match_counting_every_row(client):
    state = client.app.state.web
    db = state.index()
    entities = [row[0] for row in db.execute("SELECT id FROM entities")]
    assert len(entities) > 20
    quoted = 0
    for entity_id in entities:
        by, about, months = _counted(db, entity_id)
        assert iq.quote_counts(db, entity_id) == (by, about), entity_id
        assert [tuple(m) for m in iq.monthly(db, entity_id)] == months, entity_id
        quoted += by > 0 and about > 0
    assert quoted, "some speaker of the samples is also quoted about"


def test_entity_lists_are_in_page_order(client):
    db = client.app.state.web.index()
    speakers = [row[0] for row in db.execute(
        "SELECT id FROM entities ORDER BY mentions DESC LIMIT 40")]
    for entity_id in speakers:
        page = client.get(f"/api/entities/{entity_id}").json()
        dates = [q["article"]["date"] or "" for q in page["quotes_by_items"]]
        assert page["quotes_by"] >= len(page["quotes_by_items"])
        assert page["quotes_about"] >= len(page["quotes_about_items"])
        assert all(q["speaker_id"] == entity_id or q.get("corrected") for q in page["quotes_by_items"])
        assert all(q["speaker_id"] != entity_id for q in page["quotes_about_items"])
        # newest first (an article's date string sorts like its earliest day for full dates)
        assert [d[:4] for d in dates] == sorted((d[:4] for d in dates), reverse=True)
        assert len(page["timeline"]) <= page["articles"]
        assert len({item["article"]["id"] for item in page["timeline"]}) == len(page["timeline"])
