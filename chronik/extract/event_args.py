"""Who takes part in an event: entity candidates of a sentence and the
rules that pick actor, target and place among them.

Candidates are the PER/ORG/LOC mentions of the entities layer, named by
their canonical entity: the links layer maps "Biden" to "Joe Biden", "der
US-Präsident" to the person it describes and "der Kreml" to the state it
acts for; without a link, ``events/institutions.tsv`` maps seats of
government to their states.  There is no parser, so each candidate
remembers the preposition it stands after ("mit Selenskyj"), and the rules
go by order: the first entity outside a prepositional phrase is the actor,
the next one the object.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis import Analysis, Token
from .event_clauses import Clause
from .event_lexicon import EventLexicon, Trigger

_LABELS = ("PER", "ORG", "LOC")
# Tags that may stand between a preposition and its noun ("mit dem
# ukrainischen Präsidenten Selenskyj").
_NP_INNER = frozenset({"ART", "ADJA", "ADJD", "PPOSAT", "NN", "CARD", "PIAT", "ADV"})
_LOOKBACK = 5
_PP_LOOKBACK = 8  # "für die von einer Hungerkrise betroffenen Länder Ostafrikas"
_MAX_NAME = 10  # tokens of a name found by event_names


@dataclass(slots=True)
class Participant:
    name: str  # the canonical entity ("Russland" for "der Kreml")
    text: str  # as written
    start: int
    end: int
    label: str
    via: str = ""  # the institution or description it was named by, if any
    token: int = 0  # first token index
    prep: str = ""  # the preposition it stands after, "" for none
    listed: bool = False  # joined to the entity before it by "und" or a comma
    oblique: bool = False  # its article is dative or genitive ("dem Kreml", "des Kremls"): never the subject
    # False for a common noun that names no one yet ("die Polizei", "der
    # Minister"): it fills its slot in the clause, but the event names
    # nobody there unless the article tells who it is (event_refs.py)
    named: bool = True
    organ: str = ""  # the noun of a state organ it was named by ("Regierung"), for later bare mentions
    listed_both: bool = False  # one of the two sides "beide Minister" stands for
    attribute: bool = False  # a genitive after a noun ("Aufnahme der Ukraine"): its preposition is that noun's

    def to_dict(self) -> dict:
        return {"name": self.name, "text": self.text, "start": self.start, "end": self.end,
                "label": self.label, "via": self.via}


def candidates(analysis: Analysis, lexicon: EventLexicon, groups=None, names=None) -> dict[int, list[Participant]]:
    """Entity candidates per sentence index, in text order; ``groups``
    (an :class:`~.event_actors.GroupActors`) adds unnamed collective actors,
    ``names`` (a :class:`~.event_names.MissedNames`) names the tagger missed."""
    links = {(link.start, link.end): link for link in analysis.layers.get("links", [])}
    tokens = analysis.tokens
    states = groups.states if groups is not None else frozenset()
    known = groups.known if groups is not None else frozenset()
    found: dict[int, list[Participant]] = {}
    seen: set[tuple[int, int]] = set()
    taken: set[int] = set()
    named: dict[int, int] = {}  # tokens of PER/ORG/LOC mentions -> the mention's start
    for mention in analysis.layers.get("mentions", []):
        link = links.get((mention.start, mention.end))
        taken.update(range(mention.token_start, mention.token_end))
        if mention.label in _LABELS:
            named.update((i, mention.start) for i in range(mention.token_start, mention.token_end))
        if mention.label not in _LABELS and not (link and link.kind == "describes"):
            last = tokens[max(mention.token_end - 1, mention.token_start)]
            if groups is None or not groups.is_actor_noun(last.lemma or last.text):
                continue  # an OTH name acts only when it names a group ("Huthi-Miliz")
            found.setdefault(mention.sentence, []).append(
                Participant(mention.text, mention.text, mention.start, mention.end, "ORG", token=mention.token_start))
            continue
        parts = _verbless_parts(analysis, mention, lexicon.cues, states, known)
        if names is not None and mention.label == "PER" and len(parts) == 1 and link is None:
            # "Ministerpräsident Giorgi Beridse" cut to "Giorgi" by the tagger
            whole = names.whole_person(analysis, mention, named)
            if whole is not None:
                parts = [(mention.start, whole, mention.token_start)]
                named[mention.token_end] = mention.start
        if mention.label == "PER" and len(parts) == 1 and parts[0][0] == mention.start \
                and _first_name_before_particle(tokens, mention.token_start, named):
            # "Maarten de Vries" tagged from "de": the first name before the particle belongs to it
            first = mention.token_start - 1
            parts = [(tokens[first].start, parts[0][1], first)]
        if names is not None and len(parts) == 1 and parts[0][1] == mention.end and link is None \
                and names.company_form(tokens, mention.token_end, named):
            # "Rheintal AG" cut before its legal form: the company
            parts = [(parts[0][0], tokens[mention.token_end].end, parts[0][2])]
            named[mention.token_end] = mention.start
            label = "ORG"
        else:
            label = mention.label
        for start, end, first in parts:
            text = analysis.text[start:end]
            link_here = link if (start, end) == (mention.start, mention.end) else None
            part_label = label
            if (start, end) != (mention.start, mention.end) and groups is not None:
                # a part of a merged mention ("Peter Winkler lud Grüne") takes the label of what it is
                part_label = "LOC" if text in states else "ORG" if text in known else label
            if link_here is not None and any(_verb_as_word(w) for w in link_here.target.split()):
                link_here = None  # the canonical name is a merged mention the entities layer kept
            found.setdefault(mention.sentence, []).append(
                _participant(text, start, end, part_label, first, link_here, lexicon))
        seen.add((mention.start, mention.end))
    for (start, end), link in links.items():
        if link.kind == "describes" and (start, end) not in seen:
            first = _token_at(analysis, start)
            found.setdefault(link.sentence, []).append(_participant(link.text, start, end, "PER", first, link, lexicon))
            taken.update(i for i in range(first, first + 4) if i < len(tokens) and tokens[i].start < end)
    if names is not None:
        people: dict[str, tuple[str, int]] = {}  # surname -> (full name, sentence first named)
        for sentence, items in found.items():
            for p in items:
                words = p.name.split()
                if p.label == "PER" and len(words) >= 2 and words[-1][:1].isupper() and words[-1] not in people:
                    people[words[-1]] = (p.name, sentence)
        introduced: dict[str, list[tuple[str, ...]]] = {}  # names found so far, by first word
        for sentence in analysis.sentences:
            extra = names.find(analysis, sentence.index, named, people, introduced)
            for g in extra:
                words = tuple(g.name.split())
                # (one word only when no dictionary knows it: "des Dienstleisters Aerodienst", later "Aerodienst")
                if g.label == "ORG" and (len(words) >= 2 or _coined(g.name)) \
                        and words not in introduced.get(words[0], []):
                    introduced.setdefault(words[0], []).append(words)
            if extra:
                # "die Miliz Nationale Befreiungsfront": the name replaces the parts the tagger found
                items = [p for p in found.get(sentence.index, [])
                         if not any(p.start < g.end and g.start < p.end for g in extra)]
                found[sentence.index] = items + extra
                for g in extra:
                    taken.update(i for i in range(g.token, g.token + _MAX_NAME) if tokens[min(i, len(tokens) - 1)].start < g.end)
    if groups is not None:
        for sentence in analysis.sentences:
            extra = groups.find(analysis, sentence.index, taken)
            if extra:
                # "die Regierung in Warschau" is one actor: its place is no longer a candidate
                items = [p for p in found.get(sentence.index, [])
                         if not any(g.start <= p.start and p.end <= g.end for g in extra)]
                found[sentence.index] = items + extra
    for sentence, items in list(found.items()):
        items.sort(key=lambda p: p.start)
        items = found[sentence] = _possessive_states(tokens, _speaking_for(tokens, items, lexicon.spokespersons))
        for item in items:
            if item.label == "LOC" and item.name.endswith("s") and item.name[:-1] in states:
                item.name = item.name[:-1]  # "Vertreter Russlands": the state, not its genitive
        for i, item in enumerate(items):
            floor = analysis.sentences[sentence].token_start
            item.prep = _preposition(tokens, item.token, floor)
            item.attribute = bool(item.prep) and _genitive_attribute(tokens, item.token, floor)
            item.oblique = _oblique_article(tokens, item.token, floor, lexicon.oblique_articles)
            if item.prep == "(" and item.token - 2 >= floor and item.token - 2 not in taken:
                # "Die Gewerkschaft Verkehr und Logistik (GVL)" with the long name untagged:
                # the abbreviation stands for the phrase before the bracket
                item.prep = _preposition(tokens, item.token - 1, floor)
                item.oblique = _oblique_article(tokens, item.token - 1, floor, lexicon.oblique_articles)
            # "mit Putin und Biden": the second shares the first one's preposition
            if not item.prep and i and _coordinated(tokens, items[i - 1], item):
                item.prep, item.listed = items[i - 1].prep, True
                item.oblique = item.oblique or items[i - 1].oblique
    return found


# lower-case particles that open a surname ("de Vries", "van der Berg", "von Arnim", "al-Sadr" is one word)
_NAME_PARTICLES = frozenset({"de", "van", "von", "da", "di", "del", "della", "dos", "das", "du", "le", "la", "ter",
                             "ten", "zu", "vom", "bin", "ibn", "el", "al"})


def _first_name_before_particle(tokens: list[Token], first: int, named: dict[int, int]) -> bool:
    """The mention starts with a surname particle and a capitalised word no
    mention holds stands right before it (not the sentence's first word)."""
    if first < 2 or tokens[first].text not in _NAME_PARTICLES:
        return False
    before = tokens[first - 1]
    return (first - 1) not in named and before.pos in ("NE", "NN") and before.text[:1].isupper() \
        and before.text.isalpha() and tokens[first - 2].pos not in ("$.",)


def _coined(name: str) -> bool:
    from .event_names import _unknown_word  # (event_names imports this module)
    return _unknown_word(name)


def _joins_states(tokens: list[Token], i: int, states: frozenset[str]) -> bool:
    return 0 < i < len(tokens) - 1 and tokens[i - 1].text in states and tokens[i + 1].text in states


def _verbless_parts(analysis: Analysis, mention, cue_words, states=frozenset(),
                    known=frozenset()) -> list[tuple[int, int, int]]:
    """A mention cut at verbs, conjunctions and punctuation the tagger put
    inside it ("Europäische Union droht Belarus" is two names, "Falls
    Russland" one): (start, end, first token) of each part."""
    parts, first = [], mention.token_start
    tokens = analysis.tokens
    while first < mention.token_end - 1 and tokens[first].text.lower() in cue_words:
        first += 1  # "Falls Russland": the tagger took a capitalised conjunction for a name
    for i in range(mention.token_start, mention.token_end + 1):
        # "Polen und Litauen" is two states ("Verkehr und Logistik" may be one organisation)
        if i == mention.token_end or tokens[i].pos.startswith(("V", "KOUS", "$")) \
                or (tokens[i].pos == "KON" and (mention.label == "LOC" or _joins_states(tokens, i, states))) \
                or _verb_as_name(tokens[i]) or (i > mention.token_start and _preterite_in_name(tokens, i)):
            if i > first:
                parts.extend(_known_parts(tokens, first, i, known, mention.label))
            first = i + 1
    if not parts and mention.token_end > mention.token_start:
        return []
    if mention.token_end <= mention.token_start:
        return [(mention.start, mention.end, mention.token_start)]
    return parts


# lower-case words that belong inside names ("Bundesamt für Verfassungsschutz", "Ursula von der Leyen")
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "la",
                             "le", "zu", "und", "für", "statt", "al", "el", "bin", "ibn", "y", "of", "the", "for",
                             "and", "ten", "ter", "vom"})


def _verb_as_name(tok: Token) -> bool:
    """"Peter Winkler lud Grüne": a lower-case word the tagger put into a name is its verb."""
    return tok.pos == "NE" and tok.text.islower() and tok.text.isalpha() and len(tok.text) >= 3 \
        and tok.text not in _NAME_PARTICLES  # not "al-Sisi", "iPad"


def _preterite_in_name(tokens: list[Token], i: int) -> bool:
    """"Die Nato sicherte Litauen ... zu" tagged as one name, with "sicherte"
    read as an adjective: a lower-case "-te" word right after a name word
    is the verb ("Gesellschaft für bedrohte Völker" keeps its adjective)."""
    tok = tokens[i]
    return tok.pos == "ADJA" and tok.text.islower() and tok.text.endswith(("te", "ten")) \
        and tokens[i - 1].pos == "NE" and tokens[i - 1].text[:1].isupper()


def _verb_as_word(word: str) -> bool:
    return word[:1].islower() and len(word) >= 3 and word not in _NAME_PARTICLES and "-" not in word


def _known_parts(tokens: list[Token], first: int, end: int, known: frozenset[str],
                 label: str = "") -> list[tuple[int, int, int]]:
    """"Guyana Venezuela" (two known names side by side) is two names; "SPD
    Wortbruch", "EU Sanktionen" (a known name and a common noun) is the name
    alone.  "IG Metall", "Borussia Dortmund" stay whole."""
    for k in range(end - 1, first + 1, -1):
        # "Europäische Union Klage": a known name of several words, then common nouns
        if all(t.pos == "NN" for t in tokens[k:end]) and " ".join(t.text for t in tokens[first:k]) in known:
            return [(tokens[first].start, tokens[k - 1].end, first)]
    if end - first < 2 or (tokens[first].text not in known and tokens[end - 1].text not in known):
        return [(tokens[first].start, tokens[end - 1].end, first)]
    if tokens[first].text not in known:
        if label == "LOC" and end - first == 2 and all(t.pos == "NE" for t in tokens[first:end]):
            return [(t.start, t.end, first + k) for k, t in enumerate(tokens[first:end])]
        return [(tokens[first].start, tokens[end - 1].end, first)]
    if all(t.pos == "NN" for t in tokens[first + 1 : end]) and tokens[first].pos == "NE":
        return [(tokens[first].start, tokens[first].end, first)]  # (not "Grüne Erde", the tagger's NN)
    if all(t.text in known for t in tokens[first:end]) or \
            (end - first == 2 and all(t.pos == "NE" for t in tokens[first:end]) and tokens[first + 1].text in known):
        # "Guyana Venezuela" ("hatte Guyana Venezuela verklagt"): two names side by side
        return [(t.start, t.end, first + k) for k, t in enumerate(tokens[first:end])]
    return [(tokens[first].start, tokens[end - 1].end, first)]


def _possessive_states(tokens: list[Token], items: list[Participant]) -> list[Participant]:
    """"Frankreichs Präsident Étienne Marchal", "Serbiens Präsident Dragan
    Milošev": the state in the genitive only says whose office the named
    person holds; the person acts."""
    kept = []
    for i, item in enumerate(items):
        nxt = items[i + 1] if i + 1 < len(items) else None
        last = tokens[item.token]
        if nxt is not None and nxt.label == "PER" and item.text.endswith("s") and item.end <= nxt.start \
                and 0 < nxt.token - item.token <= 3 and tokens[item.token + 1].pos == "NN" and last.pos == "NE":
            continue
        kept.append(item)
    return kept


def _speaking_for(tokens: list[Token], items: list[Participant], spokes: frozenset[str]) -> list[Participant]:
    """"Ein Sprecher des Pentagon bestritt ...", "Vertreter der USA und
    Russlands": who speaks or negotiates for an institution acts as it; the
    institution takes the speaker's place in the clause."""
    kept: list[Participant] = []
    skip: set[int] = set()
    for i, item in enumerate(items):
        if i in skip:
            continue
        word = tokens[item.token].lemma or tokens[item.token].text
        nxt = items[i + 1] if i + 1 < len(items) else None
        if nxt is not None and word.lower() in spokes and item.token + 2 <= nxt.token <= item.token + 3 \
                and tokens[item.token + 1].pos == "ART" and tokens[item.token + 1].text.lower() in ("des", "der") \
                and all(t.pos == "ADJA" for t in tokens[item.token + 2 : nxt.token]):
            nxt.token, nxt.start = item.token, item.start
            nxt.via = nxt.via or f"{item.text} {tokens[item.token + 1].text} {nxt.text}"
            kept.append(nxt)
            skip.add(i + 1)
            continue
        kept.append(item)
    return kept


def _oblique_article(tokens: list[Token], first: int, floor: int, oblique: frozenset[str]) -> bool:
    """The article (or possessive) that opens the entity's noun phrase is
    one no subject takes: "dem", "den", "einem", "des" ("wirft dem
    Ministerium vor", "Den Kreml kritisierte Polen")."""
    i = first - 1
    while i >= max(floor, first - _LOOKBACK) and tokens[i].pos in ("ADJA", "ADJD", "NN", "CARD", "ADV"):
        i -= 1
    return i >= floor and tokens[i].pos in ("ART", "PPOSAT", "PDAT", "PIAT") and tokens[i].text.lower() in oblique


def _coordinated(tokens: list[Token], before: Participant, item: Participant) -> bool:
    """"mit Putin und seinem Kollegen Biden", "mit Merkel, dem Präsidenten Macron":
    only "und" or a comma, then noun-phrase words, between."""
    between = [t for t in tokens[before.token + 1 : item.token] if t.end > before.end]
    if len(between) >= 2 and between[1].pos == "ADJA" and between[1].text.islower() \
            and between[1].text.endswith(("te", "ten")) and not between[1].text.startswith("ge"):
        return False  # "bei der Botschaft und forderte Peking auf": a verb the tagger read as an adjective
    return bool(between) and between[0].text in ("und", "sowie", ",") and all(t.pos in _NP_INNER for t in between[1:])


def _participant(text: str, start: int, end: int, label: str, token: int, link, lexicon: EventLexicon) -> Participant:
    if link is not None and link.kind == "stands_for":
        return Participant(link.target, text, start, end, "LOC", via=text, token=token)
    if link is not None and link.kind == "describes":
        return Participant(link.target, text, start, end, "PER", via=text, token=token)
    if link is not None:
        return Participant(link.target, text, start, end, label, token=token)
    state = lexicon.institutions.get(text)
    if state:
        return Participant(state, text, start, end, "LOC", via=text, token=token)
    return Participant(text, text, start, end, label, token=token)


def _token_at(analysis: Analysis, offset: int) -> int:
    sentence = analysis.sentence_at(offset)
    if sentence is None:
        return 0
    for i in range(sentence.token_start, sentence.token_end):
        if analysis.tokens[i].end > offset:
            return i
    return sentence.token_start


def _genitive_attribute(tokens: list[Token], first: int, floor: int) -> bool:
    """"des deutschen Anbieters Tabula": a genitive article after a noun opens the phrase."""
    i = first - 1
    while i > floor and tokens[i].pos in ("ADJA", "NN", "CARD") and first - i <= _LOOKBACK:
        i -= 1
    return i > floor and tokens[i].pos == "ART" and tokens[i].text.lower() in ("des", "der") \
        and tokens[i - 1].pos == "NN"


def _preposition(tokens: list[Token], first: int, floor: int, nested: bool = False) -> str:
    i = first - 1
    if i >= floor and tokens[i].text == "(":
        return "("  # "(GVL)", "(SPD)": an aside to the name before, never an argument of its own
    while i >= max(floor, first - _PP_LOOKBACK):
        tok = tokens[i]
        if tok.pos in ("APPR", "APPRART"):
            return (tok.lemma or tok.text).lower() if tok.pos == "APPRART" else tok.text.lower()
        if tok.pos not in _NP_INNER:
            return ""
        if tok.pos == "NN" and i + 1 < first and tokens[i + 1].pos in ("CARD", "ADJA", "PIAT"):
            return ""  # "am Montag zwei russische Diplomaten": the phrase after the noun is a new one
        if tok.pos in ("ART", "PPOSAT"):
            # a determiner opens the noun phrase: a preposition must come right before it
            before = tokens[i - 1] if i > floor else None
            if before is not None and before.pos in ("APPR", "APPRART"):
                return (before.lemma or before.text).lower() if before.pos == "APPRART" else before.text.lower()
            if before is not None and before.pos == "NN" and tok.text.lower() in ("des", "der") and not nested:
                # "im Norden des Kosovo", "für eine Aufnahme der Ukraine": a genitive
                # attribute shares the preposition of the noun it belongs to
                return _preposition(tokens, i - 1, floor, nested=True)
            return ""
        i -= 1
    return ""


def in_span(items: list[Participant], start: int, end: int) -> list[Participant]:
    return [p for p in items if start <= p.token < end]


def verb_arguments(
    items: list[Participant], clause: Clause, trigger: Trigger, subjectless: bool = False
) -> tuple[Participant | None, Participant | None]:
    """Actor and target of a verb event from the entities of its clause."""
    inside = in_span(items, clause.start, clause.end)
    core = [p for p in inside if not p.prep]
    # a dative or genitive article rules an entity out as the subject,
    # wherever it stands ("Dem Kanzler warf die Opposition ... vor")
    actor = next((p for p in core if not p.oblique), None) if not subjectless else None
    co_actors = _listed_after(core, actor) if actor is not None else []
    target = None
    if trigger.target and trigger.target != "obj":
        # ("target=in|an|nach": the first entity after any of these prepositions)
        target = next((p for p in inside if p.prep and p.prep in trigger.target.split("|") and p is not actor), None)
    if target is None and trigger.symmetric and co_actors:
        target = co_actors[0]  # "Scholz und Macron telefonierten": both sides are the subject
    if target is None and (trigger.target == "obj" or trigger.symmetric):
        # the object, not a second subject listed with the first ("Polen und Litauen kritisierten X")
        target = next((p for p in core if p is not actor and p not in co_actors
                       and p.name != (actor.name if actor else "")), None)
    return actor, target


def passive_arguments(items: list[Participant], clause: Clause,
                      agent_preps: frozenset[str]) -> tuple[Participant | None, Participant | None]:
    """A passive clause: the subject undergoes the act, the entity after
    "von"/"durch" does it ("Die Ukraine wurde von Russland angegriffen")."""
    inside = in_span(items, clause.start, clause.end)
    actor = next((p for p in inside if p.prep in agent_preps), None)
    target = next((p for p in inside if not p.prep and not p.oblique), None)
    return actor, target


def co_actors(items: list[Participant], clause: Clause, actor: Participant | None) -> list[Participant]:
    """Further subjects listed with the actor ("Polen und Litauen kritisierten ...")."""
    if actor is None:
        return []
    return _listed_after([p for p in in_span(items, clause.start, clause.end) if not p.prep], actor)


def _listed_after(core: list[Participant], first: Participant) -> list[Participant]:
    if first not in core:
        return []
    listed = []
    for p in core[core.index(first) + 1:]:
        if not p.listed:
            break
        listed.append(p)
    return listed


def noun_arguments(
    tokens: list[Token], items: list[Participant], trigger: Trigger, noun: int, end: int
) -> tuple[Participant | None, Participant | None]:
    """Actor and target inside a noun phrase: "Gespräch zwischen Putin und
    Biden", "Sanktionen gegen Russland", "Invasion der Ukraine"."""
    window = in_span(items, noun + 1, end)
    # (a genitive attribute of a noun in the phrase is no side: "Beschuss von Stellungen der YPG")
    sides = [p for p in window if p.prep in ("von", "zwischen", "mit") and not p.attribute]
    actor = next((p for p in sides if p.prep != "mit"), None)
    target = next((p for p in window if trigger.target and p.prep and p.prep in trigger.target.split("|") and p is not actor), None)
    if target is None and trigger.symmetric:
        target = next((p for p in sides if p is not actor), None)
    genitive = next((p for p in window if (not p.prep or p.attribute) and p.token <= noun + 3 and p is not actor),
                    None)
    if genitive is not None and actor is None and trigger.genitive_actor:
        return genitive, target  # "der Abzug der Nato-Truppen": the genitive acts
    if target is None:
        target = genitive  # "Invasion der Ukraine": the genitive undergoes
    return actor, target


def noun_phrase_end(tokens: list[Token], noun: int, limit: int) -> int:
    """One past the last token that may belong to the noun's phrase."""
    i = noun + 1
    while i < limit and i < noun + 10:
        tok = tokens[i]
        if tok.pos.startswith("V") or tok.pos.startswith("$") or tok.pos in ("KOUS", "PRELS"):
            break
        i += 1
    return i


def place(items: list[Participant], clause: Clause, lexicon: EventLexicon, taken: set[int]) -> Participant | None:
    for p in in_span(items, clause.start, clause.end):
        if p.label == "LOC" and p.prep in lexicon.place_prepositions and not p.via and p.start not in taken:
            return p
    return None


def listed_with(items: list[Participant], first: Participant, end: int) -> list[Participant]:
    """The entities listed after ``first`` with its preposition ("mit Merkel,
    Macron und Draghi"): each is a target of its own event."""
    after = [p for p in items if p.token > first.token and p.token < end]
    listed = []
    for p in after:
        if p.prep != first.prep or not p.listed:
            break
        listed.append(p)
    return listed
