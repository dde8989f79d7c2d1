"""Browser fixtures: Debian's Chromium through Playwright, and the built site on 127.0.0.1.

Without Chromium or Playwright these tests skip, unless REQUIRE_BROWSER=1 (set by `make test`
and therefore by CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..helpers import ARGS, AXE, CHROMIUM, ROOT


def _unavailable(reason: str) -> None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests are required (REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site_url(served_site: str) -> str:
    """The shared build through nginx and the production headers (tests/conftest.py)."""
    return served_site


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        _unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    if not AXE.exists():
        _unavailable("axe-core is not installed (npm ci)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def results_dir() -> Path:
    out = ROOT / "test-results"
    out.mkdir(exist_ok=True)
    return out
