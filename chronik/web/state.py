"""What one running server holds: the archive location, one archive
connection per worker thread, and the directory, rebuilt when the archive
changes.

SQLite connections are not shared between threads; each request thread
opens its own (cheap, and WAL lets them read while an ingest writes).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..archive import Archive, open_archive
from .corrections import corrections_path, load_corrections
from .directory import Directory, build_directory

# How often the archive is asked whether it changed since the directory was built.
RECHECK_SECONDS = 2.0


@dataclass(frozen=True)
class ServerSettings:
    db: str
    allow_corrections: bool = False
    token: str | None = None


class WebState:
    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        # Fail now, with the archive's own message, not on the first request.
        open_archive(settings.db).close()
        self._local = threading.local()
        self._lock = threading.Lock()
        self._directory: Directory | None = None
        self._signature: tuple | None = None
        self._checked = 0.0

    @property
    def corrections_file(self) -> Path:
        return corrections_path(self.settings.db)

    def archive(self) -> Archive:
        archive = getattr(self._local, "archive", None)
        if archive is None:
            archive = self._local.archive = open_archive(self.settings.db)
        return archive

    def _archive_signature(self) -> tuple:
        db = self.archive().db  # type: ignore[attr-defined]
        row = db.execute("SELECT COUNT(*), MAX(key), MAX(ingested_at) FROM documents").fetchone()
        path = self.corrections_file
        return (*row, path.stat().st_mtime_ns if path.exists() else 0)

    def directory(self) -> Directory:
        now = time.monotonic()
        if self._directory is not None and now - self._checked < RECHECK_SECONDS:
            return self._directory
        with self._lock:
            if self._directory is None or now - self._checked >= RECHECK_SECONDS:
                signature = self._archive_signature()
                if signature != self._signature:
                    corrections = load_corrections(self.corrections_file)
                    self._directory = build_directory(self.archive().iter_analysis_dicts(), corrections)
                    self._signature = signature
                self._checked = time.monotonic()
        return self._directory  # type: ignore[return-value]

    def invalidate(self) -> None:
        with self._lock:
            self._signature = None
            self._checked = 0.0
