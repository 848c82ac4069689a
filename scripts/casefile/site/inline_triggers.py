"""Python-Markdown's inline step, without trying patterns that cannot match. Same HTML, byte for byte
(tests/test_inline_triggers.py).

For every piece of text, Python-Markdown tries its inline patterns one by one (backtick, escape,
footnote, link, image, autolink, line break, HTML, entity, emphasis…), and each try costs a
Python call and a regular-expression search even where the text has no `[`, `<`, `&`, `*`… at
all. On our long generated pages that is most tries, about a fifth of a page's conversion.

Each pattern below cannot match text without one of its trigger strings (a `[` for a link, a `<`
for raw HTML, two spaces and a newline for a line break…), so `InlineTriggers` skips it where the
text has none, exactly as if it had tried and found nothing. A pattern is recognised by the
regular expression it actually searches with; any other pattern (another extension's, or one
upstream changed) is tried as before.

`InlineTriggers.__handleInline` is Python-Markdown's loop (BSD-licensed, Copyright The Python
Markdown Project) with the skip added. It is used only while Python-Markdown's own loop and the
method it calls are the ones it was copied from (`UPSTREAM_SHA256`); otherwise the original runs,
slower but right, and tests/test_inline_triggers.py fails to say that the copy needs looking at.
"""
from __future__ import annotations

from markdown import inlinepatterns
from markdown import util
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor

from . import upstream_guard

# sha256 of the source of InlineProcessor.__handleInline and __applyPattern, Python-Markdown 3.11.3.
UPSTREAM_SHA256 = "7bb364a981d1d753117d7f8b210cc3de6fab253eae16d16bd9c597b7f11d50e9"
_COPIED = (InlineProcessor._InlineProcessor__handleInline, InlineProcessor._InlineProcessor__applyPattern)

# The regular expression a pattern searches with → strings of which a match contains at least one.
TRIGGERS = {
    inlinepatterns.BACKTICK_RE: ("`",),  # both alternatives end at a backtick
    inlinepatterns.ESCAPE_RE: ("\\",),
    inlinepatterns.LINK_RE: ("[",),  # also REFERENCE_RE and the short reference
    inlinepatterns.IMAGE_LINK_RE: ("![",),  # also IMAGE_REFERENCE_RE and the short image reference
    inlinepatterns.AUTOLINK_RE: ("<",),
    inlinepatterns.AUTOMAIL_RE: ("<",),
    inlinepatterns.LINE_BREAK_RE: ("  \n",),
    inlinepatterns.HTML_RE: ("<",),  # every alternative sits between < and >
    inlinepatterns.ENTITY_RE: ("&",),
    r"\*|_": ("*", "_"),  # emphasis and strong (DelimiterProcessor)
    r"\[\^([^\]]*)\]": ("[^",),  # footnote references (footnotes.FootnoteInlineProcessor)
}


def upstream_digest() -> str | None:
    return upstream_guard.digest(_COPIED)


def upstream_unchanged() -> bool:
    return upstream_digest() == UPSTREAM_SHA256


def triggers(pattern) -> tuple[str, ...] | None:
    """What a match of `pattern` must contain, or None where that is not known (always tried)."""
    if not isinstance(pattern, inlinepatterns.InlineProcessor):
        return None  # old-style patterns match differently; never skipped
    return TRIGGERS.get(pattern.getCompiledRegExp().pattern)


class InlineTriggers(InlineProcessor):
    _patterns = None  # [(pattern, its triggers)], listed anew at each run (extensions may add patterns)

    def run(self, tree, ancestors=None):
        self._patterns = None
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        # Python-Markdown 3.11.3, markdown/treeprocessors.py, InlineProcessor.__handleInline, with
        # the patterns listed once per page and the skip marked ADDED.
        if not isinstance(data, util.AtomicString):
            startIndex = 0  # noqa: N806
            patterns = self._patterns
            if patterns is None:
                patterns = self._patterns = [(pattern, triggers(pattern)) for pattern in self.inlinePatterns]
            count = len(patterns)
            apply = self._InlineProcessor__applyPattern
            while patternIndex < count:
                pattern, needs = patterns[patternIndex]
                # ADDED: no trigger in the text, no match: what __applyPattern returns when a
                # pattern finds nothing is (data, False, 0).
                if needs is not None and not any(need in data for need in needs):
                    startIndex = 0  # noqa: N806
                    patternIndex += 1
                    continue
                data, matched, startIndex = apply(pattern, data, patternIndex, startIndex)  # noqa: N806
                if not matched:
                    patternIndex += 1
        return data


class InlineTriggersExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        if upstream_unchanged():
            md.treeprocessors.register(InlineTriggers(md), "inline", 20)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's name
    return InlineTriggersExtension(**kwargs)
