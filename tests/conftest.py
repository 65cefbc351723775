"""Shared fixtures.  Tests that need ../shared/data skip with a clear reason."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"
EXAMPLE_ARTICLE = SHARED / "examples" / "videogipfel-2021-12.txt"
SAMPLES = ROOT / "chronik" / "samples"


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared research data not found at {SHARED_DATA} (clone the project beside ../shared)")
    return SHARED_DATA


@pytest.fixture
def example_article() -> Path:
    if not EXAMPLE_ARTICLE.is_file():
        pytest.skip(f"example article not found at {EXAMPLE_ARTICLE}")
    return EXAMPLE_ARTICLE
