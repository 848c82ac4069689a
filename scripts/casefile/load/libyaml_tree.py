"""The quickest way to read an ordinary data file: libyaml parses and composes the node tree in C.

strict_yaml.py must refuse anchors, aliases and tags, so it composes with PyYAML's Python composer,
which sees every event (and so every anchor and tag). libyaml's own composer does not keep them: an
anchor that no alias uses leaves no trace in its tree. So it is used only on a text where none can
stand: one where every `&`, `*` and `!` follows an ASCII letter or digit, or a character beyond
ASCII other than a byte order mark or a line break. In YAML these start an anchor, an alias or a
tag only where a token starts, which is after a space, a line break, a byte order mark or an ASCII
indicator (`-?:,[]{}'"`...), never right after a letter: a token that can end in one (a plain
scalar, a directive, an anchor's name, a tag) is ended by a space or an indicator, or the parser
stops with an error. The first anchor, alias or tag of a file therefore always follows one of
those. `AT&T`, `¡Hola!` or `“*Controles*”` keep a file on this path; `a & b` sends it to the
slower one, which reads it just as well.

What strict_yaml's fast loader sends to the careful parser (an empty plain value, which libyaml
places elsewhere than PyYAML) is sent there from here too; so is nesting deeper than DEEP
(libyaml's composer recurses in C, where too deep a file would crash the process).
"""
from __future__ import annotations

import re

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from .yaml_values import MAX_DEPTH

_CParser = getattr(getattr(yaml, "_yaml", None), "CParser", None)  # None where PyYAML was built without libyaml

_INDICATORS = re.compile("[&*!]")  # what starts an anchor, an alias or a tag
_NOT_TEXT = "\ufeff\x85\u2028\u2029"  # beyond ASCII, what libyaml skips (a byte order mark) or breaks lines at
DEEP = MAX_DEPTH + 60  # deeper than this goes to the careful parser (it words the problem)

# Resolver.resolve without path resolvers and wildcard resolvers, which PyYAML's Resolver has none of.
_SIMPLE = not Resolver.yaml_path_resolvers and None not in Resolver.yaml_implicit_resolvers
_DEFAULT = {SequenceNode: Resolver.DEFAULT_SEQUENCE_TAG, MappingNode: Resolver.DEFAULT_MAPPING_TAG}


class Careful(Exception):
    """This text is for the loader that sees every event."""


def plain(text: str) -> bool:
    """Whether no anchor, alias or tag can stand anywhere in `text`: each `&`, `*` or `!` follows an
    ASCII letter or digit, or a character beyond ASCII that YAML reads as neither a space nor a line
    break (`“*emphasis*”`). (A regular expression with a look-behind is eight times slower.)"""
    for match in _INDICATORS.finditer(text):
        start = match.start()
        before = text[start - 1] if start else "\n"
        within_text = before.isalnum() if before.isascii() else before not in _NOT_TEXT
        if not within_text:
            return False
    return True


if _CParser is not None:
    class _TreeLoader(_CParser, Resolver):
        """libyaml's C composer; resolving implicit tags (and counting depth) stays in Python."""

        def __init__(self, stream):
            _CParser.__init__(self, stream)
            Resolver.__init__(self)
            self.depth = 0

        def descend_resolver(self, current_node, current_index):
            self.depth += 1
            if self.depth > DEEP:
                raise Careful

        def ascend_resolver(self):
            self.depth -= 1

        def resolve(self, kind, value, implicit, _implicit=Resolver.yaml_implicit_resolvers,
                    _str=Resolver.DEFAULT_SCALAR_TAG, _default=_DEFAULT):
            if kind is ScalarNode:
                if not implicit[0]:
                    return _str  # quoted or a block scalar
                if not value:
                    raise Careful  # an empty plain value: libyaml's mark for it is not PyYAML's
                for tag, regexp in _implicit.get(value[0], ()):
                    if regexp.match(value):
                        return tag
                return _str
            return _default[kind]


def compose(text: str):
    """The node of a `plain` text composed by libyaml (None for an empty stream, as PyYAML gives);
    Careful when the careful parser must read it: to word an error, or because libyaml reads it
    otherwise."""
    loader = _TreeLoader(text)
    try:
        return loader.get_single_node()
    except (yaml.YAMLError, RecursionError) as err:
        raise Careful from err
    finally:
        loader.dispose()


AVAILABLE = _CParser is not None and _SIMPLE
