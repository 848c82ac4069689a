"""A quick yes for a data file that is valid under its schema, without jsonschema.

Most runs of `check` meet valid data, and importing jsonschema and walking it over the data was
a third of `check`'s time. `valid(instance, schema)` walks the data once against the schema
(its references already inlined by schema_files.py) and answers True (valid), False (invalid) or
None (not sure). schema.py trusts only True, which means jsonschema would report nothing; on
False or None it asks jsonschema, whose errors are worded exactly as before.

Each keyword below does what jsonschema's Draft 2020-12 implementation does. A keyword that is
not here and is not a mere annotation ($ref left in place, prefixItems, if, a keyword of a later
draft...), a value of an unexpected Python type, or any surprise makes the answer None.
"""
from __future__ import annotations

import re

from .formats import CHECKS

ANNOTATIONS = {"$schema", "$defs", "$comment", "title", "description", "examples", "default", "deprecated",
               "readOnly", "writeOnly"}  # and every "x-…" keyword: they never make a value invalid
_VALUES = frozenset((dict, list, str, bool, int, float, type(None)))  # what the YAML loader makes
_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}


def valid(instance, schema):
    """True, False, or None when this module cannot tell."""
    try:
        return _valid(instance, schema)
    except Exception:  # noqa: BLE001 - a bad pattern, a deep recursion, a check that fails oddly: jsonschema says it
        return None


def _valid(instance, schema):
    if schema is True or schema is False:
        return schema
    if not isinstance(schema, dict) or type(instance) not in _VALUES:
        return None
    plan = _PLANS.get(id(schema))
    if plan is None or plan[0] is not schema:
        plan = _plan(schema)
    _, checks, answer = plan
    for check, value in checks:
        result = check(value, instance, schema)
        if result is False:
            return False
        if result is None:
            answer = None
    return answer


_PLANS: dict = {}  # id(schema) -> (schema, [(check, value)] in the schema's order, True or None)
_MAX_PLANS = 10_000  # our schemas have a few hundred parts; schemas made on the fly must not pile up


def forget() -> None:
    """Work the plans out again (schema.forget() calls this when the schemas are read again)."""
    _PLANS.clear()


def _plan(schema):
    """What _valid does with `schema`, worked out once: the checks of its keywords, in their order,
    and None instead of True when a keyword this module does not know could make a value invalid."""
    if len(_PLANS) >= _MAX_PLANS:
        _PLANS.clear()
    checks, answer = [], True
    for keyword, value in schema.items():
        check = _KEYWORDS.get(keyword)
        if check is _type and isinstance(value, str) and value in _IS:
            check = _IS[value]  # the same answer, one call sooner
        if check is not None:
            checks.append((check, value))
        elif keyword not in ANNOTATIONS and not keyword.startswith("x-"):
            answer = None
    plan = _PLANS[id(schema)] = (schema, checks, answer)  # the schema is kept, so its id stays its own
    return plan


def _all(results):
    """Every one True: True; one False: False; else None."""
    answer = True
    for result in results:
        if result is False:
            return False
        if result is None:
            answer = None
    return answer


def _type(types, instance, schema):
    if isinstance(types, str):
        check = _TYPES.get(types)
        return None if check is None else check(instance)
    names = types if isinstance(types, list) else [types]
    if any(name not in _TYPES for name in names):
        return None
    return any(_TYPES[name](instance) for name in names)


_IS = {  # _type(name, ...) for the commonest names
    "object": lambda name, instance, schema: isinstance(instance, dict),
    "array": lambda name, instance, schema: isinstance(instance, list),
    "string": lambda name, instance, schema: isinstance(instance, str),
}


def _properties(properties, instance, schema):
    if not isinstance(instance, dict):
        return True
    return _all(_valid(instance[name], sub) for name, sub in properties.items() if name in instance)


def _required(names, instance, schema):
    if isinstance(instance, dict):
        for name in names:
            if name not in instance:
                return False
    return True


def _additional(extra, instance, schema):
    if not isinstance(instance, dict) or extra is True:
        return True
    if "patternProperties" in schema:
        return None  # its patterns would take some keys
    known = schema.get("properties", {})
    extras = [key for key in instance if key not in known]
    if extra is False:
        return not extras
    if isinstance(extra, dict):
        return _all(_valid(instance[key], extra) for key in extras)
    return None


def _items(items, instance, schema):
    if not isinstance(instance, list):
        return True
    if "prefixItems" in schema:
        return None  # `items` then applies only after the prefix
    if items is False:
        return not instance
    return _all(_valid(item, items) for item in instance)


def _unique(unique, instance, schema):
    if not unique or not isinstance(instance, list) or len(instance) < 2:
        return True
    if not all(isinstance(item, str) for item in instance):
        return None
    return len(set(instance)) == len(instance)


def _enum(options, instance, schema):
    if isinstance(instance, str):
        return any(isinstance(option, str) and option == instance for option in options)
    return False if all(isinstance(option, str) for option in options) else None


def _const(const, instance, schema):
    if isinstance(instance, str) and isinstance(const, str):
        return instance == const
    return None


def _format(name, instance, schema):
    check = CHECKS.get(name)
    if check is None:
        return True  # jsonschema is given only these formats; it lets any other pass
    try:
        return bool(check(instance))
    except ValueError:
        return False


def _any_of(schemas, instance, schema):
    results = [_valid(instance, sub) for sub in schemas]
    return True if True in results else (None if None in results else False)


def _one_of(schemas, instance, schema):
    results = [_valid(instance, sub) for sub in schemas]
    return None if None in results else results.count(True) == 1


def _not(sub, instance, schema):
    result = _valid(instance, sub)
    return None if result is None else not result


def _dependent_required(needs, instance, schema):
    if not isinstance(instance, dict):
        return True
    return all(name in instance for field, names in needs.items() if field in instance for name in names)


_COMPILED: dict = {}


def _pattern(pattern, instance, schema):
    """re.search(pattern, instance), as jsonschema does, with each pattern compiled once."""
    if not isinstance(instance, str):
        return True
    compiled = _COMPILED.get(pattern)
    if compiled is None:
        compiled = _COMPILED[pattern] = re.compile(pattern)
    return compiled.search(instance) is not None


def _number(instance) -> bool:
    return isinstance(instance, (int, float)) and not isinstance(instance, bool)


_KEYWORDS = {
    "type": _type,
    "properties": _properties,
    "required": _required,
    "additionalProperties": _additional,
    "items": _items,
    "minItems": lambda n, v, s: not isinstance(v, list) or len(v) >= n,
    "maxItems": lambda n, v, s: not isinstance(v, list) or len(v) <= n,
    "minLength": lambda n, v, s: not isinstance(v, str) or len(v) >= n,
    "maxLength": lambda n, v, s: not isinstance(v, str) or len(v) <= n,
    "pattern": _pattern,
    "enum": _enum,
    "const": _const,
    "format": _format,
    "anyOf": _any_of,
    "oneOf": _one_of,
    "allOf": lambda schemas, v, s: _all(_valid(v, sub) for sub in schemas),
    "not": _not,
    "minimum": lambda n, v, s: not _number(v) or v >= n,
    "maximum": lambda n, v, s: not _number(v) or v <= n,
    "dependentRequired": _dependent_required,
    "uniqueItems": _unique,
}
