"""MkDocs hooks (``hooks:`` in mkdocs.yml). Delegates to ``macros.glue``; adds two things of
the published site as a whole: the sitemap's dates from the data (a build of one commit is the
same whatever day it runs) and, at the site root, the ``_headers`` file for Netlify and
Cloudflare Pages (``macros/publish/headers.py``, the same rules as ``deploy/nginx.conf``)."""

from pathlib import Path
from typing import Any

from macros import glue
from macros.glue import on_config, on_files, on_page_content

__all__ = ["on_config", "on_files", "on_page_content", "on_pre_page", "on_post_build"]


def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    """``lastmod`` in sitemap.xml (and the timestamp in sitemap.xml.gz): the date the guide was
    last reviewed (data/site.yml), never the build date."""
    page.update_date = glue.state(config).site.site.last_reviewed.isoformat()
    return page


def on_post_build(config: Any) -> None:
    from macros import urls
    from macros.publish.headers import write_headers_file

    glue.on_post_build(config)
    st = glue.state(config)
    if st.words.code == st.site.source_locale:
        prefixes = [urls.locale_prefix(loc.code, st.site.source_locale)
                    for loc in st.site.locales.locales]
        write_headers_file(Path(config["site_dir"]), prefixes)
