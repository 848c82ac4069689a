"""Python-Markdown's `footnotes` and `md_in_html`, without two steps whose time grows with the
square of a page's length. Same HTML, byte for byte (tests/test_linear_markdown.py).

mkdocs.yml lists these two classes where it would list `footnotes` and `md_in_html`. Measured on
the benchmark's 100x data (scripts/benchmarks/synthetic.py), they took a Spanish MkDocs build from
about 18 s to 11 s of CPU; on the real data the difference is lost in the noise.

1. `footnotes` gives the n-th reference to one note the id `fnref<n>-<id>` by trying `fnref-<id>`,
   `fnref2-<id>`, … until one is free: the n-th reference costs n tries, so a source cited a
   thousand times on a page costs half a million. `Footnotes` starts from the last id it gave that
   note. It also keeps a set beside the list of notes in reference order (`addFootnoteRef` looked
   each reference up in that list).
2. `md_in_html`, each time it closes an outermost HTML block (a `<div markdown>` of the page, such
   as each source on the sources page), copies the rest of the page (`rawdata[i:]`) to see whether
   a blank line follows. `MarkdownInHtml` looks at the same characters in place. Its `handle_endtag`
   is Python-Markdown's, copied with that one expression changed (marked below; Python-Markdown
   is BSD-licensed, Copyright The Python Markdown Project). It is used only while Python-Markdown's
   own method is the one it was copied from (`UPSTREAM_SHA256`); otherwise the original runs, slower
   but right, and tests/test_linear_markdown.py fails to say that the copy needs looking at.
"""
from __future__ import annotations

import re

from markdown.extensions import footnotes as _footnotes
from markdown.extensions import md_in_html as _md_in_html

from . import upstream_guard

# sha256 of the source of the two methods copied below, as in Python-Markdown 3.11.3.
UPSTREAM_SHA256 = "2774e1584f0a54a3a87f786d00cd9fe322398ef277289762ea669822dbbd7905"
_COPIED = (_md_in_html.HTMLExtractorExtra.handle_endtag, _md_in_html.HtmlBlockPreprocessor.run)


def upstream_digest() -> str | None:
    return upstream_guard.digest(_COPIED)


def upstream_unchanged() -> bool:
    return upstream_digest() == UPSTREAM_SHA256


# -- footnotes ---------------------------------------------------------------------------------

class Footnotes(_footnotes.FootnoteExtension):
    def reset(self) -> None:
        super().reset()
        self._last_ref: dict[str, str] = {}  # 'fnref-x' -> the last id given to a reference to x
        self._ordered: set[str] = set()  # the ids in self.footnote_order

    def addFootnoteRef(self, id: str) -> None:  # noqa: N802 - Python-Markdown's name
        if id not in self._ordered:
            self._ordered.add(id)
            self.footnote_order.append(id)

    def unique_ref(self, reference: str, found: bool = False) -> str:
        """The same ids as Python-Markdown's: the first free one of `fnref-x`, `fnref2-x`,
        `fnref3-x`, … Those before the last one given are all taken, so the search starts there."""
        if not found:
            return reference
        original = reference
        reference = self._last_ref.get(original, original)
        separator = self.get_separator()
        while reference in self.used_refs:
            ref, rest = reference.split(separator, 1)
            m = _footnotes.RE_REF_ID.match(ref)
            if m:
                reference = f"{m.group(1)}{int(m.group(2)) + 1}{separator}{rest}"
            else:
                reference = f"{ref}2{separator}{rest}"
        self.used_refs.add(reference)
        self._last_ref[original] = reference
        self.found_refs[original] = self.found_refs.get(original, 0) + 1
        return reference


# -- md_in_html --------------------------------------------------------------------------------

# markdown.htmlparser.blank_line_re ('^([ ]*\n){2}') without its '^': match(text, pos) reads from pos
_BLANK_LINES = re.compile(_md_in_html.blank_line_re.pattern.removeprefix("^"))


class _Extractor(_md_in_html.HTMLExtractorExtra):
    def handle_endtag(self, tag):
        # Python-Markdown 3.11.3, markdown/extensions/md_in_html.py, HTMLExtractorExtra.handle_endtag,
        # with one change (marked CHANGED).
        if tag in self.block_level_tags:
            if self.inraw:
                super().handle_endtag(tag)
            elif tag in self.mdstack:
                # Close element and any unclosed children
                while self.mdstack:
                    item = self.mdstack.pop()
                    self.mdstate.pop()
                    self.mdstarted.pop()
                    self.treebuilder.end(item)
                    if item == tag:
                        break
                if not self.mdstack:
                    # Last item in stack is closed. Stash it
                    element = self.get_element()
                    # Get last entry to see if it ends in newlines
                    # If it is an element, assume there is no newlines
                    item = self.cleandoc[-1] if self.cleandoc else ''
                    # If we only have one newline before block element, add another
                    if not item.endswith('\n\n') and item.endswith('\n'):
                        self.cleandoc.append('\n')

                    # Flatten the HTML structure of "markdown" blocks such that when they
                    # get parsed, content will be parsed similar inside the blocks as it
                    # does outside the block. Having real HTML elements in the tree before
                    # the content adjacent content is processed can cause unpredictable
                    # issues for extensions.
                    current = element
                    last = []
                    while current is not None:
                        for child in list(current):
                            current.remove(child)
                            text = current.text if current.text is not None else ''
                            tail = child.tail if child.tail is not None else ''
                            child.tail = None
                            state = child.attrib.get('markdown', 'off')

                            # Add a newline to tail if it is not just a trailing newline
                            if tail != '\n':
                                tail = '\n' + tail.rstrip('\n')

                            # Ensure there is an empty new line between blocks
                            if not text.endswith('\n\n'):
                                text = text.rstrip('\n') + '\n\n'

                            # Process the block nested under the span appropriately
                            if state in ('span', 'block'):
                                current.text = f'{text}{self.md.htmlStash.store(child)}{tail}'
                                last.append(child)
                            else:
                                # Non-Markdown HTML will not be recursively parsed for Markdown,
                                # so we can just remove markers and leave them unflattened.
                                # Additionally, we don't need to append to our list for further
                                # processing.
                                child.attrib.pop('markdown')
                                [c.attrib.pop('markdown', None) for c in child.iter()]
                                current.text = f'{text}{self.md.htmlStash.store(child)}{tail}'
                        # Target the child elements that have been expanded.
                        current = last.pop(0) if last else None

                    self.cleandoc.append(self.md.htmlStash.store(element))
                    self.cleandoc.append('\n\n')
                    self.state = []
                    # Check if element has a tail
                    # CHANGED: was blank_line_re.match(self.rawdata[<position>:]), a copy of the rest of the page
                    if not _BLANK_LINES.match(
                            self.rawdata, self.line_offset + self.offset + len(self.get_endtag_text(tag))):
                        # More content exists after `endtag`.
                        self.intail = True
            else:
                # Treat orphan closing tag as a span level tag.
                text = self.get_endtag_text(tag)
                if self.mdstate and self.mdstate[-1] == "off":
                    self.handle_data(self.md.htmlStash.store(text))
                else:
                    self.handle_data(text)
        else:
            # Span level tag
            if self.inraw:
                super().handle_endtag(tag)
            else:
                text = self.get_endtag_text(tag)
                if self.mdstate and self.mdstate[-1] == "off":
                    self.handle_data(self.md.htmlStash.store(text))
                else:
                    self.handle_data(text)
                self.close_inline_tag(tag)


class _HtmlBlocks(_md_in_html.HtmlBlockPreprocessor):
    def run(self, lines: list[str]) -> list[str]:  # Python-Markdown's, with our extractor
        source = '\n'.join(lines)
        parser = _Extractor(self.md)
        parser.feed(source)
        parser.close()
        return ''.join(parser.cleandoc).split('\n')


class MarkdownInHtml(_md_in_html.MarkdownInHtmlExtension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        super().extendMarkdown(md)
        if upstream_unchanged():
            md.preprocessors.register(_HtmlBlocks(md), 'html_block', 20)
