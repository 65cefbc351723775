"""Which reader reads which file, and the one loop over many inputs.

:func:`iter_documents` takes files, directories and globs and yields one
``(name, Document | ChronikError)`` pair per article.  A bad file or a bad
JSONL line becomes an error pair with a one-line reason; the iteration
always goes on, so one broken file never stops an ingest of thousands.

Formats: ``dated`` (a ``date YYYY[-MM[-DD]]`` line, then the text),
``text``, ``jsonl``, ``html`` and ``auto`` (by extension, then by sniffing
the first bytes).  Directories are walked in sorted order; hidden files and
folders are skipped, and with ``auto`` only files with a known extension are
read from a directory (a file named explicitly is always read).

Dates: ``date`` (``--date``) supplies the date of undated articles and
overrides a date found in the input — the explicit flag wins, and a
differing date in the file is noted in the log.
"""

from __future__ import annotations

import dataclasses
import glob
import io
import logging
import os
from pathlib import Path
from typing import Iterable, Iterator, Literal

from ..document import Document, PartialDate
from ..errors import ChronikError
from .dated import has_date_line, parse_dated
from .decoding import (
    SNIFF_BYTES,
    check_size,
    decode_text,
    looks_binary,
    read_bytes,
    read_text,
    reason_for,
    regular_file_size,
    size_limit,
)
from .html import decode_page, parse_html
from .jsonl import iter_jsonl
from .text import parse_text

log = logging.getLogger(__name__)

FORMATS = ("auto", "dated", "text", "jsonl", "html")
EXTENSIONS = {
    ".txt": "auto",
    ".text": "auto",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
_HTML_MARKS = ("<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div")

Result = tuple[str, "Document | ChronikError"]


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ChronikError("E109", name=fmt, choices=", ".join(FORMATS))
    return fmt


def iter_documents(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    fmt: str = "auto",
    date: str | PartialDate | None = None,
    max_size: int | None | Literal["default"] = "default",
) -> Iterator[Result]:
    """Every article under ``paths`` as ``(name, document or error)``.

    The format and the date are checked at once (a wrong ``--format`` or
    ``--date`` is the user's one mistake, not one per file); everything
    about individual files is reported per file.
    """
    check_format(fmt)
    override = PartialDate.parse(date)
    limit = size_limit(max_size)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _iter_documents(list(paths), fmt, override, limit)


def _iter_documents(
    paths: list[str | os.PathLike], fmt: str, override: PartialDate | None, max_size: int | None
) -> Iterator[Result]:
    seen: set[Path] = set()
    for given in paths:
        for path, error in expand_path(given, fmt):
            if error is not None:
                yield str(path), error
                continue
            key = _identity(path)
            if key in seen:
                continue
            seen.add(key)
            yield from read_path(path, fmt, override, max_size)


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop: reported when read
        return path.absolute()


def read_document(
    path: str | os.PathLike,
    fmt: str = "auto",
    date: str | PartialDate | None = None,
    max_size: int | None | Literal["default"] = "default",
) -> Document:
    """The one article in ``path``; raises its ChronikError if it cannot be read."""
    found: Document | None = None
    for _name, result in iter_documents([path], fmt, date, max_size):
        if isinstance(result, ChronikError):
            raise result
        if found is not None:
            raise ChronikError("E117", path=path)
        found = result
    if found is None:
        raise ChronikError("E101", path=path)
    return found


# -- finding files -----------------------------------------------------------


def _hidden(name: str) -> bool:
    return name.startswith(".")


def expand_path(given: str | os.PathLike, fmt: str) -> Iterator[tuple[Path, ChronikError | None]]:
    """Files named by one argument: a file, a directory (walked) or a glob."""
    path = Path(given)
    if path.is_dir():
        yield from walk_directory(path, fmt)
    elif path.exists() or path.is_symlink():
        yield path, None
    elif glob.has_magic(str(given)):
        matches = sorted(glob.glob(str(given), recursive=True))
        if not matches:
            yield path, ChronikError("E110", path=given)
        for match in matches:
            yield from expand_path(match, fmt) if Path(match).is_dir() else [(Path(match), None)]
    else:
        yield path, ChronikError("E110", path=given)


def walk_directory(
    directory: Path, fmt: str, visited: set[tuple[int, int]] | None = None
) -> Iterator[tuple[Path, ChronikError | None]]:
    visited = set() if visited is None else visited
    try:
        info = directory.stat()
        if (info.st_dev, info.st_ino) in visited:
            log.debug("%s: skipped, a symbolic link back into a folder already read", directory)
            return
        visited.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:
        yield directory, ChronikError("E104", path=directory, reason=reason_for(error))
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            yield from walk_directory(path, fmt, visited)
        elif fmt != "auto" or path.suffix.lower() in EXTENSIONS:
            yield path, None
        else:
            log.debug("%s: skipped, not a known article extension", path)


# -- reading one file --------------------------------------------------------


def read_path(path: Path, fmt: str, override: PartialDate | None, max_size: int | None) -> Iterator[Result]:
    """The articles of one file (one, or one per line for JSONL)."""
    try:
        regular_file_size(path)
        fmt = resolve_format(path, fmt)
        if fmt == "jsonl":
            yield from _read_jsonl(path, override, max_size)
            return
        if fmt == "html":
            document = parse_html(decode_page(read_bytes(path, max_size), path), path)
        else:
            text = read_text(path, max_size)
            if fmt == "auto":
                fmt = "dated" if has_date_line(text) else "text"
            document = parse_one(text, path, fmt)
    except ChronikError as error:
        yield str(path), error
        return
    except Exception as error:  # noqa: BLE001 - one odd file must not end a long ingest
        log.debug("%s: unexpected failure", path, exc_info=True)
        detail = " ".join(str(error).split())[:200]  # the message stays one line
        yield str(path), ChronikError("E112", path=path, reason=f"could not be read ({type(error).__name__}: {detail})")
        return
    yield str(path), with_date(document, override, str(path))


def parse_one(text: str, path: Path | str, fmt: str) -> Document:
    if fmt == "dated":
        return parse_dated(text, path)
    if fmt == "html":
        return parse_html(text, path)
    return parse_text(text, path)


def resolve_format(path: Path, fmt: str) -> str:
    """``auto`` by extension, else by the first bytes; ``.txt`` stays ``auto``
    until its first line is seen (dated or plain)."""
    if fmt != "auto":
        return fmt
    by_extension = EXTENSIONS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    return sniff_format(_head(path))


def sniff_format(head: bytes) -> str:
    """``jsonl``, ``html`` or ``auto`` (dated or plain text) from the first bytes."""
    stripped = head.lstrip(b" \t\r\n\xef\xbb\xbf").lower()
    if stripped.startswith(b"{"):
        return "jsonl"
    if any(mark.encode() in stripped[:2048] for mark in _HTML_MARKS):
        return "html"
    return "auto"


def iter_bytes(
    data: bytes,
    name: str = "<stdin>",
    fmt: str = "auto",
    date: str | PartialDate | None = None,
    max_size: int | None | Literal["default"] = "default",
) -> Iterator[Result]:
    """The articles in bytes that come from no file (standard input, an
    upload), read exactly as a file of that content would be."""
    check_format(fmt)
    override = PartialDate.parse(date)
    max_size = size_limit(max_size)
    try:
        if fmt == "auto":
            fmt = sniff_format(data[:SNIFF_BYTES])
        if fmt == "jsonl":
            if looks_binary(data[:SNIFF_BYTES]):
                raise ChronikError("E102", path=name)
            found = False
            for line_name, result in iter_jsonl(io.BytesIO(data), name, max_size):
                found = True
                yield line_name, with_date(result, override, line_name) if isinstance(result, Document) else result
            if not found:
                raise ChronikError("E101", path=name)
            return
        check_size(name, len(data), max_size)  # type: ignore[arg-type]
        text = decode_page(data, name) if fmt == "html" else decode_text(data, name)
        if fmt == "auto":
            fmt = "dated" if has_date_line(text) else "text"
        document = parse_one(text, name, fmt)  # type: ignore[arg-type]
    except ChronikError as error:
        yield name, error
        return
    yield name, with_date(document, override, name)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError as error:
        raise ChronikError("E104", path=path, reason=reason_for(error)) from None


def _read_jsonl(path: Path, override: PartialDate | None, max_size: int | None) -> Iterator[Result]:
    # Empty or binary: one error for the file, not one per line.
    if looks_binary(_head(path)):
        raise ChronikError("E102", path=path)
    count = 0
    noted = False
    try:
        with path.open("rb") as handle:
            for name, result in iter_jsonl(handle, path, max_size):
                count += 1
                if isinstance(result, Document):
                    # One note per file is enough for a flag applied to all lines.
                    differs = override is not None and result.date not in (None, override)
                    result = with_date(result, override, name, quiet=noted)
                    noted = noted or differs
                yield name, result
    except OSError as error:
        raise ChronikError("E104", path=path, reason=reason_for(error)) from None
    if count == 0:
        raise ChronikError("E101", path=path)


def with_date(document: Document, override: PartialDate | None, name: str, quiet: bool = False) -> Document:
    """Apply --date: the explicit flag wins over a date in the input."""
    if override is None or document.date == override:
        return document
    if document.date is not None and not quiet:
        log.warning("%s: --date %s overrides the date %s given in the input", name, override, document.date)
    return dataclasses.replace(document, date=override)
