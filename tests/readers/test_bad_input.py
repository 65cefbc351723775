"""Every kind of bad input gets one clear line, never a traceback."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest

from chronik.document import Document
from chronik.errors import ChronikError
from chronik.readers import iter_documents, read_document
from chronik.readers import decoding

from .conftest import write

ARTICLE = "date 2023-03-14\nDie Bürgerinitiative übergab am Dienstag 12.000 Unterschriften gegen die Müllverbrennungsanlage.\n"


def error_of(path: Path, **options) -> ChronikError:
    [(name, result)] = list(iter_documents(path, **options))
    assert isinstance(result, ChronikError), result
    assert "\n" not in str(result)
    return result


def test_empty_file(tmp_path: Path) -> None:
    assert error_of(write(tmp_path / "leer.txt", "")).code == "E101"


def test_blank_file(tmp_path: Path) -> None:
    assert error_of(write(tmp_path / "leer.txt", " \n\t\n\n")).code == "E101"


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    error = error_of(write(tmp_path / "scan.txt", b"%PDF-1.7\n\x00\x01\x02\xff\xfe binary"))
    assert error.code == "E102" and "scan.txt" in str(error)


def test_binary_jsonl(tmp_path: Path) -> None:
    assert error_of(write(tmp_path / "dump.jsonl", b"\x1f\x8b\x08\x00\x00\x00\x00")).code == "E102"


def test_cp1252_falls_back_with_a_warning(tmp_path: Path, caplog) -> None:
    raw = "date 2023-03-14\n„Wir fordern mehr Geld“ – sagte der Betriebsratschef über Löhne.\n".encode("cp1252")
    with caplog.at_level(logging.WARNING, logger="chronik.readers"):
        document = read_document(write(tmp_path / "alt.txt", raw))
    assert "„Wir fordern mehr Geld“ – sagte der Betriebsratschef über Löhne." == document.text
    assert "cp1252" in caplog.text and "alt.txt" in caplog.text


def test_latin1_as_last_resort(tmp_path: Path, caplog) -> None:
    # 0x81 is undefined in cp1252, so only latin-1 can read this.
    raw = "Die Straße in Köln".encode("latin-1") + b" \x81 ist gesperrt."
    with caplog.at_level(logging.WARNING, logger="chronik.readers"):
        document = read_document(write(tmp_path / "alt.txt", raw))
    assert document.text.startswith("Die Straße in Köln")
    assert "latin-1" in caplog.text


def test_utf16_with_bom_is_text(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "utf16.txt", ARTICLE.encode("utf-16")))
    assert str(document.date) == "2023-03-14"


def test_huge_sparse_file_is_refused_fast_without_reading(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "archiv.txt"
    with path.open("wb") as handle:
        handle.write(b"date 2023-01 ")
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk space, no write time

    def no_reading(*args, **kwargs):
        raise AssertionError("the huge file was opened for reading")

    monkeypatch.setattr(Path, "open", no_reading)
    error = error_of(path)
    assert error.code == "E103"
    assert "200 MB" in str(error) and "50 MB" in str(error) and "CHRONIK_MAX_SIZE_MB" in str(error)


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    assert error_of(path, max_size=20).code == "E103"
    [(_, document)] = list(iter_documents(path, max_size=None))
    assert isinstance(document, Document)


def test_huge_file_is_refused_by_size_not_by_reading(tmp_path: Path) -> None:
    # Even when stat() is right, the reader reads at most limit + 1 bytes.
    path = write(tmp_path / "a.txt", ARTICLE * 10)
    with pytest.raises(ChronikError) as caught:
        decoding.read_bytes(path, max_size=100)
    assert caught.value.code == "E103"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files regardless of their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "geheim.txt", ARTICLE)
    path.chmod(0)
    try:
        error = error_of(path)
    finally:
        path.chmod(0o644)
    assert error.code == "E104" and "permission denied" in str(error)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads directories regardless of their mode")
def test_unreadable_directory(tmp_path: Path) -> None:
    folder = tmp_path / "gesperrt"
    folder.mkdir()
    write(folder / "a.txt", ARTICLE)
    folder.chmod(0)
    try:
        error = error_of(folder)
    finally:
        folder.chmod(0o755)
    assert error.code == "E104" and "gesperrt" in str(error)


def test_permission_denied_on_open(tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path / "geheim.txt", ARTICLE)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    error = error_of(path)
    assert error.code == "E104" and "geheim.txt" in str(error) and "permission denied" in str(error)


def test_permission_denied_on_directory(tmp_path: Path, monkeypatch) -> None:
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "scandir", denied)
    error = error_of(tmp_path)
    assert error.code == "E104" and "permission denied" in str(error)


@pytest.mark.parametrize(("line", "value"), [("date 2021-13", "2021-13"), ("date gestern", "gestern")])
def test_bad_date_lines(tmp_path: Path, line: str, value: str) -> None:
    error = error_of(write(tmp_path / "a.txt", f"{line} Der Stadtrat tagte.\n"))
    assert error.code == "E113" and repr(value)[1:-1] in str(error)


def test_unknown_format_is_refused_at_once(tmp_path: Path) -> None:
    with pytest.raises(ChronikError) as caught:
        iter_documents(tmp_path, fmt="docx")
    assert caught.value.code == "E109" and "dated" in str(caught.value)


def test_bad_date_flag_is_refused_at_once(tmp_path: Path) -> None:
    with pytest.raises(ChronikError) as caught:
        iter_documents(tmp_path, date="gestern")
    assert caught.value.code == "E001"


def test_missing_path(tmp_path: Path) -> None:
    error = error_of(tmp_path / "gibt-es-nicht.txt")
    assert error.code == "E110" and "gibt-es-nicht.txt" in str(error)


def test_glob_without_matches(tmp_path: Path) -> None:
    assert error_of(tmp_path / "*.jsonl").code == "E110"


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path / "a-gut.txt", ARTICLE)
    write(tmp_path / "b-leer.txt", "")
    write(tmp_path / "c-binaer.txt", b"\x00\x00\x00")
    write(tmp_path / "d-datum.txt", "date 2023-02-30 Text.")
    write(tmp_path / "e-gut.txt", ARTICLE.replace("2023-03-14", "2023-03-15"))
    results = list(iter_documents([tmp_path, tmp_path / "fehlt.txt"]))
    outcome = [(Path(name).name, getattr(result, "code", "ok")) for name, result in results]
    assert outcome == [
        ("a-gut.txt", "ok"),
        ("b-leer.txt", "E101"),
        ("c-binaer.txt", "E102"),
        ("d-datum.txt", "E113"),
        ("e-gut.txt", "ok"),
        ("fehlt.txt", "E110"),
    ]


def test_read_document_refuses_several_articles(tmp_path: Path) -> None:
    path = write(tmp_path / "zwei.jsonl", '{"text": "Erste Meldung."}\n{"text": "Zweite Meldung."}\n')
    with pytest.raises(ChronikError) as caught:
        read_document(path)
    assert caught.value.code == "E117"


def test_named_pipe_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "leitung.txt"
    os.mkfifo(fifo)
    error = error_of(fifo)
    assert error.code == "E104" and "not a regular file" in str(error)


def test_symlink_loop_in_a_folder_is_read_once(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    (tmp_path / "schleife").symlink_to(tmp_path, target_is_directory=True)
    results = list(iter_documents(tmp_path))
    assert [Path(name).name for name, _ in results] == ["a.txt"]


def test_self_referencing_symlink_is_an_error(tmp_path: Path) -> None:
    loop = tmp_path / "kreis.txt"
    loop.symlink_to(loop)
    error = error_of(loop)
    assert error.code == "E104" and "kreis.txt" in str(error)


def test_size_limit_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    monkeypatch.setenv("CHRONIK_MAX_SIZE_MB", "0.00002")  # about 20 bytes
    assert error_of(path).code == "E103"
    monkeypatch.setenv("CHRONIK_MAX_SIZE_MB", "0")  # no limit
    assert isinstance(read_document(path), Document)
    monkeypatch.setenv("CHRONIK_MAX_SIZE_MB", "viel")
    with pytest.raises(ChronikError) as caught:
        iter_documents(path)
    assert caught.value.code == "E118" and "CHRONIK_MAX_SIZE_MB" in str(caught.value)
