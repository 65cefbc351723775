"""Names of organisations and public bodies that the entity tagger leaves
as common nouns (or cuts), found again for the events layer:

* a name after a noun that introduces one ("die Gewerkschaft Nahverkehr und
  Logistik", "den Verein Erbe und Heimat", "die Miliz Nationale
  Befreiungsfront", "der Gruppe Wald statt Kohle"), ``events/name_heads.tsv``;
* one public body written as a compound: an international organisation's
  short form before an institution noun ("EU-Kommission",
  "UN-Sicherheitsrat"), a federal body ("Bundesanwaltschaft",
  "Generalbundesanwaltschaft"), ``events/institution_heads.txt``;
* a capitalised adjective before an institution noun inside a sentence
  ("den Internationalen Strafgerichtshof", "die Europäische Zentralbank").

German capitalises every noun, so a name of common nouns is told from a
noun phrase only by its shape: two capitalised words joined by "und",
"für", "statt" ..., or a capitalised adjective, right after the
introducing noun.  A single common noun after it stays a noun ("warf dem
Verein Betrug vor").
"""

from __future__ import annotations

from ..analysis import Analysis, Token
from ..lang import resource_lines, resource_table
from ..word_cache import word_cache
from .event_args import Participant
from .tagger import dictionary_lemma

# words that join the parts of a name ("Erbe und Heimat", "Wald statt Kohle", "Brot für Alle")
_JOINERS = frozenset({"und", "für", "statt", "gegen", "ohne", "&"})
_GENITIVE = frozenset({"der", "des"})  # "Gewerkschaft der Polizei": only after a noun that is part of the name
_NAME_TAGS = frozenset({"NN", "NE", "ADJA", "FM"})
_MAX_WORDS = 6
_COMPANY_FORMS = frozenset({"AG", "GmbH", "SE", "KG", "KGaA", "Ltd", "Inc", "SA", "NV", "Holding"})
_MIN_PREFIXED = 3  # "UN-Rat": the noun after the hyphen


class MissedNames:
    def __init__(self, lang: str, groups) -> None:
        self.groups = groups
        self.heads = {row[0].lower(): row[1] for row in resource_table(lang, "events/name_heads.tsv") if len(row) > 1}
        self.institutions = tuple(w.lower() for w in resource_lines(lang, "events/institution_heads.txt"))
        self.party_bodies = tuple(w.lower() for w in resource_lines(lang, "events/party_bodies.txt"))
        self.representatives = frozenset(w.lower() for w in resource_lines(lang, "events/representatives.txt"))
        # short forms that stand for an international body, not for a state or a party
        self.bodies = frozenset(short for short, full in groups.short.items()
                                if full not in groups.states and (short.isupper() or short in ("Nato", "Uno")))
        self._head_cached = word_cache(50_000)(self._find_head)

    def find(self, analysis: Analysis, sentence_index: int, named: dict[int, int],
             people: dict[str, tuple[str, int]] | None = None,
             introduced: dict[str, list[tuple[str, ...]]] | None = None) -> list[Participant]:
        """Names in one sentence; ``named`` maps token indices of PER/ORG/LOC
        mentions to the mention's start, ``people`` surnames to the full name
        of a person and the sentence that first named them."""
        sentence = analysis.sentences[sentence_index]
        tokens = analysis.tokens
        found: list[Participant] = []
        i = sentence.token_start
        while i < sentence.token_end:
            tok = tokens[i]
            item = None
            if tok.pos in ("NN", "NE") and i not in named:
                item = self._state(tokens, i) or self._body(tokens, i, sentence.token_start) \
                    or self._seated(tokens, i, sentence.token_end, named) \
                    or self._surname(tokens, i, sentence_index, people)
            if item is None and tok.pos in ("NN", "NE"):
                # (also over a mention of its first word: "Wiese" of "Wiese statt Beton")
                item = _again(tokens, i, sentence.token_end, introduced)
            if item is None and tok.pos in ("NN", "NE"):
                item = self._introduced(tokens, i, sentence.token_end, named, sentence.token_start)
            if item is not None:
                found.append(item)
                i = max(i + 1, _token_after(tokens, item.end, i))
                continue
            i += 1
        return found

    def _head_kind(self, word: str) -> str:
        return self._head_cached(word.lower())

    def _find_head(self, key: str) -> str:
        if key in self.heads:
            return self.heads[key]
        # "Oppositionsbündnis", "Umweltverband": a compound only describes
        return next(("descriptor" for noun in self.heads if key.endswith(noun) and len(key) > len(noun) + 2), "")

    def whole_person(self, analysis: Analysis, mention, named: dict[int, int]) -> int | None:
        """End offset of a person's name the tagger cut after its first word:
        "Ministerpräsident Giorgi Beridse" (a role noun before, a capitalised
        word after that no mention holds and no common noun ends with)."""
        tokens = analysis.tokens
        first, after = mention.token_start, mention.token_end
        if after - first != 1 or after >= len(tokens) or first == 0:
            return None
        sentence = analysis.sentences[mention.sentence]
        nxt = tokens[after]
        if after >= sentence.token_end or after in named or nxt.pos not in ("NE", "NN") \
                or not nxt.text[:1].isupper() or not nxt.text.isalpha():
            return None
        before = tokens[first - 1]
        if before.pos != "NN" or not self.groups._is_role(before.lemma or before.text):
            return None
        if nxt.pos == "NN" and (self.groups.is_actor_noun(nxt.text) or self._head_kind(nxt.text)):
            return None
        return nxt.end

    def company_form(self, tokens: list[Token], at: int, named: dict[int, int]) -> bool:
        """A legal form right after a name ("Rheintal AG") that no mention holds."""
        return at < len(tokens) and at not in named and tokens[at].text in _COMPANY_FORMS

    def _surname(self, tokens: list[Token], i: int, sentence: int,
                 people: dict[str, tuple[str, int]] | None) -> Participant | None:
        """"Beridse warf der Opposition vor": the surname of a person named
        before, which the tagger did not take for a name."""
        tok = tokens[i]
        if not people or tok.text not in people:
            return None
        full, first = people[tok.text]
        if first > sentence:
            return None
        return Participant(full, tok.text, tok.start, tok.end, "PER", token=i)

    def _state(self, tokens: list[Token], i: int) -> Participant | None:
        """A state's name or capital the tagger took for a common noun ("Die
        Philippinen bestellten ...", "forderte Peking auf")."""
        tok = tokens[i]
        if (tok.text in self.groups.states or tok.text in self.groups.capitals) and tok.text[:1].isupper():
            # (a capital stays the place here; the article pass makes it the state where it acts)
            return Participant(tok.text, tok.text, tok.start, tok.end, "LOC", token=i)
        return None

    def _seated(self, tokens: list[Token], i: int, limit: int, named: dict[int, int]) -> Participant | None:
        """"Ermittler des Landeskriminalamts Hamburg", "das Oberverwaltungsgericht
        Bautzen": an institution noun with its seat is one named body."""
        if i + 1 >= limit or tokens[i].pos != "NN" or tokens[i + 1].pos != "NE" or i + 2 in named \
                and named.get(i + 2) == named.get(i + 1) or not self._institution(tokens[i].text.rstrip("s")):
            return None
        if tokens[i].text in self.groups.seats:
            return None
        tok, seat = tokens[i], tokens[i + 1]
        return Participant(f"{tok.lemma or tok.text} {seat.text}", f"{tok.text} {seat.text}", tok.start, seat.end,
                           "ORG", token=i)

    def _institution(self, word: str) -> bool:
        low = word.lower()
        return any(low.endswith(head) for head in self.institutions)

    def _body(self, tokens: list[Token], i: int, floor: int) -> Participant | None:
        tok = tokens[i]
        word = tok.text
        if word in self.groups.seats or (i > floor and f"{tokens[i - 1].text} {word}" in self.groups.seats):
            return None  # "Kanzleramt", "Auswärtiges Amt" act for their state (institutions.tsv)
        if "-" in word:
            prefix, noun = word.split("-", 1)
            full = self.groups.short.get(prefix)
            if full and full not in self.groups.states and noun.lower().endswith(self.party_bodies):
                # "Die CSU-Landesgruppe forderte ...": the party acts
                return Participant(full, word, tok.start, tok.end, "ORG", via=word, token=i)
            if full and noun.lower().rstrip("n") in self.representatives:
                # "mit EU-Vertretern", "US-Unterhändler": the side they speak for
                label = "LOC" if full in self.groups.states else "ORG"
                return Participant(full, word, tok.start, tok.end, label, via=word, token=i)
            if prefix in self.bodies and len(noun) >= _MIN_PREFIXED and self._institution(noun) \
                    and not self.groups.is_organ(noun):
                name = tok.lemma if tok.lemma and "-" in tok.lemma else word
                return Participant(name, word, tok.start, tok.end, "ORG", token=i)
            return None
        low = word.lower()
        if low.startswith(("bundes", "generalbundes")) and self._institution(low) and not self.groups.is_organ(low) \
                and not any(low.endswith(seat.lower()) for seat in self.groups.seats):
            name = tok.lemma or word
            return Participant(name, word, tok.start, tok.end, "ORG", token=i)
        if i > floor and tokens[i - 1].pos == "ADJA" and tokens[i - 1].text[:1].isupper() and i - 1 > floor \
                and self._institution(low) and not self.groups.state_of_adjective(tokens[i - 1].text):
            # "den Internationalen Strafgerichtshof" (not sentence-initial, where every word is capitalised)
            adjective = tokens[i - 1]
            return Participant(f"{adjective.text} {tok.lemma or word}", f"{adjective.text} {word}",
                               adjective.start, tok.end, "ORG", token=i - 1)
        return None

    def _introduced(self, tokens: list[Token], i: int, limit: int, named: dict[int, int],
                    floor: int = 0) -> Participant | None:
        """"die Gewerkschaft Nahverkehr und Logistik": the name after an
        introducing noun; a mention the tagger found inside it ("Sonne" of
        "Verein Sonne und Scholle") is a part of it, two mentions are two
        names ("dem Konzern Siemens und Bosch")."""
        kind = self._head_kind(tokens[i].lemma or tokens[i].text)
        if not kind or i + 1 >= limit:
            return None
        words: list[int] = []
        j = i + 1
        if tokens[j].text == "wie" and tokens[i].text != (tokens[i].lemma or tokens[i].text):
            j += 1  # "Hilfsorganisationen wie Brot für Alle": a member named after a plural noun
        while j < limit and len(words) < _MAX_WORDS:
            tok = tokens[j]
            if tok.pos in _NAME_TAGS and tok.text[:1].isupper():
                if words and tokens[j - 1].pos == "NN" and tok.pos == "NN" and words[-1] == j - 1:
                    break  # "dem Konzern Milliarden Euro": two nouns in a row are no name
                words.append(j)
                j += 1
                continue
            low = tok.text.lower()
            joins = low in _JOINERS or (low in _GENITIVE and kind != "descriptor" and not words)
            if joins and (words or low in _GENITIVE) and j + 1 < limit and tokens[j + 1].text[:1].isupper() \
                    and tokens[j + 1].pos in _NAME_TAGS:
                j += 1
                continue
            break
        if not words or len({named[w] for w in words if w in named}) > 1:
            return None
        last = words[-1]
        if last in named and last + 1 < limit and named.get(last + 1) == named[last]:
            return None  # the name would end inside a mention
        span = tokens[words[0] : last + 1]
        adjective_first = span[0].pos == "ADJA" and len(span) >= 2 and span[1].pos in ("NN", "NE")
        joined = any(t.text.lower() in _JOINERS for t in span) and len(words) >= 2
        # "Siemens Energy", "Freie Volksarmee" (the tagger may take the adjective for a noun)
        proper = all(t.pos == "NE" for t in span) or (len(words) >= 2 and span[-1].pos == "NE")
        genitive = tokens[i + 1].text.lower() in _GENITIVE
        if span[0].pos == "ADJA" and not adjective_first:
            return None
        # one noun alone is a name when the phrase fills the Vorfeld ("Die Gewerkschaft Luftverkehr hat
        # ...": article, noun, name, finite verb) or when no dictionary knows the word ("des
        # Dienstleisters Aerodienst"); "warf dem Verein Betrug vor" keeps its noun
        single = len(words) == 1 and span[0].pos in ("NN", "NE") and "-" not in span[0].text and (
            (i - 1 == floor and tokens[floor].pos == "ART" and last + 1 < limit and tokens[last + 1].pos in _FINITE)
            or _unknown_word(span[0].text))
        if not (adjective_first or joined or proper or genitive or single):
            return None
        if genitive and not (kind != "descriptor" and len(words) == 1):
            return None  # "die Gruppe der Unterzeichner" describes; "Gewerkschaft der Polizei" names
        if adjective_first and self.groups.state_of_adjective(span[0].text):
            return None  # "der Partei Russisches Haus" is rare; "die Gruppe Russische ..." mostly not a name
        head = tokens[i]
        if kind == "common":
            kind = "descriptor" if any(tokens[w].pos == "NE" for w in words) else "part"
        first = i if kind == "part" else words[0]
        name = " ".join(t.text for t in tokens[first : last + 1])
        if kind == "part":
            name = f"{head.lemma or head.text}{name[len(head.text):]}"  # "der Gewerkschaft X" -> "Gewerkschaft X"
        text = " ".join(t.text for t in tokens[i : last + 1])
        return Participant(name, text, head.start, tokens[last].end, "ORG", token=i)


_FINITE = frozenset({"VAFIN", "VVFIN", "VMFIN"})


@word_cache(20_000)
def _unknown_word(word: str) -> bool:
    """A capitalised word no dictionary knows, not even as a compound's
    last part: a coined name ("Aerodienst" is a name, "Luftverkehr" a noun)."""
    if not word.isalpha() or len(word) < 4:
        return False
    return dictionary_lemma(word, "de") is None and dictionary_lemma(word.lower(), "de") is None


def _token_after(tokens: list[Token], offset: int, at: int) -> int:
    j = at
    while j < len(tokens) and tokens[j].start < offset:
        j += 1
    return j


def _again(tokens: list[Token], i: int, limit: int,
           introduced: dict[str, list[tuple[str, ...]]] | None) -> Participant | None:
    """"Für den Herbst kündigte Wald statt Kohle neue Blockaden an": a name
    introduced before ("der Gruppe Wald statt Kohle"), now without its noun."""
    if not introduced or tokens[i].text not in introduced:
        return None
    for words in sorted(introduced[tokens[i].text], key=len, reverse=True):
        end = i + len(words)
        if end <= limit and tuple(t.text for t in tokens[i:end]) == words:
            return Participant(" ".join(words), " ".join(words), tokens[i].start, tokens[end - 1].end, "ORG", token=i)
    return None
