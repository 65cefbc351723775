"""The events layer: who did what to whom, when and where (PLOVER types).

``EventLayer("de")(analysis)`` reads the sentences, tokens, mentions
(with their links) and timexes, and fills ``analysis.layers["events"]``
with :class:`Event` items.  Triggers, status cues, modes and institutions
are data under ``lang/<lang>/events/``.  Parts:

* :mod:`.event_lexicon` – the data tables;
* :mod:`.event_clauses` – clauses and tense without a parser;
* :mod:`.event_args` – actor, target and place;
* :mod:`.event_when` – the event's date interval;
* :mod:`.event_status` – happened, planned, conditional, negated ...

The same event told twice in one article ("der Videogipfel", later "das
Gespräch mit Putin") becomes one event with several evidence sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..analysis import Analysis, Token
from ..lang import resource_lines
from .event_actors import group_actors
from .event_args import (Participant, candidates, co_actors, listed_with, noun_arguments, noun_phrase_end,
                         passive_arguments, place, verb_arguments)
from .event_names import MissedNames
from .event_refs import ArticleReferences, abbreviated
from .event_clauses import (FINITE, Clause, is_infinitive_clause, is_passive, is_preterite, participle_infinitive,
                             split_clauses)
from .event_lexicon import EventLexicon, Trigger, event_lexicon
from .event_status import event_status
from .event_when import event_time, future_date
from .tagger import dictionary_lemma


@dataclass(slots=True)
class Event:
    type: str  # PLOVER event type
    mode: str
    trigger: str  # the trigger as written
    start: int  # the trigger's offsets
    end: int
    sentence: int
    sentence_start: int
    sentence_end: int
    status: str
    when: dict
    actor: Participant | None = None
    target: Participant | None = None
    where: Participant | None = None
    quote: int | None = None  # index into the quotes layer, for speech acts
    also_in: list[int] = field(default_factory=list)  # further evidence sentences
    lemma: str = ""  # the trigger's lemma, to find later mentions of the same event
    by_noun: bool = False  # named by a noun ("der Videogipfel"), not told by a verb
    mention: bool = False  # a noun in a phrase that only names an event told before ("bei dem Gipfel")
    controls: bool = False  # its target does what the next zu-infinitive says ("fordert X auf, ...")
    co_actors: list[Participant] = field(default_factory=list)  # further members of a listed actor
    co_targets: list[Participant] = field(default_factory=list)  # further members of a listed target

    def participants(self) -> set[str]:
        return {p.name for p in (self.actor, self.target, *self.co_actors, *self.co_targets) if p is not None}

    def to_dict(self) -> dict:
        return {
            "type": self.type, "mode": self.mode, "trigger": self.trigger,
            "start": self.start, "end": self.end, "status": self.status, "when": self.when,
            "actor": self.actor.to_dict() if self.actor else None,
            "target": self.target.to_dict() if self.target else None,
            "where": self.where.to_dict() if self.where else None,
            "co_actors": [p.to_dict() for p in self.co_actors],
            "co_targets": [p.to_dict() for p in self.co_targets],
            "evidence": {"sentence": self.sentence, "start": self.sentence_start, "end": self.sentence_end,
                         "quote": self.quote, "also_in": self.also_in},
        }


class EventLayer:
    """Pipeline component: fills ``analysis.layers["events"]``."""

    def __init__(self, lang: str = "de") -> None:
        self.lexicon: EventLexicon = event_lexicon(lang)
        self.groups = group_actors(lang)
        # states as the tables know them: by demonym or by capital ("Guyana" has no adjective listed)
        self.state_names = frozenset(self.groups.states) | frozenset(self.groups.capitals.values())
        self.direction_prefixes = tuple(sorted((w.lower() for w in resource_lines(lang, "gazetteer/direction_prefixes.txt")),
                                               key=len, reverse=True))
        self.names = MissedNames(lang, self.groups)
        self.references = ArticleReferences(lang, self.groups)

    def __call__(self, analysis: Analysis) -> None:
        found = candidates(analysis, self.lexicon, self.groups, self.names)
        self.references.resolve(analysis, found)
        genders = _genders(analysis)
        events: list[Event] = []
        for sentence in analysis.sentences:
            if sentence.is_heading:
                continue
            tokens = analysis.sentence_tokens(sentence)
            clauses = split_clauses(tokens, sentence.token_start, self.lexicon.clause_break_pos)
            people = _people_before(found, sentence.index, genders)
            # the actor of the last act told in the sentence before is the likeliest "sie"/"er"
            last = next((e.actor for e in reversed(events) if e.actor is not None and e.actor.named
                         and sentence.index - e.sentence == 1 and not e.by_noun), None)
            if last is not None:
                gender = dict((p.name, g) for p, g in people).get(last.name, "")
                people = [pg for pg in people if pg[0].name != last.name] + [(last, gender)]
            told = self._sentence_events(analysis, clauses, found.get(sentence.index, []), people, events)
            occasion = self._occasion(analysis, sentence, told, events)
            for event in told:
                if occasion is not None and event.when.get("source") == "article" and not event.by_noun:
                    # "Dabei vereinbarten beide Minister ...", "In dem Telefonat warf X ... vor":
                    # an act on the occasion of an event told before has its date
                    event.when = {**occasion.when, "source": "antecedent"}
                _add(events, event)
        _named_next(events, found, analysis)
        events = _without_trip_to_talks(events)
        analysis.layers["events"] = events

    def _occasion(self, analysis: Analysis, sentence, told: list[Event], events: list[Event]) -> Event | None:
        """The dated event a sentence tells more of: opened by "Dabei",
        "Zugleich", "Im Anschluss" (``events/occasion_words.txt``), or naming
        an earlier event by a noun in a phrase ("in dem Gespräch", "auf der
        Kundgebung")."""
        # only acts that took place can be an occasion (not a strike threatened for April)
        if not told:
            return None
        dated = [e for e in events if e.when.get("source") in ("timex", "antecedent")
                 and e.status in ("happened", "ongoing")]
        if not dated:
            return None
        tokens = analysis.tokens
        span = tokens[sentence.token_start : sentence.token_end]
        words = [t.text.lower() for t in span]
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
        if any(w in self.lexicon.occasion_words for w in words + pairs):
            return dated[-1]
        for i, tok in enumerate(span):
            # "In dem Telefonat warf ...", "Auf der Kundgebung ...": a phrase naming an event told before
            trig = self.lexicon.noun(tok.lemma or tok.text) if tok.pos == "NN" else None
            if trig is None or not any(t.pos in ("APPR", "APPRART") for t in span[max(0, i - 3) : i]):
                continue
            lemma = (tok.lemma or tok.text).lower()
            same = [e for e in dated if e.lemma == lemma or e.type == trig.type]
            if same:
                return same[-1]
        return None

    def _sentence_events(self, analysis: Analysis, clauses: list[Clause], items: list[Participant],
                         people: list[tuple[Participant, str]] = (), events_before: list[Event] = ()) -> list[Event]:
        tokens = analysis.tokens
        events: list[Event] = []
        absorbed: set[int] = set()
        for clause in clauses:
            if (clause.index - 1 in absorbed or _absorbed(events, tokens, clauses, clause)) \
                    and is_infinitive_clause(tokens, clause):
                # "wirft Minsk vor, Migranten an die Grenze zu bringen": the content of the act before
                # (and of a content clause before: "..., ihr Versprechen gebrochen zu haben, ... bereitzustellen")
                absorbed.add(clause.index)
                continue
            if _relative(tokens, clause):
                continue  # "der seit 2021 inhaftiert war": a relative clause describes a participant
            if clause.opener == "ob":
                continue  # "ließ offen, ob seine Partei mit der SPD sprechen werde": an open question, no act
            if tokens[clause.start].text.lower() == "darunter" and events and events[-1].target is None:
                # "wurden 48 Menschen festgenommen, darunter der Oppositionspolitiker X": X among them
                named = next((p for p in items if clause.start < p.token < clause.end and p.named and not p.prep), None)
                if named is not None and (events[-1].actor is None or events[-1].actor.name != named.name):
                    events[-1].target = named
                continue
            verbs = self._verb_triggers(tokens, clause)
            for index, trigger in verbs:
                # a zu-infinitive or a second verb after "und" has the subject of the clause before
                borrowed = clause.shares_subject or is_infinitive_clause(tokens, clause)
                passive = trigger.target == "obj" and is_passive(tokens, clause, index)
                if passive:
                    actor, target = passive_arguments(items, clause, self.lexicon.agent_prepositions)
                else:
                    actor, target = verb_arguments(items, clause, trigger, borrowed)
                if actor is None and borrowed:
                    actor = None if clause.shares_subject else _accused(events, tokens, clauses, clause)
                    if actor is None and clause.shares_subject:
                        # "Er warf ... vor und versetzte die Armee ...": the subject the clause before resolved
                        actor = _last_actor(events, tokens, clauses, clause)
                    actor = actor or self._inherited_actor(items, clauses, clause)
                    if actor is None and clause.index > 0 and not clause.shares_subject:
                        # "Er kündigte an, Grüne und FDP zu treffen": the pronoun subject of the clause before
                        actor = _pronoun_subject(tokens, clauses[clause.index - 1], items, people, (target,))
                if not passive and not borrowed and tokens[clause.start].pos in FINITE and clause.index > 0 \
                        and not clause.opener and not _relative(tokens, clause) \
                        and not (actor is not None and actor.named and actor.label == "PER"
                                 and clause.index == len(clauses) - 1):  # "..., warnte Außenminister X.": X speaks
                    # "Senator X, ein Republikaner, warf der Regierung vor": a clause opening with its
                    # finite verb has its subject before the comma; what follows the verb is its object
                    subject = _vorfeld_subject(tokens, items, clauses, clause)
                    if subject is not None and (actor is None or actor.name != subject.name):
                        if target is None and actor is not None and (trigger.target == "obj" or trigger.symmetric):
                            target = actor
                        actor = subject
                if not passive and not borrowed:
                    actor, target = _antecedent_roles(tokens, items, clauses, clause, trigger, actor, target,
                                                      self.lexicon.oblique_articles)
                if actor is None and not passive and not borrowed:
                    actor = _vorfeld_subject(tokens, items, clauses, clause)
                if actor is None:
                    actor = _speaker(analysis, tokens[index], self.lexicon, items, self.references)
                if actor is not None and not passive and not borrowed and _pronoun_before(tokens, clause, actor):
                    # "Sie kritisierten Russland": the pronoun is the subject, the name the object
                    if target is None and (trigger.target == "obj" or trigger.symmetric):
                        target = actor
                    actor = None
                if actor is None and not passive and not borrowed:
                    actor = _pronoun_subject(tokens, clause, items, people, (target,))
                if trigger.type == "DEMAND" and (tokens[index].lemma or "").lower() in _CALLS and target is None \
                        and not _has_argument(tokens, clauses, clause, trigger) \
                        and not any(t.pos == "APPRART" or t.text.lower() == "zu" for t in tokens[clause.start:clause.end]):
                    # "Aufgerufen hatte das Bündnis X.": a call with nothing called for is the call to the
                    # protest just told (folded into it by _add)
                    protest = next((t for t in self.lexicon.readings.get((trigger.lemma, trigger.particle), [])
                                    if t.type == "PROTEST"), None)
                    trigger = protest or trigger
                if target is None and trigger.type in _POSSESSED_TARGET and not passive:
                    # "durchsuchten Beamte ... seine Büros": the owner of the object is its target
                    target = _possessor(tokens, clause, index, people, actor)
                if actor is None and not passive and not borrowed:
                    # "Andernfalls werde man die Proteste fortsetzen": "man" in a report is the side
                    # that acted just before
                    actor = _impersonal_subject(tokens, clause, events_before, analysis.tokens[index].sentence)
                if target is None and trigger.type in _CONTENT_TARGET and not trigger.needs_target:
                    # (not for a warning, which needs an addressee of its own: "warnten davor, dass ...")
                    target = _content_subject(tokens, items, clauses, clause, actor, _CONTENT_TARGET[trigger.type])
                if trigger.needs_argument and target is None and not _has_argument(tokens, clauses, clause, trigger):
                    continue  # "im Tarifkonflikt droht ein Streik": looming, nobody threatens
                if trigger.needs_target and (target is None or not target.named):
                    continue  # "warnte vor einer Eskalation": a warning about a situation
                if trigger.mode == "visit" and trigger.target == "nach" \
                        and (target.label != "LOC" or target.name not in self.state_names):
                    continue  # "reiste nach Leipzig", "nach Hause": a trip to no host
                event = self._event(analysis, clause, clauses, items, trigger, index, actor, target)
                if event.status == "possible":
                    continue  # "Damit kann die Staatsanwaltschaft ermitteln": a possibility, no act
                # a list is one event: "Polen und Litauen kritisierten Russland, Belarus und Iran"
                # has Polen acting on Russland, the others as co-actors and co-targets
                if not trigger.symmetric and not passive:
                    event.co_actors = [p for p in co_actors(items, clause, actor) if p.named]
                sentence_end = analysis.sentences[tokens[index].sentence].token_end
                if target is not None:
                    event.co_targets = [p for p in listed_with(items, target, sentence_end) if p.named]
                events.append(event)
            demand = next((e for e in reversed(events) if e.type == "DEMAND" and e.lemma != "wollen"
                           and tokens[clause.start].start <= e.start < tokens[clause.end - 1].end), None)
            if demand is not None:
                # "forderte den Rücktritt von X", "verlangte einen Verzicht auf ...": the demanded act
                # (before a verb at the clause's end too: "hat den Rücktritt von X gefordert")
                final = next((t.pos for t in tokens[clause.start:clause.end] if t.start == demand.start), "")
                previous = None
                for index, trigger in self._noun_triggers(tokens, clause):
                    after_verb = tokens[index].start > demand.start
                    before_final = final in ("VVPP", "VVINF", "VVIZU") and index > clause.start + 1
                    attribute = previous is not None and _genitive_of(tokens, previous, index)
                    previous = index
                    if trigger.type == "DEMAND" or attribute:
                        continue  # "der Rücktrittsforderung an", "eine Untersuchung des Angriffs"
                    if trigger.type == "AID" and demand.lemma in ("anfordern", "bitten"):
                        continue  # a request for aid is the DEMAND alone (events_articles.md, types)
                    if after_verb or before_final:
                        demanded = self._demanded(analysis, clause, clauses, items, trigger, index, demand, people)
                        events.append(demanded)
                        if demand.target is None and demanded.actor is not None and demanded.actor.named \
                                and demanded.target is None and (demand.actor is None
                                                                 or demand.actor.name != demanded.actor.name):
                            # "forderte seinen Rücktritt": a demand without addressee is aimed at the
                            # one who is to act (events_articles.md, actors and targets)
                            demand.target = demanded.actor
            if verbs:
                continue  # a noun in a verb event's clause is its content ("wirft ... Truppenaufmarsch vor")
            for index, trigger in self._noun_triggers(tokens, clause):
                event = self._noun_event(analysis, clause, clauses, items, trigger, index, people)
                if event is not None and event.actor is None and is_infinitive_clause(tokens, clause):
                    # "forderten den Strafgerichtshof auf, Ermittlungen aufzunehmen": the one called on
                    event.actor = _accused(events, tokens, clauses, clause)
                    if trigger.symmetric and event.target is None and event.actor is not None:
                        # "rief beide Seiten auf, an den Verhandlungstisch zurückzukehren": the one
                        # called on with the other side listed with it
                        event.target = _other_side(events, event.actor)
                elif event is not None and trigger.symmetric and event.actor is not None and event.target is None \
                        and event.actor.prep == "mit" and is_infinitive_clause(tokens, clause):
                    # "forderte die Kommission auf, die Gespräche mit China aufzunehmen": the one
                    # called on talks with the side after "mit"
                    caller = _accused(events, tokens, clauses, clause)
                    if caller is not None and caller.name != event.actor.name:
                        event.actor, event.target = caller, event.actor
                if event is not None and event.actor is None and not event.mention:
                    event.actor = _impersonal_subject(tokens, clause, events_before, tokens[index].sentence)
                if event is not None:
                    events.append(event)
        return _without_denial_of_denied(events)

    def _demanded(self, analysis, clause, clauses, items, trigger, index, demand: Event, people=()) -> Event:
        """The act a demand asks for, named by a noun: its own agent ("der
        Rücktritt von X", "die Freilassung der Gefangenen" is the
        addressee's) or the one the demand is addressed to."""
        tokens = analysis.tokens
        end = noun_phrase_end(tokens, index, clause.end)
        actor, target = noun_arguments(tokens, items, trigger, index, end)
        agent = next((p for p in items if index < p.token < end and p.prep in ("von", "vom")), None)
        actor = agent or (actor if actor is not None and trigger.genitive_actor else None) or demand.target
        if trigger.symmetric and target is None and actor is demand.target and demand.co_targets:
            # "rief die Armee und die Miliz RSF zu einer Waffenruhe auf": between the two called on
            target = demand.co_targets[0]
        if actor is None and trigger.genitive_actor and index > clause.start and tokens[index - 1].pos == "PPOSAT":
            # "forderte seinen Rücktritt": the owner of an act the noun's genitive would name
            actor = _possessor(tokens, replace(clause, start=index - 1, end=index), index, people, demand.actor)
        if actor is not None and target is not None and actor.name == target.name:
            target = None
        event = self._event(analysis, clause, clauses, items, trigger, index, actor, target)
        event.status = "demanded"
        event.when = {"value": "", "earliest": None, "latest": None, "precision": None, "source": "none"}
        return event

    def _noun_event(self, analysis, clause, clauses, items, trigger, index, people=()) -> Event | None:
        tokens = analysis.tokens
        end = noun_phrase_end(tokens, index, clause.end)
        actor, target = noun_arguments(tokens, items, trigger, index, end)
        sides = trigger.symmetric and target is not None and target.prep in ("mit", "zwischen")
        # "nach dem Abzug der Nato-Truppen": a noun in a phrase with its own sides tells its event
        own = (actor is not None or target is not None) and _in_pp(tokens, index, clause.start)
        travel = actor is None and target is None and self._travel(tokens, clause, index)
        if _casualties(tokens, clause, index):
            # "Bei einem Drohnenangriff auf einen Markt wurden 40 Menschen getötet": an attack first
            # told by its victims, a new event (a definite "bei dem Angriff" names one told before)
            return self._event(analysis, clause, clauses, items, trigger, index, actor, target)
        if not sides and not own and not travel and not self._supports_nouns(tokens, clause):
            # "nannte den Streik unverhältnismäßig": the noun names an event told elsewhere
            event = self._event(analysis, clause, clauses, items, trigger, index, None, None)
            event.mention = True
            return event
        if actor is None and target is None and travel:
            # "will zu Gesprächen nach Belgrad reisen", "ist es zu einem Schusswechsel gekommen"
            outside = [p for p in items if clause.start <= p.token < clause.end and not p.prep and not p.oblique
                       and not index < p.token < end]
            actor = outside[0] if outside else None
            target = next((p for p in items if clause.start <= p.token < clause.end and p.prep == "nach"), None)
            if target is None and len(outside) > 1 and outside[1].name != outside[0].name:
                target = outside[1]  # "will die Spitzen von SPD und FDP zu einem Krisentreffen einladen"
            if target is not None and target.name in self.groups.capitals:
                target = Participant(self.groups.capitals[target.name], target.text, target.start, target.end,
                                     "LOC", via=target.text, token=target.token, prep=target.prep)
            return self._event(analysis, clause, clauses, items, trigger, index, actor, target)
        if actor is None and target is None:
            if _in_pp(tokens, index, clause.start):
                # "bei dem Videogipfel am Dienstag": no new event, but maybe
                # another sentence and a date for one told before
                event = self._event(analysis, clause, clauses, items, trigger, index, None, None)
                event.mention = True
                return event
            outside = [p for p in items if clause.start <= p.token < clause.end and not p.prep
                       and not index < p.token < end]
            actor = outside[0] if outside else None
            if actor is not None and trigger.symmetric:
                # "Ebert bot dem Verband Gespräche an": the object is the other side
                target = next((p for p in outside[1:] if p.name != actor.name), None)
        if actor is None and target is None:
            # "Die Verhandlungen kamen nicht zustande": an event nobody is named in
            return self._event(analysis, clause, clauses, items, trigger, index, None, None)
        if actor is None and trigger.symmetric:
            # "Nach einem Treffen mit X sprach Y ...": the subject outside the phrase is the other side
            outside = [p for p in items if clause.start <= p.token < clause.end and not p.prep and not p.oblique
                       and not index < p.token < end and p is not target]
            actor = outside[0] if outside else _pronoun_subject(tokens, clause, items, people, (target,))
        if actor is None and target is not None and target.prep and not _in_pp(tokens, index, clause.start):
            # "hat die EU Klage gegen China eingereicht": the subject outside the phrase acts
            outside = [p for p in items if clause.start <= p.token < clause.end and not p.prep and not p.oblique
                       and not index < p.token < end and p is not target]
            actor = outside[0] if outside else None
            if actor is not None:
                return self._event(analysis, clause, clauses, items, trigger, index, actor, target)
        if actor is None and target is not None and trigger.mode in _PATIENT_GENITIVE \
                and (not target.prep or target.attribute):
            # "die Ausweisung zweier russischer Diplomaten aus Berlin", "die Festnahme des
            # Oppositionsführers": the genitive is who the act is done to ("die Drohung Bidens" is
            # the speaker's); a state after "aus" is the one that expels
            source = next((p for p in items if index < p.token < end and p.prep == "aus" and p.named
                           and self.groups.capitals.get(p.name, p.name) in self.state_names), None)
            if source is not None:
                actor = Participant(self.groups.capitals.get(source.name, source.name), source.text, source.start,
                                    source.end, "LOC", via=source.text, token=source.token, prep=source.prep)
            return self._event(analysis, clause, clauses, items, trigger, index, actor, target)
        if actor is None:
            actor, target = target, None if not trigger.symmetric else target
            if actor is target:
                target = None
        return self._event(analysis, clause, clauses, items, trigger, index, actor, target)

    def _territory_target(self, target: Participant) -> Participant | None:
        """An attack on or a move into a place: a part of a state written as
        one word is that state ("in Nordsyrien einmarschiert" -> Syrien); a
        town or region that is no state is no one ("eroberten die Stadt
        Rubaya", "die Region Bergkarabach")."""
        if target.label != "LOC" or target.via or target.name in self.state_names:
            return target
        low = target.name.lower()
        for prefix in self.direction_prefixes:
            rest = target.name[len(prefix):]
            if low.startswith(prefix) and rest[:1].isalpha():
                state = rest[:1].upper() + rest[1:]
                if state in self.state_names:
                    return replace(target, name=state, via=target.text)
        return None

    def _event(self, analysis, clause, clauses, items, trigger: Trigger, index: int,
               actor, target) -> Event:
        tokens = analysis.tokens
        token = tokens[index]
        sentence = analysis.sentences[token.sentence]
        taken = {p.start for p in (actor, target) if p is not None}
        mode = trigger.mode or self._with_mode(tokens, clause, trigger)
        if actor is not None and target is not None and actor.name == target.name:
            target = None
        if trigger.type in ("MOBILIZE", "RETREAT") and target is not None and target.organ:
            # "versetzte die Armee in Alarmbereitschaft", "Soldaten in Polen stationieren":
            # the forces moved are the actor's own, not whom the act is aimed at
            target = None
        if trigger.type in _TERRITORIAL and target is not None:
            target = self._territory_target(target)
        # "die Polizei", "der Minister" with no one the article names: nobody
        actor = actor if actor is None or actor.named else None
        target = target if target is None or target.named else None
        status = _read_as_past(token, event_status(tokens, clauses, clause, index, self.lexicon, trigger))
        if status in ("ongoing", "planned") and trigger.type in _VERBAL_ACTS and _reported_in_past(analysis, token):
            # "..., die EU verurteile die Gewalt, sagte er", "Russland werde antworten, kündigte
            # ein Sprecher an": a verbal act reported as made when the speaker spoke
            status = "happened"
        when = event_time(analysis, clause, sentence.index, token.start)
        if status == "happened" and trigger.type == "PROTEST" and (token.lemma or "").lower() in _CALLS \
                and _scheduled(analysis, clause):
            status = "planned"  # "hat für Montag zu einem Warnstreik aufgerufen": the strike is to come
        if status == "planned":
            when = future_date(when, analysis)  # "für Oktober geplant": the coming October
        return Event(
            type=trigger.type, mode=mode, trigger=token.text, start=token.start, end=token.end,
            sentence=sentence.index, sentence_start=sentence.start, sentence_end=sentence.end,
            status=status,
            lemma=(token.lemma or token.text).lower(), by_noun=trigger.pos == "N", controls=trigger.object_control,
            when=when,
            actor=actor, target=target, where=place(items, clause, self.lexicon, taken),
            quote=_quote_of(analysis, token),
        )

    def _verb_triggers(self, tokens: list[Token], clause: Clause) -> list[tuple[int, Trigger]]:
        span = range(clause.start, clause.end)
        particles = [tokens[i].text.lower() for i in span if tokens[i].pos == "PTKVZ"]
        last = next((tokens[i] for i in reversed(span) if not tokens[i].pos.startswith("$")), None)
        # "ließ ... frei" with "frei" read as an adjective: tried as a particle, never one that blocks
        loose = [last.text.lower()] if last is not None and last.pos in ("ADJD", "ADV") else []
        finite_in_clause = any(tokens[i].pos in FINITE for i in span)
        found = []
        for i in span:
            tok = tokens[i]
            lemma = tok.lemma
            if tok.pos == "ADJA" and not finite_in_clause and _finite_read_as_adjective(tokens, i, clause.start):
                word = tok.text.lower()
                stem = word[:-2] if word.endswith("te") else word[:-3]
                # "verhängte" -> "verhängen", "forderte" -> "fordern"; "lehnte ... ab" with its particle
                known = [f for f in (stem + "en", stem + "n") if (f, "") in self.lexicon.verbs
                         or any((f, p) in self.lexicon.verbs for p in particles)]
                if not known:
                    continue
                lemma = known[0]
            elif tok.pos in ("NE", "NN") and i > clause.start and tok.text[:1].islower() and tok.text.isalpha():
                # "Ralf Kempe lud Vertreter ... ein" with "lud" tagged as a name: a lower-case word is
                # no name and no noun in German, so it is read as the verb form it is
                lemma = _verb_lemma(tok.text)
                if lemma is None:
                    continue
            elif not tok.pos.startswith(("VV", "VM")):
                continue
            if tok.pos == "VVPP" and lemma == tok.text:
                lemma = participle_infinitive(tok.text)  # the lemmatizer left "einmarschiert" as it is
            if lemma.lower() == tok.text.lower():
                lemma = self.lexicon.strong_participle(tok.text) or lemma  # "festgenommen" left alone
            trig = next((self.lexicon.verbs[(lemma, p)] for p in particles + loose
                         if (lemma, p) in self.lexicon.verbs), None)
            if trig is None and particles and tok.pos == "VVFIN":
                continue  # the particle makes it another verb: "sprach sich für ... aus" is no talk
            if trig is None:
                trig = self.lexicon.verbs.get((lemma, ""))
            if trig is None:
                trig = self.lexicon.verbs.get((lemma.lower(), ""))
            if trig is None and lemma.lower() == tok.text.lower():
                trig = self.lexicon.verb_by_form(tok.text)
            if trig is None:
                continue
            trig = next((t for t in self.lexicon.readings.get((trig.lemma, trig.particle), [trig])
                         if (not t.needs or _has_noun(tokens, clause, t.needs))
                         and (not t.if_words or _has_word(tokens, clause, t.if_words))), None)
            if trig is None:
                continue
            if trig.unless_nouns and _has_noun(tokens, clause, trig.unless_nouns):
                continue  # a light verb: "eine Entscheidung treffen"
            if trig.unless_words and _has_word(tokens, clause, trig.unless_words) \
                    and not _talks_with(tokens, clause, i, trig.target):
                continue  # "sprach von einem Erfolg"
            if trig.light:
                # "verhängte ein Versammlungsverbot": the imposed measure's type
                imposed = next((t for _, t in self._noun_triggers(tokens, clause) if t.type != trig.type), None)
                if imposed is not None:
                    trig = replace(trig, type=imposed.type, mode=imposed.mode or trig.mode)
            found.append((i, trig))
        return found

    def _noun_triggers(self, tokens: list[Token], clause: Clause) -> list[tuple[int, Trigger]]:
        found = []
        for i in range(clause.start, clause.end):
            if tokens[i].pos == "NN":
                trig = self.lexicon.noun(tokens[i].lemma or tokens[i].text)
                if trig is None and tokens[i].lemma and "ß" in tokens[i].lemma:
                    trig = self.lexicon.noun(tokens[i].text)  # the lemmatizer's old spelling ("-ausschuß")
                if trig is not None:
                    trig = next((t for t in self.lexicon.noun_readings.get(trig.lemma.lower(), [trig])
                                 if not t.if_words or _has_word(tokens, clause, t.if_words)), None)
                if trig is None:
                    continue  # "Widerstand in der Bevölkerung" is no protest against anyone
                if trig is not None:
                    found.append((i, trig))
        return found

    def _supports_nouns(self, tokens: list[Token], clause: Clause) -> bool:
        """No full verb in the clause, or one of ``events/support_verbs.txt``."""
        span = tokens[clause.start : clause.end]
        particles = [t.text.lower() for t in span if t.pos == "PTKVZ"]
        last = next((t for t in reversed(span) if not t.pos.startswith("$")), None)
        if last is not None and last.pos in ("ADV", "ADJD"):
            particles.append(last.text.lower())  # "kamen ... nicht zustande" with "zustande" read as an adverb
        verbs = [t for t in span if t.pos.startswith("VV")]
        if not verbs:
            return True
        for verb in verbs:
            lemma = (verb.lemma or verb.text).lower()
            if lemma == verb.text.lower() and "zu" in lemma[2:-3]:
                # "fortzusetzen" tagged as a plain infinitive keeps its "zu": "fortsetzen"
                at = lemma.index("zu", 2)
                lemma = lemma[:at] + lemma[at + 2:]
            if verb.pos == "VVFIN" and particles:  # "gab ... auf" is aufgeben, not geben
                if any(p + lemma in self.lexicon.support_verbs for p in particles):
                    return True
            elif lemma in self.lexicon.support_verbs:
                return True
        return False

    def _travel(self, tokens: list[Token], clause: Clause, index: int) -> bool:
        """The noun follows "zu"/"zum"/"zur"/"an" and the clause's verb goes or comes to it."""
        i = index - 1
        while i >= clause.start and tokens[i].pos in ("ART", "ADJA", "PIAT", "PPOSAT", "ADV", "CARD"):
            i -= 1
        if i < clause.start or tokens[i].pos not in ("APPR", "APPRART") \
                or (tokens[i].lemma or tokens[i].text).lower() not in ("zu", "an"):
            return False
        span = tokens[clause.start : clause.end]
        particles = [t.text.lower() for t in span if t.pos in ("PTKVZ", "ADV")]
        for t in span:
            if not t.pos.startswith("VV"):
                continue
            lemma = (t.lemma or t.text).lower()
            if lemma in self.lexicon.travel_verbs or any(p + lemma in self.lexicon.travel_verbs for p in particles):
                return True
        return False

    def _with_mode(self, tokens: list[Token], clause: Clause, trigger: Trigger) -> str:
        if not trigger.with_prep:
            return ""
        for i in range(clause.start, clause.end - 1):
            if tokens[i].text.lower() == trigger.with_prep:
                for j in range(i + 1, min(i + 6, clause.end)):
                    if tokens[j].pos == "NN":
                        mode = self.lexicon.mode_of(tokens[j].lemma or tokens[j].text)
                        if mode:
                            return mode
        return ""

    @staticmethod
    def _inherited_actor(items, clauses, clause) -> Participant | None:
        """The subject of the clause before, for "..., die Ukraine aufzurüsten"
        and "Russland weist das zurück und wirft ... vor"."""
        for earlier in reversed(clauses[: clause.index]):
            core = [p for p in items if earlier.start <= p.token < earlier.end and not p.prep]
            if core:
                return core[0]
        return None


# Acts done by saying them: reported in a past frame, they happened then.
_VERBAL_ACTS = ("DISAPPROVE", "THREATEN", "REJECT", "SUPPORT", "DEMAND")


@lru_cache(maxsize=4096)
def _verb_lemma(form: str) -> str | None:
    """The infinitive of a verb form the tagger took for a name ("lud" -> "laden")."""
    lemma = dictionary_lemma(form, "de")
    return lemma if lemma is not None and lemma != form and lemma.endswith("n") else None


def _reported_in_past(analysis: Analysis, token: Token) -> bool:
    """The trigger is in the message of a quote whose cue is in a past tense."""
    for quote in analysis.layers.get("quotes", []):
        if not any(s <= token.start < e for s, e in quote.message):
            continue
        for s, e in quote.cue:
            sentence = analysis.sentence_at(s)
            if sentence is None:
                continue
            cue = [t for t in analysis.sentence_tokens(sentence) if s <= t.start < e]
            if any(t.pos in FINITE and is_preterite(t) for t in cue):
                return True
        return False
    return False


def _read_as_past(token: Token, status: str) -> str:
    """A preterite the tagger took for an adjective has no finite verb for
    the tense: it told something that happened."""
    return "happened" if token.pos == "ADJA" and status == "ongoing" else status


def _talks_with(tokens: list[Token], clause: Clause, trigger: int, prep: str) -> bool:
    """"sprach mit Putin von ...": the trigger's own preposition after it
    (one before it may belong to a noun: "Nach einem Treffen mit X sprach
    sie von ..."), or "miteinander"."""
    # (a verb at the end of its clause has its phrases before it: "..., mit X zu sprechen")
    after = trigger + 1 if tokens[trigger].pos in FINITE else clause.start
    return any(t.text.lower() == "miteinander" for t in tokens[clause.start : clause.end]) or \
        any(t.text.lower() == prep for t in tokens[after : clause.end])


def _has_word(tokens: list[Token], clause: Clause, words: tuple[str, ...]) -> bool:
    return any(tok.text.lower() in words for tok in tokens[clause.start : clause.end])


def _finite_read_as_adjective(tokens: list[Token], i: int, floor: int) -> bool:
    """"Die EU verhängte Sanktionen": a clause without a finite verb whose
    "-te" word follows a name (not an article, not "im Juni unterzeichnete
    Abkommen") is a preterite the tagger took for an adjective."""
    word = tokens[i].text.lower()
    # after a name or the noun that ends the first phrase ("Beridse lehnte ... ab", "Die
    # CSU-Landesgruppe forderte Huber auf", "Am Dienstagabend durchsuchten Beamte ...");
    # a clause without any finite verb has to have one
    return word.endswith(("te", "ten")) and i > floor and (tokens[i - 1].pos in ("NE", "NN", "PPER")
                                                          or i - 1 == floor and tokens[i - 1].pos == "KON")


# Acts on territory: a place that is no state is not their target.
_TERRITORIAL = frozenset({"ASSAULT", "MOBILIZE", "RETREAT", "INVESTIGATE", "COERCE"})

# Acts on things whose owner is their target ("durchsuchten seine Büros").
_POSSESSED_TARGET = ("INVESTIGATE", "COERCE", "ASSAULT")
_POSSESSIVE_GENDER = {"sein": "m", "seine": "m", "seinen": "m", "seinem": "m", "seiner": "m", "seines": "m",
                      "ihr": "f", "ihre": "f", "ihren": "f", "ihrem": "f", "ihrer": "f", "ihres": "f"}


def _possessor(tokens, clause, trigger: int, people, actor) -> Participant | None:
    """The person a possessive in the object stands for: the last one named
    before whose gender fits, not the actor."""
    for i in range(clause.start, clause.end):
        tok = tokens[i]
        gender = _POSSESSIVE_GENDER.get(tok.text.lower()) if tok.pos == "PPOSAT" else None
        if gender is None or (i > clause.start and tokens[i - 1].pos in ("APPR", "APPRART")):
            continue
        fitting = [p for p, g in people if p.label == "PER" and g in ("", gender) and p.start < tok.start
                   and (actor is None or p.name != actor.name)]
        if fitting:
            person = fitting[-1]
            return Participant(person.name, tok.text, tok.start, tok.end, "PER", via=tok.text, token=i)
        return None
    return None


_MAN_BACK = 4  # sentences


def _impersonal_subject(tokens, clause, events_before, sentence: int) -> Participant | None:
    """"werde man ... streiken" in a report: the organisation that acted in
    the sentences just before (its spokesperson is speaking)."""
    span = tokens[clause.start : clause.end]
    if not any(t.text.lower() == "man" and t.pos == "PIS" for t in span):
        return None
    for event in reversed(events_before):
        if sentence - event.sentence > _MAN_BACK:
            break
        if event.actor is not None and event.actor.named and event.actor.label == "ORG":
            return event.actor
    return None


# A demand or criticism without an addressee is aimed at the subject of its
# dass-clause ("verlangte, dass Stockholm härter vorgeht", "bemängeln, dass
# die Gruppe ihre Zusagen spät erfüllt"); a threat at the subject of
# its condition ("drohte mit ..., falls die Nato ihre Pläne umsetze").
_CONTENT_TARGET = {"DEMAND": ("dass",), "THREATEN": ("falls", "wenn", "sofern"), "DISAPPROVE": ("dass",)}


def _content_subject(tokens, items, clauses, clause, actor, openers) -> Participant | None:
    """The first subject-like entity of the next clause, when it opens with one of ``openers``."""
    for after in clauses[clause.index + 1 : clause.index + 3]:
        if after.opener in openers or tokens[after.start].text.lower() in openers:  # "falls" tagged ADV
            core = [p for p in items if after.start <= p.token < after.end and not p.prep and not p.oblique]
            subject = core[0] if core else None
            if subject is not None and (actor is None or subject.name != actor.name):
                return subject
            return None
    return None


def _has_argument(tokens: list[Token], clauses: list[Clause], clause: Clause, trigger: Trigger) -> bool:
    """A with-phrase in the clause ("droht mit Sanktionen") or a
    zu-infinitive right after it ("drohten, ... prüfen zu lassen")."""
    if trigger.with_prep and _has_word(tokens, clause, (trigger.with_prep, "damit")):
        return True
    after = clauses[clause.index + 1] if clause.index + 1 < len(clauses) else None
    return after is not None and is_infinitive_clause(tokens, after)


_PRONOUN_GENDER = {"er": "m", "sie": "f"}
_PEOPLE_BACK = 2  # sentences to look back for the person "er" or "sie" stands for


def _genders(analysis: Analysis) -> dict[str, str]:
    """Person -> "f" or "m" where the roles layer tells it ("Ministerin" -> f)."""
    genders = {}
    for role in analysis.layers.get("roles", []):
        lemma = role.role_lemma.split()[-1] if role.role_lemma else ""
        if lemma.endswith("in"):
            genders[role.person] = "f"
        elif lemma and not lemma.endswith("e"):
            genders[role.person] = "m"
    return genders


def _people_before(found: dict[int, list[Participant]], sentence: int, genders: dict[str, str]) -> list[tuple[Participant, str]]:
    """People named in the sentences before this one (nearest last), with their gender if known."""
    people = []
    for index in range(max(0, sentence - _PEOPLE_BACK), sentence + 1):  # this sentence: those before the pronoun
        people += [(p, genders.get(p.name, "")) for p in found.get(index, []) if p.named and p.label == "PER"]
        # an organisation as a subject may be "sie" or "er" too ("Die IG Metall ... Sie fordert")
        people += [(p, "") for p in found.get(index, []) if p.named and p.label == "ORG" and not p.prep
                   and not p.oblique and index < sentence]
    people.sort(key=lambda pair: pair[0].start)
    return people


_SUBJECT_PRONOUNS = frozenset({"ich", "du", "er", "sie", "es", "wir", "ihr", "man"})


def _subject_pronoun(span: list[Token]) -> int | None:
    """Index in ``span`` of a subject pronoun: first in the clause, or right
    after a fronted finite verb ("Dort traf er ...")."""
    finite = next((i for i, t in enumerate(span) if t.pos in FINITE), None)
    if finite is None:
        return None
    # main clause: verb second, the pronoun before or right after it;
    # subordinate clause ("dass er ..."): right after the conjunction
    spots = [1] if span[0].pos in ("KOUS", "PRELS") else [0, finite + 1]
    return next((i for i in spots if i < len(span) and span[i].pos in ("PPER", "PIS")
                 and span[i].text.lower() in _SUBJECT_PRONOUNS), None)


def _pronoun_before(tokens, clause, actor: Participant) -> bool:
    span = tokens[clause.start : clause.end]
    at = _subject_pronoun(span)
    # "Russland kritisierte sie": a pronoun after the name may be its object
    return at is not None and span[at].start < actor.start


def _pronoun_subject(tokens, clause, items, people, exclude=()) -> Participant | None:
    """"Sie habe am Vorabend mit X telefoniert": a subject pronoun stands for
    the last person named before whose gender does not clash.  Only "er"
    and singular "sie" (the finite verb decides: "sie haben" is plural)."""
    span = tokens[clause.start : clause.end]
    at = _subject_pronoun(span)
    if at is None or span[at].text.lower() not in _PRONOUN_GENDER:
        return None
    finite = next(i for i, t in enumerate(span) if t.pos in FINITE)
    pronoun = span[at]
    if pronoun.text.lower() == "sie" and span[finite].text.lower().endswith("n"):
        return None
    gender = _PRONOUN_GENDER[pronoun.text.lower()]
    taken = {p.name for p in exclude if p is not None}
    fitting = [p for p, g in people if g in ("", gender) and p.start < pronoun.start and p.name not in taken]
    if not fitting:
        return None
    # "er" is far more often a man named before than an organisation ("der Verband")
    persons = [p for p in fitting if p.label == "PER"] if gender == "m" else []
    # "Ministerin X kündigte an, sie werde ...": a person named earlier in the same sentence,
    # the speaker, before an organisation named in the sentence before ("die Landesregierung")
    first = clause.start
    while first > 0 and tokens[first - 1].sentence == tokens[clause.start].sentence:
        first -= 1
    speakers = [p for p in fitting if p.label == "PER" and p.start >= tokens[first].start]
    person = (speakers or persons or fitting)[-1]
    return Participant(person.name, pronoun.text, pronoun.start, pronoun.end, "PER", via=pronoun.text,
                       token=clause.start + at)


def _relative(tokens: list[Token], clause: Clause) -> bool:
    """A clause opened by a relative pronoun ("..., der seit 2021 inhaftiert
    war"); "die" before a noun after a comma is an article the tagger may
    take for one ("..., die Ukraine zu unterstützen")."""
    first = tokens[clause.start]
    after = tokens[clause.start + 1] if clause.start + 1 < clause.end else None
    if clause.index > 0 and first.pos == "PRELS" and first.text.lower() in ("denen", "dessen", "deren"):
        return True  # no article has these forms: "..., denen Kontakte zu P. vorgeworfen wurden"
    return clause.index > 0 and first.pos == "PRELS" and (after is None or after.pos not in ("NN", "NE", "ADJA")) \
        and not (is_infinitive_clause(tokens, clause)  # "..., die dort zusammengezogenen Truppen abzuziehen"
                 and not any(t.pos in FINITE for t in tokens[clause.start : clause.end]))


def _antecedent_roles(tokens, items, clauses, clause, trigger, actor, target, oblique):
    """A relative clause takes the entity its pronoun stands for: "das
    Bündnis X, das vor Schäden warnt" (subject), "die Ukraine, die Russland
    angreift" (object), "X, dem Y droht" (dative: object)."""
    first = tokens[clause.start]
    if not _relative(tokens, clause):
        return actor, target
    before = clauses[clause.index - 1]
    near = [p for p in items if before.start <= p.token < before.end and p.token >= before.end - 6]
    if not near:
        return actor, target
    antecedent = near[-1]
    if first.text.lower() in oblique:  # "dem", "den", "dessen": the pronoun is no subject
        return (actor, antecedent) if target is None and trigger.target == "obj" else (actor, target)
    # "der", "die", "das" may be subject or object; the subject is far more common
    if actor is not None and target is None and trigger.target == "obj":
        target = actor
    return antecedent, (target if target is not antecedent else None)


def _vorfeld_subject(tokens, items, clauses, clause) -> Participant | None:
    """A clause that opens with its finite verb has its subject before the
    comma: "Die Verhandlungsführerin, Sabine Rothmund, wies ... zurück",
    "Polen kritisierte X, lehnte aber Y ab".  Subordinate clauses between
    are skipped; the nearest main-clause entity not in a PP is taken."""
    if clause.index == 0 or clause.opener or tokens[clause.start].pos not in FINITE:
        return None
    for earlier in reversed(clauses[: clause.index]):
        if earlier.opener:
            continue
        if earlier.index == 0 and tokens[earlier.start].pos in FINITE:
            return None  # "Sollte Russland einmarschieren, werde Europa ...": a condition, no main clause
        core = [p for p in items if earlier.start <= p.token < earlier.end and not p.prep and not p.oblique]
        if core:
            return core[0]
        if any(t.pos in FINITE for t in tokens[earlier.start : earlier.end]):
            return None
    return None


def _has_noun(tokens: list[Token], clause: Clause, nouns: tuple[str, ...]) -> bool:
    for tok in tokens[clause.start : clause.end]:
        if tok.pos == "NN" and (tok.lemma or tok.text).lower().endswith(nouns):
            return True
    return False


def _accused(events: list[Event], tokens: list[Token], clauses: list[Clause], clause: Clause) -> Participant | None:
    """"wirft der Ukraine vor, Soldaten verlegt zu haben": the accused did it;
    "fordert Russland auf, abzuziehen": the one called on is to do it."""
    if clause.index == 0:
        return None
    before = clauses[clause.index - 1]
    low, high = tokens[before.start].start, tokens[before.end - 1].end
    for event in reversed(events):
        if event.controls and event.target is not None and low <= event.start < high:
            return event.target
    return None


# Acts whose zu-infinitive is their content, not an event of its own
# (events_articles.md rule 5): accusations, agreements, rejections, threats.
_ABSORBING = ("DISAPPROVE", "AGREE", "REJECT", "THREATEN")


def _absorbed(events: list[Event], tokens: list[Token], clauses: list[Clause], clause: Clause) -> bool:
    """The zu-infinitive clause is the content of an accusation, agreement,
    rejection or threat in the clause before ("vereinbarten, weiter zu
    verhandeln"); a denial's content stays (status denied)."""
    if clause.index == 0:
        return False
    before = clauses[clause.index - 1]
    low, high = tokens[before.start].start, tokens[before.end - 1].end
    return any(low <= e.start < high and e.type in _ABSORBING and e.mode != "deny" for e in events)


# acts on a person first described ("einen 41 Jahre alten Mann") and named in the next sentence
_DESCRIBED_FIRST = ("COERCE", "INVESTIGATE")


def _named_next(events: list[Event], found: dict[int, list[Participant]], analysis: Analysis) -> None:
    """"Das Landgericht hat einen früheren Bauunternehmer ... verurteilt. Nach
    Überzeugung der Kammer hatte Holger W. ...": the press describes a
    suspect first and names him by first name and initial in the next
    sentence; an act on "einen ..." without a target is on that person."""
    first_named = {}
    for sentence, items in found.items():
        for p in items:
            if p.named and p.label == "PER" and abbreviated(p.name):
                first_named[p.name] = min(first_named.get(p.name, sentence), sentence)
    if not first_named:
        return
    for event in events:
        if event.type not in _DESCRIBED_FIRST or event.target is not None or event.by_noun:
            continue
        people = [name for name, sentence in first_named.items() if sentence == event.sentence + 1]
        if len(people) != 1:
            continue
        span = analysis.sentence_tokens(analysis.sentences[event.sentence])
        if not any(t.text.lower() in ("einen", "eine") and t.pos == "ART" and i and span[i - 1].pos != "APPR"
                   for i, t in enumerate(span)):
            continue  # (an object "einen ..."; not "in eine Wohnung")
        person = next(p for p in found[event.sentence + 1] if p.name == people[0])
        event.target = Participant(person.name, person.text, person.start, person.end, "PER", via=person.text,
                                   token=person.token)


# acts done to someone: a genitive after their noun is the target, not the actor
_PATIENT_GENITIVE = frozenset({"expel", "arrest", "release", "abduct", "sentence", "evict", "deport"})


_CASUALTY_VERBS = ("töten", "verletzen", "sterben", "umkommen", "verwunden")


def _casualties(tokens: list[Token], clause: Clause, index: int) -> bool:
    """The noun follows "bei einem/einer" and the clause tells people killed or wounded."""
    i = index - 1
    while i > clause.start and tokens[i].pos in ("ADJA", "ADV"):
        i -= 1
    if i <= clause.start - 1 or tokens[i].text.lower() not in ("einem", "einer") \
            or tokens[i - 1].text.lower() != "bei":
        return False
    return any(t.pos.startswith("VV") and (t.lemma or t.text).lower() in _CASUALTY_VERBS
               for t in tokens[clause.start:clause.end])


def _other_side(events: list[Event], side: Participant) -> Participant | None:
    """The side listed with ``side`` as the target of the demand just told."""
    demand = next((e for e in reversed(events) if e.type == "DEMAND"), None)
    if demand is None or demand.target is None or demand.target.name != side.name or not demand.co_targets:
        return None
    return demand.co_targets[0]


def _without_trip_to_talks(events: list[Event]) -> list[Event]:
    """"will nach Paris reisen und mit Marchal sprechen": the trip serves the
    talk told with it (in its sentence or the next), one CONSULT
    (events_articles.md rule 5)."""
    trips = [e for e in events if e.type == "CONSULT" and e.mode == "visit" and e.lemma in _TRIPS]
    if not trips:
        return events
    talks = [e for e in events if e.type == "CONSULT" and e not in trips]
    # (also told in the next sentence: "reiste am Montag nach Kiew. Dort traf sie ...")
    return [e for e in events if e not in trips or not any(
        (t.actor is None or e.actor is None or t.actor.name == e.actor.name) and 0 <= t.sentence - e.sentence <= 1
        for t in talks)]


_TRIPS = ("reisen", "fliegen")


def _without_denial_of_denied(events: list[Event]) -> list[Event]:
    """"bestritt, Truppen verlegt zu haben" is the denied act (MOBILIZE,
    denied), not also a REJECT."""
    denied = [e for e in events if e.status == "denied"]
    return [e for e in events if not (e.type == "REJECT" and e.mode == "deny"
                                      and any(d.start > e.start for d in denied))]


def _last_actor(events: list[Event], tokens: list[Token], clauses: list[Clause], clause: Clause) -> Participant | None:
    """The actor of the last verb event in an earlier clause of this sentence."""
    low = tokens[clauses[0].start].start
    high = tokens[clause.start].start
    for event in reversed(events):
        if not event.by_noun and low <= event.start < high:
            return event.actor
    return None


def _in_pp(tokens: list[Token], index: int, floor: int) -> bool:
    i = index - 1
    while i >= floor and tokens[i].pos in ("ART", "ADJA", "PIAT", "PPOSAT", "ADV"):
        i -= 1
    return i >= floor and tokens[i].pos in ("APPR", "APPRART")


def _quote_of(analysis: Analysis, token: Token) -> int | None:
    quotes = analysis.layers.get("quotes", [])
    for spans in ("cue", "message"):
        for i, quote in enumerate(quotes):
            if any(s <= token.start < e for s, e in getattr(quote, spans)):
                return i
    return None


def _speaker(analysis: Analysis, token: Token, lexicon: EventLexicon, items, references) -> Participant | None:
    """The speaker of the quote whose cue is the trigger ("weist zurück")."""
    for quote in analysis.layers.get("quotes", []):
        if quote.speaker and any(s <= token.start < e for s, e in quote.cue):
            s, e = quote.source[0] if quote.source else (quote.start, quote.start)
            name = lexicon.institutions.get(quote.speaker, quote.speaker)
            speaker = Participant(name, quote.source_text or quote.speaker, s, e, "PER")
            references.normalise(speaker)  # "Die Bundesanwaltschaft" -> "Bundesanwaltschaft"
            span = _tokens_in(analysis, s, e)
            if span and span[0].pos == "NN" and not any(t.pos == "NE" for t in span) and name == quote.speaker:
                # "Kritiker bemängeln", "Menschenrechtsorganisationen forderten": a bare plural names no one
                speaker.named = False
            return speaker
    return None


def _tokens_in(analysis: Analysis, start: int, end: int) -> list[Token]:
    sentence = analysis.sentence_at(start)
    if sentence is None:
        return []
    return [t for t in analysis.sentence_tokens(sentence) if start <= t.start < end]


def _add(events: list[Event], event: Event) -> None:
    """Add an event, or fold it into an earlier telling of the same event."""
    if event.status == "possible":
        return  # "kann ermitteln", "dürfte Sanktionen verhängen": a possibility, no act
    names = event.participants()
    lead = next((e for e in reversed(events) if e.type == event.type and 0 < event.sentence - e.sentence <= 2), None)
    if lead is not None and lead.actor is None and event.type == "PROTEST" and event.lemma in _CALLS \
            and event.actor is not None and (_overlap(lead.when, event.when) or event.when.get("source") == "article"):
        # "Tausende protestierten ... Aufgerufen hatte X": X organised that protest
        lead.actor = event.actor
        _fold(lead, event)
        return
    if lead is not None and names and lead.by_noun and not lead.participants() and not event.by_noun \
            and event.sentence - lead.sentence == 1 and event.status == lead.status:
        # "Bei einem Angriff ... wurden 23 Menschen getötet. ... stürmten Kämpfer der FPU das Lager":
        # the next sentence names who did the attack first told by its victims
        lead.actor, lead.target, lead.co_actors = event.actor, event.target, event.co_actors
        _fold(lead, event)
        return
    if lead is not None and not names and not event.mention and event.sentence - lead.sentence == 1 \
            and event.status == lead.status:
        # the next sentence elaborates the act without naming anyone ("In Hannover blockierten 800 Fahrzeuge")
        _fold(lead, event)
        return
    for earlier in events:
        if earlier.type == event.type and earlier.sentence == event.sentence and not event.by_noun \
                and not earlier.by_noun and event.actor is not None and earlier.actor is not None \
                and event.actor.name == earlier.actor.name and event.status == earlier.status \
                and (event.target is None or (earlier.target is not None and earlier.target.name == event.target.name)):
            # "bestellten den Botschafter ein und legten Protest ein": one act told by two verbs
            earlier.mode = earlier.mode or event.mode
            return
        if earlier.type != event.type or earlier.sentence == event.sentence:
            continue
        if names:
            # a noun names the act again ("das Gespräch"); a verb tells the same act
            # again only with the same verb ("Paris blockierte ..." and "wies das zurück" are two)
            same = names <= earlier.participants() and _overlap(earlier.when, event.when) \
                and (earlier.status == event.status or (event.by_noun and _told(event) and _told(earlier))) \
                and (event.by_noun or earlier.by_noun or earlier.lemma == event.lemma)
        else:  # a bare noun refers back to the last event it named
            same = event.mention and earlier.lemma == event.lemma
        if same:
            _fold(earlier, event)
            return
    if not event.mention:  # a verb, or a noun that is not a phrase's reference, tells an event
        events.append(event)


_CALLS = ("aufrufen", "rufen", "aufgerufen")


def _genitive_of(tokens: list[Token], head: int, noun: int) -> bool:
    """The noun is a genitive attribute of the event noun before it
    ("Untersuchung des Angriffs"): only articles and adjectives between."""
    between = tokens[head + 1 : noun]
    return bool(between) and between[0].text.lower() in ("des", "der", "eines", "einer") \
        and all(t.pos in ("ART", "ADJA") for t in between)


def _scheduled(analysis: Analysis, clause: Clause) -> bool:
    """A time expression after "für" in the clause ("für Montag", "für den 3. Mai")."""
    tokens = analysis.tokens
    low, high = tokens[clause.start].start, tokens[clause.end - 1].end
    for timex in analysis.layers.get("timexes", []):
        if low <= timex.start < high:
            i = next((k for k in range(clause.start, clause.end) if tokens[k].start >= timex.start), None)
            j = i - 1 if i is not None else None
            while j is not None and j > clause.start and tokens[j].pos in ("ART", "ADJA"):
                j -= 1
            if j is not None and j >= clause.start and tokens[j].text.lower() == "für":
                return True
    return False


def _told(event: Event) -> bool:
    """Told as done or going on: a noun naming it again may differ in tense,
    but a plan is another record than its execution (events_articles.md rule 4)."""
    return event.status in ("happened", "ongoing")


def _fold(earlier: Event, event: Event) -> None:
    if event.sentence not in earlier.also_in:
        earlier.also_in.append(event.sentence)
    earlier.mode = earlier.mode or event.mode
    # a later sentence may date it more tightly ("bei dem Videogipfel am Dienstag")
    if earlier.when.get("source") == "article" and event.when.get("source") == "timex" \
            and _overlap(earlier.when, event.when):
        earlier.when = event.when


def _overlap(a: dict, b: dict) -> bool:
    if not (a.get("earliest") and b.get("earliest")):
        return True
    return a["earliest"] <= b["latest"] and b["earliest"] <= a["latest"]
