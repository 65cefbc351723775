"""chronik.word_cache: bounded word caches that are emptied, not evicted."""

import pytest

from chronik.word_cache import word_cache


def test_repeated_words_are_answered_from_the_cache():
    calls = []

    @word_cache(10)
    def lemma(word: str) -> str:
        calls.append(word)
        return word.rstrip("n")

    assert [lemma(w) for w in ("Verhandlungen", "Verhandlungen", "Gesprächen", "Verhandlungen")] == [
        "Verhandlunge", "Verhandlunge", "Gespräche", "Verhandlunge"]
    assert calls == ["Verhandlungen", "Gesprächen"]


def test_a_full_cache_is_emptied_and_never_holds_more_than_its_bound():
    @word_cache(3)
    def upper(word: str) -> str:
        return word.upper()

    sizes = []
    for word in ("Kreml", "Moskau", "Kiew", "Genf", "Kreml", "Washington", "Berlin"):
        assert upper(word) == word.upper()
        sizes.append(upper.cache_info().currsize)
    assert max(sizes) == 3
    # "Genf" found the cache full: it was emptied and started again
    assert sizes == [1, 2, 3, 1, 2, 3, 1]


def test_methods_and_several_arguments_are_cached_per_instance():
    class Lexicon:
        def __init__(self, ending: str) -> None:
            self.ending = ending
            self.candidates = word_cache(100)(self._candidates)

        def _candidates(self, word: str, lemma: str) -> tuple[str, ...]:
            return (lemma, word + self.ending)

    first, second = Lexicon("e"), Lexicon("en")
    assert first.candidates("sagt", "sagen") == ("sagen", "sagte")
    assert second.candidates("sagt", "sagen") == ("sagen", "sagten")
    assert first.candidates.cache_info().currsize == 1


def test_a_cache_needs_room_for_one_entry():
    with pytest.raises(ValueError, match="at least one entry"):
        word_cache(0)
