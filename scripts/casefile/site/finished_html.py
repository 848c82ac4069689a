"""Python-Markdown extension: blocks the renderer wrote as finished HTML go to the page as they are.

The renderer marks such a block (render/finished_html.py made it, with the HTML Python-Markdown
would have made of the Markdown) with a comment line before and after it:

    <!-- cf-finished -->
    <div class="cf-source" id="…">…</div>
    <!-- /cf-finished -->

This step puts each block into Python-Markdown's store of raw HTML at once, markers dropped, so
that neither MkDocs' scan of raw HTML for anchors, nor the HTML block parser, nor the inline
patterns read it again. What those would have taken from it is given to them here:

- its anchors (`id="…"`) are added to the ones MkDocs found, so links to them are still checked;
- its footnote marks (numbered by the renderer) count as met, for the notes' back links;
- the glossary step explains its terms in reading order (site/terms_extension.py).

Without this extension the Markdown is still right: the block is ordinary raw HTML and the markers
are comments.
"""
from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.preprocessors import Preprocessor

from ..render.finished_html import CLOSE, OPEN  # the renderer writes them


_ID = re.compile(r'<[a-zA-Z][^<>]*? id="([^"]*)"')  # the blocks' tags: quoted values, no < or > in them
_MARK = re.compile(r'<sup id="fnref[0-9]*-([^"]+)"><a class="footnote-ref" ')


def finished_blocks(md) -> set:
    """The indices in md.htmlStash of this page's finished blocks (site/terms_extension.py reads them)."""
    return getattr(md, "casefile_finished", set())


class _Finished(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        self.md.casefile_finished, self.md.casefile_anchors = set(), set()
        if OPEN not in lines:
            return lines
        footnotes = next((e for e in self.md.registeredExtensions if isinstance(e, FootnoteExtension)), None)
        out, block = [], None
        for line in lines:
            if block is not None:
                if line == CLOSE:
                    html = "\n".join(block)
                    if footnotes is not None:  # its marks count as met, for the back links of the notes
                        for note_id in _MARK.findall(html):
                            footnotes.makeFootnoteRefId(note_id, found=True)
                    self.md.casefile_finished.add(self.md.htmlStash.html_counter)
                    self.md.casefile_anchors.update(_ID.findall(html))
                    out += ["", self.md.htmlStash.store(html), ""]
                    block = None
                else:
                    block.append(line)
            elif line == OPEN:
                block = []
            else:
                out.append(line)
        if block is not None:  # no closing marker: leave the block to the HTML block parser
            out += [OPEN, *block]
        return out


class _Anchors(Preprocessor):
    """The blocks' anchors, added to what MkDocs found in the rest of the page's raw HTML."""

    def run(self, lines: list[str]) -> list[str]:
        found = getattr(self.md, "casefile_anchors", None)
        if found and "mkdocs_raw_html" in self.md.preprocessors:
            self.md.preprocessors["mkdocs_raw_html"].present_anchor_ids |= found
        return lines


class FinishedHtmlExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(_Finished(md), "casefile-finished-html", 22)  # MkDocs' scan of raw HTML: 21
        md.preprocessors.register(_Anchors(md), "casefile-finished-anchors", 20.5)  # the HTML block parser: 20


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return FinishedHtmlExtension(**kwargs)
