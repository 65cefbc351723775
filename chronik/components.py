"""The one place where pipeline components are registered.

Factories import their module lazily, so that ``chronik --help`` stays fast
and a worker only loads the models of the components it runs.  Bump a
component's ``version`` whenever its output changes: stored analyses made
by an older version are redone on the next ingest.
"""

from __future__ import annotations

from .pipeline import register


def _text_layer(lang: str):
    from .extract.text import TextLayer

    return TextLayer(lang)


register(
    "text",
    _text_layer,
    assigns=("sentences", "tokens"),
    version="2",  # 2: CRF tagger (was HanTa, provisional)
    description="sentences and tokens with offsets, STTS POS tags and lemmas",
)



def _entities(lang: str, ner=None):
    from .extract.entities import EntityLayer

    return EntityLayer(lang, ner)  # ner: a chronik.extract.ner.NerSpec (--ner), None for our CRF


register(
    "entities",
    _entities,
    requires=("sentences", "tokens"),
    assigns=("mentions",),
    version="2",
    description="named entity mentions (PER/ORG/LOC/OTH, GermEval -deriv/-part labels) from a CRF, or a spaCy/transformers model (--ner)",
    options=("ner",),
)

def _quotes(lang: str):
    from .extract.quotes import QuotesLayer

    return QuotesLayer(lang)


register(
    "quotes",
    _quotes,
    requires=("sentences", "tokens"),  # uses "mentions", "roles", "links" for speakers when present
    assigns=("quotes",),
    version="7",  # 2: speaker_name resolved within the article; 3: STWR from the source of "laut X"; 4: passive reports; 5: pronouns skip names inside earlier messages; 6: written sources; 7: "Einer der ..."
    description="direct and reported speech: cue, speaker, message, addressee, form, STWR",
)


def _time(lang: str):
    from .extract.time import TimeTagger

    return TimeTagger(lang)


register(
    "time",
    _time,
    requires=("sentences", "tokens"),
    assigns=("timexes",),
    version="1",
    description="temporal expressions: TimeML TIMEX3 type/value plus the interval of days they may denote",
)



def _roles(lang: str):
    from .extract.roles import RoleFinder

    return RoleFinder(lang)


register(
    "roles",
    _roles,
    requires=("sentences", "tokens", "mentions"),
    assigns=("roles",),
    version="1",
    description="dated role facts from titles and appositions (US-Präsident Joe Biden)",
)



def _links(lang: str):
    from .extract.links import ArticleLinker

    return ArticleLinker(lang)


register(
    "links",
    _links,
    requires=("mentions", "roles"),
    assigns=("links",),
    version="1",
    description="within-article links: surname -> full name, 'der Präsident' -> person, 'der Kreml' -> state",
)

def _events(lang: str):
    from .extract.events import EventLayer

    return EventLayer(lang)


register(
    "events",
    _events,
    requires=("sentences", "tokens", "mentions", "timexes"),  # uses "links" and "quotes" when present
    assigns=("events",),
    version="2",
    description="PLOVER events: type, mode, actor, target, when, where, status, evidence",
)

DEFAULT_PIPELINE = ("text", "time", "entities", "roles", "links", "quotes", "events")
