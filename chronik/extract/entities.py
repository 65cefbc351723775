"""Named entity mentions: a CRF tagger over tokens, GermEval/NoSta-D labels.

The tagger works on a plain token list (plus STTS tags when known), so the
pipeline component and the GermEval file path share one code path.  Its
model, ``chronik/lang/de/ner.crfsuite``, is built by
``training/build_ner.py`` from GermEval 2014 (CC BY 4.0) and chronik's own
silver sentences.  Labels keep the research scheme (``LOCderiv``,
``ORGpart`` ...); :attr:`Mention.type` gives users the plain type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from ..analysis import Analysis
from ..errors import ChronikError
from ..lang import resource_lines, resource_path
from ..word_cache import word_cache
from .gazetteer import Gazetteer, load_gazetteer
from .role_lexicon import RoleLexicon, role_lexicon
from .word_clusters import WordClusters, load_word_clusters

if TYPE_CHECKING:
    from .ner import NerSpec

MODEL_NAME = "ner.crfsuite"
BUILD_COMMAND = ".venv/bin/python training/build_ner.py"
# Tokens longer than this get no affix features: garbage in, cheap out.
MAX_FEATURE_WORD = 40
_SHAPE_RUNS = re.compile(r"(.)\1+")
# Quotation marks: a title of a work or an event is often quoted.
_OPENING_QUOTES = frozenset("„«‚")
_CLOSING_QUOTES = frozenset("“»‘")
_EITHER_QUOTES = frozenset(('"', "''", "``", "'"))


@dataclass(slots=True)
class Mention:
    """A name in the text: ``label`` as in GermEval, ``type`` one of PER/ORG/LOC/OTH."""

    start: int
    end: int
    text: str
    label: str
    sentence: int
    token_start: int = 0  # index into Analysis.tokens
    token_end: int = 0

    @property
    def type(self) -> str:
        return self.label[:3]

    @property
    def is_name(self) -> bool:
        """True for the name itself, False for derived forms ("russisch") and parts."""
        return len(self.label) == 3

    def to_dict(self) -> dict:
        return {
            "start": self.start, "end": self.end, "text": self.text, "label": self.label,
            "type": self.type, "sentence": self.sentence, "tokens": [self.token_start, self.token_end],
        }


def word_shape(word: str) -> str:
    """'Biden' -> 'Xx', 'US-Präsident' -> 'X-Xx', '2021' -> 'd'."""
    mapped = "".join(
        "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word[:MAX_FEATURE_WORD]
    )
    return _SHAPE_RUNS.sub(r"\1", mapped)


def _word_features(word: str, gazetteer: Gazetteer, roles: RoleLexicon, clusters: WordClusters) -> tuple[str, ...]:
    lower = word.lower()
    short = lower[:MAX_FEATURE_WORD]
    features = [f"w={short}", f"shape={word_shape(word)}"]
    if len(short) > 2:
        features += [f"s2={short[-2:]}", f"s3={short[-3:]}", f"p3={short[:3]}"]
    if len(short) > 4:
        features += [f"s4={short[-4:]}", f"s5={short[-5:]}", f"p4={short[:4]}"]
    if word[:1].isupper():
        features.append("cap")
        if word.isupper() and len(word) > 1:
            features.append("allcap")
    if any(c.isdigit() for c in word):
        features.append("digit")
    if "-" in word:
        features += [f"h0={short.split('-')[0]}", f"h1={short.rsplit('-', 1)[-1]}"]
    features += [f"g={mark}" for mark in gazetteer.word_marks(word)]
    if roles.role_word(word) is not None:
        features.append("g=ROLE")  # "Präsident", "Kremlsprecher": a person's name is near
    features += clusters.features(word)  # words used alike: "Tübingen" learns from "Heidelberg"
    return tuple(features)


# Which of a word's features its neighbours see, one and two tokens away.
_NEAR = frozenset(("w=", "sh", "ca", "g=", "s3", "kA", "kB", "kC"))
_FAR = frozenset(("w=", "sh", "kB"))


class FeatureExtractor:
    """Turns a sentence into CRF features; shared by tagging and training."""

    def __init__(self, gazetteer: Gazetteer, roles: RoleLexicon | None = None,
                 clusters: WordClusters | None = None) -> None:
        self.gazetteer = gazetteer
        self.roles = roles if roles is not None else role_lexicon("de")
        self.clusters = clusters if clusters is not None else load_word_clusters("de")
        # Per word: its own features and the same features as seen from a neighbour.
        # 50,000 words hold a corpus's working vocabulary (10kGNAD: 70,687 distinct
        # words, 2.5 % more misses than an unbounded cache); an entry costs a
        # few KB, so a larger bound only adds memory on a long, varied stream
        self._views = word_cache(50_000)(self._word_views)
        self._pos_views = lru_cache(maxsize=1_000)(_pos_views)

    def _word_views(self, word: str) -> tuple:
        own = _word_features(word, self.gazetteer, self.roles, self.clusters)
        near = tuple(f for f in own if f[:2] in _NEAR)
        far = tuple(f for f in own if f[:2] in _FAR)
        return (
            own,
            tuple("-1" + f for f in near),
            tuple("+1" + f for f in near),
            tuple("-2" + f for f in far),
            tuple("+2" + f for f in far),
            own[0][2:],  # lower-case word, for the bigram
            own[1][6:],  # shape, for the shape window
            ("capmid",) if word[:1].isupper() else (),
            # "der Roman ... X", "Siemens AG": kind cues reach two words on
            tuple("-2" + f for f in own if f.startswith(("g=HEAD:", "g=TOK:"))),
        )

    def __call__(self, words: Sequence[str], tags: Sequence[str] | None = None) -> list[list[str]]:
        return sentence_features(words, tags, self._views, self.gazetteer, self._pos_views)


class EntityTagger:
    """Labels tokens with GermEval outer BIO tags."""

    def __init__(self, lang: str = "de", model_path: str | None = None) -> None:
        import pycrfsuite

        path = model_path or str(resource_path(lang, MODEL_NAME))
        self.lang = lang
        self.gazetteer = load_gazetteer(lang)
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(path)
        except (OSError, ValueError):
            raise ChronikError("E204", path=path, command=BUILD_COMMAND) from None
        self.features = FeatureExtractor(self.gazetteer, role_lexicon(lang), load_word_clusters(lang))

    def tag(self, words: Sequence[str], tags: Sequence[str] | None = None) -> list[str]:
        if not words:
            return []
        return finish_labels(words, self._tagger.tag(self.features(words, tags)), self.gazetteer, self.lang)


def finish_labels(words: Sequence[str], labels: Sequence[str], gazetteer: Gazetteer, lang: str = "de") -> list[str]:
    """Repair BIO, then give a hyphenated "-part" name the type of the listed name in it.

    A PER/ORG/LOC name of several words loses a last word that is an abstract
    plural ("Tabula Ermittlungen" -> "Tabula"): such a noun is not part of a name;
    an organisation loses a describing noun before its name ("Verband Freie Bauern").
    """
    labels = repair_bio(labels)
    endings, descriptors = _not_name_endings(lang), _descriptor_heads(lang)
    for start, end, label in spans_from_bio(labels):
        if end - start > 1 and label in ("PER", "ORG", "LOC") and words[end - 1].endswith(endings):
            labels[end - 1] = "O"
            end -= 1
        if end - start > 1 and label == "ORG" and words[start].lower() in descriptors and words[start + 1][:1].isupper():
            labels[start], labels[start + 1] = "O", "B-ORG"  # "der Verband [Freie Bauern]"
    for i, label in enumerate(labels):
        if label.endswith("part") and "-" in words[i]:
            kind = gazetteer.kind_of_part(words[i])
            if kind and kind != label[2:5]:
                labels[i] = f"{label[:2]}{kind}part"
    return labels


@lru_cache(maxsize=None)
def _not_name_endings(lang: str) -> tuple[str, ...]:
    return tuple(resource_lines(lang, "gazetteer/not_name_endings.txt"))


@lru_cache(maxsize=None)
def _descriptor_heads(lang: str) -> frozenset[str]:
    return frozenset(resource_lines(lang, "gazetteer/descriptor_heads.txt"))


def _pos_views(tag: str) -> tuple[tuple[str, ...], ...]:
    """POS features of a tag as seen from the token itself and its neighbours."""
    tag = _pos(tag)
    if not tag:
        return ((), (), (), (), (), "")
    return ((f"pos={tag}", f"pos2={tag[:2]}"), (f"-1pos={tag}",), (f"+1pos={tag}",),
            (f"-2pos={tag}",), (f"+2pos={tag}",), tag)


def sentence_features(words: Sequence[str], tags: Sequence[str] | None, views, gazetteer: Gazetteer,
                      pos_views=_pos_views) -> list[list[str]]:
    """CRF features of every token of one sentence; linear in its length.

    Everything that depends on one word or one tag is computed once and
    cached (``views``, ``pos_views``); only pairs are formatted per token.
    """
    n = len(words)
    wv = [views(w) for w in words]
    pv = [pos_views(t) for t in tags] if tags else [_NO_POS] * n
    phrase_marks = gazetteer.match(list(words))
    quoted = _inside_quotes(words)
    rows: list[list[str]] = []
    for i in range(n):
        view, tag = wv[i], pv[i]
        row = ["bias", *view[0], *tag[0]]
        prev_shape = wv[i - 1][6] if i else "^"
        next_shape = wv[i + 1][6] if i + 1 < n else "$"
        row.append(f"shapes={prev_shape}|{view[6]}|{next_shape}")
        if phrase_marks[i]:
            row += [f"G={m}" for m in phrase_marks[i]]
        if i == 0:
            row.append("BOS")
        else:
            row += view[7]  # a capital after the first word says more than one at the start
            row.append(f"bi={wv[i - 1][5]}|{view[5]}")
            row += wv[i - 1][1]
            row += pv[i - 1][1]
            if phrase_marks[i - 1]:
                row += [f"-1G={m}" for m in phrase_marks[i - 1] if not m.endswith(":gen")]
            if pv[i - 1][5]:
                row.append(f"pos-1|0={pv[i - 1][5]}|{tag[5]}")
            if i > 1:
                row += wv[i - 2][3]
                row += pv[i - 2][3]
                row += wv[i - 2][8]
        if quoted[i]:
            row.append("inquote")
            if i and not quoted[i - 1]:
                row.append("quotestart")
        if i == n - 1:
            row.append("EOS")
        else:
            row += wv[i + 1][2]
            row += pv[i + 1][2]
            if phrase_marks[i + 1]:
                row += [f"+1G={m}" for m in phrase_marks[i + 1] if not m.endswith(":gen")]
            if i < n - 2:
                row += wv[i + 2][4]
                row += pv[i + 2][4]
        rows.append(row)
    return rows


def _inside_quotes(words: Sequence[str]) -> list[bool]:
    """Per token: is it between quotation marks (the marks themselves are not)?"""
    inside, flags = False, []
    for word in words:
        if word in _OPENING_QUOTES:
            inside, flag = True, False
        elif word in _CLOSING_QUOTES:
            inside, flag = False, False
        elif word in _EITHER_QUOTES:
            inside, flag = not inside, False
        else:
            flag = inside
        flags.append(flag)
    return flags


def _pos(tag: str) -> str:
    # HanTa writes "VV(FIN)", STTS "VVFIN": accept both.
    return tag.replace("(", "").replace(")", "")


_NO_POS = _pos_views("")


def repair_bio(labels: Sequence[str]) -> list[str]:
    """An I- tag that does not continue its label becomes B-."""
    repaired: list[str] = []
    previous = "O"
    for label in labels:
        if label.startswith("I-") and previous[2:] != label[2:]:
            label = "B-" + label[2:]
        repaired.append(label)
        previous = label
    return repaired


def spans_from_bio(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for i, label in enumerate(labels):
        if label.startswith("B-"):
            spans.append((i, i + 1, label[2:]))
        elif label.startswith("I-") and spans and spans[-1][1] == i and spans[-1][2] == label[2:]:
            spans[-1] = (spans[-1][0], i + 1, spans[-1][2])
    return spans


class EntityLayer:
    """Pipeline component: fills ``analysis.layers["mentions"]``.

    ``ner`` chooses the tagger (``--ner``): our CRF, or a spaCy pipeline or
    transformers model the user has (chronik/extract/ner/).  Whichever tags,
    the article-level steps after it are the same.
    """

    def __init__(self, lang: str = "de", ner: "NerSpec | None" = None) -> None:
        if ner is None or ner.is_default:
            self.tagger, self.model = EntityTagger(lang), None
        else:
            from .ner import load_tagger

            self.tagger, self.model = None, load_tagger(ner)
        self.adjective_endings = tuple(resource_lines(lang, "gazetteer/adjective_suffixes.txt"))
        self.roles = role_lexicon(lang)

    def __call__(self, analysis: Analysis) -> None:
        tokens = analysis.tokens
        sentence_tokens = [tokens[s.token_start : s.token_end] for s in analysis.sentences]
        if self.model is not None:
            offsets = [[(t.start, t.end) for t in toks] for toks in sentence_tokens]
            labels = [repair_bio(row) for row in self.model.label(analysis.text, offsets)]
        else:
            labels = [self.tagger.tag([t.text for t in toks], [t.pos for t in toks]) for toks in sentence_tokens]
        labels = harmonise_names([[t.text for t in toks] for toks in sentence_tokens], labels)
        mentions: list[Mention] = []
        for sentence, toks, sentence_labels in zip(analysis.sentences, sentence_tokens, labels):
            first = sentence.token_start
            for span_start, span_end, label in spans_from_bio(sentence_labels):
                for start, end in self._name_pieces(toks, span_start, span_end, label):
                    begin, finish = toks[start].start, toks[end - 1].end
                    mentions.append(
                        Mention(begin, finish, analysis.text[begin:finish], label, sentence.index, first + start, first + end)
                    )
        analysis.layers["mentions"] = mentions


    def _name_pieces(self, toks: Sequence, start: int, end: int, label: str) -> list[tuple[int, int]]:
        """Clean one tagged span; a person span with a title inside becomes two names.

        "Bidens Nationaler Sicherheitsberater Jake Sullivan" -> "Bidens", "Jake Sullivan":
        a role word inside a person's span is a title between two names.
        """
        pieces = [(start, end)]
        if label == "PER":
            pieces = []
            piece_start = start
            for k in range(start + 1, end - 1):
                if self.roles.role_word(toks[k].text) is not None:
                    cut = k
                    while cut > piece_start and toks[cut - 1].text.endswith(self.adjective_endings):
                        cut -= 1  # title adjectives ("Nationaler") belong to the role
                    if cut > piece_start:
                        pieces.append((piece_start, cut))
                    piece_start = k + 1
            pieces.append((piece_start, end))
        cleaned = []
        for piece_start, piece_end in pieces:
            piece_end = _trim_modifiers(toks, piece_start, piece_end, label, self.adjective_endings)
            piece_start = _trim_leading_title(toks, piece_start, piece_end, label, self.roles)
            piece_end = _trim_trailing_title(toks, piece_start, piece_end, label, self.roles)
            if piece_end > piece_start:
                cleaned.append((piece_start, piece_end))
        return cleaned


MAIN_LABELS = ("PER", "ORG", "LOC", "OTH")
# A person's or place's name does not end in an attributive adjective: in
# "Bidens Nationaler Sicherheitsberater" the name is "Bidens".
_NOT_LAST_IN_NAME = ("ADJA", "ART", "APPR", "KON", "VV", "VA", "VM")


def _trim_leading_title(tokens: Sequence, start: int, end: int, label: str, roles: "RoleLexicon") -> int:
    """'Ex-Kanzler Gerhard Schröder' -> 'Gerhard Schröder': a title is a role, not the name."""
    while label == "PER" and end - start > 1 and roles.role_word(tokens[start].text) is not None:
        start += 1
    return start


def _trim_trailing_title(tokens: Sequence, start: int, end: int, label: str, roles: "RoleLexicon") -> int:
    """'Odessas Gouverneur' is no name: a genitive and a role word.

    Only after a genitive: "Gerhard Richter" and "Anna König" end in role words too.
    """
    if label == "PER" and end - start == 2 and tokens[start].text.endswith("s") \
            and roles.role_word(tokens[end - 1].text) is not None:
        return end - 1
    return end


def _trim_modifiers(tokens: Sequence, start: int, end: int, label: str, adjective_endings: tuple[str, ...]) -> int:
    if label.startswith("OTH"):
        return end  # titles of works may end in anything
    while end - start > 1 and (
        tokens[end - 1].pos.startswith(_NOT_LAST_IN_NAME)
        or (
            tokens[end - 1].text.endswith(adjective_endings)
            and end < len(tokens)
            and tokens[end].pos == "NN"
        )
    ):
        end -= 1
    return end


def harmonise_names(words: list[list[str]], labels: list[list[str]]) -> list[list[str]]:
    """One article, one reading of a name.

    The tagger sees one sentence at a time, so "Biden" may be found in
    "Joe Biden" and missed in "Biden habe ...".  Every one-word name and
    every surname of a multi-word person gets the label most often given to
    it in the article; capitalised words the tagger left out get it too.
    """
    votes: dict[str, dict[str, int]] = {}
    for sentence_words, sentence_labels in zip(words, labels):
        for start, end, label in spans_from_bio(sentence_labels):
            if label not in MAIN_LABELS:
                continue
            if end - start == 1:
                _vote(votes, sentence_words[start], label, 1)
            elif label == "PER":
                surname = sentence_words[end - 1]
                _vote(votes, surname, label, 2)
                _vote(votes, surname + "s", label, 1)  # genitive: "Bidens"
    if not votes:
        return labels
    result = []
    for sentence_words, sentence_labels in zip(words, labels):
        new = list(sentence_labels)
        for i, word in enumerate(sentence_words):
            choice = votes.get(word)
            if not choice or not word[:1].isupper():
                continue
            best = max(choice, key=choice.__getitem__)
            alone = (i + 1 == len(new) or not new[i + 1].startswith("I-")) and (
                new[i] == "O" or new[i].startswith("B-")
            )
            if alone and (new[i] == "O" or new[i][2:] in MAIN_LABELS):
                new[i] = "B-" + best
        result.append(new)
    return result


def _vote(votes: dict[str, dict[str, int]], word: str, label: str, weight: int) -> None:
    if len(word) > 2 and word[:1].isupper():
        counts = votes.setdefault(word, {})
        counts[label] = counts.get(label, 0) + weight
