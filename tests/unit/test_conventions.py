"""Conventions of the house, checked statically (like GOV.UK Frontend's all-components test).

One name per concept: a page ``<id>`` is ``docs/<id>.md`` and ``pages/<id>.html``; a tool page
also has ``assets/app/<id>.js`` whose module is ``data-module="app-<id>"``, CSS blocks
``.app-<id>…`` in ``<id>.css``, string keys ``<id>.…``, its entry in ``data/tools.yml`` and
its open data at ``api/v2/<id>.json``. Old names must not come back. Tests and tools stay apart.
"""

from __future__ import annotations

import ast
import gzip
import re
from pathlib import Path

import pytest

from ..helpers import ROOT

ASSETS = ROOT / "overrides" / "assets" / "app"
PARTIALS = ROOT / "overrides" / "partials" / "app"
TOOLS = ["check", "request-checker"]  # the interactive tools (pages with their own script)
RETIRED = ["decision-widget", "can-they-get", "can_they_get", "app-dw", "app-decision",
           "app-checklist", "widget.can", "widgets.yml", "widgets.css", "'checker.",
           "config.extra.app", "PAGE_OF"]


def test_the_check_command_passes(capsys):
    """`python -m macros check`: data, catalogues, tools, keys, pages, configuration."""
    from macros.checks import run_checks

    assert run_checks(ROOT) == 0, capsys.readouterr().err


def test_locale_configuration_files_are_current(real_site):
    from macros.config import problems

    assert problems(real_site) == []


@pytest.mark.parametrize("tool", TOOLS)
def test_a_tool_has_one_name_everywhere(real_site, tool):
    page = real_site.pages[tool]
    assert page.meta.js == tool and page.meta.css == tool, f"docs/{tool}.md: js and css"
    body = (PARTIALS / "pages" / f"{tool}.html").read_text(encoding="utf-8")
    assert f'data-module="app-{tool}"' in body
    script = (ASSETS / f"{tool}.js").read_text(encoding="utf-8")
    assert f"[data-module=\"app-{tool}\"]" in script
    css = (ASSETS / f"{tool}.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    blocks = set(re.findall(r"\.(app-[a-z-]+?)(?:__|--|[\s,.:{>)\[])", css))
    assert blocks <= {f"app-{tool}", "app-notice", "app-tool", "app-button", "app-readings"}, blocks
    keys = set(re.findall(r"""\b(?:t|plain)\('([a-z-]+)\.""", body))
    assert keys <= {tool, "tool", "ui", "page", "check"} and tool in keys, keys
    assert hasattr(real_site.tools, tool.replace("-", "_")), "its entry in data/tools.yml"
    from macros.publish.api import api_files

    assert f"api/v2/{tool}.json" in api_files.__code__.co_consts or \
        f"api/v2/{tool}.json" in (ROOT / "macros" / "publish" / "api.py").read_text()


def test_every_page_has_its_parts(real_site):
    for page in real_site.pages.values():
        name = "index" if page.id == "home" else page.id
        assert (ROOT / "docs" / f"{name}.md").exists()
        assert (PARTIALS / "pages" / f"{page.id}.html").exists()
    partials = {p.stem for p in (PARTIALS / "pages").glob("*.html")}
    assert partials == set(real_site.pages)


def test_retired_names_do_not_come_back():
    found = []
    for path in [*ROOT.glob("*.md"), *ROOT.glob("mkdocs*.yml"), *(ROOT / "macros").rglob("*.py"),
                 *(ROOT / "overrides").rglob("*.*"), *(ROOT / "docs").rglob("*.md"),
                 *(ROOT / "tests").rglob("*.py"), *(ROOT / "tools").rglob("*.py"),
                 *(ROOT / "data").glob("*.yml")]:
        if path.suffix not in {".py", ".html", ".js", ".css", ".md", ".yml"}:
            continue
        if path.name in {"test_conventions.py", "CHANGELOG.md"}:
            continue
        text = path.read_text(encoding="utf-8")
        for name in RETIRED:
            if name in text:
                found.append(f"{path.relative_to(ROOT)}: {name}")
    assert not found, found


def test_no_physical_directions_in_our_css():
    """Logical properties only, so right-to-left pages mirror."""
    for path in ASSETS.glob("*.css"):
        css = path.read_text(encoding="utf-8")
        physical = re.findall(r"(?:margin|padding|border)-(?:left|right)|(?<![-\w])(?:left|right)"
                              r"\s*:|text-align:\s*(?:left|right)|float:\s*(?:left|right)", css)
        assert physical == [], f"{path.name}: {physical}"


def test_colours_come_from_variables():
    for path in ASSETS.glob("*.css"):
        css = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
        if path.name == "app.css":
            css = css[css.index("}", css.index(":root")):]  # the variables themselves
        assert re.findall(r"#[0-9a-fA-F]{3,8}\b", css) == [], path.name


def test_download_budgets_of_the_tools():
    def gz(*names: str) -> int:
        return sum(len(gzip.compress((ASSETS / n).read_bytes(), compresslevel=9)) for n in names)

    assert gz("check.js", "request-checker.js") <= 8192
    assert gz("check.css", "request-checker.css") <= 4096


def test_scripts_send_nothing_and_carry_no_words():
    for path in ASSETS.glob("*.js"):
        body = re.sub(r"/\*.*?\*/|//[^\n]*", "", path.read_text(encoding="utf-8"), flags=re.S)
        for banned in ("XMLHttpRequest", "sendBeacon", "localStorage", "sessionStorage",
                       "document.cookie", "indexedDB", "WebSocket", "location.search",
                       "pushState", "location.hash = "):
            assert banned not in body, f"{path.name}: {banned}"
        # The only fetches: the tool's whole answers page and the search index, each by its
        # fixed address (nothing the reader chose or typed is in it).
        assert re.findall(r"fetch\(([^,)]*)", body) == {
            "check.js": ["answersUrl"], "search.js": ["indexUrl"]}.get(path.name, []), path.name
        for literal in re.findall(r'"([^"\\]*)"', body):
            assert not re.search(r"[A-Z][a-z]+ [a-z]+", literal), f"{path.name}: {literal!r}"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            out.add(base)
            out.update(f"{base}.{a.name}" if base.endswith(".") is False else base + a.name
                       for a in node.names)
    return out


def test_tests_do_not_import_each_other_and_tools_do_not_import_tests():
    for path in (ROOT / "tests").rglob("test_*.py"):
        for name in _imports(path):
            assert not re.search(r"(^|\.)(test_\w+|conftest)$", name), f"{path.name}: {name}"
            assert not name.startswith("tests."), f"{path.name}: {name}"
    for path in (ROOT / "tools").rglob("*.py"):
        assert not any(n == "tests" or n.startswith("tests.") for n in _imports(path)), path


def test_the_build_does_not_import_translator_tooling():
    """The build's modules never import the translators' command-line module."""
    for path in (ROOT / "macros").rglob("*.py"):
        if path.name in {"i18n_tools.py", "__main__.py"}:
            continue
        names = _imports(path)
        assert not any(n.endswith("i18n_tools") for n in names), path.name


def test_no_import_cycles_between_modules():
    modules = {p.stem: p for p in (ROOT / "macros").glob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps = set()
        for imp in _imports(path):
            if imp.startswith(".") and not imp.startswith(".."):
                head = imp.lstrip(".").split(".")[0]
                if head in modules and head != name:
                    deps.add(head)
        graph[name] = deps

    def reach(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for dep in graph[todo.pop()]:
                if dep not in seen:
                    seen.add(dep)
                    todo.append(dep)
        return seen

    cycles = [name for name in graph if name in reach(name)]
    assert not cycles, cycles
