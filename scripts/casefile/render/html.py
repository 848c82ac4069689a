"""The pages' HTML, from the Jinja2 templates in render/templates/.

Autoescaping is on: plain text given to a template is escaped there, so data text can never
become markup. HTML already made (a nested fragment) is passed as `Markup` and kept. Python code
in render/ never writes HTML with f-strings: every tag comes from a template.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).with_name("templates")

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,  # a misspelt variable fails the build instead of vanishing
    trim_blocks=True,
    lstrip_blocks=True,
)


@cache
def macros(name: str = "fragments.html"):
    """The macros of a template file, callable from Python: `macros().link(url, text)`."""
    return _ENV.get_template(name).module
