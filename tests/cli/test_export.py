"""``chronik export`` over four of the bundled sample articles, on SQLite and PostgreSQL.

The samples are analysed once per module with the default pipeline and
stored into each test's archive through the Archive API (analysing them
again for every backend and format would only repeat the same work).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import re
import sys
from pathlib import Path

import pytest

from chronik.archive import ArticleToStore, open_archive
from chronik.export import EXPORTS
from chronik.export.tables import BOOL, DAY, INT, LIST
from chronik.export.writers import join_list
from tests.conftest import ROOT, SAMPLES

SAMPLE_FILES = (
    "tarifgespraeche-abgebrochen-2023-03-14.txt",  # Rothmund: «…», sagte sie.
    "schlichterspruch-abgelehnt-2023-05-12.txt",   # Fahrenholz soll Kowalczyk … getroffen haben
    "warnstreik-nahverkehr-2023-02.txt",           # a month-precision article
    "wasserstoff-oslo-2023-02-07.txt",
)
FORMATS = ("jsonl", "csv", "parquet")


@pytest.fixture(scope="module")
def analyses():
    from chronik.pipeline import default_pipeline
    from chronik.readers.registry import iter_documents

    pipeline = default_pipeline()
    found = []
    for name, doc in iter_documents([str(SAMPLES / f) for f in SAMPLE_FILES]):
        assert not isinstance(doc, Exception), doc
        found.append((name, pipeline(doc)))
    return found


@pytest.fixture
def samples_db(db, analyses) -> str:
    with open_archive(db, create=True) as archive:
        archive.store_batch([ArticleToStore(analysis, str(name)) for name, analysis in analyses])
    return db


@pytest.fixture
def outdir(tmp_path) -> Path:
    """A folder of its own for the exports (the SQLite archive lives in tmp_path)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def read_export(path: Path | str, fmt: str, what: str, text: str | None = None) -> list[dict]:
    """Rows of an export as dicts with JSON-like values (days as ISO text)."""
    if fmt == "parquet":
        import pyarrow.parquet as pq

        rows = pq.read_table(path).to_pylist()
        return [{k: v.isoformat() if isinstance(v, _dt.date) else v for k, v in row.items()} for row in rows]
    if text is None:
        text = Path(path).read_bytes().decode("utf-8")
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines()]
    types = {c.name: c.type for c in EXPORTS[what].columns}
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == list(types)
    return [{k: _from_csv(v, types[k]) for k, v in row.items()} for row in reader]


def _from_csv(value: str, kind: str):
    if value == "":
        return [] if kind == LIST else None
    if kind == INT:
        return int(value)
    if kind == BOOL:
        return {"true": True, "false": False}[value]
    if kind == LIST:
        return [re.sub(r"\\(.)", r"\1", item) for item in re.split(r"(?<!\\)\|", value)]
    return value


def export(chronik, db: str, fmt: str, what: str, out: Path | str, *options: str) -> list[dict]:
    code, stdout, err = chronik("export", "--db", db, "--format", fmt, "--what", what, *options, str(out))
    assert code == 0, err
    if str(out) == "-":
        return read_export("-", fmt, what, stdout)
    assert re.search(rf"exported \d+ {what} to ", err)
    return read_export(out, fmt, what)


@pytest.mark.parametrize("fmt", FORMATS)
def test_quotes_keep_speaker_source_and_article(chronik, samples_db, tmp_path, fmt):
    rows = export(chronik, samples_db, fmt, "quotes", tmp_path / f"quotes.{fmt}")
    # «Die GVL hatte den Abbruch offenbar schon vorher beschlossen», sagte sie.
    abbruch = [r for r in rows if "Abbruch offenbar" in r["message"]]
    assert len(abbruch) == 1
    quote = abbruch[0]
    assert quote["speaker"] == "Sabine Rothmund" and quote["speaker_entity"] == "Sabine Rothmund"
    assert quote["speaker_text"] == "sie" and quote["cue"] == "sagte" and quote["form"] == "Direct"
    assert quote["article_date"] == "2023-03-14" and quote["nested"] is False
    assert isinstance(quote["sentence"], int) and quote["end"] > quote["start"]
    # Every quote of the four articles, each naming its article.
    with open_archive(samples_db) as archive:
        stored = archive.db.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
    assert len(rows) == stored > 10
    assert {r["article_date"] for r in rows} == {"2023-03-14", "2023-05-12", "2023-02", "2023-02-07"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_events_with_actor_target_and_evidence(chronik, samples_db, tmp_path, fmt):
    rows = export(chronik, samples_db, fmt, "events", tmp_path / f"events.{fmt}")
    # "Bundesverkehrsministerin Ulrike Fahrenholz soll Kowalczyk am Donnerstagabend … getroffen haben"
    meeting = [r for r in rows if r["type"] == "CONSULT" and r["trigger"] == "getroffen"]
    assert len(meeting) == 1, [(r["type"], r["trigger"], r["actor"]) for r in rows]
    event = meeting[0]
    assert event["actor"] == "Ulrike Fahrenholz" and event["mode"] == "meeting"
    assert event["target"] == "Bernd Kowalczyk" and event["target_text"] == "Kowalczyk"
    assert "Donnerstagabend" in event["evidence"] and event["trigger"] in event["evidence"]
    assert event["earliest"] == event["latest"] == "2023-05-11"  # the Thursday before the article's Friday
    assert event["article_date"] == "2023-05-12"
    assert all(r["evidence"] for r in rows)


@pytest.mark.parametrize("fmt", FORMATS)
def test_timexes_with_interval_and_sentence(chronik, samples_db, tmp_path, fmt):
    rows = export(chronik, samples_db, fmt, "timexes", tmp_path / f"timexes.{fmt}")
    noon = next(r for r in rows if r["text"] == "Dienstagmittag")
    assert noon["value"] == "2023-03-14TMI" and noon["type"] == "TIME"
    assert noon["earliest"] == noon["latest"] == "2023-03-14"
    assert "Dienstagmittag" in noon["sentence_text"] and noon["article_date"] == "2023-03-14"
    two_days = next(r for r in rows if r["text"] == "zwei Tagen")
    assert two_days["type"] == "DURATION" and two_days["earliest"] is None and two_days["latest"] is None


@pytest.mark.parametrize("fmt", FORMATS)
def test_articles_with_dates_and_counts(chronik, samples_db, tmp_path, fmt):
    rows = export(chronik, samples_db, fmt, "articles", tmp_path / f"articles.{fmt}")
    assert len(rows) == 4
    strike = next(r for r in rows if r["date"] == "2023-02")
    assert strike["precision"] == "month"
    assert (strike["earliest"], strike["latest"]) == ("2023-02-01", "2023-02-28")
    talks = next(r for r in rows if r["date"] == "2023-03-14")
    assert talks["title"] == "Nahverkehr: Tarifgespräche nach zwei Tagen abgebrochen"
    assert talks["text"].startswith(talks["title"]) and "\n\n" in talks["text"]  # line breaks survive CSV
    assert talks["source_path"].endswith("tarifgespraeche-abgebrochen-2023-03-14.txt")
    with open_archive(samples_db) as archive:
        stats = archive.stats()
        assert talks["id"] == archive.resolve_id(talks["id"][:8])
    assert sum(r["sentences"] for r in rows) == stats.sentences
    assert sum(r["tokens"] for r in rows) == stats.tokens


@pytest.mark.parametrize("fmt", FORMATS)
def test_entities_grouped_with_aliases_and_dates(chronik, samples_db, tmp_path, fmt):
    rows = export(chronik, samples_db, fmt, "entities", tmp_path / f"entities.{fmt}")
    people = {r["name"]: r for r in rows if r["type"] == "PER"}
    kowalczyk = people["Bernd Kowalczyk"]
    assert set(kowalczyk["aliases"]) >= {"Bernd Kowalczyk", "Kowalczyk"}
    assert "Kowalczyk" not in people  # the bare surname joined the full name
    assert kowalczyk["articles"] >= 3 and kowalczyk["mentions"] >= kowalczyk["articles"]
    assert kowalczyk["first_date"] == "2023-02" and kowalczyk["last_date"] == "2023-05-12"
    # The same entities, counts and order as `chronik entities`.
    code, out, err = chronik("entities", "--db", samples_db, "--json", "--limit", "1000")
    assert code == 0, err
    listed = json.loads(out)
    assert [(e["name"], e["mentions"], e["articles"]) for e in listed] == [
        (r["name"], r["mentions"], r["articles"]) for r in rows
    ]


def test_entities_counted_over_the_date_range(chronik, samples_db, tmp_path):
    rows = export(chronik, samples_db, "csv", "entities", tmp_path / "march.csv", "--from", "2023-03", "--to", "2023-03")
    kowalczyk = next(r for r in rows if r["name"] == "Bernd Kowalczyk")
    assert kowalczyk["articles"] == 1 and kowalczyk["first_date"] == kowalczyk["last_date"] == "2023-03-14"
    assert "Kowalczyk" in kowalczyk["aliases"]
    # Only entities named in the March article; Norway is not.
    assert "Norwegen" not in {r["name"] for r in rows}


def test_entities_of_an_archive_without_entity_tables(chronik, samples_db, tmp_path):
    with open_archive(samples_db) as archive:  # as an archive written before the entity tables
        archive.db.execute("DELETE FROM entity_state")
    code, _, err = chronik("export", "--db", samples_db, "--format", "jsonl", "--what", "entities", str(tmp_path / "e.jsonl"))
    assert code == 2 and "E322" in err and "--rebuild" in err and not (tmp_path / "e.jsonl").exists()


def test_date_range_keeps_articles_that_may_fall_in_it(chronik, samples_db, tmp_path):
    rows = export(chronik, samples_db, "jsonl", "quotes", tmp_path / "march.jsonl", "--from", "2023-03", "--to", "2023-03")
    assert rows and {r["article_date"] for r in rows} == {"2023-03-14"}
    # A month-precision article "2023-02" may have appeared on 20 February.
    rows = export(chronik, samples_db, "csv", "articles", tmp_path / "late-feb.csv", "--from", "2023-02-20", "--to", "2023-02-28")
    assert [r["date"] for r in rows] == ["2023-02"]
    rows = export(chronik, samples_db, "parquet", "timexes", tmp_path / "none.parquet", "--from", "2024")
    assert rows == []
    import pyarrow.parquet as pq  # an empty export is still a valid file with all columns

    assert pq.read_schema(tmp_path / "none.parquet").names == EXPORTS["timexes"].names


@pytest.mark.parametrize("fmt", ("jsonl", "csv"))
def test_stdout(chronik, samples_db, fmt):
    rows = export(chronik, samples_db, fmt, "events", "-")
    assert any(r["type"] == "CONSULT" for r in rows)


def test_csv_is_rfc4180_utf8_with_crlf(chronik, samples_db, tmp_path):
    out = tmp_path / "quotes.csv"
    export(chronik, samples_db, "csv", "quotes", out)
    data = out.read_bytes()
    assert data.startswith(b"article_id,article_date,sentence,") and b"\r\n" in data
    assert "«Die GVL hatte den Abbruch".encode("utf-8") in data  # UTF-8, no escaping


def test_list_items_with_the_separator_are_escaped():
    assert join_list(["Kiel|Holstein", "a\\b", "Anna Petersen"]) == "Kiel\\|Holstein|a\\\\b|Anna Petersen"
    assert _from_csv(join_list(["Kiel|Holstein", "a\\b"]), LIST) == ["Kiel|Holstein", "a\\b"]


def test_existing_file_needs_force(chronik, samples_db, outdir):
    out = outdir / "events.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    code, _, err = chronik("export", "--db", samples_db, "--format", "jsonl", "--what", "events", str(out))
    assert code == 2 and "E601" in err and "--force" in err
    assert out.read_text(encoding="utf-8") == "keep me\n"
    rows = export(chronik, samples_db, "jsonl", "events", out, "--force")
    assert rows and rows[0]["type"]
    assert [p.name for p in outdir.iterdir()] == ["events.jsonl"]  # no temporary file left


def test_a_failed_export_leaves_no_file(chronik, samples_db, outdir, monkeypatch):
    from chronik.errors import ChronikError
    from chronik.export import tables

    def broken(archive, dates, chunk):
        yield from tables.QUOTES.rows(archive, dates, chunk)
        raise ChronikError("E310", url="test", reason="connection lost")

    monkeypatch.setitem(tables.EXPORTS, "quotes", tables.Export("quotes", tables.QUOTES.columns, broken))
    for fmt in FORMATS:
        code, _, err = chronik("export", "--db", samples_db, "--format", fmt, "--what", "quotes", str(outdir / f"q.{fmt}"))
        assert code == 2 and "connection lost" in err
    old = outdir / "old.csv"
    old.write_text("the previous export\n", encoding="utf-8")
    code, _, _ = chronik("export", "--db", samples_db, "--format", "csv", "--what", "quotes", "--force", str(old))
    assert code == 2 and old.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in outdir.iterdir()) == ["old.csv"]


@pytest.mark.parametrize(
    "options, code",
    [
        (("--format", "parquet", "-"), "E603"),
        (("--format", "csv", "--from", "2023-06", "--to", "2023-01", "out.csv"), "E002"),
        (("--format", "csv", "--from", "2023-13", "out.csv"), "E001"),
        (("--format", "jsonl", "no/such/folder/out.jsonl"), "E604"),
        (("--format", "jsonl", "."), "E604"),
    ],
)
def test_bad_arguments_are_one_line_errors(chronik, samples_db, outdir, monkeypatch, options, code):
    monkeypatch.chdir(outdir)
    status, out, err = chronik("export", "--db", samples_db, *options)
    assert status == 2 and code in err and "Traceback" not in err
    assert out == "" and list(outdir.iterdir()) == []


def test_unknown_what_or_format_is_refused(chronik, tmp_path):
    for options in (("--format", "xml"), ("--format", "csv", "--what", "sentences")):
        with pytest.raises(SystemExit) as exit_info:
            chronik("export", *options, str(tmp_path / "out"))
        assert exit_info.value.code == 2


def test_missing_archive(chronik, tmp_path):
    code, _, err = chronik("export", "--db", str(tmp_path / "none.db"), "--format", "csv", str(tmp_path / "out.csv"))
    assert code == 2 and "E307" in err and not (tmp_path / "out.csv").exists()


def test_parquet_without_pyarrow_is_a_clear_error(chronik, samples_db, outdir, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow -> ImportError
    code, _, err = chronik("export", "--db", samples_db, "--format", "parquet", str(outdir / "a.parquet"))
    assert code == 2 and "E602" in err and "chronik[parquet]" in err
    assert list(outdir.iterdir()) == []


def test_progress_with_verbose(chronik, samples_db, tmp_path, monkeypatch, caplog):
    from chronik.cli import export as export_cli

    monkeypatch.setattr(export_cli, "PROGRESS_EVERY", 10)
    monkeypatch.setattr(export_cli, "LOG_EVERY", 20)
    caplog.set_level("INFO", logger="chronik.export")
    code, _, err = chronik("-v", "export", "--db", samples_db, "--format", "csv", "--what", "quotes", str(tmp_path / "q.csv"))
    assert code == 0, err
    assert any(re.search(r"quotes: [\d,]+ rows written", r.getMessage()) for r in caplog.records)


def test_stream_fetches_in_chunks_on_both_backends(samples_db):
    with open_archive(samples_db) as archive:
        expected = archive.db.execute("SELECT doc_key, start FROM timexes ORDER BY doc_key, start").fetchall()
        streamed = list(archive.stream("SELECT doc_key, start FROM timexes ORDER BY doc_key, start", chunk=7))
    assert [tuple(r) for r in streamed] == [tuple(r) for r in expected] and len(expected) > 7


def test_every_column_is_documented():
    doc = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    for what, spec in EXPORTS.items():
        section = doc.split(f"## `--what {what}`", 1)[1].split("\n## ", 1)[0]
        documented = re.findall(r"^\| `(\w+)` \| (\w+) \|", section, flags=re.M)
        assert documented == [(c.name, c.type) for c in spec.columns], what
