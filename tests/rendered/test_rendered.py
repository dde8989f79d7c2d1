"""Rendered output: build the site into a temporary directory and check the parsed HTML."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from macros.catalogs import translator_for
from macros.load import load_site
from tests.conftest import ROOT, build_site

SITE = load_site(ROOT)

pytestmark = pytest.mark.build


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_exception_table_rows_come_from_data(built_site):
    data = load_site(ROOT)
    doc = soup(built_site / "exceptions" / "index.html")
    rows = doc.select("#exceptions-table tbody tr")
    assert [r["data-exception"] for r in rows] == list(data.exceptions)
    for row in rows:
        ex = data.exceptions[row["data-exception"]]
        assert row.th.a["aria-label"] == ex.citation
        assert ex.citation.endswith(row.th.get_text(strip=True))
        assert row["data-recipients"].split() == ex.recipients
        # Each exception has its own section with a stable anchor.
        section = doc.find(id=ex.id)
        assert section is not None and section.name == "section"


def test_every_page_has_notice_quick_exit_and_stamp(built_site):
    for page in html_pages(built_site):
        doc = soup(page)
        exit_link = doc.select_one("a.app-quick-exit")
        assert exit_link is not None, page
        assert exit_link["href"].startswith("https://"), page
        advice = doc.select_one(".app-advice")
        assert advice is not None, page
        code = doc.html["lang"]
        expected = translator_for(SITE, code).plain("ui.notice.not_legal_advice_md")
        assert expected.split(".")[0] in advice.get_text(), page
        if "embed" in page.relative_to(built_site).parts:
            # Embeds: no site footer, but an attribution with the dates and the full page.
            assert doc.select_one(".app-attribution .app-stamp time[datetime]"), page
            assert doc.select_one(".app-attribution a[data-app-full-page][target=_top]"), page
            assert doc.select_one("header.md-header") is None, page
        else:
            assert doc.select_one(".app-footer .app-stamp time[datetime]"), page


def test_no_reference_to_other_hosts_in_loaded_resources(built_site):
    """Scripts, styles, images, fonts and frames are all local and linked relatively."""
    for page in html_pages(built_site):
        doc = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"),
                          ("iframe", "src"), ("source", "src")):
            for el in doc.find_all(tag):
                value = el.get(attr)
                if not value:
                    continue
                if tag == "link" and set(el.get("rel", [])) & {"canonical", "alternate"}:
                    continue  # absolute by standard; not loaded by the browser
                assert not urlparse(value).scheme and not value.startswith("//"), \
                    f"{page}: {tag} {attr}={value}"
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")
        assert doc.select(".mermaid") == [], f"{page}: diagrams would load a CDN script"


def test_content_security_policy_on_every_page(built_site):
    for page in html_pages(built_site):
        meta = soup(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, page
        assert "default-src 'self'" in meta["content"]
        assert "http" not in meta["content"]


def test_internal_links_are_relative(built_site):
    # 404.html is served at whatever URL was missing, so MkDocs links it from the site_url path
    # (documented in the README: SITE_URL must include a sub-folder when the site lives in one).
    for page in [p for p in html_pages(built_site) if p.name != "404.html"]:
        for a in soup(page).find_all("a", href=True):
            href = a["href"]
            if href.startswith(("https://", "mailto:")):
                # External links go to sources and help only, never to our own host.
                assert "127.0.0.1" not in href, f"{page}: {href}"
                continue
            assert not href.startswith("/"), f"{page}: root-relative link {href}"


def _replace_field_of(path, entry_id: str, field: str, value: str) -> None:
    """Replace the first ``field:`` value after ``- id: entry_id`` (a block or plain scalar)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {entry_id}")
    i = next(i for i in range(start + 1, len(lines)) if lines[i].strip().startswith(f"{field}:"))
    indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or
                              len(lines[j]) - len(lines[j].lstrip()) > len(indent)):
        j += 1
    lines[i:j] = [f"{indent}{field}: '{value}'"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_script_in_data_is_escaped_and_inert(project, tmp_path):
    payload = '<script>alert("x")</script><img src=x onerror=alert(2)>'
    exceptions = project / "data" / "exceptions.yml"
    _replace_field_of(exceptions, "x-6103-i-2", "title", f"Evil {payload}")
    _replace_field_of(exceptions, "x-6103-i-2", "summary",
                      f"Markdown field {payload} [x](javascript:alert(3))")
    out = tmp_path / "site"
    proc = build_site(project, out)
    assert proc.returncode == 0, proc.stderr
    html = (out / "exceptions" / "index.html").read_text(encoding="utf-8")
    doc = BeautifulSoup(html, "lxml")
    assert 'alert("x")' not in "".join(s.get_text() for s in doc.find_all("script"))
    assert not doc.find_all("img", onerror=True)
    assert not doc.find_all("a", href=re.compile("^javascript", re.I))
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html or \
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_bad_data_stops_the_build_with_a_located_message(project, edit_yaml, tmp_path):
    edit_yaml(project / "data" / "exceptions.yml", "    scope: one-taxpayer\n", "")
    proc = build_site(project, tmp_path / "site")
    assert proc.returncode != 0
    assert re.search(r"data/exceptions\.yml:\d+: exceptions\[\d+\]\.scope: field required",
                     proc.stderr), proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_data_stops_plain_mkdocs_too(project, edit_yaml, tmp_path):
    import os
    import subprocess
    import sys

    edit_yaml(project / "data" / "site.yml", "as_of: 2026-06-09", "as_of: 2026-02-30")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d",
                           str(tmp_path / "out")], cwd=project, capture_output=True, text=True,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert proc.returncode != 0
    assert "data/site.yml:" in proc.stderr and "site.as_of" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_pages_cite_sources_listed_on_the_page(built_site):
    for page in html_pages(built_site):
        doc = soup(page)
        for ref in doc.select("a.app-cite__ref"):
            target = ref["href"].lstrip("#")
            assert doc.find(id=target) is not None, f"{page}: citation {target} not listed"
