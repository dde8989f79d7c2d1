"""Shared fixtures: a throwaway copy of the project, and one build of the real site per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COPY_IGNORE = shutil.ignore_patterns(".venv", "node_modules", "site", ".git", "__pycache__",
                                     ".pytest_cache", ".ruff_cache", "test-results")


@pytest.fixture(scope="session")
def real_site():
    """The project's real data, loaded once per session (a data error fails here, once)."""
    from macros.load import load_site

    return load_site(ROOT)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project (data, docs, macros, overrides) that a test may break."""
    dest = tmp_path / "project"
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE)
    return dest


def build_site(root: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run the real build (every locale) of ``root`` into ``out``."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "macros", "build", "--quiet", "--site-dir", str(out), *extra],
        cwd=root, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session into a temporary directory."""
    out = tmp_path_factory.mktemp("site")
    proc = build_site(ROOT, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture
def edit_yaml() -> Callable[[Path, str, str], None]:
    """Replace one exact snippet in a file of a project copy (the snippet must exist)."""

    def edit(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not found in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit
