"""``chronik analyze FILE|-``: one article's analysis, printed, nothing stored.

Readable by default: the sentences, then every other layer (a layer without
a dedicated printer is printed generically, one item per line, with the
text it covers).  ``--json`` prints the stable JSON of docs/json.md.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import Any, Iterator

from ..analysis import Analysis, to_jsonable
from ..archive.ingest import analyze_article
from ..document import Document, PartialDate
from ..errors import ChronikError
from .ingest import add_input_options, add_pipeline_option, check_format, component_names, make_pipeline, ner_option
from .options import parse_date_option

ITEM_TEXT_MAX = 100


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyse one article and print the result (nothing is stored)",
        description="Analyse the article(s) in FILE (or standard input with '-') and print "
        "sentences and every layer; --json prints the stable JSON form (docs/json.md).",
    )
    parser.add_argument("file", metavar="FILE", help="article file, or - for standard input")
    add_input_options(parser)
    add_pipeline_option(parser)
    parser.add_argument("--json", action="store_true", help="print JSON (one object; JSON Lines for several articles)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    date = parse_date_option(args.date)
    fmt = check_format(args.format)
    names = component_names(args.pipeline)
    pipeline = make_pipeline(names, ner_option(args, names))
    documents = list(_read(args.file, fmt, date))
    failed = 0
    good = [d for _, d in documents if isinstance(d, Document)]
    for name, item in documents:
        if isinstance(item, ChronikError):
            failed += 1
            print(f"chronik: failed: {item}", file=sys.stderr)
    for n, document in enumerate(good):
        analysis = analyze_article(pipeline, document)
        if isinstance(analysis, str):
            failed += 1
            print(f"chronik: failed: {document.source}: {analysis}", file=sys.stderr)
            continue
        if args.json:
            data = analysis.to_dict()
            print(json.dumps(data, ensure_ascii=False, indent=None if len(good) > 1 else 2))
        else:
            if n:
                print()
            print_analysis(analysis)
    return 1 if failed else 0


def _read(name: str, fmt: str, date: PartialDate | None) -> Iterator[tuple[str, Document | ChronikError]]:
    if name != "-":
        from ..readers.registry import iter_documents

        yield from iter_documents([name], fmt=fmt, date=date)
        return
    yield from _read_stdin(fmt, date)


def _read_stdin(fmt: str, date: PartialDate | None) -> Iterator[tuple[str, Document | ChronikError]]:
    from ..readers.dated import has_date_line, parse_dated
    from ..readers.decoding import decode_text
    from ..readers.html import parse_html
    from ..readers.jsonl import iter_jsonl
    from ..readers.text import parse_text

    data = sys.stdin.buffer.read()
    try:
        text = decode_text(data, "<stdin>")
        if not text.strip():
            raise ChronikError("E101", path="<stdin>")
        head = text.lstrip()
        if fmt == "auto":
            fmt = "dated" if has_date_line(text) else "jsonl" if head.startswith("{") else "html" if head.startswith("<") else "text"
        if fmt == "jsonl":
            yield from iter_jsonl(io.BytesIO(data), "<stdin>")
        elif fmt == "dated":
            yield "<stdin>", parse_dated(text, "<stdin>")
        elif fmt == "html":
            yield "<stdin>", parse_html(text, "<stdin>", date)
        else:
            yield "<stdin>", parse_text(text, "<stdin>", date)
    except ChronikError as error:
        yield "<stdin>", error


# -- readable output ---------------------------------------------------------
def print_analysis(analysis: Analysis, out=None) -> None:
    out = out or sys.stdout
    doc = analysis.document
    date = f"{doc.date} ({doc.date.precision.value})" if doc.date else "undated"
    print(f"article {doc.id}  {date}  {doc.title or '(untitled)'}", file=out)
    print(f"pipeline {analysis.pipeline_version}; {len(analysis.sentences)} sentences, {len(analysis.tokens)} tokens", file=out)
    print("\nsentences", file=out)
    for sentence, text in analysis.iter_sentence_texts():
        mark = "#" if sentence.is_heading else " "
        print(f"{sentence.index:4d}{mark} {text}", file=out)
    for name, items in analysis.layers.items():
        if name in ("sentences", "tokens"):
            continue
        print(f"\n{name} ({len(items)})", file=out)
        for line in layer_lines(analysis, name, items):
            print("  " + line, file=out)


def layer_lines(analysis: Analysis, name: str, items: list[Any]) -> list[str]:
    """A dedicated printer when the layer has one, else one generic line per item."""
    printer = PRINTERS.get(name)
    if printer is not None:
        try:
            return printer(analysis, [to_jsonable(item) for item in items])
        except (KeyError, TypeError, ValueError):
            pass  # the layer changed shape: the generic form still shows everything
    return [describe_item(analysis, item) for item in items]


def _mention_lines(analysis: Analysis, mentions: list[dict[str, Any]]) -> list[str]:
    by_type: dict[str, list[str]] = {}
    for mention in mentions:
        names = by_type.setdefault(mention["type"], [])
        text = analysis.span_text(mention["start"], mention["end"])
        if text not in names:
            names.append(text)
    return [f"{kind}: {', '.join(names)}" for kind, names in sorted(by_type.items())]


def _quote_lines(analysis: Analysis, quotes: list[dict[str, Any]]) -> list[str]:
    lines = []
    for quote in quotes:
        speaker = quote.get("speaker") or "(speaker unknown)"
        message = _clip(" ".join(analysis.span_text(quote["start"], quote["end"]).split()))
        lines.append(f"[{quote['sentences'][0]}] {speaker}: {message}  ({quote.get('form', '')})")
    return lines


PRINTERS = {"mentions": _mention_lines, "quotes": _quote_lines}


def describe_item(analysis: Analysis, item: Any) -> str:
    """One line for any layer item: the text it covers, then its other fields."""
    data = to_jsonable(item)
    if not isinstance(data, dict):
        return str(data)
    parts: list[str] = []
    start, end = data.get("start"), data.get("end")
    covered = None
    if isinstance(start, int) and isinstance(end, int):
        covered = analysis.span_text(start, end)
        parts.append(_clip(repr(covered)) + f" [{start}:{end}]")
    for key, value in data.items():
        if key in ("start", "end") or value in (None, "", [], {}) or value == covered:
            continue
        parts.append(f"{key}={_clip(_short(analysis, value))}")
    return "  ".join(parts)


def _short(analysis: Analysis, value: Any) -> str:
    # A nested span (speaker, message ...) is shown by its text.
    if isinstance(value, dict) and isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        return repr(analysis.span_text(value["start"], value["end"]))
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _clip(text: str) -> str:
    return text if len(text) <= ITEM_TEXT_MAX else text[: ITEM_TEXT_MAX - 1] + "…"
