"""The two decision widgets in Debian's Chromium: keyboard use, focus and announcements, Back and
Change, shared links, privacy (no request while answering), no-JS reachability, the request
checker, the named scenarios, axe-core, and the download budgets."""

from __future__ import annotations

import gzip
import json
import re
from collections import deque
from urllib.parse import urlparse

import pytest

from .conftest import AXE, ROOT
from .test_site import PHONE, foreign, open_page

pytestmark = pytest.mark.browser

ASSETS = ROOT / "overrides" / "assets" / "app"
CURRENT = ".app-dw__node--current"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _scenarios():
    from macros.load import load_site

    return load_site(ROOT).scenarios


def check_page(browser, site_url, fragment: str = "", **kw):
    ctx, page, requests, errors = open_page(browser, site_url + "check/" + fragment, **kw)
    page.wait_for_selector(".app-dw--js")
    return ctx, page, requests, errors


def current(page) -> str:
    return page.locator(CURRENT).get_attribute("id")


def active_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def status_text(page) -> str:
    return page.locator(".app-dw__status").inner_text().strip()


def wait_at(page, node_id: str) -> None:
    page.wait_for_selector(f"#{node_id}{CURRENT}")


def choose(page, option: str) -> str:
    """Answer the current question with the mouse; return the node reached."""
    node = current(page)
    page.locator(f"{CURRENT} input[value='{option}']").check()
    page.locator(f"{CURRENT} .app-dw__continue").click()
    page.wait_for_selector(f"#{node}{CURRENT}", state="detached")
    return current(page)


def choose_by_keyboard(page, option: str) -> str:
    """Answer the current question with Tab, arrows, Space and Enter only."""
    node = current(page)
    values = page.locator(f"{CURRENT} input[type=radio]").evaluate_all(
        "els => els.map(e => e.value)")
    for _ in range(80):  # Tab into the radio group
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.name === '{node}'"):
            break
    else:
        pytest.fail(f"Tab never reached the answers of {node}")
    here = values.index(page.evaluate("document.activeElement.value"))
    page.keyboard.press("Space")
    for _ in range(values.index(option) - here):
        page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == option
    assert page.locator(f"{CURRENT} input[value='{option}']").is_checked()
    page.keyboard.press("Tab")  # to Continue
    assert page.evaluate("document.activeElement.classList.contains('app-dw__continue')")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#{node}{CURRENT}", state="detached")
    return current(page)


def tree(page) -> dict:
    return json.loads(page.locator(".app-dw__tree").text_content())


def exceptions_shown(page) -> list[str]:
    oid = current(page)
    ids = page.locator(f"{CURRENT} .app-dw__exception h3").evaluate_all(
        "els => els.map(e => e.id)")
    return [i.removeprefix(oid + "-") for i in ids]


# ---------------------------------------------------------------------------------------------


def test_keyboard_only_to_an_outcome_moves_focus_and_announces(browser, site_url):
    ctx, page, requests, errors = check_page(browser, site_url)
    start = tree(page)["start"]
    assert current(page) == start
    # One question at a time: the others are hidden while the widget is enhanced.
    assert page.locator(".app-dw__node:visible").count() == 1
    template = page.locator(".app-decision-widget").get_attribute("data-i18n-progress")
    requests.clear()
    for answer in ("dhs-ice", "nontax-criminal-investigation", "written-request"):
        reached = choose_by_keyboard(page, answer)
        assert active_id(page) == reached + "-h", "focus must move to the new heading"
        heading = page.locator(f"#{reached}-h").inner_text().strip()
        assert heading in status_text(page), "the live region must announce the new step"
        node = tree(page)["nodes"][reached]
        if node["t"] == "q":
            progress = template.replace("{n}", str(node["s"])).replace("{total}", "3")
            assert page.locator(f"{CURRENT} .app-dw__progress").inner_text().strip() == progress
            assert progress in status_text(page)
    assert tree(page)["nodes"][current(page)]["t"] == "r"
    assert page.locator(f"{CURRENT} .app-dw__answers dd").count() == 3
    # Nothing at all was requested while answering, and nothing was kept. (Chromium fetches the
    # site's own favicon again whenever the address changes, even by its fragment; that request
    # carries no fragment and no query, so it cannot tell the server any answer.)
    favicon = site_url + "assets/app/favicon.svg"
    assert [r for r in requests if r != favicon] == [], requests
    assert page.url.endswith("#a=dhs-ice/nontax-criminal-investigation/written-request")
    assert ctx.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert errors == []
    ctx.close()


def test_continue_without_an_answer_asks_for_one(browser, site_url):
    ctx, page, requests, errors = check_page(browser, site_url)
    start = current(page)
    page.locator(f"{CURRENT} .app-dw__continue").click()
    error = page.locator(f"{CURRENT} .app-dw__error")
    assert error.is_visible()
    assert error.inner_text().strip() in status_text(page)
    assert current(page) == start
    assert page.evaluate("document.activeElement.type") == "radio"
    ctx.close()


def test_back_change_and_browser_history(browser, site_url):
    ctx, page, requests, errors = check_page(browser, site_url)
    choose(page, "dhs-ice")
    choose(page, "nontax-criminal-investigation")
    first = choose(page, "written-request")
    assert page.locator(f"#{first}").get_attribute("data-verdict") == "conditional"

    # Back returns to the last question, with the answer given still selected.
    page.locator(f"{CURRENT} .app-dw__back").click()
    page.wait_for_selector(f"#{first}{CURRENT}", state="detached")
    authority = current(page)
    assert tree(page)["nodes"][authority]["t"] == "q"
    assert active_id(page) == authority + "-h"
    assert page.locator(f"{CURRENT} input[value='written-request']").is_checked()
    second = choose(page, "court-order")
    assert second != first

    # Change the purpose: a different answer gives a different outcome.
    page.locator(f"{CURRENT} .app-dw__change").nth(1).click()
    wait_at(page, "q-purpose-dhs-ice")
    assert page.locator(f"{CURRENT} input[value='nontax-criminal-investigation']").is_checked()
    choose(page, "civil-immigration-enforcement")
    third = choose(page, "written-request")
    assert page.locator(f"#{third}").get_attribute("data-verdict") == "not-allowed"
    assert third not in (first, second)

    # The browser's own Back and Forward walk the same steps.
    page.go_back()
    wait_at(page, "q-authority-dhs-ice-civil-immigration-enforcement")
    page.go_forward()
    wait_at(page, third)
    assert active_id(page) == third + "-h"

    # Start again goes back to the first question.
    page.locator(f"{CURRENT} .app-dw__restart").click()
    wait_at(page, tree(page)["start"])
    assert not page.locator(f"{CURRENT} .app-dw__back").is_visible()
    assert errors == []
    ctx.close()


@pytest.mark.parametrize("clipboard", [True, False], ids=["clipboard", "text-field"])
def test_shared_link_restores_the_result(browser, site_url, clipboard):
    init = "" if clipboard else \
        "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
    ctx, page, requests, errors = open_page(browser, site_url + "check/?from=test", init=init)
    if clipboard:
        ctx.grant_permissions(["clipboard-read", "clipboard-write"])
    for answer in ("dhs-ice", "nontax-criminal-investigation", "court-order"):
        outcome = choose(page, answer)
    page.locator(f"{CURRENT} .app-dw__share button").click()
    if clipboard:
        page.locator(f"{CURRENT} .app-dw__copied").wait_for()
        link = page.evaluate("navigator.clipboard.readText()")
        copied = page.locator(f"{CURRENT} .app-dw__copied").inner_text().strip()
        assert copied in status_text(page)
    else:
        field = page.locator(f"{CURRENT} .app-dw__link")
        field.wait_for()
        link = field.input_value()
        assert page.evaluate("document.activeElement.classList.contains('app-dw__link')")
        assert page.evaluate("document.activeElement.selectionEnd") == len(link)
    parts = urlparse(link)
    assert parts.query == "", "the link must not carry a query string"
    assert parts.fragment == "a=dhs-ice/nontax-criminal-investigation/court-order"
    answers = page.locator(f"{CURRENT} .app-dw__answers dd").all_inner_texts()
    ctx.close()

    fresh, again, requests, errors = open_page(browser, link)
    again.wait_for_selector(".app-dw--js")
    assert current(again) == outcome
    assert again.locator(f"{CURRENT} .app-dw__answers dd").all_inner_texts() == answers
    assert active_id(again) == outcome + "-h"
    assert foreign(requests, site_url) == []
    assert errors == []
    fresh.close()


def test_plain_anchors_from_the_no_js_links_are_honoured(browser, site_url):
    ctx, page, requests, errors = check_page(browser, site_url, "#q-purpose-dhs-ice")
    assert current(page) == "q-purpose-dhs-ice"
    # A question has one path, so its answers are known and Back goes one step up.
    page.locator(f"{CURRENT} .app-dw__back").click()
    wait_at(page, tree(page)["start"])
    outcome = next(k for k, v in tree(page)["nodes"].items() if v["t"] == "r")
    page.evaluate(f"location.hash = '{outcome}'")
    wait_at(page, outcome)
    assert active_id(page) == outcome + "-h"
    ctx.close()


def test_without_javascript_every_outcome_is_reachable_by_links(browser, site_url):
    ctx, page, requests, errors = open_page(browser, site_url + "check/", js=False)
    widget = page.locator(".app-decision-widget")
    graph = widget.locator("section[data-node]").evaluate_all("""els => els.map(s => [
        s.id, s.classList.contains('app-dw__outcome'),
        Array.from(s.querySelectorAll('a[href^="#"]')).map(a => a.getAttribute('href').slice(1))
    ])""")
    links = {node: targets for node, _, targets in graph}
    outcomes = {node for node, is_outcome, _ in graph if is_outcome}
    assert outcomes
    start = json.loads(widget.locator(".app-dw__tree").text_content())["start"]
    seen, queue = {start}, deque([start])
    while queue:
        for target in links[queue.popleft()]:
            if target in links and target not in seen:
                seen.add(target)
                queue.append(target)
    assert seen & outcomes == outcomes
    assert seen == set(links), "every question is reachable too"
    # Everything is on the page and visible; following a link goes to its section.
    assert all(widget.locator(f"#{n}").is_visible() for n in (start, *sorted(outcomes)[:3]))
    page.locator(f"#{start} a[data-option]").first.click()
    target = page.locator(f"#{start} a[data-option]").first.get_attribute("data-next")
    assert page.url.endswith("#" + target)
    assert page.evaluate("document.querySelector(':target').id") == target
    assert foreign(requests, site_url) == []
    ctx.close()


def test_request_checker_counts_and_lists_missing(browser, site_url):
    ctx, page, requests, errors = open_page(browser, site_url + "request-checker/")
    root = page.locator(".app-request-checker")
    summary = root.get_attribute("data-i18n-summary")
    all_met = root.get_attribute("data-i18n-all-met")
    checklist = page.locator("section.app-checklist").first
    result = checklist.locator(".app-checklist__result")
    boxes = checklist.locator("input[type=checkbox]")
    total = boxes.count()
    assert total >= 2
    requests.clear()
    boxes.nth(0).check()
    expect = summary.replace("{met}", "1").replace("{total}", str(total))
    assert result.locator(".app-checklist__count").inner_text().strip() == expect
    missing = result.locator(".app-checklist__missing li").all_inner_texts()
    assert len(missing) == total - 1
    second = checklist.locator(f"label[for='{boxes.nth(1).get_attribute('id')}']")
    assert missing[0] == re.sub(r"\s+", " ", second.text_content()).strip()
    for i in range(total):
        boxes.nth(i).check()
    assert result.locator(".app-checklist__count").inner_text().strip() == \
        summary.replace("{met}", str(total)).replace("{total}", str(total))
    assert all_met in result.inner_text()
    boxes.nth(0).press("Space")  # by keyboard: untick one again
    assert result.locator(".app-checklist__count").inner_text().strip() == \
        summary.replace("{met}", str(total - 1)).replace("{total}", str(total))
    assert result.get_attribute("role") == "status"
    assert requests == []  # ticking boxes changes no address, so not even the favicon
    assert errors == []
    ctx.close()


@pytest.mark.parametrize("scenario", _scenarios(), ids=lambda s: s.id)
def test_scenario_through_the_widget(browser, site_url, scenario):
    ctx, page, requests, errors = check_page(browser, site_url)
    for answer in scenario.answers:
        choose(page, answer)
    outcome = page.locator(CURRENT)
    assert outcome.get_attribute("data-verdict") == scenario.expect.verdict, scenario.id
    if scenario.expect.exceptions:
        assert exceptions_shown(page) == scenario.expect.exceptions, scenario.id
    assert errors == []
    ctx.close()


def _axe(page) -> list[dict]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]


@pytest.mark.parametrize("fragment", ["", "#a=dhs-ice/nontax-criminal-investigation",
                                      "#a=dhs-ice/nontax-criminal-investigation/written-request",
                                      "#a=dhs-ice/civil-immigration-enforcement/nothing"],
                         ids=["first-question", "third-question", "conditional", "not-allowed"])
def test_axe_on_the_check_page(browser, site_url, fragment):
    ctx, page, requests, errors = check_page(browser, site_url, fragment, viewport=PHONE)
    if "/nothing" in fragment or "/written" in fragment:
        assert page.locator(CURRENT).get_attribute("data-verdict")
        page.locator(f"{CURRENT} .app-dw__share button").click()  # the copied message too
    else:
        page.locator(f"{CURRENT} .app-dw__continue").click()  # the "choose one" message too
    violations = _axe(page)
    assert violations == [], json.dumps(violations, indent=1)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"page is {width}px wide on a 360px screen"
    ctx.close()


def test_axe_on_the_request_checker(browser, site_url):
    ctx, page, requests, errors = open_page(browser, site_url + "request-checker/")
    page.locator("section.app-checklist input[type=checkbox]").first.check()
    violations = _axe(page)
    assert violations == [], json.dumps(violations, indent=1)
    ctx.close()


def test_targets_are_at_least_44px_high(browser, site_url):
    ctx, page, requests, errors = check_page(browser, site_url, "#a=dhs-ice")
    for sel in (f"{CURRENT} .app-dw__choice label", f"{CURRENT} .app-dw__continue",
                f"{CURRENT} .app-dw__back", f"{CURRENT} .app-dw__restart"):
        for box in page.locator(sel).evaluate_all(
                "els => els.map(e => e.getBoundingClientRect().height)"):
            assert box >= 44, sel
    ctx.close()


def test_right_to_left_mirrors(browser, site_url):
    # What the build writes for a right-to-left locale: dir="rtl" on <html> and <body>.
    rtl = ("document.addEventListener('DOMContentLoaded', () => "
           "[document.documentElement, document.body].forEach(e => e.dir = 'rtl'));")
    ctx, page, requests, errors = check_page(browser, site_url, "#a=dhs-ice", init=rtl)
    radio = page.locator(f"{CURRENT} .app-dw__choice input").first.bounding_box()
    label = page.locator(f"{CURRENT} .app-dw__choice label").first.bounding_box()
    # The radio sits at the start edge, which is the right-hand side in right-to-left pages.
    assert radio["x"] > label["x"] + label["width"] / 2
    back = page.locator(f"{CURRENT} .app-dw__back").bounding_box()
    restart = page.locator(f"{CURRENT} .app-dw__restart").bounding_box()
    assert back["x"] > restart["x"], "Back comes first, at the right"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    ctx.close()


def test_no_physical_directions_in_the_widget_css():
    css = (ASSETS / "widgets.css").read_text(encoding="utf-8")
    physical = re.findall(r"(?:margin|padding|border)-(?:left|right)|(?<![-\w])(?:left|right)\s*:"
                          r"|text-align:\s*(?:left|right)|float:\s*(?:left|right)", css)
    assert physical == [], "use logical properties so right-to-left pages mirror"


def test_download_budgets():
    def gz(*names: str) -> int:
        return sum(len(gzip.compress((ASSETS / n).read_bytes(), compresslevel=9)) for n in names)

    assert gz("decision-widget.js", "request-checker.js") <= 8192
    assert gz("widgets.css") <= 4096


def test_scripts_have_no_english_or_network_calls():
    for name in ("decision-widget.js", "request-checker.js"):
        code = (ASSETS / name).read_text(encoding="utf-8")
        body = re.sub(r"/\*.*?\*/|//[^\n]*", "", code, flags=re.S)
        for banned in ("fetch(", "XMLHttpRequest", "sendBeacon", "localStorage", "sessionStorage",
                       "document.cookie", "indexedDB", "WebSocket", "location.search"):
            assert banned not in body, f"{name}: {banned}"
        # Words shown to people come from data-i18n-* attributes; string literals are code.
        for literal in re.findall(r'"([^"\\]*)"', body):
            assert not re.search(r"[A-Z][a-z]+ [a-z]+", literal), f"{name}: {literal!r}"


def test_print_keeps_the_answers_and_drops_the_controls(browser, site_url):
    ctx, page, requests, errors = check_page(
        browser, site_url, "#a=dhs-ice/civil-immigration-enforcement/nothing")
    page.emulate_media(media="print")
    assert page.locator(f"{CURRENT} .app-dw__answers dd").count() == 3
    assert page.locator(f"{CURRENT} .app-dw__answers").is_visible()
    assert not page.locator(f"{CURRENT} .app-dw__controls").is_visible()
    assert not page.locator(f"{CURRENT} .app-dw__share").is_visible()
    ctx.close()
    # Without JavaScript the printout holds every question and outcome, as the screen does.
    ctx, page, requests, errors = open_page(browser, site_url + "check/", js=False)
    page.emulate_media(media="print")
    nodes = page.locator(".app-dw__node")
    assert all(nodes.nth(i).is_visible() for i in range(nodes.count()))
    ctx.close()
