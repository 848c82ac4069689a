"""The fast path of strict_yaml.py: libyaml's parser with PyYAML's Python composer, for files
libyaml reads exactly as PyYAML's Python parser does; anything else takes the careful path."""

from __future__ import annotations

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from .noting import Noting

_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE  # what PyYAML's reader refuses; libyaml may differ
_CParser = getattr(getattr(yaml, "_yaml", None), "CParser", None)  # None where PyYAML was built without libyaml


class _Careful(Exception):
    """The fast loader met something libyaml reads differently from PyYAML's Python parser."""


if _CParser is not None:

    class _FastLoader(Noting, Composer, _CParser, SafeConstructor, Resolver):
        """libyaml's parser with PyYAML's Python composer (so `Noting` still sees every node):
        about six times faster than the pure-Python loader on our data."""

        def __init__(self, stream):
            _CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            Composer.__init__(self)
            self.forbidden = []

        def compose_node(self, parent, index):
            # libyaml reads a value tagged just `!` as text where PyYAML reads it as empty, and
            # places an empty value elsewhere (at the next token, even on a line past the end of
            # the file): both go to the careful path (found by tests/test_check_fuzz.py).
            event = self.peek_event()
            if isinstance(event, yaml.ScalarEvent) and (event.tag == "!" or (event.value == "" and not event.style)):
                raise _Careful
            return super().compose_node(parent, index)


def compose_fast(text: str):
    """(node, forbidden) for a file libyaml reads without complaint; None to take the careful path.

    Any error, and any character PyYAML's reader would refuse, goes to the Python loader, which
    words the message and gives the positions contributors see.
    """
    if _CParser is None or _NON_PRINTABLE.search(text):
        return None
    loader = _FastLoader(text)
    try:
        return loader.get_single_node(), loader.forbidden
    except (yaml.YAMLError, RecursionError, _Careful):
        return None
    finally:
        loader.dispose()
