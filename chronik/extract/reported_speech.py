"""Who said what, over token sequences: direct quotes, reported speech, continuations.

The core works on :class:`TokenSentence` lists (words + STTS tags + lemmas)
so that the pipeline component (:mod:`chronik.extract.quotes`) and the
SpkAtt format (:mod:`chronik.formats.spkatt`) share every rule.  Positions
are ``(sentence, token)`` pairs.  Forms and STWR follow the SpkAtt-2023
guidelines: Direct (quotation marks), Indirect (a cue with a reported
clause), IndirectFreeIndirect (Konjunktiv sentences that go on reporting
the last speaker without a new cue).
"""

from __future__ import annotations

from typing import Sequence

from ..lang import resource_lines, resource_set, resource_table
from .konjunktiv import is_konjunktiv, konjunktiv_mood
from .quote_marks import QUOTE_MARKS, QuotedSpan, find_quoted_spans, outermost
from .speakers import (
    CLOSING_MARKS,
    DATIVE_STARTS,
    clause_end,
    clause_start,
    noun_phrase_end,
    noun_phrase_start,
)
from .speech_lexicon import CueVerb, SpeechLexicon, speech_lexicon
from .quote_sources import SourceKinds
from .report_parts import (
    Attribution,
    FINAL_PUNCT,
    FRONTED,
    Position,
    TokenSentence,
    VERB_FINAL_OPENERS,
    agent,
    attribution_without_cue,
    content_end,
    coordinated_subject,
    first_person,
    frame,
    has_verb_final_opener,
    is_passive,
    is_phrase,
    is_statement,
    next_quote_start,
    only_cue_clause_between,
    opens_after_comma,
    place_of_writing,
    prefield,
    quote_positions,
    quoted_positions,
    report_start,
    simple,
    span,
    starts_noun_phrase,
    subject_before_relative,
    whose_report,
    words_between,
)

_WRITABLE = frozenset({"SW"})  # STWR values a written source turns into Writing
_ATTRIBUTE_PREPOSITIONS = frozenset({"in", "im", "von", "vom", "aus", "bei", "beim"})
_WRITTEN_PLACE_VERBS = frozenset({"heißen", "hervorgehen", "ergeben"})  # their source is "in X" / "aus X"
_ANY_CUE = CueVerb("", "", "Speech", False)
_PLACE_PREPOSITIONS = frozenset({"in", "aus", "vom", "von"})  # "die Regierung in Lomé"
# determiners that never open a subject (accusative or dative only)
_OBJECT_DETERMINERS = frozenset({
    "den", "dem", "einen", "einem", "diesen", "diesem", "jenen", "jenem", "seinen", "seinem",
    "ihren", "ihrem", "unseren", "unserem", "keinen", "keinem", "allen", "manchen",
})
_PLAN_VERBS = frozenset({"wollen", "planen", "beabsichtigen", "vorhaben", "anstreben"})  # "X will ... Y soll ..."
_SUBJECT_PRONOUNS = frozenset({"er", "ich", "wir", "man"})  # never objects ("sie" may be one)
_NEAR = 3  # a report goes on for at most this many sentences without a new cue
# tags a zu-infinitive of a particle verb gets ("zurückzutreten" taken for an adjective)
_ZU_TAGS = frozenset({"VVINF", "ADJA", "ADJD"})
_FAR = 10  # a sentence in Konjunktiv I reaches back this far for its speaker


class ReportedSpeechFinder:
    """Finds attributions in an article; one instance per language, reused."""

    def __init__(self, lexicon: SpeechLexicon | None = None, lang: str = "de") -> None:
        self.lexicon = lexicon or speech_lexicon("de")
        self.naming_verbs = resource_set(lang, "speech/naming_verbs.txt")
        self.classing_verbs = resource_set(lang, "speech/classing_verbs.txt")
        self.opinion_nouns = resource_set(lang, "speech/opinion_nouns.txt")
        self.conclusion_nouns = resource_set(lang, "speech/conclusion_nouns.txt")
        self.opinion_adjectives = resource_set(lang, "speech/opinion_adjectives.txt")
        self.event_report_nouns = resource_set(lang, "speech/event_report_nouns.txt")
        self.judgement_verbs = {row[0]: (row[1], row[2]) for row in resource_table(lang, "speech/judgement_verbs.tsv")}
        self.interview_nouns = resource_set(lang, "speech/interview_nouns.txt")
        self.quoting_verbs = resource_set(lang, "speech/quoting_verbs.txt")
        self.clause_only_verbs = resource_set(lang, "speech/clause_only_verbs.txt")
        self.loose_adverbs = resource_set(lang, "speech/loose_adverbs.txt")
        self.manner_nouns = resource_set(lang, "speech/manner_phrases.txt")
        self.title_nouns = resource_set(lang, "speech/title_nouns.txt")
        self.clause_nouns = resource_set(lang, "speech/clause_nouns.txt")
        self.separable_prefixes = resource_set(lang, "speech/separable_prefixes.txt")
        self.abstract_endings = tuple(resource_lines(lang, "speech/abstract_noun_endings.txt"))
        self.institution_endings = tuple(resource_lines(lang, "speech/institution_endings.txt"))
        self.statement_verbs = resource_set(lang, "speech/statement_verbs.txt")
        self.audience_nouns = tuple(resource_lines(lang, "speech/audience_nouns.txt"))
        self.fronted_adverbs = resource_set(lang, "speech/fronted_adverbs.txt")
        self.speaker_nouns = tuple(
            sorted(
                set(resource_lines(lang, "speech/speaker_nouns.txt"))
                | {form.lower() for row in resource_table(lang, "roles.tsv") for form in row[:2] if form}
            )
        )
        self.source_kinds = SourceKinds(lang)
        self.companions = {
            row[0]: tuple(w.strip() for w in row[1].split(","))
            for row in resource_table(lang, "speech/verb_companions.tsv")
            if len(row) > 1
        }

    # -- entry point ---------------------------------------------------------
    def find(self, sentences: Sequence[TokenSentence]) -> list[Attribution]:
        paragraphs = [s.paragraph for s in sentences]
        quotes = outermost(find_quoted_spans([s.words for s in sentences], paragraphs))
        quoted = quoted_positions(quotes)
        used_cues: set[Position] = set()
        results: list[Attribution] = []
        statement_quotes = [q for q in quotes if (is_statement(sentences, q) or self._cued_after(sentences, q))
                            and not self._titled(sentences, q)]
        merged: set[Position] = set()
        for quote in statement_quotes:
            if quote.start in merged:
                continue  # the second half of an interrupted quote
            found = self._direct(sentences, quote, quotes, used_cues)
            if found:
                results.append(found)
                merged.update(found.message)
        claimed = {pos for a in results for pos in a.message}
        directs = list(results)
        for s, sentence in enumerate(sentences):
            for found in self._indirect_in_sentence(sentences, s, quoted, used_cues, claimed, directs):
                results.append(found)
                claimed.update(found.message)
        results.extend(self._noun_reports(sentences, quoted, claimed))
        results.extend(self._phrase_quotes(sentences, quotes, used_cues, claimed))
        results.extend(self._reported(sentences, quoted, used_cues, {s for a in results for s, _ in a.message}))
        results.sort(key=lambda a: min(a.message))
        results = self._continuations(sentences, results, quoted)
        results.extend(self._nested_phrases(sentences, results, quotes))
        results.sort(key=lambda a: (min(a.message), a.is_nested))
        for attribution in results:
            self._written_source(sentences, attribution)
            self._institution_source(sentences, attribution)
        return results

    def _cued_after(self, sentences: Sequence[TokenSentence], quote: QuotedSpan) -> bool:
        """"„Ich halte das für richtig“, äußerte sich X": a quote of a few words followed by
        a comma and a speech verb is a statement even when the tagger missed its verb."""
        s, t = quote.end
        if s != quote.start[0] or t - quote.start[1] < 4:
            return False
        sentence = sentences[s]
        if not any(w[:1].islower() for w in sentence.words[quote.start[1] + 1 : t]):
            return False  # „New York Times“, bekräftigt ...: a name with its apposition
        if t + 2 >= len(sentence.words) or sentence.words[t + 1] != ",":
            return False
        return sentence.words[t + 2].islower() and self._verb_at(sentence, t + 2) is not None

    def _noun_phrase_quote(self, sentences: Sequence[TokenSentence], quote: QuotedSpan) -> bool:
        """"bezeichnete die Pläne als „Wortbruch“", "von einem „Angriff gegen die Belegschaft“":
        a quoted common noun phrase inside a report is the speaker's wording, unless a title
        noun or an article-and-name pattern marks it as a name („Der Spiegel“)."""
        if is_statement(sentences, quote) or quote.start[0] != quote.end[0]:
            return False
        s, t = quote.start
        sentence = sentences[s]
        inner = range(t + 1, quote.end[1])
        if len(inner) < 2 or sentence.tags[inner[0]] != "NN" or self._titled(sentences, quote):
            return False  # one quoted noun is mostly a term („Täter“, „Landrush“), not wording
        if any(sentence.tags[k] in ("NE", "FM") for k in inner):
            return False  # a name: „Deutsche Bank“, „Initiativ Roude Léiw“
        return t > 0 and sentence.tags[t - 1] in ("ART", "ADJA", "APPR", "APPRART", "KOKOM", "PIAT", "PPOSAT")

    def _titled(self, sentences: Sequence[TokenSentence], quote: QuotedSpan) -> bool:
        """"mit dem Titel „Die Revolution missbraucht ihre Kinder“": a title, not a statement."""
        s, t = quote.start
        words = sentences[s].words
        return any(words[k] in self.title_nouns for k in range(max(0, t - 2), t))

    def _written_source(self, sentences: Sequence[TokenSentence], attribution: Attribution) -> None:
        """A report by a newspaper, agency or study is Writing, whatever its verb
        ("berichtete die Zeitung") or when it goes on without a cue."""
        if attribution.stwr in _WRITABLE and attribution.source:
            words = [sentences[s].words[t] for s, t in attribution.source]
            if self.source_kinds.is_broadcaster(words):
                attribution.stwr = "Speech"  # "berichtete der Fernsehsender"
            elif self.source_kinds.is_written(words):
                attribution.stwr = "Writing"

    def _institution_source(self, sentences: Sequence[TokenSentence], attribution: Attribution) -> None:
        """"Die Polizei erklärte, ...", "Das Ministerium teilte mit, ...": a body makes its
        statements in speech or in writing, so a statement verb's Speech becomes SW; a
        person of the body ("ein Sprecher des Ministeriums") still speaks."""
        if attribution.stwr != "Speech" or not attribution.source or not attribution.cue:
            return
        if not any(sentences[cs].lemmas[ct] in self.statement_verbs for cs, ct in attribution.cue):
            return
        s = attribution.source[0][0]
        sentence = sentences[s]
        tokens = [t for ss, t in attribution.source if ss == s]
        head = next((t for t in tokens if sentence.tags[t] in ("NN", "NE")), None)
        if head is None or sentence.tags[head] != "NN":
            return  # a pronoun or a name
        if self.source_kinds.is_named_person([sentence.words[t] for t in tokens], [sentence.tags[t] for t in tokens]):
            return
        if sentence.words[head].lower().endswith(self.institution_endings):
            attribution.stwr = "SW"

    # -- direct quotes -------------------------------------------------------
    def _direct(
        self,
        sentences: Sequence[TokenSentence],
        quote: QuotedSpan,
        quotes: Sequence[QuotedSpan],
        used_cues: set[Position],
    ) -> Attribution | None:
        message = quote_positions(sentences, quote)
        s_end, t_end = quote.end
        s_start, t_start = quote.start
        last = sentences[s_end]
        # "«...», sagte er(, «...»)" : the cue follows the quote in its last sentence.
        cue = self._verb_cue_in(sentences, s_end, t_end + 1, next_quote_start(quotes, quote, len(last.words)))
        if cue is not None and s_start == s_end and self._inside_report(sentences[s_start], t_start):
            # "Die Politik könne dafür sorgen, «dass ...», erklärte X": the quote is part of
            # a report that the cue introduces; the report rules nest it
            return attribution_without_cue(message)
        if cue is None and t_start > 0:
            # "Er sagte: «...»" : the cue precedes the quote in its first sentence.
            cue = self._verb_cue_before(sentences, s_start, t_start)
            if cue is not None and words_between(sentences[s_start], cue[1], t_start):
                # "Er erklärte, der Bericht sei «...»": the quote is part of a report
                return attribution_without_cue(message)
        if cue is None and t_end == len(last.words) - 1 and s_end + 1 < len(sentences):
            # "«...»" / "erklärte die Ministerin." split into two sentences
            following = sentences[s_end + 1]
            if following.words and (following.tags[0].endswith("FIN") or self._after_quote(following, 0)):
                found = self._verb_at(following, 0)
                if found:
                    cue = (s_end + 1, 0, found[0], [(s_end + 1, p) for p in found[1]])
        if cue is None and t_start == 0 and s_start > 0 and sentences[s_start - 1].words[-1:] == [":"]:
            intro = sentences[s_start - 1]
            cue = self._verb_cue_before(sentences, s_start - 1, len(intro.words) - 1)
            if cue is not None and "," in intro.words[cue[1] : len(intro.words) - 1]:
                cue = None  # "Er glaubt, dass ...:" reports its own clause
        attribution = Attribution(message=message, form="Direct", stwr="Speech")
        if cue is None:
            self._uncued_direct(sentences, quote, attribution)
            # "«...», so Barth": the "so" after the quote is its cue, not a report of its own
            # (a colon intro before it, "..., so Elshorst weiter:", may still report its clause)
            used_cues.update(p for p in attribution.cue if p > quote.end)
            return attribution
        s_cue, verb, entry, cue_positions = cue
        # An interrupted quote: «...», sagte er, «...» is one statement.
        for other in quotes:
            if other.start[0] == s_cue and other.start[1] > verb and other.start > quote.end:
                if only_cue_clause_between(sentences[s_cue], verb, other.start[1]):
                    message = message + quote_positions(sentences, other)
        used_cues.update(cue_positions)
        attribution.message = message
        attribution.cue = cue_positions
        attribution.stwr = entry.stwr
        attribution.source, attribution.addressee = self._roles(sentences[s_cue], s_cue, verb, entry)
        if set(attribution.source) & set(cue_positions):
            attribution.source = []
        attribution.frame = frame(sentences[s_cue], s_cue, set(message))
        return attribution

    @staticmethod
    def _inside_report(sentence: TokenSentence, t_start: int) -> bool:
        """Words of the speaker's own before the quote in its sentence (not just an
        opening dash, a colon intro or an earlier quote's comma)."""
        start = report_start(sentence, t_start)
        before = [k for k in range(start, t_start) if sentence.tags[k] not in ("$,", "$(", "$.")
                  and sentence.words[k] not in QUOTE_MARKS]
        return len(before) >= 2

    def _uncued_direct(self, sentences: Sequence[TokenSentence], quote: QuotedSpan, attribution: Attribution) -> None:
        """A quote without a speech verb: ", so Barth." after it, or a colon sentence
        before it ("Der Trainer zeigte sich zufrieden: «...»") names the speaker."""
        s_end, t_end = quote.end
        words, tags = sentences[s_end].words, sentences[s_end].tags
        if t_end + 2 < len(words) and words[t_end + 1] == "," and words[t_end + 2].lower() == "so":
            end = noun_phrase_end(words, tags, t_end + 3)
            if end > t_end + 3:
                attribution.cue = [(s_end, t_end + 2)]
                attribution.source = span(s_end, t_end + 3, end)
                attribution.frame = span(s_end, t_end + 1, end)
                return
        s, t = quote.start
        intro = s if t > 0 and sentences[s].words[t - 1] == ":" else s - 1 if t == 0 and s > 0 and sentences[s - 1].words[-1:] == [":"] else None
        if intro is None:
            return
        sentence = sentences[intro]
        limit = t - 1 if intro == s else len(sentence.words) - 1
        for k in range(1, limit):  # "..., so Elshorst weiter:"
            if sentence.words[k].lower() == "so" and sentence.words[k - 1] == ",":
                end = noun_phrase_end(sentence.words, sentence.tags, k + 1)
                if end > k + 1:
                    attribution.cue = [(intro, k)]
                    attribution.source = span(intro, k + 1, end)
                    attribution.frame = span(intro, 0, limit + 1) if intro != s else span(s, 0, t)
                    return
        finite = next((k for k in range(limit) if sentence.tags[k].endswith("FIN")), None)
        if finite is None:
            # "Bundesinnenminister Schäuble: «...»"
            end = noun_phrase_end(sentence.words, sentence.tags, 0)
            if end == limit:
                attribution.source = span(intro, 0, end)
                attribution.frame = span(intro, 0, limit + 1) if intro != s else span(s, 0, t)
            return
        anyone = CueVerb("", "", "Speech", False)
        attribution.source, _ = self._roles(sentence, intro, finite, anyone)
        attribution.frame = span(intro, 0, limit + 1) if intro != s else span(s, 0, t)
        # "Dabei griff sie den Präsidenten an: «...»": the verb that introduces the quote is
        # its cue, with its particle or the participle that closes the intro
        if sentence.tags[finite].startswith("VV") or sentence.tags[finite] == "VAFIN":
            cue = [finite] + [k for k in range(finite + 1, limit) if sentence.tags[k] == "PTKVZ"]
            if sentence.tags[finite] != "VVFIN" and sentence.tags[limit - 1] in ("VVPP", "VVINF"):
                cue.append(limit - 1)
            if sentence.tags[finite].startswith("VV") or len(cue) > 1:
                attribution.cue = [(intro, k) for k in cue]

    def _verb_cue_in(
        self, sentences: Sequence[TokenSentence], s: int, start: int, end: int
    ) -> tuple[int, int, CueVerb, list[Position]] | None:
        sentence = sentences[s]
        for t in range(start, min(end, len(sentence.words))):
            found = self._verb_at(sentence, t)
            if found:
                entry, positions = found
                return s, t, entry, [(s, p) for p in positions]
        return None

    def _noun_reports(
        self, sentences: Sequence[TokenSentence], quoted: set[Position], claimed: set[Position]
    ) -> list[Attribution]:
        """"Er trat dem Vorwurf der Verteidigung, das Gericht sei nicht legitim, entgegen":
        a report noun followed by its content clause (dass/ob, Konjunktiv, zu-infinitive);
        no cue word, the speaker is the noun's genitive or "von" phrase."""
        found = []
        for s, sentence in enumerate(sentences):
            words, tags = sentence.words, sentence.tags
            for k, word in enumerate(words):
                if word not in self.clause_nouns or (s, k) in quoted or (s, k) in claimed:
                    continue
                end = max(whose_report(words, tags, k + 1), noun_phrase_end(words, tags, k))  # "der Vorwurf der Opposition"
                if end >= len(words) - 1 or words[end] != ",":
                    continue
                after = end + 1
                if (s, after) in claimed or not self._reports_a_clause(sentence, after, content_end(words), _ANY_CUE):
                    continue
                message = span(s, after, clause_end(words, tags, after))  # up to the next comma
                if len(message) < 3 or any(p in claimed for p in message):
                    continue
                start = noun_phrase_start(words, tags, k + 1)
                found.append(Attribution(
                    message=message, form="Indirect", stwr=self._report_noun(word) or "Speech",
                    cue=span(s, start, k + 1),  # "die Behauptung", "einer Warnung": the noun is the cue
                    source=span(s, k + 1, end), frame=span(s, start, after),
                ))
                claimed.update(message)
        return found

    def _phrase_quotes(
        self,
        sentences: Sequence[TokenSentence],
        quotes: Sequence[QuotedSpan],
        used_cues: set[Position],
        claimed: set[Position],
    ) -> list[Attribution]:
        """«nützlich»: a quoted phrase that is the object of a cue ("nannte den Austausch «nützlich»")."""
        found = []
        shared: set[Position] = set()  # one cue may name several phrases ("skandierten „A“ und „B“")
        for quote in quotes:
            if is_statement(sentences, quote) or quote.start in claimed:
                continue
            s = quote.start[0]
            cue = self._verb_cue_in(sentences, s, 0, len(sentences[s].words))
            if cue is None or (not is_phrase(sentences, quote) and cue[2].lemma not in self.naming_verbs):
                cue = self._classing_cue(sentences[s], s, quote.start[1])
            if cue is None or (set(cue[3]) & used_cues and not set(cue[3]) <= shared):
                continue
            _, verb, entry, cue_positions = cue
            message = quote_positions(sentences, quote)
            source, addressee = self._roles(sentences[s], s, verb, entry)
            found.append(
                Attribution(
                    message=message,
                    form="Direct",
                    stwr=entry.stwr,
                    cue=cue_positions,
                    source=source,
                    addressee=addressee,
                    frame=frame(sentences[s], s, set(message)),
                )
            )
            used_cues.update(cue_positions)
            shared.update(cue_positions)
        return found

    def _classing_cue(
        self, sentence: TokenSentence, s: int, mark: int
    ) -> tuple[int, int, CueVerb, list[Position]] | None:
        """"feierte die Absage als „großen Erfolg“", "der die Maßnahme als „Kapitulation“
        sieht": a quoted phrase after "als" is the speaker's own word for the thing, with the
        classing verb of its clause (and "als") as the cue; such verbs are no speech verbs
        by themselves (speech/classing_verbs.txt)."""
        words, tags = sentence.words, sentence.tags
        if mark == 0 or words[mark - 1].lower() != "als":
            return None
        start, end = clause_start(words, tags, mark - 1), clause_end(words, tags, mark)
        for t in range(start, end):
            if not tags[t].startswith("VV"):
                continue
            lemma = sentence.lemmas[t] or words[t].lower()
            if lemma not in self.classing_verbs or self._verb_at(sentence, t):
                continue  # a speech verb's quoted phrases are the naming rule's
            positions = [t] + [k for k in range(start, end) if tags[k] in ("VAFIN", "VMFIN", "PTKVZ")][:2]
            return s, t, CueVerb(lemma, "", "Speech", False), [(s, k) for k in sorted({*positions, mark - 1})]
        return None

    def _reported(
        self,
        sentences: Sequence[TokenSentence],
        quoted: set[Position],
        used_cues: set[Position],
        claimed_sentences: set[int],
    ) -> list[Attribution]:
        """A cue verb without a reported clause: the whole sentence reports a speech act
        ("Merkel sprach von einer Abwahl der Regierung.")."""
        found = []
        for s, sentence in enumerate(sentences):
            if s in claimed_sentences:
                continue
            for t, tag in enumerate(sentence.tags):
                if tag not in ("VVFIN", "VVPP") and not (tag == "VVINF" and self._mistagged_participle(sentence, t)):
                    continue
                if (s, t) in quoted or (s, t) in used_cues:
                    continue
                cue = self._verb_at(sentence, t)
                if cue is None or cue[0].particle + cue[0].lemma in self.clause_only_verbs:
                    continue
                if cue[0].stwr in ("Thought", "ST") and not self._judgement_predicate(sentence, t):
                    # a thought is reported only as a judgement with its predicate
                    continue
                entry, _ = cue
                source, addressee = self._roles(sentence, s, t, entry)
                if is_passive(sentence, 0, t):
                    source = agent(sentence, s, t)  # "wurde von X als ... bezeichnet"
                elif source and source[0][1] > t and sentence.tags[0] not in FRONTED and not (
                    len(source) == 1 and sentence.words[source[0][1]].lower() in ("er", "ich", "wir")
                ):
                    # after the verb, a noun phrase is more likely its object; a nominative
                    # pronoun is the subject ("Die Tat bezeichnete er als sinnlos")
                    continue
                if not source:
                    continue
                if len(source) == 1 and sentence.words[source[0][1]].lower() in ("ich", "wir", "das", "dies", "es"):
                    continue  # a pronoun for a thing or the writer, not a speaker
                if not self._speaker_like(sentence, source):
                    continue  # "Das Wetter meinte es gut": no one speaks
                if not self._main_act(sentence, t):
                    break
                if tag == "VVPP" and self._perfect_tense(sentence, t):
                    # "Thaksin hatte seinen Rücktritt bekannt gegeben", "Die Polizei hat mit der
                    # Freundin gesprochen": a speech act in the perfect tenses is background
                    # to the news, not one reported as the news
                    break
                found.append(
                    Attribution(
                        message=span(s, 0, len(sentence.words)),
                        form="Reported",
                        stwr=entry.stwr,
                        source=source,
                        addressee=addressee,
                    )
                )
                break
        return found

    @staticmethod
    def _judgement_predicate(sentence: TokenSentence, verb: int) -> bool:
        """"wertet den Sieg als Erfolg", "hält das Verfahren für verfassungswidrig", "geht
        von Fluchtgefahr aus": a judgement whose predicate or object is what is thought."""
        start = clause_start(sentence.words, sentence.tags, verb)
        end = clause_end(sentence.words, sentence.tags, verb)
        words = [w.lower() for w in sentence.words[start:end]]
        return any(w in ("als", "für", "von", "vom") for w in words)

    @staticmethod
    def _main_act(sentence: TokenSentence, verb: int) -> bool:
        """A speech act the sentence tells: its verb neither stands in parentheses
        ("( Wikinews berichtete )"), nor in a relative clause ("..., denen der Rat nicht
        zustimmte"), nor is it a participle without an auxiliary ("auch „Bonus View“ genannt")."""
        words, tags = sentence.words, sentence.tags
        depth = 0
        for k in range(verb):
            depth += words[k] == "("
            depth -= words[k] == ")" and depth > 0
        if depth:
            return False
        start = clause_start(words, tags, verb)
        if start > 0 and tags[start] in ("PRELS", "PRELAT", "PWS") and words[start - 1] == ",":
            return False
        if start > 0 and tags[start - 1] == "APPR" and tags[start] in ("PRELS", "PRELAT"):
            return False  # ", nach denen ...", ", von dem ..."
        if tags[verb] == "VVPP":
            end = clause_end(words, tags, verb)
            return any(tags[k] in ("VAFIN", "VMFIN", "VAINF") for k in range(start, end))
        return True

    @staticmethod
    def _perfect_tense(sentence: TokenSentence, verb: int) -> bool:
        """The participle ``verb`` forms a perfect or pluperfect with "haben" in its clause."""
        start = clause_start(sentence.words, sentence.tags, verb)
        end = clause_end(sentence.words, sentence.tags, verb)
        return any(
            sentence.tags[k] == "VAFIN" and sentence.lemmas[k] == "haben" for k in range(start, end)
        )

    def _verb_cue_before(
        self, sentences: Sequence[TokenSentence], s: int, end: int
    ) -> tuple[int, int, CueVerb, list[Position]] | None:
        sentence = sentences[s]
        for t in range(end - 1, -1, -1):
            found = self._verb_at(sentence, t)
            if found:
                entry, positions = found
                return s, t, entry, [(s, p) for p in positions]
        return None

    # -- cues ----------------------------------------------------------------
    def _verb_at(self, sentence: TokenSentence, t: int) -> tuple[CueVerb, list[int]] | None:
        tag = sentence.tags[t]
        if tag and not tag.startswith("VV") and not (tag == "VAFIN" and sentence.lemmas[t] == "sein"):
            if not self._after_quote(sentence, t):
                return None
            tag = "VVFIN"  # "«...», meint Perteck": the tagger took the verb for something else
        lemma = sentence.lemmas[t] or sentence.words[t].lower()
        end = clause_end(sentence.words, sentence.tags, t)
        if tag == "VAFIN":
            return self._opinion_at(sentence, t, end)
        # a separable particle closes its clause ("teilte ... mit,"), whatever its tag
        particles = {
            sentence.words[k].lower(): k
            for k in range(t + 1, end)
            if sentence.tags[k] == "PTKVZ" or k + 1 == end
        }
        for k in range(end, len(sentence.words)):
            # "teilte später der Direktor der Behörde, Bagus Puruhito, mit.": the particle
            # closes the sentence after an apposition that the commas cut off
            if sentence.tags[k].endswith("FIN") or sentence.words[k] in (":", ";"):
                break
            if sentence.tags[k] == "PTKVZ" and (k + 1 == len(sentence.words) or sentence.tags[k + 1] == "$."):
                particles.setdefault(sentence.words[k].lower(), k)
                break
        if t > 0 and sentence.tags[t - 1] in ("PTKVZ", "ADJD", "ADV"):
            particles.setdefault(sentence.words[t - 1].lower(), t - 1)  # "wie ... bekannt gab"
        entry = None
        for candidate in self.lexicon.lemma_candidates(sentence.words[t], lemma):
            entry = self.lexicon.verb(candidate, set(particles))
            if entry is not None:
                lemma = candidate
                break
            for particle in particles:  # "nahm ... an" = "annehmen"
                joined = self.lexicon.verb(particle + candidate, set())
                if joined is not None and candidate[:1].isalpha():
                    entry = CueVerb(candidate, particle, joined.stwr, joined.takes_addressee, joined.addressee_case)
                    break
            if entry is not None:
                lemma = candidate
                break
        if entry is None:
            if tag not in ("VVFIN", "VVINF"):
                return None
            return self._opinion_at(sentence, t, end) or self._judgement_at(sentence, t, end)
        positions = [t]
        if lemma == "heißen":  # only "hieß es" reports
            neighbours = [k for k in (t - 1, t + 1) if 0 <= k < len(sentence.words) and sentence.words[k].lower() == "es"]
            if not neighbours:
                return None
            positions.append(neighbours[0])
        if entry.particle:
            positions.append(particles[entry.particle])
        start = clause_start(sentence.words, sentence.tags, t)
        # a "finite" full verb after an auxiliary of a main clause is a mistagged participle
        mistagged = (tag == "VVFIN" and sentence.tags[start] not in VERB_FINAL_OPENERS
                     and self._participle_like(sentence.words[t]))
        for k in range(start, end):  # auxiliaries of a compound tense: "hat angekündigt"
            if k != t and sentence.tags[k] in ("VAFIN", "VMFIN") and (tag != "VVFIN" or (mistagged and k < t)):
                positions.append(k)
                break
        if start < t and sentence.words[start].lower() == "wie":
            positions.append(start)
        if (start + 1 < t and sentence.words[start].lower() == "es" and sentence.lemmas[start + 1] == "werden"
                and tag == "VVPP"):
            positions.append(start)  # "Es wird vermutet, dass ...": the placeholder subject is part of the cue
        # a particle verb's companions are listed under its joined lemma ("aufrufen" zu)
        companions = self.companions.get(lemma, ())
        if entry.particle:
            companions += self.companions.get(entry.particle + lemma, ())
        for k in range(start, end):
            if k in positions:
                continue
            word = sentence.words[k].lower()
            # "geht davon aus", "begründete dies damit": the pronominal adverb of the verb
            if sentence.tags[k] in ("PROAV", "PAV") and k > t and not self._loose(word, companions):
                positions.append(k)
            elif word in companions and (word != "sich" or abs(k - t) <= 2):
                positions.append(k)
            elif word == "sich" and sentence.tags[k] == "PRF":
                # "erhofft sich", "hatte sich erhofft", "fragen sich Experten": a reflexive
                # pronoun in the cue's own clause is part of the verb, for every cue verb
                positions.append(k)
            elif word == "mit" and k + 2 < end and sentence.words[k + 2] in self.manner_nouns and sentence.tags[k + 1] == "ART":
                positions.extend((k, k + 1, k + 2))  # "wird mit den Worten zitiert"
        return entry, sorted(positions)

    @staticmethod
    def _after_quote(sentence: TokenSentence, t: int) -> bool:
        """A lower-case word right after a closing quote (and its comma), or one that
        opens a sentence (split off after a quote): only a verb stands there."""
        word = sentence.words[t]
        if t > 0:
            before = sentence.words[t - 1]
            if before not in CLOSING_MARKS and not (before == "," and t >= 2 and sentence.words[t - 2] in CLOSING_MARKS):
                return False
        return word.isalpha() and word.islower()

    def _loose(self, adverb: str, companions: Sequence[str]) -> bool:
        """"sagte dazu", "erklärte außerdem": an adverb that links to the text before,
        not the verb's object ("rief dazu auf" keeps it: "aufrufen" takes "zu")."""
        if adverb.startswith("da") and adverb[2:].lstrip("r") in companions:
            return False
        return adverb in self.loose_adverbs

    def _opinion_at(self, sentence: TokenSentence, t: int, end: int) -> tuple[CueVerb, list[int]] | None:
        """"X ist der Meinung, dass ...", "vertritt die Ansicht, ...": a verb with a
        noun of opinion is a cue."""
        words, tags = sentence.words, sentence.tags
        # after the verb, or before it when the verb closes its clause ("hatte in einem
        # Interview die These vertreten, ...")
        last = t + 1 == end or (t + 1 < len(words) and words[t + 1] in (",", ":"))
        before = range(clause_start(words, tags, t), t) if last and tags[t] != "VAFIN" else range(0)
        for k in [*range(t + 1, end), *before]:
            noun = words[k] in self.opinion_nouns or (tags[t] != "VAFIN" and words[k] in self.conclusion_nouns)
            if noun and k > 0 and tags[k - 1] in ("ART", "APPRART"):
                lemma = sentence.lemmas[t] or words[t].lower()
                # "herrschte die Meinung vor": the verb's particle is part of the cue;
                # "kam zu dem Ergebnis": so is the preposition before the article
                particle = [j for j in range(k + 1, end) if tags[j] == "PTKVZ"][:1]
                preposition = [k - 2] if k > 1 and tags[k - 1] == "ART" and words[k - 2].lower() == "zu" else []
                return CueVerb(lemma, "", "ST", False), sorted({t, *preposition, k - 1, k, *particle})
        if tags[t] == "VAFIN" and sentence.lemmas[t] == "sein" and end < len(words) and words[end] == ",":
            # "ist zuversichtlich, ...", "war sich sicher, dass ...": the adjective closes the clause
            k = end - 1
            if tags[k] in ("ADJD", "VVPP") and words[k].lower() in self.opinion_adjectives:
                reflexive = [j for j in range(t + 1, k) if words[j].lower() == "sich"]
                return CueVerb("sein", "", "ST", False), [t, *reflexive, k]
        return None

    def _judgement_at(self, sentence: TokenSentence, t: int, end: int) -> tuple[CueVerb, list[int]] | None:
        """"hält es für möglich", "zeigte sich besorgt": a verb that reports an opinion
        with its companion word; the adjective after the companion belongs to the cue."""
        lemma = sentence.lemmas[t] or sentence.words[t].lower()
        found = self.judgement_verbs.get(lemma)
        if found is None:
            return None
        companion, stwr = found
        for k in range(t + 1, min(end, t + 6)):
            if sentence.words[k].lower() != companion:
                continue
            positions = [t] + [j for j in range(t + 1, k) if sentence.words[j].lower() == "es"] + [k]
            j = k + 1
            while j < end and sentence.tags[j] in ("ADV", "PTKNEG", "PROAV", "PAV"):
                if sentence.tags[j] in ("PROAV", "PAV"):
                    positions.append(j)  # "zeigte sich darüber besorgt, dass"
                j += 1
            if j < end and sentence.tags[j] in ("ADJD", "ADJA", "VVPP"):
                positions.append(j)
            elif companion == "sich":
                return None  # "zeigte sich" needs its adjective ("zufrieden", "besorgt")
            return CueVerb(lemma, "", stwr, False), positions
        return None

    # -- reported speech -----------------------------------------------------
    def _indirect_in_sentence(
        self,
        sentences: Sequence[TokenSentence],
        s: int,
        quoted: set[Position],
        used_cues: set[Position],
        claimed: set[Position],
        directs: list[Attribution],
    ) -> list[Attribution]:
        sentence = sentences[s]
        found: list[Attribution] = []
        quotes_here = [a for a in directs if s in a.sentences]
        taken: set[int] = set()
        order = sorted(range(len(sentence.words)), key=lambda t: not opens_after_comma(sentence, t))
        for t in order:
            if (s, t) in quoted or (s, t) in used_cues or t in taken:
                continue
            attribution = self._verb_report(sentences, s, t) or self._preposition_report(sentence, s, t)
            if attribution is None or not attribution.message:
                continue
            if any(pos[0] == s and pos[1] in taken for pos in attribution.message):
                continue
            inner = [a for a in quotes_here if set(a.message) <= set(attribution.message)]
            if any(set(a.message) & set(attribution.message) for a in quotes_here if a not in inner):
                continue
            for quote in inner:
                quote.is_nested = True
                attribution.has_nested = True
                if not quote.cue:  # the mixed case: the report's cue and speaker
                    quote.cue, quote.source = list(attribution.cue), list(attribution.source)
                    quote.frame, quote.stwr = list(attribution.frame), attribution.stwr
            found.append(attribution)
            taken.update(p for (ss, p) in attribution.message if ss == s)
            taken.update(p for (ss, p) in attribution.cue if ss == s)
            used_cues.update(attribution.cue)
        return found

    def _verb_report(self, sentences: Sequence[TokenSentence], s: int, t: int) -> Attribution | None:
        sentence = sentences[s]
        found = self._verb_at(sentence, t)
        if not found:
            return None
        entry, cue_tokens = found
        words, tags = sentence.words, sentence.tags
        n = content_end(words)
        start = clause_start(words, tags, t)
        end = clause_end(words, tags, t)
        message: list[int] = []
        if start > 0 and words[start - 1] == "," and words[start].lower() in ("das", "dies") and start + 1 == t:
            start += 1  # ", das entschied die NASA"
        if start > 0 and words[start - 1] == "," and words[start].lower() == "so" and start + 1 == t and tags[t].endswith("FIN"):
            # "Der Flug käme einer Folter gleich, so bestätigt das Gericht": "so" and the verb
            cue_tokens = sorted({start, *cue_tokens})
            start += 1
        # "Die UN bestätigten den Zwischenfall, teilten jedoch mit, es sei unklar, ...": a
        # second verb of the same subject whose own clause follows is not "M, sagte X"
        own_clause = end < n and words[end] == "," and (
            self._konjunktiv_clause(sentence, end + 1, n) or self._reports_a_clause(sentence, end + 1, n, entry))
        # "John Edwards, der ... in Frage gekommen wäre, bekräftigte, dass ...": a dass/ob
        # clause of its own is the report, whatever stands before
        own_complement = own_clause and words[end + 1].lower() in ("dass", "daß", "ob")
        if start > 0 and words[start - 1] in (",", "das", "dies", "so") and tags[start].endswith("FIN") and not has_verb_final_opener(sentence, start, t) and not (
            own_clause and (own_complement or not self._konjunktiv_clause(sentence, report_start(sentence, start - 1), start - 1))
        ):
            # "Russland wolle ..., sagte Putin" : the report comes first.
            comma = start - 1 if words[start - 1] == "," else start - 2
            first = report_start(sentence, comma)
            for k in range(first, comma):
                # "Colomer empfahl dem Gericht, M, sagte X": the report starts after the other cue
                if tags[k].startswith("VV") and self._verb_at(sentence, k):
                    after = clause_end(words, tags, k)
                    reported = any(
                        tags[f].endswith("FIN") and is_konjunktiv(words[f], tags[f], sentence.lemmas[f], self.lexicon)
                        for f in range(first, after)
                    )  # "Sie hätten betont, ..., hieß es": the earlier cue is part of the report
                    if after < comma and words[after] == "," and not reported:
                        first = after + 1
                    break
            before = range(first, comma)
            if len(before) and self._main_clause(sentence, before):
                message = list(before)
        elif start > 0 and words[start - 1] == "," and words[start].lower() == "wie" and start + 1 < t:
            # "Biden drohte ..., wie Sullivan sagte." (not "wie erwartet")
            message = list(range(0, start - 1))
        if not message and end < n and words[end] in (",", ":") and not (
            words[end] == ":" and any(words[k] in QUOTE_MARKS for k in range(t + 1, end))
        ):
            # (not "nannte den Austausch «nützlich»: ...": the cue names the quoted phrase)
            after = end + 1
            opens_with_wie = words[start].lower() == "wie" and start == 0
            if words[end] == ":" or opens_with_wie or self._reports_a_clause(sentence, after, n, entry):
                message = list(range(after, n))
        if not message and end < len(words) and words[end] == ":" and s + 1 < len(sentences):
            return None  # "Er sagte:" + next sentence: left to direct quotes / continuation
        if not message and start == 0 and t == 1 and words[0].lower() in ("das", "dies", "dieses") and s > 0:
            # "Dies bestätigte der Präsident.": the report is the previous sentence
            previous = sentences[s - 1]
            subject = self._subject_after(sentence, t, t)  # "Das erklärte gestern ein Sprecher."
            source = span(s, *subject) if subject else []
            addressee = [(s, k) for k in self._addressee(sentence, t, subject, entry)]
            return Attribution(
                # the whole previous sentence, its full stop included, and the "Dies"
                message=span(s - 1, 0, len(previous.words)) + [(s, 0)],
                form="Indirect",
                stwr=entry.stwr,
                cue=[(s, k) for k in cue_tokens],
                source=source,
                addressee=addressee,
                frame=span(s, 1, content_end(words)),
            )
        if not message:
            return None
        if message and message[0] > t:
            message = self._until_narration(sentence, message)
        while message and words[message[0]] == ",":
            message = message[1:]
        while message and words[message[-1]] in (",", "."):
            message = message[:-1]
        source, addressee = self._roles(sentence, s, t, entry)
        if any(k in cue_tokens for _, k in source):
            source = []  # "ist der Meinung": the opinion noun belongs to the cue, it is nobody
        if (len(source) == 1 and source[0][1] + 1 == t and words[source[0][1]].lower() in ("das", "dies")
                and source[0][1] > 0 and words[source[0][1] - 1] == ","):
            # "..., das teilte das Institut mit": "das" is the report, the speaker follows
            subject = self._subject_after(sentence, t, t)
            if subject:
                source = span(s, *subject)
        if len(source) == 1 and words[source[0][1]].lower() == "man":
            if start < len(words) and (words[start].lower() == "wie" or any(
                    tags[k] == "VMFIN" for k in range(start, end))):
                return None  # "kann man sagen", "wie man sagt": the writer's own voice
            cue_tokens = sorted({*cue_tokens, source[0][1]})  # "erfuhr man": nobody in particular
            source = []
        if not source and not self._content_clause(sentence, [k for k in message if k not in cue_tokens]):
            # "Bislang werden 325 km/h angegeben, Ziel ist ...": with nobody speaking, only a
            # content clause (dass/ob/w-, zu-infinitive, Konjunktiv, a quote) makes the verb
            # a report; an indicative main or relative clause beside it is narration
            return None
        message_positions = [(s, k) for k in message if k not in cue_tokens]
        stwr = entry.stwr
        if stwr == "Speech" and not source and is_passive(sentence, clause_start(words, tags, t), t):
            stwr = "SW"  # "Kritisiert wird, dass ...": said or written, by whom is left open
        return Attribution(
            message=message_positions,
            form="Indirect",
            stwr=stwr,
            cue=[(s, k) for k in cue_tokens],
            source=source,
            addressee=addressee,
            frame=frame(sentence, s, set(message_positions)),
        )

    def _until_narration(self, sentence: TokenSentence, message: list[int]) -> list[int]:
        """"Er sagte, Europa brauche die Engländer, und fügte hinzu: ...": an "und" with an
        indicative verb of the speaker ends the report; the narrator goes on."""
        words, tags = sentence.words, sentence.tags
        for i, k in enumerate(message[:-1]):
            if words[k].lower() not in ("und", "sowie") or tags[k] != "KON":
                continue
            verb = k + 1
            while verb < len(words) and tags[verb] in ("ADV", "PTKNEG"):
                verb += 1
            if verb < len(words) and tags[verb] in ("VVFIN", "VAFIN", "VMFIN") and not is_konjunktiv(
                words[verb], tags[verb], sentence.lemmas[verb], self.lexicon
            ) and konjunktiv_mood(words[verb], tags[verb], sentence.lemmas[verb], self.lexicon) is None:
                return message[:i]
        return message

    def _content_clause(self, sentence: TokenSentence, message: list[int]) -> bool:
        """Does the message read as reported content: dass/ob/w-clause, zu-infinitive,
        Konjunktiv, or quoted words?"""
        if not message:
            return False
        words, tags = sentence.words, sentence.tags
        first = message[0]
        if words[first].lower() in ("dass", "daß", "ob") or tags[first] in ("PWAV", "PWS", "PWAT"):
            return True
        for k in message:
            if words[k] in QUOTE_MARKS or tags[k] in ("VVIZU", "PTKZU"):
                return True
            if tags[k] in _ZU_TAGS and self._zu_infinitive(words[k]):
                return True
            if tags[k].endswith("FIN") and (
                is_konjunktiv(words[k], tags[k], sentence.lemmas[k], self.lexicon)
                or konjunktiv_mood(words[k], tags[k], sentence.lemmas[k], self.lexicon) is not None
            ):
                return True
        return False

    def _konjunktiv_clause(self, sentence: TokenSentence, start: int, end: int) -> bool:
        return any(
            sentence.tags[k].endswith("FIN") and is_konjunktiv(sentence.words[k], sentence.tags[k], sentence.lemmas[k], self.lexicon)
            for k in range(start, end)
        )

    def _main_clause(self, sentence: TokenSentence, span: range) -> bool:
        """A main clause or a Konjunktiv clause, not a relative clause ending in its verb."""
        if sentence.words[span[0]].lower() in ("dass", "daß"):
            return True  # "Dass noch Polizei entsendet werde, erhofft sich die Stadt"
        finite = [k for k in span if sentence.tags[k].endswith("FIN")]
        if not finite:
            return False
        if sentence.tags[span[0]] == "KOUS" and sentence.words[span[0]].lower() not in ("dass", "daß", "ob"):
            return False  # "Obwohl ..., bestritt er": a concession, not what he said
        first_comma = next((k for k in span if sentence.words[k] == ","), span[-1] + 1)
        if finite[0] > first_comma and any(
            sentence.words[k] == "," and k + 1 <= span[-1] and sentence.tags[k + 1] == "PRELS" for k in span
        ):
            # a relative clause after the subject ("Der NDR, der ... ist, begründete"); one
            # after a main clause ("Jetzt gibt es X, die ..., erklärte er") belongs to the report
            if not any(is_konjunktiv(sentence.words[k], sentence.tags[k], sentence.lemmas[k], self.lexicon) for k in finite):
                return False  # "Der NDR, der ... verantwortlich ist, begründete": the subject
        if any(is_konjunktiv(sentence.words[k], sentence.tags[k], sentence.lemmas[k], self.lexicon) for k in finite):
            return True
        return finite[0] < span[-1]

    def _reports_a_clause(self, sentence: TokenSentence, start: int, end: int, entry: CueVerb) -> bool:
        """Is what follows the comma a reported clause (dass/ob, Konjunktiv, zu-infinitive)?"""
        words, tags = sentence.words, sentence.tags
        if start >= end:
            return False
        first = words[start].lower()
        if first in ("dass", "daß", "ob") or tags[start] == "PWAV" or tags[start] == "PWS":
            return True
        if tags[start] in ("KOUS", "KOUI") or first in ("um", "ohne", "statt", "anstatt"):
            # ", wenn ...", ", weil ...": a condition or reason; ", um ... zu ...": a purpose,
            # not what was said
            return False
        if words[start] in QUOTE_MARKS:
            return True
        limit = clause_end(words, tags, start)
        if tags[start] not in ("PRELAT", "KOUS", "KON", "KOUI", "PWS", "PWAV", "APPR", "KOKOM") and entry.stwr not in ("Thought", "ST"):
            # "Sullivan betonte, die USA unterrichteten ...": a main clause (finite verb
            # not last, unlike a relative clause) is the report
            finite = next((k for k in range(start + 1, limit) if tags[k].endswith("FIN")), None)
            if finite is not None and any(tags[k] not in ("PTKVZ", "$.") for k in range(finite + 1, limit)):
                return True
        for k in range(start, end):
            if tags[k].endswith("FIN") and is_konjunktiv(words[k], tags[k], sentence.lemmas[k], self.lexicon):
                return True
        for k in range(start, limit):
            if (
                tags[k] == "VVIZU"
                or tags[k] == "PTKZU"
                or (words[k].lower() == "zu" and k + 1 < limit and tags[k + 1].startswith("V"))
                or (tags[k] in _ZU_TAGS and self._zu_infinitive(words[k]))
            ):
                return True
        return False

    def _speaker_like(self, sentence: TokenSentence, source: list[Position]) -> bool:
        """A name, a pronoun for a person, or a noun for people or a body that speaks."""
        tokens = [k for _, k in source]
        if all(sentence.tags[k] in ("NN", "NE") and sentence.words[k][:1].isupper() for k in tokens) and not any(
            sentence.words[k].lower().endswith(self.abstract_endings) for k in tokens
        ):
            return True  # bare capitalised words without article: a name the tagger missed ("Putin")
        for _, k in source:
            tag, word = sentence.tags[k], sentence.words[k].lower()
            if tag in ("NE", "FM") or (tag == "PPER" and word in ("er", "sie")):
                return True
            if tag == "NN":
                stems = {word, word[:-1], word[:-2], word[:-4] if word.endswith("innen") else word}
                if any(stem.endswith(noun) for stem in stems for noun in self.speaker_nouns):
                    return True  # "Experten", "Sprecherinnen", "Landesregierung"
        return False

    def _zu_infinitive(self, word: str) -> bool:
        """"herauszugeben", "einzuleiten": a particle, "zu", the verb."""
        if not word.islower() or not word.endswith(("en", "ern", "eln")):
            return False
        return any(
            word.startswith(prefix + "zu") and len(word) > len(prefix) + 4 for prefix in self.separable_prefixes
        )

    def _preposition_report(self, sentence: TokenSentence, s: int, t: int) -> Attribution | None:
        words, tags = sentence.words, sentence.tags
        word = words[t].lower()
        if word not in self.lexicon.prepositions and word not in ("nach", "aus"):
            return None  # the common case, decided before anything is computed
        n = content_end(words)
        frame: list[int] = []
        source: list[int] = []
        stwr = "SW"
        if word in self.lexicon.prepositions:
            prep = self.lexicon.prepositions[word]
            stwr = prep.stwr
            if prep.source_side == "after":
                if (word == "laut" and tags[t] not in ("APPR", "") and not starts_noun_phrase(words, t + 1)
                        and not (t + 1 < len(words) and self._report_noun(words[t + 1]))):
                    return None  # "laut" the adjective ("wurde laut"), but "laut ai-Bericht"
                if word == "so" and not (t > 0 and words[t - 1] == ","):
                    return None
                if word == "so" and tags[t + 1 : t + 2] in (["PIAT"], ["PIS"], ["ADV"], ["ADJD"]):
                    return None  # ", so viele", ", so manche": a comparison
                end = noun_phrase_end(words, tags, t + 1)
                if end == t + 1 and word == "laut" and starts_noun_phrase(words, t + 1):
                    end = t + 2  # a source the tagger does not know ("laut bildblog.de")
                if end == t + 1:
                    return None
                if self._report_noun(words[end - 1]):
                    end = whose_report(words, tags, end)  # "laut Angaben von Peter Beck"
                end = self._with_apposition(sentence, end)  # "so Frank Karl, Leiter der Abteilung"
                source = list(range(t + 1, end))
                frame = list(range(t, end))
                if word == "so":
                    frame = list(range(t - 1, end))
            elif prep.source_side == "before":
                start = noun_phrase_start(words, tags, t)
                if start == t:
                    return None
                while start >= 2 and words[start - 1].lower() in _ATTRIBUTE_PREPOSITIONS and tags[start - 2] in ("NN", "NE"):
                    # "den Polizeibehörden in Mombasa zufolge", "Angaben vom Mittwoch zufolge"
                    start = noun_phrase_start(words, tags, start - 1)
                source = list(range(start, t))
                frame = list(range(start, t + 1))
            else:
                if word == "demnach" and t != 0:
                    return None
                if word == "wonach" and not (t > 0 and words[t - 1] == ","):
                    return None
                source = [t] if word == "demnach" else []
                frame = [t]
                if word == "wonach":
                    message = list(range(t + 1, n))
                    return simple(s, [t], source, message, frame, stwr)
        elif word in ("nach", "aus") and t + 1 < len(words) and self._report_noun_follows(sentence, t + 1):
            if (word == "nach" and words[t + 1].lower() in ("der", "dem") and t + 2 < len(words)
                    and words[t + 2] in self.event_report_nouns and not self._konjunktiv_clause(sentence, 0, n)
                    and not any(w.lower() in ("soll", "sollen") for w in words)):
                return None  # "Nach der Veröffentlichung kam es zu Protesten": a time, not a source
            end = whose_report(words, tags, noun_phrase_end(words, tags, t + 1))
            if end == t + 1:
                end = t + 3 if t + 2 < len(words) else t + 2
            end = self._with_apposition(sentence, end)  # "Nach Angaben von Peter Beck, dem Dekan, ..."
            source = list(range(t + 1, end))
            frame = list(range(t, end))
            stwr = self._noun_stwr(sentence, t + 1, end)
        elif (
            word == "nach"
            and t > 0
            and self._report_noun(sentence.words[t - 1])
            and (t + 1 == len(words) or tags[t + 1] not in ("ART", "NN", "NE", "ADJA", "CARD", "PPOSAT", "PIAT"))
        ):
            start = noun_phrase_start(words, tags, t)
            if start == t:
                start = t - 1
            if tags[start] not in ("ART", "PPOSAT") and not words[start].endswith("n"):
                return None  # "freie Sicht nach draußen": no "seiner Ansicht nach", "Angaben nach"
            if words[start].lower() in ("meiner", "unserer"):
                return None  # "meiner Meinung nach": the speaker's own view, inside a quote
            source = list(range(start, t))
            frame = list(range(start, t + 1))
            stwr = self._noun_stwr(sentence, start, t)
        else:
            return None
        if frame and frame[0] == 0 and t == 0 and source:
            # "Laut einer Sprecherin des Ministeriums der Stadt hat ...": the fronted
            # phrase runs up to the finite verb, whatever the noun phrase rules saw
            finite = next((k for k in range(frame[-1] + 1, n) if tags[k].endswith("FIN")), None)
            if finite is not None and finite - frame[-1] <= 6 and not any(
                words[k] in (",", ":") or tags[k].startswith("V") for k in range(frame[-1] + 1, finite)
            ):
                source = list(range(source[0], finite))
                frame = list(range(0, finite))
        if frame and word != "so" and frame[-1] + 1 < n and words[frame[-1] + 1] in (",", "–", "-") and (
            frame[0] == 0 or words[frame[0] - 1] in (",", "–", "-")
        ):
            # "Nach Angaben der Sprecherin, Anna Berg, sei ...", "– laut Polizei –": the
            # punctuation that sets the source phrase off belongs to its frame
            frame = frame + [frame[-1] + 1]
            if frame[0] > 0 and words[frame[0] - 1] in ("–", "-"):
                frame = [frame[0] - 1] + frame
        message = [k for k in range(0, n) if k not in frame]
        opener = clause_start(words, tags, t)
        if opener > 0 and tags[opener] in ("PRELS", "PRELAT", "KOUS", "PWAV") and word != "so":
            # "..., der nach Angaben der Zeitung seine Kollegen beschimpfte": the source
            # vouches for the relative or subordinate clause it stands in, not the sentence
            message = [k for k in range(opener, clause_end(words, tags, t)) if k not in frame]
        if word == "so":
            message = list(range(0, t - 1))
        while message and words[message[0]] in (",", "–", "-"):
            message = message[1:]
        while message and words[message[-1]] in (",", "–", "-"):
            message = message[:-1]
        if len(message) < 3:
            return None
        if source and word == "so":
            stwr = "Writing" if self.source_kinds.is_written([words[k] for k in source]) else stwr
        elif source:
            if stwr == "SW":
                stwr = self._noun_stwr(sentence, source[0], source[-1] + 1)
            by_noun = any(self._report_noun(words[k]) for k in source)
            stwr = self.source_kinds.stwr([words[k] for k in source], [tags[k] for k in source], stwr,
                                          roles=not by_noun)
        return simple(s, [t], source, message, frame, stwr)

    def _report_noun_follows(self, sentence: TokenSentence, k: int) -> bool:
        for j in range(k, min(k + 3, len(sentence.words))):
            if self._report_noun(sentence.words[j]):
                return True
            # "nach deren Angaben", "nach Grupps Meinung": a possessive or a genitive name
            if sentence.tags[j] not in ("ADJA", "PPOSAT", "ART", "PDAT", "PIAT", "PDS", "PRELAT", "NE", ""):
                return False
        return False

    def _noun_stwr(self, sentence: TokenSentence, start: int, end: int) -> str:
        for k in range(start, end):
            stwr = self._report_noun(sentence.words[k])
            if stwr:
                return stwr
        return "SW"

    def _report_noun(self, word: str) -> str | None:
        """STWR of a report noun, also inside compounds ("Polizeiangaben", "Zeugenaussagen")."""
        nouns = self.lexicon.nouns
        if word in nouns:
            return nouns[word]
        lower = word.lower()
        for size in range(min(len(lower) - 3, 14), 4, -1):
            tail = lower[-size:]
            stwr = nouns.get(tail.capitalize())
            if stwr:
                return stwr
        return None

    # -- roles -----------------------------------------------------------------
    def _roles(
        self, sentence: TokenSentence, s: int, verb: int, entry: CueVerb
    ) -> tuple[list[Position], list[Position]]:
        words, tags = sentence.words, sentence.tags
        start = clause_start(words, tags, verb)
        cue_verb = verb
        if not tags[verb].endswith("FIN"):
            # "Biden habe ... angekündigt": the subject stands by the auxiliary
            verb = next((k for k in range(start, verb) if tags[k] in ("VAFIN", "VMFIN")), verb)
        elif tags[verb] == "VVFIN" and start < verb and tags[start] not in VERB_FINAL_OPENERS:
            # "Die Regierung hatte den Bericht als falsch zurückgewiesen": a participle the
            # tagger took for a finite verb; in a main clause the auxiliary comes first
            verb = next((k for k in range(start, verb) if tags[k] in ("VAFIN", "VMFIN")), verb)
        source: tuple[int, int] | None = None
        if start < verb and tags[start] == "PRELS" and all(tags[k] in ("ADV", "PTKNEG") for k in range(start + 1, verb)):
            source = (start, start + 1)  # "eines Hackers, der behauptet, ...": the relative pronoun speaks
        elif start < verb and tags[start] in VERB_FINAL_OPENERS or words[start].lower() == "wie":
            first = start + 1
            while first < verb - 1 and tags[first] in ("ADV", "PTKNEG"):
                first += 1  # "Wie schon die WHO sagte"
            end = noun_phrase_end(words, tags, first)
            if end > first:
                source = (first, self._with_place(sentence, end, cue_verb))  # "Wie die Bank in Rom mitteilte"
        elif start + 1 == verb and words[start].lower() in self.fronted_adverbs:
            pass  # "Weiter sagte der Journalist": the subject follows the verb
        elif start < verb:
            while start < verb - 1 and tags[start] in ("ADV", "KON", "PTKNEG"):
                start += 1  # "Auch Hassemer glaubt", "Aber Zeitungen berichteten"
            end = noun_phrase_end(words, tags, start)
            if end > start and all(tags[k] in ("ADV", "PTKNEG") for k in range(end, verb)):
                source = (start, end)
            elif end > start and tags[verb].endswith("FIN"):
                source = prefield(sentence, start, end, verb)
            if source is not None and source[0] > 1 and words[source[0] - 1] == ",":
                # "Stephen Singer, ein Klimaexperte vom WWF, erklärte" without its second
                # comma: the name before the apposition is part of the speaker
                first = 0
                while first < source[0] - 2 and tags[first] in ("ADV", "KON", "PTKNEG"):
                    first += 1
                if noun_phrase_end(words, tags, first) == source[0] - 1 and not any(
                    tags[k].endswith("FIN") or tags[k] in ("PRELS", "KOUS") for k in range(first, source[0] - 1)
                ):
                    source = (first, source[1])
            if (source is not None and tags[verb].endswith("FIN") and verb + 1 < len(words)
                    and words[verb + 1].lower() in _SUBJECT_PRONOUNS and words[source[0]].lower() not in _SUBJECT_PRONOUNS):
                # "Der Regierung warf er vor, ...": a nominative pronoun right after the
                # verb is the subject, the fronted phrase an object
                source = (verb + 1, verb + 2)
            elif (source is not None and tags[verb].endswith("FIN") and source[1] <= verb
                    and words[source[0]].lower() in _OBJECT_DETERMINERS):
                # "Den Unmut der CDU brachte die Sprecherin zum Ausdruck": a fronted phrase
                # in the accusative or dative is an object; the subject follows the verb
                source = self._subject_after(sentence, verb, cue_verb)
        if source is not None and source[1] - source[0] == 1 and tags[source[0]] == "PDS" and source[1] == verb:
            # "Das erklärte gestern ein Sprecher": the fronted "das" is what was said
            after = self._subject_after(sentence, verb, cue_verb)
            if after is not None:
                source = after
        if source is None and start < verb:
            source = coordinated_subject(sentence, verb)
        if source is None and start == verb and start > 0 and words[start - 1] == ",":
            # "Die Sprecherin der Partei, Petra Pau, forderte ..." : subject with apposition
            # ("Auch die Sprecherin ..., Petra Pau, forderte": a fronted particle is no part of it)
            first = 0
            while first < start - 1 and tags[first] in ("ADV", "KON", "PTKNEG"):
                first += 1
            end = noun_phrase_end(words, tags, first)
            if end == start - 1:
                source = (first, end)
            else:
                source = subject_before_relative(sentence, start - 1) or self._apposed_subject(sentence, start - 1)
            if (source is None and end > first and end < start - 1 and tags[end].endswith("FIN")
                    and "," not in words[end:start - 1]):
                # "Die UN bestätigten den Vorfall, teilten jedoch mit, ...": a second verb of
                # the same subject, when no subject follows it
                after = verb + 1
                while after < len(words) and tags[after] in ("ADV", "PTKNEG"):
                    after += 1
                if (after < len(words) and tags[after] in ("PTKVZ", "$,", "$.")
                        and not self._konjunktiv_clause(sentence, first, start - 1)):
                    source = (first, end)
        if source is None and not is_passive(sentence, start, verb):
            after = verb + 1
            while after < len(words) and (tags[after] in ("ADV", "PRF") or (
                words[after].lower() == "es" and after + 1 < len(words) and tags[after + 1] in ("ART", "NE", "NN", "ADJA", "PPOSAT")
            )):
                after += 1  # "sieht es die Ministerin an": the object "es" before the subject
            end = noun_phrase_end(words, tags, after)
            if end > after:
                source = (after, self._with_place(sentence, end, cue_verb))  # "kündigte die Regierung in Lomé an"
        if source is None and start == 0 and verb == 1 and words[0][:1].isupper() and tags[0] not in ("PPER", "PDS", "ART", "KON", "PWS", "PWAV", "KOUS"):
            # "Künast sagte, ...", "Gall geht davon aus": an unknown name the tagger took for
            # something else, when no subject follows the verb
            after = verb + 1
            while after < len(words) and tags[after] in ("ADV", "PROAV", "PAV", "PTKNEG", "PTKVZ", "PRF"):
                after += 1
            if (after >= len(words) or tags[after] in ("$,", "$.") or words[after] == ":") \
                    and words[0].lower() not in self.fronted_adverbs:
                source = (0, 1)
        if source is not None and (source[0] <= cue_verb < source[1] or words[source[0]].lower() == "es"):
            source = None
        passive = is_passive(sentence, start, cue_verb) or self._mistagged_passive(sentence, start, cue_verb)
        quoted_subject = passive and entry.lemma in self.quoting_verbs and source is not None and source[1] <= verb
        if passive and not quoted_subject:
            # "Ihm wird vorgeworfen, ...", "Die Männer werden beschuldigt": the subject is
            # who the report is about; the speaker is only ever the "von X" agent
            # (but "X wird von der Zeitung mit den Worten zitiert": X is the one quoted)
            found = agent(sentence, s, cue_verb)
            source = (found[0][1], found[-1][1] + 1) if found else None
        if entry.lemma in self.quoting_verbs and not quoted_subject:
            quoted_person = self._quoted_person(sentence, start, verb, cue_verb, source)
            if quoted_person is not None:
                source = quoted_person
        if source is None and (entry.particle + entry.lemma in _WRITTEN_PLACE_VERBS or is_passive(sentence, start, cue_verb)):
            # "heißt es in der Mitteilung", "geht aus dem Bericht hervor", "In einer
            # Erklärung wurde gefordert": the document speaks
            source = place_of_writing(sentence, 0 if start > 0 and words[0].lower() in ("in", "im") else start,
                                      clause_end(words, tags, cue_verb))
        if source is not None:
            source = (source[0], self._with_apposition(sentence, source[1]))
        addressee = self._addressee(sentence, verb, source, entry)
        source_positions = span(s, *source) if source else []
        return source_positions, [(s, k) for k in addressee]

    @staticmethod
    def _apposed_subject(sentence: TokenSentence, comma: int) -> tuple[int, int] | None:
        """"Die Regierungsparteien in Pakistan, die PPP und die PML-N, hatten erklärt",
        "Wie die Premierministerin von Queensland, Anna Bligh, erklärte": the verbless
        segments before the verb, back to the clause opener, are one subject with its
        apposition."""
        words, tags = sentence.words, sentence.tags
        first = comma
        while True:
            begin = clause_start(words, tags, first)
            if any(tags[k].endswith("FIN") or tags[k] in ("PRELS", "PRELAT", "KOUS") for k in range(begin, first)):
                return None  # a clause of its own, not an apposition
            first = begin
            if first < 2 or words[first - 1] != "," or tags[first] in ("PWAV",) or words[first].lower() == "wie":
                break
            first -= 1  # the comma before this segment: look at the one before
        if first > 0 and words[first - 1] not in (",", ":", ";"):
            return None
        if tags[first] in VERB_FINAL_OPENERS or words[first].lower() == "wie":
            first += 1
        while first < comma and tags[first] in ("ADV", "KON", "PTKNEG"):
            first += 1
        if noun_phrase_end(words, tags, first) <= first or first >= comma:
            return None
        return (first, comma)

    def _participle_like(self, word: str) -> bool:
        """"zurückgewiesen", "gefordert", "erklärt" could be participles; "sagte", "gab" cannot."""
        lower = word.lower()
        if lower.startswith("ge") or any(lower.startswith(p + "ge") for p in self.separable_prefixes):
            return True
        return lower.endswith("t") and not lower.endswith(("te", "tet"))

    def _mistagged_participle(self, sentence: TokenSentence, t: int) -> bool:
        """"hat Deutschland Versagen vorgeworfen" with the participle tagged as an
        infinitive: a "ge" form after "haben", "sein" or "werden" in its clause."""
        word = sentence.words[t].lower()
        if not (word.startswith("ge") or any(word.startswith(p + "ge") for p in self.separable_prefixes)):
            return False
        start = clause_start(sentence.words, sentence.tags, t)
        return any(sentence.tags[k] == "VAFIN" for k in range(start, t))

    def _mistagged_passive(self, sentence: TokenSentence, start: int, verb: int) -> bool:
        """"wird vorgeworfen" with the participle tagged as a full verb: a "ge" after a
        separable prefix ("vor-ge-worfen") and "werden" in the clause."""
        word = sentence.words[verb].lower()
        if sentence.tags[verb] not in ("VVINF", "VVFIN") or not word.endswith(("en", "t")):
            return False
        # "gefordert" but not "gewinnen" ("wird gewinnen" is future tense)
        participle = (word.startswith("ge") and word.endswith("t")) or any(
            word.startswith(prefix + "ge") for prefix in self.separable_prefixes
        )
        return participle and any(sentence.lemmas[k] == "werden" for k in range(start, verb))

    def _with_place(self, sentence: TokenSentence, end: int, cue_verb: int) -> int:
        """A speaker's attribute of place or origin that closes its clause belongs to it:
        "die Regierung in Lomé", "Dr. Dittrich aus dem Forscherteam", "die Organisation in
        Bonn" (but not "der Minister in Wien nach der Sitzung")."""
        words, tags = sentence.words, sentence.tags
        if end + 1 >= len(words) or words[end].lower() not in _PLACE_PREPOSITIONS or tags[end - 1] in ("PPER", "PDS", "PIS"):
            return end
        after = noun_phrase_end(words, tags, end + 1)
        if after == end + 1:
            return end
        if words[end].lower() in ("in", "im"):
            # a place by its name after an institution ("die Regierung in Lomé"), not after a
            # person ("sagte Seibert in Berlin") nor an occasion ("in einem Interview")
            if tags[end - 1] not in ("NN", "NE") or tags[end + 1] != "NE" or after != end + 2:
                return end
            if tags[end - 1] == "NE" and not self._named_with_article(sentence, end - 1):
                return end  # a person ("Seibert in Berlin"); a name with its article is a body
            if tags[end - 1] == "NN" and not words[end - 1].lower().endswith(self.institution_endings):
                return end
        elif tags[end + 1] not in ("ART", "NE", "NN"):
            return end
        if after >= len(words) or after == cue_verb or words[after] in (",", ".", ":", "!", "?", ";") or (
            tags[after] == "PTKVZ" and (after + 1 == len(words) or tags[after + 1] in ("$.", "$,"))
        ) or (after < cue_verb and all(tags[k] in ("PTKVZ", "ADJD", "VVPP", "VAPP") for k in range(after, cue_verb))):
            return after
        return end

    @staticmethod
    def _named_with_article(sentence: TokenSentence, name: int) -> bool:
        """"die Banca d'Italia", "die UNO": a name after a definite article names a body."""
        k = name
        while k > 0 and sentence.tags[k - 1] in ("NE", "ADJA"):
            k -= 1
        return k > 0 and sentence.words[k - 1].lower() in ("die", "der", "das", "dem", "den", "des")

    @staticmethod
    def _with_apposition(sentence: TokenSentence, end: int) -> int:
        """"sagte Mark O'Keefe, der Sprecher der Ambulanz.", "so Frank Karl, Leiter der
        Abteilung bei der FES": an apposition after a name, up to the end of the sentence
        or to the comma before the verb, belongs to the speaker (not a relative clause)."""
        words, tags = sentence.words, sentence.tags
        n = content_end(words)
        if end + 1 >= n or words[end] != "," or tags[end - 1] != "NE":
            return end
        k = end + 1
        # "dem Dekan" (the tagger may read the article as a relative pronoun)
        opener = tags[k] in ("ART", "ADJA", "NN", "PPOSAT") or (tags[k] == "PRELS" and tags[k + 1] in ("NN", "NE", "ADJA"))
        if not opener:
            return end
        close = k
        while close < n and words[close] != "," and words[close].lower() != "am":  # not "am Montag"
            if tags[close].endswith("FIN") or (tags[close] == "PRELS" and close > k) or tags[close] in ("VVPP", "VVINF", "KOUS", "$("):
                return end  # a clause or a quote, not an apposition
            close += 1
        if close == k or (noun_phrase_end(words, tags, k) == k and tags[k] != "PRELS"):
            return end
        if close == n or words[close].lower() == "am" or (close + 1 < len(words) and tags[close + 1].endswith("FIN")):
            return close  # to the sentence end, or to the comma before the verb
        return end

    def _subject_after(self, sentence: TokenSentence, verb: int, cue_verb: int) -> tuple[int, int] | None:
        words, tags = sentence.words, sentence.tags
        after = verb + 1
        while after < len(words) and tags[after] in ("ADV", "PRF"):
            after += 1
        end = noun_phrase_end(words, tags, after)
        if end > after and tags[after] not in ("PPER", "PDS", "PIS") or (end > after and words[after].lower() in ("er", "sie")):
            end = self._with_place(sentence, end, cue_verb)  # "Das bestätigte die Organisation in Bonn."
            return (after, end) if not (after <= cue_verb < end) else None
        return None

    def _quoted_person(
        self, sentence: TokenSentence, start: int, verb: int, cue_verb: int, subject: tuple[int, int] | None
    ) -> tuple[int, int] | None:
        """"zitierte Papandreou mit den Worten", "wird Panetta zitiert": the object speaks."""
        words, tags = sentence.words, sentence.tags
        k = verb + 1
        if subject is not None and subject[0] == k:
            k = subject[1]
        if is_passive(sentence, start, cue_verb):
            k = verb + 1
        while k < len(words) and tags[k] in ("ADV", "PTKNEG"):
            k += 1
        end = noun_phrase_end(words, tags, k)
        return (k, end) if end > k else None

    def _addressee(
        self, sentence: TokenSentence, verb: int, source: tuple[int, int] | None, entry: CueVerb
    ) -> list[int]:
        words, tags = sentence.words, sentence.tags
        end = clause_end(words, tags, verb)
        begin = clause_start(words, tags, verb)
        for k in range(begin, end):
            lower = words[k].lower()
            # "gegenüber der Zeitung", "in einem Interview mit dem Sender"
            if lower == "gegenüber" or (lower == "mit" and k > 0 and words[k - 1] in self.interview_nouns):
                np_end = noun_phrase_end(words, tags, k + 1)
                if np_end > k + 1:
                    return list(range(k + 1, np_end))
            if lower == "vor":  # "sagte vor Journalisten", "vor der Presse"
                np_end = noun_phrase_end(words, tags, k + 1)
                if np_end > k + 1 and words[np_end - 1].lower().endswith(self.audience_nouns):
                    return list(range(k + 1, np_end))
        for k in self._speaker_stretch(sentence, begin, end):
            # "sagte der Koordinator, Anna Berg, gegenüber der BBC, dass": the clause was cut
            # short by the speaker's apposition; "Gegenüber der Zeitung sagte X:" before it
            if words[k].lower() == "gegenüber" and tags[k] == "APPR":
                np_end = noun_phrase_end(words, tags, k + 1)
                if np_end > k + 1:
                    return list(range(k + 1, np_end))
        if not entry.addressee_case:
            return []
        if is_passive(sentence, begin, verb) or (tags[verb] == "VAFIN" and sentence.lemmas[verb] == "werden"):
            # "Ihm wird vorgeworfen", "Die Männer werden beschuldigt": the addressee leads
            np_end = noun_phrase_end(words, tags, begin)
            return list(range(begin, np_end)) if np_end > begin else []
        k = verb + 1
        while k < end and tags[k] in ("ADV", "PRF", "PTKNEG"):
            k += 1
        if source and source[0] <= k < source[1]:
            k = source[1]
        while k < end and tags[k] in ("ADV", "PRF", "PTKNEG"):
            k += 1
        while (entry.addressee_case == "dative" and k < end and tags[k] in ("APPR", "APPRART")
               and words[k].lower() not in ("zu", "zum", "zur", "von", "vom")):
            # "hat in einem Brief den Abgeordneten mitgeteilt": a phrase of time, place or
            # manner before the dative object
            after = noun_phrase_end(words, tags, k + 1)
            if after == k + 1:
                break
            k = after
            while k < end and tags[k] in ("ADV", "PRF", "PTKNEG"):
                k += 1
        if k >= end:
            return []
        np_end = noun_phrase_end(words, tags, k)
        if np_end == k:
            return []
        lower = words[k].lower()
        subject_first = source is None or source[1] <= verb
        if entry.addressee_case == "accusative":
            return list(range(k, np_end))
        # "wirft die OSZE der Wahlkommission vor": right after a subject that follows the
        # verb, "der" opens the dative object
        dative = lower in DATIVE_STARTS and (subject_first or lower != "der" or (source is not None and k == source[1]))
        pronoun_subject = source is not None and source[1] - source[0] == 1 and tags[source[0]] == "PPER"
        # "erklärte er Reportern": after a pronoun subject a bare plural is the dative
        bare_plural = tags[k] == "NN" and np_end == k + 1 and words[k].endswith("n") and (subject_first or pronoun_subject)
        if dative or bare_plural or (tags[k] == "NE" and entry.lemma in ("vorwerfen", "werfen", "drohen", "androhen")):
            return list(range(k, np_end))
        return []

    @staticmethod
    def _speaker_stretch(sentence: TokenSentence, begin: int, end: int) -> range:
        """The cue clause widened over the commas of appositions: back to the sentence
        start when only commas of noun phrases stand before it, on to the next comma
        that opens a clause (", dass", ", er sei")."""
        words, tags = sentence.words, sentence.tags
        start = begin
        while start > 0 and words[start - 1] == "," and not any(
            tags[k].endswith("FIN") for k in range(0, start - 1)
        ):
            start = 0
        stop = end
        while stop < len(words) and words[stop] == "," and stop + 1 < len(words) and (
            tags[stop + 1] in ("NN", "NE", "ART", "APPR", "ADJA")
        ):
            nxt = next((k for k in range(stop + 1, len(words)) if words[k] in (",", ":", ".")), len(words))
            if any(tags[k].endswith("FIN") for k in range(stop + 1, nxt)):
                break
            stop = nxt
        return range(start, stop)

    # -- continuation over following sentences ----------------------------------
    def _continuations(
        self,
        sentences: Sequence[TokenSentence],
        results: list[Attribution],
        quoted: set[Position],
    ) -> list[Attribution]:
        """Konjunktiv sentences without a cue go on reporting the last speaker;
        cue-less quotes are the last speaker's too."""
        by_sentence: dict[int, list[Attribution]] = {}
        for attribution in results:
            for s in attribution.sentences:
                by_sentence.setdefault(s, []).append(attribution)
        output = list(results)
        previous: Attribution | None = None
        current: Attribution | None = None
        for s, sentence in enumerate(sentences):
            if previous is not None and (
                sentence.paragraph != sentences[previous.sentences[-1]].paragraph
                or s - previous.sentences[-1] > _NEAR
            ):
                previous = None
            here = by_sentence.get(s)
            if here:
                for attribution in here:
                    if attribution.form == "Direct" and not attribution.cue and not attribution.source:
                        giver = previous
                        if giver is None and min(attribution.message)[1] == 0 and s > 0:
                            # "Khan verurteilte die Haltung der Regierung. „Diese Regierung ...“":
                            # a quote that opens the sentence after a speech act is its subject's
                            giver = self._subject_of(sentences, s - 1, speakers=True)
                            if giver is not None and not self._speaks_in(sentences[s - 1], giver.source):
                                giver = None
                        if giver is not None:
                            attribution.source, attribution.stwr = list(giver.source), giver.stwr
                if previous and self._embedded(sentence, s, here, quoted):
                    parent = self._continuation(s, sentence, previous)
                    parent.has_nested = True
                    for attribution in here:
                        attribution.is_nested = True
                    output.append(parent)
                    current = None
                    continue
                with_source = [a for a in here if a.source and not a.is_nested]
                previous = with_source[-1] if with_source else (previous if here[-1].form == "Direct" else here[-1])
                current = None
                continue
            hearsay = self._is_hearsay(sentence, s, quoted)
            if hearsay or self._has_sollen(sentence, s, quoted):
                # "Er soll ... geholfen haben", "Die Schulen sollen ... erhalten": the
                # reporter passes on a claim or plan of the last speaker
                giver = previous or (self._subject_of(sentences, s - 1) if hearsay or self._plans(sentences, s - 1) else None)
                if hearsay or (giver is not None and giver.source):
                    last = output[-1] if output else None
                    if last is not None and last.form == "FreeIndirect" and last.sentences[-1] == s - 1:
                        last.message.extend(span(s, 0, len(sentence.words)))  # the claim goes on
                    else:
                        output.append(
                            Attribution(
                                message=span(s, 0, len(sentence.words)),
                                form="FreeIndirect",
                                stwr=giver.stwr if giver else "SW",
                                source=list(giver.source) if giver else [],
                            )
                        )
                    current = None
                    continue
            if previous is None and self._mood(sentence, s, quoted) == "I":
                # Konjunktiv I reports even without a cue nearby: the subject of the
                # sentence before, or the last speaker, said it
                previous = self._subject_of(sentences, s - 1, speakers=True) or next(
                    (a for a in reversed(output) if a.source and not a.is_nested
                     and a.sentences and 0 < s - a.sentences[-1] <= _FAR), None)
                if previous is None:
                    current = Attribution(message=[], form="IndirectFreeIndirect", stwr="Speech")
                    current.message.extend(span(s, 0, len(sentence.words)))
                    output.append(current)
                    previous = current
                    continue
                current = None
            elif previous is None and self._mood(sentence, s, quoted) == "II":
                # "Der Wetterdienst warnte vor Sturm. Es könnten Böen auftreten.": right after
                # a speech act, Konjunktiv II goes on reporting it (not a condition of the writer)
                giver = self._subject_of(sentences, s - 1, speakers=True)
                if giver is not None and self._speaks_in(sentences[s - 1], giver.source):
                    previous = giver
            if previous is None or not self._reports_on(sentence, s, quoted):
                previous = current = None
                continue
            if self._mood(sentence, s, quoted) == "II" and previous.sentences[-1] != s - 1:
                previous = current = None  # "könnte", "würde": conditional unless right after a report
                continue
            if current is None:
                current = self._continuation(s, sentence, previous)
                output.append(current)
                previous = current
            else:
                current.message.extend(span(s, 0, len(sentence.words)))
        return output

    def _subject_of(self, sentences: Sequence[TokenSentence], s: int, speakers: bool = False) -> Attribution | None:
        """"Staatspräsident Parwanow ist besorgt. Der Konflikt sei ...": a named subject
        of the sentence before speaks on; with ``speakers``, so does a subject that names
        a speaker or a document ("Der Wetterdienst warnte vor Sturm. Es könne ...")."""
        if s < 0:
            return None
        sentence = sentences[s]
        finite = next((k for k, tag in enumerate(sentence.tags) if tag.endswith("FIN")), None)
        if finite is None:
            return None
        source, _ = self._roles(sentence, s, finite, CueVerb("", "", "Speech", False))
        if not source:
            return None
        if not any(sentence.tags[t] == "NE" for _, t in source) and not (
            speakers and self._speaks_in(sentence, source)
        ):
            return None
        return Attribution(message=span(s, 0, len(sentence.words)), form="", stwr="Speech", source=source)

    def _plans(self, sentences: Sequence[TokenSentence], s: int) -> bool:
        """"Tesla will die Märkte erobern. Das Rennen soll ... genutzt werden.": after a
        sentence that states a plan or a speech act of its subject, "soll" passes that
        plan on; after a plain fact ("Apple präsentierte den iPod. Er soll ...") it may
        be the writer's own statement of purpose."""
        if s < 0:
            return False
        sentence = sentences[s]
        for k, tag in enumerate(sentence.tags):
            if tag.endswith("FIN") and sentence.lemmas[k] in _PLAN_VERBS:
                return True
        return any(tag in ("VVFIN", "VVPP") and self._verb_at(sentence, k) is not None
                   for k, tag in enumerate(sentence.tags))

    def _speaks_in(self, sentence: TokenSentence, source: list[Position]) -> bool:
        """"Der Wetterdienst warnte vor Sturm.", "Der Minister wies die Kritik zurück.": a
        subject that is no pronoun, with a speech verb that reports no clause of its own."""
        if any(sentence.tags[t] in ("PPER", "PDS", "PRELS", "PIS") for _, t in source):
            return False  # a pronoun: the speaker named before is the better source
        return any(
            tag in ("VVFIN", "VVPP") and self._verb_at(sentence, k) is not None
            for k, tag in enumerate(sentence.tags)
        )

    def _continuation(self, s: int, sentence: TokenSentence, previous: Attribution) -> Attribution:
        return Attribution(
            message=span(s, 0, len(sentence.words)),
            form="IndirectFreeIndirect",
            stwr=previous.stwr,
            source=list(previous.source),
            carried_cue=list(previous.cue or previous.carried_cue),
            carried_frame=list(previous.frame if previous.cue else previous.carried_frame),
        )

    def _embedded(
        self, sentence: TokenSentence, s: int, here: list[Attribution], quoted: set[Position]
    ) -> bool:
        """A Konjunktiv sentence whose own reports are part of the last speaker's:
        "Biden habe angekündigt, ..." or "Der Präsident stehe dazu, «dass ...»"."""
        if not self._reports_on(sentence, s, quoted):
            return False
        for attribution in here:
            if attribution.form == "Direct" and not attribution.cue:
                if len(attribution.message) >= content_end(sentence.words) - 1:
                    return False  # the quote is the whole sentence
                continue
            if attribution.form != "Indirect" or not any(
                sentence.tags[t].endswith("FIN") and is_konjunktiv(sentence.words[t], sentence.tags[t], sentence.lemmas[t], self.lexicon)
                for _, t in attribution.cue
            ):
                return False
        return True

    def _has_sollen(self, sentence: TokenSentence, s: int, quoted: set[Position]) -> bool:
        """"soll(en)" as the main verb of the sentence ("Die Schulen sollen ... erhalten"),
        not in a relative clause ("ein Projekt, das privat finanziert werden soll")."""
        finite = next((k for k, tag in enumerate(sentence.tags) if tag.endswith("FIN") and (s, k) not in quoted), None)
        return (
            finite is not None
            and sentence.words[finite].lower() in ("soll", "sollen")
            and sentence.tags[clause_start(sentence.words, sentence.tags, finite)] not in VERB_FINAL_OPENERS
        )

    def _is_hearsay(self, sentence: TokenSentence, s: int, quoted: set[Position]) -> bool:
        """"soll(en)" with a perfect infinitive: "Er soll das Geld genommen haben"."""
        words = sentence.words
        for k, word in enumerate(words):
            if word.lower() in ("soll", "sollen") and (s, k) not in quoted:
                end = content_end(words)
                return end > 1 and words[end - 1].lower() in ("haben", "sein") and sentence.tags[end - 2] in ("VVPP", "VAPP")
        return False

    def _mood(self, sentence: TokenSentence, s: int, quoted: set[Position]) -> str | None:
        """The strongest Konjunktiv among the finite verbs outside quotes."""
        if first_person(sentence, s, quoted):
            return None
        moods = {
            konjunktiv_mood(sentence.words[k], tag, sentence.lemmas[k], self.lexicon)
            for k, tag in enumerate(sentence.tags)
            if tag.endswith("FIN") and (s, k) not in quoted
        }
        return "I" if "I" in moods else "II" if "II" in moods else None

    def _reports_on(self, sentence: TokenSentence, s: int, quoted: set[Position]) -> bool:
        """A sentence in Konjunktiv (main clause) goes on reporting the last speaker."""
        if first_person(sentence, s, quoted):
            return False  # "ich habe", "wir stehe": an interview, not a report
        for k, tag in enumerate(sentence.tags):
            if (s, k) in quoted:
                continue
            if tag.endswith("FIN"):
                return is_konjunktiv(sentence.words[k], tag, sentence.lemmas[k], self.lexicon)
        return False

    # -- quoted phrases inside reports (the mixed case) ------------------------------
    def _nested_phrases(
        self, sentences: Sequence[TokenSentence], results: list[Attribution], quotes: Sequence[QuotedSpan]
    ) -> list[Attribution]:
        nested: list[Attribution] = []
        for quote in quotes:
            if not (is_phrase(sentences, quote) or self._noun_phrase_quote(sentences, quote)):
                continue
            positions = quote_positions(sentences, quote)
            for parent in results:
                if parent.form == "Direct" or not set(positions) <= set(parent.message):
                    continue
                parent.has_nested = True
                nested.append(
                    Attribution(
                        message=positions,
                        form="Direct",
                        stwr=parent.stwr,
                        cue=list(parent.cue or parent.carried_cue),  # "Er kritisierte X. Es sei «...»"
                        source=list(parent.source),
                        addressee=list(parent.addressee),
                        frame=list(parent.frame if parent.cue else parent.carried_frame),
                        is_nested=True,
                    )
                )
                break
        return nested
