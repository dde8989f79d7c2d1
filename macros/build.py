"""Build every locale with MkDocs (one build per locale), or serve one with live reload.

English (the source locale) builds from ``mkdocs.yml`` into ``site/``; every other locale from
its generated ``mkdocs.<code>.yml`` into ``site/<code>/`` (see ``macros/config.py``). The public
address comes from ``SITE_URL`` (read by ``mkdocs.yml``); nothing else is passed around.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from . import config, urls
from .catalogs import load_translators
from .errors import DataError
from .models import Locale
from .publish.preview import write_preview
from .site import Site
from .words import Words


def _env() -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1")


def _check_config(site: Site) -> None:
    found = config.problems(site)
    if found:
        raise DataError(found)


def build_all(root: Path, argv: list[str]) -> int:
    """``python -m macros build [--site-dir DIR] [--locale CODE ...]``."""
    parser = argparse.ArgumentParser(prog="python -m macros build")
    parser.add_argument("--site-dir", default=str(root / "site"))
    parser.add_argument("--locale", action="append", help="build only these locales")
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--jobs", type=int, default=0,
                        help="locales built at once (default: one per core)")
    args = parser.parse_args(argv)
    site = Site.load(root)  # fail fast, with file:line messages, before any MkDocs output
    _check_config(site)
    translators = load_translators(site)
    site_dir = Path(args.site_dir).resolve()
    locales = [loc for loc in site.locales.locales if not args.locale or loc.code in args.locale]
    with_source = any(loc.code == site.source_locale for loc in locales)
    if site_dir.exists() and with_source:
        shutil.rmtree(site_dir)
    # Every locale side by side, one MkDocs process per core, each in its own directory. MkDocs
    # cleans the directory it builds into, so the source locale (the site root) builds into a
    # directory of its own, moved into place when every build is done.
    source_dir = site_dir.parent / f".{site_dir.name}-{site.source_locale}-build"
    if with_source:
        shutil.rmtree(source_dir, ignore_errors=True)
    jobs = max(1, args.jobs or os.cpu_count() or 1)
    running: list[tuple[Locale, Path, subprocess.Popen[bytes], float]] = []
    queue = list(locales)
    while queue or running:
        while queue and len(running) < jobs:
            loc = queue.pop(0)
            target = (source_dir if loc.code == site.source_locale else
                      site_dir / urls.locale_prefix(loc.code, site.source_locale))
            cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                   str(config.config_path(root, loc.code, site.source_locale)),
                   "-d", str(target)]
            if args.quiet:
                cmd.append("--quiet")
            proc = subprocess.Popen(cmd, cwd=root, env=_env(), stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT)
            running.append((loc, target, proc, time.monotonic()))
        loc, target, proc, start = running.pop(0)
        output, _ = proc.communicate()
        sys.stdout.write(output.decode("utf-8", "replace"))
        if proc.returncode != 0:
            for _loc, _target, other, _start in running:
                other.kill()
            shutil.rmtree(source_dir, ignore_errors=True)
            print(f"error: the {loc.english_name} ({loc.code}) build failed",
                  file=sys.stderr)
            return proc.returncode
        # Link-preview image: drawn here (needs Debian's Noto fonts), not by `mkdocs serve`.
        write_preview(Words(site, translators[loc.code]), target)
        if not args.quiet:
            print(f"built {loc.code} in {time.monotonic() - start:.1f} s")
    if with_source:
        site_dir.mkdir(parents=True, exist_ok=True)
        for entry in source_dir.iterdir():
            entry.replace(site_dir / entry.name)
        source_dir.rmdir()
    return 0


def serve(root: Path, argv: list[str]) -> int:
    """``python -m macros serve [LOCALE]``: one locale at http://127.0.0.1:8000, live reload."""
    site = Site.load(root)
    _check_config(site)
    code = argv[0] if argv else site.source_locale
    site.locale(code)
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-a", "127.0.0.1:8000", "--livereload",
           "-f", str(config.config_path(root, code, site.source_locale)),
           "--watch", str(root / "data"), "--watch", str(root / "macros")]
    if (root / "locales").exists():
        cmd += ["--watch", str(root / "locales")]
    return subprocess.call(cmd, cwd=root, env=_env())
