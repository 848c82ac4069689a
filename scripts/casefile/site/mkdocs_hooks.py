"""MkDocs hooks (listed under `hooks:` in each language's configuration by mkdocs_config.py).

MkDocs compiles Material's ~40 Jinja templates afresh in every build; a bytecode cache under
build/cache/jinja/ keeps them compiled between builds (Jinja checks each template's source
and the Python version, so an edited override or an upgrade recompiles it).
"""
from __future__ import annotations

from jinja2 import FileSystemBytecodeCache

from casefile.paths import BUILD  # MkDocs loads hooks by file path: no relative imports

JINJA_CACHE = BUILD / "cache" / "jinja"


def on_env(env, config, files):
    JINJA_CACHE.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(JINJA_CACHE))
    return env
