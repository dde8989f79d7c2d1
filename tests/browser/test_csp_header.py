"""The Content-Security-Policy header (deploy/nginx.conf, macros/publish/headers.py) protects
a page on its own: with the page's <meta> policy stripped on the way, an inline script still
does not run. (The browser tests load the site through nginx: tests/conftest.py.)"""

from __future__ import annotations

import re

import pytest

from ..helpers import PHONE

pytestmark = pytest.mark.browser

META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
INLINE = "<script>window.__inline = 'ran'</script>"


def load_stripped(browser, url: str, keep_header: bool) -> tuple[object, list[str], dict]:
    """Load ``url`` with its <meta> policy removed and an inline script added; optionally
    without the header too. Returns what the inline script left, the CSP violations, and the
    response headers as served."""
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    page.add_init_script("window.__csp = []; document.addEventListener("
                         "'securitypolicyviolation', e => __csp.push(e.violatedDirective))")
    served: dict = {}

    def handle(route) -> None:
        resp = route.fetch()
        served.update(resp.headers)
        html, n = META.subn("", resp.text())
        assert n == 1, "the page should carry its policy in a <meta> element"
        html = html.replace("</head>", INLINE + "</head>", 1)
        heads = dict(resp.headers)
        if not keep_header:
            heads.pop("content-security-policy", None)
        route.fulfill(response=resp, body=html, headers=heads)

    page.route(url, handle)
    page.goto(url, wait_until="load")
    ran = page.evaluate("window.__inline")
    violations = page.evaluate("window.__csp")
    ctx.close()
    return ran, violations, served


@pytest.mark.parametrize("path", ["faq/", "es/embed/check/"])
def test_header_policy_blocks_inline_script_without_the_meta(browser, site_url, path):
    ran, violations, served = load_stripped(browser, site_url + path, keep_header=True)
    assert "script-src 'self'" in served["content-security-policy"]
    assert ran is None, "an inline script ran under the header policy alone"
    assert any(v.startswith("script-src") for v in violations), violations


def test_the_check_itself_would_notice(browser, site_url):
    """Without the header and the <meta>, the same injected script runs."""
    ran, _, _ = load_stripped(browser, site_url + "faq/", keep_header=False)
    assert ran == "ran"
