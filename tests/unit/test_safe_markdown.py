"""The one Markdown function: a safe subset; raw HTML and script URLs never pass."""

from macros.safe_markdown import render_markdown, strip_markdown


def test_subset_renders():
    html = render_markdown("Some **strong**, *em*, [a link](https://example.org) and\n\n- a list")
    assert "<strong>strong</strong>" in html
    assert "<em>em</em>" in html
    assert '<a href="https://example.org">a link</a>' in html
    assert "<ul>" in html


def test_raw_html_is_shown_as_text():
    html = render_markdown('Hi <script>alert("x")</script> <img src=x onerror=alert(1)>')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_script_and_data_urls_are_not_links():
    for url in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x",
                "vbscript:x", "http://insecure.example"):
        html = render_markdown(f"[click]({url})")
        assert "<a" not in html, url


def test_headings_and_images_are_not_in_the_subset():
    html = render_markdown("# Big\n\n![x](https://example.org/x.png)")
    assert "<h1" not in html and "<img" not in html


def test_relative_and_anchor_links_allowed():
    assert 'href="../faq/#x"' in render_markdown("[faq](../faq/#x)")
    assert 'href="#top"' in render_markdown("[top](#top)")


def test_strip_markdown_gives_plain_text():
    assert strip_markdown("**Bold** and [link](https://a.example)") == "Bold and link"
