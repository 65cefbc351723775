"""Exports: the archive's layers as JSONL, CSV or Parquet files (`chronik export`).

* :mod:`.tables` — what is exported: the columns of each ``--what`` and the
  rows, streamed from the archive (:meth:`Archive.stream`).
* :mod:`.writers` — how: one writer per format, rows written as they come.
* :mod:`.output` — where: a temporary file renamed into place at the end,
  so a failed export never leaves a half file under the final name.

The columns are documented in docs/export.md.
"""

from __future__ import annotations

from .tables import EXPORTS, Column, Export, export_rows
from .writers import FORMATS, open_writer

__all__ = ["EXPORTS", "FORMATS", "Column", "Export", "export_rows", "open_writer"]
