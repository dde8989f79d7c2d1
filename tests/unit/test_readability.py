"""The reading-level measure behaves sensibly (it is reported by the benchmark)."""

from macros.readability import fk_grade, syllables


def test_syllables():
    assert syllables("tax") == 1
    assert syllables("information") >= 3


def test_simple_text_scores_lower_than_legal_text():
    simple, _, _ = fk_grade("You pay tax. The law keeps it safe. Ask for help.")
    legal, _, _ = fk_grade("Notwithstanding any other provision, returns and return information "
                           "shall be confidential except as authorized by this title.")
    assert simple < 4 < legal
