"""GermEval 2014 NER TSV: read tokens, write our outer-level tags.

Input: ``#`` comment lines, then ``index<TAB>token<TAB>outer<TAB>inner``
lines, a blank line between sentences; the gold tags are ignored.  Output:
the same file with our tags in column 3 and ``O`` in column 4 (chronik
predicts the outer level only).  IN and OUT may be two files or two
folders.  Each sentence is tagged on its own: GermEval sentences come from
unrelated articles, so the article-level name consistency of the pipeline
does not apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ChronikError
from typing import TYPE_CHECKING

from ..extract.entities import EntityTagger, repair_bio
from ..extract.ner.align import token_offsets
from ..extract.tagger import load_tagger

if TYPE_CHECKING:
    from ..extract.ner import NerSpec

ACCEPTS_FILES = True  # chronik annotate may pass a file instead of a folder
ACCEPTS_NER = True  # chronik annotate --ner spacy:... / transformers:... tags with that model


@dataclass
class AnnotateReport:
    files: int = 0
    sentences: int = 0
    tokens: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"germeval: {self.files} file(s), {self.sentences} sentences, {self.tokens} tokens tagged"]
        lines += [f"  failed: {name}: {reason}" for name, reason in self.failed]
        return "\n".join(lines)


class GermEvalAnnotator:
    def __init__(self, lang: str = "de", ner: "NerSpec | None" = None) -> None:
        if ner is None or ner.is_default:
            self.pos, self.ner, self.model = load_tagger(lang), EntityTagger(lang), None
        else:
            from ..extract.ner import load_tagger as load_model

            self.pos, self.ner, self.model = None, None, load_model(ner)

    def tag_words(self, words: list[str]) -> list[str]:
        if not words:
            return []
        if self.model is not None:
            # The model sees the sentence as the words joined by spaces; its spans map back by offsets.
            text, offsets = token_offsets(words)
            return repair_bio(self.model.label(text, [offsets])[0])
        tags, _ = self.pos.tag(words)
        return self.ner.tag(words, tags)

    def annotate_text(self, text: str, name: str, report: AnnotateReport) -> str:
        out: list[str] = []
        block: list[list[str]] = []  # split lines of the current sentence

        def flush() -> None:
            if block:
                labels = self.tag_words([fields[1] for fields in block])
                out.extend(f"{fields[0]}\t{fields[1]}\t{label}\tO" for fields, label in zip(block, labels))
                report.sentences += 1
                report.tokens += len(block)
                block.clear()

        for line_no, line in enumerate(text.splitlines(), 1):
            if line.startswith("#"):
                flush()
                out.append(line)
            elif not line.strip():
                flush()
                out.append("")
            else:
                fields = line.split("\t")
                if len(fields) < 2:
                    raise ChronikError("E401", path=name, reason=f"line {line_no}: expected 'index<TAB>token<TAB>...', got {line[:60]!r}")
                block.append(fields)
        flush()
        return "\n".join(out) + "\n"


def annotate_dir(in_dir: Path, out_dir: Path, *, progress: bool = False, ner: "NerSpec | None" = None) -> AnnotateReport:
    """Tag one GermEval file (IN file -> OUT file) or every file of a folder."""
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    if in_dir.is_file():
        pairs = [(in_dir, out_dir / in_dir.name if out_dir.is_dir() else out_dir)]
    else:
        out_dir.mkdir(parents=True, exist_ok=True)
        pairs = [(p, out_dir / p.name) for p in sorted(in_dir.iterdir()) if p.is_file() and not p.name.startswith(".")]
    annotator = GermEvalAnnotator(ner=ner)
    report = AnnotateReport()
    for source, target in pairs:
        try:
            text = source.read_text(encoding="utf-8")
            result = annotator.annotate_text(text, str(source), report)
        except (OSError, UnicodeDecodeError, ChronikError) as error:
            report.failed.append((source.name, str(error)))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(result, encoding="utf-8")
        report.files += 1
    return report
