"""Long sections' reserved heights: the letters each shows (macros/lazy.py)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from macros.lazy import LAZY, size_sections


def _chars(html: str) -> list[int | None]:
    doc = BeautifulSoup(size_sections(html), "html.parser")
    out: list[int | None] = []
    for section in doc.find_all("section"):
        style = section.get("style")
        out.append(int(re.fullmatch(r"--app-chars:(\d+)", style).group(1)) if style else None)
    return out


def test_each_lazy_section_counts_the_letters_it_shows():
    html = ('<section class="app-faq" id="a"><h2>Hello world</h2><p>abc <b>de</b></p>'
            '<details><summary>Sum</summary><p>hidden text</p></details>'
            '<details open><summary>S2</summary>shown</details></section>'
            '<section class="other">not sized</section><section class="app-case x">x y</section>')
    # 10 + 5, a closed fold's summary only (3), an open fold whole (2 + 5); spaces not counted.
    assert _chars(html) == [25, None, 2]


def test_nested_folds_and_an_unclosed_paragraph():
    html = ('<section class="app-help"><p>one<p>two<details><summary>s</summary>'
            '<details open><summary>inner</summary>no</details>after</details>end</section>')
    assert _chars(html) == [len("onetwos") + len("end")]


def test_the_rest_of_the_page_is_unchanged():
    html = '<p>before</p>\n<section class="app-penalty" id="p">\n<h3>T</h3>\n</section>\n<p>x</p>'
    out = size_sections(html)
    assert out == html.replace('<section class', '<section style="--app-chars:1" class')


def test_a_section_with_its_own_style_fails_loudly():
    with pytest.raises(ValueError, match="already has a style"):
        size_sections('<section class="app-faq" style="color:red">x</section>')


def test_the_css_gives_every_lazy_class_a_reserved_height():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "overrides/assets/app/lazy.css").read_text()
    rule = next(r for r in css.split("}") if "content-visibility: auto" in r)
    assert {c for c in LAZY if f".{c}" in rule} == LAZY
    assert "var(--app-chars" in rule
