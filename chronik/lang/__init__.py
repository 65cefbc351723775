"""Language resources as data.

Each language is a package (``chronik/lang/de/``) holding plain text files:
one entry per line, ``#`` starts a comment, fields separated by tabs where a
file needs more than one.  Code asks for a resource by name; adding a
language means adding a package, not ``if lang == "de"`` branches.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..errors import ChronikError


@lru_cache(maxsize=None)
def resource_lines(lang: str, name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of ``lang/<lang>/<name>``, stripped."""
    try:
        text = resources.files(f"chronik.lang.{lang}").joinpath(name).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise ChronikError("E112", path=f"chronik/lang/{lang}/{name}", reason=f"language resource missing ({error})") from None
    lines = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""
        if line.strip():
            lines.append(line.strip())
    return tuple(lines)


@lru_cache(maxsize=None)
def resource_set(lang: str, name: str) -> frozenset[str]:
    return frozenset(resource_lines(lang, name))


@lru_cache(maxsize=None)
def resource_table(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a resource file."""
    return tuple(tuple(field.strip() for field in line.split("\t")) for line in resource_lines(lang, name))


def resource_path(lang: str, name: str):
    """A path-like handle to a (possibly binary) resource, e.g. a model file."""
    return resources.files(f"chronik.lang.{lang}").joinpath(name)
