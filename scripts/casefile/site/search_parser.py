"""Material's search parser, without the steps whose time grows with the depth of the open tags.
Same sections, the same search index, byte for byte (tests/test_search_parser.py).

Material's search plugin reads every page with `Parser` (an HTMLParser): `context` is the list of
open elements, `skip` the set of tags whose content is not indexed. For every tag and every piece
of text it asks `skip.intersection(context)`, `section.el in context` and `"pre" in context`: each
a walk over the open elements calling `Element.__eq__`/`__hash__`, which are Python functions (on
the benchmark's 100x data, some 136,000 tags a language). `CountingParser` keeps, beside
`context`, how many open elements have each tag, how many of them have a tag in `skip`, and how
many are permalinks (`<a class="headerlink">`), and answers those questions from the counts.
When the element holding a nested heading closes, Material looks back through all the page's
sections for the one to return to, passing every section left before (their depth is infinity,
never a match): here those are left out of the list it looks through. On the 100x data this took
the parser's share of a Spanish MkDocs run from about 1.5 s to 1.1 s (HTMLParser's own reading of
the tags, about 0.8 s of that, is unchanged).

Material's `Element` compares and hashes by its tag alone, so `skip` behaves as a set of tag
names (here it holds only names), `x in context` means "some open element has x's tag", and
`skip.remove(el)` removes the tag: a `<span data-search-exclude>` leaves out the text of every
span open while it is, and closing any span, even an inner one, ends that. The counts keep those
quirks; nothing else changes.

The three methods below are Material's (mkdocs-material is MIT-licensed, Copyright (c) 2016-2025
Martin Donath), copied with only those membership questions, that look back, and the list of
heading tags (made once) changed; lines marked `# casefile:` differ. `CountingParser` takes `Parser`'s place in
Material's search module only while Material's `Parser`, `Element`, `Section` and the method that
uses them (`SearchIndex.add_entry_from_context`) are the ones it was written against
(`UPSTREAM_SHA256`, mkdocs-material 9.8.1); otherwise Material's own parser runs, slower but
right, and tests/test_search_parser.py fails to say that this needs looking at. mkdocs_hooks.py
installs it in every MkDocs run.
"""
from __future__ import annotations

try:
    from material.plugins.search import plugin as _plugin
except ImportError:  # no Material: nothing to patch
    _plugin = None

from . import search_toc, upstream_guard

# sha256 of the source of Material's Parser, Element and Section classes and of
# SearchIndex.add_entry_from_context, as in mkdocs-material 9.8.1.
UPSTREAM_SHA256 = "aa83ddaa4349724a8571f6af8fbc9414ae7575d03398b51770b883a3dbac036f"
MaterialParser = _plugin.Parser if _plugin else None  # Material's own, also once ours is installed
_HEADINGS = frozenset(f"h{x}" for x in range(1, 7))
_KEPT_IN_SKIP = ("script", "style", "object")  # tags handle_endtag never takes out of `skip`


def upstream_digest() -> str | None:
    if _plugin is None:
        return None
    index = _plugin.SearchIndex
    add_entry = search_toc._ORIGINAL.get("add_entry_from_context", index.add_entry_from_context)
    return upstream_guard.digest((MaterialParser, _plugin.Element, _plugin.Section, add_entry))


def install() -> bool:
    """Put CountingParser in Parser's place if Material's is the one this was written for; True if
    it is in place."""
    if _plugin is None:
        return False
    if _plugin.Parser is CountingParser:
        return True
    if upstream_digest() != UPSTREAM_SHA256:
        return False
    _plugin.Parser = CountingParser
    return True


if _plugin is not None:
    Element, Section, escape, void = _plugin.Element, _plugin.Section, _plugin.escape, _plugin.void

    class CountingParser(MaterialParser):
        """Material's Parser; `context`'s membership questions answered from counts kept beside it."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.skip = set(self.skip)  # tag names only: an Element equals its tag
            self._open = {}        # tag -> how many elements of `context` have it
            self._skipped = 0      # how many elements of `context` have a tag in `skip`
            self._headerlinks = 0  # how many elements of `context` are <a class="headerlink">
            self._live = []        # the sections of `data` not exited (depth not infinity), in order

        def _add_skip(self, tag):
            if tag not in self.skip:
                self.skip.add(tag)
                self._skipped += self._open[tag]  # every open element of that tag, the new one too

        def _add_section(self, section):
            self.data.append(section)
            self._live.append(section)

        def _exited(self, section):
            if self._live[-1] is section:
                self._live.pop()
            else:
                self._live.remove(section)  # Section compares by identity

        # Material's Parser.handle_starttag
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)

            # Ignore self-closing tags
            el = Element(tag, attrs)
            if not tag in void:
                self.context.append(el)
                self._open[tag] = self._open.get(tag, 0) + 1  # casefile: counted
                if tag in self.skip:
                    self._skipped += 1  # casefile: counted
                if tag == "a" and attrs.get("class") == "headerlink":
                    self._headerlinks += 1  # casefile: counted
            else:
                return

            # Handle heading
            if tag in _HEADINGS:  # casefile: made once
                depth = len(self.context)
                if "id" in attrs:

                    # Ensure top-level section
                    if tag != "h1" and not self.data:
                        self.section = Section(Element("hx"), depth)
                        self._add_section(self.section)  # casefile: listed

                    # Set identifier, if not first section
                    self.section = Section(el, depth)
                    if self.data:
                        self.section.id = attrs["id"]

                    # Append section to list
                    self._add_section(self.section)  # casefile: listed

            # Handle preface - ensure top-level section
            if not self.section:
                self.section = Section(Element("hx"))
                self._add_section(self.section)  # casefile: listed

            # Handle special cases to skip
            for key, value in attrs.items():

                # Skip block if explicitly excluded from search
                if key == "data-search-exclude":
                    self._add_skip(tag)  # casefile: counted
                    return

                # Skip line numbers - see https://bit.ly/3GvubZx
                if key == "class" and value == "linenodiv":
                    self._add_skip(tag)  # casefile: counted
                    return

            # Render opening tag if kept
            if not self._skipped and tag in self.keep:  # casefile: counted

                # Check whether we're inside the section title
                data = self.section.text
                if self._open.get(self.section.el.tag):  # casefile: counted
                    data = self.section.title

                # Append to section title or text
                data.append(f"<{tag}>")

        # Material's Parser.handle_endtag
        def handle_endtag(self, tag):
            if not self.context or self.context[-1].tag != tag:  # casefile: the tag compared
                return

            # Check whether we're exiting the current context, which happens when
            # a headline is nested in another element. In that case, we close the
            # current section, continuing to append data to the previous section,
            # which could also be a nested section – see https://bit.ly/3IxxIJZ
            if self.section.depth > len(self.context):
                for section in reversed(self._live):  # casefile: exited sections (never <=) left out
                    if section.depth <= len(self.context):

                        # Set depth to infinity in order to denote that the current
                        # section is exited and must never be considered again.
                        self.section.depth = float("inf")
                        self._exited(self.section)  # casefile: listed
                        self.section = section
                        break

            # Remove element from skip list
            el = self.context.pop()
            self._open[tag] -= 1  # casefile: counted (el.tag is tag)
            if tag == "a" and el.attrs.get("class") == "headerlink":
                self._headerlinks -= 1  # casefile: counted
            if tag in self.skip:  # casefile: by tag, as Element compares
                self._skipped -= 1  # casefile: counted
                if el.tag not in _KEPT_IN_SKIP:
                    self.skip.remove(tag)  # casefile: by tag, as Element compares
                    self._skipped -= self._open[tag]  # casefile: counted
                return

            # Render closing tag if kept
            if not self._skipped and tag in self.keep:  # casefile: counted

                # Check whether we're inside the section title
                data = self.section.text
                if self._open.get(self.section.el.tag):  # casefile: counted
                    data = self.section.title

                # Search for corresponding opening tag
                index = data.index(f"<{tag}>")
                for i in range(index + 1, len(data)):
                    if not data[i].isspace():
                        index = len(data)
                        break

                # Remove element if empty (or only whitespace)
                if len(data) > index:
                    while len(data) > index:
                        data.pop()

                # Append to section title or text
                else:
                    data.append(f"</{tag}>")

        # Material's Parser.handle_data
        def handle_data(self, data):
            if self._skipped:  # casefile: counted
                return

            # Collapse whitespace in non-pre contexts
            in_pre = self._open.get("pre")  # casefile: counted, asked once
            if not in_pre:
                if not data.isspace():
                    data = data.replace("\n", " ")
                else:
                    data = " "

            # Handle preface - ensure top-level section
            if not self.section:
                self.section = Section(Element("hx"))
                self._add_section(self.section)  # casefile: listed

            # Handle section headline
            if self._open.get(self.section.el.tag):  # casefile: counted

                # Ignore permalinks
                if not self._headerlinks:  # casefile: counted
                    self.section.title.append(
                        escape(data, quote = False)
                    )

            # Collapse adjacent whitespace
            elif data.isspace():
                if not self.section.text or not self.section.text[-1].isspace():
                    self.section.text.append(data)
                elif in_pre:
                    self.section.text.append(data)

            # Handle everything else
            else:
                self.section.text.append(
                    escape(data, quote = False)
                )
else:
    CountingParser = None
