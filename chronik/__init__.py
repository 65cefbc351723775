"""chronik: dated German news articles in, a searchable chronicle out.

>>> import chronik
>>> analysis = chronik.analyze("Der Kanzler reiste am Montag nach Paris.", date="2021-12")
>>> [s.start for s in analysis.sentences]
[0]
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis
    from .document import Document, PartialDate


def analyze(text: "str | Document", date: "str | PartialDate | None" = None, **document_fields) -> "Analysis":
    """Analyse one article without storing it.

    ``text`` is the article text (paragraphs separated by blank lines) or a
    ready :class:`~chronik.document.Document`; ``date`` is ``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD`` and keeps its precision.
    """
    from .document import Document
    from .pipeline import default_pipeline

    document = text if isinstance(text, Document) else Document.from_text(text, date, **document_fields)
    return default_pipeline()(document)


__all__ = ["analyze", "__version__"]
