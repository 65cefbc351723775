"""HTML pages: main text and metadata through trafilatura.

Nothing in the page is executed or fetched: trafilatura parses the markup
with lxml and keeps text only, so scripts, event handlers (``onerror=``)
and styles never reach the document.  The date comes from the page's own
metadata (``<meta>``, ``<time>``, JSON-LD) — not guessed from the body
text, so a page without a date gets none rather than a wrong one.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ..document import Document, PartialDate
from ..errors import ChronikError
from .dated import document_from_body
from .decoding import SNIFF_BYTES, decode_text, looks_binary

log = logging.getLogger(__name__)

# Only dates the page states about itself; no search through the body text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_page(data: bytes, path: Path | str) -> str:
    """Page bytes to text: UTF-8 when valid, else the charset the page
    declares (``<meta charset=...>``), else the usual fallbacks."""
    if not data.strip() or looks_binary(data):
        return decode_text(data, path)  # raises the empty / binary error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:SNIFF_BYTES])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, path)


def _page_date(value: str | None) -> PartialDate | None:
    match = _ISO_DAY.match(value or "")
    if not match:
        return None
    try:
        return PartialDate.parse(match.group(0))
    except ChronikError:
        return None


def parse_html(markup: str, path: Path | str, date: PartialDate | None = None) -> Document:
    """The article of an HTML page; ``date`` (from --date) wins over the page's."""
    import trafilatura  # imported late: it takes a while to load

    extracted = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise ChronikError("E108", path=path)
    # trafilatura puts one paragraph per line; the layout wants blank lines.
    text = "\n\n".join(line for line in text.splitlines() if line.strip())
    page_date = _page_date(getattr(extracted, "date", None))
    metadata = {
        key: value
        for key in ("author", "sitename", "description", "hostname")
        if (value := getattr(extracted, key, None))
    }
    return document_from_body(
        text,
        date or page_date,
        source=str(path),
        title=(getattr(extracted, "title", None) or "").strip(),
        url=(getattr(extracted, "url", None) or "").strip(),
        metadata=metadata,
    )
