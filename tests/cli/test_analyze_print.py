from __future__ import annotations

import io
from dataclasses import dataclass

from chronik.analysis import Analysis
from chronik.cli.analyze import layer_lines, print_analysis
from chronik.document import Document


@dataclass
class Timex:
    start: int
    end: int
    value: str
    type: str = "DATE"


def make_analysis() -> Analysis:
    doc = Document.from_text("Am Montag tagte der Stadtrat in Kassel.", "2022-05-04")
    analysis = Analysis(doc, "test")
    analysis.layers["sentences"] = []
    analysis.layers["timexes"] = [Timex(0, 9, "2022-05-02")]
    return analysis


def test_layer_without_printer_is_printed_generically():
    analysis = make_analysis()
    [line] = layer_lines(analysis, "timexes", analysis.layers["timexes"])
    assert line == "'Am Montag' [0:9]  value=2022-05-02  type=DATE"


def test_printer_falls_back_when_a_layer_changes_shape():
    analysis = make_analysis()
    odd = [{"start": 20, "end": 28, "label": "ORG"}]  # mentions without a "type"
    assert layer_lines(analysis, "mentions", odd) == ["'Stadtrat' [20:28]  label=ORG"]


def test_readable_output_names_every_layer():
    out = io.StringIO()
    print_analysis(make_analysis(), out)
    assert "2022-05-04 (day)" in out.getvalue()
    assert "timexes (1)" in out.getvalue()
