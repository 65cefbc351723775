"""Re-dated copies of analysed articles, for benchmarks that need a large
archive without analysing every article (bench/web.py, bench/export.py).

Copy ``n`` of ``len(analysed)`` bases is base ``n % len(analysed)`` with a
new date and source, so it has an id of its own and keeps the base's layers.
"""

from __future__ import annotations

import datetime as _dt

from chronik.analysis import Analysis
from chronik.document import Document, PartialDate

FIRST_DATE = _dt.date(2012, 1, 1)
DAYS = 4000


def redated_copy(analysed: list[Analysis], n: int) -> Analysis:
    copy_no, base_no = divmod(n, len(analysed))
    base = analysed[base_no]
    # Copies of one base get distinct days (7 is coprime to DAYS), so every
    # (date, text) pair, hence every id, is new up to DAYS copies.
    day = FIRST_DATE + _dt.timedelta(days=(copy_no * 7 + base_no * 13) % DAYS)
    doc = base.document
    copy = Document(doc.text, PartialDate.parse(day), f"{doc.source}#{n}", doc.title, doc.url, doc.blocks)
    analysis = Analysis(copy, base.pipeline_version)
    analysis.layers.update(base.layers)
    return analysis
