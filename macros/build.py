"""Build every locale with MkDocs (one build per locale), or serve one with live reload.

English (the source locale) builds into ``site/``; every other locale into ``site/<code>/``.
Each build uses the same ``mkdocs.yml``; the locale comes from environment variables derived
from ``data/locales.yml``, so adding a locale needs no new configuration file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .app import App
from .catalogs import load_translators, translator_for
from .load import SiteData, load_site
from .models import Locale
from .social import write_preview

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def locale_env(site: SiteData, loc: Locale, site_dir: Path) -> dict[str, str]:
    """Environment variables that turn mkdocs.yml into this locale's build."""
    target = site_dir if loc.code == site.locales.source_locale else site_dir / loc.code
    env = dict(os.environ)
    # Each locale's MkDocs site_url includes its prefix, so canonical URLs and the 404 page
    # (linked from the site_url path) point into the right language.
    root = env.get("SITE_URL", DEFAULT_SITE_URL)
    root = root if root.endswith("/") else root + "/"
    prefix = "" if loc.code == site.locales.source_locale else f"{loc.code}/"
    env.update({
        "SITE_URL": root + prefix,
        "SITE_LOCALE": loc.code,
        "SITE_DIR": str(target),
        "SITE_THEME_LANGUAGE": loc.theme_language,
        "SITE_DIRECTION": loc.dir,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_NAME": str(App(site, translator_for(site, loc.code), site_url=root)
                         .theme_text("ui.site_name")),
    })
    return env


def build_all(root: Path, argv: list[str]) -> int:
    """``python -m macros build [--site-dir DIR] [--locale CODE ...]``."""
    parser = argparse.ArgumentParser(prog="python -m macros build")
    parser.add_argument("--site-dir", default=str(root / "site"))
    parser.add_argument("--locale", action="append", help="build only these locales")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    site = load_site(root)  # fail fast, with file:line messages, before any MkDocs output
    translators = load_translators(site)
    site_url = os.environ.get("SITE_URL", DEFAULT_SITE_URL)
    site_dir = Path(args.site_dir).resolve()
    locales = [loc for loc in site.locales.locales if not args.locale or loc.code in args.locale]
    # The source locale builds first: its build cleans the whole site directory.
    locales.sort(key=lambda loc: loc.code != site.locales.source_locale)
    if site_dir.exists() and (not args.locale or site.locales.source_locale in args.locale):
        shutil.rmtree(site_dir)
    for loc in locales:
        start = time.monotonic()
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
               str(root / "mkdocs.yml")]
        if args.quiet:
            cmd.append("--quiet")
        proc = subprocess.run(cmd, cwd=root, env=locale_env(site, loc, site_dir))
        if proc.returncode != 0:
            print(f"error: the {loc.english_name} ({loc.code}) build failed", file=sys.stderr)
            return proc.returncode
        # Link-preview image: drawn here (needs Debian's Noto fonts), not by `mkdocs serve`.
        target = Path(locale_env(site, loc, site_dir)["SITE_DIR"])
        write_preview(App(site, translators[loc.code], site_url=site_url), target)
        if not args.quiet:
            print(f"built {loc.code} in {time.monotonic() - start:.1f} s")
    return 0


def serve(root: Path, argv: list[str]) -> int:
    """``python -m macros serve [LOCALE]``: one locale at http://127.0.0.1:8000, live reload."""
    site = load_site(root)
    code = argv[0] if argv else site.locales.source_locale
    loc = site.locale(code)
    env = locale_env(site, loc, root / "site")
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-a", "127.0.0.1:8000", "--livereload",
           "-f", str(root / "mkdocs.yml"), "--watch", str(root / "data"), "--watch",
           str(root / "macros")]
    if (root / "locales").exists():
        cmd += ["--watch", str(root / "locales")]
    return subprocess.call(cmd, cwd=root, env=env)
