"""The loader: the real data loads and resolves; problems are all reported, each located.

Bad input of every kind is in test_bad_input.py (on the small fixture data set).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.errors import DataError
from macros.load import load_site


def test_real_data_loads_and_resolves_ids(real_site):
    ex = real_site.exceptions["x-6103-i-2"]
    assert set(ex.recipients) <= set(real_site.recipients)
    assert all(s in real_site.sources for s in ex.sources)
    assert real_site.law["usc-26-6103.txt"].startswith("§ 6103.")


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_site(root)
    return [str(p) for p in info.value.problems]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return n
    raise AssertionError(needle)


def test_message_points_at_the_right_line(mini):
    path = mini / "data" / "exceptions.yml"
    replace(path, "    redisclosure: Only for the case.", "    redisclosur: Only for the case.")
    line = line_of(path, "redisclosur:")
    assert any(p.startswith(f"data/exceptions.yml:{line}: exceptions[")
               for p in problems_of(mini))


def test_event_after_as_of_date_is_rejected(mini):
    replace(mini / "data" / "site.yml", "as_of: 2026-06-09", "as_of: 2025-03-10")
    assert any("after the site's as-of date" in p for p in problems_of(mini))


def test_missing_file_is_named(mini):
    (mini / "data" / "glossary.yml").unlink()
    assert "data/glossary.yml: file is missing" in problems_of(mini)


def test_all_problems_are_reported_together(mini):
    replace(mini / "data" / "site.yml", "as_of: 2026-06-09", "as_of: 2026-13-01")
    replace(mini / "data" / "sources.yml", "    kind: news", "    kind: blog")
    problems = problems_of(mini)
    assert any(p.startswith("data/site.yml:") for p in problems)
    assert any(p.startswith("data/sources.yml:") for p in problems)
