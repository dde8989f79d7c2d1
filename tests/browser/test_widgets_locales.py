"""The decision widget works in every locale (shared links restore a result; answering works)."""

from __future__ import annotations

import pytest

from macros.load import load_site
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
SITE = load_site(ROOT)


@pytest.mark.parametrize("code", [loc.code for loc in SITE.locales.locales])
def test_widget_answers_and_restores_in_every_locale(browser, site_url, code):
    prefix = "" if code == SITE.locales.source_locale else f"{code}/"
    ctx = browser.new_context(viewport={"width": 360, "height": 740})
    page = ctx.new_page()
    requests: list[str] = []
    page.goto(f"{site_url}{prefix}check/", wait_until="networkidle")
    page.on("request", lambda r: requests.append(r.url))
    for sc in SITE.scenarios:
        page.goto(f"{site_url}{prefix}check/#a={'/'.join(sc.answers)}", wait_until="load")
        page.reload(wait_until="load")
        outcome = page.locator(".app-dw__outcome:visible")
        outcome.first.wait_for()
        assert outcome.count() == 1, (code, sc.id)
        assert outcome.first.get_attribute("data-verdict") == sc.expect.verdict, (code, sc.id)
    # Answer by choosing options: the first option of each question leads to an outcome.
    page.goto(f"{site_url}{prefix}check/", wait_until="load")
    page.reload(wait_until="load")
    for _ in range(3):
        question = page.locator(".app-dw__question:visible").first
        node = question.get_attribute("id")
        question.locator('input[type="radio"]').first.check()
        question.locator(".app-dw__continue").click()
        page.wait_for_selector(f"#{node}:visible", state="hidden")
    page.locator(".app-dw__outcome:visible").first.wait_for()
    assert page.locator(".app-dw__outcome:visible").count() == 1
    assert page.evaluate("document.documentElement.dir") == SITE.locale(code).dir
    assert not [r for r in requests if "127.0.0.1" not in r], "nothing leaves the site"
    ctx.close()
