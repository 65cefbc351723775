"""--ner spacy:PATH / transformers:PATH: real loading code, tiny models built here.

The models (tests/extract/ner_models.py) learn a few German sentences by
heart; chronik must then report exactly their names, types and spans
after mapping the models' spans and labels onto its own tokens, in every
engine, and refuse what it cannot load with a clear error.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import ner_models
from chronik.cli import main
from chronik.document import Document
from chronik.engines import analyze_in_batches, make_pipeline, open_engine
from chronik.errors import ChronikError
from chronik.extract.ner import DEFAULT_NER, parse_ner
from chronik.extract.ner import spec as spec_module
from chronik.extract.ner.align import bio_from_spans, token_offsets
from chronik.extract.ner.labels import germeval_label, split_tag, usable_labels

DATE = "2022-03-08"


# -- labels and alignment (no model needed) -----------------------------------
@pytest.mark.parametrize("tag, expected", [
    ("B-PER", ("B", "PER")), ("I-PERSON", ("I", "PER")), ("B-GPE", ("B", "LOC")),
    ("I-MISC", ("I", "OTH")), ("B-NORP", ("B", "OTH")), ("B-LOCderiv", ("B", "LOCderiv")),
    ("I-orgpart", ("I", "ORGpart")), ("S-ORG", ("B", "ORG")), ("E-LOC", ("I", "LOC")),
    ("LOC", ("I", "LOC")), ("B-DATE", ("O", None)), ("O", ("O", None)), ("LABEL_1", ("O", None)),
])
def test_model_tags_map_to_germeval(tag, expected):
    assert split_tag(tag) == expected


def test_only_entity_labels_are_usable():
    assert germeval_label("PERSON") == "PER"
    assert usable_labels(["PER", "LOC", "MISC", "DATE", "CARDINAL"]) == {"PER": "PER", "LOC": "LOC", "MISC": "OTH"}
    assert usable_labels(["LABEL_0", "LABEL_1"]) == {}


def test_spans_become_bio_on_our_tokens():
    text, offsets = token_offsets(["Die", "Nato-Osterweiterung", "beunruhigt", "Wladimir", "Putin", "."])
    # A span inside one token is a name inside a word: GermEval's -part.
    spans = [(4, 8, "ORG"), (text.index("Wladimir"), text.index("Putin") + 5, "PER")]
    assert bio_from_spans(spans, [offsets]) == [["O", "B-ORGpart", "O", "B-PER", "I-PER", "O"]]


def test_a_span_across_sentences_begins_again_in_the_second():
    sentences = [[(0, 3), (4, 9)], [(10, 15), (16, 20)]]
    assert bio_from_spans([(4, 15, "ORG")], sentences) == [["O", "B-ORG"], ["B-ORG", "O"]]


# -- spec parsing and its errors ---------------------------------------------
def test_crf_is_the_default_and_keeps_the_pipeline_version():
    assert parse_ner(None) is DEFAULT_NER and parse_ner("crf") is DEFAULT_NER
    assert make_pipeline(None, DEFAULT_NER).version == make_pipeline(None).version


@pytest.mark.parametrize("value", ["bert", "spacy:", "flair:/models/ner", "transformers"])
def test_malformed_ner_values_are_refused(value):
    with pytest.raises(ChronikError, match=r"E210"):
        parse_ner(value)


def test_a_missing_package_says_which_extra_to_install(monkeypatch):
    monkeypatch.setattr(spec_module, "is_installed", lambda module: module != "spacy")
    with pytest.raises(ChronikError, match=r"E211.*spacy is not installed.*chronik\[spacy\]"):
        parse_ner("spacy:de_core_news_lg")
    monkeypatch.setattr(spec_module, "is_installed", lambda module: module != "torch")
    with pytest.raises(ChronikError, match=r"E211.*torch is not installed.*chronik\[transformers\]"):
        parse_ner("transformers:/models/germeval")


def test_the_fingerprint_follows_the_model_files(tmp_path, monkeypatch):
    monkeypatch.setattr(spec_module, "is_installed", lambda module: True)
    model = tmp_path / "modell"
    model.mkdir()
    (model / "config.json").write_text('{"id2label": {"0": "O", "1": "B-PER"}}', "utf-8")
    first = parse_ner(f"transformers:{model}")
    assert parse_ner(f"transformers:{model}/").version_key == first.version_key
    (model / "config.json").write_text('{"id2label": {"0": "O", "1": "B-ORG"}}', "utf-8")
    changed = parse_ner(f"transformers:{model}")
    assert changed.version_key != first.version_key
    assert make_pipeline(["text", "entities"], changed).version != make_pipeline(["text", "entities"], first).version
    assert make_pipeline(["text"], changed).version == make_pipeline(["text"]).version  # no entities, no tagger


def test_hub_names_are_not_downloaded(tmp_path, monkeypatch):
    pytest.importorskip("transformers")
    monkeypatch.chdir(tmp_path)  # no folder of that name here
    with pytest.raises(ChronikError, match=r"E213.*never downloads"):
        parse_ner("transformers:deepset/gbert-base-germeval14")


def test_unknown_spacy_package_is_not_downloaded(tmp_path, monkeypatch):
    pytest.importorskip("spacy")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ChronikError, match=r"E212.*never downloads"):
        parse_ner("spacy:de_core_news_xx")


# -- spaCy --------------------------------------------------------------------
@pytest.fixture(scope="module")
def spacy_model(tmp_path_factory) -> Path:
    pytest.importorskip("spacy", reason="spaCy is not installed (pip install 'chronik[spacy]')")
    return ner_models.build_spacy_ner(tmp_path_factory.mktemp("models") / "spacy-ner")


@pytest.fixture(scope="module")
def bert_model(tmp_path_factory) -> Path:
    pytest.importorskip("transformers", reason="transformers is not installed (pip install 'chronik[transformers]')")
    pytest.importorskip("torch", reason="torch is not installed (pip install 'chronik[transformers]')")
    return ner_models.build_bert_ner(tmp_path_factory.mktemp("models") / "bert-ner")


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "artikel.txt"
    path.write_text(ner_models.article_text(), encoding="utf-8")
    return path


def analyze_json(capsys, path: Path, *options: str) -> dict:
    code = main(["analyze", str(path), "--date", DATE, "--pipeline", "text,entities", "--json", *options])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def found_mentions(data: dict) -> list[tuple[str, str]]:
    text = ner_models.article_text()
    for mention in data["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]  # spans are character-exact
    return [(m["text"], m["label"]) for m in data["mentions"]]


def test_spacy_pipeline_names_are_chronik_mentions(spacy_model, article, capsys):
    data = analyze_json(capsys, article, "--ner", f"spacy:{spacy_model}")
    assert found_mentions(data) == ner_models.expected_mentions()
    types = {m["text"]: m["type"] for m in data["mentions"]}
    assert types["Rock am Ring"] == "OTH"  # spaCy's MISC
    assert types["französische"] == "LOC"  # LOCderiv passes through


def test_the_tagger_enters_the_pipeline_version(spacy_model, bert_model, article, capsys):
    crf = analyze_json(capsys, article)["pipeline"]
    spacy = analyze_json(capsys, article, "--ner", f"spacy:{spacy_model}")["pipeline"]
    bert = analyze_json(capsys, article, "--ner", f"transformers:{bert_model}")["pipeline"]
    assert len({crf, spacy, bert}) == 3


def test_switching_the_tagger_reanalyses_stored_articles(spacy_model, article, tmp_path, capsys):
    db = str(tmp_path / "archiv.db")
    runs = [[], ["--ner", f"spacy:{spacy_model}"], ["--ner", f"spacy:{spacy_model}"], ["--ner", "crf"]]
    reports = []
    for options in runs:
        assert main(["ingest", str(article), "--db", db, "--date", DATE, "--pipeline", "text,entities", *options]) == 0
        reports.append(capsys.readouterr().out)
    assert "ingested 1" in reports[0]
    assert "updated 1" in reports[1]
    assert "unchanged 1" in reports[2]
    assert "updated 1" in reports[3]


def test_a_spec_pickles_for_the_workers(spacy_model):
    spec = parse_ner(f"spacy:{spacy_model}")
    assert pickle.loads(pickle.dumps(spec)) == spec
    assert spec.location == str(spacy_model.resolve())


def _engine_mentions(engine: str, spec, documents: list[Document]) -> list[list[tuple[str, str]]]:
    names = ["text", "entities"]
    with open_engine(engine, 2, names, None, spec) as analyze_batches:
        if analyze_batches is None:
            pipeline = make_pipeline(names, spec)
            results = [pipeline(doc) for doc in documents]
        else:
            results = analyze_in_batches(analyze_batches, documents)
    return [[(m.text, m.label) for m in r.layers["mentions"]] for r in results]


def test_process_workers_load_the_spacy_model_themselves(spacy_model):
    spec = parse_ner(f"spacy:{spacy_model}")
    documents = [Document.from_text(sentence, DATE) for sentence, _ in ner_models.SENTENCES]
    local = _engine_mentions("local", spec, documents)
    assert _engine_mentions("processes", spec, documents) == local
    assert [m for doc in local for m in doc] == ner_models.expected_mentions()


def test_a_pipeline_without_ner_is_refused(tmp_path, capsys):
    pytest.importorskip("spacy")
    blank = ner_models.build_spacy_ner(tmp_path / "blank", with_ner=False)
    code = main(["analyze", "-", "--ner", f"spacy:{blank}"])
    assert code == 2
    assert "E215" in capsys.readouterr().err


def test_a_folder_that_is_no_spacy_pipeline_is_refused(tmp_path, capsys, monkeypatch):
    pytest.importorskip("spacy")
    (tmp_path / "leer").mkdir()
    monkeypatch.setattr("sys.stdin", _stdin("Olaf Scholz sprach in München."))
    assert main(["analyze", "-", "--date", DATE, "--ner", f"spacy:{tmp_path / 'leer'}"]) == 2
    err = capsys.readouterr().err
    assert "E214" in err and "Traceback" not in err


def test_germeval_files_can_be_tagged_with_a_spacy_model(spacy_model, tmp_path, capsys):
    sentence, names = ner_models.SENTENCES[2]  # Olaf Scholz sprach in München mit der Siemens AG.
    words = ["Olaf", "Scholz", "sprach", "in", "München", "mit", "der", "Siemens", "AG", "."]
    assert " ".join(words[:-1]) + "." == sentence
    source = tmp_path / "in.tsv"
    source.write_text("# satz 1\n" + "".join(f"{i}\t{w}\tO\tO\n" for i, w in enumerate(words, 1)) + "\n", "utf-8")
    code = main(["annotate", "--format", "germeval", "--ner", f"spacy:{spacy_model}", str(source), str(tmp_path / "out.tsv")])
    assert code == 0, capsys.readouterr().err
    rows = [line.split("\t") for line in (tmp_path / "out.tsv").read_text("utf-8").splitlines() if "\t" in line]
    assert [row[2] for row in rows] == ["B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "B-ORG", "I-ORG", "O"]


def test_annotate_refuses_ner_for_formats_without_names(spacy_model, tmp_path, capsys):
    code = main(["annotate", "--format", "timeml", "--ner", f"spacy:{spacy_model}", str(tmp_path), str(tmp_path / "out")])
    assert code == 2
    assert "E217" in capsys.readouterr().err


# -- transformers ---------------------------------------------------------------
def test_bert_token_classifier_names_are_chronik_mentions(bert_model, article, capsys):
    data = analyze_json(capsys, article, "--ner", f"transformers:{bert_model}")
    assert found_mentions(data) == ner_models.expected_mentions()


def test_conll_style_labels_are_mapped(bert_model, article, tmp_path, capsys):
    conll = ner_models.relabel(bert_model, tmp_path / "conll", {"B-OTH": "B-MISC", "I-OTH": "I-MISC", "B-PER": "B-PERSON", "I-PER": "I-PERSON"})
    data = analyze_json(capsys, article, "--ner", f"transformers:{conll}")
    assert found_mentions(data) == ner_models.expected_mentions()


def test_process_workers_load_the_bert_model_themselves(bert_model):
    spec = parse_ner(f"transformers:{bert_model}")
    documents = [Document.from_text(sentence, DATE) for sentence, _ in ner_models.SENTENCES]
    local = _engine_mentions("local", spec, documents)
    assert _engine_mentions("processes", spec, documents) == local
    assert [m for doc in local for m in doc] == ner_models.expected_mentions()


def test_ray_workers_load_the_bert_model_themselves(bert_model):
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'chronik[ray]')")
    spec = parse_ner(f"transformers:{bert_model}")
    documents = [Document.from_text(sentence, DATE) for sentence, _ in ner_models.SENTENCES]
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        assert _engine_mentions("ray", spec, documents) == _engine_mentions("local", spec, documents)
    finally:
        if started:
            ray.shutdown()


def test_a_model_without_entity_labels_is_refused(bert_model, tmp_path, capsys, monkeypatch):
    plain = ner_models.relabel(bert_model, tmp_path / "plain", {})
    config = json.loads((plain / "config.json").read_text("utf-8"))
    config["id2label"] = {i: f"LABEL_{i}" for i in config["id2label"]}
    config["label2id"] = {f"LABEL_{i}": int(i) for i in config["id2label"]}
    (plain / "config.json").write_text(json.dumps(config), "utf-8")
    monkeypatch.setattr("sys.stdin", _stdin("Olaf Scholz sprach in München."))
    assert main(["analyze", "-", "--date", DATE, "--ner", f"transformers:{plain}"]) == 2
    assert "E215" in capsys.readouterr().err


def test_a_folder_that_is_no_model_is_refused(tmp_path, capsys, monkeypatch):
    pytest.importorskip("transformers")
    folder = tmp_path / "kein-modell"
    folder.mkdir()
    (folder / "config.json").write_text("{}", "utf-8")
    monkeypatch.setattr("sys.stdin", _stdin("Olaf Scholz sprach in München."))
    assert main(["analyze", "-", "--date", DATE, "--ner", f"transformers:{folder}"]) == 2
    err = capsys.readouterr().err
    assert "E214" in err and "Traceback" not in err


def _stdin(text: str):
    import io

    class Stdin:
        buffer = io.BytesIO(text.encode("utf-8"))

    return Stdin()
