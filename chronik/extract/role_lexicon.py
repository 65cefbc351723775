"""Role nouns ("Präsident", "Sicherheitsberater", "Kremlsprecher") from roles.tsv.

Shared by the roles layer and the entity layer (which keeps a leading
title such as "Ex-Kanzler" out of a person's name).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang import resource_table
from ..word_cache import word_cache

# Inflection endings a role noun may carry ("Präsident|en", "Minister|s").
NOUN_ENDINGS = ("", "en", "n", "s", "es", "e", "innen")
MIN_ROLE_SUFFIX = 4  # "chef" is the shortest role ending matched inside compounds


@dataclass(frozen=True, slots=True)
class RoleWord:
    lemma: str  # "Präsident", "Sicherheitsberater"
    of_prefix: str  # "US" in "US-Präsident", "Kreml" in "Kremlsprecher", else ""
    feminine: bool


class RoleLexicon:
    """Role nouns from roles.tsv; recognises inflected forms and compounds."""

    def __init__(self, lang: str = "de") -> None:
        self.forms: dict[str, bool] = {}  # lower-case form -> is feminine
        for row in resource_table(lang, "roles.tsv"):
            self.forms.setdefault(row[0].lower(), False)
            if len(row) > 1 and row[1]:
                self.forms.setdefault(row[1].lower(), True)
        self.role_word = word_cache(100_000)(self._role_word)

    def _role_word(self, word: str) -> RoleWord | None:
        if not word[:1].isupper() or len(word) > 60:
            return None
        prefix, _, head = word.rpartition("-")
        if head[:1].islower() or not head:
            return None
        lower = head.lower()
        for ending in NOUN_ENDINGS:
            if ending and not lower.endswith(ending):
                continue
            base = lower[: len(lower) - len(ending)] if ending else lower
            for cut in range(0, len(base) - MIN_ROLE_SUFFIX + 1):
                suffix = base[cut:]
                if suffix in self.forms:
                    lemma = head[: len(base)]
                    compound_prefix = head[:cut] if cut else ""
                    return RoleWord(lemma, prefix or compound_prefix, self.forms[suffix])
        return None


@lru_cache(maxsize=None)
def role_lexicon(lang: str = "de") -> RoleLexicon:
    """The role nouns of a language, loaded once per process: the layers
    that read them share one table and one word cache."""
    return RoleLexicon(lang)
