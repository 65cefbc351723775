"""A PostgreSQL schema of its own for each test, dropped afterwards.

The server is the one of the test machine (127.0.0.1:5432, trust auth,
database ``test``); set CHRONIK_TEST_POSTGRES to use another.  Tests of the
PostgreSQL variant are skipped, with the reason, when it is unreachable.
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import Iterator

import pytest

SERVER = os.environ.get("CHRONIK_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def _connect():
    try:
        import psycopg
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'chronik[postgres]')")
    try:
        return psycopg.connect(SERVER, autocommit=True, connect_timeout=3)
    except psycopg.Error as error:
        pytest.skip(f"PostgreSQL at {SERVER} is unreachable: {str(error).strip().splitlines()[0]}")


@contextmanager
def postgres_schema() -> Iterator[str]:
    """The URL of an archive in a fresh schema of the test server."""
    admin = _connect()
    schema = f"chronik_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in SERVER else "?"
    try:
        yield f"{SERVER}{separator}options=-csearch_path%3D{schema}"
    finally:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()
