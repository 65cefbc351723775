"""``chronik entity NAME``: one entity's spellings, roles, articles and company.

Lives with ``chronik entities`` in chronik/cli/entities.py; this module only
gives the command its own entry in :data:`chronik.cli.COMMANDS`.
"""

from __future__ import annotations

from .entities import add_entity_parser as add_parser, run_entity as run

__all__ = ["add_parser", "run"]
