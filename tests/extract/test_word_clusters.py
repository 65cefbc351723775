"""Word-cluster features of the NER tagger (chronik/extract/word_clusters.py)."""

from __future__ import annotations

import gzip

from chronik.extract.entities import FeatureExtractor
from chronik.extract.gazetteer import load_gazetteer
from chronik.extract.word_clusters import WordClusters, load_word_clusters, read_clusters


def _table(tmp_path):
    path = tmp_path / "clusters.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("# word\tc64\tc256\tc1024\nTübingen\t3\t17\t400\nHeidelberg\t3\t17\t400\nsagte\t9\t88\t5\n")
    return read_clusters(path)


def test_table_lookup_falls_back_to_other_case(tmp_path):
    clusters = _table(tmp_path)
    assert clusters.features("Tübingen") == ("kA=3", "kB=17", "kC=400")
    assert clusters.features("TÜBINGEN") == clusters.features("Tübingen")  # a dateline in capitals
    assert clusters.features("Sagte") == clusters.features("sagte")  # at a sentence start
    assert clusters.features("Reutlingen") == ()


def test_a_town_the_tagger_never_saw_shares_its_neighbours_cluster_features(tmp_path):
    extract = FeatureExtractor(load_gazetteer("de"), clusters=_table(tmp_path))
    rows = extract(["Die", "Bürgermeisterin", "von", "Tübingen", "sagte", "am", "Montag", "..."])
    assert "kC=400" in rows[3]
    assert "+1kC=400" in rows[2] and "-1kB=17" in rows[4]
    assert "+2kB=17" in rows[1] and "-2kB=17" in rows[5]
    assert not any(f.startswith("kC=") for f in rows[6])


def test_shipped_table_groups_words_used_alike():
    clusters = load_word_clusters("de")
    if not len(clusters):
        return  # a language without a table: the tagger runs without cluster features
    assert clusters.features("Montag") == clusters.features("Dienstag")
    assert clusters.features("Frankreich")[0] == clusters.features("Polen")[0]  # kA: countries
    assert len({clusters.features(w)[1] for w in ("Göttingen", "Dresden", "Tübingen")}) == 1  # kB: towns
    assert clusters.features("Frankreichs") == clusters.features("Frankreich")  # a genitive
