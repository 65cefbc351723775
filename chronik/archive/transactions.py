"""Explicit transactions on an autocommit SQLite connection.

The connection is opened with ``isolation_level=None`` so that Python's
sqlite3 module never opens or commits transactions behind our back (it
does not wrap DDL, for one).  Anything raised inside — including
KeyboardInterrupt — rolls the whole transaction back: a batch of articles
is stored completely or not at all.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
