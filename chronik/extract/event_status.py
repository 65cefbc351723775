"""An event's status: happened, ongoing, planned, demanded, conditional,
denied or negated.

Cue words (negation, "falls", "im Falle", modal verbs of intent, verbs of
demand and denial) are data in ``events/status_cues.tsv``, each with its
scope: its own clause, or the whole sentence before the event.  Without a
cue the tense decides: past -> happened, future -> planned, present ->
ongoing.
"""

from __future__ import annotations

from ..analysis import Token
from .event_clauses import Clause, tense
from .event_lexicon import EventLexicon, Trigger

# When several cues apply, the strongest wins.
_ORDER = ("denied", "negated", "conditional", "demanded", "planned", "possible")


def event_status(tokens: list[Token], clauses: list[Clause], clause: Clause, trigger: int,
                 lexicon: EventLexicon, trig: Trigger) -> str:
    seen: set[str] = set()
    first = clauses[0].start if clauses else clause.start
    reported_past = _perfect_infinitive(tokens, clause)
    last = clauses[-1].end if clauses else clause.end
    for i in range(first, last):
        if i == trigger:
            continue
        tok = tokens[i]
        cue = lexicon.cues.get(tok.lemma) or lexicon.cues.get(tok.text.lower()) or lexicon.cues.get(tok.text)
        if cue is None and tok.pos == "VVFIN" and tok.lemma == "rufen" \
                and any(t.pos == "PTKVZ" and t.text.lower() == "auf" for t in tokens[i:last]):
            cue = lexicon.cues.get("aufrufen")  # "rief beide Seiten auf, ... zurückzukehren"
        if cue is None and tok.pos == "ADJA" and tok.text.endswith("te"):
            # "und forderte Peking auf" with the preterite read as an adjective
            stem = tok.text[:-2]
            cue = lexicon.cues.get(stem + "en") or lexicon.cues.get(stem + "n")
        if cue is None:
            continue
        status, scope = cue
        if i >= clause.end and status != "conditional":
            continue  # after the event's clause only a condition ("..., falls ...") still bears on it
        if status == "planned" and tok.pos == "VMFIN" and reported_past:
            continue  # "soll ihn getroffen haben", "will es gesehen haben": a claim about the past
        if scope == "sentence" and status in ("planned", "demanded", "denied") and i > trigger \
                and tokens[trigger].pos.startswith("V"):
            continue  # "hat abgelehnt und eine Urabstimmung angekündigt": the verb after is another act
        if status == "negated" and trig.pos == "N" and not trigger - 3 <= i < trigger \
                and not _support_clause(tokens, clause, lexicon):
            continue  # "keine Entspannung gebracht" does not negate the summit in the subject
            # (but "Streiks hat X nicht organisiert", "kam nicht zustande" do)
        if scope == "clause-start":
            continue
        if scope == "clause" and not clause.start <= i < clause.end:
            continue
        if scope == "sentence" and i > trigger and not clause.start <= i < clause.end and status != "conditional":
            continue  # a condition may follow its consequence ("wollen boykottieren, falls ...")
        if status in ("demanded", "denied") and clause.start <= i < clause.end and i < trigger \
                and tok.pos.startswith("VV"):
            continue  # "fordern" before the trigger in one clause is its own event's verb ("müsse" is not)
        seen.add(status)
    if clause.opener in lexicon.cues and lexicon.cues[clause.opener][0] == "conditional":
        seen.add("conditional")
    if any(_verb_first_condition(tokens, other, lexicon, len(clauses)) for other in clauses):
        seen.add("conditional")  # "..., sollte die Insel ihre Unabhängigkeit erklären"
    if trig.type == "THREATEN":
        seen.discard("conditional")  # a threat is made outright; its condition belongs to the threatened act
    for status in _ORDER:
        if status in seen:
            return status
    if trig.status:
        return trig.status  # "lud zu Gesprächen ein": the talks are still to come
    if reported_past and any(t.pos == "VMFIN" for t in tokens[clause.start : clause.end]):
        return "happened"
    return {"past": "happened", "future": "planned"}.get(tense(tokens, clause), "ongoing")


def _support_clause(tokens: list[Token], clause: Clause, lexicon: EventLexicon) -> bool:
    """The clause's full verb only carries an event noun ("organisiert", "zustande")."""
    span = tokens[clause.start : clause.end]
    return any((t.lemma or t.text).lower() in lexicon.support_verbs or t.text.lower() in lexicon.support_verbs
               for t in span if t.pos.startswith("VV") or t.pos in ("PTKVZ", "ADV"))  # ("zustande" read as ADV)


def _perfect_infinitive(tokens: list[Token], clause: Clause) -> bool:
    """"getroffen haben", "gewesen sein": a modal with it reports a past act."""
    span = tokens[clause.start : clause.end]
    return any(a.pos == "VVPP" and b.pos.startswith("VA") and b.lemma in ("haben", "sein")
               for a, b in zip(span, span[1:]))


def _verb_first_condition(tokens: list[Token], clause: Clause, lexicon: EventLexicon, clauses: int = 2) -> bool:
    """"Sollte Russland einmarschieren, werde ...", "..., sollte das Land ...":
    a clause opened by "sollte" is a condition; first in the sentence only
    when a consequence follows (a one-clause "Sollte ...?" is a question)."""
    first = tokens[clause.start]
    if clause.index == 0 and clauses < 2:
        return False
    cue = lexicon.cues.get(first.text.lower())
    return cue is not None and cue == ("conditional", "clause-start")
