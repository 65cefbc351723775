"""The archive: stored articles, their analyses and a German full-text index.

>>> from chronik.archive import open_archive
>>> archive = open_archive("news.db", create=True)      # doctest: +SKIP

``open_archive`` picks the backend from a path or URL; everything else
talks to the :class:`~chronik.archive.base.Archive` interface.  See
docs/archive.md.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ChronikError
from .base import Archive, ArchiveStats, ArticleToStore, DateRange, SearchHit, StoredDocument, StoredState


def open_archive(url_or_path: str | Path, *, create: bool = False) -> Archive:
    """Open an archive; ``create`` makes a new SQLite file when missing.

    Accepts a file path, ``sqlite:///path`` or ``postgresql://...`` (see
    docs/scale.md); other URL schemes are refused with a clear error.
    """
    location = str(url_or_path)
    if location.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresArchive

        return PostgresArchive(location, create=create)
    if location.startswith("sqlite:///"):
        location = location[len("sqlite:///") :]
    elif "://" in location:
        raise ChronikError("E306", url=location)
    from .sqlite import SqliteArchive

    return SqliteArchive(location, create=create)


__all__ = [
    "Archive",
    "ArchiveStats",
    "ArticleToStore",
    "DateRange",
    "SearchHit",
    "StoredDocument",
    "StoredState",
    "open_archive",
]
