"""publish/minify_html.py: runs of whitespace collapsed, and nothing a reader sees or a script runs touched."""

from __future__ import annotations

import re

from casefile.publish.minify_html import VERBATIM, minify


def test_runs_of_whitespace_between_and_in_text_become_one_character():
    page = "<div>\n    \n  <p>A   word\t\tand  another</p>   <span>x</span>\n\n</div>"
    assert minify(page) == "<div>\n<p>A word and another</p> <span>x</span>\n</div>"


def test_verbatim_elements_keep_their_content():
    for name in VERBATIM:
        inner = "a  b\n\n    c\t\td  "
        page = f'<div>  <{name} class="x">{inner}</{name}>  </div>'
        assert minify(page) == f'<div> <{name} class="x">{inner}</{name}> </div>', name


def test_scripts_keep_their_bytes_so_their_hashes_hold():
    script = '<script>\n  var a = "  <p>  x  </p>  ";\n\n  if (a) {  go()  }\n</script>'
    json = '<script id="__config" type="application/json">{"a":  "b  c"}</script>'
    page = f"<head>\n\n  {script}\n  {json}\n</head>"
    assert minify(page) == f"<head>\n{script}\n{json}\n</head>"


def test_pre_with_code_inside_and_upper_case_names():
    page = "<PRE><code>line 1\n\n    indented\n</code></PRE>\n\n<p>after</p>"
    assert minify(page) == "<PRE><code>line 1\n\n    indented\n</code></PRE>\n<p>after</p>"


def test_attribute_values_are_kept_whole():
    page = '<abbr title="One  two\n\nthree" data-x=\'a  >  b\'>t</abbr>   <a href="x"\n   class="y">z</a>'
    assert minify(page) == '<abbr title="One  two\n\nthree" data-x=\'a  >  b\'>t</abbr> <a href="x"\n   class="y">z</a>'


def test_comments_doctype_and_unicode_spaces_are_kept():
    nbsp, thin = "\u00a0", "\u2009"
    page = f"<!doctype html>\n\n<!--  a   comment  -->\n\n<p>1{nbsp}{nbsp}{nbsp}000{thin}{thin}km</p>"
    assert minify(page) == f"<!doctype html>\n<!--  a   comment  -->\n<p>1{nbsp}{nbsp}{nbsp}000{thin}{thin}km</p>"


def test_a_minified_page_is_left_as_it_is():
    page = "<p>\n  a  b\n</p>  <pre> x  y </pre>"
    assert minify(minify(page)) == minify(page)


def _outside_verbatim(page: str) -> str:
    names = "|".join(VERBATIM)
    page = re.sub(rf"<({names})\b.*?</\1\s*>", "<>", page, flags=re.S | re.I)
    return re.sub(r"<[^>]*>", "<>", page)  # tags (and their attribute values) out of the way


def test_the_built_pages_are_minified(built_site):
    pages = [p for p in built_site.rglob("*.html") if "d" not in p.relative_to(built_site).parts[1:2]]
    assert len(pages) > 20
    for path in pages:
        page = path.read_text("utf-8")
        assert not re.search(r"[ \t\n\r\f]{2,}", _outside_verbatim(page)), path
        assert minify(page) == page, path
