"""validate/quick.py says "valid" without jsonschema only where jsonschema would say so too.

`check` trusts quick.py's True and skips jsonschema for that file; on False or None it asks
jsonschema, which words the problems. So a True that jsonschema would contradict would hide a
problem: these tests compare the two on the real data, on mutations of it, and on random
schemas and values built from every keyword quick.py knows (and some it does not).
"""
from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from casefile.load import FILES, load
from casefile.load.files import schema_name
from casefile.paths import DATA
from casefile.validate import quick, schema
from casefile.validate.schema_files import inlined
from fuzz_profiles import examples

# In the suite a few hundred examples per property; in a deep run (HYPOTHESIS_PROFILE=deep, see
# tests/fuzz_profiles.py) the profile's 10,000.
SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
                **examples(250))
DATASET = load(DATA)


def jsonschema_says(instance, the_schema) -> bool:
    return Draft202012Validator(the_schema, format_checker=schema._format_checker()).is_valid(instance)


def agrees(instance, the_schema) -> None:
    answer = quick.valid(instance, the_schema)
    assert answer is None or answer == jsonschema_says(instance, the_schema), (answer, instance, the_schema)


def test_the_keywords_are_draft_2020_12_keywords_and_annotations_are_not():
    keywords = set(Draft202012Validator.VALIDATORS)
    assert set(quick._KEYWORDS) <= keywords
    assert not quick.ANNOTATIONS & keywords


@pytest.mark.parametrize("stem", FILES)
def test_the_real_data_is_valid_at_a_glance(stem):
    """Valid data takes the quick path (else `check` pays for jsonschema on every run)."""
    source = DATASET.files[stem]
    assert quick.valid(source.data, inlined(schema_name(stem))) is True
    assert list(schema.validator(schema_name(stem)).iter_errors(source.data)) == []


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from([0.0, 1.0, 2.5, -1.5]),
                    st.sampled_from(["", " ", "a", "ab", "p1", "fn2", "x-y", "2023-01-16", "2023-02-30", "2023-13",
                                     "https://example.org/a", "https://x", "https://ex ample.org", "es", "en"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    inner, st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["a", "b", "id", "es", "en", "url", "file"]), inner, max_size=4)),
    max_leaves=12)


def _mutations(data):
    """(path, container) of every place in `data` where a value can be replaced."""
    places = []

    def walk(node, path):
        if isinstance(node, dict):
            for key in node:
                places.append(path + (key,))
                walk(node[key], path + (key,))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                places.append(path + (index,))
                walk(item, path + (index,))

    walk(data, ())
    return places


PLACES = {stem: _mutations(DATASET.files[stem].data) for stem in FILES}


@settings(**SETTINGS)
@given(st.sampled_from(FILES), st.data())
def test_a_mutation_of_the_real_data_gets_the_same_verdict(stem, data):
    instance = copy.deepcopy(DATASET.files[stem].data)
    path = data.draw(st.sampled_from(PLACES[stem]))
    parent = instance
    for part in path[:-1]:
        parent = parent[part]
    action = data.draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        parent[path[-1]] = data.draw(VALUES)
    elif action == "delete":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[data.draw(st.sampled_from(["extra", "id", "sources", "letter", "url", "file", "notes"]))] = data.draw(VALUES)
    else:
        parent.append(copy.deepcopy(parent[path[-1]]))  # a repeated item
    agrees(instance, inlined(schema_name(stem)))


NAMES = st.sampled_from(["a", "b", "id", "es", "en"])
TYPES = st.sampled_from(["object", "array", "string", "integer", "number", "boolean", "null"])


def _keywords(inner) -> dict:
    return {
        "type": st.one_of(TYPES, st.lists(TYPES, min_size=1, max_size=3, unique=True)),
        "properties": st.dictionaries(NAMES, inner, max_size=3),
        "required": st.lists(NAMES, max_size=3, unique=True),
        "additionalProperties": inner,
        "items": inner,
        "prefixItems": st.lists(inner, min_size=1, max_size=2),
        "patternProperties": st.dictionaries(st.sampled_from(["^a", "d$"]), inner, max_size=1),
        "minItems": st.integers(0, 3), "maxItems": st.integers(0, 3),
        "minLength": st.integers(0, 3), "maxLength": st.integers(0, 3),
        "pattern": st.sampled_from(["\\S", "^[a-z]+$", "^(p|fn)[0-9]+$", "^https://\\S+$"]),
        "enum": st.lists(SCALARS, min_size=1, max_size=4),
        "const": SCALARS,
        "format": st.sampled_from(["partial-date", "https-url", "email"]),
        "anyOf": st.lists(inner, min_size=1, max_size=3),
        "oneOf": st.lists(inner, min_size=1, max_size=3),
        "allOf": st.lists(inner, min_size=1, max_size=2),
        "not": inner,
        "minimum": st.integers(-2, 2), "maximum": st.sampled_from([-1, 0, 1.5, 3]),
        "dependentRequired": st.dictionaries(NAMES, st.lists(NAMES, max_size=2, unique=True), max_size=2),
        "uniqueItems": st.booleans(),
        "contains": inner,
        "description": st.just("annotation"), "x-hint": st.just("ours"),
    }


def _schemas(inner):
    """A schema of one to three keywords (more would nearly always include one quick.py leaves)."""
    keywords = _keywords(inner)
    return st.lists(st.sampled_from(sorted(keywords)), min_size=1, max_size=3, unique=True).flatmap(
        lambda names: st.fixed_dictionaries({name: keywords[name] for name in names}))


SCHEMAS = st.recursive(st.one_of(st.booleans(), st.just({})), _schemas, max_leaves=6)


@settings(**{**SETTINGS, **examples(500)})
@given(SCHEMAS, VALUES)
def test_any_schema_and_value_get_the_same_verdict_or_none(the_schema, instance):
    try:
        Draft202012Validator.check_schema(the_schema)
    except SchemaError:
        return
    agrees(instance, the_schema)


@pytest.mark.parametrize("the_schema, instance", [
    ({"type": "integer"}, 3.0), ({"type": "integer"}, 3.5), ({"type": "integer"}, True), ({"type": "number"}, False),
    ({"enum": [1, "a"]}, True), ({"enum": ["a"]}, 1), ({"const": 1}, True),
    ({"uniqueItems": True}, [1, True]), ({"uniqueItems": True}, ["a", "a"]), ({"uniqueItems": True}, [[1], [1]]),
    ({"format": "partial-date"}, "2023-02-29"), ({"format": "partial-date"}, "2024-02-29"),
    ({"format": "https-url"}, "https://localhost/"), ({"format": "email"}, "no"),
    ({"properties": {"a": {"$ref": "#/$defs/x"}}, "$defs": {"x": {"type": "string"}}}, {"a": 1}),
    ({"$dynamicRef": "#x"}, 1), ({"if": {"type": "string"}, "then": {"minLength": 5}}, "abc"),
    ({"additionalProperties": False, "patternProperties": {"^x": True}}, {"xa": 1}),
    ({"items": False, "prefixItems": [True]}, [1]),
    ({"oneOf": [{"type": "string"}, {"minLength": 1}]}, "a"), ({"oneOf": [{"type": "string"}, {"minLength": 1}]}, 1),
    ({"maxLength": 2}, "abc"), ({"minLength": 2}, "a"), ({"maxItems": 1}, [1, 2]), ({"minItems": 1}, []),
    ({"additionalProperties": {"type": "string"}}, {"a": 1}), ({"additionalProperties": {"type": "string"}}, {"a": "b"}),
    ({"properties": {"a": False}}, {"a": 1}), ({"required": ["a"]}, {}), ({"dependentRequired": {"a": ["b"]}}, {"a": 1}),
    ({"not": {"type": "string"}}, "a"), ({"allOf": [True, {"type": "null"}]}, 0), ({"anyOf": [False, {"type": "null"}]}, None),
    ({"minimum": 1}, 0.5), ({"maximum": 1}, 2), ({"pattern": "^a"}, "ba"), ({"items": {"type": "string"}}, ["a", 1]),
])
def test_edges_get_the_same_verdict_or_none(the_schema, instance):
    agrees(instance, the_schema)


@pytest.mark.parametrize("the_schema", [
    {"properties": {"a": {"$ref": "#/$defs/x"}}, "$defs": {"x": {"type": "string"}}},  # a $ref left in place
    {"$dynamicRef": "#x"}, {"if": {"type": "string"}}, {"contains": True}, {"someNewKeyword": 1},
])
def test_a_keyword_it_does_not_handle_means_not_sure(the_schema):
    assert quick.valid({"a": "x"}, the_schema) is None
