"""Tiny entity models built by the tests themselves, so that the spaCy and
transformers loading code runs for real without anything being downloaded.

Each model learns a handful of German sentences by heart; the tests then
check that chronik finds exactly those names, with their types and spans,
after the model's spans went through chronik's own tokens.
"""

from __future__ import annotations

import inspect
import json
import random
from pathlib import Path

# (sentence, [(name, label)]): every name occurs once in its sentence.  Labels
# are CoNLL-style for spaCy (MISC) and GermEval-style for transformers (see
# TRANSFORMERS_LABEL): the two conventions chronik maps.
SENTENCES: list[tuple[str, list[tuple[str, str]]]] = [
    ("Angela Merkel besuchte am Montag den Hafen von Hamburg.", [("Angela Merkel", "PER"), ("Hamburg", "LOC")]),
    ("Die Bundesbank warnte vor steigenden Preisen in Bayern.", [("Bundesbank", "ORG"), ("Bayern", "LOC")]),
    ("Olaf Scholz sprach in München mit der Siemens AG.", [("Olaf Scholz", "PER"), ("München", "LOC"), ("Siemens AG", "ORG")]),
    ("Annalena Baerbock reiste nach Paris und traf Emmanuel Macron.",
     [("Annalena Baerbock", "PER"), ("Paris", "LOC"), ("Emmanuel Macron", "PER")]),
    ("Die Lufthansa streicht im Winter viele Flüge nach Berlin.", [("Lufthansa", "ORG"), ("Berlin", "LOC")]),
    ("Beim Festival Rock am Ring spielten am Samstag zwölf Bands.", [("Rock am Ring", "MISC")]),
    ("Die französische Regierung lud Vertreter aus Polen ein.", [("französische", "LOCderiv"), ("Polen", "LOC")]),
    ("Am Dienstag regnete es den ganzen Tag.", []),
]
# What chronik should report for each model label.
GERMEVAL = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "OTH", "LOCderiv": "LOCderiv"}
# The transformers model is trained on GermEval names (MISC is OTH there).
TRANSFORMERS_LABEL = {"MISC": "OTH"}


def spans(sentence: str, names: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    return [(sentence.index(name), sentence.index(name) + len(name), label) for name, label in names]


def article_text() -> str:
    return " ".join(sentence for sentence, _ in SENTENCES)


def expected_mentions() -> list[tuple[str, str]]:
    """(text, GermEval label) in text order."""
    return [(name, GERMEVAL[label]) for _, names in SENTENCES for name, label in names]


# -- spaCy --------------------------------------------------------------------
def build_spacy_ner(folder: Path, with_ner: bool = True) -> Path:
    """A blank German pipeline with an "ner" pipe trained until it tags SENTENCES."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(7)
    nlp = spacy.blank("de")
    if with_ner:
        ner = nlp.add_pipe("ner")
        examples = []
        for sentence, names in SENTENCES:
            for _, label in names:
                ner.add_label(label)
            examples.append(Example.from_dict(nlp.make_doc(sentence), {"entities": spans(sentence, names)}))
        optimizer = nlp.initialize(lambda: examples)
        rng = random.Random(7)
        for iteration in range(300):
            rng.shuffle(examples)
            nlp.update(examples, sgd=optimizer, drop=0.0, losses={})
            if iteration % 10 == 9 and _spacy_learned(nlp):
                break
        else:
            raise AssertionError("the tiny spaCy model did not learn its sentences")
    nlp.to_disk(folder)
    return folder


def _spacy_learned(nlp) -> bool:
    for sentence, names in SENTENCES:
        found = [(e.start_char, e.end_char, e.label_) for e in nlp(sentence).ents]
        if found != spans(sentence, names):
            return False
    return True


# -- transformers -----------------------------------------------------------
def build_bert_ner(folder: Path, steps: int = 400) -> Path:
    """A 2-layer, 32-wide BERT with a WordPiece vocabulary of SENTENCES' words,
    trained until its first-subword labels reproduce SENTENCES."""
    import torch
    from tokenizers.pre_tokenizers import BertPreTokenizer
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    folder.mkdir(parents=True, exist_ok=True)
    split = BertPreTokenizer()
    words = sorted({w for sentence, _ in SENTENCES for w, _ in split.pre_tokenize_str(sentence)})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]
    vocab_file = folder / "vocab.txt"
    vocab_file.write_text("\n".join(vocab) + "\n", encoding="utf-8")
    options = dict(do_lower_case=False, strip_accents=False)
    if "vocab" in inspect.signature(BertTokenizerFast.__init__).parameters:  # transformers 5
        tokenizer = BertTokenizerFast(vocab={w: i for i, w in enumerate(vocab)}, **options)
    else:  # transformers 4
        tokenizer = BertTokenizerFast(vocab_file=str(vocab_file), **options)

    types = sorted({TRANSFORMERS_LABEL.get(label, label) for _, names in SENTENCES for _, label in names})
    tags = ["O"] + [f"{p}-{t}" for t in types for p in ("B", "I")]
    tag_id = {tag: i for i, tag in enumerate(tags)}
    texts = [sentence for sentence, _ in SENTENCES]
    encoded = tokenizer(texts, return_offsets_mapping=True, padding=True, return_tensors="pt")
    offsets = encoded.pop("offset_mapping").tolist()
    targets = []
    for (sentence, names), row in zip(SENTENCES, offsets):
        entity_spans = spans(sentence, names)
        row_tags = []
        for start, end in row:
            if end <= start:
                row_tags.append(-100)  # [CLS], [SEP], padding
                continue
            tag = "O"
            for s, e, label in entity_spans:
                if s <= start < e:
                    tag = ("B-" if start == s else "I-") + TRANSFORMERS_LABEL.get(label, label)
            row_tags.append(tag_id[tag])
        targets.append(row_tags)
    labels = torch.tensor(targets)

    torch.manual_seed(7)
    config = BertConfig(
        vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=64, num_labels=len(tags),
        hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0,
        id2label=dict(enumerate(tags)), label2id=tag_id,
    )
    model = BertForTokenClassification(config)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    model.train()
    for step in range(steps):
        loss = model(**encoded, labels=labels).loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 25 == 24:
            model.eval()
            with torch.no_grad():
                predicted = model(**encoded).logits.argmax(-1)
            model.train()
            if bool(((predicted == labels) | (labels == -100)).all()):
                break
    else:
        raise AssertionError("the tiny BERT did not learn its sentences")
    model.eval()
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def relabel(folder: Path, target: Path, rename: dict[str, str]) -> Path:
    """A copy of a saved transformers model whose config names its labels differently."""
    import shutil

    shutil.copytree(folder, target)
    config_path = target / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["id2label"] = {i: rename.get(name, name) for i, name in config["id2label"].items()}
    config["label2id"] = {name: int(i) for i, name in config["id2label"].items()}
    config_path.write_text(json.dumps(config, indent=2), encoding="utf-8")
    return target
