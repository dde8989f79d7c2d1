"""Reading level of English text: Flesch-Kincaid grade, with syllables counted by Pyphen.

A small, dependency-light measure for the benchmark (no corpus download): it is a guide for
writers aiming at a US grade 6–8 level, not a precise measurement.
"""

from __future__ import annotations

import re

import pyphen

_DIC = pyphen.Pyphen(lang="en_US")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")


def syllables(word: str) -> int:
    """Syllables in one word (hyphenation points + 1; at least 1)."""
    word = word.strip("'’-").lower()
    if not word:
        return 0
    return max(1, len(_DIC.positions(word)) + 1)


def fk_grade(text: str) -> tuple[float, int, int]:
    """(Flesch-Kincaid grade, words, sentences) of a text."""
    words = _WORD.findall(text)
    sentences = max(1, len(_SENTENCE_END.findall(text)))
    if not words:
        return 0.0, 0, sentences
    syl = sum(syllables(w) for w in words)
    grade = 0.39 * (len(words) / sentences) + 11.8 * (syl / len(words)) - 15.59
    return round(grade, 1), len(words), sentences
