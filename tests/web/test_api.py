"""The JSON API over the sample archive: search, articles, entities, quotes,
time expressions, events, pagination and stable ids."""

from __future__ import annotations

import re

from chronik.web.ids import ENTITY_ID, entity_id


def get(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def test_stats_count_articles_and_entities(client):
    stats = get(client, "/api/stats")
    assert stats["articles"] == get(client, "/api/articles")["total"] >= 12
    assert stats["entities"] > 20
    assert stats["layers"]["quotes"] > 50


def test_search_finds_inflected_words_with_highlights(client):
    result = get(client, "/api/search?q=Warnstreiks")
    assert result["hits"]
    for hit in result["hits"]:
        assert "warnstreik" in hit["sentence"].lower()
        start, end = hit["matches"][0]
        assert hit["sentence"][start:end].lower().startswith("warnstreik")
        assert re.fullmatch(r"[0-9a-f]{16}", hit["doc_id"])


def test_search_date_range_keeps_overlapping_articles(client):
    # The arbitration report is dated 2023-04 (month): it overlaps a day in April.
    inside = get(client, "/api/search?q=Schlichtung&from=2023-04-10&to=2023-04-10")
    assert inside["hits"] and all(h["date"] in ("2023-04", "2023") for h in inside["hits"])
    outside = get(client, "/api/search?q=Schlichtung&from=2023-08-01")
    assert outside["hits"] == []


def test_search_pages_do_not_repeat_hits(client):
    first = get(client, "/api/search?q=Gewerkschaft&size=2")
    second = get(client, "/api/search?q=Gewerkschaft&size=2&page=2")
    assert first["has_more"]
    keys = {(h["doc_id"], h["sentence_index"]) for h in first["hits"]}
    assert not keys & {(h["doc_id"], h["sentence_index"]) for h in second["hits"]}


def test_articles_newest_first_with_date_filter(client):
    result = get(client, "/api/articles?size=100")
    dates = [a["date"] for a in result["articles"]]
    assert dates[0] == "2023-09"  # the Wilhelmshaven protest is the latest story
    june = get(client, "/api/articles?from=2023-06&to=2023-06")
    assert {a["date"] for a in june["articles"]} <= {"2023-06-02", "2023-06-30", "2023"}


def test_article_has_text_and_linked_layers(client):
    hit = get(client, "/api/search?q=Absichtserklärung")["hits"][0]
    article = get(client, f"/api/articles/{hit['doc_id']}")
    text = article["document"]["text"]
    assert article["document"]["id"] == hit["doc_id"]
    for layer in ("mentions", "quotes", "timexes"):
        for item in article[layer]:
            assert 0 <= item["start"] < item["end"] <= len(text)
    wallmeyer = [m for m in article["mentions"] if m["text"] == "Wallmeyer"]
    assert wallmeyer and wallmeyer[0]["entity_id"].startswith("per-katrin-wallmeyer-")
    assert any(t["value"] == "2023-02-28" for t in article["timexes"])


def test_article_id_prefix_is_enough(client):
    doc_id = get(client, "/api/articles?size=1")["articles"][0]["id"]
    assert get(client, f"/api/articles/{doc_id[:8]}")["document"]["id"] == doc_id


def test_entity_surname_joins_full_name_across_articles(client):
    people = get(client, "/api/entities?q=kowalczyk&type=PER")["entities"]
    assert [e["name"] for e in people] == ["Bernd Kowalczyk"]
    entity = get(client, f"/api/entities/{people[0]['id']}")
    assert {"Bernd Kowalczyk", "Kowalczyk"} <= set(entity["aliases"])
    assert entity["articles"] >= 5
    assert entity["quotes_by"] > 0
    assert all(q["speaker_id"] == entity["id"] for q in entity["quotes_by_items"])
    dates = [item["article"]["date"] for item in entity["timeline"]]
    assert dates == sorted(dates)  # the timeline runs forward


def test_entity_roles_carry_date_and_source(client):
    person = get(client, "/api/entities?q=Wallmeyer&type=PER")["entities"][0]
    entity = get(client, f"/api/entities/{person['id']}")
    assert entity["roles"]
    for role in entity["roles"]:
        assert "minister" in role["role"].lower()
        assert role["date"] and role["article"]["id"]
    assert entity["neighbours"]


def test_entity_ids_are_stable_content_hashes(client):
    person = get(client, "/api/entities?q=Rothmund&type=PER")["entities"][0]
    assert person["id"] == entity_id("PER", "Sabine Rothmund")
    assert ENTITY_ID.fullmatch(person["id"])


def test_quote_finder_filters_by_speaker_form_words_and_date(client):
    direct = get(client, "/api/quotes?speaker=Kowalczyk&form=Direct&size=100")
    assert direct["total"] > 0
    assert all(q["form"] == "Direct" and "Kowalczyk" in q["speaker"] for q in direct["quotes"])
    words = get(client, "/api/quotes?words=Nahverkehr&size=100")
    assert words["total"] > 0 and all("nahverkehr" in q["text"].lower() for q in words["quotes"])
    may = get(client, "/api/quotes?from=2023-05-01&to=2023-05-31&size=100")
    # "2023" (year precision) may lie in May, so it stays.
    assert may["total"] > 0 and all(q["article"]["date"][:7] in ("2023-05", "2023") for q in may["quotes"])


def test_quote_by_id_and_by_entity(client):
    quote = get(client, "/api/quotes?size=1")["quotes"][0]
    assert get(client, f"/api/quotes/{quote['id']}") == quote
    if quote["speaker_id"]:
        by_entity = get(client, f"/api/quotes?entity={quote['speaker_id']}&size=100")
        assert quote["id"] in {q["id"] for q in by_entity["quotes"]}


def test_timexes_filtered_by_resolved_interval(client):
    result = get(client, "/api/timexes?type=DATE&from=2023-06-01&to=2023-06-30&size=100")
    assert result["total"] > 0
    for timex in result["timexes"]:
        assert timex["type"] == "DATE"
        assert timex["earliest"] <= "2023-06-30"
        assert timex["latest"] is None or timex["latest"] >= "2023-06-01"


def test_events_endpoint_exists_before_the_layer(client):
    result = get(client, "/api/events")
    assert result["page"] == 1 and isinstance(result["events"], list)


def test_openapi_describes_every_endpoint(client):
    paths = get(client, "/api/openapi.json")["paths"]
    for path in ("/api/search", "/api/articles/{doc_id}", "/api/entities/{entity_id}", "/api/quotes",
                 "/api/timexes", "/api/events", "/api/corrections/merge"):
        assert path in paths


def test_timeline_page_links_months_to_their_articles(client):
    html = client.get("/timeline").text
    assert 'href="/?from=2023-04&amp;to=2023-04"' in html
    assert client.get("/timeline?from=2023-13").status_code == 400


def test_network_api_lists_neighbours_and_links(client):
    person = get(client, "/api/entities?q=Wallmeyer&type=PER")["entities"][0]
    network = get(client, f"/api/entities/{person['id']}/network")
    assert network["entity"]["id"] == person["id"]
    ids = {n["id"] for n in network["neighbours"]}
    assert person["id"] not in ids and ids
    assert all(e["a"] in ids and e["b"] in ids for e in network["edges"])


def test_articles_naming_an_entity(client):
    person = get(client, "/api/entities?q=Rothmund&type=PER")["entities"][0]
    result = get(client, f"/api/articles?entity={person['id']}&size=100")
    assert result["total"] == person["articles"]
    for article in result["articles"]:
        text = get(client, f"/api/articles/{article['id']}")["document"]["text"]
        assert "Rothmund" in text
    assert client.get("/api/articles?entity=per-niemand-000000").status_code == 404


def test_article_list_page_for_an_entity(client):
    person = get(client, "/api/entities?q=Haugland&type=PER")["entities"][0]
    html = client.get(f"/?entity={person['id']}").text
    assert f"{person['articles']} Artikel, die den Namen nennen" in html
