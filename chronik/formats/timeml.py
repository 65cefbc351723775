"""TimeML files (KRAUTS, TempEval-3): read the text, write our TIMEX3 inline.

A file has a ``<DCT>`` holding the creation time as a TIMEX3 and a
``<TEXT>`` holding the article.  ``annotate_dir`` drops any TIMEX3 inside
TEXT, runs the text layer (sentences, STTS tags, lemmas) and
:class:`chronik.extract.time.TimeTagger` on the plain text, as an ingest
would, and writes the same file with our TIMEX3 elements inserted; every
character between the tags (entity references included) stays as it was.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document, PartialDate
from ..errors import ChronikError
from ..extract.time import Timex, TimeTagger
from ..pipeline import Pipeline

_TEXT_RE = re.compile(r"(<TEXT>)(.*?)(</TEXT>)", re.S)
_DCT_RE = re.compile(r"<DCT>.*?value=\"(\d{4}(?:-\d\d(?:-\d\d)?)?)", re.S)
_TIMEX_TAG = re.compile(r"</?TIMEX3\b[^>]*>")
_ANY_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(slots=True)
class GoldTimex:
    start: int  # offsets into the plain text of <TEXT>
    end: int
    type: str
    value: str
    text: str


@dataclass(slots=True)
class TimeMLDocument:
    name: str
    raw: str  # the whole file
    text_start: int  # offset of the TEXT content in raw
    text_end: int
    plain: str  # TEXT content without tags, entities decoded
    raw_offsets: list[int]  # raw offset (within TEXT content) of each plain character, plus the end
    dct: PartialDate | None
    timexes: list[GoldTimex]


def read_timeml(path: Path) -> TimeMLDocument:
    try:
        raw = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ChronikError("E401", path=path, reason=f"cannot read TimeML file ({error})") from None
    match = _TEXT_RE.search(raw)
    if not match:
        raise ChronikError("E401", path=path, reason="no <TEXT> element; is this a TimeML file?")
    dct = None
    dct_match = _DCT_RE.search(raw)
    if dct_match:
        try:
            dct = PartialDate.parse(dct_match.group(1))
        except ChronikError:
            dct = None
    plain, offsets, timexes = _plain_text(match.group(2))
    return TimeMLDocument(path.name, raw, match.start(2), match.end(2), plain, offsets, dct, timexes)


def _plain_text(content: str, element: str = "TIMEX3") -> tuple[str, list[int], list[GoldTimex]]:
    """Plain text of the TEXT content, the raw offset of each of its
    characters, and the ``element`` spans found in it (gold, when scoring).
    TIMEX2 may nest; the outer and inner spans are both kept."""
    chars: list[str] = []
    offsets: list[int] = []
    timexes: list[GoldTimex] = []
    open_elements: list[tuple[int, dict[str, str]]] = []
    position = 0
    for tag in _ANY_TAG.finditer(content):
        _decode_into(content, position, tag.start(), chars, offsets)
        name = tag.group()
        if name.startswith(f"<{element}") and not name.endswith("/>"):
            open_elements.append((len(chars), dict(_ATTR.findall(name))))
        elif name.startswith(f"</{element}") and open_elements:
            start, attrs = open_elements.pop()
            value = attrs.get("value", attrs.get("val", "")).strip()
            timexes.append(GoldTimex(start, len(chars), attrs.get("type", ""), value, "".join(chars[start:])))
        position = tag.end()
    _decode_into(content, position, len(content), chars, offsets)
    offsets.append(len(content))
    timexes.sort(key=lambda t: (t.start, -t.end))
    return "".join(chars), offsets, timexes


def _decode_into(content: str, start: int, end: int, chars: list[str], offsets: list[int]) -> None:
    position = start
    while position < end:
        if content[position] == "&":
            entity = _ENTITY.match(content, position, end)
            if entity:
                chars.append(html.unescape(entity.group()))
                offsets.append(position)
                position = entity.end()
                continue
        chars.append(content[position])
        offsets.append(position)
        position += 1


def _raw_end(content: str, position: int) -> int:
    """One past the raw characters of the plain character at ``position``."""
    if content[position] == "&":
        entity = _ENTITY.match(content, position)
        if entity:
            return entity.end()
    return position + 1


def strip_timexes(content: str) -> str:
    return _TIMEX_TAG.sub("", content)


def timex_element(timex: Timex, tid: str, inner: str) -> str:
    attrs = [("tid", tid), ("type", timex.type), ("value", timex.value)]
    for name in ("mod", "quant", "freq"):
        value = getattr(timex, name)
        if value:
            attrs.append((name, value))
    rendered = " ".join(f'{k}="{html.escape(str(v), quote=True)}"' for k, v in attrs)
    return f"<TIMEX3 {rendered}>{inner}</TIMEX3>"


def write_with_timexes(doc: TimeMLDocument, timexes: list[Timex]) -> str:
    """The file with our TIMEX3 elements in TEXT; all other text unchanged."""
    content = strip_timexes(doc.raw[doc.text_start : doc.text_end])
    plain, offsets, _ = _plain_text(content)
    used = set(re.findall(r'tid="t(\d+)"', doc.raw[: doc.text_start]))
    out: list[str] = []
    cursor = 0
    number = 1
    for timex in timexes:
        start, end = offsets[timex.start], _raw_end(content, offsets[timex.end - 1])
        if start < cursor or "<" in content[start:end]:
            continue  # would overlap another timex or cut through an EVENT/SIGNAL element
        while str(number) in used:
            number += 1
        out.append(content[cursor:start])
        out.append(timex_element(timex, f"t{number}", content[start:end]))
        number += 1
        cursor = end
    out.append(content[cursor:])
    return doc.raw[: doc.text_start] + "".join(out) + doc.raw[doc.text_end :]


@dataclass
class AnnotateReport:
    written: int = 0
    timexes: int = 0
    unresolved: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [
            f"timeml: wrote {self.written} files with {self.timexes} TIMEX3 "
            f"({self.unresolved} without a resolved value)"
        ]
        lines += [f"  failed: {name}: {reason}" for name, reason in self.failed]
        return "\n".join(lines)


def timeml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def annotate_dir(in_dir: Path, out_dir: Path, *, narrative_months: bool = False, progress: bool = False) -> AnnotateReport:
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    tagger = TimeTagger("de", narrative_months=narrative_months)
    text_layer = Pipeline(["text"])
    report = AnnotateReport()
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in timeml_files(in_dir):
        try:
            doc = read_timeml(path)
            analysis = text_layer(Document(text=doc.plain, date=doc.dct))
            sentences = [(s.start, s.end) for s in analysis.sentences]
            timexes = tagger.tag(doc.plain, doc.dct, sentences, analysis.tokens)
            (out_dir / path.name).write_text(write_with_timexes(doc, timexes), "utf-8")
        except ChronikError as error:
            report.failed.append((path.name, error.message))
            continue
        report.written += 1
        report.timexes += len(timexes)
        report.unresolved += sum(1 for t in timexes if not t.value)
    return report
