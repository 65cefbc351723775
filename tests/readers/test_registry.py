from __future__ import annotations

import json
from pathlib import Path

from chronik.document import Document
from chronik.readers import FORMATS, iter_documents

from .conftest import HAFEN_ARTICLE, write


def build_tree(root: Path) -> None:
    write(root / "b-hafen-2023-04.txt", HAFEN_ARTICLE)
    write(root / "a-plain.txt", "Die Stadtbibliothek öffnet künftig auch sonntags.\n")
    (root / "sub").mkdir()
    write(root / "sub" / "meldungen.jsonl", json.dumps({"text": "Der Zoo meldet Nachwuchs.", "date": "2023-06"}) + "\n")
    write(root / "sub" / "seite.html", "<html><body><article><p>Die Feuerwehr rückte am Morgen zu einem Brand in der Altstadt aus.</p></article></body></html>")
    write(root / ".versteckt.txt", "Das soll niemand lesen.\n")
    (root / ".git").mkdir()
    write(root / ".git" / "x.txt", "Interna.\n")
    write(root / "notizen.docx", b"PK\x03\x04 kein Artikel")


def names(results) -> list[str]:
    return [Path(name).name for name, _ in results]


def test_directories_are_walked_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    build_tree(tmp_path)
    results = list(iter_documents(tmp_path))
    assert names(results) == ["a-plain.txt", "b-hafen-2023-04.txt", "meldungen.jsonl:1", "seite.html"]
    assert all(isinstance(result, Document) for _, result in results)
    dates = [str(result.date) if result.date else None for _, result in results]
    assert dates == [None, "2023-04", "2023-06", None]


def test_globs_expand_recursively(tmp_path: Path) -> None:
    build_tree(tmp_path)
    assert names(iter_documents(str(tmp_path / "**" / "*.jsonl"))) == ["meldungen.jsonl:1"]
    assert names(iter_documents(str(tmp_path / "*.txt"))) == ["a-plain.txt", "b-hafen-2023-04.txt"]


def test_explicit_format_reads_every_visible_file(tmp_path: Path) -> None:
    write(tmp_path / "meldung.md", "Der Stadtrat tagt am Montag.\n")
    write(tmp_path / "meldung.txt", "Die Schule bleibt am Freitag geschlossen.\n")
    assert names(iter_documents(tmp_path)) == ["meldung.txt"]
    assert names(iter_documents(tmp_path, fmt="text")) == ["meldung.md", "meldung.txt"]


def test_a_named_file_is_always_read(tmp_path: Path) -> None:
    path = write(tmp_path / "meldung.md", "date 2023-02 Der Stadtrat tagt am Montag.\n")
    [(_, document)] = list(iter_documents(path))
    assert str(document.date) == "2023-02"


def test_formats_are_listed() -> None:
    assert FORMATS == ("auto", "dated", "text", "jsonl", "html")


def test_bytes_from_standard_input_read_like_a_file() -> None:
    from chronik.readers import iter_bytes

    [(name, document)] = list(iter_bytes(HAFEN_ARTICLE.encode("utf-8")))
    assert name == "<stdin>" and str(document.date) == "2023-04"
    lines = b'{"text": "Der Zoo meldet Nachwuchs.", "date": "2023-06"}\n{"text": ""}\n'
    results = list(iter_bytes(lines, date="2023-07"))
    assert [name for name, _ in results] == ["<stdin>:1", "<stdin>:2"]
    assert str(results[0][1].date) == "2023-07" and results[1][1].code == "E107"
    [(_, error)] = list(iter_bytes(b"", "upload"))
    assert error.code == "E101" and "upload" in str(error)
    [(_, page)] = list(iter_bytes("<html><body><article><p>Die Feuerwehr rückte am Morgen zu einem Brand aus.</p></article></body></html>".encode()))
    assert "Feuerwehr" in page.text
