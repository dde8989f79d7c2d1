"""Helpers shared by the test layers (tests never import each other's modules, and tools/
never imports tests/).

- ``ROOT``: the project; ``FIXTURE``: a small, complete data set (data/, docs/, locales/) that
  mutation tests copy and break, so a content edit never breaks an unrelated test;
- ``mini_project``: a copy of the fixture that MkDocs can build (the real theme and code);
- ``build_site``: the real build of every locale (used once per session: ``built_site``);
- browser helpers.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "mini"


@functools.cache
def _parsed(path: str, mtime: float) -> object:
    from bs4 import BeautifulSoup

    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "lxml")


def soup(path: Path):  # noqa: ANN201 - a BeautifulSoup document
    """A built page, parsed once per test process (tests only read it)."""
    return _parsed(str(path), path.stat().st_mtime)


def locale_codes() -> tuple[str, list[str]]:
    """The source locale and the others, read from data/locales.yml without loading the site
    (cheap enough for test parametrisation at collection time)."""
    import yaml

    data = yaml.safe_load((ROOT / "data" / "locales.yml").read_text(encoding="utf-8"))
    source = data["source_locale"]
    return source, [loc["code"] for loc in data["locales"] if loc["code"] != source]


def build_site(root: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run the real build (every locale) of ``root`` into ``out``."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "macros", "build", "--quiet", "--site-dir", str(out), *extra],
        cwd=root, env=env, capture_output=True, text=True,
    )


def mini_project(dest: Path) -> Path:
    """A buildable copy of the fixture data set: its data/, docs/ and locales/ with the real
    interface words (the templates need them), mkdocs.yml, theme and code (linked), its
    catalogues brought up to date and its locale configuration files generated."""
    shutil.copytree(FIXTURE, dest)  # follows the link to the vendored law: a real copy
    shutil.copy(ROOT / "data" / "strings.yml", dest / "data" / "strings.yml")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "overrides").symlink_to(ROOT / "overrides")
    (dest / "macros").symlink_to(ROOT / "macros")
    from macros import config
    from macros.i18n_tools import update
    from macros.load import load_site

    update(load_site(dest))
    config.write(load_site(dest))
    return dest


def build_mini(root: Path, out: Path, code: str = "en") -> subprocess.CompletedProcess[str]:
    """Plain ``mkdocs build`` of one locale of a mini project (no preview image)."""
    cfg = "mkdocs.yml" if code == "en" else f"mkdocs.{code}.yml"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", cfg,
                           "-d", str(out if code == "en" else out / code)],
                          cwd=root, env=env, capture_output=True, text=True)


# --- browser helpers ------------------------------------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(directory: Path, host: str = "127.0.0.1") -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer((host, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://{host}:{server.server_address[1]}/"


def nginx_available() -> bool:
    """Debian's nginx is installed (``make browser-deps`` installs it)."""
    from macros.publish.headers import nginx_binary

    return nginx_binary() is not None


def serve_nginx(directory: Path):  # noqa: ANN201 - a context manager yielding the URL
    """Serve a built site through the production rules (deploy/nginx.conf, with this folder
    and a free port filled in): headers, gzip, caching, each locale's 404 page."""
    from macros.publish.headers import nginx

    return nginx(directory)


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


