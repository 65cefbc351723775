"""One writer per export format; each takes rows as they come.

* JSONL: one JSON object per line, UTF-8, ``null`` for no value, lists as
  arrays.
* CSV: RFC 4180 (the csv module: comma, double quotes, CRLF line ends),
  UTF-8, a header row; no value is an empty field; a list is its items
  joined with ``|`` (a ``|`` or ``\\`` inside an item is escaped with ``\\``).
* Parquet: pyarrow, typed columns (docs/export.md), written in row groups of
  ``row_group`` rows, so memory holds one row group, not the table.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
from typing import IO, Any, Sequence

from ..errors import ChronikError
from .tables import BOOL, DAY, INT, LIST, Column

FORMATS = ("jsonl", "csv", "parquet")
# A row group is flushed at this many rows or this much text, whichever
# comes first: articles with their full text make large rows.
ROW_GROUP = 20_000
ROW_GROUP_TEXT = 32 * 1024 * 1024


class JsonlWriter:
    def __init__(self, handle: IO[str], columns: Sequence[Column]) -> None:
        self.handle = handle
        self.names = [c.name for c in columns]
        self.bools = [i for i, c in enumerate(columns) if c.type == BOOL]  # stored as 0/1
        # One encoder for all rows: json.dumps() with options builds a new one per call.
        self.encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def write(self, row: Sequence[Any]) -> None:
        record = dict(zip(self.names, row))
        for i in self.bools:
            if row[i] is not None:
                record[self.names[i]] = bool(row[i])
        self.handle.write(self.encode(record) + "\n")

    def close(self) -> None:
        self.handle.flush()


def join_list(items: Sequence[str]) -> str:
    """A list as one CSV field: items joined with "|", "|" and "\\" escaped."""
    return "|".join(str(item).replace("\\", "\\\\").replace("|", "\\|") for item in items)


class CsvWriter:
    def __init__(self, handle: IO[str], columns: Sequence[Column]) -> None:
        self.handle = handle
        self.writer = csv.writer(handle)  # the "excel" dialect is RFC 4180
        self.writer.writerow([c.name for c in columns])
        self.types = [c.type for c in columns]

    def write(self, row: Sequence[Any]) -> None:
        self.writer.writerow([_csv_field(value, kind) for value, kind in zip(row, self.types)])

    def close(self) -> None:
        self.handle.flush()


def _csv_field(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == LIST:
        return join_list(value)
    if kind == BOOL:
        return "true" if value else "false"
    return value


class ParquetWriter:
    def __init__(self, path: str, columns: Sequence[Column], row_group: int = ROW_GROUP) -> None:
        pa, pq = import_pyarrow()
        self.pa = pa
        self.columns = list(columns)
        self.schema = pa.schema([pa.field(c.name, _arrow_type(pa, c.type)) for c in self.columns])
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self.row_group = max(1, row_group)
        self.pending: list[list[Any]] = [[] for _ in self.columns]
        self.count = 0
        self.text = 0

    def write(self, row: Sequence[Any]) -> None:
        for values, value, column in zip(self.pending, row, self.columns):
            values.append(_arrow_value(value, column.type))
            if isinstance(value, str):
                self.text += len(value)
        self.count += 1
        if self.count >= self.row_group or self.text >= ROW_GROUP_TEXT:
            self._flush()

    def _flush(self) -> None:
        if not self.count:
            return
        arrays = [self.pa.array(values, type=field.type) for values, field in zip(self.pending, self.schema)]
        self.writer.write_table(self.pa.Table.from_arrays(arrays, schema=self.schema))
        self.pending = [[] for _ in self.columns]
        self.count = self.text = 0

    def close(self) -> None:
        self._flush()
        self.writer.close()


def import_pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ChronikError("E602") from None
    return pyarrow, pyarrow.parquet


def _arrow_type(pa: Any, kind: str) -> Any:
    return {INT: pa.int64(), BOOL: pa.bool_(), DAY: pa.date32(), LIST: pa.list_(pa.string())}.get(kind, pa.string())


def _arrow_value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == DAY:
        return _dt.date.fromisoformat(value)
    if kind == BOOL:
        return bool(value)
    return value


def open_writer(fmt: str, target: Any, columns: Sequence[Column], *, row_group: int = ROW_GROUP) -> Any:
    """A writer of ``fmt`` on ``target``: a text handle (jsonl, csv) or a file path (parquet)."""
    if fmt == "jsonl":
        return JsonlWriter(target, columns)
    if fmt == "csv":
        return CsvWriter(target, columns)
    return ParquetWriter(target, columns, row_group)
