"""Embeds on another organisation's site: the auto-resize protocol (resize.js on the host page,
embed-child.js in the embedded page), the widget inside a frame, and privacy (EMBEDDING.md).

The site is served on 127.0.0.1 and the host page on 127.0.0.2: a different origin, as on a
real host. A third origin, 127.0.0.3, plays a stranger that posts look-alike messages.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from ..helpers import DESKTOP, PHONE, ROOT, serve

pytestmark = pytest.mark.browser

FIXED = 600  # the height in the snippet the site hands out
SLACK = 3  # px: rounding between the frame's document and the iframe element

CHILD_JS = ROOT / "overrides" / "assets" / "app" / "embed-child.js"
RESIZE_JS = ROOT / "overrides" / "assets" / "embed" / "resize.js"

# On the host page: every message the host window receives, and every height the iframes get
# (so a height that was set and quickly corrected still shows).
HOST_LOG = """
<script>
  window.__got = [];
  window.__heights = [];
  window.addEventListener("message", function (e) {
    var d = e.data, from = e.source === window ? "self" : "?";
    Array.prototype.forEach.call(document.querySelectorAll("iframe"), function (f) {
      if (f.contentWindow === e.source) from = f.id;
    });
    window.__got.push({from: from, origin: e.origin,
                       data: (d && typeof d === "object") ? JSON.stringify(d) : String(d)});
  });
  new MutationObserver(function (records) {
    records.forEach(function (r) { window.__heights.push([r.target.id, r.target.style.height]); });
  }).observe(document.documentElement,
             {attributes: true, attributeFilter: ["style"], subtree: true});
</script>
"""


def snippet(site_url: str, path: str, ident: str, title: str) -> str:
    """The iframe exactly as the site hands it out, plus an id for the test."""
    return (f'<iframe id="{ident}" src="{site_url}{path}" title="{title}" loading="lazy" '
            f'width="100%" height="{FIXED}" style="border:0;width:100%" data-itin-embed></iframe>')


def host_html(site_url: str, frames: list[tuple[str, str, str]], *, script: bool = True,
              extra: str = "") -> str:
    body = "\n".join(f"<h2>{title}</h2>\n{snippet(site_url, path, ident, title)}"
                     for path, ident, title in frames)
    resize = (f'<script src="{site_url}assets/embed/resize.js" async></script>'
              if script else "")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Neighbourhood Tax Help</title>
<style>body {{ margin: 0; padding: 12px; font: 16px/1.4 sans-serif; background: #f4f1ea; }}
h1 {{ font-size: 1.4rem; }} h2 {{ font-size: 1.1rem; margin: 1.2em 0 .4em; }}
iframe {{ background: #fff; display: block; }}</style>
{HOST_LOG}
</head><body>
<h1>Neighbourhood Tax Help (host page)</h1>
<p>Our partner's guide, embedded below.</p>
{body}
{extra}
{resize}
</body></html>"""


@pytest.fixture
def host(tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Serve an HTML page (or several files) from a folder on another host; returns its URL."""
    servers = []

    def make(html: str, host_ip: str = "127.0.0.2", name: str = "index.html",
             files: dict[str, str] | None = None) -> str:
        folder = tmp_path / f"{host_ip}-{len(servers)}"
        folder.mkdir()
        (folder / name).write_text(html, encoding="utf-8")
        for fname, text in (files or {}).items():
            (folder / fname).write_text(text, encoding="utf-8")
        server, url = serve(folder, host_ip)
        servers.append(server)
        return url + name

    yield make
    for server in servers:
        server.shutdown()


class Session:
    """A browser context that records every request and page error, in every frame."""

    def __init__(self, browser, viewport=DESKTOP, block_widget_js: bool = False,
                 javascript: bool = True) -> None:
        self.ctx = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.ctx.on("request", lambda r: self.requests.append(r.url))
        if block_widget_js:
            self.ctx.route("**/assets/app/check.*.js", lambda route: route.abort())
        self.page = self.ctx.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def hosts(self) -> set[str]:
        return {urlparse(u).hostname for u in self.requests
                if urlparse(u).scheme in {"http", "https", "ws", "wss"}}

    def frame(self, ident: str):
        handle = self.page.locator(f"#{ident}").element_handle()
        frame = handle.content_frame()
        assert frame is not None, ident
        return frame

    def iframe_height(self, ident: str) -> float:
        return self.page.eval_on_selector(f"#{ident}", "f => f.getBoundingClientRect().height")

    def wait_resized(self, ident: str, timeout: float = 10_000) -> None:
        self.page.locator(f"#{ident}").scroll_into_view_if_needed()
        self.page.wait_for_function(
            f"document.getElementById('{ident}').getBoundingClientRect().height !== {FIXED}",
            timeout=timeout)

    def wait_fits(self, ident: str, timeout: float = 10_000) -> float:
        """Wait until the iframe is as tall as its document; return that height."""
        deadline = time.monotonic() + timeout / 1000
        while True:
            # The document's own height (scrollHeight is never less than the frame's) and
            # whatever would still need scrolling inside the frame.
            frame_h, hidden = self.frame(ident).evaluate("""[
                document.documentElement.getBoundingClientRect().height,
                document.documentElement.scrollHeight - innerHeight]""")
            box_h = self.iframe_height(ident)
            if abs(frame_h - box_h) <= SLACK and hidden <= SLACK:
                return box_h
            if time.monotonic() > deadline:
                raise AssertionError(f"{ident}: iframe {box_h}px, its document {frame_h}px")
            time.sleep(0.1)

    def close(self) -> None:
        assert self.ctx.cookies() == [], "a cookie was set"
        self.ctx.close()


def settle(page, ms: int = 400) -> None:
    page.wait_for_timeout(ms)


def storage_keys(frame) -> list[str]:
    """Keys in the frame's storage (browsers that block third-party storage deny access)."""
    return frame.evaluate("""() => {
        try { return Object.keys(localStorage).concat(Object.keys(sessionStorage)); }
        catch (e) { return []; }
    }""")


# --- Resizing -------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_iframes_grow_to_their_documents(browser, site_url, host, results_dir, viewport):
    frames = [("embed/check/", "check", "Can they get my tax information?"),
              ("embed/faq/", "faq", "Questions and answers"),
              ("ar/embed/help/", "help-ar", "Help (Arabic)"),
              ("es/embed/request-checker/", "rc-es", "Request checker (Spanish)")]
    url = host(host_html(site_url, frames))
    s = Session(browser, viewport)
    s.page.goto(url, wait_until="networkidle")
    for _, ident, _ in frames:
        s.wait_resized(ident)
        height = s.wait_fits(ident)
        assert height != FIXED
        # The whole document shows: nothing left to scroll inside the frame.
        frame = s.frame(ident)
        assert frame.evaluate("document.documentElement.scrollHeight - innerHeight") <= SLACK
        # ...and no empty band below it: the attribution, the last thing, ends near the bottom.
        gap = frame.evaluate("innerHeight - document.querySelector('.app-attribution')"
                             ".getBoundingClientRect().bottom - scrollY")
        assert 0 <= gap < 80, f"{ident}: {gap}px below the attribution"
        # Nothing wider than the frame on a phone either.
        assert frame.evaluate("document.documentElement.scrollWidth <= innerWidth"), ident
        keys = storage_keys(frame)  # the theme's own UI state at most, as in test_site
        assert all(k.startswith(("/", "__")) or ".__" in k for k in keys), (ident, keys)
    # The script only ever set heights in px.
    assert all(h.endswith("px") for _, h in s.page.evaluate("window.__heights"))
    s.page.evaluate("window.scrollTo(0, 0)")
    settle(s.page)
    name = f"embed-host-{viewport['width']}.png"
    s.page.screenshot(path=str(results_dir / name))
    assert s.hosts() <= {"127.0.0.1", "127.0.0.2"}, s.requests
    assert s.errors == []
    s.close()


def follow_links_to_an_answer(frame, fl) -> str:
    """Without the tool's script: follow the first option of each question (plain links; the
    last one opens the answers page in the frame). Returns the answer path's anchor."""
    at = frame.evaluate("document.querySelector('.app-check__question').id")
    for _ in range(10):
        link = fl.locator(f"#{at} .app-check__options a").first
        href = link.get_attribute("href")
        link.click()
        target = href.split("#", 1)[1]
        frame.wait_for_function(f"location.hash === '#{target}'")
        frame.wait_for_load_state("load")
        at = target
        if at.startswith("r--"):
            return at
    raise AssertionError(f"stopped at {at}")


def test_widget_in_a_frame_one_question_at_a_time(browser, site_url, host, results_dir):
    url = host(host_html(site_url, [("embed/check/", "check", "Check")]))
    s = Session(browser, PHONE)
    s.page.goto(url, wait_until="networkidle")
    s.wait_resized("check")
    first = s.wait_fits("check")
    frame = s.frame("check")
    fl = s.page.frame_locator("#check")
    assert frame.evaluate(
        "document.querySelector('[data-module=app-check]').classList.contains('app-check--js')"
    ), "the widget's JavaScript did not start inside the frame"
    current = fl.locator(".app-check__node--current")
    seen = [first]
    for _ in range(10):
        if current.evaluate("n => n.classList.contains('app-check__outcome')"):
            break
        current.locator(".app-check__choice label").first.click()
        current.locator(".app-check__continue").click()
        seen.append(s.wait_fits("check"))
    assert current.evaluate("n => n.classList.contains('app-check__outcome')"), "no outcome reached"
    final = s.wait_fits("check")
    assert len(set(round(h) for h in seen + [final])) > 1, f"the frame never resized: {seen}"
    # The widget's own controls stay in the frame; the host page did not move, and the answers
    # are not in any address (the frame's or the host's).
    assert s.page.url == url
    assert frame.evaluate("location.hash") == ""
    s.page.locator("#check").scroll_into_view_if_needed()
    settle(s.page)
    s.page.screenshot(path=str(results_dir / "embed-widget-outcome-360.png"))
    # Start again is a button within the frame.
    fl.locator(".app-check__node--current .app-check__controls button").nth(1).click()
    assert s.page.url == url
    back_at_start = s.wait_fits("check")
    assert abs(back_at_start - final) > SLACK, "the frame did not shrink back"
    assert s.hosts() <= {"127.0.0.1", "127.0.0.2"}, s.requests
    assert s.errors == []
    s.close()


def test_widget_links_without_its_script_reach_an_outcome_in_the_frame(browser, site_url, host):
    """The widget's no-JS anchors (#q-…, #r-…) must keep working inside a frame."""
    url = host(host_html(site_url, [("embed/check/", "check", "Check")]))
    s = Session(browser, DESKTOP, block_widget_js=True)
    s.page.goto(url, wait_until="networkidle")
    s.wait_resized("check")
    s.wait_fits("check")
    frame = s.frame("check")
    fl = s.page.frame_locator("#check")
    assert not frame.evaluate(
        "document.querySelector('[data-module=app-check]').classList.contains('app-check--js')")
    at = follow_links_to_an_answer(frame, fl)
    reached = frame.evaluate(f"document.getElementById('{at}').closest('.app-check__outcome')"
                             ".matches(':has(:target)')")
    assert reached, f"stopped at {at}"
    # The frame is as tall as its page, so it is the host page that must scroll to the outcome.
    top = s.page.eval_on_selector("#check", "f => f.getBoundingClientRect().top") + \
        frame.evaluate(f"document.getElementById('{at}').getBoundingClientRect().top")
    assert 0 <= top < DESKTOP["height"] / 2, f"the outcome is at {top}px, out of view"
    assert s.page.url == url, "a fragment link left the host page"
    assert frame.url.startswith(site_url + "embed/check-answers/#r--"), frame.url
    assert s.hosts() <= {"127.0.0.1", "127.0.0.2"}, s.requests
    assert s.errors == []
    s.close()


def test_links_that_leave_the_page_open_in_the_top_window(browser, site_url, host):
    url = host(host_html(site_url, [("embed/faq/", "faq", "FAQ")]))
    s = Session(browser, DESKTOP)
    s.page.goto(url, wait_until="networkidle")
    s.wait_resized("faq")
    frame = s.frame("faq")
    links = frame.evaluate("""[...document.querySelectorAll('a[href]')].map(a => [
        a.getAttribute('href'), a.target, a.href.split('#')[0] === location.href.split('#')[0]])""")
    within = [(h, t) for h, t, same in links if same]
    leaving = [(h, t) for h, t, same in links if not same]
    assert within and all(t == "" for _, t in within), within
    assert leaving and all(t in {"_top", "_blank"} for _, t in leaving), leaving
    # Follow one to another page of the guide: the host page is replaced by the full page.
    link = frame.locator('a[href^="../../exceptions/"]:visible').first
    href = link.get_attribute("href")
    link.scroll_into_view_if_needed()
    with s.page.expect_navigation():
        link.click()
    assert s.page.url == site_url + href.removeprefix("../../")
    assert s.hosts() <= {"127.0.0.1", "127.0.0.2"}, s.requests
    s.close()


def test_without_resize_observer_mutations_and_resizes_are_followed(browser, site_url, host):
    """Older browsers: no ResizeObserver; the fallback still follows."""
    url = host(host_html(site_url, [("embed/check/", "check", "Check")]))
    s = Session(browser, PHONE)
    s.ctx.add_init_script("""if (location.hostname === '127.0.0.1') Object.defineProperty(
        window, 'ResizeObserver', {value: undefined, writable: false, configurable: false});""")
    s.page.goto(url, wait_until="networkidle")
    s.wait_resized("check")
    first = s.wait_fits("check")
    assert s.frame("check").evaluate("typeof ResizeObserver") == "undefined"
    current = s.page.frame_locator("#check").locator(".app-check__node--current")
    current.locator(".app-check__choice label").first.click()
    current.locator(".app-check__continue").click()
    after_step = s.wait_fits("check")
    assert after_step != first
    s.page.set_viewport_size(DESKTOP)  # the text reflows: a window resize in the frame
    assert abs(s.wait_fits("check") - after_step) > SLACK
    assert s.hosts() <= {"127.0.0.1", "127.0.0.2"}, s.requests
    assert s.errors == []
    s.close()


NEUTRAL = "https://www.weather.gov/"


def test_quick_exit_is_at_the_top_of_a_resized_frame(browser, site_url, host):
    url = host(host_html(site_url, [("embed/faq/", "faq", "FAQ")]))
    s = Session(browser, PHONE)
    s.page.goto(url, wait_until="networkidle")
    s.wait_resized("faq")
    s.wait_fits("faq")
    top = s.frame("faq").evaluate(
        "document.querySelector('a.app-quick-exit').getBoundingClientRect().top")
    assert top < 200, f"the quick exit is {top}px down the frame"
    s.close()


def test_quick_exit_in_a_frame_leaves_the_host_page(browser, site_url, host):
    url = host(host_html(site_url, [("embed/faq/", "faq", "FAQ")]))
    s = Session(browser, PHONE)
    s.ctx.route(NEUTRAL + "**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Weather</title><p>Weather</p>"))
    s.page.goto(url, wait_until="networkidle")
    s.page.frame_locator("#faq").locator("a.app-quick-exit").click()
    s.page.wait_for_url(NEUTRAL, timeout=5000)
    s.close()


# --- What is ignored ------------------------------------------------------------------------

BAD_SHAPES = [
    {"type": "itin-embed:height", "version": 1, "height": 321, "extra": True},
    {"type": "itin-embed:height", "version": 1, "height": "322"},
    {"type": "itin-embed:height", "version": 1, "height": -323},
    {"type": "itin-embed:height", "version": 1, "height": 0},
    {"type": "itin-embed:height", "version": 1, "height": 100001},
    {"type": "itin-embed:height", "version": 1, "height": 1e12},
    {"type": "itin-embed:height", "version": 2, "height": 324},
    {"type": "itin-embed:height", "version": "1", "height": 325},
    {"type": "itin-embed:hello", "version": 1, "height": 326},
    {"type": "itin-embed:height", "height": 327},
]
BAD_JS = ["NaN", "Infinity", "null", "'itin-embed:height'", "[328]",
          "JSON.stringify({type: 'itin-embed:height', version: 1, height: 329})",
          "Object.assign([], {type: 'itin-embed:height', version: 1, height: 330})"]


def test_wrong_shapes_from_the_frame_are_ignored(browser, site_url, host):
    url = host(host_html(site_url, [("embed/check/", "check", "Check"),
                                    ("embed/faq/", "faq", "FAQ")]))
    s = Session(browser, DESKTOP)
    s.page.goto(url, wait_until="networkidle")
    s.wait_resized("check")
    check = s.wait_fits("check")
    s.wait_resized("faq")
    before = s.wait_fits("faq")
    frame = s.frame("faq")
    got = s.page.evaluate("window.__got.length")
    log = len(s.page.evaluate("window.__heights"))
    # From the right frame and origin, but not exactly the right shape.
    for bad in BAD_SHAPES:
        frame.evaluate("d => parent.postMessage(d, '*')", bad)
    for expr in BAD_JS:
        frame.evaluate(f"parent.postMessage({expr}, '*')")
    frame.evaluate("""parent.postMessage({type: 'itin-embed:height', version: 1, height: NaN}, '*');
        parent.postMessage({type: 'itin-embed:height', version: 1, height: Infinity}, '*')""")
    total = len(BAD_SHAPES) + len(BAD_JS) + 2
    s.page.wait_for_function(f"window.__got.length >= {got + total}")
    settle(s.page)
    assert s.page.evaluate("window.__heights").__len__() == log, s.page.evaluate("window.__heights")
    assert s.iframe_height("faq") == before
    # The same channel does work for the exact shape (the ignoring above is about the shape).
    frame.evaluate("parent.postMessage({type: 'itin-embed:height', version: 1, height: 777}, '*')")
    s.page.wait_for_function("window.__heights.some(h => h[1] === '777px')")
    # ...and only for the iframe it came from, although both frames share the site's origin.
    assert {i for i, h in s.page.evaluate("window.__heights") if h == "777px"} == {"faq"}
    assert s.iframe_height("check") == check
    s.close()


def test_right_shape_from_the_wrong_origin_or_window_is_ignored(browser, site_url, host):
    right = json.dumps({"type": "itin-embed:height", "version": 1, "height": 444})
    stranger = host(f"""<!doctype html><title>Stranger</title><p>Stranger</p>
<script>
  // Posts look-alike heights to whoever framed it, and hellos into every frame it can reach.
  parent.postMessage({right}, "*");
  for (var i = 0; i < parent.frames.length; i++) {{
    parent.frames[i].postMessage({{type: "itin-embed:hello", version: 1}}, "*");
  }}
</script>""", "127.0.0.3", "stranger.html")
    url = host(host_html(site_url, [("embed/faq/", "faq", "FAQ"), ("embed/check/", "check", "C")]))
    s = Session(browser, DESKTOP)
    s.page.goto(url, wait_until="networkidle")
    for ident in ("faq", "check"):
        s.wait_resized(ident)
        s.wait_fits(ident)
    settle(s.page)
    heights = {i: s.iframe_height(i) for i in ("faq", "check")}
    log = len(s.page.evaluate("window.__heights"))
    got = s.page.evaluate("window.__got.length")

    # 1. The host page posts the right shape to itself.
    s.page.evaluate(f"window.postMessage({right}, '*')")
    # 2. A stranger on another origin, in its own (unmarked) iframe on the host page.
    s.page.evaluate("""src => new Promise(done => {
        const f = document.createElement('iframe');
        f.id = 'stranger'; f.src = src; f.onload = done; document.body.appendChild(f);
    })""", stranger)
    # 3. The stranger inside a marked iframe whose src points at the site: the window matches
    #    that iframe but its origin is not the site's.
    s.page.evaluate("""src => new Promise(done => {
        const f = document.createElement('iframe');
        f.id = 'impostor'; f.setAttribute('data-itin-embed', '');
        f.src = document.getElementById('faq').src;
        f.onload = () => { f.onload = done; f.contentWindow.location.href = src; };
        document.body.appendChild(f);
    })""", stranger)
    s.page.wait_for_function(
        "window.__got.filter(m => m.data.includes('\"height\":444')).length >= 3")
    settle(s.page)
    assert [h for h in s.page.evaluate("window.__heights")[log:] if h[0] != "impostor"] == []
    assert "444px" not in {h for _, h in s.page.evaluate("window.__heights")}
    assert {i: s.iframe_height(i) for i in ("faq", "check")} == heights
    # The stranger's hellos (not from their parent) got no answer from the embedded pages...
    assert [m for m in s.page.evaluate("window.__got")[got:] if m["from"] in ("faq", "check")] == []
    # ...nor turned their reports elsewhere: a change of content still reaches the host. (On
    # screen: browsers pause rendering, and so ResizeObserver, in frames out of view.)
    s.page.evaluate("window.scrollTo(0, 0)")
    s.frame("faq").evaluate("""document.body
        .appendChild(Object.assign(document.createElement('div'), {style: 'height: 1234px'}))""")
    s.page.wait_for_function(f"document.getElementById('faq').getBoundingClientRect().height"
                             f" >= {heights['faq'] + 1200}")
    s.wait_fits("faq")
    assert s.hosts() <= {"127.0.0.1", "127.0.0.2", "127.0.0.3"}, s.requests
    assert s.errors == []
    s.close()


def test_the_embedded_page_is_silent_until_its_parent_says_hello(browser, site_url, host):
    site_origin = site_url.rstrip("/")
    url = host(host_html(site_url, [("embed/faq/", "faq", "FAQ")], script=False))
    s = Session(browser, DESKTOP)
    s.page.goto(url, wait_until="networkidle")
    settle(s.page, 800)
    assert s.page.evaluate("window.__got") == [], "the frame spoke before a hello"
    post = f"d => document.getElementById('faq').contentWindow.postMessage(d, '{site_origin}')"
    # Hellos of the wrong shape get no answer.
    for bad in ({"type": "itin-embed:hello", "version": 1, "extra": 1},
                {"type": "itin-embed:hello", "version": 2},
                {"type": "itin-embed:hello"},
                {"type": "itin-embed:height", "version": 1}):
        s.page.evaluate(post, bad)
    s.page.evaluate("document.getElementById('faq').contentWindow.postMessage("
                    "'{\"type\":\"itin-embed:hello\",\"version\":1}', '*')")
    settle(s.page, 600)
    assert s.page.evaluate("window.__got") == []
    # A hello from a window that is not its parent (the frame to itself) gets no answer.
    s.frame("faq").evaluate("window.postMessage({type: 'itin-embed:hello', version: 1}, '*')")
    settle(s.page, 400)
    assert s.page.evaluate("window.__got") == []
    # The right hello: one answer, to the host's origin, of exactly the documented shape.
    s.page.evaluate(post, {"type": "itin-embed:hello", "version": 1})
    s.page.wait_for_function("window.__got.length > 0")
    msg = s.page.evaluate("window.__got")[0]
    assert msg["origin"] == site_origin
    data = json.loads(msg["data"])
    assert set(data) == {"type", "version", "height"}
    assert data["type"] == "itin-embed:height" and data["version"] == 1
    assert data["height"] == pytest.approx(
        s.frame("faq").evaluate("document.documentElement.getBoundingClientRect().height"), abs=1)
    # Without resize.js nothing on the host acts on it: the iframe keeps its fixed height.
    assert s.iframe_height("faq") == FIXED
    assert s.errors == []
    s.close()


def test_opened_directly_the_embed_page_posts_nothing(browser, site_url):
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    ctx.on("request", lambda r: requests.append(r.url))
    page.add_init_script("window.__msgs = [];"
                         "addEventListener('message', e => __msgs.push(e.data))")
    for path in ("embed/faq/", "embed/check/", "es/embed/faq/"):
        page.goto(site_url + path, wait_until="networkidle")
        settle(page)
        assert page.evaluate("window.__msgs") == [], path
        # Nothing is retargeted at the top level: the page is its own top window.
        assert page.evaluate("[...document.querySelectorAll('a[target=_top]')]"
                             ".every(a => a.hasAttribute('data-app-full-page') ||"
                             " a.classList.contains('app-quick-exit'))"), path
    assert errors == []
    assert {urlparse(u).hostname for u in requests} <= {"127.0.0.1"}, requests
    assert ctx.cookies() == []
    ctx.close()


def test_child_never_posts_to_any_origin():
    text = CHILD_JS.read_text(encoding="utf-8")
    calls = re.findall(r"postMessage\((.*?)\);", text, re.S)
    assert calls and all(call.rstrip().endswith(", target") for call in calls), calls
    assert "'*'" not in text and '"*"' not in text
    for forbidden in ("localStorage", "sessionStorage", "document.cookie", "fetch(",
                      "XMLHttpRequest", "sendBeacon", "indexedDB"):
        assert forbidden not in text, forbidden
        assert forbidden not in RESIZE_JS.read_text(encoding="utf-8"), forbidden


# --- Without resize.js ----------------------------------------------------------------------


def test_without_the_script_the_iframe_keeps_its_height_and_scrolls(browser, site_url, host):
    url = host(host_html(site_url, [("embed/faq/", "faq", "FAQ"),
                                    ("embed/check/", "check", "Check")], script=False))
    s = Session(browser, PHONE)
    s.page.goto(url, wait_until="networkidle")
    settle(s.page, 800)
    for ident in ("faq", "check"):
        assert s.iframe_height(ident) == FIXED
        frame = s.frame(ident)
        assert frame.evaluate("document.documentElement.scrollHeight") > FIXED + 100
        # Untouched layout: the theme's own html/body sizes, since no host asked for resizing.
        assert frame.evaluate("document.documentElement.style.height") == ""
        assert frame.evaluate("scrollTo(0, 400), scrollY") > 0, f"{ident} does not scroll"
    assert s.page.evaluate("window.__got") == []
    assert s.hosts() <= {"127.0.0.1", "127.0.0.2"}, s.requests
    assert s.errors == []
    s.close()


def test_with_javascript_off_the_widget_works_in_the_fixed_frame(browser, site_url, host):
    url = host(host_html(site_url, [("embed/check/", "check", "Check")]))
    s = Session(browser, PHONE, javascript=False)
    s.page.goto(url, wait_until="networkidle")
    frame = s.frame("check")
    fl = s.page.frame_locator("#check")
    at = follow_links_to_an_answer(frame, fl)
    assert frame.evaluate(f"document.getElementById('{at}').matches(':target')")
    assert s.page.url == url
    assert s.iframe_height("check") == FIXED
    # The frame scrolled itself to the outcome.
    assert frame.evaluate("scrollY") > 0
    top = frame.evaluate(f"document.getElementById('{at}').getBoundingClientRect().top")
    assert 0 <= top < FIXED / 2
    assert s.hosts() <= {"127.0.0.1", "127.0.0.2"}, s.requests
    s.close()


def test_resize_js_is_small():
    import gzip

    assert len(gzip.compress(RESIZE_JS.read_bytes(), 9)) <= 2048
    assert "SPDX-License-Identifier: MIT" in RESIZE_JS.read_text(encoding="utf-8")
    assert "SPDX-License-Identifier: MIT" in CHILD_JS.read_text(encoding="utf-8")


# --- The compact variant --------------------------------------------------------------------


def test_compact_frame_has_no_source_list_until_a_citation_asks(browser, site_url, host):
    """``#compact`` leaves out the list of sources, on a page and in the tool's answer; a citation
    marker still reaches its source (the list opens at it), so no marker is a dead link."""
    s = Session(browser, PHONE)
    for path, compact in (("embed/faq/", False), ("embed/faq/#compact", True)):
        s.page.goto(host(host_html(site_url, [(path, "faq", "FAQ")])))
        s.wait_resized("faq")
        fl = s.page.frame_locator("#faq")
        assert fl.locator(".app-sources").count() == 1
        assert fl.locator(".app-sources").is_visible() is not compact, path
    cite = fl.locator(".app-faq .app-cite a").first
    target = cite.get_attribute("href")
    assert target.startswith("#src-")
    cite.click()
    fl.locator(target).wait_for(state="visible", timeout=5000)  # the marker's source is shown
    # The tool: its answer's own list of sources, the same way.
    s.page.goto(host(host_html(site_url, [("embed/check/#compact", "tool", "Tool")])))
    s.wait_resized("tool")
    current = s.page.frame_locator("#tool").locator(".app-check__node--current")
    for _ in range(10):
        if current.evaluate("n => n.classList.contains('app-check__outcome')"):
            break
        current.locator(".app-check__choice label").first.click()
        current.locator(".app-check__continue").click()
    assert current.evaluate("n => n.classList.contains('app-check__outcome')"), "no outcome reached"
    assert current.locator(".app-sources").count() == 1
    assert not current.locator(".app-sources").is_visible()
    cite = current.locator(".app-cite a").first
    target = cite.get_attribute("href")
    cite.click()
    current.locator(target).wait_for(state="visible", timeout=5000)  # the answer's source
    assert s.errors == []
    s.close()
