"""Bad input stops `python -m macros check` with the file, the line and what was expected.

Each case breaks one thing in a copy of the small fixture data set (tests/fixtures/mini), never
in the production data, so a content edit cannot break these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.errors import DataError
from macros.load import load_site
from macros.site import Site


def check(root: Path) -> None:
    """What `python -m macros check` does with the data: load it and compile both tools."""
    site = Site.load(root)
    assert site.tree and site.checklists is not None


def edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / "data" / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (file, exact text in the fixture, replacement, expected message, line of the problem or None)
CASES = [
    # --- shape and types -------------------------------------------------------------------
    ("exceptions.yml", "        scope: one-taxpayer\n        verdict: allowed\n",
     "        verdict: allowed\n", "scope: field required", None),
    ("exceptions.yml", "    redisclosure: Only for the case.", "    redisclosur: Only for the case.",
     "redisclosur: unknown key", None),
    ("site.yml", "as_of: 2026-06-09", "as_of: 2026-02-30", "not a real date", 3),
    ("site.yml", "as_of: 2026-06-09", "as_of: June 9", "YYYY-MM-DD", 3),
    ("sources.yml", "url: https://example.org/news/one", "url: http://example.org/news/one",
     "must be an https:// URL", None),
    ("sources.yml", "    kind: news", "    kind: blog", "must be one of", None),
    ("exceptions.yml", "  - id: x-6103-i-3\n", "  - id: X_6103\n",
     "does not match the expected form", None),
    ("exceptions.yml", "    citation: \"26 U.S.C. § 6103(c)\"\n",
     "    citation: \"26 U.S.C. § 6103(c)\"\n    citation: again\n", "duplicate key", None),
    ("exceptions.yml", "    subsection: c\n", "    subsection: c\n  bad: [\n", "invalid YAML",
     None),
    ("faq.yml", "question: Can ICE", "question: TODO Can ICE", "placeholder text", None),
    ("faq.yml", "    audience: [community]", "    audience: []", "audience", None),
    ("help.yml", "number: 800-555-0100", "number: call us", "does not match the expected form",
     None),
    # --- references between files -------------------------------------------------------------
    ("faq.yml", "sources: [statute-6103]", "sources: [no-such-source]",
     "unknown id 'no-such-source' (not in data/sources.yml)", None),
    ("exceptions.yml", "        recipients: [dhs-ice]\n        purposes: [nontax-criminal-investigation]\n        needs: written-request",
     "        recipients: [dhs-ise]\n        purposes: [nontax-criminal-investigation]\n        needs: written-request",
     "unknown id 'dhs-ise' (not in data/recipients.yml)", None),
    ("exceptions.yml", "        needs: written-request", "        needs: a-warrant",
     "unknown id 'a-warrant' (not in data/authorities.yml)", None),
    ("exceptions.yml", "        recipients: [any]", "        recipients: [any, dhs-ice]",
     "'any' must be the only entry", None),
    ("exceptions.yml", "      - id: i-3-a", "      - id: i-2", "duplicate route id 'i-2'", None),
    ("exceptions.yml", "        paragraph: \"(i)(3)(A)\"", "        paragraph: \"(i)(3)(Z)\"",
     "§ 6103(i)(3)(Z) is not a paragraph of the vendored statute", None),
    ("exceptions.yml", "        rulings: [appeals-2026]", "        rulings: [appeals-2027]",
     "unknown id 'appeals-2027' (not in the court readings of x-6103-i-2)", None),
    ("exceptions.yml", "        case: mini-case", "        case: other-case",
     "unknown case id 'other-case'", None),
    ("exceptions.yml", "        when: if the head of the agency asks in writing",
     "        when: if the head of the agency asks in writing.", "must not end with a full stop",
     None),
    ("authorities.yml", "    label: Your own signed consent\n    includes: [nothing]",
     "    label: Your own signed consent\n    includes: [written-request]", None, None),
    ("authorities.yml", "    label: A written request from a named official\n    includes: [nothing]",
     "    label: A written request from a named official\n    includes: [taxpayer-consent]",
     None, None),
    ("authorities.yml", "  - id: nothing\n    label: None of these",
     "  - id: nothing\n    label: None of these\n    includes: [written-request]",
     "must not form a cycle", None),
    ("authorities.yml", "  - id: nothing\n", "  - id: dont-know\n",
     "'dont-know' is reserved", None),
    ("cases/mini-case.yml", "    latest_event: filed", "    latest_event: decided",
     "unknown event id 'decided'", None),
    ("help.yml", "    url: https://example.org/clinic",
     "    url: https://example.org/clinic\n    localized_urls:\n      xx: https://example.org/xx",
     "unknown locale 'xx'", None),
    ("tools.yml", "      recipients: [any]", "      recipients: [anyone]",
     "unknown id 'anyone' (not in data/recipients.yml)", None),
    ("tools.yml", "  exceptions: [x-6103-i-2]", "  exceptions: [x-6103-i-3]",
     "each of its conditions needs a 'stage'", None),
    # --- the statute's words ------------------------------------------------------------------
    ("statute.yml", "      text: \"his mailing address, his taxpayer identifying number\"",
     "      text: \"his home address, his taxpayer identifying number\"",
     "quote not found word for word in (b)(6)", None),
    ("statute.yml", "      paragraph: \"(b)(6)\"", "      paragraph: \"(b)(2)\"",
     "quote not found word for word in (b)(2)", None),
    ("statute.yml", "      paragraph: \"(b)(6)\"", "      paragraph: \"(z)(6)\"",
     "no paragraph (z)(6)", None),
    ("exceptions.yml", "        quote:\n          paragraph: \"(i)(3)(A)(i)\"\n          text: \"which may constitute evidence of a violation of any Federal criminal law\"\n",
     "", "needs 'quote'", None),
    ("statute.yml", "        file: usc-26-7213.txt", "        file: usc-26-9999.txt",
     "unknown law file 'usc-26-9999.txt'", None),
    ("scenarios.yml", "      quote: \"solely for the use of such officers and employees\"",
     "      quote: \"solely for the use of any officer\"", "quote not found word for word", None),
    # --- scenarios and the tool ---------------------------------------------------------------
    ("scenarios.yml", "    expect: {verdict: conditional, routes: [i-2, i-3-a]}",
     "    expect: {verdict: conditional, routes: [i-2, i-9]}",
     "unknown id 'i-9' (not in the routes of data/exceptions.yml)", None),
    ("scenarios.yml", "    answers: [dhs-ice, civil-immigration-enforcement, written-request]",
     "    answers: [dhs-ice, civil-immigration-enforcement, a-warrant]",
     "unknown answer 'a-warrant'", None),
    ("scenarios.yml", "    answers: [dhs-ice, civil-immigration-enforcement, written-request]",
     "    answers: [dhs-ice, deportation, written-request]", "unknown purpose 'deportation'",
     None),
    ("exceptions.yml", "        when: if the IRS, on its own, finds evidence of a federal crime\n",
     "", "needs 'when'", None),
    ("tools.yml", "  next_steps:", "  aliases:\n    r-old: q-nowhere\n  next_steps:",
     "alias points at 'q-nowhere'", None),
    ("tools.yml", "  next_steps:", "  aliases:\n    q-recipient: r--dhs-ice--dont-know\n  next_steps:",
     "alias of an id that still exists", None),
]


@pytest.mark.parametrize(("file", "old", "new", "expected", "line"), CASES,
                         ids=[f"{i:02d}-{c[0].split('.')[0]}" for i, c in enumerate(CASES)])
def test_bad_input_is_refused_with_file_and_line(mini, file, old, new, expected, line):
    edit(mini, file, old, new)
    if expected is None:  # a change that is allowed (the order may differ): it must load
        check(mini)
        return
    with pytest.raises(DataError) as info:
        check(mini)
    message = str(info.value)
    assert expected in message, message
    assert "Traceback" not in message
    problems = [str(p) for p in info.value.problems if expected in str(p)]
    assert problems, message
    where = problems[0].split(":")[0]
    assert where.startswith("data/"), f"the message names the file: {problems[0]}"
    if line is not None:
        assert problems[0].startswith(f"data/{file}:{line}:"), problems[0]


def test_the_fixture_itself_is_valid(mini):
    check(mini)


def test_a_hand_edit_of_the_vendored_law_is_caught(mini):
    law = mini / "data" / "law" / "usc-26-6103.txt"
    law.write_text(law.read_text(encoding="utf-8").replace("confidential", "private", 1),
                   encoding="utf-8")
    with pytest.raises(DataError, match="does not match its recorded SHA-256"):
        load_site(mini)
