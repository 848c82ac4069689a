"""MkDocs hooks (listed under `hooks:` in each language's configuration by mkdocs_config.py).

Addresses of files under assets/ point at the one assets/ folder the languages share
(theme/shared_assets.py).

Each page's glossary terms are explained where they first appear (render/terms.py).

Every page MkDocs writes, 404.html included, has its runs of whitespace collapsed
(publish/minify_html.py).
"""

from __future__ import annotations

from casefile.publish.minify_html import minify
from casefile.render.terms import explain  # MkDocs loads hooks by file path: no relative imports
from casefile.theme import shared_assets


def on_env(env, config, files):
    shared_assets.install(env)
    return env


def on_page_content(html, page, config, files):
    """Glossary terms explained where they first appear in each section (render/terms.py)."""
    if page.meta.get("terms") is not False:
        html = explain(html, config.extra["casefile"]["terms"])
    return html


def on_post_page(output, page, config):
    return minify(output)


def on_post_template(output_content, template_name, config):
    return minify(output_content) if template_name.endswith(".html") else output_content
