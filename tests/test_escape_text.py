"""render/escape.py escapes with a chain of str.replace (for speed); it must stay exactly the
definition: html.escape(text, quote=False), then a backslash before every character Python-Markdown
can escape (with the tables extension's `|`)."""
from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.render.escape import escape
from casefile.text import normalise_space
from fuzz_profiles import examples

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def reference(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(normalise_space(text), quote=False))


TRICKY = st.text(alphabet=st.sampled_from(list("\\`*_{}[]()#+-.!|<>&;\"' aé\u00a0\n")), max_size=30)


@settings(**examples(300))
@given(st.one_of(TRICKY, st.text(max_size=30)))
def test_escape_is_html_escape_then_a_backslash_before_markdown_characters(text):
    assert escape(text) == reference(text)


def test_escape_of_every_special_character():
    assert escape("\\ ` * _ { } [ ] ( ) # + - . ! | < > & \"'") == (
        "\\\\ \\` \\* \\_ \\{ \\} \\[ \\] \\( \\) \\# \\+ \\- \\. \\! \\| &lt; &gt; &amp; \"'")
