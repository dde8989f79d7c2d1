"""Fixed-height embeds (EMBEDDING.md, "Fixed height: nothing reported"): the frame's height
differs with each answer of the tools, so a host page that learns it could tell answers apart.
With ``#fixed`` in the frame's address the embedded page never reports its height, whoever
asks; with ``data-height="fixed"`` on the iframe, resize.js never asks. The frame keeps the
host's height and scrolls inside.

The site is served on 127.0.0.1, the host page on 127.0.0.2 (another origin, as in
test_embed.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ..helpers import PHONE, serve

pytestmark = pytest.mark.browser

FIXED = 600

# In every frame: each message the window receives, and which of its iframes sent it.
LOG = """
window.__got = [];
addEventListener("message", function (e) {
  var d = e.data, from = "?";
  Array.prototype.forEach.call(document.querySelectorAll("iframe"), function (f) {
    if (f.contentWindow === e.source) from = f.id;
  });
  d = (d && typeof d === "object") ? JSON.stringify(d) : String(d);
  window.__got.push({from: from, data: d});
});
"""


def sent_by(page, ident: str) -> list[str]:
    return [m["data"] for m in page.evaluate("window.__got") if m["from"] == ident]


def iframe(site_url: str, path: str, ident: str, attrs: str = "") -> str:
    return (f'<iframe id="{ident}" src="{site_url}{path}" title="{ident}" width="100%" '
            f'height="{FIXED}" style="border:0;width:100%" data-itin-embed{attrs}></iframe>')


def host_html(site_url: str, frames: str) -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" '
            f'href="data:,"><title>Host</title></head><body><h1>Host</h1>{frames}'
            f'<script src="{site_url}assets/embed/v1/resize.js" async></script></body></html>')


@pytest.fixture
def host(tmp_path: Path) -> Iterator[Callable[[str], str]]:
    servers = []

    def make(html: str) -> str:
        folder = tmp_path / f"host-{len(servers)}"
        folder.mkdir()
        (folder / "index.html").write_text(html, encoding="utf-8")
        server, url = serve(folder, "127.0.0.2")
        servers.append(server)
        return url + "index.html"

    yield make
    for server in servers:
        server.shutdown()


def open_host(browser, url: str):
    ctx = browser.new_context(viewport=PHONE)
    ctx.add_init_script(LOG)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="networkidle")
    return ctx, page, errors


def frame(page, ident: str):
    f = page.locator(f"#{ident}").element_handle().content_frame()
    assert f is not None
    return f


def height(page, ident: str) -> float:
    return page.eval_on_selector(f"#{ident}", "f => f.getBoundingClientRect().height")


def hello(page, ident: str, site_url: str) -> None:
    page.evaluate(f"document.getElementById('{ident}').contentWindow.postMessage("
                  f"{{type: 'itin-embed:hello', version: 1}}, '{site_url.rstrip('/')}')")


def test_fixed_flag_in_the_address_reports_nothing_whoever_asks(browser, site_url, host):
    frames = (iframe(site_url, "embed/check/#fixed", "fixed") +
              iframe(site_url, "embed/check/", "control"))
    ctx, page, errors = open_host(browser, host(host_html(site_url, frames)))
    # The control frame (same page, no flag) is resized: the set-up works.
    page.wait_for_function(f"document.getElementById('control').getBoundingClientRect()"
                           f".height !== {FIXED}", timeout=10_000)
    f = frame(page, "fixed")
    # resize.js said hello to the fixed frame too: it got it, and did not answer.
    f.wait_for_function("window.__got.some(m => m.data.includes('itin-embed:hello'))")
    # Walk the tool through a few answers (the height a host could have watched changes); any
    # script on the host page may ask again.
    current = page.frame_locator("#fixed").locator(".app-check__node--current")
    for _ in range(3):
        if current.evaluate("n => n.classList.contains('app-check__outcome')"):
            break
        current.locator(".app-check__choice label").first.click()
        current.locator(".app-check__continue").click()
        hello(page, "fixed", site_url)
    hello(page, "control", site_url)
    page.wait_for_timeout(600)
    assert any("itin-embed:height" in m for m in sent_by(page, "control"))
    assert sent_by(page, "fixed") == []
    # The fixed frame keeps the host's height and scrolls inside.
    assert height(page, "fixed") == FIXED
    assert f.evaluate("document.documentElement.scrollHeight") > FIXED
    assert f.evaluate("document.documentElement.style.height") == ""
    assert f.evaluate("scrollTo(0, 300), scrollY") > 0
    assert errors == []
    ctx.close()


def test_fixed_mode_lasts_while_the_reader_moves_within_the_frame(browser, site_url, host):
    frames = iframe(site_url, "embed/faq/#fixed", "fixed")
    ctx, page, errors = open_host(browser, host(host_html(site_url, frames)))
    f = frame(page, "fixed")
    # Another embed page in the same frame (as the tool's answers page opens), without #fixed.
    with page.expect_event("framenavigated"):
        f.evaluate("location.assign('../check/')")
    f = frame(page, "fixed")
    f.wait_for_load_state("load")
    assert "#fixed" not in f.url
    hello(page, "fixed", site_url)
    page.wait_for_timeout(600)
    assert sent_by(page, "fixed") == []
    assert height(page, "fixed") == FIXED
    assert errors == []
    ctx.close()


def test_data_height_fixed_makes_resize_js_never_ask(browser, site_url, host):
    frames = (iframe(site_url, "embed/faq/", "fixed", ' data-height="fixed"') +
              iframe(site_url, "embed/faq/", "control"))
    ctx, page, errors = open_host(browser, host(host_html(site_url, frames)))
    page.wait_for_function(f"document.getElementById('control').getBoundingClientRect()"
                           f".height !== {FIXED}", timeout=10_000)
    page.wait_for_timeout(400)
    # The control frame was asked; the marked one never was, so it never said its height.
    assert any("itin-embed:hello" in m["data"]
               for m in frame(page, "control").evaluate("window.__got"))
    assert frame(page, "fixed").evaluate("window.__got") == []
    assert height(page, "fixed") == FIXED
    # Even a height it might send would not be applied.
    frame(page, "fixed").evaluate(
        "parent.postMessage({type: 'itin-embed:height', version: 1, height: 1234}, '*')")
    page.wait_for_timeout(300)
    assert height(page, "fixed") == FIXED
    assert errors == []
    ctx.close()
