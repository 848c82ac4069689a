"""The site stage's own small files (share pages, sitemaps, robots.txt), from Jinja2 templates in
publish/templates/. Autoescaping is on for every template, XML included."""

from __future__ import annotations

from pathlib import Path

import jinja2

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def render(name: str, **values) -> str:
    return _ENV.get_template(name).render(**values)


def template(name: str) -> jinja2.Template:
    """One template, to render many times (each get_template looks at the file again)."""
    return _ENV.get_template(name)
