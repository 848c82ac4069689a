"""site/linear_markdown.py: Python-Markdown's footnotes and md_in_html, the same HTML in linear time."""
from __future__ import annotations

import markdown
import pytest

from casefile.site import linear_markdown

OURS = ["casefile.site.linear_markdown:MarkdownInHtml", "casefile.site.linear_markdown:Footnotes"]
THEIRS = ["md_in_html", "footnotes"]
OPTIONS = {"BACKLINK_TITLE": "Back to reference {}", "SEPARATOR": "-"}  # as mkdocs_config.py sets them


def _html(text: str, extensions: list) -> str:
    configs = {extensions[1]: OPTIONS}
    return markdown.Markdown(extensions=["attr_list", "toc", *extensions], extension_configs=configs).convert(text)


def test_the_copied_method_is_still_python_markdowns():
    """The copy in linear_markdown.py is used only while Python-Markdown's own method is the one it
    was copied from. If this fails, Python-Markdown was upgraded: compare its
    HTMLExtractorExtra.handle_endtag and HtmlBlockPreprocessor.run with the copies, carry the
    change over (or drop the copy if upstream no longer copies the rest of the page) and update
    UPSTREAM_SHA256."""
    assert linear_markdown.upstream_digest() == linear_markdown.UPSTREAM_SHA256
    md = markdown.Markdown(extensions=OURS)
    assert type(md.preprocessors["html_block"]).__module__ == linear_markdown.__name__


PAGE = """# Page {{ #page }}

Text citing a note[^a-1] and again[^a-1], another[^b] and a third time[^a-1].

<div class="cf-source" id="s1" markdown="span">**One** cites [^b] · [a link](#page)</div>
<div class="cf-source" id="s2" markdown="span">Two, glued to the one before[^a-1]</div>

<div class="cf-event" markdown="1">

### An event {{ #e1 }}

Body[^b] with *emphasis*.

</div>
Text right after a block[^a-1].

<div markdown="1">

<p class="raw">raw paragraph</p>

<div class="inner" markdown="span">span text[^c]</div>

</div>


<details markdown="1"><summary>More</summary>
Inside[^c]
</details>
{many}
[^a-1]: Note a.
[^b]: Note *b*.
[^c]: Note c.
"""


@pytest.mark.parametrize("copies", [0, 1, 40])
def test_same_html_as_python_markdown(copies):
    many = "\n".join(f'<div class="cf-source" id="x{i}" markdown="span">x{i}[^b][^a-1]</div>\n' for i in range(copies))
    text = PAGE.format(many=many)
    ours = _html(text, OURS)
    assert ours == _html(text, THEIRS)
    assert 'href="#fnref3-a-1"' in ours and "cf-event" in ours  # the page exercised what it should


def test_references_to_one_note_cost_tries_in_proportion(monkeypatch):
    """n references to one note: Python-Markdown tries n*(n+1)/2 ids, we try about 2n."""
    tries = []

    class Counting(set):
        def __contains__(self, item):
            tries.append(item)
            return super().__contains__(item)

    original = linear_markdown.Footnotes.reset

    def reset(self):
        original(self)
        self.used_refs = Counting()

    monkeypatch.setattr(linear_markdown.Footnotes, "reset", reset)
    n = 300
    html = _html(" ".join(["x[^n]"] * n) + "\n\n[^n]: The note.\n", OURS)
    assert f'id="fnref{n}-n"' in html
    assert len(tries) <= 2 * n + 1


def test_the_blank_line_check_reads_in_place_what_python_markdown_reads_from_a_copy():
    from markdown.htmlparser import blank_line_re

    texts = ["</div>\n\nnext", "</div>\nnext", "</div>  \n \nnext", "</div>\t\n\n", "</div>", "</div>\n", "</div> x\n\n"]
    for text in texts:
        for pos in range(len(text) + 1):
            assert bool(linear_markdown._BLANK_LINES.match(text, pos)) == bool(blank_line_re.match(text[pos:])), (text, pos)
