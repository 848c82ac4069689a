"""The pages' HTML fragments, from the Jinja2 templates in render/templates/.

Autoescaping is on: plain text given to a template is escaped there. Markdown that escape.py
already made safe is passed wrapped in `Markup`, so nothing is escaped twice. Python code in
render/ builds Markdown; any HTML it needs comes from here, never from f-strings.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..jinja_cache import QuietBytecodeCache

TEMPLATES = Path(__file__).with_name("templates")

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,  # a misspelt variable fails the build instead of vanishing
    trim_blocks=True,
    lstrip_blocks=True,
    bytecode_cache=QuietBytecodeCache(),  # compiled once, not in every run (see jinja_cache.py)
)


@lru_cache(maxsize=None)
def macros(name: str = "fragments.html"):
    """The macros of a template file, callable from Python: `macros().link(url=…, text=…)`."""
    return _ENV.get_template(name).module


def render(name: str, **values) -> str:
    return _ENV.get_template(name).render(**values)


def safe(markdown_text: str) -> Markup:
    """Mark text that escape.py already made safe, for a template slot."""
    return Markup(markdown_text)
