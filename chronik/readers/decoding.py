"""Reading raw files safely: size limit, binary check, encoding fallback.

Every reader goes through here, so that a 200 MB dump, a stray PDF or a
file saved by an old Windows editor gets the same clear treatment whatever
format was asked for.
"""

from __future__ import annotations

import codecs
import logging
import os
import stat
from pathlib import Path
from typing import Literal

from ..errors import ChronikError

log = logging.getLogger(__name__)

DEFAULT_MAX_SIZE = 50 * 1024 * 1024
# Where a command-line user raises the limit, for every command at once.
SIZE_LIMIT_ENV = "CHRONIK_MAX_SIZE_MB"
# Enough bytes to tell text from binary without reading a whole file.
SNIFF_BYTES = 8192
# Control bytes that never occur in text (tab, newlines, form feed and ESC
# are left out on purpose: old wire texts do contain them).
_CONTROL_BYTES = bytes([*range(1, 9), 11, *range(14, 27), *range(28, 32)])
_CONTROL_SHARE = 0.05
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _mb(size: int) -> float:
    return size / (1024 * 1024)


def reason_for(error: OSError) -> str:
    """A short, human reason for an OS error (no errno numbers)."""
    if isinstance(error, PermissionError):
        return "permission denied (check the file's read rights)"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return error.strerror or type(error).__name__


def size_limit(max_size: int | None | Literal["default"] = "default") -> int | None:
    """The size limit in bytes (``None``: no limit).  ``"default"`` means
    $CHRONIK_MAX_SIZE_MB if set (0 for no limit), else 50 MB."""
    if max_size != "default":
        return max_size  # type: ignore[return-value]
    value = os.environ.get(SIZE_LIMIT_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_SIZE
    try:
        megabytes = float(value)
    except ValueError:
        raise ChronikError("E118", name=SIZE_LIMIT_ENV, value=value) from None
    return None if megabytes <= 0 else int(megabytes * 1024 * 1024)


def check_size(path: Path | str, size: int, max_size: int | None) -> None:
    """Refuse a file above the limit from its size alone, before reading it."""
    if max_size is not None and size > max_size:
        raise ChronikError("E103", path=path, size_mb=max(_mb(size), 1), limit_mb=_mb(max_size))


def regular_file_size(path: Path) -> int:
    """The size of a regular file; a pipe, socket or device is refused before
    it is opened (opening a FIFO would wait forever for a writer)."""
    try:
        info = path.stat()
    except OSError as error:
        raise ChronikError("E104", path=path, reason=reason_for(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ChronikError("E104", path=path, reason="is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise ChronikError("E104", path=path, reason="not a regular file (a pipe, socket or device)")
    return info.st_size


def read_bytes(path: Path, max_size: int | None = DEFAULT_MAX_SIZE) -> bytes:
    """All bytes of a file, or a ChronikError; never more than ``max_size``."""
    check_size(path, regular_file_size(path), max_size)
    try:
        with path.open("rb") as handle:
            # stat() can lie (pipes, /proc, a file growing while we read):
            # read at most one byte beyond the limit to notice.
            data = handle.read(-1 if max_size is None else max_size + 1)
    except OSError as error:
        raise ChronikError("E104", path=path, reason=reason_for(error)) from None
    check_size(path, len(data), max_size)
    return data


def looks_binary(data: bytes) -> bool:
    head = data[:SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):
        return False
    if b"\x00" in data:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))  # C speed, no Python loop
    return bool(head) and controls / len(head) > _CONTROL_SHARE


def decode_text(data: bytes, path: Path | str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else
    cp1252 and finally latin-1, which never fails, with a warning."""
    if not data.strip():
        raise ChronikError("E101", path=path)
    if looks_binary(data):
        raise ChronikError("E102", path=path)
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ChronikError("E102", path=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        where = error.start
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        log.warning("%s: not valid UTF-8 (byte %d); read as %s", path, where, encoding)
        return text
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def read_text(path: Path, max_size: int | None = DEFAULT_MAX_SIZE) -> str:
    """A whole text file, checked and decoded; see :func:`decode_text`."""
    text = decode_text(read_bytes(path, max_size), path)
    if not text.strip():
        raise ChronikError("E101", path=path)
    return text
