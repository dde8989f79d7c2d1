"""Print: no navigation or controls on paper; the handout fits one sheet in every locale."""

from __future__ import annotations

import re

import pytest

from ..helpers import locale_codes

pytestmark = pytest.mark.browser
SOURCE, OTHERS = locale_codes()


def test_print_shows_content_without_navigation(browser, site_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.goto(site_url + "exceptions/i/", wait_until="load")
    page.emulate_media(media="print")
    for selector in (".app-header", ".app-exitbar", ".app-quick-exit", ".app-lang",
                     ".app-menu", ".app-embed-panel", ".app-filter"):
        loc = page.locator(selector)
        assert loc.count() == 0 or not loc.first.is_visible(), selector
    assert page.locator("h1").is_visible()
    assert page.locator("section.app-exception").first.is_visible()
    assert page.locator(".app-sources").is_visible(), "sources are printed"
    assert page.locator(".app-advice").is_visible(), "the not-legal-advice notice is printed"
    # External links show their address on paper.
    after = page.evaluate("""getComputedStyle(
        document.querySelector('.app-sources a[href^="http"]'), '::after').content""")
    assert "attr(href)" in after or "http" in after
    ctx.close()


def test_a_cases_earlier_steps_open_for_a_link_and_print(browser, site_url):
    """The lawsuits page folds each case's earlier steps: a link to one opens its fold, with or
    without JavaScript, and on paper every step is printed without the fold's button."""
    for js in (False, True):
        ctx = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=js)
        page = ctx.new_page()
        page.goto(site_url + "lawsuits/", wait_until="load")
        first = page.locator(".app-fold li[id]").first
        target = first.get_attribute("id")
        assert not first.is_visible(), "earlier steps start folded"
        page.goto(site_url + "lawsuits/#" + target, wait_until="load")
        # The browser opens the fold as it scrolls to the step (at the next frame).
        page.locator(f"[id='{target}']").wait_for(state="visible", timeout=3000)
        if not js:
            page.goto(site_url + "lawsuits/", wait_until="load")
            page.emulate_media(media="print")
            folded = page.locator(".app-fold:not([open]) li[id]")
            assert folded.count() > 5
            assert folded.first.is_visible() and folded.last.is_visible(), "steps are printed"
            assert not page.locator(".app-fold > summary").first.is_visible()
        ctx.close()


@pytest.mark.parametrize("code", [SOURCE, *OTHERS])
def test_handout_prints_on_one_page(browser, site_url, code, results_dir):
    prefix = "" if code == SOURCE else f"{code}/"
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(f"{site_url}{prefix}handout/", wait_until="load")
    for fmt in ("Letter", "A4"):
        pdf = page.pdf(format=fmt, print_background=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"{code} handout prints on {pages} {fmt} pages"
    (results_dir / f"handout-{code}.pdf").write_bytes(pdf)
    page.emulate_media(media="print")
    assert page.locator(".app-handout__qr svg").is_visible()
    assert not page.locator(".app-quick-exit").is_visible()
    ctx.close()
