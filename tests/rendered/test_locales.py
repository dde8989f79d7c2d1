"""Every locale of the real build: pages, switcher, lang/dir, hreflang, search, coverage.

(The translation workflows and hostile translations are tested on the fixture data set:
tests/unit/test_render.py, tests/unit/test_catalogs.py, tests/rendered/test_workflows.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.coverage import coverage_by_locale

from ..helpers import locale_codes, soup

pytestmark = pytest.mark.build


SOURCE, OTHERS = locale_codes()


def english_pages(site: Path) -> list[str]:
    out = []
    for p in sorted(site.rglob("index.html")):
        rel = p.parent.relative_to(site).parts
        if rel and (rel[0] in OTHERS or rel[0] in {"assets", "api", "search"}):
            continue
        out.append("/".join(rel) + "/" if rel else "")
    return out


def test_every_page_builds_in_every_locale(built_site):
    pages = english_pages(built_site)
    assert len(pages) >= 10
    for code in OTHERS:
        for page in pages:
            assert (built_site / code / page / "index.html").exists(), f"{code}/{page}"


@pytest.mark.parametrize("code", [SOURCE, *OTHERS])
def test_html_lang_and_dir(built_site, real_site, code):
    loc = real_site.locale(code)
    base = built_site if code == SOURCE else built_site / code
    for page in english_pages(built_site):
        html = soup(base / page / "index.html").html
        assert html["lang"] == code, page
        assert html["dir"] == loc.dir, page


def test_arabic_is_right_to_left(built_site):
    doc = soup(built_site / "ar" / "index.html")
    assert doc.html["dir"] == "rtl"


def test_switcher_links_to_the_same_page_in_each_language(built_site, real_site):
    # Embeds have no site chrome (their snippet chooses the language), so no switcher.
    for code in [SOURCE, *OTHERS]:
        base = built_site if code == SOURCE else built_site / code
        for page in [p for p in english_pages(built_site) if not p.startswith("embed/")]:
            path = base / page / "index.html"
            links = soup(path).select(".app-lang a")
            assert len(links) == len(real_site.locales.locales), path
            for a in links:
                target = (path.parent / a["href"]).resolve() / "index.html"
                other = a["lang"]
                want = (built_site if other == SOURCE else built_site / other) / page
                assert target == (want / "index.html").resolve(), (path, a["href"])


def test_hreflang_alternates_are_absolute_and_complete(built_site, real_site):
    doc = soup(built_site / "es" / "faq" / "index.html")
    links = doc.select("link[rel=alternate][hreflang]")
    alts = {link["hreflang"]: link["href"] for link in links}
    assert set(alts) == {loc.code for loc in real_site.locales.locales}
    assert alts["es"].endswith("/es/faq/") and alts[SOURCE].endswith("/faq/")
    assert all(h.startswith(("http://", "https://")) for h in alts.values())


def test_each_locale_search_index_holds_only_its_pages(built_site, real_site):
    import json

    from macros.catalogs import translator_for

    for code in [SOURCE, *OTHERS]:
        base = built_site if code == SOURCE else built_site / code
        index = json.loads((base / "search" / "search_index.json").read_text(encoding="utf-8"))
        titles = {d["title"] for d in index["docs"]}
        own = translator_for(real_site, code).plain("page.faq.title")
        assert own in titles, code
        for other in [SOURCE, *OTHERS]:
            theirs = translator_for(real_site, other).plain("page.faq.title")
            if theirs != own:
                assert theirs not in titles, f"{code} index holds {other} pages"
    # Stemming follows Material's own choice per language (its language files pick the lunr
    # language; Arabic uses the default tokenizer).
    lang = json.loads((built_site / "es" / "search" / "search_index.json").read_text())
    assert lang["config"]["lang"] == ["es"]


def test_review_state_shown_on_every_page_of_a_translated_locale(built_site):
    for code in OTHERS:
        for page in english_pages(built_site):
            assert soup(built_site / code / page / "index.html").select_one(".app-review"), page


def test_translate_page_coverage_matches_the_catalogues(built_site, real_site):
    doc = soup(built_site / "translate" / "index.html")
    for loc, cov in coverage_by_locale(real_site):
        row = doc.select_one(f'#coverage-table tr[data-locale="{loc.code}"]')
        assert int(row["data-translated"]) == cov.translated
        assert int(row["data-outdated"]) == cov.outdated
        assert int(row["data-missing"]) == cov.missing
        assert cov.total == len(real_site.texts)


def test_canonical_and_404_stay_in_their_language(built_site):
    doc = soup(built_site / "es" / "faq" / "index.html")
    assert doc.select_one('link[rel="canonical"]')["href"].endswith("/es/faq/")
    assert soup(built_site / "faq" / "index.html").select_one(
        'link[rel="canonical"]')["href"].endswith("/faq/")
    not_found = soup(built_site / "es" / "404.html")
    help_link = not_found.select_one(".app-advice a")["href"]
    assert help_link.endswith("/es/help/"), help_link


@pytest.mark.parametrize("code", [SOURCE, *OTHERS])
def test_home_key_points_open_from_their_headline_in_every_locale(built_site, code):
    """Each of the three things to know is a headline that opens (a translation that moved the
    bold words away from the start would show the whole text instead)."""
    doc = soup(built_site / ("" if code == SOURCE else code) / "index.html")
    items = doc.select(".app-know > li")
    assert len(items) == 3 and all(li.select_one("details > summary") for li in items), code


@pytest.mark.parametrize("page", ["check-answers", "faq", "exceptions/i", "lawsuits",
                                  "protections"])
def test_citations_are_isolated_left_to_right_in_arabic(built_site, page):
    """Inside Arabic text a citation keeps its order ("8 U.S.C. § 1253(a)(1)", not
    "(1)1253(a)"): every "§", and every run of paragraph letters such as "(i)(7)(A)" (also right
    after an Arabic letter, as in "و(i)(7)"), sits in a left-to-right isolate."""
    import re

    citation = re.compile(r"§|\([A-Za-z0-9]{1,5}\)\([A-Za-z0-9]{1,5}\)")
    doc = soup(built_site / "ar" / page / "index.html")
    main = doc.select_one("main")
    loose = [s for s in main.find_all(string=citation)
             if not s.find_parent(["bdi", "script", "style"])
             and not s.find_parent(attrs={"dir": "ltr"})]
    assert loose == [], [str(s)[:80] for s in loose[:5]]
    cite = main.select_one("bdi[dir=ltr]")
    assert cite is not None
