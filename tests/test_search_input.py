"""site/search_input.py: Material's search reads each page without the elements it skips whole;
the sections it makes of a page are the same, on every built page, on hand-made HTML and on
random HTML."""
from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.site import search_input, search_parser
from fuzz_profiles import examples


def _sections(html: str):
    """What Material's own parser makes of `html`: each section's tag, attributes, id, depth, title
    and text (the search index is made of them)."""
    parser = search_parser.MaterialParser()
    parser.feed(html)
    parser.close()
    return [(s.el.tag, s.el.attrs, s.id, s.depth, s.title, s.text, s.is_excluded()) for s in parser.data]


def _same(html: str) -> str:
    cut = search_input.without_excluded(html)
    assert _sections(cut) == _sections(html)
    return cut


def test_the_replaced_step_is_still_materials():
    """The page is cut only while Material's on_page_context reads it, then strips
    `data-search-*="…"` from it, as it did when this was written. If this fails, mkdocs-material
    was upgraded: check what on_page_context now does to page.content (MATERIAL_STRIP) and update
    UPSTREAM_SHA256, or drop search_input.py."""
    assert search_input.upstream_digest() == search_input.UPSTREAM_SHA256
    assert search_input.active()


def test_the_same_sections_on_every_built_page_with_much_less_to_read(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    before = after = 0
    for page in pages:
        html = page.read_text("utf-8")
        start, end = html.find("<article"), html.rfind("</article>")
        content = html[start:end + len("</article>")] if start >= 0 else html
        cut = _same(content)
        before, after = before + content.count("<"), after + cut.count("<")
        _same(html)
    assert after < 0.9 * before  # the apparatus is a good part of the tags (more before Material strips attributes)


def test_what_is_cut_and_what_is_kept():
    html = ('<h2 id="a">A</h2><p>one <span class="x" data-search-exclude><em>in</em> ref</span> two</p>'
            '<div data-search-exclude><p>nested</p><br data-search-exclude></div>'
            '<p>three<a class="headerlink" href="#a" data-search-exclude="data-search-exclude">¶</a></p>'
            '<p>four <span data-search-exclude><span>same name</span> read again</span> five</p>'
            '<p>six <em data-search-exclude>gone</em></p>')
    cut = _same(html)
    assert "ref" not in cut and "nested" not in cut and "¶" not in cut
    # Material stops skipping at the inner </span> (its skip is by name): " read again" is read,
    # so only what comes before is cut and the element stays open
    assert "<span><cf-cut></cf-cut> read again</span>" in cut and "gone" not in cut
    assert "read again" in "".join("".join(s[5]) for s in _sections(cut))
    # after what cannot be told (an end tag the parser ignores), nothing more is cut
    assert _same("<p>a <span data-search-exclude><em>b</span></em></span> c <em data-search-exclude>d</em></p>").endswith("d</em></p>")
    assert _same('<div data-search-exclude><h3 id="b">a heading opens a section</h3></div>').count('id="b"') == 1
    assert _same("<p>x <em data-search-exclude>y</em> z</p>") == f"<p>x {search_input.STAND_IN} z</p>"
    assert _same("<p>nothing to cut</p>") == "<p>nothing to cut</p>"


_TAGS = st.sampled_from(["p", "span", "div", "a", "em", "h2", "h3", "br", "pre", "code"])


@st.composite
def _html(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 3 if depth < 3 else 0))
        if kind == 0:
            parts.append(draw(st.sampled_from(["text", " ", "a b", "&amp;", "\n"])))
            continue
        tag = draw(_TAGS)
        attrs = draw(st.sampled_from(["", ' id="x"', " data-search-exclude", ' data-search-exclude="y"', ' class="headerlink"']))
        if tag == "br":
            parts.append(f"<br{attrs}>")
            continue
        closed = draw(st.booleans()) or kind != 3
        parts.append(f"<{tag}{attrs}>" + draw(_html(depth + 1)) + (f"</{tag}>" if closed else ""))
    return "".join(parts)


# 200 examples in the suite; the deep profile's 10,000 in a deep run (fuzz_profiles.py)
@settings(**examples(200))
@given(_html())
def test_any_html_gives_the_same_sections(html):
    try:
        expected = _sections(html)
    except Exception:  # Material's parser cannot read it: nothing to compare
        return
    assert _sections(search_input.without_excluded(html)) == expected
