"""Mixed-direction text in Arabic reads in the right order on screen: a citation inside Arabic
text keeps its left-to-right order, and a date keeps the right-to-left order of its words."""

from __future__ import annotations

import pytest

from macros.catalogs import translator_for
from macros.words import Words

pytestmark = pytest.mark.browser

# The left edge on screen of each of `parts`, in the first element matching `selector` whose
# text holds them all in this order (found through the text nodes, measured with a Range).
POSITIONS = """([selector, parts]) => {
  for (const el of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = []; let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, text.length]);
      text += n.data; }
    const lefts = []; let from = 0;
    for (const part of parts) {
      const at = text.indexOf(part, from);
      if (at < 0) break;
      from = at + part.length;
      const [node, start] = nodes.filter(([, s]) => s <= at).pop();
      const range = document.createRange();
      range.setStart(node, at - start);
      range.setEnd(node, Math.min(node.data.length, at - start + part.length));
      lefts.push(range.getBoundingClientRect().left);
    }
    if (lefts.length === parts.length) return lefts;
  }
  return null;
}"""


def test_arabic_citation_and_date_render_in_order(browser, site_url, real_site):
    words = Words(real_site, translator_for(real_site, "ar"))
    date = words.date(real_site.site.as_of)  # e.g. "9 يونيو 2026"
    day, month, year = date.split()
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.goto(f"{site_url}ar/lawsuits/", wait_until="load")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    # A citation inside Arabic prose: "§ 6103(i)(2)" reads left to right (unisolated, the
    # parentheses were mirrored and moved: "6103(i)) … :((2)").
    cite = page.evaluate(POSITIONS, ["main p, main li, main td",
                                     ["§", "6103", "(i)", "(2)"]])
    assert cite is not None, "no Arabic text on the page cites § 6103(i)(2)"
    assert cite == sorted(cite) and len(set(cite)) == len(cite), cite
    # The date in the heading: day, month, year from right to left.
    when = page.evaluate(POSITIONS, ["h2#at-a-glance", [day, month, year]])
    assert when is not None, f"the heading does not show {date!r}"
    assert when[0] > when[1] > when[2], when
    ctx.close()
