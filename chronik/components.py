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
    version="1",
    description="sentences and tokens with offsets, STTS POS tags and lemmas",
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

DEFAULT_PIPELINE = ("text", "time")
