"""Shared fixtures: the real data (loaded once), one real build (shared by the rendered and
browser layers), and throwaway copies of the small fixture data set for mutation tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .helpers import FIXTURE, ROOT, build_site, mini_project


@pytest.fixture(scope="session")
def real_site():
    """The project's real data and compiled views, loaded once (a data error fails here)."""
    from macros.site import Site

    return Site.load(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session into a temporary directory."""
    out = tmp_path_factory.mktemp("site")
    proc = build_site(ROOT, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small fixture data set (data/, docs/, locales/) that a test may break."""
    import shutil

    dest = tmp_path / "mini"
    shutil.copytree(FIXTURE, dest)  # follows the link to the vendored law: a real copy
    return dest


@pytest.fixture
def mini_build(tmp_path: Path) -> Path:
    """A copy of the fixture data set that MkDocs can build (see helpers.mini_project)."""
    return mini_project(tmp_path / "project")


@pytest.fixture
def edit() -> Callable[[Path, str, str], None]:
    """Replace one exact snippet in a file of a fixture copy (the snippet must exist)."""

    def replace(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not found in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return replace
