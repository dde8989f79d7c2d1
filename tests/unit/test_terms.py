"""The agreed terms (table "Checked terms" in locales/README.md) in every catalogue: each entry
whose English uses a term uses one of its agreed renderings; "ITIN" and citations stay as is."""

from __future__ import annotations

import re

import pytest

from macros.catalogs import load_catalog

from ..helpers import ROOT, locale_codes

# A section and its parts: "§ 6103(i)(2)", "§ 3720A(c)" (joined lists may be translated).
CITATION = re.compile(r"§§?\s?\d+[A-Za-z]?(?:\([A-Za-z0-9]{1,5}\))*")
# The English terms, as they are matched in the English text (whitespace normalised).
ENGLISH = {
    "return information": r"(?<!taxpayer )\breturn information\b",
    "taxpayer return information": r"\btaxpayer return information\b",
    "consent": r"\bconsent(s|ed|ing)?\b",
    "court order": r"\bcourt[- ]order\b|\bcourt[- ]orders\b(?! it\b)",  # not "a court orders it"
}


def term_table() -> dict[str, dict[str, list[re.Pattern[str]]]]:
    """{locale: {English term: [patterns of its agreed forms]}} from locales/README.md."""
    text = (ROOT / "locales" / "README.md").read_text(encoding="utf-8")
    section = text.split("## Checked terms", 1)[1].split("\n## ", 1)[0]
    rows = [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in section.splitlines() if line.startswith("|")]
    head, body = rows[0], rows[2:]
    table: dict[str, dict[str, list[re.Pattern[str]]]] = {}
    for row in body:
        for code, cell in zip(head[1:], row[1:], strict=True):
            table.setdefault(code, {})[row[0]] = [
                re.compile(re.escape(form.strip()).replace(r"\*", r"\S*").replace(r"\ ", r"\s+"),
                           re.IGNORECASE) for form in cell.split(" / ")]
    return table


def test_the_table_covers_every_locale_and_term(real_site):
    table = term_table()
    ready = {loc.code for loc in real_site.locales.locales
             if loc.code != real_site.source_locale and not loc.draft}
    assert ready <= set(table) <= set(locale_codes()[1])
    assert all(set(terms) == set(ENGLISH) for terms in table.values())


@pytest.mark.parametrize("code", sorted(term_table()))  # every locale but a draft: above
def test_terms_itin_and_citations_are_kept_in_every_entry(real_site, code):
    terms = term_table()[code]
    problems = []
    for msg in load_catalog(real_site, code):
        if not msg.id or not msg.string or msg.fuzzy:
            continue
        english, translated = " ".join(str(msg.id).split()), str(msg.string)
        excused = {c.split(":", 1)[1].split("(")[0].strip() for c in msg.user_comments
                   if c.startswith("term:")}
        for term, pattern in ENGLISH.items():
            if (term not in excused and re.search(pattern, english, re.IGNORECASE)
                    and not any(form.search(translated) for form in terms[term])):
                problems.append(f"{msg.context}: {term!r} not rendered as agreed")
        if "ITIN" in english and "ITIN" not in translated:
            problems.append(f"{msg.context}: 'ITIN' is not kept")
        flat = " ".join(translated.split())
        for cite in CITATION.findall(english):
            if " ".join(cite.split()) not in flat:
                problems.append(f"{msg.context}: citation {cite!r} is not kept as is")
    assert problems == [], "\n".join(problems)
