"""An article's text as HTML with its mentions, quotes and time expressions
marked and linked.

Every piece of article text goes through ``markupsafe.escape``: a
``<script>`` or ``onerror=`` in an article is shown as text.  Spans of
different layers may cross (a quote runs over several mentions); the text
is cut at every span boundary and each piece is wrapped in the quote and
the inner mark it lies in, so the HTML stays well formed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from urllib.parse import quote

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    open: Markup  # the opening tag(s)
    close: Markup


def _non_overlapping(marks: list[Mark]) -> list[Mark]:
    """Keep the earliest, then longest span where spans of one kind overlap."""
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -(m.end - m.start))):
        if mark.end > mark.start and (not kept or mark.start >= kept[-1].end):
            kept.append(mark)
    return kept


def quote_marks(quotes: list[dict[str, Any]]) -> list[Mark]:
    marks = []
    for q in quotes:
        if q.get("is_nested"):
            continue
        title = f"{q.get('form', '')} · {q.get('speaker') or 'speaker unknown'}"
        opening = Markup('<span class="quote" id="q-{}" title="{}">').format(q.get("id", q["start"]), title)
        marks.append(Mark(q["start"], q["end"], opening, Markup("</span>") + said_by(q)))
    return _non_overlapping(marks)


def said_by(quote: dict[str, Any]) -> Markup:
    """The speaker, shown right after the quote (linked when known)."""
    if quote.get("speaker_id"):
        return Markup('<sup class="said-by"><a href="/entities/{}">{}</a></sup>').format(quote["speaker_id"], quote["speaker"])
    if quote.get("speaker"):
        return Markup('<sup class="said-by">{}</sup>').format(quote["speaker"])
    return Markup("")


def inner_marks(mentions: list[dict[str, Any]], timexes: list[dict[str, Any]]) -> list[Mark]:
    marks = []
    for m in mentions:
        kind = m["type"].lower()
        if m.get("entity_id"):
            title = f"{m['type']} · {m.get('name') or m['text']}"
            opening = Markup('<a class="mention {}" href="/entities/{}" title="{}">').format(kind, m["entity_id"], title)
            marks.append(Mark(m["start"], m["end"], opening, Markup("</a>")))
    for t in timexes:
        value = t.get("value") or "unresolved"
        title = f"{t.get('type', '')} {value}"
        if t.get("earliest") or t.get("latest"):
            title += f" ({t.get('earliest') or '…'} – {t.get('latest') or '…'})"
        opening = Markup('<a class="timex" id="t-{}" href="/timexes?value={}" title="{}">').format(
            t["start"], quote(t.get("value") or "", safe=""), title)
        marks.append(Mark(t["start"], t["end"], opening, Markup("</a>")))
    return _non_overlapping(marks)


def _active(marks: list[Mark], start: int, end: int) -> Mark | None:
    for mark in marks:
        if mark.start <= start and end <= mark.end:
            return mark
    return None


def render_block(text: str, start: int, end: int, outer: list[Mark], inner: list[Mark],
                 sentence_starts: set[int]) -> Markup:
    """The HTML of text[start:end]: pieces wrapped in their quote and inner mark."""
    cuts = {start, end} | {p for m in (*outer, *inner) for p in (m.start, m.end) if start < p < end}
    cuts |= {p for p in sentence_starts if start <= p < end}
    points = sorted(cuts)
    outer = [m for m in outer if m.start < end and m.end > start]
    inner = [m for m in inner if m.start < end and m.end > start]
    html: list[Markup] = []
    open_outer: Mark | None = None
    for a, b in zip(points, points[1:]):
        quote, mark = _active(outer, a, b), _active(inner, a, b)
        if quote is not open_outer:
            if open_outer:
                html.append(open_outer.close)
            if quote:
                html.append(quote.open)
            open_outer = quote
        if a in sentence_starts:
            html.append(Markup('<span class="anchor" id="s-{}"></span>').format(a))
        piece = escape(text[a:b])
        html.append(mark.open + piece + mark.close if mark else piece)
    if open_outer:
        html.append(open_outer.close)
    return Markup("").join(html)


def render_article(article: dict[str, Any]) -> list[dict[str, Any]]:
    """The blocks of an article page: kind (title/heading/paragraph) and HTML."""
    doc = article["document"]
    text = doc["text"]
    outer = quote_marks(article["quotes"])
    inner = inner_marks(article["mentions"], article["timexes"])
    starts = {s["start"] for s in article["sentences"]}
    blocks = doc.get("blocks") or [{"start": 0, "end": len(text), "kind": "paragraph"}]
    return [
        {"kind": b["kind"], "html": render_block(text, b["start"], b["end"], outer, inner, starts)}
        for b in blocks
    ]


def highlight(sentence: str, matches: list[list[int]]) -> Markup:
    """A search hit with its matched words in <mark>."""
    html, last = [], 0
    for start, end in matches:
        html.append(escape(sentence[last:start]) + Markup("<mark>") + escape(sentence[start:end]) + Markup("</mark>"))
        last = end
    html.append(escape(sentence[last:]))
    return Markup("").join(html)
