"""Clauses without a parser: the stretches of a sentence an event lives in.

A clause runs between commas, brackets, subordinating conjunctions and
relative pronouns (the break tags are data).  A coordinating conjunction
opens a new clause only when a finite verb follows it at once
("Russland weist das zurück und wirft der Ukraine vor"), since "Biden und
Putin" must stay together.  Good enough to keep a subordinate clause's
entities away from the main clause's verb.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis import Token

FINITE = ("VVFIN", "VAFIN", "VMFIN")
QUOTE_MARKS = frozenset('«»"„“”‚‘’\'')


@dataclass(slots=True)
class Clause:
    start: int  # token index into Analysis.tokens
    end: int  # one past the last token
    index: int  # position within its sentence
    opener: str = ""  # lemma of the conjunction that opened it, lowercased
    shares_subject: bool = False  # "... und wirft der Ukraine vor": a second verb, same subject


def split_clauses(tokens: list[Token], offset: int, break_pos: frozenset[str]) -> list[Clause]:
    """Clauses of one sentence; ``offset`` is the index of ``tokens[0]``."""
    clauses: list[Clause] = []
    start, opener, shared = 0, "", False
    aside = _short_brackets(tokens) | _list_commas(tokens)
    for i, tok in enumerate(tokens):
        is_break = tok.pos in break_pos and tok.text not in QUOTE_MARKS and i not in aside
        opens = tok.pos in ("KOUS", "PRELS") or (
            tok.pos == "KON" and i + 1 < len(tokens) and (tokens[i + 1].pos in FINITE
                                                           or _preterite_as_adjective(tokens, start, i + 1))
        )
        if (is_break or opens) and i > start:
            clauses.append(Clause(offset + start, offset + i, len(clauses), opener, shared))
            start, opener, shared = i, "", False
        if opens:
            opener, shared = tok.text.lower(), tok.pos == "KON"
        if is_break and tok.pos.startswith("$"):
            start = i + 1
    if start < len(tokens):
        clauses.append(Clause(offset + start, offset + len(tokens), len(clauses), opener, shared))
    return [c for c in clauses if c.end > c.start]


def _preterite_as_adjective(tokens: list[Token], start: int, i: int) -> bool:
    """"protestierte bei der Botschaft und forderte Peking auf": a "-te"
    word after "und" that the tagger read as an adjective, in a clause that
    already has its finite verb, is a second verb of the same subject
    (participles read as adjectives, "und geplante Projekte", start with ge-)."""
    word = tokens[i].text
    return tokens[i].pos == "ADJA" and word.islower() and word.endswith(("te", "ten")) \
        and not word.startswith("ge") and tokens[i - 1].text in ("und", "sowie") \
        and any(t.pos in FINITE for t in tokens[start : i - 1])


def _list_commas(tokens: list[Token]) -> set[int]:
    """Commas inside a list of names ("von SPD, FDP und Grünen zu einem
    Gespräch"): a name on both sides, "und"/"oder"/"sowie" close after, and
    no finite verb before the next comma (else "Die SPD stimmte zu, FDP und
    Grüne lehnten ab" is two clauses)."""
    found: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.text != "," or i == 0 or i + 1 >= len(tokens):
            continue
        if tokens[i - 1].pos not in ("NE", "NN") or tokens[i + 1].pos not in ("NE", "NN"):
            continue
        rest = []
        for t in tokens[i + 1 :]:
            if t.pos.startswith("$") and t.text in (",", ".", ";", ":", "?", "!"):
                break
            rest.append(t)
        if any(t.pos in FINITE for t in rest):
            continue
        if any(t.pos == "KON" and t.text in ("und", "oder", "sowie") for t in rest[1:4]):
            found.add(i)
    return found


def _short_brackets(tokens: list[Token], longest: int = 4) -> set[int]:
    """Positions of brackets around a few words ("Gewerkschaft Verkehr und
    Logistik (GVL) hat ...", "Olaf Scholz (SPD)"): an aside, no clause break."""
    found: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.text != "(":
            continue
        for j in range(i + 1, min(i + longest + 2, len(tokens))):
            if tokens[j].text == ")":
                found.update((i, j))
                break
            if tokens[j].pos.startswith(("V", "$")):
                break
    return found


def clause_of(clauses: list[Clause], token: int) -> Clause | None:
    for clause in clauses:
        if clause.start <= token < clause.end:
            return clause
    return None


def tense(tokens: list[Token], clause: Clause) -> str:
    """past, present or future of a clause, from its finite verb and auxiliaries."""
    span = tokens[clause.start : clause.end]
    finite = [t for t in span if t.pos in FINITE]
    if any(t.lemma == "werden" and not is_preterite(t) for t in finite) and any(t.pos in ("VVINF", "VAINF") for t in span):
        return "future"  # ("wurden ... festgenommen" with the participle taken for an infinitive is past)
    if any(t.lemma in ("haben", "sein") for t in finite) and any(t.pos in ("VVPP", "VAPP") for t in span):
        return "past"
    for tok in finite:
        if is_preterite(tok):
            return "past"
    if not finite and any(t.pos == "VVPP" for t in span):
        return "past"
    return "present"


def is_preterite(token: Token) -> bool:
    """A finite form that is not built on the lemma's present stem ("warf", "drohte")."""
    form, lemma = token.text.lower(), token.lemma.lower()
    if token.pos == "VAFIN" and form in ("war", "waren", "hatte", "hatten", "wurde", "wurden"):
        return True
    if token.pos == "VMFIN" and form.endswith(("te", "ten", "tet")):
        return True
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1] if lemma.endswith("n") else lemma
    if not stem or not form:
        return False
    if form.startswith(stem):
        rest = form[len(stem):]
        return rest.startswith("te") or rest.startswith("ete")
    # A changed stem is present only when it is the 3rd person's vowel
    # change ("wirft", "trifft", "hält", "liest"); "warf", "beriet" are past.
    return not any(form.startswith(v) and len(form) - len(v) <= 2 for v in _present_stems(stem))


_VOWEL_CHANGES = (("au", "äu"), ("e", "i"), ("e", "ie"), ("a", "ä"), ("o", "ö"))


def _present_stems(stem: str) -> list[str]:
    variants = []
    for old, new in _VOWEL_CHANGES:
        at = stem.rfind(old)
        if at >= 0:
            variants.append(stem[:at] + new + stem[at + len(old):])
    return variants


def is_passive(tokens: list[Token], clause: Clause, trigger: int) -> bool:
    """"wurde ... festgenommen", "soll angegriffen worden sein": the trigger
    is a participle and a form of "werden" stands in its clause."""
    tok = tokens[trigger]
    form = tok.text.lower()
    participle = tok.pos == "VVPP" or (form == tok.lemma.lower() and "ge" in form[:-4] and form.endswith(("en", "t")))
    if not participle or (tok.pos == "VVPP" and form == tok.lemma.lower() and form.endswith("en") and "ge" not in form):
        return False  # an infinitive tagged as a participle: "werde ... angreifen" is future
    return any(t.lemma == "werden" and t.pos.startswith("VA") for t in tokens[clause.start : clause.end])


def is_infinitive_clause(tokens: list[Token], clause: Clause) -> bool:
    """"..., die Ukraine aufzurüsten", "..., Soldaten verlegt zu haben"."""
    return any(t.pos == "PTKZU" or (t.pos == "VVIZU" and "zu" in t.text.lower()[1:]) or _zu_infix(t)
               for t in tokens[clause.start : clause.end])  # ("will ... abziehen" tagged VVIZU: no zu, no infinitive clause)


def _zu_infix(token: Token) -> bool:
    """"zusammenzuziehen" (lemma "zusammenziehen"), tagged as a plain infinitive."""
    form, lemma = token.text.lower(), token.lemma.lower()
    if token.pos.startswith("VV") and form == lemma and "zu" in form[2:-3]:
        return True  # left unlemmatized: "zusammenzuziehen"
    if not token.pos.startswith("VV") or len(form) != len(lemma) + 2:
        return False
    return any(form[i : i + 2] == "zu" and form[:i] + form[i + 2 :] == lemma for i in range(1, len(lemma)))


def participle_infinitive(form: str) -> str:
    """A guess at the infinitive of a weak participle: "einmarschiert" -> "einmarschieren"."""
    low = form.lower()
    if low.endswith("iert"):
        return low[:-1] + "en"
    return low
