"""The built site in Debian's Chromium: phone layout, privacy, no-JS, quick exit, axe-core."""

from __future__ import annotations

import json

import pytest

from ..helpers import (
    AXE,
    DESKTOP,
    NEUTRAL,
    PHONE,
    foreign,
    locale_codes,
    open_page,
    page_paths,
    watch,
)

pytestmark = pytest.mark.browser

def test_home_on_a_phone(browser, site_url, results_dir):
    ctx, page, requests, errors = open_page(browser, site_url)
    assert page.locator("h1").first.is_visible()
    # Nothing is wider than the screen (no sideways scrolling of the page).
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"page is {width}px wide on a 360px screen"
    assert page.locator("a.app-quick-exit").is_visible()
    assert errors == []
    page.screenshot(path=str(results_dir / "home-360.png"))
    ctx.close()


def test_no_request_to_any_other_host(browser, site_url, built_site):
    # One phone-sized context visits every page of every locale, waiting for the network to go
    # quiet on each, so late requests (theme scripts after load) are caught too.
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    requests, errors = watch(page)
    for path in page_paths(built_site):
        requests.clear()
        page.goto(site_url + path, wait_until="networkidle")
        assert foreign(requests, site_url) == [], path
        assert page.evaluate("window.__csp") == [], f"{path}: blocked attempt"
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0 or \
            _only_theme_storage(page), path
        assert errors == [], f"{path}: {errors}"
    assert ctx.cookies() == [], "a cookie was set"
    ctx.close()


def _only_theme_storage(page) -> bool:
    """Material may keep UI state (e.g. search) in session storage, scoped to this site only."""
    keys = page.evaluate("Object.keys(localStorage).concat(Object.keys(sessionStorage))")
    return all(k.startswith(("/", "__")) or ".__" in k for k in keys)


def test_content_readable_without_javascript(browser, site_url, built_site, real_site):
    data = real_site
    ctx, page, requests, errors = open_page(browser, site_url + "exceptions/", js=False)
    assert page.locator("h1").inner_text().strip()
    rows = page.locator("#exceptions-table tbody tr")
    assert rows.count() == len(data.exceptions)
    assert all(rows.nth(i).is_visible() for i in range(rows.count()))
    # The filter needs JavaScript, so it stays hidden; the full table is the no-JS view.
    assert not page.locator(".app-filter").is_visible()
    assert page.locator("a.app-quick-exit").get_attribute("href") == NEUTRAL
    assert foreign(requests, site_url) == []
    ctx.close()


def _route_neutral(ctx) -> None:
    ctx.route(NEUTRAL + "**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Weather</title><p>Weather</p>"))


def test_quick_exit_by_escape_twice_replaces_history(browser, site_url):
    ctx = browser.new_context(viewport=PHONE)
    _route_neutral(ctx)
    page = ctx.new_page()
    page.goto(site_url, wait_until="networkidle")
    page.goto(site_url + "exceptions/", wait_until="networkidle")
    length = page.evaluate("history.length")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)
    assert page.evaluate("history.length") == length, "quick exit must not add a history entry"
    page.go_back()
    # Back skips the replaced page (exceptions) and lands on the page before it.
    assert page.url == site_url
    ctx.close()


def test_one_escape_does_not_exit(browser, site_url):
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1200)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url == site_url
    ctx.close()


def test_quick_exit_by_click_and_keyboard(browser, site_url):
    ctx = browser.new_context(viewport=PHONE)
    _route_neutral(ctx)
    page = ctx.new_page()
    page.goto(site_url, wait_until="networkidle")
    # Reachable by keyboard: Tab reaches it early, Enter activates it.
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('app-quick-exit')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('app-quick-exit')")
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)
    ctx.close()


def test_quick_exit_without_javascript_is_a_plain_link(browser, site_url):
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    _route_neutral(ctx)
    page = ctx.new_page()
    page.goto(site_url)
    page.click("a.app-quick-exit")
    page.wait_for_url(NEUTRAL)
    ctx.close()


def test_no_cdn_polyfill_when_resize_observer_is_missing(browser, site_url, built_site):
    remove = "delete window.ResizeObserver; window.__hadRO = 'ResizeObserver' in window;"
    for path in ("", "exceptions/"):
        ctx, page, requests, errors = open_page(browser, site_url + path, init=remove)
        assert page.evaluate("window.__hadRO") is False
        assert foreign(requests, site_url) == []
        assert page.evaluate("window.__csp") == [], "the theme tried to reach a CDN"
        assert any(r.endswith("ResizeObserver.global.js") for r in requests)
        assert page.evaluate("typeof window.ResizeObserver") == "function"
        assert errors == []
        ctx.close()


def test_a_diagram_cannot_pull_mermaid_from_a_cdn(browser, site_url):
    # Even if a page ever contained a diagram, the policy stops the theme's CDN request.
    inject = """
    new MutationObserver((_, obs) => {
      const article = document.querySelector('article');
      if (article && !document.querySelector('.mermaid')) {
        const pre = document.createElement('pre');
        pre.className = 'mermaid';
        pre.innerHTML = '<code>graph TD; A-->B</code>';
        article.appendChild(pre);
        obs.disconnect();
      }
    }).observe(document, {childList: true, subtree: true});
    """
    ctx, page, requests, errors = open_page(browser, site_url, init=inject)
    page.wait_for_timeout(500)
    assert foreign(requests, site_url) == []
    blocked = page.evaluate("window.__csp")
    assert any("unpkg.com" in b for b in blocked), blocked
    ctx.close()


AXE_RULES = ("axe.run(document, {runOnly: {type: 'tag', values: "
             "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})")


def _locales() -> list[str]:
    source, others = locale_codes()
    return [source, *others]


def _in_locale(path: str, code: str, codes: list[str]) -> bool:
    first = path.split("/")[0]
    return first == code or (code == codes[0] and first not in codes)


@pytest.mark.parametrize("code", _locales())
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_axe_reports_no_violations(browser, site_url, built_site, viewport, code):
    """Every page of every locale (and the 404 page), at phone and desktop widths."""
    failures = {}
    ctx = browser.new_context(viewport=viewport)
    page = ctx.new_page()
    axe = AXE.read_text(encoding="utf-8")
    codes = _locales()
    paths = [p for p in page_paths(built_site) if _in_locale(p, code, codes)]
    if code == codes[0]:
        paths.append("404.html")
    for path in paths:
        page.goto(site_url + path, wait_until="load")
        page.add_script_tag(content=axe)
        result = page.evaluate(AXE_RULES)
        violations = [
            {"id": v["id"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]
        if violations:
            failures[path] = violations
    ctx.close()
    assert failures == {}, json.dumps(failures, indent=1)
