"""MkDocs hooks (``hooks:`` in mkdocs.yml). Only delegates to ``macros.glue``."""

from macros.glue import on_config, on_files, on_post_build

__all__ = ["on_config", "on_files", "on_post_build"]
