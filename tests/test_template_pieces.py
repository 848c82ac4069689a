"""site/template_pieces.py fills a template's pieces to the very text Jinja2 renders: for every
share page of the real data (with and without a site address), and for values that need escaping."""
from __future__ import annotations

import jinja2
import pytest

from casefile.languages import LANGS
from casefile.settings import load as load_settings
from casefile.site import share_pages
from casefile.site.template_pieces import Pieces, UnsupportedTemplate
from casefile.site.templates import template


@pytest.mark.parametrize("site_url", [None, "https://example.org/casefile/"])
def test_every_share_page_is_what_jinja_renders(report, site_url):
    settings = load_settings(site_url=site_url)
    share = template("share.html")
    pieces = Pieces(share)
    count = 0
    for lang in LANGS:
        for _, values in share_pages.page_values(report.dataset, settings, lang):
            assert pieces.fill(**values) == share.render(**values)
            count += 1
    assert count > 100


HOSTILE = ["</script><script>alert(1)</script>", "a & b < c > d \"q\" 'a'", "@@title<@@", '"@@target\\u003c@@"',
           "@@target&lt;@@", "ñ · “x” \u2028 \u0000", "{{ title }}", "x" * 5000]


@pytest.mark.parametrize("text", HOSTILE)
def test_values_that_need_escaping(report, text):
    share = template("share.html")
    pieces = Pieces(share)
    _, values = next(share_pages.page_values(report.dataset, load_settings(site_url="https://example.org/casefile/"), "es"))
    for name in ("title", "description", "target", "image_alt", "canonical", "share_url", "site_name"):
        changed = {**values, name: text}
        assert pieces.fill(**changed) == share.render(**changed), name
    for falsy in (None, ""):  # {% if canonical %} / {% if share_url %}, and a value printed empty
        changed = {**values, "canonical": falsy, "share_url": falsy, "title": text}
        assert pieces.fill(**changed) == share.render(**changed)


def _env(source: str) -> jinja2.Template:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(source)


def test_values_that_are_not_text_and_conditions():
    page = _env("<p>{{ a }}{% if b %} [{{ b }}]{% endif %} {{ size[0] }}x{{ size[1] }} {{ a | tojson }}</p>")
    pieces = Pieces(page)
    for values in ({"a": "<x>", "b": "y&", "size": (1, 2)}, {"a": "z", "b": None, "size": (3, 4)},
                   {"a": "'q'", "b": "", "size": (1, 2)}, {"a": "<x>", "b": "y", "size": (5, 6)}):
        assert pieces.fill(**values) == page.render(**values)


@pytest.mark.parametrize("source", ["{{ a | safe }}", "{{ a | upper }}", "{{ a | lower }}", "{{ a | trim }}", "{{ a | truncate(200) }}", "{{ a[0] }}", "<a title='{{ a | length }}'>", "@@{{ a }}", "{{ a | replace('W', 'w') }}"])
def test_a_value_printed_another_way_is_refused(source):
    with pytest.raises(UnsupportedTemplate):
        Pieces(_env(source)).fill(a="text")
