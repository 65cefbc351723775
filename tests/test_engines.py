"""All engines run the same pure per-article function: identical analyses."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chronik.document import Document
from chronik.engines import analyze_in_batches, make_pipeline, open_engine
from chronik.errors import ChronikError
from chronik.readers.registry import iter_documents

SAMPLES = Path(__file__).resolve().parents[1] / "chronik" / "samples"


def _sample_documents() -> list[Document]:
    return [doc for _, doc in iter_documents([str(SAMPLES)]) if isinstance(doc, Document)]


def _shared_documents(shared_data: Path, count: int) -> list[Document]:
    # 10kGNAD rows: label;'text' (training split is allowed; test is what we have here)
    path = shared_data / "corpus" / "10kgnad-test.csv"
    if not path.exists():
        pytest.skip(f"{path} is missing")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";", quotechar="'"))
    return [Document.from_text(text, "2018-06") for _, text in rows[:count]]


def _analyses(engine: str, documents: list[Document], workers: int = 2, batch: int = 16) -> list[dict]:
    with open_engine(engine, workers) as analyze_batches:
        if analyze_batches is None:
            pipeline = make_pipeline(None)
            results = [pipeline(doc) for doc in documents]
        else:
            results = analyze_in_batches(analyze_batches, documents, batch)
    assert not [r for r in results if isinstance(r, str)]
    return [r.to_dict() for r in results]


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'chronik[ray]')")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_processes_and_local_agree_on_the_samples():
    documents = _sample_documents()
    assert len(documents) >= 5
    assert _analyses("processes", documents) == _analyses("local", documents)


def test_ray_and_local_agree_on_the_samples(local_ray):
    documents = _sample_documents()
    assert _analyses("ray", documents) == _analyses("local", documents)


def test_ray_streams_several_datasets_in_order(local_ray, monkeypatch):
    import chronik.engines as engines

    # Chunks of 2 articles per worker: the samples go through several Ray
    # Datasets, whose results must come back in the order of the input.
    monkeypatch.setattr(engines, "_RAY_CHUNK_PER_WORKER", 2)
    documents = _sample_documents()
    assert len(documents) > 4
    assert _analyses("ray", documents, batch=1) == _analyses("local", documents)


def test_all_engines_agree_on_shared_articles(shared_data, local_ray):
    documents = _shared_documents(shared_data, 200)
    local = _analyses("local", documents)
    assert _analyses("processes", documents) == local
    assert _analyses("ray", documents) == local


def test_unknown_engine_is_a_user_error():
    with pytest.raises(ChronikError, match="unknown engine"):
        with open_engine("spark"):
            pass


def test_ingest_with_ray_stores_what_local_stores(local_ray, tmp_path, capsys):
    from chronik.archive import open_archive
    from chronik.cli import main

    for engine in ("local", "ray"):
        code = main(["ingest", str(SAMPLES), "--db", str(tmp_path / f"{engine}.db"), "--engine", engine,
                     "--workers", "2", "--batch-size", "3", "--pipeline", "text"])
        assert code == 0, capsys.readouterr().err
    with open_archive(tmp_path / "local.db") as local, open_archive(tmp_path / "ray.db") as ray_db:
        assert list(ray_db.iter_analysis_dicts()) == list(local.iter_analysis_dicts())


def test_process_workers_run_numeric_libraries_on_one_thread(monkeypatch):
    import os
    from concurrent.futures import ProcessPoolExecutor

    from chronik import engines

    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    with ProcessPoolExecutor(1, initializer=engines._start_worker, initargs=(["text"],)) as pool:
        assert pool.submit(os.getenv, "OMP_NUM_THREADS").result() == "1"
