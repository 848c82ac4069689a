"""Read one YAML data file strictly, remembering where every key and value stands.

PyYAML implements YAML 1.1: it silently keeps the last of two duplicate keys, turns an unquoted
`no` into False and `2023-01-16` into a date, and expands aliases without limit. Contributors must
hear about each of those instead, so we compose the node graph ourselves and build plain Python
values from it, recording line and column of every node for the messages.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from .. import inputs
from ..paths import display
from ..problems import Problem
from .libyaml_compose import compose_fast
from .noting import Noting
from .source import Source
from .unclosed import unclosed_quote
from .yaml_values import MAX_DEPTH, build_data

# A data file is text written by people; anything larger is a mistake. The benchmark's synthetic
# 100x data is larger on purpose: it raises the limit with CASEFILE_MAX_DATA_BYTES.
MAX_BYTES = int(os.environ.get("CASEFILE_MAX_DATA_BYTES", "") or 2_000_000)


# Characters that look like nothing (or like a space) in an editor but change how YAML reads the
# file: tabs cannot indent, and PyYAML counts NEL, LS and PS as line breaks where editors do not.
_INVISIBLE = re.compile("[\t\x85\u2028\u2029]")
_INVISIBLE_HELP = {
    "\t": ("tab character", "YAML must be indented with spaces: replace the tab with spaces"),
    "\x85": ("invisible line break (U+0085)", "replace it with a space; it often comes from text pasted out of a PDF"),
    "\u2028": (
        "invisible line separator (U+2028)",
        "replace it with a space; it often comes from text pasted out of a PDF",
    ),
    "\u2029": (
        "invisible paragraph separator (U+2029)",
        "replace it with a space; it often comes from text pasted out of a PDF",
    ),
}

_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        "text that contains ': ' must be put in quotes, or the indentation of this line is off",
    ),
    (
        "could not find expected ':'",
        "every key needs a colon after it; check this line and the one above for indentation",
    ),
    ("expected <block end>", "this line is indented differently from its siblings; align it with the entries above"),
    ("found undefined alias", "anchors and aliases are not allowed; write the value out"),
    ("found unexpected end of stream", "a quote or bracket is not closed; close it"),
    (
        "found unknown escape character",
        "inside double quotes a backslash starts an escape; use single quotes or write \\\\",
    ),
    ("expected a single document", "a data file holds one document; remove the extra '---' line"),
)


class _Loader(Noting, yaml.SafeLoader):
    """PyYAML's own Python parser: slow, but its error messages and marks are the ones we word."""

    def __init__(self, stream):
        super().__init__(stream)
        self.forbidden = []  # (event, what)


def _position(text: str, index: int):
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def load(path: Path) -> tuple[Source | None, list[Problem]]:
    """Parse `path`; on any problem return (None or a partial Source, the problems)."""
    name = display(path)
    try:
        raw = inputs.read_bytes(path, MAX_BYTES)  # a link, a device or a FIFO is refused before it is read
    except inputs.Refused as refused:
        return None, [Problem(name, 1, 1, "", refused.what, refused.fix)]
    except OSError as err:
        return None, [
            Problem(name, 1, 1, "", f"cannot be read ({err.strerror})", "check that the file exists and is readable")
        ]
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(
                name,
                1,
                1,
                "",
                f"is more than the {MAX_BYTES:,} bytes a data file may have",
                "split the data or remove what does not belong here",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        line_start = raw.rfind(b"\n", 0, err.start) + 1
        col = len(raw[line_start : err.start].decode("utf-8", errors="replace")) + 1  # characters, as editors count
        return None, [
            Problem(
                name,
                line,
                col,
                "",
                f"is not valid UTF-8 (byte 0x{raw[err.start]:02X} here)",
                "save the file with UTF-8 encoding",
            )
        ]
    text = text.removeprefix("\ufeff")

    problems = []
    for match in _INVISIBLE.finditer(text):
        line, col = _position(text, match.start())
        what, fix = _INVISIBLE_HELP[match.group()]
        problems.append(Problem(name, line, col, "", what, fix))
    if problems:
        return None, problems

    node, forbidden, failure = compose(name, text)
    if failure:
        return None, failure
    for event, what in forbidden:
        problems.append(
            Problem(
                name,
                event.start_mark.line + 1,
                event.start_mark.column + 1,
                "",
                f"{what} is not allowed in data files",
                "write the value out in full, without anchors, aliases or tags",
            )
        )
    if problems:
        return None, problems
    if node is None or (
        isinstance(node, yaml.ScalarNode) and not node.style and node.value == "" and node.tag.endswith(":null")
    ):
        # no document at all, or only an empty one ('---'), whose implicit node sits past the last line
        return None, [
            Problem(
                name, 1, 1, "", "is empty", "the file must hold a mapping of fields; see its schema in data/schema/"
            )
        ]

    source = Source(path, None)
    source.data = build_data(node, source, problems)
    return source, problems


def compose(name: str, text: str):
    """(node, forbidden, None), or (None, [], [the problem]) when `text` is no YAML: libyaml's fast
    path where it reads as PyYAML does, else PyYAML's parser. `forbidden`: anchors, aliases, tags."""
    fast = compose_fast(text)
    return (*fast, None) if fast is not None else _compose_careful(name, text)


def _compose_careful(name: str, text: str):
    """(node, forbidden, None) or (None, [], [the problem]) with PyYAML's Python parser."""

    def failed(line: int, col: int, what: str, fix: str):
        return None, [], [Problem(name, line, col, "", what, fix)]

    loader = None
    try:
        loader = _Loader(text)  # the reader rejects control characters already here
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(filter(None, [err.context, err.problem]))
        hint = next(
            (h for key, h in _SYNTAX_HINTS if key in what),
            "check the indentation and the quotes on this line and the one before",
        )
        opened = unclosed_quote(text, line)
        if opened:  # reported where it opens: the parser only notices lines later, or at the end of the file
            quote = text.split("\n")[opened[0] - 1][opened[1] - 1]
            what = f"YAML syntax error: this quote is never closed (YAML reads on to line {line}: {what})"
            return failed(*opened, what, f"end the text with the quote that opens it ({quote})")
        return failed(line, col, f"YAML syntax error: {what}", hint)
    except yaml.reader.ReaderError as err:
        character = err.character
        what = (
            f"contains the control character U+{character:04X}"
            if isinstance(character, int)
            else "contains a character YAML does not allow"
        )
        return failed(*_position(text, err.position), what, "remove it; data files hold printable text only")
    except RecursionError:
        return failed(
            *_too_deep(text), "is nested too deeply to read", f"data files need at most {MAX_DEPTH} levels of nesting"
        )
    except yaml.YAMLError as err:  # any other PyYAML complaint, still without a traceback
        return failed(1, 1, f"YAML error: {err}", "check the file's syntax")
    finally:
        if loader is not None:
            loader.dispose()
    return node, loader.forbidden, None


def _too_deep(text: str):
    """Where nesting first goes deeper than MAX_DEPTH, found by PyYAML's parser (which, unlike
    its composer, does not recurse); (1, 1) if the parser gives up before that."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH + 1:  # counted as build_value counts: the top-level collection is level 0
                    return event.start_mark.line + 1, event.start_mark.column + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return 1, 1
