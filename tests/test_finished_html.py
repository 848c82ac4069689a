"""render/finished_html.py and site/finished_html.py: HTML made ahead of MkDocs, the same HTML."""
from __future__ import annotations

import functools
import re
import sys

import markdown
import pytest
from hypothesis import given, settings, strategies as st

from benchmarks import synthetic
from casefile import settings as settings_module, validate
from casefile.languages import LANGS
from casefile.render import render_language
from casefile.render.escape import attr, escape
from casefile.render.finished_html import href, inline
from casefile.render.finished_html import text as finished_html_text
from casefile.render.finished_body import finishable
from casefile.render.pages import SOURCES
from casefile.site import finished_html, mkdocs_config
from casefile.site.minify_html import minify
from fuzz_profiles import examples


@functools.lru_cache(maxsize=None)
def _extensions(lang: str) -> tuple:
    listed = mkdocs_config._markdown_extensions(settings_module.load().base["markdown_extensions"], lang)
    names = [item if isinstance(item, str) else next(iter(item)) for item in listed]
    assert "casefile.site.finished_html" in names  # the site uses it
    configs = {next(iter(item)): item[next(iter(item))] for item in listed if isinstance(item, dict)}
    return tuple(names), configs


def _convert(text: str, lang: str = "es") -> str:
    names, configs = _extensions(lang)
    return markdown.Markdown(extensions=list(names), extension_configs=configs, output_format="html").convert(text)


_MD_LINK = re.compile(r'href="([a-z0-9-]+)\.md(#[^"]*)?"')
_DIR_LINK = re.compile(r'href="\.\./([a-z0-9-]*/)?(#[^"]*)?"')


def _same_addresses(html: str) -> str:
    """Links as `carta.md#p7` (left for MkDocs) and as `../carta/#p7` (made here), written alike."""
    html = _MD_LINK.sub(lambda m: f'href="@{"" if m[1] == "index" else m[1] + "/"}{m[2] or ""}"', html)
    return _DIR_LINK.sub(lambda m: f'href="@{m[1] or ""}{m[2] or ""}"', html)


def _pages(dataset, lang: str, folder, finished: bool, monkeypatch) -> dict:
    """{file: Markdown body} of every page of `lang`, with or without finished blocks."""
    with monkeypatch.context() as patch:
        if not finished:  # every user of finished_html.inline and .text gets None: Markdown everywhere
            for module in [m for name, m in sys.modules.items() if name.startswith("casefile.render")]:
                for name, value in list(vars(module).items()):
                    if value is inline or value is finished_html_text:
                        patch.setattr(module, name, lambda *args, **kwargs: None)
        folder.mkdir()
        render_language(dataset, lang, folder, settings_module.load())
    return {path.name: path.read_text("utf-8").split("---\n", 2)[-1] for path in sorted(folder.glob("*.md"))}


def _both_ways(dataset, lang, tmp_path, monkeypatch) -> dict:
    """{file: (HTML from finished blocks, HTML from Markdown)} of every page, made comparable."""
    ours = _pages(dataset, lang, tmp_path / "ours", True, monkeypatch)
    theirs = _pages(dataset, lang, tmp_path / "theirs", False, monkeypatch)
    assert ours.keys() == theirs.keys()
    assert not any(finished_html.OPEN in text for text in theirs.values())
    return {name: tuple(minify(_same_addresses(_convert(text, lang))) for text in (ours[name], theirs[name])) for name in ours}


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_converts_to_the_same_html_either_way(report, tmp_path, monkeypatch, lang):
    """The real pages, record bodies made here and (finishing off) left to Python-Markdown: the
    same HTML, footnote marks, their ids and back links and the explained terms included."""
    for name, (ours, theirs) in _both_ways(report.dataset, lang, tmp_path, monkeypatch).items():
        assert ours == theirs, name
    pages = _pages(report.dataset, lang, tmp_path / "again", True, monkeypatch)
    for page in (SOURCES.file, "ejercito-espia.md", "cronologia.md", "carta.md"):  # finished: these make it worth it
        assert pages[page].count(finished_html.OPEN) >= 15, page


def test_repeated_footnote_marks_get_python_markdowns_ids(tmp_path, monkeypatch):
    """With every record three times, a note is cited many times on a page, by facts and by their
    notes at different depths: Python-Markdown gives the ids level by level, and so must we."""
    data = synthetic.make(tmp_path / "data", 3)
    dataset = validate.run(data).dataset
    both = _both_ways(dataset, "es", tmp_path, monkeypatch)
    ours, theirs = both["ejercito-espia.md"]
    assert ours.count('id="fnref3-') >= 3 and ours == theirs
    assert both["cronologia.md"][0] == both["cronologia.md"][1]


def test_a_page_with_a_footnote_mark_left_in_markdown_keeps_all_of_them_in_markdown(report, tmp_path, monkeypatch):
    """The home page cites sources outside record bodies: its marks are all Python-Markdown's."""
    pages = _pages(report.dataset, "es", tmp_path / "ours", True, monkeypatch)
    assert "[^" in pages["index.md"] and finished_html.OPEN not in pages["index.md"]


def test_a_glossary_form_markdown_escapes_turns_finishing_off():
    assert finishable(["*[SEDENA]: Secretaría de la Defensa Nacional", "*[Citizen Lab]: x"])
    assert not finishable(["*[A.C.]: Asociación Civil"])  # its "." is escaped in Markdown, not in HTML
    assert not finishable(["*[R3D_x]: x"])


# Text as data gives it: Markdown's special characters, entities' characters, spaces, words.
_TEXT = st.lists(st.sampled_from(list("ab c_*[]()\\`{}#+-.!|<>&\"'é·") + ["  ", "&amp;", "**", "__", "x_y"]), max_size=16).map("".join)


# 200 examples in the suite; the deep profile's 10,000 in a deep run (fuzz_profiles.py)
@settings(**examples(200))
@given(title=_TEXT, publisher=_TEXT, label=_TEXT, note=_TEXT, italic=_TEXT)
def test_any_data_text_gives_python_markdowns_html_or_none(title, publisher, label, note, italic):
    """Whatever a contributor writes, the answer is Python-Markdown's own, or None (then the page
    keeps the Markdown): a wrong answer here would change the page."""
    line = (f'<cite><a href="https://example.org/a_b">{escape(title)}</a></cite> — **{escape(publisher)}** · '
            f'[{escape(label)}](#some-id "{attr(label)}"){{ .cf-letter-ref aria-label="{attr(label)}" }} · '
            f'[{escape(note)}](https://example.org/?q=1&r=2) · _{escape(italic)}_')
    ours = inline(line, SOURCES.file)
    if ours is None:
        return
    theirs = _convert(f'<div markdown="span">{line}\n</div>')
    assert theirs == f"<div>{ours}\n</div>"


@pytest.mark.parametrize("text", [
    "a note [^source-id]",  # a footnote: numbered by Python-Markdown
    "an *emphasis* of another kind",
    "a line  ",  # two spaces: a line break
    "`code`",
    "<https://example.org/>",  # an autolink
    "![an image](https://example.org/a.png)",
    "[a page](otra.md#x)",  # not a page of the site
    "[this page](fuentes.md#x)",  # MkDocs' own way with links to the same page is not copied
])
def test_markdown_it_does_not_read_gives_none(text):
    assert inline(text, SOURCES.file) is None


def test_addresses_are_mkdocs_directory_addresses():
    assert href("carta.md#p7", "fuentes.md") == "../carta/#p7"
    assert href("index.md#resumen", "fuentes.md") == "../#resumen"
    assert href("fuentes.md#carta", "index.md") == "fuentes/#carta"
    assert href("#carta", "fuentes.md") == "#carta"
    assert href("https://example.org/a?b=1", "fuentes.md") == "https://example.org/a?b=1"


def test_a_finished_block_reaches_the_page_unread():
    """Between the markers nothing is read as Markdown again (the *stars* stay), and the markers go."""
    text = f"Before.\n\n{finished_html.OPEN}\n<div id=\"x\">*stars* [^n]\n\n<p>two</p>\n</div>\n{finished_html.CLOSE}\n\nAfter *this*.\n"
    html = _convert(text)
    assert html == '<p>Before.</p>\n<div id="x">*stars* [^n]\n\n<p>two</p>\n</div>\n<p>After <em>this</em>.</p>'


def test_a_block_without_its_closing_marker_is_left_to_python_markdown():
    text = f"{finished_html.OPEN}\n<div id=\"x\">*stars*</div>\n\nAfter.\n"
    html = _convert(text)
    assert '<div id="x">*stars*</div>' in html and "<p>After.</p>" in html
