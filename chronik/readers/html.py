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

log = logging.getLogger(__name__)

# Only dates the page states about itself; no search through the body text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


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
