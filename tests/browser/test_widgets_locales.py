"""The decision tool in every locale: every scenario's answer, by link and by answering."""

from __future__ import annotations

import pytest
import yaml

from ..helpers import ROOT

pytestmark = pytest.mark.browser
LOCALES = yaml.safe_load((ROOT / "data" / "locales.yml").read_text(encoding="utf-8"))
SCENARIOS = yaml.safe_load((ROOT / "data" / "scenarios.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("loc", LOCALES["locales"], ids=lambda loc: loc["code"])
def test_tool_answers_in_every_locale(browser, site_url, loc):
    prefix = "" if loc["code"] == LOCALES["source_locale"] else f"{loc['code']}/"
    ctx = browser.new_context(viewport={"width": 360, "height": 740})
    page = ctx.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    # Every scenario's answer by its plain link (the answers page needs no script); in the
    # other locales one scenario of each verdict (that every locale's answers page has the same
    # answers as the open data is checked on the built pages: test_outreach.py).
    page.goto(f"{site_url}{prefix}check-answers/", wait_until="load")
    scenarios = SCENARIOS["scenarios"]
    if prefix:
        scenarios = list({sc["expect"]["verdict"]: sc for sc in scenarios}.values())
    for sc in scenarios:
        page.evaluate(f"location.hash = 'r--{'--'.join(sc['answers'])}'")
        shown = page.locator(".app-check__outcome:visible")
        shown.first.wait_for()
        assert shown.count() == 1, (loc["code"], sc["id"])
        assert shown.get_attribute("data-verdict") == sc["expect"]["verdict"], sc["id"]
    # Answering by choosing: the first option of each question leads to an answer.
    page.goto(f"{site_url}{prefix}check/", wait_until="load")
    page.wait_for_selector(".app-check--js")
    for _ in range(3):
        question = page.locator(".app-check__question:visible")
        if not question.count():
            break
        node = question.get_attribute("id")
        question.locator('input[type="radio"]').first.check()
        question.locator(".app-check__continue").click()
        page.wait_for_selector(f"#{node}:visible", state="hidden")
    page.locator(".app-check__outcome:visible").first.wait_for()
    assert page.locator(".app-check__outcome:visible").count() == 1
    assert page.evaluate("document.documentElement.dir") == loc["dir"]
    assert not [r for r in requests if "127.0.0.1" not in r], "nothing leaves the site"
    ctx.close()
