"""Hostile article text stays text; ids cannot escape the archive; malformed
parameters get a 400 that names the parameter; page sizes are capped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from chronik.web.app import CONTENT_SECURITY_POLICY


def parse_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag the browser would build from the page, with its attributes."""
    tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append((tag, attrs))

    Collector().feed(html)
    return tags


@pytest.fixture(scope="module")
def hostile_id(client) -> str:
    hits = client.get("/api/search?q=Stadtrat Webseite").json()["hits"]
    assert hits, "the hostile article is in the archive"
    return hits[0]["doc_id"]


def test_script_in_article_is_shown_as_text(client, hostile_id):
    page = client.get(f"/articles/{hostile_id}")
    assert page.status_code == 200
    html = page.text
    assert "<script" not in html
    assert "&lt;script&gt;alert(" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:alert(2)" in html  # the words are there, as text
    tags = parse_tags(html)
    assert not [t for t, _ in tags if t == "script"]
    assert not [a for _, attrs in tags for a, _ in attrs if a.startswith("on")]
    assert not [v for _, attrs in tags for a, v in attrs if a == "href" and "javascript" in (v or "").lower()]


def test_hostile_search_hit_is_escaped(client):
    html = client.get("/", params={"q": "Bild Entwurf"}).text
    assert "<img" not in html
    assert "onerror=alert(1)" in html  # visible as text, inside escaped markup
    assert "&lt;img" in html


def test_hostile_query_is_escaped_in_the_page(client):
    html = client.get("/", params={"q": '"><script>alert(3)</script>'}).text
    assert "<script>alert(3)" not in html


def test_every_response_forbids_scripts(client):
    for url in ("/", "/api/stats", "/entities", "/nowhere"):
        headers = client.get(url).headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        # Scripts only from our own static files: nothing inline, nothing from elsewhere.
        assert "script-src 'self';" in CONTENT_SECURITY_POLICY and "unsafe" not in CONTENT_SECURITY_POLICY
        assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("url", [
    "/api/articles/..%2F..%2Fetc%2Fpasswd",
    "/api/articles/../../etc/passwd",
    "/articles/%2e%2e%2fchronik.db",
    "/static/..%2F..%2Fcli%2Fserve.py",
    "/static/../web/app.py",
    "/api/entities/..%2Fper-x-000000",
    "/api/quotes/0000000000000000-1-2%2F..",
])
def test_ids_and_paths_cannot_escape(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "import" not in response.text and "SQLite format" not in response.text


@pytest.mark.parametrize("url, name", [
    ("/api/search?q=Streik&size=1000", "size"),
    ("/api/search?q=Streik&size=0", "size"),
    ("/api/search?q=Streik&size=viele", "size"),
    ("/api/search?q=Streik&page=0", "page"),
    ("/api/search?q=Streik&page=99999", "page"),
    ("/api/search?q=Streik&from=2023-13", "from"),
    ("/api/search?q=Streik&from=gestern", "from"),
    ("/api/search?q=Streik&from=2023-05&to=2023-04", "to"),
    ("/api/search", "q"),
    ("/api/quotes?form=Zitat", "form"),
    ("/api/entities?type=PERSON", "type"),
    ("/api/timexes?type=WANN", "type"),
    ("/api/articles?size=101", "size"),
    ("/api/quotes?words=" + "x" * 500, "words"),
])
def test_malformed_parameters_get_400_naming_them(client, url, name):
    response = client.get(url)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "E501"
    assert repr(name) in error["message"]


def test_malformed_parameter_on_a_page_is_a_readable_400(client):
    response = client.get("/quotes?from=31.12.2023")
    assert response.status_code == 400
    assert "Invalid parameter &#39;from&#39;" in response.text
    assert "Traceback" not in response.text


def test_search_operators_are_words(client):
    response = client.get("/api/search", params={"q": 'Streik NEAR( * OR "'})
    assert response.status_code == 200


def test_unknown_ids_are_404_with_a_message(client):
    for url, code in (("/api/articles/abcdef123456", "E303"), ("/api/entities/per-niemand-000000", "E502"),
                      ("/api/quotes/0123456789abcdef-1-2", "E502")):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == code


def test_server_is_read_only_by_default(client):
    response = client.post("/api/corrections/merge", json={"entity": "per-a-000000", "into": "per-b-000000", "by": "x"})
    assert response.status_code == 403
    assert "--allow-corrections" in response.json()["error"]["message"]
