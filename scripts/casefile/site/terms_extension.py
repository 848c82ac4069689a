"""Python-Markdown extension: explain a glossary term where it first appears in each section.

Python-Markdown's `abbr` wraps every occurrence of a defined abbreviation in <abbr title=…>. On
these pages that is dozens per page (OGP, NOSC, SEDENA…): noise for the eye, a Tab stop each for
the keyboard, and hundreds of elements on long pages. This extension reads the same definitions
(`*[SEDENA]: …`, written by render/terms.py) but wraps only the first occurrence of each term in
each section (a section starts at an h1 or h2), and never inside headings, links, code, footnotes
or collapsed originals. The <abbr> is focusable (tabindex=0) so that Material's tooltip
(`content.tooltips`) shows the explanation on keyboard focus as it does on hover.

Forms of one term share their explanation, so "SEDENA" and "Sedena" count as one term.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions.abbr import AbbrExtension
from markdown.serializers import _escape_attrib_html  # how the tree's <abbr title> is written
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from .finished_html import finished_blocks

SECTION_STARTS = {"h1", "h2"}
SKIP_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "code", "pre", "details", "summary", "sup", "script", "style"}
SKIP_CLASSES = {"footnote", "cf-original", "cf-refs"}
CLASS = "cf-term"
# Raw inline HTML (the renderer writes links and code as HTML in places) reaches this step as
# placeholders in the text; what stands between a raw <a …> and its </a> is inside a link.
RAW_OPEN = re.compile(r"<(a|code)[\s>]", re.I)
RAW_CLOSE = re.compile(r"</(a|code)\s*>", re.I)
# In a finished block: a tag, an entity or a comment (text is what lies between them).
_HTML_TOKEN = re.compile(r"<(?P<close>/)?(?P<tag>[a-zA-Z][a-zA-Z0-9]*)[^<>]*>|&#?[0-9a-zA-Z]+;|<!--.*?-->", re.S)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class FirstTermTreeprocessor(Treeprocessor):
    def __init__(self, md, abbrs: dict):
        super().__init__(md)
        self.abbrs = abbrs
        self.seen: set = set()
        self.pattern = None

    def run(self, root):
        if not self.abbrs:
            return None
        forms = sorted(self.abbrs, key=len, reverse=True)
        # whole words (escaped characters such as the # of #EjércitoEspía are placeholders here,
        # so a form cannot start with one)
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")
        self.seen = set()
        self.raw_depth = 0
        self._visit(root)
        return None

    def _skipped(self, el) -> bool:
        classes = set((el.get("class") or "").split())
        return el.tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)

    def _visit(self, el) -> None:
        if el.tag in SECTION_STARTS:
            self.seen = set()
        if self._skipped(el):
            return
        if el.text and not isinstance(el.text, AtomicString):
            head, made = self._wrap(el.text)
            if made:
                el.text = head
                for offset, abbr in enumerate(made):
                    el.insert(offset, abbr)
        for child in list(el):
            if child.get("class") == CLASS:
                continue  # made just now, from this element's text
            self._visit(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                head, made = self._wrap(child.tail)
                if made:
                    child.tail = head
                    index = list(el).index(child) + 1
                    for offset, abbr in enumerate(made):
                        el.insert(index + offset, abbr)

    def _outside_raw_links(self, text: str) -> list:
        """(start, end) spans of `text` outside raw <a>/<code> elements, following them across texts."""
        spans, start = [], 0
        for placeholder in HTML_PLACEHOLDER_RE.finditer(text):
            index = int(placeholder.group(1))
            blocks = self.md.htmlStash.rawHtmlBlocks
            if index in finished_blocks(self.md):  # here, in reading order, as if it were in the tree
                blocks[index] = self._wrap_html(blocks[index])
            raw = str(blocks[index]) if index < len(blocks) else ""
            if self.raw_depth == 0:
                spans.append((start, placeholder.start()))
            if RAW_OPEN.match(raw):
                self.raw_depth += 1
            elif RAW_CLOSE.match(raw):
                self.raw_depth = max(0, self.raw_depth - 1)
            start = placeholder.end()
        if self.raw_depth == 0:
            spans.append((start, len(text)))
        return spans

    def _wrap_html(self, html: str) -> str:
        """A finished block (site/finished_html.py) with the same terms explained as if its
        elements were in the tree: its text is read outside tags and entities, skipping what
        SKIP_TAGS names. (Its raw tags are those render/finished_html.py lets through, none of
        which the tree would skip by class.)"""
        if "<h1" not in html and "<h2" not in html and not any(self._new(m.group(0)) for m in self.pattern.finditer(html)):
            return html  # no term left to explain in this section: nothing to read (most blocks)
        out, last, skipped = [], 0, [False]
        for token in _HTML_TOKEN.finditer(html):
            out.append(self._wrap_text(html[last:token.start()]) if not skipped[-1] else html[last:token.start()])
            out.append(token.group(0))
            last = token.end()
            tag = (token.group("tag") or "").lower()
            if not tag or tag in VOID or token.group(0).endswith("/>"):
                continue
            if token.group("close"):
                if len(skipped) > 1:
                    skipped.pop()
                continue
            if tag in SECTION_STARTS:
                self.seen = set()
            skipped.append(skipped[-1] or tag in SKIP_TAGS)
        out.append(self._wrap_text(html[last:]) if not skipped[-1] else html[last:])
        return "".join(out)

    def _new(self, form: str) -> bool:
        title = self.abbrs.get(form)
        return bool(title) and title not in self.seen

    def _wrap_text(self, text: str) -> str:
        out, last = [], 0
        for match in self.pattern.finditer(text):
            title = self.abbrs.get(match.group(0))
            if not title or title in self.seen:
                continue
            self.seen.add(title)
            out.append(text[last:match.start()])
            out.append(f'<abbr class="{CLASS}" tabindex="0" title="{_escape_attrib_html(title)}">{match.group(0)}</abbr>')
            last = match.end()
        out.append(text[last:])
        return "".join(out)

    def _wrap(self, text: str):
        """(text before the first new <abbr>, the new <abbr>s with the text after each as tail)."""
        made, head, last = [], text, 0
        spans = self._outside_raw_links(text)
        for match in self.pattern.finditer(text):
            title = self.abbrs.get(match.group(0))
            if not title or title in self.seen:
                continue
            if not any(a <= match.start() and match.end() <= b for a, b in spans):
                continue
            self.seen.add(title)
            abbr = etree.Element("abbr", {"class": CLASS, "title": title, "tabindex": "0"})
            abbr.text = AtomicString(match.group(0))
            if made:
                made[-1].tail = text[last:match.start()]
            else:
                head = text[:match.start()]
            made.append(abbr)
            last = match.end()
        if made:
            made[-1].tail = text[last:]
        return head, made


class FirstTermExtension(AbbrExtension):
    """`abbr`, with its tree step replaced by FirstTermTreeprocessor (same name and priority)."""

    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        md.treeprocessors.register(FirstTermTreeprocessor(md, self.abbrs), "abbr", 7)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return FirstTermExtension(**kwargs)
