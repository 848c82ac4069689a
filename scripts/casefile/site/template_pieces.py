"""A Jinja2 template rendered once into its fixed pieces, then filled for each of many pages.

The share pages are one small template rendered some 20,000 times at 100 times the data; a
Jinja2 render (a new context, a generator, the escaping of every value through Markup) costs more
than the page is worth. Here the template is rendered once with a marker in place of each text
value, and split at the markers into the text around them and, for each marker, how it was
printed: escaped by autoescaping (`{{ value }}`) or as `{{ value | tojson }}`. Filling in a
page's values the same way gives the same text the template would have rendered.

A value that is not a non-empty string (None, "", a tuple) is not marked: it is rendered as it is,
and the pieces are kept per such values, so `{% if canonical %}` and `image_size[0]` come out as
the template says. A template that prints a marked value any other way (`| safe`, another filter,
`| lower`) is refused when it is split (the pieces are checked then against a render of the
template with values that any other use would change), never filled wrongly.
"""
from __future__ import annotations

import re

import jinja2
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import escape

_MARK = "@@{}<@@"  # '<' : escaped by autoescaping as &lt;, by tojson as \u003c
_SLOT = re.compile(r'"@@(?P<json>\w+)\\u003c@@"|@@(?P<text>\w+)&lt;@@')
_LEFT = "@@"


class UnsupportedTemplate(RuntimeError):
    """The template prints a value in a way the pieces cannot reproduce."""


class Pieces:
    """`fill(**values)` == `template.render(**values)`, for the values the template is given."""

    def __init__(self, template: jinja2.Template):
        self.template = template
        policies = template.environment.policies
        self._dumps = policies["json.dumps_function"], policies["json.dumps_kwargs"]
        self._variants: dict[tuple, tuple[list[str], list[tuple[bool, str]]]] = {}

    def fill(self, **values) -> str:
        key = tuple((name, value) for name, value in values.items() if not (isinstance(value, str) and value))
        variant = self._variants.get(key)
        if variant is None:
            variant = self._variants[key] = self._split(values)
        return _fill(*variant, values, self._dumps)

    def _split(self, values: dict) -> tuple[list[str], list[tuple[bool, str]]]:
        marked = {name: _MARK.format(name) if isinstance(value, str) and value else value for name, value in values.items()}
        for name in marked:
            if not re.fullmatch(r"\w+", name):
                raise UnsupportedTemplate(f"{self.template.name}: value name {name!r} cannot be marked")
        rendered = self.template.render(**marked)
        texts, slots, start = [], [], 0
        for match in _SLOT.finditer(rendered):
            texts.append(rendered[start:match.start()])
            slots.append((match.group("json") is not None, match.group("json") or match.group("text")))
            start = match.end()
        texts.append(rendered[start:])
        if any(_LEFT in text for text in texts) or any(name not in values for _, name in slots):
            raise UnsupportedTemplate(f"{self.template.name}: a value is printed other than escaped or as tojson")
        probe = {name: _probe(name) if isinstance(value, str) and value else value for name, value in values.items()}
        if _fill(texts, slots, probe, self._dumps) != self.template.render(**probe):  # e.g. `| lower`, `| truncate`
            raise UnsupportedTemplate(f"{self.template.name}: a value is printed other than escaped or as tojson")
        return texts, slots


def _probe(name: str) -> str:
    """A value that any filter but escaping and tojson would change: mixed case, spaces at both
    ends, markup, quotes, more than 255 characters."""
    return f"  <Probe & 'Value' \"{name}\"> " + "Word " * 60 + " "


def _fill(texts, slots, values, json_dumps) -> str:
    out, printed = [texts[0]], {}  # each value escaped once, however often it is printed
    dumps, kwargs = json_dumps
    for slot, text in zip(slots, texts[1:]):
        if slot not in printed:
            as_json, name = slot
            printed[slot] = htmlsafe_json_dumps(values[name], dumps=dumps, **kwargs) if as_json else escape(values[name])
        out.append(printed[slot])
        out.append(text)
    return "".join(out)
