"""From YAML nodes to plain values, the strict way: every YAML 1.1 trap a contributor can fall in
(an unquoted `no`, a bare date, `1e3` where YAML 1.2 tools read a number) is a problem with its
place, and every value's position is kept for the messages. strict_yaml.py parses; this builds.
"""

from __future__ import annotations

import re

import yaml

from ..problems import Problem, cut, format_path, show

MAX_DEPTH = 40
MAX_DIGITS = 4000  # Python refuses to read longer integers

_PLAIN_INT = re.compile(r"-?(0|[1-9][0-9]*)\Z")
_TRUE_FALSE = {"true": True, "false": False}
# Numbers in the YAML 1.2 core schema (what most tools read today) that PyYAML's YAML 1.1 keeps as text.
_YAML12_NUMBER = re.compile(
    r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
_YAML11_BOOL_WORDS = {"yes", "no", "on", "off", "y", "n"}  # none longer than 3 characters
_NUMBER_STARTS = "+-.0123456789"  # what every YAML 1.2 number starts with (and "", which none is)


_STR = "tag:yaml.org,2002:str"  # what the resolver gives most scalars
_MappingNode, _SequenceNode, _ScalarNode = yaml.MappingNode, yaml.SequenceNode, yaml.ScalarNode


def build_data(node, source, problems: list):
    """The data of `source` (a load.source.Source) from the composed node of its file. While it
    builds, `build_value` notes on `source` each value's position, each mapping (source.mappings)
    and each key and text (source.texts), so the rules need not walk the data again for them."""
    source._mappings, source._texts = [], []
    data = build_value(node, (), source, problems, 0)
    if isinstance(data, str):
        source._texts.append(data)
    return data


def build_value(node, path, source, problems: list, depth: int):
    """Plain Python values from a composed node, noting each value's position on `source` and each
    YAML 1.1 trap in `problems` (and, when build_data set them up, its mappings and texts)."""
    mark = node.start_mark
    source.value_marks[path] = (mark.line + 1, mark.column + 1)
    if depth > MAX_DEPTH:
        problems.append(
            source.problem(path, "is nested too deeply", f"data files need at most {MAX_DEPTH} levels of nesting")
        )
        return None
    if type(node) is _ScalarNode:
        if node.style:  # quoted or block scalar: always text (plain is None in PyYAML, "" in libyaml)
            return node.value
        if node.tag == _STR:
            source.raw[path] = node.value
            return _text(node.value, path, source, problems)
        return _scalar(node, path, source, problems)
    if isinstance(node, _MappingNode):
        result = {}
        texts = source._texts
        if texts is not None:
            source._mappings.append((path, result))
        key_marks = source.key_marks
        for key_node, value_node in node.value:
            if not isinstance(key_node, _ScalarNode):
                mark = key_node.start_mark
                problems.append(
                    Problem(
                        source.name,
                        mark.line + 1,
                        mark.column + 1,
                        format_path(path),
                        "a key must be a plain word",
                        "write the key as text, e.g. `title:`",
                    )
                )
                continue
            key = key_node.value
            child = path + (key,)
            mark = key_node.start_mark
            mark = (mark.line + 1, mark.column + 1)
            if key in result:
                first = key_marks[child]
                problems.append(
                    Problem(
                        source.name,
                        mark[0],
                        mark[1],
                        format_path(child),
                        f"duplicate key {show(key)} (first at line {first[0]})",
                        "YAML would silently keep only the last one; remove or rename one of them",
                    )
                )
                continue
            key_marks[child] = mark
            if texts is not None:
                texts.append(key)
            value = result[key] = build_value(value_node, child, source, problems, depth + 1)
            if texts is not None and type(value) is str:
                texts.append(value)
        return result
    if isinstance(node, _SequenceNode):
        depth += 1
        items, texts = [], source._texts
        for index, item in enumerate(node.value):
            value = build_value(item, path + (index,), source, problems, depth)
            items.append(value)
            if texts is not None and type(value) is str:
                texts.append(value)
        return items
    return _scalar(node, path, source, problems)


def _scalar(node, path, source, problems: list):
    value = node.value
    if node.style:  # quoted or block scalar: always text (plain is None in PyYAML, "" in libyaml)
        return value
    source.raw[path] = value
    tag = node.tag.rsplit(":", 1)[-1]
    if tag == "null":
        return None
    if tag == "bool":
        if value.lower() in _TRUE_FALSE:
            return _TRUE_FALSE[value.lower()]
        meaning = "true" if value.lower() in {"yes", "on", "y"} else "false"
        problems.append(
            source.problem(
                path,
                f"unquoted '{value}' is read as the boolean {meaning} by YAML 1.1",
                f'write "{value}" in quotes if you mean the text, or true/false for a yes/no field',
            )
        )
        return value
    if tag == "timestamp":
        problems.append(
            source.problem(
                path,
                f"unquoted date {cut(value)} is read as a date object by YAML 1.1, not as text",
                f'put it in quotes: "{cut(value)}"',
            )
        )
        return value
    if tag == "int":
        if _PLAIN_INT.match(value):
            if len(value) > MAX_DIGITS:
                problems.append(source.problem(path, f"is a number with {len(value):,} digits", "write the real value"))
                return value
            return int(value)
        problems.append(
            source.problem(
                path, f"unquoted {show(value)} is read as a number by YAML 1.1", f'put it in quotes: "{cut(value)}"'
            )
        )
        return value
    if tag == "float":
        try:
            return float(value.replace("_", ""))
        except ValueError:  # .inf, .nan, sexagesimal floats
            problems.append(
                source.problem(
                    path, f"unquoted {show(value)} is read as a number by YAML 1.1", f'put it in quotes: "{cut(value)}"'
                )
            )
            return value
    return _text(value, path, source, problems)


def _text(value: str, path, source, problems: list):
    """An unquoted text: what some YAML tools would read as a boolean or a number is a problem."""
    if (
        len(value) <= 3 and value.lower() in _YAML11_BOOL_WORDS
    ):  # 'y' and 'n' resolve as text in PyYAML, but not in every YAML 1.1 tool
        problems.append(
            source.problem(
                path, f"unquoted '{value}' is a boolean in some YAML 1.1 tools", f'write "{value}" in quotes'
            )
        )
    elif value[:1] in _NUMBER_STARTS and _YAML12_NUMBER.fullmatch(value):
        problems.append(
            source.problem(
                path,
                f"unquoted {show(value)} is text in YAML 1.1 but a number in YAML 1.2",
                f'put it in quotes: "{cut(value)}"',
            )
        )
    return value
