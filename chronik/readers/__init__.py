"""Readers turn input files into :class:`~chronik.document.Document` objects.

One module per input format; :func:`chronik.readers.registry.iter_documents` picks
one by ``--format`` or by sniffing the file.
"""

from .registry import FORMATS, iter_bytes, iter_documents, read_document

__all__ = ["FORMATS", "iter_bytes", "iter_documents", "read_document"]
