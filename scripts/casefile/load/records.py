"""Walking the records of a parsed file: every mapping, and the record whose anchor it falls under."""
from __future__ import annotations


def walk(value, path=()):
    """Yield (path, mapping) for every mapping inside `value`, outermost first."""
    if isinstance(value, dict):
        yield path, value
        for key, child in value.items():
            if isinstance(child, (dict, list)):  # nothing to yield below a scalar
                yield from walk(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            if isinstance(child, (dict, list)):
                yield from walk(child, path + (index,))


def records(data, key):
    """(index, record) for the mappings listed under `key`; nothing when the shape is wrong."""
    items = data.get(key) if isinstance(data, dict) else None
    return [(i, r) for i, r in enumerate(items) if isinstance(r, dict)] if isinstance(items, list) else []


def strings(value):
    """The text items of a list field, skipping anything malformed."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
