"""The stored form of a full analysis: compact JSON, zlib-compressed."""

from __future__ import annotations

import json
import zlib
from typing import Any

from ..analysis import Analysis


def pack_analysis(analysis: Analysis) -> bytes:
    data = json.dumps(analysis.to_dict(), ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(data.encode("utf-8"), 6)


def unpack_analysis(blob: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def layer_counts(analysis: Analysis) -> dict[str, int]:
    return {name: len(items) for name, items in analysis.layers.items()}
