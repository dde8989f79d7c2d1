"""Translation catalogues: complete locales are complete; catalogues are current; scaffold works."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.catalogs import load_catalog
from macros.i18n_tools import coverage, merged, new_locale
from macros.load import load_site
from macros.texts import data_texts

ROOT = Path(__file__).resolve().parents[2]
SITE = load_site(ROOT)


@pytest.mark.parametrize("loc", [loc for loc in SITE.locales.locales if loc.complete
                                 and loc.code != SITE.locales.source_locale], ids=str)
def test_complete_locales_have_nothing_missing_or_outdated(loc):
    cov = coverage(data_texts(SITE), loc.code, load_catalog(SITE, loc.code))
    assert (cov.outdated, cov.missing) == (0, 0), \
        f"{loc.code}: {cov.outdated} outdated, {cov.missing} missing (run `make i18n-report`)"


@pytest.mark.parametrize("code", [loc.code for loc in SITE.locales.locales
                                  if loc.code != SITE.locales.source_locale])
def test_catalogues_are_up_to_date_with_the_english(code):
    """`make i18n` was run: every string is in the catalogue with the current English."""
    cat = load_catalog(SITE, code)
    have = {str(m.context): str(m.id) for m in cat if m.id and m.context}
    for ctx, text in data_texts(SITE).items():
        assert ctx in have, f"{code}: {ctx} missing from locales/{code}.po (run `make i18n`)"
        if have[ctx] != text.english:
            # Allowed only as an outdated (fuzzy) entry, which `make i18n` produces.
            fresh = merged(SITE, code, cat)
            msg = next(m for m in fresh if m.context == ctx)
            assert msg.fuzzy, ctx


def test_new_locale_scaffold(project):
    site = load_site(project)
    done = new_locale(site, "vi")
    text = (project / "data" / "locales.yml").read_text(encoding="utf-8")
    assert "code: vi" in text and "name: Tiếng Việt" in text and "dir: ltr" in text
    po = (project / "locales" / "vi.po").read_text(encoding="utf-8")
    assert 'msgctxt "ui.quick_exit.label"' in po and "Language: vi" in po
    assert any("vi" in line for line in done)
    # The new locale loads and is empty (all strings fall back visibly).
    site = load_site(project)
    cov = coverage(data_texts(site), "vi", load_catalog(site, "vi"))
    assert cov.translated == 0 and cov.missing == cov.total


def test_new_rtl_locale_gets_rtl(project):
    new_locale(load_site(project), "fa")
    text = (project / "data" / "locales.yml").read_text(encoding="utf-8")
    assert "code: fa" in text and "dir: rtl" in text
