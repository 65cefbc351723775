"""``chronik demo``: ingest the bundled sample articles and show what came out."""

from __future__ import annotations

import argparse
import importlib.util
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

from . import add_db_option

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TOP = 5


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="build an archive from the bundled sample articles and summarise it",
        description="Ingest the sample articles shipped with chronik into the archive, then "
        "print a short summary and how to search and browse it.",
    )
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..archive import open_archive
    from ..archive.ingest import ingest
    from ..errors import ChronikError
    from ..pipeline import default_pipeline
    from ..readers.registry import iter_documents

    samples = sorted(SAMPLES.glob("*.txt"))
    if not samples:
        raise ChronikError("E110", path=SAMPLES / "*.txt")
    with open_archive(args.db, create=True) as archive:
        report = ingest(archive, iter_documents([str(p) for p in samples]), default_pipeline())
        stats = archive.stats()
        analyses = list(archive.iter_analysis_dicts())
    print(f"sample articles into {args.db}: {report.summary()}")
    for line in report.failure_lines():
        print(f"  failed: {line}")
    dates = f", {stats.earliest} … {stats.latest}" if stats.earliest else ""
    print(f"\nthe archive holds {stats.articles} articles{dates}, "
          f"{stats.sentences:,} sentences, {stats.tokens:,} tokens")
    layers = {k: v for k, v in stats.layers.items() if k not in ("sentences", "tokens")}
    if layers:
        print("extracted:  " + ", ".join(f"{count:,} {name}" for name, count in layers.items()))
    for line in summary_lines(analyses):
        print(line)
    word = example_query(analyses)
    print(f"\nsearch it:   chronik search \"{word}\" --db {args.db}")
    if stats.earliest:
        print(f"             chronik search \"{word}\" --from {stats.earliest} --to {stats.latest} --db {args.db}")
    print(f"an article:  chronik show <id from the search> --db {args.db}")
    if importlib.util.find_spec("chronik.cli.serve") is not None:
        print(f"browse it:   chronik serve --db {args.db}")
    else:
        print("browse it:   not yet — the browser view (`chronik serve`) is not part of this version.")
    return 1 if report.failed else 0


def summary_lines(analyses: list[dict[str, Any]]) -> list[str]:
    """Most quoted people and latest events, when those layers exist."""
    lines: list[str] = []
    speakers = _merge_surnames(Counter(s for a in analyses for s in _speakers(a)), analyses)
    if speakers:
        lines.append("most quoted: " + ", ".join(f"{name} ({n})" for name, n in speakers.most_common(TOP)))
    elif not any("quotes" in a for a in analyses):
        lines.append("most quoted: (quotes are not extracted by this pipeline version yet)")
    events = sorted(_events(analyses), reverse=True)[:TOP]
    if events:
        lines.append("latest events:")
        lines.extend(f"  {date:22}  {text}" for date, text in events)
    elif not any("events" in a for a in analyses):
        lines.append("latest events: (events are not extracted by this pipeline version yet)")
    return lines


def _merge_surnames(speakers: Counter, analyses: list[dict[str, Any]]) -> Counter:
    """Count a bare surname ("Kowalczyk", from an article that never gives the
    full name) for the one resolved full name of the archive that ends in it."""
    full: dict[str, set[str]] = {}
    for analysis in analyses:
        for quote in analysis.get("quotes", []):
            name = quote.get("speaker_name") if isinstance(quote, dict) else None
            if isinstance(name, str) and " " in name.strip():
                full.setdefault(name.split()[-1], set()).add(name.strip())
    merged: Counter = Counter()
    for name, n in speakers.items():
        owners = full.get(name, set()) if " " not in name else set()
        merged[next(iter(owners)) if len(owners) == 1 else name] += n
    return merged


def example_query(analyses: list[dict[str, Any]]) -> str:
    """A query that finds something: the most quoted person's last name."""
    speakers = Counter(s for a in analyses for s in _speakers(a) if s[:1].isupper() and " " in s)
    if speakers:
        return speakers.most_common(1)[0][0].split()[-1]
    return "Gespräche"


def _span_text(analysis: dict[str, Any], value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("name", "text"):
            if isinstance(value.get(key), str):
                return value[key]
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            return analysis["document"]["text"][value["start"] : value["end"]]
    return ""


def _speakers(analysis: dict[str, Any]) -> Iterable[str]:
    for quote in analysis.get("quotes", []):
        if isinstance(quote, dict):
            # speaker_name: the full name resolved within the article ("Kowalczyk",
            # "er", "die Ministerin" -> one person), when the quotes layer gives it.
            name = (quote.get("speaker_name") or _span_text(analysis, quote.get("speaker"))).strip()
            if name:
                yield name


def _events(analyses: list[dict[str, Any]]) -> Iterable[tuple[str, str]]:
    """(sortable date, one line) per event: "CONSULT/video Joe Biden → Wladimir Putin"."""
    for analysis in analyses:
        article_date = analysis["document"].get("date") or ""
        for event in analysis.get("events", []):
            if not isinstance(event, dict) or not event.get("type"):
                continue
            when = event.get("when") or {}
            date = _event_date(when) or article_date
            kind = event["type"] + (f"/{event['mode']}" if event.get("mode") else "")
            actor = (event.get("actor") or {}).get("name") or "?"
            target = (event.get("target") or {}).get("name")
            who = f"{actor} → {target}" if target else actor
            yield date, f"{kind:22} {who}  ({event.get('status', '')})"


def _event_date(when: dict[str, Any]) -> str:
    """The event's date as known: a full value, else its possible interval."""
    value, earliest, latest = when.get("value"), when.get("earliest"), when.get("latest")
    if value and "X" not in value and "W" not in value:
        return value
    if earliest and latest:
        return earliest if earliest == latest else f"{earliest}..{latest}"
    return value or ""