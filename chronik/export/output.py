"""Where an export goes: stdout, or a file that appears only when complete.

A file export is written to a hidden temporary file beside OUT
(``.OUT.<random>.part``) and renamed to OUT when the last row is written;
an error or Ctrl-C removes the temporary file.  So OUT is either the
complete export or absent (or, without a finished export, the file that
was there before).  An existing OUT is refused unless ``force`` is given.
"""

from __future__ import annotations

import io
import os
import secrets
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from ..errors import ChronikError

STDOUT = "-"


def check_destination(out: str, *, fmt: str, force: bool) -> None:
    """Refuse before anything is read: parquet to stdout, an existing OUT, a missing folder."""
    if out == STDOUT:
        if fmt == "parquet":
            raise ChronikError("E603")
        return
    path = Path(out)
    if path.is_dir():
        raise ChronikError("E604", path=out, reason="it is a folder; give a file name")
    if path.exists() and not force:
        raise ChronikError("E601", path=out)
    if not path.parent.is_dir():
        raise ChronikError("E604", path=out, reason=f"the folder {str(path.parent)!r} does not exist")


@contextmanager
def stdout_text() -> Iterator[IO[str]]:
    """stdout as UTF-8 text whatever the locale, line ends as written."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # replaced by a text-only stream
        yield sys.stdout
        sys.stdout.flush()
        return
    sys.stdout.flush()
    handle = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=False)
    try:
        yield handle
        handle.flush()
    finally:
        handle.detach()  # leave sys.stdout's buffer open


@contextmanager
def staged_file(out: str, *, force: bool) -> Iterator[Path]:
    """A temporary path beside ``out``; renamed to ``out`` when the block succeeds."""
    path = Path(out)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        # O_EXCL: never reuse somebody's file; 0o666 minus the umask, as for OUT itself.
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as error:
        raise ChronikError("E604", path=out, reason=error.strerror or str(error)) from None
    try:
        yield temp
        if path.exists() and not force:  # created meanwhile by someone else
            raise ChronikError("E601", path=out)
        os.replace(temp, path)
    except OSError as error:
        raise ChronikError("E604", path=out, reason=error.strerror or str(error)) from None
    finally:
        temp.unlink(missing_ok=True)


@contextmanager
def staged_text(out: str, *, force: bool) -> Iterator[IO[str]]:
    """A UTF-8 text handle on a staged file (see :func:`staged_file`)."""
    with staged_file(out, force=force) as temp:
        with open(temp, "w", encoding="utf-8", newline="") as handle:
            yield handle
