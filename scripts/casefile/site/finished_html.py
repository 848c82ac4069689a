"""Python-Markdown extension: blocks the renderer wrote as finished HTML go to the page as they are.

The renderer marks such a block (render/finished_html.py made it, with the HTML Python-Markdown
would have made of the Markdown) with a comment line before and after it:

    <!-- cf-finished -->
    <div class="cf-source" id="…">…</div>
    <!-- /cf-finished -->

This step puts each block into Python-Markdown's store of raw HTML at once, with the markers
dropped, so that neither the HTML block parser nor the inline patterns read it again. It runs just
after MkDocs reads the page's raw HTML for its anchors (priority 21), so links to ids inside the
blocks are still checked, and before the HTML block parser (20). Without this extension the
Markdown is still right: the block is ordinary raw HTML and the markers are comments.
"""
from __future__ import annotations

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

OPEN = "<!-- cf-finished -->"
CLOSE = "<!-- /cf-finished -->"


class _Finished(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if OPEN not in lines:
            return lines
        out, block = [], None
        for line in lines:
            if block is not None:
                if line == CLOSE:
                    out += ["", self.md.htmlStash.store("\n".join(block)), ""]
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


class FinishedHtmlExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(_Finished(md), "casefile-finished-html", 20.5)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return FinishedHtmlExtension(**kwargs)
