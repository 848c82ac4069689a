"""The JSON Schemas are the contributors' documentation: valid, strict, and described field by field."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from casefile.load import FILES
from casefile.paths import DATA, SCHEMAS

SCHEMA_FILES = sorted(SCHEMAS.glob("*.schema.json"))


def objects_with_properties(node, path="#"):
    if isinstance(node, dict):
        if "properties" in node:
            yield path, node
        for key, child in node.items():
            yield from objects_with_properties(child, f"{path}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from objects_with_properties(child, f"{path}/{index}")


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(path):
    schema = json.loads(path.read_text("utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_field_has_a_description_and_no_unknown_fields_are_allowed(path):
    schema = json.loads(path.read_text("utf-8"))
    for where, node in objects_with_properties(schema):
        assert node.get("additionalProperties") is False, f"{path.name} {where}: unknown fields must be rejected"
        for name, field in node["properties"].items():
            assert field.get("description"), f"{path.name} {where}/properties/{name} has no description"


@pytest.mark.parametrize("stem", FILES)
def test_every_data_file_has_a_schema_and_names_it_for_editors(stem):
    assert (SCHEMAS / f"{stem}.schema.json").exists()
    first_line = (DATA / f"{stem}.yaml").read_text("utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=schema/{stem}.schema.json"
