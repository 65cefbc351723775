"""What kind of source a report is attributed to: written, a person, or unknown.

The STWR of "laut X", "X zufolge", "nach Angaben X" follows X, not the
preposition: "laut einer Studie" is Writing, "laut Klinikdirektor Matthias
Beckmann" is Speech, "laut Polizei" stays SW (it may have spoken or
written).  Written sources are data: ``lang/de/speech/written_sources.txt``.
"""

from __future__ import annotations

from typing import Sequence

from ..lang import resource_lines

_DOMAIN_ENDINGS = (".de", ".net", ".com", ".org", ".at", ".ch", ".eu", ".info")


class SourceKinds:
    def __init__(self, lang: str = "de") -> None:
        self.written = tuple(resource_lines(lang, "speech/written_sources.txt"))

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

    def stwr(self, words: Sequence[str], tags: Sequence[str], default: str) -> str:
        if default != "SW":
            return default  # a report noun already said: "Zeugenaussagen", "Meinung"
        if self.is_written(words):
            return "Writing"
        if self.is_named_person(words, tags):
            return "Speech"
        return default
