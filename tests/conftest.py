"""Shared fixtures: the real data (loaded once), one real build (shared by the rendered and
browser layers) and that build served as in production (nginx with deploy/nginx.conf), and
throwaway copies of the small fixture data set for mutation tests."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .helpers import FIXTURE, ROOT, build_site, mini_project, nginx_available, serve, serve_nginx


@pytest.fixture(scope="session")
def real_site():
    """The project's real data and compiled views, loaded once (a data error fails here)."""
    from macros.site import Site

    return Site.load(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The real site, built once per test run into a temporary directory: with xdist the
    first worker builds it under a lock and the others use the same build."""
    import fcntl

    if worker_id == "master":  # not under xdist
        out = tmp_path_factory.mktemp("site")
        proc = build_site(ROOT, out)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return out
    shared = tmp_path_factory.getbasetemp().parent  # the same for every worker of this run
    out, log = shared / "site", shared / "site-build.log"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not log.exists():
            proc = build_site(ROOT, out)
            log.write_text(f"{proc.returncode}\n{proc.stdout}{proc.stderr}", encoding="utf-8")
    code, _, output = log.read_text(encoding="utf-8").partition("\n")
    assert code == "0", output
    return out


@pytest.fixture(scope="session")
def nginx_site(built_site: Path) -> Iterator[str]:
    """The shared build served by Debian's nginx through the production rules
    (deploy/nginx.conf); its URL. Without nginx: a skip, or a failure under REQUIRE_BROWSER=1
    (``make test``)."""
    if not nginx_available():
        reason = "nginx is not installed (make browser-deps, or apt-get install nginx-light)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"nginx is required (REQUIRE_BROWSER=1) but {reason}")
        pytest.skip(reason)
    with serve_nginx(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def served_site(built_site: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """The shared build over HTTP for the browser tests: through nginx (the production headers,
    including the Content-Security-Policy header) when it is installed, which ``make test``
    requires (REQUIRE_BROWSER=1); otherwise Python's plain server."""
    if nginx_available() or os.environ.get("REQUIRE_BROWSER") == "1":
        yield request.getfixturevalue("nginx_site")
        return
    server, url = serve(built_site)
    yield url
    server.shutdown()


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
