"""Bounded caches for word-level lookups that do not grow late.

Many language lookups in chronik are pure functions of a word (its lemma,
whether it is a role noun, its gazetteer marks) asked again and again for
the same few thousand words, so they are cached.  A stream of news brings
new words without end, so every such cache needs a bound.

``functools.lru_cache(maxsize=N)`` keeps that bound, but not its memory:
each eviction leaves a hole in the cache's dictionary, and when the holes
have used up the table it is rebuilt at twice the size.  A full cache of
200,000 words grows by about 10 MB once more, some 150,000 misses after it
filled, so a worker on a long run stepped up in memory long after its
warm-up (bench/RESULTS.md, stop 12).  It also keeps a linked-list node per
entry.

:func:`word_cache` is an unbounded ``functools`` cache (C speed on a hit, no
per-entry node) that is emptied when a miss would take it past its bound:
its table never outgrows the one it had when it first filled, and the
words that matter are back after a few articles.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def word_cache(maxsize: int) -> Callable[[F], F]:
    """Like ``functools.lru_cache(maxsize)``, but emptied instead of evicting."""
    if maxsize < 1:
        raise ValueError(f"a word cache holds at least one entry, not {maxsize}")

    def decorate(function: F) -> F:
        misses = 0  # entries stored since the cache was last emptied (at most)

        @functools.wraps(function)
        def compute(*args: Any, **kwargs: Any) -> Any:
            nonlocal misses
            if misses >= maxsize:
                cached.cache_clear()
                misses = 0
            misses += 1
            return function(*args, **kwargs)

        cached = functools.lru_cache(maxsize=None)(compute)
        return cached  # type: ignore[return-value]

    return decorate
