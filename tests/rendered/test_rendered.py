"""Rendered output: the real site, built once per session, checked as parsed HTML.

(Mutation tests of bad or hostile input are in tests/unit/ on the fixture data set.)"""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlparse

import pytest

from macros.catalogs import translator_for
from macros.fallback import untranslated_share
from macros.i18n import Translator
from macros.theme import built_pages
from macros.words import Words

from ..helpers import locale_codes, soup

pytestmark = pytest.mark.build


def html_pages(site: Path) -> list[Path]:
    return built_pages(site)


def test_exception_table_rows_come_from_data(built_site, real_site):
    data = real_site
    doc = soup(built_site / "exceptions" / "index.html")
    rows = doc.select("#exceptions-table tbody tr")
    assert [r["data-exception"] for r in rows] == list(data.exceptions)
    for row in rows:
        ex = data.exceptions[row["data-exception"]]
        assert row.th.a["aria-label"] == ex.citation
        assert ex.citation.endswith(row.th.get_text(strip=True))
        assert row["data-recipients"].split() == ex.recipients
        # Each exception has its own section, with a stable anchor, on its subsection's page.
        href = row.th.a["href"]
        assert href.endswith(f"#{ex.id}"), href
        part = soup((built_site / "exceptions" / href.split("#")[0] / "index.html").resolve())
        section = part.find(id=ex.id)
        assert section is not None and section.name == "section", href


def test_a_docket_number_is_one_unbroken_left_to_right_run_and_its_caveat_is_translated(
        built_site, real_site):
    """A docket number is isolated left to right (it never breaks or reverses in Arabic); a
    caveat about it is a translated sentence beside it, in every locale, never English inside
    the number (a number not checked on the court's docket says so)."""
    unchecked = [c for c in real_site.cases.values() if c.docket_unchecked]
    assert unchecked, "no case to check the caveat on"
    for code in [real_site.source_locale, *locale_codes()[1]]:
        translator = translator_for(real_site, code)
        note = translator.plain("lawsuits.docket_unchecked")
        folder = built_site if code == real_site.source_locale else built_site / code
        doc = soup(folder / "lawsuits" / "index.html")
        for case in real_site.cases.values():
            row = doc.select_one(f"#glance-{case.id} th")
            details = doc.select_one(f"#{case.id}")
            for where in (row, details):
                runs = [b.get_text() for b in where.select('bdi[dir="ltr"]')]
                assert case.docket in runs, (code, case.id)
                assert (note in where.get_text()) is case.docket_unchecked, (code, case.id)


def test_lawsuits_timeline_shows_the_latest_step_and_folds_the_earlier(built_site, real_site):
    """Each case's events, oldest first: the latest shown, the earlier ones in one closed fold
    that says how many; every event keeps its anchor, and the glance table links to them."""
    doc = soup(built_site / "lawsuits" / "index.html")
    for case in real_site.cases_in_order():
        section = doc.find(id=case.id)
        events = sorted(case.events, key=lambda ev: ev.date)
        ids = [f"{case.id}-{ev.id}" for ev in events]
        assert [li["id"] for li in section.select("ol.app-timeline > li")] == ids, case.id
        fold = section.select("details.app-fold")
        if len(events) == 1:
            assert fold == [], case.id
            continue
        assert len(fold) == 1 and not fold[0].has_attr("open"), case.id
        assert [li["id"] for li in fold[0].select("li")] == ids[:-1], case.id
        assert fold[0].summary.get_text(strip=True) == f"Earlier steps ({len(events) - 1})"
        last = section.find(id=ids[-1])
        assert last.find_parent("details") is None, f"{case.id}: the latest step is shown"
        assert last.parent["start"] == str(len(events)), "numbered on from the fold"
    for link in doc.select(".app-glance a[href^='#']"):
        assert doc.find(id=link["href"][1:]) is not None, link["href"]


def test_long_sections_wait_on_full_pages_and_not_in_embeds(built_site):
    """On a full page each long repeated section carries its letter count and the page gets the
    CSS that lays them out late; an embed (a frame as tall as its page) gets neither."""
    from macros.lazy import LAZY

    for rel, lazy in (("faq", True), ("lawsuits", True), ("es/help", True),
                      ("embed/faq", False), ("ar/embed/lawsuits", False), ("check", False)):
        doc = soup(built_site / rel / "index.html")
        sections = [el for el in doc.select("section")
                    if not LAZY.isdisjoint(el.get("class") or [])]
        if lazy:
            assert all(int(el["style"].removeprefix("--app-chars:")) > 0 for el in sections), rel
        else:
            assert not any(el.has_attr("style") for el in sections), rel
        css = doc.head.style.get_text()
        assert ("content-visibility:auto" in css) is lazy, rel
        assert len(sections) > 3 or rel == "check", rel


def test_every_page_has_notice_quick_exit_and_stamp(built_site, real_site):
    translators: dict[str, Translator] = {}  # one per locale, not one per page
    for page in html_pages(built_site):
        doc = soup(page)
        exit_link = doc.select_one("a.app-quick-exit")
        assert exit_link is not None, page
        assert exit_link["href"].startswith("https://"), page
        advice = doc.select_one(".app-advice")
        assert advice is not None, page
        code = doc.html["lang"]
        if code not in translators:
            translators[code] = translator_for(real_site, code)
        words = translators[code]
        assert words.plain("ui.notice.summary") in advice.get_text(), page
        if advice.name == "details":  # the one line opens on the full notice and the help link
            full = words.plain("ui.notice.not_legal_advice_md")
            assert full.split(".")[0] in advice.get_text() and advice.select_one("a"), page
        if "embed" in page.relative_to(built_site).parts:
            # Embeds: no site footer, but an attribution with the dates and the full page.
            assert doc.select_one(".app-attribution .app-stamp time[datetime]"), page
            assert doc.select_one(".app-attribution a[data-app-full-page][target=_top]"), page
            assert doc.select_one("header.app-header") is None, page
        else:
            assert doc.select_one(".app-footer .app-stamp time[datetime]"), page


def test_no_reference_to_other_hosts_in_loaded_resources(built_site):
    """Scripts, styles, images, fonts and frames are all local and linked relatively."""
    for page in html_pages(built_site):
        doc = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"),
                          ("iframe", "src"), ("source", "src")):
            for el in doc.find_all(tag):
                value = el.get(attr)
                if not value:
                    continue
                if tag == "link" and set(el.get("rel", [])) & {"canonical", "alternate"}:
                    continue  # absolute by standard; not loaded by the browser
                assert not urlparse(value).scheme and not value.startswith("//"), \
                    f"{page}: {tag} {attr}={value}"
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")
        assert doc.select(".mermaid") == [], f"{page}: diagrams would load a CDN script"


def test_content_security_policy_on_every_page(built_site):
    for page in html_pages(built_site):
        meta = soup(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, page
        assert "default-src 'self'" in meta["content"]
        assert "http" not in meta["content"]


def test_internal_links_are_relative(built_site):
    # 404.html is served at whatever URL was missing, so MkDocs links it from the site_url path
    # (documented in the README: SITE_URL must include a sub-folder when the site lives in one).
    for page in [p for p in html_pages(built_site) if p.name != "404.html"]:
        for a in soup(page).find_all("a", href=True):
            href = a["href"]
            if href.startswith(("https://", "mailto:")):
                # External links go to sources and help only, never to our own host.
                assert "127.0.0.1" not in href, f"{page}: {href}"
                continue
            assert not href.startswith("/"), f"{page}: root-relative link {href}"


def test_pages_cite_sources_listed_on_the_page(built_site):
    for page in html_pages(built_site):
        doc = soup(page)
        ids = {el["id"] for el in doc.select("[id]")}
        for ref in doc.select(".app-cite a"):
            target = ref["href"].lstrip("#")
            assert target in ids, f"{page}: citation {target} not listed"


def test_every_page_fits_its_byte_budget(built_site):
    """HTML (with its inline CSS) plus every script and image it loads, compressed, on a first
    visit: at most 50 KB for every page of every locale. (A size is exact; a time is not.)"""
    from macros.theme import PAGE_BUDGET, page_weight

    assert PAGE_BUDGET == 50 * 1024
    weights = {page: page_weight(built_site, page) for page in html_pages(built_site)}
    over = [f"{page.relative_to(built_site)}: {w / 1024:.1f} KB"
            for page, w in weights.items() if w > PAGE_BUDGET]
    assert over == [], over
    # It counts what a page loads: the check page's own script is in its weight.
    check = built_site / "check" / "index.html"
    assert weights[check] > len(gzip.compress(check.read_bytes(), 9)) + 4096


def test_english_fallback_has_one_notice_per_section_and_its_share(built_site, real_site):
    """Where a locale falls back to English: no badge on every fragment, one notice in the
    reader's language at the start of each section that holds English, and the page notice
    saying how much of the page is English (the share measured from the page itself); none
    of them on a page with no English. (The same on a fixture with English: test_workflows.)"""
    for code in locale_codes()[1]:
        translator = translator_for(real_site, code)
        words = Words(real_site, translator)
        note = translator.plain("ui.i18n.section_notice")
        for page in (built_site / code).rglob("index.html"):
            if "/embed/" in page.as_posix():
                continue
            body = soup(page).select_one(".app-page")
            marked = [el for el in body.select("[data-app-untranslated]")
                      if not el.find_parent(class_=("app-notice--i18n",
                                                    "app-untranslated-note"))]
            if not marked:
                assert not body.select(".app-untranslated-note, .app-notice--i18n"), page
                continue
            notes = body.select(".app-untranslated-note")
            assert notes and all(n.get_text() == note for n in notes), page
            assert len(notes) < len(marked) or len(marked) == 1, f"{page}: a note per fragment"
            for el in marked:  # each fragment comes after a note of its section
                assert el.find_previous(class_="app-untranslated-note") is not None, page
            notice = body.select_one(".app-notice--i18n")
            share = untranslated_share(str(body))
            expected = translator.plain("ui.i18n.page_notice",
                                        share=words.percent(max(round(share, 2), 0.01)))
            assert notice is not None and notice.get_text() == expected, (page, expected)


def test_priority_pages_are_translated_in_every_locale(built_site, real_site):
    """The pages marked ``priority`` (home, the tool and its answers, the request checker, help,
    the FAQ, the lawsuits page, the handout) carry at most 2 % English fallback in their main
    content, in every locale."""
    priority = [p for p in real_site.pages.values() if p.meta.priority]
    assert {p.id for p in priority} >= {"home", "check", "check-answers", "faq", "help",
                                        "lawsuits", "handout", "request-checker"}
    over = []
    for code in [loc.code for loc in real_site.locales.locales
                 if loc.code != real_site.source_locale and not loc.draft]:
        for page in priority:
            body = soup(built_site / code / page.url / "index.html").select_one(".app-page")
            share = untranslated_share(str(body))
            if share > 0.02:
                over.append(f"{code}/{page.url}: {share:.1%} English")
    assert over == [], over
