"""Who the unnamed participants of an article are: the second pass over
the event candidates of a whole article.

* "die Regierung", "das Außenministerium" (a state organ without state)
  is the state last named by an organ ("die kolumbianische Regierung");
* "der Minister", "die Ministerin" (a bare role) is the one person of the
  article whose role ends in that noun (the roles layer);
* "die Gewerkschaft", "der Konzern", "die Miliz" is the organisation last
  introduced with that noun ("die Gewerkschaft Nahverkehr und Logistik",
  "des Stahlkonzerns Nordhütte AG", "die Miliz Nationale Befreiungsfront");
* a capital or seat as subject or object is its state ("Caracas
  bestritt"), never after a preposition ("in Caracas");
* names are brought into the form the chronicle uses (``events/name_forms.tsv``:
  "Vereinten Nationen" -> "Vereinte Nationen", "EU" -> "Europäische Union"),
  without a leading article.

Whatever stays unnamed keeps its slot in the clause (so that "Die Polizei
nahm X fest" keeps X as the target) but names nobody in the event.
"""

from __future__ import annotations

from ..analysis import Analysis, Token
from ..lang import resource_lines, resource_table
from .event_args import Participant, _preposition

_ARTICLES = ("der ", "die ", "das ", "den ", "dem ", "des ")
_NEIGHBOURS = frozenset({"nachbarland", "nachbarstaat", "nachbarrepublik"})
_DEFINITE = frozenset({"der", "die", "das", "den", "dem", "des", "dessen", "deren", "sein", "seine", "seinen",
                       "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer"})
_MIN_HEAD = 5
_PLACE_PREPS = frozenset({"in", "im", "aus", "nach", "bei"})
_POSSESSIVE = frozenset({"sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem",
                         "ihrer", "ihres"})
_ASIDE_PREPS = frozenset({"für", "über", "wegen", "nach"})  # phrases that mention an organ without it acting
_MIN_STEM = 8  # "die Opposition" after "das Oppositionsbündnis X"


class ArticleReferences:
    def __init__(self, lang: str, groups) -> None:
        self.groups = groups
        self.forms = {row[0]: row[1] for row in resource_table(lang, "events/name_forms.tsv") if len(row) > 1}
        self.org_nouns = frozenset(w.lower() for w in resource_lines(lang, "events/organisation_nouns.txt"))
        self.capitals = groups.capitals
        companies = [row for row in resource_table(lang, "events/company_nouns.tsv") if len(row) > 1]
        self.boards = tuple(noun for noun, kind in companies if kind == "board")
        self.company_nouns = tuple(noun for noun, kind in companies if kind == "company")
        self.company_forms = frozenset(noun for noun, kind in companies if kind == "form")
        self.representatives = frozenset(w.lower() for w in resource_lines(lang, "events/representatives.txt"))
        self.defendant_nouns = frozenset(w.lower() for w in resource_lines(lang, "events/defendant_nouns.txt"))
        self.group_members = frozenset(w.lower() for w in resource_lines(lang, "events/group_members.txt"))

    def resolve(self, analysis: Analysis, found: dict[int, list[Participant]]) -> None:
        tokens = analysis.tokens
        roles = _role_holders(analysis)
        affiliations = self._affiliations(analysis, found)
        heads: list[tuple[str, Participant]] = []  # (head noun lemma, organisation), in text order
        last_state = ""
        seen: list[Participant] = []  # named participants so far, for "beide"
        named_so_far: set[str] = set()
        organisations: list[Participant] = []  # named organisations so far, for "das Unternehmen"
        short_forms: dict[str, str] = {}  # "GSV" -> "Gewerkschaft Schiene und Verkehr"
        for sentence in range(len(analysis.sentences)):
            items = found.setdefault(sentence, [])
            self._organisation_after_head(tokens, items)
            extra = self._aliases(analysis, sentence, items)
            extra += self._head_references(analysis, sentence, items, heads, organisations,
                                           self._party_of_last_person(seen + items, affiliations))
            extra += self._both(analysis, sentence, items, seen)
            extra += _defendants(analysis, sentence, items, seen, self.defendant_nouns)
            if extra:
                items.extend(extra)
                items.sort(key=lambda p: p.start)
            self._neighbour(tokens, items, seen)
            _members(tokens, items)
            self._representatives(tokens, items, analysis.sentences[sentence].token_start)
            _led_by(tokens, items)
            self._appositions(tokens, items)
            for item in items:
                self.normalise(item)
                _short_form(tokens, item, items, short_forms)
                if item.named and (item.label == "PER" or _initial(item.name)) and " " not in item.name:
                    # "P." or "Albers" alone after "Andrej P.", "Katrin Albers": that person
                    # (a lone initial is the person whatever the tagger took it for)
                    full = {p.name for p in seen if p.label == "PER" and p.name.split()[-1] == item.name
                            and " " in p.name}
                    if len(full) == 1:
                        item.name, item.label = full.pop(), "PER"
                if item.named and item.name.endswith("s") and item.name[:-1] in named_so_far:
                    item.name = item.name[:-1]  # "an der Seite Guyanas": the genitive of a name told before
                self._prefixed_organ(item)
                if item.named and item.label in ("ORG", "PER") and " " not in item.text.strip() \
                        and item.text.lower().rsplit("-", 1)[-1] in self.org_nouns:
                    # "Die Kommission", "die Miliz" tagged as a name: the organisation it stands for
                    lemma = item.text.lower().rsplit("-", 1)[-1]
                    match = next((org for head, org in reversed(heads) if head.endswith(lemma)), None)
                    if match is None and organisations and "-" not in item.text and item.token > 0 \
                            and not lemma.endswith(self.boards) \
                            and tokens[item.token - 1].text.lower() in ("die", "das", "der", "den", "dem", "des"):
                        # "Die Allianz will ..." after "die Nato": the organisation named last (never a
                        # company for a noun that names none)
                        match = organisations[-1]
                        if not lemma.endswith(self.company_nouns) \
                                and any(org is match and self._company(head, org) for head, org in heads):
                            match = None
                    if match is not None and match is not item:
                        item.name, item.via = match.name, item.text
                if item.named and item.label == "LOC" and (item.organ or self._seat_organ(item)) \
                        and item.prep not in _ASIDE_PREPS:
                    # "die kolumbianische Regierung", "Die Bundesregierung"; not "Spionage für den russischen
                    # Geheimdienst", an organ in a phrase that only describes
                    last_state = item.name
                elif not item.named and item.organ and last_state:
                    item.name, item.named, item.label, item.via = last_state, True, "LOC", item.text
                elif not item.named:
                    person = _holder(roles, tokens[item.token].lemma or item.text)
                    group = self._group_of_members(tokens[item.token].lemma or item.text, heads) \
                        or self._group_of_members(item.text.split()[-1], heads)
                    if person:
                        item.name, item.named, item.label, item.via = person, True, "PER", item.text
                    elif group is not None:
                        item.name, item.named, item.label, item.via = group.name, True, "ORG", item.text
                if item.named and item.label != "ORG" and item.prep in ("", "nach") and not item.via \
                        and item.name in self.capitals:
                    # "Caracas bestritt" (the tagger may take it for a person); "Experten nach
                    # Vilnius entsenden": sent to the state ("in Caracas" stays the place)
                    item.via, item.name, item.label = item.text, self.capitals[item.name], "LOC"
                if item.named and item.label == "ORG" and (not item.via or item.text == item.name):
                    # (members keep their organisation's heads: "die Staats- und Regierungschefs der Nato")
                    heads += [(h, item) for h in _heads(tokens, item)]
            seen.extend(p for p in items if p.named and not p.listed_both)
            named_so_far.update(p.name for p in items if p.named)
            # (a board names its company, but is no new organisation for "die Gewerkschaft" to fall back on)
            # (nor is a Land named by its government: "die Gewerkschaft" after "die Landesregierung in Hannover")
            organisations.extend(p for p in items if p.named and p.label == "ORG" and p.name not in self.groups.states
                                 and not (p.via and p.via.lower().endswith(self.boards)) and not p.organ)

    def _neighbour(self, tokens: list[Token], items: list[Participant], seen: list[Participant]) -> None:
        """"Russland plane keinen Angriff auf das Nachbarland": the state named
        last before this sentence that is not a state named before the noun in
        its own sentence (that one is the neighbour's neighbour)."""
        for item in items:
            words = item.name.split(maxsplit=1)
            if len(words) == 2 and words[0].lower() in _NEIGHBOURS:
                item.name = words[1]  # "das Nachbarland Ruanda": the name given
                continue
            tok = tokens[item.token + 1] if item.token + 1 < len(tokens) else None
            noun = (tokens[item.token].lemma or tokens[item.token].text).lower()
            if item.named or noun not in _NEIGHBOURS or (tok is not None and tok.pos == "NE"):
                continue
            here = {self.capitals.get(p.name, p.name) for p in items if p.named and p.start < item.start}
            states = [p.name for p in seen if p.name in self.groups.states and p.name not in here]
            if states:
                item.name, item.named, item.label, item.via = states[-1], True, "LOC", item.text

    def _seat_organ(self, item: Participant) -> bool:
        """"Die Bundesregierung", "das Kanzleramt" read as a seat: an organ all the same."""
        return bool(item.via) and self.groups.is_organ(item.via.split()[-1])

    def _group_of_members(self, lemma: str, heads: list[tuple[str, Participant]]) -> Participant | None:
        """"die Rebellen", "ein Sprecher der Rebellen": the one group introduced
        with a noun that starts with the members' noun ("die Rebellengruppe
        FUA"); nobody when the article introduced two such groups."""
        word = lemma.lower()
        # the lemma, or a plural as written when a spokesperson took the token ("der Rebellen")
        key = next((k for k in (word, word[:-1], word[:-2]) if k in self.group_members), None)
        if key is None:
            return None
        groups = {org.name: org for head, org in heads if head.startswith(key) and len(head) > len(key)}
        return next(iter(groups.values())) if len(groups) == 1 else None

    def _representatives(self, tokens: list[Token], items: list[Participant], floor: int) -> None:
        """"lud Vertreter des Bündnisses ein", "mit Vertretern von Medicura",
        "mit EU-Vertretern": the side a representative speaks for takes
        the representative's place in the clause (its preposition and case)."""
        for item in items:
            if not item.named:
                continue
            i = item.token
            word = tokens[i].text
            if "-" in word and word.rsplit("-", 1)[1].lower().rstrip("n") in self.representatives:
                # "EU-Vertretern": the prefix is the side (its short form resolved by the tagger or tables)
                prefix = word.split("-", 1)[0]
                full = self.groups.short.get(prefix, prefix)
                if full != item.name and prefix != item.name:
                    continue
                item.name = full
                item.prep = _preposition(tokens, i, floor)
                item.attribute = False
                continue
            j = i - 1
            while j > floor and tokens[j].pos in ("ART", "ADJA"):
                j -= 1
            if j <= floor or tokens[j].text.lower() not in ("des", "der", "von", "vom") \
                    and tokens[j + 1].text.lower() not in ("des", "der"):
                continue
            link = j if tokens[j].text.lower() in ("von", "vom") else j + 1
            rep = link - 1 if tokens[link].text.lower() in ("von", "vom") else j
            if rep < floor or tokens[rep].pos != "NN" \
                    or (tokens[rep].lemma or tokens[rep].text).lower() not in self.representatives:
                continue
            item.token, item.start = rep, tokens[rep].start
            # (a bare plural opens its own phrase: "empfing am Montag Vertreter der ...")
            item.prep = "" if rep > floor and tokens[rep - 1].pos in ("NN", "NE") else _preposition(tokens, rep, floor)
            item.attribute = False
            item.oblique = item.oblique and False

    def _organisation_after_head(self, tokens: list[Token], items: list[Participant]) -> None:
        """"des Klinikbetreibers Medicura", "der Güterbahn Cargo Rhein": a
        name right after a company or organisation noun is an organisation,
        whatever the tagger took it for (it often reads unknown company
        names as places or one-word surnames); states and capitals stay
        places, and a person with first and last name stays a person."""
        for item in items:
            if not item.named or item.label not in ("LOC", "PER") or item.token == 0 \
                    or item.name in self.groups.states or item.name in self.capitals:
                continue
            if item.label == "PER" and " " in item.text.strip():
                continue  # "des Konzerns Hans Meier" may name an owner
            before = tokens[item.token - 1]
            head = (before.lemma or before.text).lower()
            if before.pos == "NN" and (head.endswith(self.company_nouns)
                                       or any(head.endswith(noun) for noun in self.org_nouns)):
                item.label = "ORG"

    def _company(self, head: str, org: Participant) -> bool:
        return head.endswith(self.company_nouns) or org.name.split()[-1].lower() in self.company_forms

    def _prefixed_organ(self, item: Participant) -> None:
        """"US-Regierung", "EU-Kommission" tagged as names: an organ of a
        state with the state's short name in front is the state."""
        if not item.named or "-" not in item.name or " " in item.name:
            return
        prefix, noun = item.name.split("-", 1)
        state = self.groups.short.get(prefix, prefix)
        if state in self.groups.states and self.groups.is_organ(noun):
            item.name, item.label, item.via = state, "LOC", item.text

    def _appositions(self, tokens: list[Token], items: list[Participant]) -> None:
        """"die Nato-Schutztruppe KFOR", "der Guerillagruppe Frente Sur": a
        descriptive noun right before a name is not an actor of its own; a
        descriptor compound ending in an organisation noun ("Guerilla|gruppe",
        "Umwelt|verband") is dropped from the name (the text keeps it)."""
        for i, item in enumerate(list(items)):
            nxt = next((p for p in items if p.token == item.token + 1 and p is not item), None)
            last = tokens[item.token]
            if nxt is not None and item.named and item.label == "ORG" and last.pos == "NN" \
                    and " " not in item.text.strip() and nxt.start > item.start:
                nxt.token, nxt.start, nxt.prep, nxt.oblique = item.token, item.start, item.prep, item.oblique
                items.remove(item)
        for item in items:
            words = item.name.split()
            if item.named and item.label == "ORG" and len(words) >= 2 and self._descriptor(words[0]):
                item.name = " ".join(words[1:])

    def _descriptor(self, word: str) -> bool:
        low = word.lower().rstrip("s")
        return any(low.endswith(noun) and len(low) > len(noun) + 2 for noun in self.org_nouns)

    def normalise(self, item: Participant) -> None:
        name = item.name
        low = name.lower()
        for article in _ARTICLES:
            if low.startswith(article) and len(name) > len(article):
                name = name[len(article):]
                break
        item.name = self.forms.get(name, name)

    def _aliases(self, analysis, sentence, items) -> list[Participant]:
        """Names the tagger leaves as common nouns but ``name_forms.tsv``
        knows: "die Liberalen" -> FDP, "die Sozialdemokraten" -> SPD."""
        tokens = analysis.tokens
        span = analysis.sentences[sentence]
        taken = {i for p in items for i in range(p.token, p.token + 1)}
        found = []
        for i in range(span.token_start, span.token_end):
            tok = tokens[i]
            if i in taken or tok.pos not in ("NN", "NE") or tok.text not in self.forms:
                continue
            if any(p.start <= tok.start < p.end for p in items):
                continue
            found.append(Participant(self.forms[tok.text], tok.text, tok.start, tok.end, "ORG", token=i))
        return found

    def _both(self, analysis, sentence, items, seen) -> list[Participant]:
        """"beide Minister", "Beide Regierungen", "die Präsidenten beider
        Länder", "beide Seiten": the two sides named last, in the order the
        article first named them; the second is listed with the first."""
        tokens = analysis.tokens
        span = analysis.sentences[sentence]
        found = []
        for i in range(span.token_start, span.token_end - 1):
            if tokens[i].text.lower() not in ("beide", "beiden", "beider") or tokens[i + 1].pos != "NN":
                continue
            head = i + 1
            if i >= 2 and tokens[i - 1].pos == "NN" and tokens[i].text.lower() == "beider":
                head = i - 1  # "die Präsidenten beider Länder": the phrase starts at its head noun
            noun = (tokens[i + 1].lemma or tokens[i + 1].text)
            people = self.groups._is_role(noun)
            states = noun.lower() in ("land", "länder", "staat", "regierung", "nachbar", "nachbarland") \
                or self.groups.is_organ(noun)
            # the sides of earlier sentences (in its own sentence the subject is
            # the one who speaks to or of "beide Seiten")
            earlier = [p for p in seen if ((p.label == "PER") == people or not (people or states))
                       and p.prep not in _PLACE_PREPS]  # the sides, not places ("in Südkorea eingefrorene Gelder")
            if states and not people:
                earlier = [p for p in earlier if p.label == "LOC"]
            elif not people and len({p.name for p in earlier if p.name in self.groups.states}) >= 2:
                # "beide Seiten" after a conflict of two states: the states, not an observer named since
                earlier = [p for p in earlier if p.name in self.groups.states]
            elif not people and len({p.name for p in earlier if p.label == "ORG"}) >= 2:
                # "beide Seiten" of a labour dispute, "beider Fraktionen": the organisations, not
                # the people who spoke for them
                earlier = [p for p in earlier if p.label == "ORG"]
            elif people:
                # "Beide Präsidenten": the people with that office, not a spokesman named since
                office = noun.lower()
                holders = {person for role, person in _role_holders(analysis)
                           if office.startswith(role.split()[-1]) or role.split()[-1].endswith(office)}
                if len({p.name for p in earlier if p.name in holders}) >= 2:
                    earlier = [p for p in earlier if p.name in holders]
            names: list[Participant] = []
            for p in reversed(earlier):
                if p.name not in [n.name for n in names]:
                    names.append(p)
                if len(names) == 2:
                    break
            if len(names) < 2:
                continue
            order = {}
            for p in seen:
                order.setdefault(p.name, p.start)
            first, second = sorted(names, key=lambda p: order.get(p.name, p.start))
            covered = range(min(head, i), i + 2)
            items[:] = [p for p in items if p.named or p.token not in covered]  # "Präsidenten" is these two
            start, end = tokens[head].start, tokens[i + 1].end
            text = analysis.text[min(start, tokens[i].start):end]
            # "mit beiden Seiten": both sides stand in the phrase
            prep = _preposition(tokens, min(head, i), span.token_start)
            found.append(Participant(first.name, text, tokens[min(head, i)].start, end, first.label, via=text,
                                     token=min(head, i), listed_both=True, prep=prep))
            found.append(Participant(second.name, text, tokens[min(head, i)].start, end, second.label, via=text,
                                     token=min(head, i) + 1, listed=True, listed_both=True, prep=prep))
        return found

    def _affiliations(self, analysis: Analysis, found: dict[int, list[Participant]]) -> dict[str, str]:
        """Person -> the organisation of their role ("FDP-Fraktionschef Markus
        Brandl" -> FDP), from the roles layer and a party or body prefixed to
        the noun before the name ("FDP-Chef Konstantin Albrecht")."""
        known = {}
        for role in analysis.layers.get("roles", []):
            if role.person and role.of and role.of not in self.groups.states:
                known.setdefault(role.person, self.forms.get(role.of, role.of))
        tokens = analysis.tokens
        for items in found.values():
            for p in items:
                if p.label != "PER" or p.name in known or p.token == 0:
                    continue
                before = tokens[p.token - 1].text
                prefix = before.split("-", 1)[0] if "-" in before else ""
                if prefix and prefix in self.groups.short and self.groups.short[prefix] not in self.groups.states:
                    known[p.name] = self.forms.get(self.groups.short[prefix], self.groups.short[prefix])
        return known

    @staticmethod
    def _party_of_last_person(people: list[Participant], affiliations: dict[str, str]) -> dict[int, str]:
        """Start offset of each person -> their organisation, for "seine Partei"."""
        return {p.start: affiliations[p.name] for p in people if p.label == "PER" and p.name in affiliations}

    def _head_references(self, analysis, sentence, items, heads, organisations=(), parties=None) -> list[Participant]:
        """Bare definite nouns that name an organisation introduced before
        ("der Konzern" after "des Stahlkonzerns Nordhütte AG")."""
        if not heads and not organisations:
            return []
        tokens = analysis.tokens
        span = analysis.sentences[sentence]
        taken = {p.token for p in items if p.named}
        found = []
        for i in range(span.token_start, span.token_end):
            tok = tokens[i]
            if tok.pos != "NN" or i in taken or i == span.token_start:
                continue
            before = tokens[i - 1]
            if before.text.lower() not in _DEFINITE:
                continue
            if i + 1 < span.token_end and tokens[i + 1].pos == "NE":
                continue  # "die Gewerkschaft Verdi" names its own
            lemma = (tok.lemma or tok.text).lower()
            if parties and before.text.lower() in _POSSESSIVE and lemma in self.org_nouns:
                # "seine Partei", "Seine Fraktion": the organisation of the person named last
                owner = max((start for start in parties if start < tok.start), default=None)
                if owner is not None:
                    name = parties[owner]
                    found.append(Participant(name, tok.text, tok.start, tok.end, "ORG", via=tok.text, token=i))
                    continue
            if _plural(tok.text.lower(), lemma) or (before.text.lower() == "die" and lemma.endswith("en")):
                # ("die Unternehmen": a feminine noun in -en is rare, so "die" is plural)
                continue  # "die Parteien", "den Behörden": several, not the one named before
            if lemma.endswith(self.boards):
                # "dem Vorstand": the company's board, not the union named last
                match = next((org for head, org in reversed(heads) if self._company(head, org)), None)
                if match is not None:
                    found.append(Participant(match.name, tok.text, tok.start, tok.end, "ORG", via=tok.text, token=i))
                continue
            # (a suffix only when it is an organisation noun: "der Konzern" after "Stahlkonzern",
            # but "die Mission" is not "EU-Kommission")
            match = next((org for head, org in reversed(heads)
                          if head == lemma or (len(lemma) >= _MIN_HEAD and head.endswith(lemma)
                                               and (lemma in self.org_nouns or lemma.endswith(self.company_nouns)
                                                    or head.endswith("-" + lemma)))
                          or (len(lemma) >= _MIN_STEM and head.startswith(lemma))), None)
            if match is None and lemma in self.company_nouns:
                # "den Konzern" after "des Klinikbetreibers Medicura": the company named last, not a union
                match = next((org for head, org in reversed(heads) if self._company(head, org)), None)
            if match is None and lemma in self.org_nouns and organisations:
                match = organisations[-1]  # "dem Unternehmen": the organisation named last
                if not lemma.endswith(self.company_nouns) \
                        and any(org is match and self._company(head, org) for head, org in heads):
                    # "das Bündnis" is not the clinic operator named last: a company is found
                    # again only by a company noun
                    match = None
            if match is not None:
                found.append(Participant(match.name, tok.text, tok.start, tok.end, "ORG", via=tok.text, token=i))
        # an unnamed group noun at the same token is replaced by the organisation
        if found:
            at = {p.token for p in found}
            items[:] = [p for p in items if p.named or p.token not in at]
        return found


def _initial(name: str) -> bool:
    """A surname cut to its initial, as the press writes suspects and defendants ("P.")."""
    return len(name) == 2 and name[0].isupper() and name[1] == "."


def abbreviated(name: str) -> bool:
    """"Andrej P.", "Holger W.": a first name and the initial of the surname."""
    words = name.split()
    return len(words) >= 2 and _initial(words[-1]) and words[0][:1].isupper() and len(words[0]) > 2


def _defendants(analysis, sentence, items, seen, nouns) -> list[Participant]:
    """"Der Angeklagte hatte die Vorwürfe bestritten": the one person the
    article names by first name and initial ("Holger W."), the press's form
    for suspects and defendants; nobody when there are several."""
    tokens = analysis.tokens
    span = analysis.sentences[sentence]
    people = {p.name for p in seen if p.label == "PER" and abbreviated(p.name)}
    if len(people) != 1:
        return []
    taken = {p.token for p in items}
    found = []
    for i in range(span.token_start + 1, span.token_end):
        tok = tokens[i]
        word = tok.text.lower()
        if tok.pos != "NN" or i in taken or tokens[i - 1].text.lower() not in ("der", "die", "dem", "den", "des") \
                or not any(word == noun or word == noun + "r" for noun in nouns) or word.endswith("en"):
            continue  # (not "die Angeklagten": several)
        found.append(Participant(next(iter(people)), tok.text, tok.start, tok.end, "PER", via=tok.text, token=i))
    return found


def _short_form(tokens: list[Token], item: Participant, items: list[Participant], short_forms: dict[str, str]) -> None:
    """"Die Gewerkschaft Schiene und Verkehr (GSV)": a short form in
    brackets right after a name is that name, here and later ("die GSV")."""
    if not item.named:
        return
    if item.name in short_forms:
        item.name = short_forms[item.name]
        return
    i = item.token
    if i >= 2 and tokens[i - 1].text == "(" and i + 1 < len(tokens) and tokens[i + 1].text == ")" \
            and item.text.isupper() and 2 <= len(item.text) <= 6:
        full = next((p for p in reversed(items) if p.named and p is not item and p.end <= tokens[i - 1].start
                     and tokens[i - 1].start - p.end <= 1), None)
        if full is not None and full.name != item.name:
            short_forms[item.name] = full.name
            item.name = full.name


def _plural(word: str, lemma: str) -> bool:
    """A form other than the lemma and its genitive ("Parteien", "Konzernen")."""
    return word != lemma and word not in (lemma + "s", lemma + "es") and word.endswith(("en", "n", "e"))


def _led_by(tokens: list[Token], items: list[Participant]) -> None:
    """"Die Opposition um den früheren Premier X", "Hilfsorganisationen wie
    Y": an unnamed group around a named leader, or of which a named member
    is given, acts as that one."""
    for item in list(items):
        if item.named or item.token + 1 >= len(tokens) or tokens[item.token + 1].text not in ("um", "wie"):
            continue
        word = tokens[item.token + 1].text
        leader = next((p for p in items if p.named and item.token + 2 <= p.token <= item.token + 5
                       and (p.prep == word or word == "wie")
                       and all(t.pos in ("ART", "ADJA", "NN", "KOKOM") for t in tokens[item.token + 2 : p.token])),
                      None)
        if leader is None:
            continue
        leader.token, leader.start, leader.prep, leader.oblique = item.token, item.start, item.prep, item.oblique
        leader.via = leader.via or item.text
        items.remove(item)


def _members(tokens: list[Token], items: list[Participant]) -> None:
    """"Ermittler des Landeskriminalamts Hamburg", "Kämpfer der Frente Sur",
    "Die Staats- und Regierungschefs der G7": members stand for their
    organisation, which takes their place in the clause."""
    for i, item in enumerate(list(items)):
        if item.named or item.token + 2 >= len(tokens):
            continue
        link = tokens[item.token + 1].text.lower()
        if link not in ("des", "der", "von"):
            continue
        first = item.token + 2  # "Ermittler des LKA Hamburg", "die Spitzen von SPD, FDP und Grünen"
        owner = next((p for p in items if p.named and first <= p.token <= item.token + 3
                      and all(t.pos == "ADJA" for t in tokens[first : p.token])), None)
        if owner is None:
            continue
        old_prep = owner.prep
        for other in items[items.index(owner) + 1:]:
            # the rest of the list stands where the members stand too
            if not other.listed or other.prep != old_prep:
                break
            other.prep, other.oblique = item.prep, item.oblique
        owner.token, owner.start, owner.prep, owner.oblique = item.token, item.start, item.prep, item.oblique
        owner.via = owner.via or f"{item.text} {tokens[item.token + 1].text} {owner.text}"
        items.remove(item)


def _heads(tokens: list[Token], item: Participant) -> list[str]:
    """The common nouns an organisation was introduced with: the noun just
    before its name ("Stahlkonzerns Nordhütte AG", "Miliz Nationale
    Befreiungsfront") and a noun its name starts with ("Gewerkschaft
    Nahverkehr und Logistik")."""
    found = []
    if item.token > 0 and tokens[item.token - 1].pos == "NN":
        found.append((tokens[item.token - 1].lemma or tokens[item.token - 1].text).lower())
    first = tokens[item.token]
    if first.pos in ("NN", "NE") and " " in item.text and first.text == item.text.split()[0]:
        found.append((first.lemma or first.text).lower())  # ("Miliz" of "Miliz X", tagged either way)
    if " " not in item.text.strip():
        found.append(item.text.strip().lower())  # "EU-Kommission": later "die Kommission"
    elif " " in item.name:
        # "Geschäftsführer der Reederei Elbtrans" (the member took the name's place): its own first noun
        found.append(item.name.split()[0].lower())
    return [h for h in found if len(h) >= 4]


def _role_holders(analysis: Analysis) -> list[tuple[str, str]]:
    return [(role.role_lemma.lower(), role.person) for role in analysis.layers.get("roles", [])
            if role.person and role.role_lemma]


def _holder(roles: list[tuple[str, str]], noun: str) -> str:
    """The one person whose role ends in ``noun`` ("Ministerin" -> the
    Bundesinnenministerin named before); "" when none or several."""
    key = noun.lower()
    if len(key) < 4:
        return ""
    people = {person for lemma, person in roles if lemma.split()[-1].endswith(key)}
    return next(iter(people)) if len(people) == 1 else ""
