"""Readers turn input files into :class:`~chronik.document.Document` objects.

One module per input format; :func:`chronik.readers.registry.read_path` picks
one by ``--format`` or by sniffing the file.
"""
