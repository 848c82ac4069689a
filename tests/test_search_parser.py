"""site/search_parser.py: Material's search parser answering "is a tag open?" from counts; the
same sections as Material's own, on every built page, on hand-made HTML with its quirks, and on
random tag soups."""
from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search import plugin

from casefile.paths import ROOT
from casefile.site import search_parser
from fuzz_profiles import examples


def test_the_replaced_parser_is_still_materials():
    """CountingParser takes Parser's place only while Material's Parser, Element, Section and
    SearchIndex.add_entry_from_context are the ones it was written against. If this fails,
    mkdocs-material was upgraded: compare its Parser's handle_starttag, handle_endtag and
    handle_data with the copies in search_parser.py (and check how Element compares and how
    add_entry_from_context uses the parser); carry any change over, update UPSTREAM_SHA256, or
    drop search_parser.py."""
    assert search_parser.upstream_digest() == search_parser.UPSTREAM_SHA256
    assert search_parser.install()
    assert plugin.Parser is search_parser.CountingParser
    assert issubclass(search_parser.CountingParser, search_parser.MaterialParser)
    # once installed, it still reads Material's own
    assert search_parser.upstream_digest() == search_parser.UPSTREAM_SHA256


def test_every_mkdocs_run_installs_it():
    """MkDocs loads site/mkdocs_hooks.py in each run; loading it (in a fresh Python) installs it."""
    code = ("import casefile.site.mkdocs_hooks\n"
            "from material.plugins.search import plugin\n"
            "print(plugin.Parser.__module__, plugin.Parser.__name__)")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["casefile.site.search_parser", "CountingParser"]


def _sections(parser_class, html: str):
    """What the search index is made of: each section's tag, attributes, id, depth, title and
    text pieces; or the error the parser stopped with."""
    parser = parser_class()
    try:
        parser.feed(html)
        parser.close()
    except Exception as error:  # Material's own can fail on some HTML: ours must fail alike
        return ("error", type(error).__name__, str(error))
    return [(s.el.tag, s.el.attrs, s.id, s.depth, s.title, s.text, s.is_excluded()) for s in parser.data]


def _same(html: str):
    ours = _sections(search_parser.CountingParser, html)
    assert ours == _sections(search_parser.MaterialParser, html)
    return ours


def test_the_same_sections_on_every_built_page(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    sections = 0
    for page in pages:
        html = page.read_text("utf-8")
        found = _same(html)
        assert found[0] != "error", page
        sections += len(found)
        # the part Material's search reads: the page's content
        start, end = html.find("<article"), html.rfind("</article>")
        if start >= 0:
            _same(html[start:end + len("</article>")])
    assert sections > 200


def _text(sections) -> list[str]:
    return ["".join(s[5]) for s in sections]


def test_an_excluded_element_leaves_out_its_text_and_that_of_all_it_holds():
    found = _same('<p><span>outer <span data-search-exclude>inner <b>bold</b></span> after</span> rest</p>'
                  '<span data-search-exclude>in<p>still</span> gone</p> and gone<br></span><p>back</p>')
    # the second </span> does not close the open <p> (mismatched end tags are ignored)
    assert _text(found) == ["<p>outer  after rest</p><p>back</p>"]


def test_closing_an_inner_element_ends_the_exclusion_of_its_tag():
    found = _same('<div data-search-exclude>gone <div>also gone</div> back</div> <p>kept</p>')
    assert "back" in _text(found)[0] and "gone" not in _text(found)[0]
    assert "kept" in _text(found)[0]


def test_nested_skipped_tags_of_the_same_name():
    found = _same("<script>a<script>b</script>c</script><p>d</p><style>e</style><object><object>"
                  "f</object>g</object>h <p class=linenodiv>1 2</p><p>i</p>"
                  "<div data-search-exclude><div data-search-exclude>j</div>k</div>l")
    # a script's content is text to HTMLParser; an object stays skipped when an inner one closes,
    # a data-search-exclude <div> does not
    assert _text(found) == ["c<p>d</p>h <p>i</p>kl"]


def test_headings_nested_in_elements_and_their_permalinks():
    html = ('<hx>q</hx><p>pre</p><div><h2 id="a">A <code>x</code><a class="headerlink" href="#a">¶</a></h2>'
            '<p>in div</p><section><h3 id="b">B</h3><p>deeper</p></section><p>back</p></div>'
            '<p>after</p><h1 id="c">C</h1><p>t</p><hx>r</hx><p>u</p>')
    found = _same(html)
    # sections left when their element closes get the depth infinity; the text after them goes back
    # to the section before; the permalink is not in the title; an <hx> element makes its text the
    # title of the untitled first section (whose element is an Element("hx")), not of another
    assert [(s[0], s[2], s[3], "".join(s[4]), "".join(s[5])) for s in found] == [
        ("hx", None, 0, "q", "<p>pre</p><p>after</p>"),
        ("h2", "a", float("inf"), "A <code>x</code>", "<p>in div</p><p>back</p>"),
        ("h3", "b", float("inf"), "B", "<p>deeper</p>"),
        ("h1", "c", 1, "C", "<p>t</p>r<p>u</p>"),
    ]


def test_text_after_a_nested_heading_goes_to_the_last_section_not_deeper_than_the_open_tags():
    # Y is passed over (not left) when the <div> holding it and X closes; when the <section> closes,
    # S is left with Y still after it; when Z's <div> closes, the text goes back to Y, which comes
    # after S in the page, not to the first section
    html = ('<section><h2 id=s>S</h2><div><h3 id=y>Y</h3><h3 id=x>X</h3></div>to S</section>'
            '<div><div><div><h4 id=z>Z</h4></div>to Y</div></div>')
    found = _same(html)
    assert [(s[2], s[3], "".join(s[5])) for s in found] == [
        (None, 0, ""), ("s", float("inf"), "to S"), ("y", float("inf"), "to Y"), ("x", float("inf"), ""),
        ("z", float("inf"), "")]


def test_pre_void_tags_and_mismatched_end_tags():
    for html in [
        "<pre>a\n\n  b<br>  </pre><p>c\nd</p><p>  </p><p>e<img src=x>f</p>",
        "<div><p>text</div> more</p><p>next</p></div></span>",
        "<ul><li>one</li><li> </li></ul><h2 id=x><li>in title</li></h2><pre><code>  \n\n</code></pre>",
        "<p><h2 id=a>T</h2>x</p><p>y</p>",
        "<span data-search-exclude><br data-search-exclude>x</span>y<span>z</span>",
        "</p><p>a</p></p></div>text",
        "<p>a &amp; b &lt;c&gt;</p>",
    ]:
        _same(html)
    # mismatched: </div> does not close the open <p>, so "more" is still in it
    assert _text(_same("<div><p>text</div> more</p>"))[0] == "<p>text more</p>"
    # whitespace is kept in <pre>, collapsed elsewhere
    assert _text(_same("<pre>a\n  b</pre><p>c\nd</p>"))[0] == "<pre>a\n  b</pre><p>c d</p>"


_TAGS = ["div", "span", "p", "pre", "code", "li", "a", "h1", "h2", "h3", "object", "br", "img", "hx"]
_ATTRS = [[], [], [("id", "x")], [("id", "y")], [("data-search-exclude", None)], [("class", "headerlink")],
          [("class", "linenodiv")], [("id", "z"), ("data-search-exclude", "")]]
_TEXT = ["a", "b c", " ", "\n", "  \n ", "x\ny", "<&>"]


def _element(tag, attrs, children, closed) -> str:
    start = f"<{tag}" + "".join(f" {k}" if v is None else f' {k}="{v}"' for k, v in attrs) + ">"
    return start + "".join(children) + (f"</{tag}>" if closed else "")


# Mostly well-nested elements (so that end tags do close them), some left open, some stray end
# tags, script elements (whose content HTMLParser reads as text).
_LEAF = st.one_of(st.sampled_from(_TEXT), st.builds("</{}>".format, st.sampled_from(_TAGS)),
                  st.just("<script>x<p>y</p></script>"))
_SOUP = st.recursive(_LEAF, lambda children: st.builds(
    _element, st.sampled_from(_TAGS), st.sampled_from(_ATTRS), st.lists(children, max_size=5),
    st.sampled_from([True, True, True, False])), max_leaves=50)


# 150 examples in the suite (about a second); the deep profile's 10,000 in a deep run (fuzz_profiles.py)
@settings(**examples(150))
@given(st.lists(_SOUP, max_size=8))
def test_the_same_sections_on_random_tag_soups(pieces):
    _same("".join(pieces))
