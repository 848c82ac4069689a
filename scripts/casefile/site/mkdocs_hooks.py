"""MkDocs hooks (listed under `hooks:` in each language's configuration by mkdocs_config.py).

Addresses of files under assets/ point at the one assets/ folder the languages share
(site/shared_assets.py).

Every page MkDocs writes, 404.html included, has its runs of whitespace collapsed
(site/minify_html.py).
"""
from __future__ import annotations

from casefile.site import shared_assets  # MkDocs loads hooks by file path: no relative imports
from casefile.site.minify_html import minify


def on_env(env, config, files):
    shared_assets.install(env)
    return env


def on_post_page(output, page, config):
    return minify(output)


def on_post_template(output_content, template_name, config):
    return minify(output_content) if template_name.endswith(".html") else output_content
