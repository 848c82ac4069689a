"""Data text in a heading (render/escape.py `heading`) reaches the page as exactly its characters:
whatever Markdown or HTML it holds, Python-Markdown shows it and reads nothing in it."""

from __future__ import annotations

import html
import re
import unicodedata

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from casefile.render.escape import heading
from casefile.text import normalise_space
from fuzz_profiles import examples

TRICKY = st.text(alphabet=st.sampled_from(list("\\`*_{}[]()#+-.!|<>&;:\"'= aé\u00a0\n^")), max_size=30)


def _visible(text: str) -> bool:
    """Not blank: the schema refuses a blank title, the validator blank-looking ones."""
    return any(unicodedata.category(c)[0] not in "CZ" for c in text)


def _shown(source: str) -> tuple[str, str]:
    """(the heading's inner HTML, its id) as Python-Markdown writes `## source { #x }`."""
    out = markdown.markdown(
        f"## {source} {{ #x }}", extensions=["toc", "attr_list", "md_in_html", "footnotes", "tables"]
    )
    match = re.fullmatch(r'<h2 id="([^"]*)">(.*)</h2>', out, re.S)
    assert match, out
    return match.group(2), match.group(1)


@settings(**examples(300))
@given(st.one_of(TRICKY, st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)).filter(_visible))
def test_a_heading_shows_exactly_its_text(text):
    inner, anchor = _shown(heading(text))
    assert anchor == "x"
    assert "<" not in inner.replace("&lt;", ""), inner
    assert html.unescape(inner) == normalise_space(text)


def test_tags_given_as_markup_are_kept_and_the_text_between_them_is_escaped():
    inner, _ = _shown(heading(Markup('<time datetime="2023">16 *enero*</time> [x](y) &amp; {: .z }')))
    assert inner == '<time datetime="2023">16 *enero*</time> [x](y) &amp; {: .z }'
