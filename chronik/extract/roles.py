"""Roles: titles and appositions that say what a person is, dated by the article.

Three general shapes, matched on tokens and person mentions:

* title before the name: "US-Präsident Joe Biden", "die scheidende
  Bundeskanzlerin Angela Merkel", "Bidens Nationaler Sicherheitsberater
  Jake Sullivan", "der italienische Regierungschef Mario Draghi";
* role, comma, name: "der außenpolitische Berater im Kreml, Juri Uschakow";
* name, comma, role: "Jake Sullivan, der Sicherheitsberater des Präsidenten,".

Whose role it is (``of``) comes from a hyphenated short form ("US-"), a
derived adjective ("italienische" -> Italien), a genitive name ("Bidens",
"Russlands") or a following phrase ("im Kreml", "der Linken").  Role words
are data: ``chronik/lang/de/roles.tsv``; a role also matches as the end of
a compound ("Sicherheitsberater" ends in "berater").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis import Analysis, Token
from ..lang import resource_lines, resource_table
from .entities import Mention
from .gazetteer import Gazetteer, load_gazetteer
from .role_lexicon import RoleWord, role_lexicon

ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e")
MAX_MODIFIERS = 4  # adjectives / genitives between article and role noun
MAX_OF_PHRASE = 4  # tokens between role noun and comma in "Berater im Kreml, X"


@dataclass(slots=True)
class Role:
    """One dated role fact: ``person`` was ``role_lemma`` (of ``of``) at ``date``."""

    person: str  # the full name when the article gives it ("Joe Biden")
    person_start: int
    person_end: int
    person_text: str  # the mention as written ("Biden")
    role: str  # as written: "scheidende Bundeskanzlerin", "US-Präsident"
    role_lemma: str  # "Bundeskanzlerin", "Präsident", "Nationaler Sicherheitsberater"
    of: str | None  # "USA", "Joe Biden", "Kreml" or None
    status: str  # "current" at the article date, "former" ("der frühere ...", "Ex-") or "future" ("designierte")
    date: str | None  # the article date, never more precise than the source
    date_precision: str | None
    sentence: int
    start: int  # the whole phrase, role and name
    end: int

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


class RoleFinder:
    """Pipeline component: fills ``analysis.layers["roles"]`` from mentions."""

    def __init__(self, lang: str = "de") -> None:
        self.lexicon = role_lexicon(lang)
        self.gazetteer = load_gazetteer(lang)
        links = resource_table(lang, "role_links.tsv")
        self.determiners = frozenset(w for w, kind, *_ in links if kind == "det")
        self.of_words = frozenset(w for w, kind, *_ in links if kind == "of")
        self.time_shift = {w: kind for w, kind, *_ in links if kind in ("former", "future")}
        self.title_prefixes = frozenset(w for w, kind, *_ in links if kind == "title")
        self.adjective_endings = tuple(resource_lines(lang, "gazetteer/adjective_suffixes.txt"))

    def __call__(self, analysis: Analysis) -> None:
        mentions: list[Mention] = analysis.layers.get("mentions", [])
        names = FullNames(mentions)
        by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
        date = analysis.document.date
        roles: list[Role] = []
        for person in mentions:
            if person.label != "PER":
                continue
            sentence = analysis.sentences[person.sentence]
            context = _Context(analysis.text, analysis.tokens, sentence.token_start, sentence.token_end, by_token, names)
            for found in (self._title_before(context, person), self._role_comma_name(context, person),
                          self._name_comma_role(context, person)):
                if found is None:
                    continue
                role_text, lemma, of, start, end = found
                roles.append(Role(
                    names.full(person.text), person.start, person.end, person.text, role_text, lemma, of,
                    self._status(analysis.text[start:end]),
                    str(date) if date else None, date.precision.value if date else None,
                    person.sentence, min(start, person.start), max(end, person.end),
                ))
                break
        analysis.layers["roles"] = roles

    def _status(self, phrase: str) -> str:
        """'der frühere Bundesinnenminister', 'Ex-Präsident' -> former; 'designierte' -> future."""
        for word in phrase.replace("-", " ").split():
            for stem, kind in self.time_shift.items():
                if word == stem or (word.startswith(stem) and word[len(stem):] in ("e", "en", "er", "es", "em")):
                    return kind
        return "current"

    # -- the three shapes ---------------------------------------------------
    def _title_before(self, ctx: "_Context", person: Mention):
        noun_index = person.token_start - 1
        if noun_index < ctx.first:
            return None
        before = ctx.mention_at(noun_index)
        if before is not None and before.label not in ("LOCpart", "ORGpart", "PERpart", "OTHpart"):
            return None  # "US-Präsident" is tagged LOCpart; any other name is not a role
        return self._role_phrase_ending_at(ctx, noun_index)

    def _role_comma_name(self, ctx: "_Context", person: Mention):
        comma = person.token_start - 1
        if comma <= ctx.first or ctx.tokens[comma].text != ",":
            return None
        # "der außenpolitische Berater im Kreml, Juri Uschakow": an of-phrase may sit before the comma.
        for noun_index in range(comma - 1, max(ctx.first, comma - 1 - MAX_OF_PHRASE) - 1, -1):
            between = range(noun_index + 1, comma)
            found = self._role_phrase_ending_at(ctx, noun_index, need_determiner=True)
            if found and all(self._fits_of_phrase(ctx, i) for i in between):
                role_text, lemma, of, start, _ = found
                return role_text, lemma, of or self._of_phrase(ctx, noun_index + 1, comma), start, ctx.tokens[noun_index].end
            if ctx.tokens[noun_index].text in (",", ".", ";", ":"):
                break
        return None

    def _name_comma_role(self, ctx: "_Context", person: Mention):
        comma = person.token_end
        if comma >= ctx.last or ctx.tokens[comma].text != ",":
            return None
        i = comma + 1
        if i < ctx.last and ctx.tokens[i].text.lower() in self.determiners:
            i += 1
        for noun_index in range(i, min(ctx.last, i + MAX_MODIFIERS + 1)):
            word = self.lexicon.role_word(ctx.tokens[noun_index].text)
            if word is None:
                if not self._is_modifier(ctx, noun_index):
                    return None
                continue
            after = noun_index + 1
            end = after
            while end < ctx.last and end - after < MAX_OF_PHRASE and ctx.tokens[end].text not in (",", ".", ";", ")"):
                end += 1
            if end < ctx.last and ctx.tokens[end].text not in (",", ".", ";", ")"):
                return None
            role_text, lemma, of = self._describe(ctx, i, noun_index, word)
            return role_text, lemma, of or self._of_phrase(ctx, after, end), ctx.tokens[i].start, ctx.tokens[noun_index].end
        return None

    # -- pieces ---------------------------------------------------------------
    def _role_phrase_ending_at(self, ctx: "_Context", noun_index: int, need_determiner: bool = False):
        word = self.lexicon.role_word(ctx.tokens[noun_index].text)
        if word is None:
            return None
        start = noun_index
        while start - 1 >= ctx.first and noun_index - start < MAX_MODIFIERS and self._is_modifier(ctx, start - 1):
            start -= 1
        has_determiner = start - 1 >= ctx.first and ctx.tokens[start - 1].text.lower() in self.determiners
        if need_determiner and not has_determiner:
            return None
        role_text, lemma, of = self._describe(ctx, start, noun_index, word)
        return role_text, lemma, of, ctx.tokens[start].start, ctx.tokens[noun_index].end

    def _is_modifier(self, ctx: "_Context", i: int) -> bool:
        token = ctx.tokens[i]
        mention = ctx.mention_at(i)
        if mention is not None:
            return mention.label == "LOCderiv" or _is_genitive(mention, token)
        if token.pos == "ADJA":  # attributive only: "begrüßte" (VVFIN) or "sehr" are no part of a title
            return True
        lower = token.text.lower()
        if lower in self.determiners:
            return False
        if token.text[:1].isupper() and token.text.endswith(self.adjective_endings):
            return True  # taggers often read "Nationaler" in a title as a name
        return token.pos == "" and lower.endswith(ADJECTIVE_ENDINGS) and lower not in self.determiners and len(lower) > 3

    def _describe(self, ctx: "_Context", start: int, noun_index: int, word: RoleWord) -> tuple[str, str, str | None]:
        """Role text as written, its lemma (title adjectives kept) and whose role it is."""
        of = self._of_prefix(word.of_prefix, "-" in ctx.tokens[noun_index].text)
        tagged = ctx.mention_at(noun_index)
        if of is None and tagged is not None and tagged.label.endswith("part") and "-" in tagged.text:
            of = tagged.text.rsplit("-", 1)[0]  # "HDP-Chef" tagged ORGpart: the party is named
        title: list[str] = []
        for i in range(start, noun_index):
            token = ctx.tokens[i]
            mention = ctx.mention_at(i)
            if mention is not None and mention.label == "LOCderiv":
                of = of or self.gazetteer.place_of_adjective(token.text) or self.gazetteer.place_of_inhabitant(token.text) or token.text
            elif mention is not None:
                of = of or ctx.names.full(_strip_genitive(mention.text, self.gazetteer))
            elif token.text[:1].isupper():
                title.append(_title_adjective(token.text, word.feminine))
        head = word.lemma
        role_start = start
        # Genitive owners and derived adjectives are not part of the role's name.
        while role_start < noun_index and ctx.mention_at(role_start) is not None:
            role_start += 1
        role_text = ctx.text[ctx.tokens[role_start].start : ctx.tokens[noun_index].end]
        return role_text, " ".join([*title, head]), of

    def _of_prefix(self, prefix: str, hyphenated: bool) -> str | None:
        """Owner named in the role word: "US-" -> USA, "Kreml|sprecher" -> Kreml, "BKA-" -> BKA."""
        if not prefix or prefix in self.time_shift:
            return None
        if prefix in self.gazetteer.short_forms:
            return self.gazetteer.short_forms[prefix]
        for kind in ("LOC", "ORG"):
            for candidate in (prefix, prefix[:-1] if prefix.endswith("s") else prefix):
                if self.gazetteer.is_a(kind, candidate):
                    return candidate
        if hyphenated and prefix[:1].isupper() and prefix not in self.title_prefixes:
            return prefix  # a hyphenated prefix names the body: "Wirtschaftskammer-Präsident"
        return None

    def _fits_of_phrase(self, ctx: "_Context", i: int) -> bool:
        token = ctx.tokens[i]
        return (token.text.lower() in self.of_words or token.text.lower() in self.determiners
                or ctx.mention_at(i) is not None or token.pos.startswith("ADJ"))

    def _of_phrase(self, ctx: "_Context", begin: int, end: int) -> str | None:
        """The first name in "im Kreml" / "der Linken" / "von Biden" after a role noun."""
        if begin >= end:
            return None
        if ctx.tokens[begin].text.lower() not in self.of_words | self.determiners:
            return None
        for i in range(begin, end):
            mention = ctx.mention_at(i)
            if mention is not None and mention.is_name:
                return ctx.names.full(_strip_genitive(mention.text, self.gazetteer))
            known = self._known_organisation(ctx.tokens[i].text)
            if known:
                return known
        return None

    def _known_organisation(self, word: str) -> str | None:
        """'Bundestages' -> 'Bundestag' when the tagger missed a listed organisation."""
        for ending in ("", "s", "es"):
            base = word[: len(word) - len(ending)] if ending else word
            if word.endswith(ending) and self.gazetteer.is_a("ORG", base):
                return base
        return None


class _Context:
    """The tokens of one sentence (indices first..last-1) and the mentions over them."""

    def __init__(self, text: str, tokens: list[Token], first: int, last: int,
                 by_token: dict[int, Mention], names: "FullNames") -> None:
        self.text, self.tokens, self.first, self.last = text, tokens, first, last
        self.by_token, self.names = by_token, names

    def mention_at(self, i: int) -> Mention | None:
        return self.by_token.get(i)


def _is_genitive(mention: Mention, token: Token) -> bool:
    """'Bidens', 'Russlands': a name in the genitive, owner of the role that follows."""
    return mention.is_name and token.end == mention.end and token.text.endswith(("s", "'"))


def _strip_genitive(name: str, gazetteer: Gazetteer) -> str:
    if name.endswith("s") and len(name) > 3:
        base = name[:-1]
        if any(gazetteer.is_a(kind, base) for kind in ("LOC", "ORG")) or base[-1:] not in "sxzß":
            return base
    return name


def _title_adjective(word: str, feminine: bool) -> str:
    """'Nationalen' -> 'Nationaler' (or 'Nationale' for a woman's title)."""
    for ending in ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + ("e" if feminine else "er")
    return word


class FullNames:
    """Surnames (and their genitives) pointing to the one full name of the article."""

    def __init__(self, mentions: list[Mention]) -> None:
        candidates: dict[str, set[str]] = {}
        for mention in mentions:
            words = mention.text.split()
            if mention.label == "PER" and len(words) > 1:
                candidates.setdefault(words[-1], set()).add(mention.text)
        self._full = {surname: next(iter(full)) for surname, full in candidates.items() if len(full) == 1}

    def full(self, name: str) -> str:
        if name in self._full:
            return self._full[name]
        if name.endswith("s") and name[:-1] in self._full:
            return self._full[name[:-1]]
        return name
