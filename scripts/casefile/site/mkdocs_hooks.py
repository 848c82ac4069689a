"""MkDocs hooks (listed under `hooks:` in each language's configuration by mkdocs_config.py).

MkDocs compiles Material's ~40 Jinja templates afresh in every build; a bytecode cache under
build/cache/jinja/ keeps them compiled between builds (Jinja checks each template's source
and the Python version, so an edited override or an upgrade recompiles it).

Addresses of files under assets/ point at the one assets/ folder the languages share
(site/shared_assets.py).

Every page MkDocs writes, 404.html included, has its runs of whitespace collapsed
(site/minify_html.py).
"""
from __future__ import annotations

from jinja2 import FileSystemBytecodeCache

from casefile.paths import BUILD  # MkDocs loads hooks by file path: no relative imports
from casefile.site import shared_assets
from casefile.site.minify_html import minify

JINJA_CACHE = BUILD / "cache" / "jinja"


def on_env(env, config, files):
    JINJA_CACHE.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(JINJA_CACHE))
    shared_assets.install(env)
    return env


def on_post_page(output, page, config):
    return minify(output)


def on_post_template(output_content, template_name, config):
    return minify(output_content) if template_name.endswith(".html") else output_content
