"""Phone layout of every page in every locale: nothing wider than the screen, only the page's
scrolling area scrolls, and the quick exit is always on screen without covering a link, a button
or a field (at the top and mid-page)."""

from __future__ import annotations

import pytest

from ..helpers import NEUTRAL, locale_codes, page_paths

pytestmark = pytest.mark.browser

SOURCE, OTHERS = locale_codes()

# Every link, button, field and summary whose visible part (clipped by the scrolling area)
# overlaps the quick-exit bar; and whether the bar itself is inside the viewport.
CHECK = """() => {
  const bar = document.querySelector('.app-quick-exit').getBoundingClientRect();
  const area = document.querySelector('.app-scroll');
  const clip = area ? area.getBoundingClientRect()
    : {top: 0, bottom: innerHeight, left: 0, right: innerWidth};
  const hits = [];
  const controls = 'a[href], button, input, select, textarea, summary';
  for (const el of document.querySelectorAll(controls)) {
    if (el.closest('.app-exitbar')) continue;
    for (const r of el.getClientRects()) {
      const top = Math.max(r.top, clip.top), bottom = Math.min(r.bottom, clip.bottom);
      if (bottom <= top || r.width === 0) continue;
      if (top < bar.bottom && bottom > bar.top && r.left < bar.right && r.right > bar.left)
        hits.push(el.outerHTML.slice(0, 80));
    }
  }
  const width = Math.max(document.documentElement.scrollWidth, area ? area.scrollWidth : 0);
  // The header's name and its buttons side by side, never over each other.
  const name = document.querySelector('.app-brand');
  const brand = name.getBoundingClientRect();
  const tools = document.querySelector('.app-header__tools').getBoundingClientRect();
  const crowded = name.scrollWidth > name.clientWidth + 1 || (brand.left < tools.right &&
    brand.right > tools.left && brand.top < tools.bottom && brand.bottom > tools.top);
  // Only the scrolling area scrolls: if the page itself could, a link to a fragment (or a
  // swipe) would scroll the quick-exit bar partly off screen.
  const rootScroll = document.scrollingElement.scrollHeight - innerHeight;
  return {hits, width, crowded, rootScroll, inView: bar.top >= 0 && bar.bottom <= innerHeight &&
          bar.left >= 0 && bar.right <= innerWidth};
}"""


def _in_locale(path: str, code: str) -> bool:
    first = path.split("/")[0]
    return first == code or (code == SOURCE and first not in OTHERS)


@pytest.mark.parametrize("code", [SOURCE, *OTHERS])
def test_no_overflow_and_the_quick_exit_never_covers_anything(browser, site_url, built_site,
                                                              code):
    """Each page at 360 px, then (the same load, narrowed) at 320 px; at the top and mid-page."""
    ctx = browser.new_context(viewport={"width": 360, "height": 640})
    page = ctx.new_page()
    problems = []
    for path in [p for p in page_paths(built_site) if _in_locale(p, code)]:
        if "/embed/" in f"/{path}":
            continue  # embeds have no bar: their quick exit sits in the flow (test_embed.py)
        if code != SOURCE and "/exceptions/" in f"/{path}" and not path.endswith(
                "/exceptions/"):
            continue  # a subsection page shows part of the exceptions page's text (checked)
        page.set_viewport_size({"width": 360, "height": 640})
        page.goto(site_url + path, wait_until="load")
        for width in (360, 320):
            page.set_viewport_size({"width": width, "height": 640})
            for where in ("top", "middle"):
                page.evaluate("""(where) => { const a = document.querySelector('.app-scroll');
                    a.scrollTop = where === 'top' ? 0 : (a.scrollHeight - a.clientHeight) / 2;
                    }""", where)
                got = page.evaluate(CHECK)
                if got["width"] > width:
                    problems.append(f"{path} at {width}px: {got['width']}px wide")
                if got["rootScroll"] > 1:
                    problems.append(f"{path} at {width}px ({where}): the page itself scrolls "
                                    f"{got['rootScroll']}px, so the quick exit can scroll away")
                if not got["inView"]:
                    problems.append(f"{path} at {width}px ({where}): the quick exit is off "
                                    "screen")
                if got["crowded"] and where == "top":
                    problems.append(f"{path} at {width}px: the site name runs under the "
                                    "header's buttons")
                if got["hits"]:
                    problems.append(f"{path} at {width}px ({where}): the quick exit covers "
                                    f"{got['hits'][:2]}")
    ctx.close()
    assert problems == [], "\n".join(problems)


def test_no_keyboard_hint_on_touch_screens(browser, site_url):
    ctx = browser.new_context(viewport={"width": 360, "height": 640}, has_touch=True,
                              is_mobile=True)
    page = ctx.new_page()
    page.goto(site_url, wait_until="load")
    assert not page.locator(".app-quick-exit__hint").is_visible()
    ctx.close()
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.goto(site_url, wait_until="load")
    assert page.locator(".app-quick-exit__hint").is_visible(), "a keyboard shows the hint"
    ctx.close()


def test_back_after_the_quick_exit_does_not_restore_the_page(browser, site_url):
    ctx = browser.new_context(viewport={"width": 360, "height": 640})
    ctx.route(NEUTRAL + "**", lambda route: route.fulfill(body="<p>weather</p>",
                                                          content_type="text/html"))
    page = ctx.new_page()
    page.goto(site_url + "faq/", wait_until="load")
    page.goto(site_url + "help/", wait_until="load")
    page.locator("a.app-quick-exit").click()
    page.wait_for_url(NEUTRAL + "**")
    page.go_back(wait_until="load")
    assert page.url == site_url + "faq/", "Back skips the page that was left"
    ctx.close()
