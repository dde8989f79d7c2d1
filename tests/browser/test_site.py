"""The built site in Debian's Chromium: phone layout, privacy, no-JS, quick exit, axe-core."""

from __future__ import annotations

import json
import re

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

FIRST_SCREEN = """() => {
  const h = window.innerHeight, tool = document.querySelector('a.app-tool-link');
  const items = [...document.querySelectorAll('.app-know > li')];
  const bottom = el => el.getBoundingClientRect().bottom;
  return {tool: tool && bottom(tool) <= h, items: items.length,
          all: items.every(li =>
            (li.querySelector('summary') || li).getBoundingClientRect().top < h - 20)};
}"""


@pytest.mark.parametrize("code", locale_codes()[1] + [""], ids=lambda c: c or "en")
def test_home_first_screen_on_a_phone(browser, site_url, results_dir, real_site, code):
    """The tool and the three things to know are on the first screen of a 360 x 740 phone (a
    draft locale's English fallback notes may push the last of them down)."""
    ctx, page, requests, errors = open_page(browser, site_url + (f"{code}/" if code else ""))
    shown = page.evaluate(FIRST_SCREEN)
    assert shown["tool"], "the tool's link is below the first screen"
    draft = bool(code) and real_site.locale(code).draft
    assert shown["items"] == 3 and (shown["all"] or draft), shown
    assert errors == []
    page.screenshot(path=str(results_dir / f"home-{code or 'en'}-360.png"))
    ctx.close()


def test_headings_are_dark_and_bold(browser, site_url):
    ctx, page, requests, errors = open_page(browser, site_url + "faq/")
    style = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('h1'));
        return [s.color, s.fontWeight]; }""")
    assert style == ["rgb(31, 36, 40)", "700"], style
    ctx.close()


def test_only_our_own_scripts_and_no_theme_bundle(browser, site_url, built_site):
    """A page loads our small scripts (content-hashed names) and nothing of the theme's."""
    for path in ("", "faq/", "check/", "es/exceptions/"):
        ctx, page, requests, errors = open_page(browser, site_url + path)
        scripts = [r for r in requests if r.endswith(".js")]
        assert scripts and all("/assets/app/" in r for r in scripts), scripts
        assert all(re.search(r"\.[0-9a-f]{10}\.js$", r) for r in scripts), scripts
        assert not [r for r in requests if r.endswith(".css") or "search_index" in r], requests
        assert errors == []
        ctx.close()


def test_search_loads_only_when_used_and_finds_pages(browser, site_url):
    for code, word in (("", "consent"), ("es/", "consentimiento")):
        ctx, page, requests, errors = open_page(browser, site_url + code)
        assert not [r for r in requests if "search" in r], "nothing of search before it is used"
        page.locator(".app-menu > summary").click()
        page.locator("#app-search-input").fill(word)
        page.wait_for_selector(".app-search__results li a")
        assert any(r.endswith(f"{code}search/search_index.json") for r in requests)
        href = page.locator(".app-search__results li a").first.get_attribute("href")
        assert href and not href.startswith("http"), href
        assert foreign(requests, site_url) == [] and errors == []
        ctx.close()


def test_keyboard_scrolls_the_page_area(browser, site_url):
    ctx, page, requests, errors = open_page(browser, site_url + "faq/")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("PageDown")
    page.keyboard.press("Space")
    assert page.evaluate("document.querySelector('.app-scroll').scrollTop") > 500
    ctx.close()


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


def test_an_injected_inline_script_does_not_run(browser, site_url):
    """No inline script is allowed: one slipped into a page is blocked by the policy."""
    inject = """
    new MutationObserver((_, obs) => {
      const main = document.querySelector('main');
      if (main) {
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        main.appendChild(s);
        obs.disconnect();
      }
    }).observe(document, {childList: true, subtree: true});
    """
    ctx, page, requests, errors = open_page(browser, site_url, init=inject)
    assert page.evaluate("window.__ran") is None
    ctx.close()


AXE_RULES = ("axe.run(document, {runOnly: {type: 'tag', values: "
             "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}, "
             "resultTypes: ['violations']})")
AXE_RULES_NO_CONTRAST = AXE_RULES.replace(
    "resultTypes:", "rules: {'color-contrast': {enabled: false}}, resultTypes:")


# Every page template in the right-to-left locale as well as in English.
FULL_SWEEP = {"ar"}
# Pages that repeat another's template and layout: one of each kind is swept.
REPEATS = ("embed/", "exceptions/")
SWEPT_REPEATS = ("embed/check/", "embed/check-answers/", "exceptions/", "exceptions/i/")


def _locales() -> list[str]:
    source, others = locale_codes()
    return [source, *others]


def _in_locale(path: str, code: str, codes: list[str]) -> bool:
    first = path.split("/")[0]
    return first == code or (code == codes[0] and first not in codes)


@pytest.mark.parametrize(("viewport", "code"), [
    *((PHONE, code) for code in _locales()), (DESKTOP, _locales()[0])],
    ids=[*(f"phone-{code}" for code in _locales()), "desktop-" + _locales()[0]])
def test_axe_reports_no_violations(browser, site_url, built_site, real_site, viewport, code):
    """On a phone: every page of the source locale (and the 404 page) but the repeats of one
    template (of the embeds and the exceptions' subsection pages, the heaviest of each kind);
    the same in Arabic (right to left); in the other locales the priority pages (translated in
    full), without the colour-contrast rule (the CSS is the same as in English). At desktop
    width one page of each layout.
    The same visits check privacy: no request to another host, nothing the CSP had to block, no
    storage, no script error, and no cookie at the end."""
    failures = {}
    ctx = browser.new_context(viewport=viewport)
    page = ctx.new_page()
    requests, errors = watch(page)
    axe = AXE.read_text(encoding="utf-8")
    codes = _locales()
    paths = [p for p in page_paths(built_site) if _in_locale(p, code, codes)]
    prefix = "" if code == codes[0] else f"{code}/"
    rules = AXE_RULES
    if viewport is PHONE and (code == codes[0] or code in FULL_SWEEP):
        paths = [p for p in paths if not p.removeprefix(prefix).startswith(REPEATS)
                 or p.removeprefix(prefix) in SWEPT_REPEATS]
        if code == codes[0]:
            paths.append("404.html")
    elif code != codes[0]:
        # Colour contrast is the CSS's, the same in every left-to-right locale (checked on every
        # template in English): here the rules that depend on the words and the language.
        rules = AXE_RULES_NO_CONTRAST
        paths = [p for p in paths if p in {f"{code}/{p.url}" for p in real_site.pages.values()
                                           if p.meta.priority}]
    else:  # desktop: one page of each layout
        paths = [p for p in paths if p in {"", "check/", "check-answers/", "exceptions/i/",
                                           "lawsuits/", "embed/check/", "request-checker/"}]
    for path in paths:
        requests.clear()
        page.goto(site_url + path, wait_until="load")
        page.evaluate(axe)  # run in the page's world (an inline <script> would be refused)
        result = page.evaluate(rules)
        violations = [
            {"id": v["id"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]
        if violations:
            failures[path] = violations
        assert foreign(requests, site_url) == [], path
        assert page.evaluate("window.__csp") == [], f"{path}: blocked attempt"
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0, path
        assert errors == [], f"{path}: {errors}"
    assert ctx.cookies() == [], "a cookie was set"
    ctx.close()
    assert failures == {}, json.dumps(failures, indent=1)
