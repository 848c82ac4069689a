"""site/inline_triggers.py: Python-Markdown's inline step without hopeless tries, the same HTML."""
from __future__ import annotations

import functools

import markdown
import pytest
from hypothesis import given, settings, strategies as st
from markdown import treeprocessors

from casefile import settings as settings_module
from casefile.render import render_language
from casefile.languages import LANGS
from casefile.site import inline_triggers, mkdocs_config
from fuzz_profiles import examples

NAME = "casefile.site.inline_triggers"


@functools.lru_cache(maxsize=None)
def _extensions(lang: str, ours: bool) -> tuple:
    """The Markdown extensions of the site's configuration for `lang`, with or without ours."""
    listed = mkdocs_config._markdown_extensions(settings_module.load().base["markdown_extensions"], lang)
    names = [item if isinstance(item, str) else next(iter(item)) for item in listed]
    assert NAME in names  # the site uses it
    return tuple(item for item, name in zip(listed, names) if ours or name != NAME)


def _markdown(lang: str, ours: bool) -> markdown.Markdown:
    listed = _extensions(lang, ours)
    names = [item if isinstance(item, str) else next(iter(item)) for item in listed]
    configs = {next(iter(item)): item[next(iter(item))] for item in listed if isinstance(item, dict)}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def test_the_copied_method_is_still_python_markdowns():
    """The copy in inline_triggers.py is used only while Python-Markdown's own loop is the one it
    was copied from. If this fails, Python-Markdown was upgraded: compare its
    InlineProcessor.__handleInline and __applyPattern with the copy, carry the change over (check
    that a pattern that finds nothing still returns (data, False, 0)) and update UPSTREAM_SHA256."""
    assert inline_triggers.upstream_digest() == inline_triggers.UPSTREAM_SHA256
    assert type(_markdown("es", ours=True).treeprocessors["inline"]) is inline_triggers.InlineTriggers


def test_every_pattern_of_the_site_is_recognised():
    """A pattern left unrecognised is merely tried every time; this says when one is (a new
    extension, or an upstream change of a regular expression) so that TRIGGERS can be extended."""
    md = _markdown("es", ours=True)
    unknown = [item.name for item in md.inlinePatterns._priority if inline_triggers.triggers(md.inlinePatterns[item.name]) is None]
    assert unknown == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_converts_to_the_same_html(report, tmp_path, lang):
    """The real pages, as the renderer writes them, both ways."""
    render_language(report.dataset, lang, tmp_path, settings_module.load())
    pages = sorted(tmp_path.rglob("*.md"))
    assert len(pages) >= 8
    for page in pages:
        text = page.read_text("utf-8").split("---\n", 2)[-1]
        ours = _markdown(lang, ours=True).convert(text)
        assert ours == _markdown(lang, ours=False).convert(text), page.name


# Text made of the patterns' triggers, their near misses and plain words, in any order.
PIECES = ["`", "``", "\\", "\\\\", "[", "]", "[^a]", "[^b]", "![", "(#x)", "(#x \"t\")", "[x]", "[x][]", "![x]", "[x]: #y", "<", ">",
          "<b>", "</b>", "<https://e.org/>", "<a@b.c>", "&", "&amp;", "&#35;", "*", "**", "_", "__", "  \n",
          "\n", "\n\n", " ", "word", "SEDENA", "{ #id }", "{ .c }", "#", "!!! note", "    ", "|", "-"]
NOTES = "\n\n[^a]: Note *a*.\n[^b]: Note `b`.\n[x]: #y \"Title\"\n*[SEDENA]: Secretaría\n"


@settings(**examples(200))
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_any_text_converts_to_the_same_html(pieces):
    text = "".join(pieces) + NOTES
    assert _markdown("es", ours=True).convert(text) == _markdown("es", ours=False).convert(text)


def test_it_skips_the_tries_that_cannot_match(monkeypatch):
    """Plain words: every pattern's try is skipped; a text with every trigger: none is."""
    tries = []
    original = treeprocessors.InlineProcessor._InlineProcessor__applyPattern

    def counting(self, pattern, *args, **kwargs):
        tries.append(pattern)
        return original(self, pattern, *args, **kwargs)

    monkeypatch.setattr(treeprocessors.InlineProcessor, "_InlineProcessor__applyPattern", counting)
    _markdown("es", ours=True).convert("plain words only")
    assert tries == []
    _markdown("es", ours=False).convert("plain words only")
    assert len(tries) == len(_markdown("es", ours=False).inlinePatterns)
