"""What one running server holds: the archive location, one archive and one
index connection per worker thread, the corrections, and the web index,
kept in step with the archive.

SQLite connections are not shared between threads; each request thread
opens its own (cheap, and WAL lets them read while an ingest or an index
update writes).  The index is brought up to date before the first request
that needs it; later changes of the archive (a running ingest) are picked
up by a background update while requests keep reading the last state.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import quote

from ..archive import Archive, open_archive
from .archive_corrections import archive_corrections, entity_corrections_stamp
from .corrections import Correction, corrections_path, load_corrections
from .index import connect_index, index_path, update_index

# How often the archive is asked whether it changed since the last update.
RECHECK_SECONDS = 2.0
# Request connections read archive and index through memory maps: no read()
# call and no copy per page, and the worker processes share the pages in the
# OS cache (a search's rows cost a quarter less than through SQLite's own 2 MB cache).
READ_MMAP_BYTES = 1 << 30


@dataclass(frozen=True)
class ServerSettings:
    db: str
    allow_corrections: bool = False
    token: str | None = None


def choose_index_path(db: str) -> Path:
    """Beside the archive; in the temp folder when the archive's folder is read-only."""
    path = index_path(db)
    if os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK)):
        return path
    digest = hashlib.sha1(str(Path(db).resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"chronik-{digest}.web-index"


@contextlib.contextmanager
def _process_lock(index_file: Path) -> Iterator[None]:
    """One index writer across server worker processes (POSIX file lock)."""
    try:
        import fcntl
    except ImportError:  # Windows: one worker process only
        yield
        return
    with open(str(index_file) + ".lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class WebState:
    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        # Fail now, with the archive's own message, not on the first request.
        open_archive(settings.db).close()
        self.index_file = choose_index_path(settings.db)
        watched = quote(str(Path(settings.db).resolve()))
        self._watch = sqlite3.connect(f"file:{watched}?mode=ro", uri=True, check_same_thread=False)
        self._watch_lock = threading.Lock()
        self._local = threading.local()
        self._update_lock = threading.Lock()
        self._updating = False
        self._ready = False
        self._signature: tuple | None = None
        self._checked = 0.0
        self._corrections: tuple[tuple, list[Correction]] = ((), [])
        self.search_index = _search_index(self.index_file)

    @property
    def corrections_file(self) -> Path:
        return corrections_path(self.settings.db)

    def corrections(self) -> list[Correction]:
        """Speaker fixes from the corrections file; entity merges and splits from the archive
        (the file's older ones are moved there on first use, see :mod:`.archive_corrections`)."""
        path = self.corrections_file
        stamp = path.stat().st_mtime_ns if path.exists() else 0
        archive_stamp = entity_corrections_stamp(self.archive())
        if (stamp, archive_stamp) != self._corrections[0]:
            kept = load_corrections(path)
            if archive_stamp is not None:
                kept = [c for c in kept if c.kind == "speaker"] + archive_corrections(self.archive(), path)
                archive_stamp = entity_corrections_stamp(self.archive())
            self._corrections = ((stamp, archive_stamp), kept)
        return self._corrections[1]

    def search(self, query: str, dates, limit: int) -> list[dict]:
        """Full-text search hits as dicts: the web's tantivy index when it is there, else the archive's FTS5."""
        if self.search_index is None:
            return [hit.to_dict() for hit in self.archive().search(query, dates, limit)]
        from .search_index import search

        self._keep_fresh()
        return search(self.search_index, self.archive(), query, dates, limit)

    def archive(self) -> Archive:
        archive = getattr(self._local, "archive", None)
        if archive is None:
            archive = self._local.archive = open_archive(self.settings.db)
            _map_into_memory(archive)
        return archive

    def index(self) -> sqlite3.Connection:
        """A read connection to the web index, current as of the last update."""
        self._keep_fresh()
        db = getattr(self._local, "index", None)
        if db is None:
            db = self._local.index = connect_index(self.index_file)
            db.execute(f"PRAGMA mmap_size = {READ_MMAP_BYTES}")
        return db

    def _archive_signature(self) -> tuple:
        # data_version changes whenever another connection commits to the
        # archive; this connection only ever reads, so only ingests move it.
        with self._watch_lock:
            version = self._watch.execute("PRAGMA data_version").fetchone()[0]
        path = self.corrections_file
        return (version, path.stat().st_mtime_ns if path.exists() else 0)

    def _keep_fresh(self) -> None:
        if not self._ready:
            self.update_now()
            return
        if time.monotonic() - self._checked < RECHECK_SECONDS or self._updating:
            return
        self._checked = time.monotonic()
        if self._archive_signature() != self._signature:
            self._updating = True
            threading.Thread(target=self._update_in_background, daemon=True, name="chronik-index").start()

    def _update_in_background(self) -> None:
        try:
            self.update_now()
        finally:
            self._updating = False

    def update_now(self, progress: Callable[[int, int], None] | None = None,
                   search_progress: Callable[[int, int], None] | None = None) -> None:
        """Bring the index in step with the archive and the corrections (blocking)."""
        with self._update_lock:
            signature = self._archive_signature()
            if self._ready and signature == self._signature:
                return
            with _process_lock(self.index_file):
                archive = open_archive(self.settings.db)
                writer = connect_index(self.index_file)
                try:
                    update_index(writer, archive, self.corrections(), progress)
                    if self.search_index is not None:
                        self.search_index.update(writer, archive, search_progress)
                finally:
                    writer.close()
                    archive.close()
            if self.search_index is not None:
                self.search_index.reload()  # another worker process may have written it
            self._signature = signature
            self._checked = time.monotonic()
            self._ready = True


def _search_index(index_file: Path):
    """The tantivy full-text index, or None without the tantivy package
    (search then falls back to the archive's own FTS5 ranking)."""
    try:
        from .search_index import SearchIndex, search_index_path
    except ImportError:
        return None
    return SearchIndex(search_index_path(index_file))


def _map_into_memory(archive: Archive) -> None:
    from ..archive.sqlite import SqliteArchive

    if isinstance(archive, SqliteArchive):  # PostgreSQL caches on its side
        archive.db.execute(f"PRAGMA mmap_size = {READ_MMAP_BYTES}")
