"""Bad input stops `python -m macros check` with the file, the line and what was expected.

Each case breaks one thing in a copy of the small fixture data set (tests/fixtures/mini), never
in the production data, so a content edit cannot break these tests. Each expects one exact
message, ``file:line: path: what was expected`` (``str(Problem)``), among the problems raised,
and no traceback.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from macros.catalogs import load_catalog
from macros.checks import key_problems
from macros.errors import DataError
from macros.load import load_site
from macros.site import Site

LONG_LINKS = ("is not allowed: use an https:// URL, mailto:, an in-page #anchor or a relative "
              "link to a page of the site (scheme-relative //host and http:// links are refused)")
HTTPS = "must be an https:// URL (http:// and scheme-relative //host links are refused)"
BIDI = "is not allowed (it can reorder what readers see)"
EMPTY = "text is empty: only white space or invisible characters"
NO_ANCHORS = "is not allowed: write the value out (anchors and aliases are refused)"
TODAY = __import__("datetime").date.today()
FUTURE = f"is in the future (the build date is {TODAY})"


def check(root: Path) -> None:
    """What `python -m macros check` does with the data: load it and compile both tools."""
    site = Site.load(root)
    assert site.tree and site.checklists is not None


def edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file if file.startswith(("docs/", "locales/")) else root / "data" / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refused(run, expected: str) -> list[str]:
    """Run ``run()``; it must raise a DataError whose problems include ``expected`` exactly."""
    with pytest.raises(DataError) as info:
        run()
    message = str(info.value)
    assert "Traceback" not in message
    problems = [str(p) for p in info.value.problems]
    assert expected in problems, "\n".join(problems)
    return problems


# (file, exact text in the fixture, replacement, the exact problem expected: file:line: path: ...)
CASES = [
    # --- shape and types -------------------------------------------------------------------
    ("exceptions.yml", "        scope: one-taxpayer\n        verdict: allowed\n",
     "        verdict: allowed\n", "data/exceptions.yml:8: exceptions[0].routes[0].scope: "
     "field required"),
    ("exceptions.yml", "    redisclosure: Only for the case.", "    redisclosur: Only for the case.",
     "data/exceptions.yml:61: exceptions[1].redisclosur: unknown key (not allowed here; check "
     "the spelling)"),
    ("site.yml", "as_of: 2026-06-09", "as_of: 2026-02-30",
     "data/site.yml:3: site.as_of: '2026-02-30' is not a real date (day is out of range for "
     "month)"),
    ("site.yml", "as_of: 2026-06-09", "as_of: June 9",
     "data/site.yml:3: site.as_of: must be a date written YYYY-MM-DD"),
    ("sources.yml", "url: https://example.org/news/one", "url: http://example.org/news/one",
     f"data/sources.yml:18: sources[2].url: {HTTPS}"),
    ("sources.yml", "    kind: news", "    kind: blog",
     "data/sources.yml:19: sources[2].kind: must be one of 'statute', 'regulation', "
     "'court-document', 'government-statement', 'government-report', 'agency-manual', 'news', "
     "'advocacy-guide' or 'research'; got 'blog'"),
    ("exceptions.yml", "  - id: x-6103-i-3\n", "  - id: X_6103\n",
     "data/exceptions.yml:75: exceptions[2].id: does not match the expected form "
     "^x-6103-[a-z0-9-]+$; got 'X_6103'"),
    ("exceptions.yml", "    citation: \"26 U.S.C. § 6103(c)\"\n",
     "    citation: \"26 U.S.C. § 6103(c)\"\n    citation: again\n",
     "data/exceptions.yml:4: exceptions[0].citation: duplicate key"),
    ("exceptions.yml", "    subsection: c\n", "    subsection: c\n  bad: [\n",
     "data/exceptions.yml:5: invalid YAML: did not find expected '-' indicator"),
    ("faq.yml", "question: Can ICE", "question: TODO Can ICE",
     "data/faq.yml:3: faq[0].question: placeholder text (TODO/TBD/FIXME/lorem ipsum) is not "
     "allowed"),
    ("faq.yml", "    audience: [community]", "    audience: []",
     "data/faq.yml:5: faq[0].audience: List should have at least 1 item after validation, not 0"),
    ("help.yml", "number: 800-555-0100", "number: call us",
     "data/help.yml:8: help[0].phone.number: does not match the expected form "
     "^[0-9(][0-9 ()+-]{6,20}[0-9]$; got 'call us'"),
    ("site.yml", "  maintainer: The test team",
     "  maintainer: !!python/object:os.system The test team",
     "data/site.yml:5: site.maintainer: unsupported YAML tag "
     "'tag:yaml.org,2002:python/object:os.system'"),
    ("cases/mini-case.yml", "  id: mini-case", "  id: other-case",
     "data/cases/mini-case.yml:2: case.id: case id 'other-case' must match the file name "
     "'mini-case'"),
    ("faq.yml", "    sources: [statute-6103]", "    sources: [statute-6103]\n  - id: can-ice-see\n"
     "    question: Again?\n    answer: Yes.\n    audience: [community]\n"
     "    sources: [statute-6103]", "data/faq.yml:8: faq[1].id: duplicate question id "
     "'can-ice-see'"),
    # --- dates: as_of <= last_reviewed <= today; nothing dated in the future -------------------
    ("site.yml", "  last_reviewed: 2026-11-27", "  last_reviewed: 2026-05-01",
     "data/site.yml:4: site.last_reviewed: last reviewed 2026-05-01 is before the as-of date "
     "2026-06-09: as_of <= last_reviewed <= the build date"),
    ("site.yml", "  last_reviewed: 2026-11-27", "  last_reviewed: 2999-01-01",
     f"data/site.yml:4: site.last_reviewed: 2999-01-01 {FUTURE}"),
    ("exceptions.yml", "      checked_on: 2026-11-27\n    sources: [statute-6103]\n  - id: x-6103-i-2",
     "      checked_on: 2999-01-01\n    sources: [statute-6103]\n  - id: x-6103-i-2",
     f"data/exceptions.yml:29: exceptions[0].verification.checked_on: 2999-01-01 {FUTURE}"),
    ("cases/mini-case.yml", "    as_of: 2026-06-09", "    as_of: 2026-06-10",
     "data/cases/mini-case.yml:16: case.status.as_of: status as of 2026-06-10 is after the "
     "site's as-of date 2026-06-09 (data/site.yml)"),
    ("cases/mini-case.yml", "      date: 2025-03-14", "      date: 2026-07-01",
     "data/cases/mini-case.yml:21: case.events[0].date: event date 2026-07-01 is after the "
     "site's as-of date 2026-06-09 (data/site.yml)"),
    ("sources.yml", "    date: 2026-02-24", "    date: \"2999\"",
     f"data/sources.yml:17: sources[2].date: 2999 {FUTURE}"),
    ("locales.yml", "      state: machine-assisted",
     "      state: machine-assisted\n      date: 2999-12-31",
     f"data/locales.yml:21: locales[1].review.date: 2999-12-31 {FUTURE}"),
    # --- text: no bidirectional controls, nothing only blank or invisible ----------------------
    ("faq.yml", "    answer: Not just by asking.", "    answer: \"Not just by \u202easking.\"",
     f"data/faq.yml:4: faq[0].answer: bidirectional control character U+202E at character 13 "
     f"{BIDI}"),
    ("faq.yml", "    answer: Not just by asking.",
     "    answer: \"Not just by \u2066asking\u2069.\"",
     f"data/faq.yml:4: faq[0].answer: bidirectional control character U+2066 at character 13 "
     f"{BIDI}"),
    ("faq.yml", "    answer: Not just by asking.", "    answer: \"Not just by asking.\u200f\"",
     f"data/faq.yml:4: faq[0].answer: bidirectional control character U+200F at character 20 "
     f"{BIDI}"),
    ("recipients.yml", "  - id: dhs-ice\n", "  - id: dhs-ice\n    \u202elabel: x\n",
     f"data/recipients.yml:3: recipients[0]: key '\\u202elabel': bidirectional control "
     f"character U+202E at character 1 {BIDI}"),
    ("faq.yml", "    question: Can ICE see my tax return?", "    question: \"\u200b\u200b\"",
     f"data/faq.yml:3: faq[0].question: {EMPTY}"),
    ("glossary.yml", "    term: ITIN", "    term: \"   \"",
     f"data/glossary.yml:3: glossary[0].term: {EMPTY}"),
    # --- strict booleans (no "no", no 1; yes/no are text, not booleans) -----------------------
    ("locales.yml", "    complete: false", "    complete: \"no\"",
     "data/locales.yml:18: locales[1].complete: must be true or false; got 'no'"),
    ("locales.yml", "    complete: false", "    complete: yes",
     "data/locales.yml:18: locales[1].complete: must be true or false; got 'yes'"),
    ("tools.yml", "  dont_know: true", "  dont_know: 1",
     "data/tools.yml:4: check.dont_know: must be true or false; got 1"),
    # --- YAML anchors and aliases ---------------------------------------------------------------
    ("site.yml", "  maintainer: The test team",
     "  maintainer: &who The test team\n  report_error: *who",
     f"data/site.yml:5: YAML anchor '&who' {NO_ANCHORS}"),
    ("site.yml", "  report_error: Tell the test team.", "  report_error: *who",
     f"data/site.yml:6: YAML alias '*who' {NO_ANCHORS}"),
    # --- links: https only, in URL fields and in Markdown -------------------------------------
    ("sources.yml", "url: https://example.org/news/one", "url: //example.org/news/one",
     f"data/sources.yml:18: sources[2].url: {HTTPS}"),
    ("help.yml", "    url: https://example.org/clinic",
     "    url: https://example.org/clinic\n    localized_urls:\n      es: http://example.org/es",
     f"data/help.yml:13: help[0].localized_urls.es: {HTTPS}"),
    ("faq.yml", "    answer: Not just by asking.",
     "    answer: \"Not [just](//evil.example/x) by asking.\"",
     f"data/faq.yml:4: faq[0].answer: link target '//evil.example/x' {LONG_LINKS}"),
    ("exceptions.yml", "    summary: The IRS may tell the agency's head.",
     "    summary: \"The IRS may tell [the agency's head](http://example.org/x).\"",
     f"data/exceptions.yml:79: exceptions[2].summary: link target 'http://example.org/x' "
     f"{LONG_LINKS}"),
    ("faq.yml", "    answer: Not just by asking.",
     "    answer: \"Not [just](javascript:alert(1)) by asking.\"",
     f"data/faq.yml:4: faq[0].answer: link target 'javascript:alert(1)' {LONG_LINKS}"),
    ("glossary.yml", "    definition: A tax number",
     "    definition: <http://example.org/itin> A tax number",
     f"data/glossary.yml:4: glossary[0].definition: link target 'http://example.org/itin' "
     f"{LONG_LINKS}"),
    # --- length limits ------------------------------------------------------------------------
    ("glossary.yml", "  - id: itin", "  - id: " + "a" * 61,
     "data/glossary.yml:2: glossary[0].id: String should have at most 60 characters"),
    ("exceptions.yml", "    title: People you choose, with your consent",
     "    title: " + "People you choose " * 12,
     "data/exceptions.yml:5: exceptions[0].title: String should have at most 200 characters"),
    ("recipients.yml", "    label: Someone you authorised", "    label: " + "Someone " * 16,
     "data/recipients.yml:5: recipients[1].label: String should have at most 120 characters"),
    ("faq.yml", "    answer: Not just by asking.", "    answer: " + "Not just by asking. " * 151,
     "data/faq.yml:4: faq[0].answer: String should have at most 3000 characters"),
    ("faq.yml", "    question: Can ICE see my tax return?",
     "    question: \"Can ICE see\\nmy tax return?\"",
     "data/faq.yml:3: faq[0].question: must be one line (no line breaks)"),
    ("sources.yml", "url: https://example.org/news/one",
     "url: https://example.org/" + "x" * 500,
     "data/sources.yml:18: sources[2].url: URL is longer than 500 characters"),
    # --- ids that become HTML ids: unique on their page ---------------------------------------
    ("cases/mini-case.yml", "    - id: filed\n      date", "    - id: about\n      date",
     "data/cases/mini-case.yml:20: case.events[0].id: event 'about' of case mini-case makes the "
     "HTML id 'mini-case-about', as case 'mini-case' does (data/cases/mini-case.yml:2): ids "
     "must be unique on the lawsuits page"),
    ("exceptions.yml", "      - id: appeals-2026", "      - id: name-and-address",
     "data/exceptions.yml:63: exceptions[1].court_readings[0].id: court reading "
     "'name-and-address' of x-6103-i-2 makes the HTML id 'x-6103-i-2-name-and-address', as "
     "condition 'name-and-address' of x-6103-i-2 does (data/exceptions.yml:46): ids must be "
     "unique on the exceptions page"),
    ("exceptions.yml", "      - id: you-designate", "      - id: h",
     "data/exceptions.yml:18: exceptions[0].conditions[0].id: condition 'h' of x-6103-c makes "
     "the HTML id 'x-6103-c-h', as exception 'x-6103-c' does (data/exceptions.yml:2): ids must "
     "be unique on the exceptions page"),
    ("exceptions.yml", "      - id: you-designate", "      - id: request",
     "data/exceptions.yml:18: exceptions[0].conditions[0].id: condition 'request' of x-6103-c "
     "makes the HTML id 'check-x-6103-c-request', as exception 'x-6103-c' does "
     "(data/exceptions.yml:2): ids must be unique on the request-checker page"),
    ("faq.yml", "  - id: can-ice-see", "  - id: src-news-one",
     "data/faq.yml:2: faq[0].id: question 'src-news-one' makes the HTML id 'src-news-one', as "
     "source 'news-one' does (data/sources.yml:14): ids must be unique on the faq page"),
    ("faq.yml", "  - id: can-ice-see", "  - id: q-recipient",
     "data/faq.yml:2: faq[0].id: question id 'q-recipient' starts like the check tool's ids "
     "(q-, o-, r--): choose another id"),
    # --- references between files -------------------------------------------------------------
    ("faq.yml", "sources: [statute-6103]", "sources: [no-such-source]",
     "data/faq.yml:7: faq[0].sources[0]: unknown id 'no-such-source' (not in data/sources.yml)"),
    ("exceptions.yml", "        recipients: [dhs-ice]\n        purposes: [nontax-criminal-investigation]\n        needs: written-request",
     "        recipients: [dhs-ise]\n        purposes: [nontax-criminal-investigation]\n        needs: written-request",
     "data/exceptions.yml:39: exceptions[1].routes[0].recipients[0]: unknown id 'dhs-ise' (not "
     "in data/recipients.yml)"),
    ("exceptions.yml", "        needs: written-request", "        needs: a-warrant",
     "data/exceptions.yml:41: exceptions[1].routes[0].needs: unknown id 'a-warrant' (not in "
     "data/authorities.yml)"),
    ("exceptions.yml", "        recipients: [any]", "        recipients: [any, dhs-ice]",
     "data/exceptions.yml:10: exceptions[0].routes[0].recipients: 'any' must be the only entry "
     "when used"),
    ("exceptions.yml", "        recipients: [any]", "        recipients: [dhs-ice]",
     "data/recipients.yml:4: recipients[1].id: no route of data/exceptions.yml covers recipient "
     "'taxpayer-designee' (nor [any]): add its route or remove it"),
    ("exceptions.yml", "      - id: i-3-a", "      - id: i-2",
     "data/exceptions.yml:81: exceptions[2].routes[0].id: duplicate route id 'i-2' (also in "
     "x-6103-i-2); route ids are unique across data/exceptions.yml"),
    ("exceptions.yml", "        paragraph: \"(i)(3)(A)\"", "        paragraph: \"(i)(3)(Z)\"",
     "data/exceptions.yml:82: exceptions[2].routes[0].paragraph: (i)(3)(Z) is not a paragraph "
     "of the vendored law (data/law/usc-26-6103.txt)"),
    ("exceptions.yml", "        rulings: [appeals-2026]", "        rulings: [appeals-2027]",
     "data/exceptions.yml:49: exceptions[1].conditions[0].rulings[0]: unknown id 'appeals-2027' "
     "(not in the court readings of x-6103-i-2)"),
    ("exceptions.yml", "        case: mini-case", "        case: other-case",
     "data/exceptions.yml:66: exceptions[1].court_readings[0].case: unknown case id "
     "'other-case' (not in data/cases/)"),
    ("exceptions.yml", "        when: if the head of the agency asks in writing",
     "        when: if the head of the agency asks in writing.",
     "data/exceptions.yml:44: exceptions[1].routes[0].when: must not end with a full stop: the "
     "tool puts it inside a sentence (\"Under …, they could get …, <when>.\")"),
    ("authorities.yml", "  - id: nothing\n    label: None of these",
     "  - id: nothing\n    label: None of these\n    includes: [written-request]",
     "data/authorities.yml:7: authorities[1].includes: 'written-request' includes itself "
     "through ['nothing']: 'includes' must not form a cycle"),
    ("authorities.yml", "  - id: nothing\n", "  - id: dont-know\n",
     "data/authorities.yml:1: authorities: 'dont-know' is reserved for the tool's \"I don't "
     "know\" answer"),
    ("cases/mini-case.yml", "    latest_event: filed", "    latest_event: decided",
     "data/cases/mini-case.yml:17: case.status.latest_event: unknown event id 'decided' (not an "
     "event of this case)"),
    ("help.yml", "    url: https://example.org/clinic",
     "    url: https://example.org/clinic\n    localized_urls:\n      xx: https://example.org/xx",
     "data/help.yml:13: help[0].localized_urls.xx: unknown locale 'xx'"),
    ("tools.yml", "      recipients: [any]", "      recipients: [anyone]",
     "data/tools.yml:9: check.next_steps[0].recipients[0]: unknown id 'anyone' (not in "
     "data/recipients.yml)"),
    ("tools.yml", "  exceptions: [x-6103-i-2]", "  exceptions: [x-6103-i-3]",
     "data/exceptions.yml:90: exceptions[2].conditions[0]: the request checker lists x-6103-i-3: "
     "each of its conditions needs a 'stage' (request, disclosure or after)"),
    # --- the statute's words ------------------------------------------------------------------
    ("statute.yml", "      text: \"his mailing address, his taxpayer identifying number\"",
     "      text: \"his home address, his taxpayer identifying number\"",
     "data/statute.yml:19: definitions[0].quote.text: quote not found word for word in (b)(6) "
     "of data/law/usc-26-6103.txt: 'his home address, his taxpayer identifying number'"),
    ("statute.yml", "      paragraph: \"(b)(6)\"", "      paragraph: \"(z)(6)\"",
     "data/statute.yml:19: definitions[0].quote.text: '(z)(6)': no paragraph (z)(6) in "
     "data/law/usc-26-6103.txt"),
    ("exceptions.yml", "        quote:\n          paragraph: \"(i)(3)(A)(i)\"\n          text: \"which may constitute evidence of a violation of any Federal criminal law\"\n",
     "", "data/exceptions.yml:90: exceptions[2].conditions[0].quote: needs 'quote' (paragraph "
     "and the statute's exact words) because it cites the statute"),
    ("statute.yml", "        file: usc-26-7213.txt", "        file: usc-26-9999.txt",
     "data/statute.yml:33: penalties[0].quotes[0].text: unknown law file 'usc-26-9999.txt' (not "
     "in data/law/manifest.yml)"),
    ("scenarios.yml", "      quote: \"solely for the use of such officers and employees\"",
     "      quote: \"solely for the use of any officer\"",
     "data/scenarios.yml:15: scenarios[1].decided_by.quote: quote not found word for word in "
     "(i)(2)(A) of data/law/usc-26-6103.txt: 'solely for the use of any officer'"),
    # --- scenarios and the tool ---------------------------------------------------------------
    ("scenarios.yml", "    expect: {verdict: conditional, routes: [i-2, i-3-a]}",
     "    expect: {verdict: conditional, routes: [i-2, i-9]}",
     "data/scenarios.yml:12: scenarios[1].expect.routes[1]: unknown id 'i-9' (not in the routes "
     "of data/exceptions.yml)"),
    ("scenarios.yml", "    answers: [dhs-ice, civil-immigration-enforcement, written-request]",
     "    answers: [dhs-ice, civil-immigration-enforcement, a-warrant]",
     "data/scenarios.yml:4: scenarios[0].answers[2]: unknown answer 'a-warrant' to \"what do "
     "they have?\" (not in data/authorities.yml and not 'dont-know')"),
    ("scenarios.yml", "    answers: [dhs-ice, civil-immigration-enforcement, written-request]",
     "    answers: [dhs-ice, deportation, written-request]",
     "data/scenarios.yml:4: scenarios[0].answers[1]: unknown purpose 'deportation'"),
    ("exceptions.yml", "        when: if the IRS, on its own, finds evidence of a federal crime\n",
     "", "data/exceptions.yml:81: exceptions[2].routes[0]: route 'i-3-a' can be shown by the "
     "tool, so it needs 'when' (one plain phrase: what must be true)"),
    ("tools.yml", "  next_steps:", "  aliases:\n    r-old: q-nowhere\n  next_steps:",
     "data/tools.yml: check.aliases.r-old: alias points at 'q-nowhere', which does not exist"),
    ("tools.yml", "  next_steps:", "  aliases:\n    q-recipient: r--dhs-ice--dont-know\n  next_steps:",
     "data/tools.yml: check.aliases.q-recipient: alias of an id that still exists"),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES,
                         ids=[f"{i:02d}-{c[0].split('.')[0]}" for i, c in enumerate(CASES)])
def test_bad_input_is_refused_with_file_and_line(mini, file, old, new, expected):
    edit(mini, file, old, new)
    refused(lambda: check(mini), expected)


# Changes that are allowed: they must load.
ALLOWED = [
    ("authorities.yml", "    label: Your own signed consent\n    includes: [nothing]",
     "    label: Your own signed consent\n    includes: [written-request]"),
    ("authorities.yml", "    label: A written request from a named official\n    includes: [nothing]",
     "    label: A written request from a named official\n    includes: [taxpayer-consent]"),
    # A relative link, an in-page anchor and mailto: are fine in Markdown.
    ("faq.yml", "    answer: Not just by asking.",
     "    answer: \"See [the FAQ](faq/), [this](#top) or [mail](mailto:a@example.org).\""),
    # Invisible characters inside real text are fine (a zero-width joiner in a word).
    ("glossary.yml", "    term: ITIN", "    term: \"IT\u200dIN\""),
    # A text that is "no" stays text (YAML 1.1 would have read it as false).
    ("glossary.yml", "    term: ITIN", "    term: no"),
]


@pytest.mark.parametrize(("file", "old", "new"), ALLOWED,
                         ids=[f"{i:02d}-{c[0].split('.')[0]}" for i, c in enumerate(ALLOWED)])
def test_allowed_changes_load(mini, file, old, new):
    edit(mini, file, old, new)
    check(mini)


def test_the_fixture_itself_is_valid(mini):
    check(mini)


# --- files as files ---------------------------------------------------------------------------


def test_a_hand_edit_of_the_vendored_law_is_caught(mini):
    law = mini / "data" / "law" / "usc-26-6103.txt"
    law.write_text(law.read_text(encoding="utf-8").replace("confidential", "private", 1),
                   encoding="utf-8")
    refused(lambda: load_site(mini), "data/law/manifest.yml:22: files[0].sha256: "
            "data/law/usc-26-6103.txt does not match its recorded SHA-256: the vendored law "
            "must not be edited by hand")


def test_a_yaml_file_with_a_byte_order_mark(mini):
    path = mini / "data" / "faq.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    refused(lambda: load_site(mini), "data/faq.yml:1: starts with a byte-order mark (BOM): "
            "save the file as UTF-8 without a BOM")


def test_a_yaml_file_that_is_not_utf8(mini):
    path = mini / "data" / "glossary.yml"
    path.write_bytes(path.read_bytes().replace(b"ITIN", b"IT\xe9N", 1))
    refused(lambda: load_site(mini), "data/glossary.yml: not valid UTF-8 (invalid continuation "
            "byte)")


def test_an_empty_data_file(mini):
    (mini / "data" / "glossary.yml").write_text("# nothing yet\n", encoding="utf-8")
    refused(lambda: load_site(mini), "data/glossary.yml: file is empty")


def test_a_missing_data_file(mini):
    (mini / "data" / "glossary.yml").unlink()
    refused(lambda: load_site(mini), "data/glossary.yml: file is missing")


def test_a_case_file_that_is_not_yaml(mini):
    (mini / "data" / "cases" / "notes.txt").write_text("x\n", encoding="utf-8")
    refused(lambda: load_site(mini), "data/cases/notes.txt: unexpected file (cases are .yml)")


def test_a_billion_laughs_document_fails_fast_at_the_first_anchor(mini):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 30):
        prev = chr(ord("a") + n - 1) if n < 26 else f"z{n - 1}"
        name = chr(ord("a") + n) if n < 26 else f"z{n}"
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    (mini / "data" / "glossary.yml").write_text("# laughs\n" + "\n".join(lines) + "\n",
                                                encoding="utf-8")
    start = time.perf_counter()
    refused(lambda: load_site(mini), f"data/glossary.yml:2: YAML anchor '&a' {NO_ANCHORS}")
    assert time.perf_counter() - start < 0.5


# --- page front matter (docs/*.md) ------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("embed: true", "embed: \"yes\"",
     "docs/faq.md:5: embed: must be true or false; got 'yes'"),
    ("nav: 2", "nav: \"2\"", "docs/faq.md:4: nav: must be a whole number; got '2'"),
    ("title: Questions and answers", "title: \"Questions \u202eand answers\"",
     f"docs/faq.md:2: title: bidirectional control character U+202E at character 11 {BIDI}"),
    ("title: Questions and answers", "title: &t Questions and answers",
     f"docs/faq.md:2: YAML anchor '&t' {NO_ANCHORS}"),
], ids=["strict-bool", "strict-int", "bidi", "anchor"])
def test_bad_front_matter(mini, old, new, expected):
    edit(mini, "docs/faq.md", old, new)
    refused(lambda: load_site(mini), expected)


# --- templates: keys and ids the data must not reuse -------------------------------------------


def _template(root: Path, text: str) -> None:
    folder = root / "overrides" / "partials" / "app" / "pages"
    folder.mkdir(parents=True)
    (folder / "faq.html").write_text(text, encoding="utf-8")


def test_a_string_key_used_by_a_template_but_missing(mini):
    _template(mini, "<p>{{ t('ui.site_name') }}</p>\n<p>{{ t('faq.no_such_key') }}</p>\n")
    problems = [str(p) for p in key_problems(Site.load(mini), mini)]
    assert "overrides/partials/app/pages/faq.html:2: faq.no_such_key: unknown string key (not "\
        "in data/strings.yml)" in problems


def test_an_unknown_page_id_in_a_template(mini):
    _template(mini, "<p>{{ t('ui.site_name') }} {{ t('page.no-such-page.title') }}</p>\n")
    problems = [str(p) for p in key_problems(Site.load(mini), mini)]
    assert "overrides/partials/app/pages/faq.html:1: page.no-such-page.title: unknown string "\
        "key (not in data/strings.yml)" in problems


def test_a_data_id_that_a_template_already_uses(mini):
    _template(mini, '<h2 id="know-now">{{ t("ui.site_name") }}</h2>\n')
    edit(mini, "site.yml", "    - id: confidential", "    - id: know-now")
    refused(lambda: load_site(mini), "data/site.yml:9: site.key_points[0].id: key point "
            "'know-now' makes the HTML id 'know-now', which the templates (overrides/) already "
            "use: choose another id")


# --- translations (locales/*.po) --------------------------------------------------------------

ENTRY = 'msgctxt "ui.site_name"\nmsgid "ITIN Privacy Guide"\nmsgstr ""'


def translate(root: Path, msgstr: str, po: str = "es") -> None:
    edit(root, f"locales/{po}.po", ENTRY, ENTRY[:-2] + msgstr)


def add_rtl_locale(root: Path) -> None:
    """An Arabic catalogue (dir: rtl) made from the Spanish one."""
    with (root / "data" / "locales.yml").open("a", encoding="utf-8") as fh:
        fh.write("  - code: ar\n    name: العربية\n    english_name: Arabic\n    dir: rtl\n"
                 "    theme_language: ar\n    complete: false\n    review:\n"
                 "      state: machine-assisted\n")
    es = (root / "locales" / "es.po").read_text(encoding="utf-8")
    (root / "locales" / "ar.po").write_text(es.replace('"Language: es\\n"', '"Language: ar\\n"')
                                            .replace("nplurals=2; plural=(n != 1)", "nplurals=6; "
                                            "plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 "
                                            "&& n%100<=10 ? 3 : n%100>=11 ? 4 : 5)"),
                                            encoding="utf-8")


def catalog(root: Path, code: str = "es"):
    return lambda: load_catalog(load_site(root), code)


PO_CASES = [
    ('"Guía \u202eITIN"', f"locales/es.po:23: ui.site_name: translation: bidirectional control "
     f"character U+202E at character 6 {BIDI}"),
    ('"Guía \u200fITIN"', f"locales/es.po:23: ui.site_name: translation: bidirectional control "
     f"character U+200F at character 6 {BIDI}"),
    ('"   "', f"locales/es.po:23: ui.site_name: translation: {EMPTY}"),
    ('"\u200b"', f"locales/es.po:23: ui.site_name: translation: {EMPTY}"),
    ('"[Guía](http://example.org/)"', "locales/es.po:23: ui.site_name: translation: link target "
     f"'http://example.org/' {LONG_LINKS}"),
    ('"[Guía](//example.org/)"', "locales/es.po:23: ui.site_name: translation: link target "
     f"'//example.org/' {LONG_LINKS}"),
]


@pytest.mark.parametrize(("msgstr", "expected"), PO_CASES,
                         ids=["override", "mark-in-ltr", "blank", "zero-width", "http-link",
                              "scheme-relative-link"])
def test_bad_translation_text(mini, msgstr, expected):
    translate(mini, msgstr)
    refused(catalog(mini), expected)


def test_rtl_translations_may_use_marks_and_balanced_isolates(mini):
    add_rtl_locale(mini)
    translate(mini, '"دليل \u2066ITIN\u2069\u200f"', po="ar")
    assert load_catalog(load_site(mini), "ar") is not None


@pytest.mark.parametrize(("msgstr", "expected"), [
    ('"دليل \u2066ITIN"', "locales/ar.po:23: ui.site_name: translation: a directional isolate "
     "(U+2066-U+2068) is not closed by U+2069 in this translation"),
    ('"دليل ITIN\u2069"', "locales/ar.po:23: ui.site_name: translation: U+2069 (pop directional "
     "isolate) at character 10 closes no isolate"),
    ('"دليل \u202bITIN\u202c"', "locales/ar.po:23: ui.site_name: translation: bidirectional "
     f"control character U+202B at character 6 {BIDI}"),
], ids=["unclosed-isolate", "stray-pdi", "embedding"])
def test_rtl_translations_refuse_embeddings_and_unbalanced_isolates(mini, msgstr, expected):
    add_rtl_locale(mini)
    translate(mini, msgstr, po="ar")
    refused(catalog(mini, "ar"), expected)


def test_a_po_header_with_another_charset(mini):
    edit(mini, "locales/es.po", "charset=utf-8", "charset=ISO-8859-1")
    refused(catalog(mini), "locales/es.po:17: the header declares charset 'ISO-8859-1': "
            "catalogues must be UTF-8 (\"Content-Type: text/plain; charset=UTF-8\")")


def test_a_po_file_with_a_byte_order_mark(mini):
    path = mini / "locales" / "es.po"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    refused(catalog(mini), "locales/es.po:1: starts with a byte-order mark (BOM): save the file "
            "as UTF-8 without a BOM")


def test_a_translation_that_drops_a_placeholder(mini):
    entry = 'msgctxt "ui.site_name"\nmsgid "ITIN Privacy Guide"\n'
    edit(mini, "locales/es.po", entry, entry.replace("Guide", "Guide {n}"))
    translate_ok = 'msgid "ITIN Privacy Guide {n}"\nmsgstr ""'
    edit(mini, "locales/es.po", translate_ok, translate_ok[:-2] + '"Guía"')
    refused(catalog(mini), "locales/es.po:23: ui.site_name: translation placeholders differ "
            "from English: missing {n}")


def test_a_duplicate_po_entry(mini):
    edit(mini, "locales/es.po", ENTRY, ENTRY + "\n\n" + ENTRY)
    refused(catalog(mini), "locales/es.po:26: ui.site_name: duplicate entry (first at line 22)")


def test_invalid_po_syntax(mini):
    edit(mini, "locales/es.po", ENTRY, ENTRY.replace('msgstr ""', "msgstr Guía"))
    refused(catalog(mini), "locales/es.po:24: invalid PO syntax: expected a keyword (msgctxt, "
            "msgid, msgstr) followed by a quoted string, or a quoted continuation line")


def test_a_missing_catalogue(mini):
    (mini / "locales" / "es.po").unlink()
    refused(catalog(mini), "locales/es.po: catalogue for locale 'es' is missing (run: make "
            "locale-new LOCALE=es)")
