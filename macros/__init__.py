"""ITIN Privacy Guide: load, validate and compile ``data/`` into pages.

This package is plain Python (``python -m macros check`` runs without MkDocs). The two functions
below are the mkdocs-macros hooks; they only delegate to ``macros.glue``.
"""

from typing import Any


def define_env(env: Any) -> None:
    """mkdocs-macros entry point."""
    from .glue import setup

    setup(env)


def on_pre_page_macros(env: Any) -> None:
    """mkdocs-macros hook: set the page's translated title and description."""
    from .glue import pre_page

    pre_page(env)
