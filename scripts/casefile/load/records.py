"""Walking the records of a parsed file: every mapping, and the record whose anchor it falls under."""

from __future__ import annotations


def walk(value, path=()):
    """(path, mapping) for every mapping inside `value`, outermost first."""
    return iter(mappings(value, path))


def mappings(value, path=()) -> list:
    """walk(value, path) as a list, made without a generator per level (the rules walk every record)."""
    out = []
    _mappings(value, path, out)
    return out


def _mappings(value, path, out) -> None:
    if isinstance(value, dict):
        out.append((path, value))
        for key, child in value.items():
            if isinstance(child, (dict, list)):  # nothing to yield below a scalar
                _mappings(child, path + (key,), out)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            if isinstance(child, (dict, list)):
                _mappings(child, path + (index,), out)


def texts(value) -> list:
    """Every key and text value in `value`, depth first, without their paths: a quick look at a whole
    file (validate/text_rules.py walks it again, with paths, only to say where a problem is)."""
    out = []
    _texts(value, out)
    return out


def _texts(data, out: list) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                out.append(key)
            if isinstance(value, str):
                out.append(value)
            elif isinstance(value, (dict, list)):
                _texts(value, out)
    elif isinstance(data, list):
        for value in data:
            if isinstance(value, str):
                out.append(value)
            elif isinstance(value, (dict, list)):
                _texts(value, out)
    elif isinstance(data, str):
        out.append(data)


def records(data, key):
    """(index, record) for the mappings listed under `key`; nothing when the shape is wrong."""
    items = data.get(key) if isinstance(data, dict) else None
    return [(i, r) for i, r in enumerate(items) if isinstance(r, dict)] if isinstance(items, list) else []


def strings(value):
    """The text items of a list field, skipping anything malformed."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
