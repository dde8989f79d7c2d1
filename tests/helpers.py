"""Helpers shared by the test layers (tests never import each other's modules)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "mini"  # a small, complete data set that tests may break


# --- browser helpers ------------------------------------------------------------------------

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
NEUTRAL = "https://www.weather.gov/"

# Records Content-Security-Policy violations (a blocked attempt to reach another host).
WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.blockedURI));
"""


def page_paths(built_site: Path) -> list[str]:
    paths = []
    for p in sorted(built_site.rglob("index.html")):
        rel = p.parent.relative_to(built_site).as_posix()
        if "assets" in rel.split("/"):
            continue
        paths.append("" if rel == "." else rel + "/")
    return paths


def watch(page, init: str = "") -> tuple[list[str], list[str]]:
    """Record a page's requests and script errors, and its blocked (CSP) attempts."""
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    # A request the Content-Security-Policy stopped never left the browser: drop it here (the
    # tests check window.__csp for such attempts separately).
    page.on("requestfailed", lambda r: r.failure == "csp" and r.url in requests
            and requests.remove(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(WATCH_CSP + init)
    return requests, errors


def open_page(browser, url: str, *, viewport=PHONE, js: bool = True, init: str = ""):
    ctx = browser.new_context(viewport=viewport, java_script_enabled=js)
    page = ctx.new_page()
    requests, errors = watch(page, init)
    page.goto(url, wait_until="networkidle")
    return ctx, page, requests, errors


def foreign(requests: list[str], site_url: str) -> list[str]:
    host = urlparse(site_url).netloc
    return [r for r in requests if urlparse(r).scheme in {"http", "https"}
            and urlparse(r).netloc != host]


