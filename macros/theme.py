"""What the page layout needs besides words and links: the Content-Security-Policy, the inline
CSS, and our assets' content-hashed names.

Our CSS is a few kilobytes, so it is written into each page (no request blocks the first
paint). Our scripts are files with the hash of their content in their name
(``app.3f2a9c1b.js``): a host may cache them for a year, and a fix is a new name. The embed
script that partner sites hotlink keeps stable paths (``assets/embed/resize.js`` and the
versioned ``assets/embed/v1/resize.js``).
"""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup

from .words import Words

ASSETS = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "app"

# The policy every page carries (in a <meta> element, and as a header where the host sends it:
# deploy/). No request may go to another host; no inline script may run.
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def csp(extra: dict[str, str] | None = None) -> str:
    return "; ".join(f"{k} {v}" for k, v in {**POLICY, **(extra or {})}.items())


def minify_css(css: str) -> str:
    """Comments and needless spaces out (the result is the same CSS)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    css = re.sub(r":\s+", ":", css)
    return css.replace(";}", "}").strip()


_CSS_CACHE: dict[tuple[Path, float], str] = {}


def _css(name: str) -> str:
    path = ASSETS / f"{name}.css"
    key = (path, path.stat().st_mtime)
    if key not in _CSS_CACHE:
        _CSS_CACHE[key] = minify_css(path.read_text(encoding="utf-8"))
    return _CSS_CACHE[key]


def css_string(text: str) -> str:
    """A CSS string literal that cannot end the string or the <style> element."""
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + text.replace("<", "\\3c ").replace(">", "\\3e ") + '"'


def styles(words: Words, extra: str | None = None, lazy: bool = False) -> Markup:
    """The inline CSS of a page: ``app.css``, ``lazy.css`` if it has long sections that wait
    (macros/lazy.py), and the page's own CSS."""
    parts = [_css("app")]
    if lazy:
        parts.append(_css("lazy"))
    if extra:
        parts.append(_css(extra))
    return Markup("".join(parts))


class Assets:
    """Content-hashed names of our scripts and images (``name`` -> ``assets/app/name.HASH.ext``)."""

    HASHED = (".js", ".svg")

    def __init__(self, folder: Path = ASSETS) -> None:
        self.folder = folder
        self.names: dict[str, str] = {}
        for path in sorted(folder.iterdir()):
            if path.suffix in self.HASHED:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
                self.names[path.name] = f"{path.stem}.{digest}{path.suffix}"

    def path(self, name: str) -> str:
        try:
            return f"assets/app/{self.names[name]}"
        except KeyError:
            raise KeyError(f"no asset {name!r} in {self.folder}") from None


# What the theme ships that no page of ours loads (our own layout replaces it).
THEME_ASSETS = ("assets/stylesheets", "assets/javascripts", "assets/images")
# Ours, published once at the site root and shared by every locale.
SHARED = ("assets/app", "assets/embed")


def tidy_assets(site_dir: Path, assets: Assets, *, root: bool) -> None:
    """After a locale's build: drop the theme's unused files and (for a non-root locale) the
    copies of shared assets; at the root, add the hashed names and the versioned embed path."""
    for rel in THEME_ASSETS + (() if root else SHARED):
        shutil.rmtree(site_dir / rel, ignore_errors=True)
    if not root:
        return
    app = site_dir / "assets" / "app"
    for name, hashed in assets.names.items():
        shutil.copyfile(app / name, app / hashed)
    embed = site_dir / "assets" / "embed"
    (embed / "v1").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(embed / "resize.js", embed / "v1" / "resize.js")


# A first visit on prepaid data: every page, of every locale, at most this much compressed.
PAGE_BUDGET = 50 * 1024


class _Loads(HTMLParser):
    """The files a page loads on a first visit: scripts, images and its icon."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        ref = (a.get("src") if tag in ("script", "img") else
               a.get("href") if tag == "link" and "icon" in (a.get("rel") or "").split() else None)
        if ref:
            self.refs.append(ref)


def built_pages(site_dir: Path) -> list[Path]:
    """Every HTML page of a built site (all locales, embeds, 404s), not the theme's assets."""
    return sorted(p for p in site_dir.rglob("*.html") if "assets" not in p.parts)


def page_weight(site_dir: Path, page: Path) -> int:
    """A page's weight on a first visit: its HTML (CSS inline) and every script, image and icon
    it loads, each compressed with gzip -9. (A size is exact; a time is not.)"""
    def gz(path: Path) -> int:
        return len(gzip.compress(path.read_bytes(), compresslevel=9))

    loads = _Loads()
    loads.feed(page.read_text(encoding="utf-8"))
    total = gz(page)
    for ref in loads.refs:
        base = site_dir if ref.startswith("/") else page.parent  # 404 pages: from the root
        total += gz((base / urlsplit(ref).path.lstrip("/")).resolve())
    return total
