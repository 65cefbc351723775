"""What kind of source a report is attributed to: written, a person, or unknown.

The STWR of "laut X", "X zufolge", "nach Angaben X" follows X, not the
preposition: "laut einer Studie" is Writing, "laut Klinikdirektor Matthias
Beckmann" is Speech, "laut Polizei" stays SW (it may have spoken or
written).  Written sources are data: ``lang/de/speech/written_sources.txt``.
"""

from __future__ import annotations

from typing import Sequence

from ..lang import resource_lines, resource_table

_DOMAIN_ENDINGS = (".de", ".net", ".com", ".org", ".at", ".ch", ".eu", ".info")


class SourceKinds:
    def __init__(self, lang: str = "de") -> None:
        self.written = tuple(resource_lines(lang, "speech/written_sources.txt"))
        self.broadcasters = tuple(resource_lines(lang, "speech/broadcast_sources.txt"))
        roles = {form.lower() for row in resource_table(lang, "roles.tsv") for form in row[:2] if form}
        self.persons = tuple(sorted(roles | set(resource_lines(lang, "speech/person_nouns.txt"))))

    def is_broadcaster(self, words: Sequence[str]) -> bool:
        """Television or radio among the words: what they report was spoken."""
        return any(stem in word.lower() for word in words for stem in self.broadcasters)

    def is_person_role(self, words: Sequence[str]) -> bool:
        """A person by role among the words: "einer Sprecherin der Staatsanwaltschaft",
        "Angaben eines Mitarbeiters" (but not "Staatsanwaltschaft" itself)."""
        for word in words:
            lower = word.lower()
            for ending in ("", "s", "n", "en", "in", "innen"):
                if ending and not lower.endswith(ending):
                    continue
                stem = lower[: len(lower) - len(ending)] if ending else lower
                if stem.endswith(self.persons):
                    return True
        return False

    def is_written(self, words: Sequence[str]) -> bool:
        """A newspaper, agency, study, report or web site among the words."""
        for word in words:
            lower = word.lower()
            if lower.endswith(_DOMAIN_ENDINGS) and "." in lower[:-2]:
                return True  # "ndr.de", "faz.net"
            if any(lower.endswith(noun) or lower.endswith(noun + "en") or lower.endswith(noun + "s")
                   or lower.endswith(noun + "e") or lower.endswith(noun + "n") for noun in self.written):
                return True
        return False

    @staticmethod
    def is_named_person(words: Sequence[str], tags: Sequence[str]) -> bool:
        """First and last name at the end of the source ("Donald Terry")."""
        return len(tags) >= 2 and tags[-1] == "NE" and tags[-2] == "NE" and words[-2][:1].isupper()

    def stwr(self, words: Sequence[str], tags: Sequence[str], default: str, roles: bool = False) -> str:
        """``roles``: a person named by role ("laut einem Sprecher") also speaks; behind a
        report noun ("nach Angaben des Leiters") the report may be written as well."""
        if default in ("SW", "Writing") and self.is_broadcaster(words):
            return "Speech"  # "nach einem Bericht des Bayerischen Rundfunks"
        if default != "SW":
            return default  # a report noun already said: "Zeugenaussagen", "Meinung"
        if self.is_written(words):
            return "Writing"
        if self.is_named_person(words, tags) or (roles and self.is_person_role(words)):
            return "Speech"
        return default
