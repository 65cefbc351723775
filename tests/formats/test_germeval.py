"""GermEval 2014 TSV: annotate and score, with self-written sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.cli import main as chronik_main
from chronik.errors import ChronikError
from chronik.formats.germeval import annotate_dir
from chronik.scoring.germeval import bio_spans, read_outer_tags, score_dirs

GOLD = """#\thttp://example.org/artikel-1\t[2023-02-01]
1\tAußenministerin\tO\tO
2\tAnnalena\tB-PER\tO
3\tBaerbock\tI-PER\tO
4\treiste\tO\tO
5\tnach\tO\tO
6\tWarschau\tB-LOC\tO
7\t.\tO\tO

#\thttp://example.org/artikel-2\t[2023-02-02]
1\tDie\tO\tO
2\tfranzösische\tB-LOCderiv\tO
3\tRegierung\tO\tO
4\tkritisierte\tO\tO
5\tdie\tO\tO
6\tNato-Pläne\tB-ORGpart\tB-ORG
7\t.\tO\tO
"""


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.tsv"
    path.write_text(GOLD, encoding="utf-8")
    return path


def test_annotate_file_keeps_comments_tokens_and_sentences(gold_file, tmp_path):
    out = tmp_path / "pred.tsv"
    report = annotate_dir(gold_file, out)
    assert report.files == 1 and report.sentences == 2 and report.tokens == 14
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#\thttp://example.org/artikel-1")
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert all(len(row) == 4 and row[3] == "O" for row in rows)
    assert [t for t, _ in read_outer_tags(out)] == [t for t, _ in read_outer_tags(gold_file)]


def test_annotate_folder_to_folder(gold_file, tmp_path):
    out_dir = tmp_path / "out"
    report = annotate_dir(gold_file.parent, out_dir)
    assert report.files == 1
    assert (out_dir / "gold.tsv").is_file()


def test_score_identical_files_is_perfect(gold_file):
    scores = score_dirs(gold_file, gold_file)
    assert scores.overall.f1 == 1.0
    assert scores.to_dict()["per_label"]["ORGpart"]["gold"] == 1
    assert scores.main_types.gold == 2  # PER and LOC; deriv/part not counted
    assert "all labels" in str(scores)


def test_score_counts_exact_span_and_label(tmp_path, gold_file):
    pred = tmp_path / "pred.tsv"
    pred.write_text(GOLD.replace("3\tBaerbock\tI-PER", "3\tBaerbock\tO").replace("B-LOCderiv", "B-ORG"), encoding="utf-8")
    scores = score_dirs(gold_file, pred)
    assert scores.overall.true_positive == 2  # Warschau, Nato-Pläne
    assert scores.overall.gold == 4 and scores.overall.predicted == 4


def test_bio_spans_treats_stray_inside_tag_as_start():
    assert bio_spans(["I-PER", "I-PER", "O", "B-LOC", "I-ORG"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")]


def test_mismatched_tokens_are_a_user_error(tmp_path, gold_file):
    pred = tmp_path / "pred.tsv"
    pred.write_text(GOLD.replace("Warschau", "Krakau"), encoding="utf-8")
    with pytest.raises(ChronikError):
        score_dirs(gold_file, pred)


def test_malformed_line_is_a_user_error(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("1 Wort ohne Tabulator\n", encoding="utf-8")
    with pytest.raises(ChronikError):
        score_dirs(bad, bad)


def test_cli_annotate_and_score_files(gold_file, tmp_path, capsys):
    pred = tmp_path / "pred.tsv"
    assert chronik_main(["annotate", "--format", "germeval", str(gold_file), str(pred)]) == 0
    assert chronik_main(["score", "--format", "germeval", str(gold_file), str(pred)]) == 0
    assert "4 main types" in capsys.readouterr().out
