"""The HTML pages: search, articles, article, entities, entity, quote finder,
time expressions.  Server-rendered, readable without JavaScript.

Templates live in ``chronik/web/templates`` (package data) and are rendered
with autoescaping on: article text can never become markup.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from . import figures, markup, params, queries, views
from .params import ENTITY_TYPES, FORMS, TIMEX_TYPES
from .state import WebState

router = APIRouter()

_DICT_METHODS = frozenset(dir(dict))


class _PageEnvironment(Environment):
    """Jinja reads ``item.title`` as getattr first and the key only after an
    AttributeError; our pages render plain dicts, so the key goes first
    (an entity page reads ~2,000 of them: a third of its time went into the
    exceptions).  Dict methods (``.items()``) still resolve as before."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_METHODS:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


templates = _PageEnvironment(
    loader=PackageLoader("chronik.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    # The templates ship in the package: no stat() of each template file per page.
    auto_reload=False,
)


def _replace_specials(text: str) -> str:
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


try:  # markupsafe's own C function: the same replacements in one pass
    from markupsafe._speedups import _escape_inner as _escape_text
except ImportError:  # pure-Python markupsafe
    _escape_text = _replace_specials


def _escape(value: Any) -> str:
    """What markupsafe.escape writes, as a plain str for the fragments below.

    markupsafe builds a Markup object per value; an entity page escapes ~770
    values at 100,000 articles, and those objects were half of its rendering
    time.  Plain strings, most of them, go straight to the replacing."""
    if type(value) is str:
        return _escape_text(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape_text(str(value))


def timeline_bar_links(months: dict[str, Any], entity_id: str) -> Markup:
    """The bars of an entity's timeline, each linked to that month's quotes.

    Written here rather than in macros.html: ten values per month, over ten
    years of months, made this loop half of an entity page's rendering time
    in Jinja.  Everything that is not a number is escaped."""
    entity, baseline = _escape(entity_id), months["height"] - 6
    parts = []
    for bar in months["bars"]:
        month = _escape(bar["month"])
        parts.append(
            f'<a href="/quotes?entity={entity}&amp;from={month}&amp;to={month}">\n'
            f'    <rect x="{bar["x"]}" y="{bar["y"]}" width="{bar["width"]}" height="{bar["height"]}">'
            f'<title>{month}: {bar["count"]} Erwähnungen</title></rect>\n  </a>\n'
        )
        if bar["label"]:
            parts.append(f'<text x="{bar["x"]}" y="{baseline}">{_escape(bar["label"])}</text>')
        parts.append("  ")
    return Markup("".join(parts).rstrip())


def _article_link(article: dict[str, Any], anchor: str = "") -> str:
    # as the article_link macro
    return (f'<a class="article" href="/articles/{_escape(article["id"])}{_escape(anchor)}">'
            f'{_escape(article.get("title") or article["id"])}</a>\n'
            f'<span class="date">{_escape(article.get("date") or "undatiert")}</span>')


def _speaker(quote: dict[str, Any]) -> str:
    # as the speaker macro
    if quote.get("speaker_id"):
        return f'<a class="speaker" href="/entities/{_escape(quote["speaker_id"])}">{_escape(quote["speaker"])}</a>\n'
    if quote.get("speaker"):
        return f'<span class="speaker unlinked">{_escape(quote["speaker"])}</span>\n'
    return '<span class="speaker unknown">Sprecher unbekannt</span>'


def quote_rows(quotes: list[dict[str, Any]]) -> Markup:
    """List items of quotes (entity page, quote finder), as a quote_row macro
    drew them; in Python because a hundred macro calls were a third of an
    entity page's rendering."""
    rows = []
    for quote in quotes:
        fixed = quote.get("corrected")
        note = (f' · <span class="corrected" title="corrected by {_escape(fixed["by"])} at {_escape(fixed["at"])}">'
                "korrigiert</span>") if fixed else ""
        rows.append(
            f'<li class="quote-item">\n  <blockquote><a href="/articles/{_escape(quote["article"]["id"])}'
            f'#q-{_escape(quote["id"])}">{_escape(quote["text"])}</a></blockquote>\n'
            f'  <div class="meta">{_speaker(quote)} · <span class="form">{_escape(quote["form"])}</span> ·\n'
            f'    {_article_link(quote["article"])}{note}</div>\n</li>'
        )
    return Markup("".join(rows))


def timeline_items(items: list[dict[str, Any]]) -> Markup:
    """The entity page's list of articles in date order (up to views.TIMELINE_MAX items)."""
    return Markup("".join(
        f'    <li><span class="date">{_escape(item["article"].get("date") or "undatiert")}</span>\n'
        f'        <a class="article" href="/articles/{_escape(item["article"]["id"])}">'
        f'{_escape(item["article"].get("title") or item["article"]["id"])}</a>\n'
        f'        <span class="count">{_escape(item["mentions"])}×</span></li>\n'
        for item in items
    ))


templates.globals.update(timeline_bar_links=timeline_bar_links, quote_rows=quote_rows, timeline_items=timeline_items)


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(templates.get_template(name).render(**context), status_code=status)


def _state(request: Request) -> WebState:
    return request.app.state.web


def page_links(request: Request, result: dict[str, Any]) -> dict[str, str | None]:
    """Links to the previous and next page, keeping the other parameters."""
    number, size = result["page"], result["size"]
    more = result.get("has_more", number * size < result.get("total", 0))
    args = {k: v for k, v in request.query_params.items() if k != "page" and v}

    def link(n: int) -> str:
        return f"{request.url.path}?{urlencode({**args, 'page': n})}"

    return {"previous": link(number - 1) if number > 1 else None, "next": link(number + 1) if more else None}


def _form(request: Request, *names: str) -> dict[str, str]:
    return {name: request.query_params.get(name, "") for name in names}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request) -> HTMLResponse:
    q = request.query_params.get("q")
    form = _form(request, "q", "from", "to", "entity")
    state = _state(request)
    dates = params.date_range(form["from"], form["to"])
    page = params.page(request.query_params.get("page"), request.query_params.get("size"))
    if not q:
        recent = views.articles(state, dates, page, params.text("entity", request.query_params.get("entity")))
        return render("search.html", form=form, result=None, recent=recent, links=page_links(request, recent))
    result = views.search(state, params.text("q", q), dates, page)
    for hit in result["hits"]:
        hit["html"] = markup.highlight(hit["sentence"], hit["matches"])
    return render("search.html", form=form, result=result, recent=None, links=page_links(request, result))


@router.get("/articles/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, doc_id: str) -> HTMLResponse:
    article = views.article(_state(request), doc_id)
    return render("article.html", article=article, blocks=markup.render_article(article))


@router.get("/entities", response_class=HTMLResponse, include_in_schema=False)
def entities_page(request: Request) -> HTMLResponse:
    form = _form(request, "q", "type")
    page = params.page(request.query_params.get("page"), request.query_params.get("size"))
    result = views.entities(_state(request), params.text("q", form["q"]),
                            params.choice("type", form["type"], ENTITY_TYPES), page)
    return render("entities.html", form=form, types=ENTITY_TYPES, result=result, links=page_links(request, result))


@router.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
async def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    # On the event loop, as the API's entity endpoint (chronik/web/api.py says why).
    entity = views.entity(_state(request), entity_id)
    months = figures.timeline_bars([(m["month"], m["mentions"]) for m in entity["months"]])
    star = figures.network_layout(entity, entity["neighbours"][:12])
    return render("entity.html", entity=entity, months=months, star=star)


@router.get("/entities/{entity_id}/network", response_class=HTMLResponse, include_in_schema=False)
def network_page(request: Request, entity_id: str) -> HTMLResponse:
    network = views.network(_state(request), entity_id)
    edges = [(e["a"], e["b"], e["shared_sentences"]) for e in network["edges"]]
    layout = figures.network_layout(network["entity"], network["neighbours"], edges)
    return render("network.html", entity=network["entity"], network=layout, neighbours=network["neighbours"])


@router.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
def quotes_page(request: Request) -> HTMLResponse:
    form = _form(request, "speaker", "entity", "words", "form", "from", "to")
    page = params.page(request.query_params.get("page"), request.query_params.get("size"))
    result = views.quotes(
        _state(request), params.text("speaker", form["speaker"]), params.text("entity", form["entity"]),
        params.text("words", form["words"]), params.choice("form", form["form"], FORMS),
        params.date_range(form["from"], form["to"]), page,
    )
    return render("quotes.html", form=form, forms=FORMS, result=result, links=page_links(request, result))


@router.get("/timexes", response_class=HTMLResponse, include_in_schema=False)
def timexes_page(request: Request) -> HTMLResponse:
    form = _form(request, "type", "value", "from", "to")
    page = params.page(request.query_params.get("page"), request.query_params.get("size"))
    result = views.timexes(_state(request), params.choice("type", form["type"], TIMEX_TYPES),
                           params.text("value", form["value"]), params.date_range(form["from"], form["to"]), page)
    return render("timexes.html", form=form, types=TIMEX_TYPES, result=result, links=page_links(request, result))


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline_page(request: Request) -> HTMLResponse:
    """Articles per month (each month links to its articles) and the events, in date order."""
    form = _form(request, "from", "to")
    state = _state(request)
    dates = params.date_range(form["from"], form["to"])
    page = params.page(request.query_params.get("page"), request.query_params.get("size"))
    months = figures.timeline_bars(queries.articles_per_month(state.archive(), dates))
    result = views.events(state, dates, page)
    return render("timeline.html", form=form, months=months, result=result, links=page_links(request, result))
