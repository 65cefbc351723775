"""Small self-written German articles for the reader tests."""

from __future__ import annotations

from pathlib import Path

import pytest

HAFEN_ARTICLE = """\
 date 2023-04 Im Tarifstreit an den norddeutschen Seehäfen ist keine Einigung in Sicht.

Die Gewerkschaft habe das jüngste Angebot der Arbeitgeber am Dienstag als
«Provokation» zurückgewiesen, hieß es aus Verhandlungskreisen.

Warnstreiks ab Montag

«Wir lassen uns nicht länger hinhalten», sagte Gewerkschaftschefin Marlene Quast
in Bremerhaven. Die Arbeitgeber wollen am Donnerstag ein neues Angebot vorlegen.
"""


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def hafen_file(tmp_path: Path) -> Path:
    return write(tmp_path / "hafenstreik-2023-04.txt", HAFEN_ARTICLE)
