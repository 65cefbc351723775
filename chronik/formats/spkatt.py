"""SpkAtt-2023 (GermEval 2023, task 2) JSON: read articles, write our annotations.

Each input file holds ``Sentences`` (tokens), ``DocumentName`` ("id - title
(YYYY-MM-DD)") and possibly gold ``Annotations``, which we ignore.  We tag
the given tokens (POS + lemma), run the same reported-speech rules as the
pipeline, and write the same file with our ``Annotations``; offsets are
``"sentence:token"`` strings.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from ..errors import ChronikError
from ..extract.reported_speech import Attribution, ReportedSpeechFinder, TokenSentence

_DATE_IN_NAME = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\s*$")


@dataclass
class AnnotateReport:
    written: int = 0
    annotations: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"spkatt: wrote {self.written} files with {self.annotations} annotations"]
        lines += [f"  failed: {name}: {reason}" for name, reason in self.failed]
        return "\n".join(lines)


def article_date(document_name: str) -> str | None:
    """The date in "12120 - Apple bringt ... (2005-09-11)", or None."""
    match = _DATE_IN_NAME.search(document_name or "")
    return match.group(1) if match else None


def read_article(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ChronikError("E401", path=path, reason=f"not a readable SpkAtt JSON file ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("Sentences"), list):
        raise ChronikError("E401", path=path, reason="a SpkAtt file needs a 'Sentences' list")
    for sentence in data["Sentences"]:
        if not isinstance(sentence, dict) or not isinstance(sentence.get("Tokens"), list):
            raise ChronikError("E401", path=path, reason="every sentence needs a 'Tokens' list")
    return data


def _tagger(lang: str = "de"):
    """STTS tags and lemmas for given tokens: the pipeline's own tagger."""
    from ..extract.tagger import load_tagger

    tagger = load_tagger(lang)
    return lambda words: tagger.tag(list(words)) if words else ([], [])


def to_token_sentences(data: dict[str, Any], tagger) -> list[TokenSentence]:
    sentences = []
    for sentence in data["Sentences"]:
        words = [str(w) for w in sentence["Tokens"]]
        tags, lemmas = tagger(words)
        sentences.append(TokenSentence(words, tags, lemmas))
    return sentences


def to_annotation(attribution: Attribution) -> dict[str, Any]:
    def offsets(positions) -> list[str]:
        return [f"{s}:{t}" for s, t in sorted(set(positions))]

    return {
        "Addr": offsets(attribution.addressee),
        "Cue": offsets(attribution.cue),
        "Form": attribution.form,
        "Frame": offsets(attribution.frame),
        "HasNested": attribution.has_nested,
        "IsNested": attribution.is_nested,
        "Message": offsets(attribution.message),
        "STWR": attribution.stwr,
        "Source": offsets(attribution.source),
    }


def annotate_article(data: dict[str, Any], finder: ReportedSpeechFinder, tagger) -> dict[str, Any]:
    sentences = to_token_sentences(data, tagger)
    annotations = [to_annotation(a) for a in finder.find(sentences)]
    return {
        "Annotations": annotations,
        "DocumentName": data.get("DocumentName", ""),
        "Sentences": data["Sentences"],
    }


def annotate_dir(in_dir: Path, out_dir: Path, *, progress: bool = False) -> AnnotateReport:
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    files = sorted(in_dir.glob("*.json"))
    if not files:
        raise ChronikError("E401", path=in_dir, reason="no *.json files in this folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    finder = ReportedSpeechFinder()
    tagger = _tagger()
    report = AnnotateReport()
    for path in files:
        try:
            result = annotate_article(read_article(path), finder, tagger)
        except ChronikError as error:
            report.failed.append((path.name, str(error)))
            continue
        (out_dir / path.name).write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
        report.written += 1
        report.annotations += len(result["Annotations"])
    return report
