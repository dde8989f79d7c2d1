"""The two tools in Debian's Chromium: keyboard use, focus and announcements, Back and Change
without history entries, the answer's order on a phone, shared links, no-JS steps shown one at a
time, privacy (one same request for every reader), the request checker, scenarios, axe-core."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from ..helpers import AXE, NEUTRAL, PHONE, ROOT, foreign, open_page

pytestmark = pytest.mark.browser

CURRENT = ".app-check__node--current"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
NOT_ALLOWED = ["state-local-police", "civil-immigration-enforcement", "nothing"]  # no route at all
ICE_CRIMINAL = ["dhs-ice", "nontax-criminal-investigation", "written-request"]


def _scenarios():
    import yaml

    data = yaml.safe_load((ROOT / "data" / "scenarios.yml").read_text(encoding="utf-8"))
    return data["scenarios"]


def check_page(browser, site_url, fragment: str = "", **kw):
    ctx, page, requests, errors = open_page(browser, site_url + "check/" + fragment, **kw)
    page.wait_for_selector(".app-check--js")
    return ctx, page, requests, errors


def current(page) -> str:
    return page.locator(CURRENT).get_attribute("id")


def active_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def status_text(page) -> str:
    return page.locator(".app-check__status").inner_text().strip()


def island(page) -> dict:
    return json.loads(page.locator(".app-check__tree").text_content())


def choose(page, option: str) -> str:
    """Answer the current question with the mouse; return the node reached."""
    node = current(page)
    page.locator(f"{CURRENT} input[value='{option}']").check()
    page.locator(f"{CURRENT} .app-check__continue").click()
    page.wait_for_selector(f"#{node}{CURRENT}", state="detached")
    return current(page)


def answer_all(page, answers) -> str:
    for a in answers:
        choose(page, a)
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
    page.keyboard.press("Tab")  # to Continue
    assert page.evaluate("document.activeElement.classList.contains('app-check__continue')")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#{node}{CURRENT}", state="detached")
    return current(page)


# ---------------------------------------------------------------------------------------------


def test_keyboard_only_answer_leaves_no_trail(browser, site_url):
    ctx, page, requests, errors = check_page(browser, site_url)
    tree = island(page)
    assert current(page) == tree["start"]
    assert page.locator(".app-check__node:visible").count() == 1
    length = page.evaluate("history.length")
    requests.clear()
    for answer in ICE_CRIMINAL:
        reached = choose_by_keyboard(page, answer)
        assert active_id(page) == reached + "-h", "focus must move to the new heading"
        heading = page.locator(f"#{reached}-h").inner_text().strip()
        assert heading in status_text(page), "the live region must announce the new step"
    assert page.locator(CURRENT).get_attribute("data-verdict") == "conditional"
    # No history entry, no fragment: Back cannot show the answers, nothing stays in the address.
    assert page.evaluate("history.length") == length
    assert urlparse(page.url).fragment == "" and urlparse(page.url).query == ""
    # The one request is the answers page: the same for every reader, whatever they answer.
    answers_url = site_url + "check-answers/"
    assert [r for r in requests if not r.endswith("favicon.svg")] == [answers_url]
    assert ctx.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert errors == []
    ctx.close()


def test_continue_without_an_answer_asks_for_one(browser, site_url):
    ctx, page, requests, errors = check_page(browser, site_url)
    start = current(page)
    page.locator(f"{CURRENT} .app-check__continue").click()
    error = page.locator(f"{CURRENT} .app-check__error")
    assert error.is_visible()
    assert error.inner_text().strip() in status_text(page)
    assert current(page) == start
    assert page.evaluate("document.activeElement.type") == "radio"
    ctx.close()


def test_back_and_change_work_in_memory(browser, site_url):
    ctx, page, requests, errors = check_page(browser, site_url)
    length = page.evaluate("history.length")
    first = answer_all(page, ICE_CRIMINAL)
    # Back returns to the last question, with the answer given still selected.
    page.locator(f"{CURRENT} .app-check__controls button").first.click()
    page.wait_for_selector(f"#{first}{CURRENT}", state="detached")
    assert current(page).startswith("q-authority-")
    assert page.locator(f"{CURRENT} input[value='written-request']").is_checked()
    second = choose(page, "court-order")
    assert second != first
    # Change the purpose from "Your answers": a different answer, a different verdict.
    page.locator(f"{CURRENT} .app-check__answers-box summary").click()
    page.locator(f"{CURRENT} .app-check__change").nth(1).click()
    page.wait_for_selector("#q-purpose-dhs-ice" + CURRENT)
    assert page.locator(f"{CURRENT} input[value='nontax-criminal-investigation']").is_checked()
    choose(page, "civil-immigration-enforcement")
    third = choose(page, "taxpayer-consent")
    assert page.locator(f"#{third}").get_attribute("data-verdict") == "allowed"
    # Start again goes back to the first question, still without history entries.
    page.locator(f"{CURRENT} .app-check__controls button").nth(1).click()
    page.wait_for_selector(f"#{island(page)['start']}{CURRENT}")
    assert not page.locator(f"{CURRENT} .app-check__controls").is_visible()
    assert page.evaluate("history.length") == length
    assert errors == []
    ctx.close()


def test_after_the_quick_exit_back_does_not_show_the_answers(browser, site_url):
    ctx = browser.new_context(viewport=PHONE)
    ctx.route(NEUTRAL + "**", lambda route: route.fulfill(body="<p>weather</p>",
                                                          content_type="text/html"))
    page = ctx.new_page()
    page.goto(site_url + "faq/", wait_until="load")
    page.goto(site_url + "check/", wait_until="load")
    page.wait_for_selector(".app-check--js")
    answer_all(page, NOT_ALLOWED)
    page.locator("a.app-quick-exit").click()
    page.wait_for_url(NEUTRAL + "**")
    page.go_back(wait_until="load")
    assert page.url == site_url + "faq/", "Back skips the tool: its entry was replaced"
    assert page.locator(".app-check__outcome").count() == 0
    ctx.close()


ORDER_JS = """s => Array.from(s.children).filter(e => e.offsetParent !== null).map(e =>
    e.classList.contains('app-check__verdict') ? 'verdict'
    : e.classList.contains('app-check__context') ? 'context'
    : e.classList.contains('app-check__next') ? 'next'
    : e.hasAttribute('data-answers') ? 'answers'
    : e.classList.contains('app-check__courts') ? 'courts'
    : e.classList.contains('app-sources') ? 'sources' : null).filter(Boolean)"""


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("code", ["", "es/", "ar/"], ids=["en", "es", "ar"])
def test_the_answer_reads_in_order_and_fits_the_first_phone_screen(browser, site_url, code, js):
    if js:
        ctx, page, requests, errors = check_page(browser, site_url + code, viewport=PHONE)
        answer_all(page, ICE_CRIMINAL)
        sec = page.locator(CURRENT)
        expected = ["verdict", "context", "next", "answers", "courts", "sources"]
    else:
        ctx, page, requests, errors = open_page(
            browser, f"{site_url}{code}check-answers/#r--{'--'.join(ICE_CRIMINAL)}", js=False)
        sec = page.locator(".app-check__node:visible")
        # What you can do now follows the answer (written once per list on the page).
        expected = ["verdict", "context", "courts"]
        assert page.locator(".app-check__next-set:visible").count() == 1
    assert list(dict.fromkeys(sec.evaluate(ORDER_JS))) == expected
    # The verdict and what has happened are on the first screen, below the site header.
    header = page.evaluate("document.querySelector('.app-exitbar').offsetHeight")
    verdict = sec.locator(".app-check__verdict").bounding_box()
    context = sec.locator(".app-check__context").first.bounding_box()
    assert verdict["y"] >= header - 1, (verdict, header)
    assert context["y"] + context["height"] <= PHONE["height"], context
    # "Your answers" and the sources are collapsed until opened.
    if js:
        assert sec.locator(".app-check__answers-box").get_attribute("open") is None
    assert page.locator("details.app-sources, .app-sources details").first.get_attribute(
        "open") is None
    ctx.close()


@pytest.mark.parametrize("code", ["", "es/", "ar/"], ids=["en", "es", "ar"])
def test_without_javascript_one_step_at_a_time(browser, site_url, code):
    ctx, page, requests, errors = open_page(browser, site_url + code + "check/", js=False)
    visible = page.locator(".app-check__node:visible")
    assert visible.count() == 1 and visible.first.get_attribute("id") == "q-recipient"
    # Follow the links: each shows only the step it targets.
    for answer in NOT_ALLOWED:
        page.locator(f":is(.app-check__node:visible) a[data-option='{answer}']").click()
        page.wait_for_load_state("load")
        assert page.locator(".app-check__node:visible").count() == 1
    assert urlparse(page.url).path.endswith("/check-answers/")
    answer = page.locator(".app-check__node:visible")
    assert answer.get_attribute("data-verdict") == "not-allowed"
    # Only the path taken is named; the other paths to the same answer stay hidden.
    assert answer.locator(".app-check__path:visible").count() == 1
    assert answer.locator(".app-check__verdict").is_visible()
    assert foreign(requests, site_url) == []
    ctx.close()


def test_without_javascript_every_answer_is_reachable_by_links(browser, site_url):
    ctx, page, requests, errors = open_page(browser, site_url + "check/", js=False)
    links = page.locator(".app-check__question").evaluate_all("""els => els.map(s => [s.id,
        Array.from(s.querySelectorAll('a[data-option]')).map(a => a.getAttribute('href'))])""")
    start = island(page)["start"]
    graph = dict(links)
    seen, anchors, todo = {start}, set(), [start]
    while todo:
        for href in graph[todo.pop()]:
            target = href.split("#")[1]
            if href.startswith("#"):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
            else:
                assert href.split("#")[0] == "../check-answers/"
                anchors.add(target)
    assert seen == set(graph), "every question is reachable"
    page.goto(site_url + "check-answers/", wait_until="load")
    on_page = set(page.locator(".app-check__path").evaluate_all("els => els.map(e => e.id)"))
    assert anchors == on_page == set(island_of(browser, site_url)["r"])
    ctx.close()


def island_of(browser, site_url) -> dict:
    ctx, page, requests, errors = open_page(browser, site_url + "check/")
    data = island(page)
    ctx.close()
    return data


@pytest.mark.parametrize("clipboard", [True, False], ids=["clipboard", "text-field"])
def test_shared_link_opens_the_same_answer_with_or_without_javascript(browser, site_url,
                                                                        clipboard):
    init = "" if clipboard else \
        "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
    ctx, page, requests, errors = check_page(browser, site_url, init=init)
    if clipboard:
        ctx.grant_permissions(["clipboard-read", "clipboard-write"])
    reached = answer_all(page, ICE_CRIMINAL)
    page.locator(f"{CURRENT} .app-check__share button").first.click()
    if clipboard:
        page.locator(f"{CURRENT} .app-check__copied").wait_for()
        link = page.evaluate("navigator.clipboard.readText()")
    else:
        field = page.locator(f"{CURRENT} .app-check__link")
        field.wait_for()
        link = field.input_value()
        assert page.evaluate("document.activeElement.selectionEnd") == len(link)
    parts = urlparse(link)
    assert parts.query == "" and parts.path.endswith("/check-answers/")
    assert parts.fragment == "r--" + "--".join(ICE_CRIMINAL)
    ctx.close()
    for js in (True, False):
        ctx, again, requests, errors = open_page(browser, link, js=js)
        shown = again.locator(".app-check__outcome:visible")
        assert shown.count() == 1 and shown.get_attribute("id") == reached
        assert errors == []
        ctx.close()


def test_old_links_and_plain_anchors_are_honoured_then_cleared(browser, site_url):
    # A link made before answers left the address (#a=…), and a question's plain anchor.
    ctx, page, requests, errors = check_page(browser, site_url,
                                             "#a=dhs-ice/civil-immigration-enforcement/nothing")
    page.wait_for_selector(f".app-check__outcome{CURRENT}")
    assert page.locator(CURRENT).get_attribute("data-verdict") == "conditional"  # a refund offset
    assert urlparse(page.url).fragment == ""
    ctx.close()
    ctx, page, requests, errors = check_page(browser, site_url, "#q-purpose-dhs-ice")
    assert current(page) == "q-purpose-dhs-ice"
    page.locator(f"{CURRENT} .app-check__controls button").first.click()
    page.wait_for_selector(f"#{island(page)['start']}{CURRENT}")
    ctx.close()


def test_every_scenario_through_the_widget(browser, site_url):
    """Each scenario answered by choosing, one after another in one visit ("Start again"
    between them): the answer shown has the scenario's verdict and routes."""
    ctx, page, requests, errors = check_page(browser, site_url)
    first, wrong = current(page), []
    for scenario in _scenarios():
        if current(page) != first:
            page.locator(f"{CURRENT} .app-check__controls button").nth(1).click()
            assert current(page) == first, "Start again goes back to the first question"
        answer_all(page, scenario["answers"])
        outcome = page.locator(CURRENT)
        expect = scenario["expect"]
        routes = sorted((outcome.get_attribute("data-routes") or "").split())
        got = (outcome.get_attribute("data-verdict"), routes)
        if got != (expect["verdict"], sorted(expect.get("routes", []))):
            wrong.append(f"{scenario['id']}: {got}")
    assert wrong == [] and errors == [], wrong
    ctx.close()


def _axe(page) -> list[dict]:
    page.evaluate(AXE.read_text(encoding="utf-8"))  # page world: no inline script
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                           "resultTypes: ['violations']})", AXE_TAGS)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]


@pytest.mark.parametrize("answers", [[], ["dhs-ice", "nontax-criminal-investigation"], NOT_ALLOWED,
                                     ["dhs-ice", "nontax-criminal-investigation", "dont-know"]],
                         ids=["first-question", "third-question", "not-allowed", "depends"])
def test_axe_on_the_tool(browser, site_url, answers):
    ctx, page, requests, errors = check_page(browser, site_url, viewport=PHONE)
    answer_all(page, answers)
    if len(answers) == 3:
        page.locator(f"{CURRENT} .app-check__answers-box summary").click()
        page.locator(f"{CURRENT} .app-check__share button").first.click()  # the copied message too
    else:
        page.locator(f"{CURRENT} .app-check__continue").click()  # the "choose one" message too
    violations = _axe(page)
    assert violations == [], json.dumps(violations, indent=1)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"page is {width}px wide on a 360px screen"
    ctx.close()


def test_axe_on_the_answers_page(browser, site_url):
    # The answers page runs no tool script: what axe sees is what a no-JS reader gets.
    ctx, page, requests, errors = open_page(
        browser, site_url + "check-answers/#r--" + "--".join(ICE_CRIMINAL))
    assert page.locator(".app-check__node:visible").count() == 1
    violations = _axe(page)
    assert violations == [], json.dumps(violations, indent=1)
    ctx.close()


def test_request_checker_counts_and_lists_missing(browser, site_url):
    ctx, page, requests, errors = open_page(browser, site_url + "request-checker/")
    root = page.locator(".app-request-checker")
    summary = root.get_attribute("data-i18n-summary")
    checklist = page.locator("section.app-request-checker__list").first
    result = checklist.locator(".app-request-checker__result")
    items = checklist.locator("fieldset.app-request-checker__item")
    total = items.count()
    assert total >= 2
    requests.clear()
    items.nth(0).locator("input[value='yes']").check()
    items.nth(1).locator("input[value='no']").check()
    expect = summary.replace("{yes}", "1").replace("{no}", "1") \
        .replace("{unknown}", str(total - 2)).replace("{total}", str(total))
    assert result.locator(".app-request-checker__count").inner_text().strip() == expect
    missing = result.locator(".app-request-checker__missing li").all_inner_texts()
    assert len(missing) == 1
    # The count stays in view while ticking further down the list.
    items.nth(total - 1).locator("input[value='yes']").scroll_into_view_if_needed()
    box = result.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"]
    assert result.get_attribute("role") == "status"
    assert [r for r in requests if not r.endswith("favicon.svg")] == [], "ticking fetches nothing"
    assert errors == []
    ctx.close()


def test_request_checker_links_each_element_to_its_rulings(browser, site_url):
    ctx, page, requests, errors = open_page(browser, site_url + "request-checker/")
    item = page.locator("#check-x-6103-i-2-name-and-address")
    links = item.locator("a.app-request-checker__ruling").evaluate_all(
        "els => els.map(a => a.getAttribute('href'))")
    assert "../exceptions/i/#x-6103-i-2-kollar-kotelly-2026-02-26" in links
    ctx.close()


def test_axe_on_the_request_checker(browser, site_url):
    ctx, page, requests, errors = open_page(browser, site_url + "request-checker/")
    page.locator("section.app-request-checker__list input[value='yes']").first.check()
    violations = _axe(page)
    assert violations == [], json.dumps(violations, indent=1)
    ctx.close()


def test_targets_are_at_least_44px_high(browser, site_url):
    ctx, page, requests, errors = check_page(browser, site_url)
    choose(page, "dhs-ice")
    for sel in (f"{CURRENT} .app-check__choice label", f"{CURRENT} .app-check__continue",
                f"{CURRENT} .app-check__controls button"):
        for box in page.locator(sel).evaluate_all(
                "els => els.map(e => e.getBoundingClientRect().height)"):
            assert box >= 44, sel
    ctx.close()


def test_right_to_left_mirrors(browser, site_url):
    ctx, page, requests, errors = check_page(browser, site_url + "ar/")
    choose(page, "dhs-ice")
    radio = page.locator(f"{CURRENT} .app-check__choice input").first.bounding_box()
    label = page.locator(f"{CURRENT} .app-check__choice label").first.bounding_box()
    # The radio sits at the start edge, which is the right-hand side in right-to-left pages.
    assert radio["x"] > label["x"] + label["width"] / 2
    back, restart = page.locator(f"{CURRENT} .app-check__controls button").all()
    assert back.bounding_box()["x"] > restart.bounding_box()["x"], "Back first, at the right"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    ctx.close()


def test_print_keeps_the_answer_and_drops_the_controls(browser, site_url):
    ctx, page, requests, errors = check_page(browser, site_url)
    answer_all(page, NOT_ALLOWED)
    page.emulate_media(media="print")
    assert page.locator(f"{CURRENT} .app-check__verdict").is_visible()
    assert not page.locator(f"{CURRENT} .app-check__controls").is_visible()
    assert not page.locator(f"{CURRENT} .app-check__share").is_visible()
    ctx.close()
