"""``chronik score --format events`` on small self-written JSONL files."""

from __future__ import annotations

import json

from chronik.cli import main
from chronik.scoring.events import score_dirs

GOLD = [
    {"id": "a", "date": "2022-05", "text": "Chile und Peru vereinbarten am 3. Mai 2022 ein Abkommen.",
     "events": [{"type": "AGREE", "actor": "Chile", "target": "Peru", "status": "happened", "when": "2022-05-03"}]},
    {"id": "b", "date": "2022-05", "text": "In Lima regnete es.", "events": []},
]


def write(path, records) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")


def test_perfect_prediction_scores_full(tmp_path):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    write(gold, GOLD)
    predicted = [dict(GOLD[0], events=[dict(GOLD[0]["events"][0], earliest="2022-05-03", latest="2022-05-03")]), GOLD[1]]
    write(pred, predicted)
    scores = score_dirs(gold, pred).to_dict()
    assert scores["aspects"]["full"]["precision"] == 100.0
    assert scores["aspects"]["date"]["recall"] == 100.0


def test_wrong_actor_and_extra_event(tmp_path):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    write(gold, GOLD)
    wrong = dict(GOLD[0]["events"][0], actor="Peru", target="Chile")
    write(pred, [dict(GOLD[0], events=[wrong]), dict(GOLD[1], events=[{"type": "PROTEST", "actor": None,
                                                                       "target": None, "status": "happened"}])])
    scores = score_dirs(gold, pred).to_dict()["aspects"]
    assert scores["type"]["precision"] == 50.0 and scores["type"]["recall"] == 100.0
    assert scores["full"]["recall"] == 0.0


def test_annotate_then_score_from_the_cli(tmp_path, capsys):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    write(gold, GOLD)
    assert main(["annotate", "--format", "events", str(gold), str(pred)]) == 0
    assert main(["score", "--format", "events", "--json", str(gold), str(pred)]) == 0
    out = capsys.readouterr().out
    scores = json.loads(out[out.index("{"):])
    assert scores["aspects"]["type"]["gold"] == 1


def test_article_with_two_events_of_one_type_pairs_the_matching_ones(tmp_path):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    article = {"id": "c", "date": "2022-05", "text": "Chile kritisierte Peru. Bolivien kritisierte Ecuador.",
               "events": [{"type": "DISAPPROVE", "actor": "Chile", "target": "Peru", "status": "happened"},
                          {"type": "DISAPPROVE", "actor": "Bolivien", "target": "Ecuador", "status": "happened"}]}
    write(gold, [article])
    # predicted in the other order: each gold event still finds its own
    write(pred, [dict(article, events=list(reversed(article["events"])))])
    scores = score_dirs(gold, pred).to_dict()["aspects"]
    assert scores["full"]["precision"] == 100.0 and scores["full"]["recall"] == 100.0


def test_pairs_prefer_the_evidence_sentence(tmp_path):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    text = "Chile kritisierte Peru. Chile kritisierte Peru erneut."
    article = {"id": "d", "date": "2022-05", "text": text, "sentences": [[0, 23], [24, len(text)]],
               "events": [{"type": "DISAPPROVE", "actor": "Chile", "target": "Peru", "status": "happened",
                           "evidence": {"sentence": 1}}]}
    write(gold, [article])
    first = {"type": "DISAPPROVE", "actor": None, "target": None, "status": "happened", "start": 6}
    second = {"type": "DISAPPROVE", "actor": "Chile", "target": "Peru", "status": "happened", "start": 30}
    write(pred, [dict(article, events=[first, second])])
    scores = score_dirs(gold, pred).to_dict()["aspects"]
    assert scores["full"]["recall"] == 100.0 and scores["full"]["precision"] == 50.0
