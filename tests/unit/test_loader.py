"""The loader: real data loads; bad input fails with file, line, path and what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.errors import DataError
from macros.load import load_site

ROOT = Path(__file__).resolve().parents[2]


def test_real_data_loads_and_resolves_ids():
    site = load_site(ROOT)
    assert "x-6103-i-2" in site.exceptions
    ex = site.exceptions["x-6103-i-2"]
    assert set(ex.recipients) <= set(site.recipients)
    assert all(s in site.sources for s in ex.sources)
    assert site.site.as_of.isoformat() == "2026-06-09"


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_site(root)
    return [str(p) for p in info.value.problems]


def line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return n
    raise AssertionError(needle)


# Each case: file, snippet to replace, replacement, expected text in the message.
BAD_INPUTS = [
    pytest.param("exceptions.yml", "        scope: one-taxpayer\n", "", "scope: field required",
                 id="missing-field"),
    pytest.param("exceptions.yml", "    redisclosure: >-", "    redisclosur: >-",
                 "redisclosur: unknown key", id="unknown-key-typo"),
    pytest.param("site.yml", "as_of: 2026-06-09", "as_of: 2026-02-30", "not a real date",
                 id="impossible-date"),
    pytest.param("site.yml", "as_of: 2026-06-09", "as_of: June 9", "YYYY-MM-DD",
                 id="date-wrong-format"),
    pytest.param("sources.yml", "url: https://www.law.cornell.edu/uscode/text/26/6103",
                 "url: http://www.law.cornell.edu/uscode/text/26/6103", "must be an https:// URL",
                 id="http-url"),
    pytest.param("exceptions.yml", "sources: [stat-96-685, doj-crm-507]\n",
                 "sources: [stat-96-685, no-such-source]\n",
                 "unknown id 'no-such-source' (not in data/sources.yml)", id="unknown-source-id"),
    pytest.param("exceptions.yml", "recipients: [federal-law-enforcement, dhs-ice]",
                 "recipients: [federal-law-enforcment, dhs-ice]",
                 "unknown id 'federal-law-enforcment' (not in data/recipients.yml)",
                 id="unknown-recipient-id"),
    pytest.param("sources.yml", "    kind: statute\n", "    kind: blog\n", "must be one of",
                 id="bad-enum"),
    pytest.param("exceptions.yml", "  - id: x-6103-i-2\n", "  - id: x-6103-i-1\n",
                 "duplicate exception id 'x-6103-i-1'", id="duplicate-id"),
    pytest.param("exceptions.yml", "    citation: \"26 U.S.C. § 6103(i)(2)\"\n",
                 "    citation: \"26 U.S.C. § 6103(i)(2)\"\n    citation: again\n",
                 "duplicate key", id="duplicate-yaml-key"),
    pytest.param("exceptions.yml", "    subsection: i\n", "    subsection: i\n  bad: [\n",
                 "invalid YAML", id="broken-yaml"),
    pytest.param("faq.yml", "question: ", "question: TODO ", "placeholder text",
                 id="placeholder-text"),
    pytest.param("exceptions.yml", "  - id: x-6103-i-1\n", "  - id: X_6103\n",
                 "does not match the expected form", id="id-not-kebab-case"),
    pytest.param("exceptions.yml", "    conditions:\n", "    conditions: []\n    old_conditions:\n",
                 "conditions", id="empty-list"),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), BAD_INPUTS)
def test_bad_input_names_file_line_and_field(project, edit_yaml, file, old, new, expected):
    path = project / "data" / file
    edit_yaml(path, old, new)
    problems = problems_of(project)
    matching = [p for p in problems if expected in p]
    assert matching, problems
    # Every message starts with the file (and a line number when the input has one).
    assert matching[0].startswith(f"data/{file}:"), matching[0]


def test_message_points_at_the_right_line(project, edit_yaml):
    path = project / "data" / "exceptions.yml"
    edit_yaml(path, "    redisclosure: >-", "    redisclosur: >-")
    problems = problems_of(project)
    line = line_of(path, "redisclosur:")
    assert any(p.startswith(f"data/exceptions.yml:{line}: exceptions[") for p in problems), problems


def test_event_after_as_of_date_is_rejected(project, edit_yaml):
    edit_yaml(project / "data" / "site.yml", "as_of: 2026-06-09", "as_of: 2025-03-10")
    problems = problems_of(project)
    assert any("after the site's as-of date" in p for p in problems), problems


def test_missing_file_is_named(project):
    (project / "data" / "glossary.yml").unlink()
    assert "data/glossary.yml: file is missing" in problems_of(project)


def test_all_problems_are_reported_together(project, edit_yaml):
    edit_yaml(project / "data" / "site.yml", "as_of: 2026-06-09", "as_of: 2026-13-01")
    edit_yaml(project / "data" / "sources.yml", "    kind: statute\n", "    kind: blog\n")
    problems = problems_of(project)
    assert any(p.startswith("data/site.yml:") for p in problems)
    assert any(p.startswith("data/sources.yml:") for p in problems)
