"""Layer tables: how a later layer (timexes, mentions, quotes, events) gets
its own queryable table in the archive.

A layer declares the DDL that creates its table (a tuple of statements,
applied once each as migrations recorded in the database) and a function
from an :class:`~chronik.analysis.Analysis` to rows.  The archive prepends
the article's internal key (``doc_key``) to every row, deletes the rows of
an article when it is re-analysed, and stores everything in the same
transaction as the article itself.  All layer tables are declared in one
module, :mod:`chronik.archive.tables`; see docs/archive.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..analysis import Analysis

Row = tuple[Any, ...]


@dataclass(frozen=True)
class LayerTable:
    """One table filled from one analysis layer.

    ``ddl`` statements must create ``table`` with ``doc_key INTEGER NOT
    NULL`` as its first column (referring to ``documents.key``); ``columns``
    names the remaining columns in the order ``rows`` yields them.  Append
    statements to ``ddl`` to change the table later: never edit one that
    has shipped, since it has already run in existing archives.
    """

    layer: str
    table: str
    ddl: tuple[str, ...]
    columns: tuple[str, ...]
    rows: Callable[[Analysis], Iterable[Row]]
    description: str = ""

    def migration_names(self) -> list[str]:
        return [f"layer:{self.table}:{i + 1}" for i in range(len(self.ddl))]

    def insert_sql(self) -> str:
        names = ", ".join(("doc_key",) + self.columns)
        marks = ", ".join("?" for _ in range(len(self.columns) + 1))
        return f"INSERT INTO {self.table} ({names}) VALUES ({marks})"


LAYER_TABLES: dict[str, LayerTable] = {}


def register_layer_table(table: LayerTable) -> LayerTable:
    LAYER_TABLES[table.table] = table
    return table


def layer_tables() -> list[LayerTable]:
    from . import tables  # noqa: F401  (fills LAYER_TABLES)

    return list(LAYER_TABLES.values())
