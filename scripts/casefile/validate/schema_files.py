"""Read data/schema/: every schema file, checked against JSON Schema's metaschema, with its
references inlined for validation."""

from __future__ import annotations

import json
from functools import cache

from .. import inputs
from ..errors import ProjectFileError
from ..paths import SCHEMAS, display
from ..problems import cut

MAX_SCHEMA_BYTES = 1_000_000
RESTORE = "restore it from the repository (git checkout -- {name}) or fix it"


def _read_schema(path):
    """One schema file as JSON; a missing, linked, oversized or broken file is a ProjectFileError."""
    name = display(path)
    fix = RESTORE.format(name=name)
    try:
        raw = inputs.read_bytes(path, MAX_SCHEMA_BYTES)
    except inputs.Refused as refused:
        raise ProjectFileError(refused.what, refused.fix, name) from None
    except OSError as err:
        raise ProjectFileError(f"cannot be read ({err.strerror})", fix, name) from None
    if len(raw) > MAX_SCHEMA_BYTES:
        raise ProjectFileError(f"is more than {MAX_SCHEMA_BYTES:,} bytes", fix, name)
    try:
        contents = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ProjectFileError("is not UTF-8 text", fix, name) from None
    except json.JSONDecodeError as err:
        raise ProjectFileError(
            f"is not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})", fix, name
        ) from None
    except RecursionError:
        raise ProjectFileError("is nested too deeply to read", fix, name) from None
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(contents)
    except SchemaError as err:
        raise ProjectFileError(f"is not a valid JSON Schema ({cut(err.message)})", fix, name) from None
    return contents


@cache
def schemas() -> dict:
    """{file name: contents} of every schema file, each checked against the metaschema."""
    return {path.name: _read_schema(path) for path in sorted(SCHEMAS.glob("*.schema.json"))}


@cache
def registry():
    """The schema files as a `referencing` registry, for jsonschema (imported only now)."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    built = Registry()
    for name, contents in schemas().items():
        built = built.with_resource(name, Resource.from_contents(contents, DRAFT202012))
    return built


@cache
def inlined(schema_name: str) -> dict:
    """The schema of `schema_name` with its references inlined (see _inline)."""
    try:
        schema = schemas()[schema_name]
    except KeyError:
        raise ProjectFileError(
            "is missing", RESTORE.format(name=display(SCHEMAS / schema_name)), display(SCHEMAS / schema_name)
        ) from None
    return _inline(schema, schema_name, ())


_ANNOTATIONS = {"description", "title", "examples", "$comment"}


def _inline(node, document: str, stack: tuple):
    """The schema with each `$ref` replaced by what it points to, so validation does not look
    references up on every value (half of `check`'s time). A `$ref` whose siblings are only
    annotations merges with them, as 2020-12 means; anything else (or a cycle) stays a `$ref`."""
    if isinstance(node, list):
        return [_inline(item, document, stack) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and set(node) - {"$ref"} <= _ANNOTATIONS and (ref not in stack):
        target_doc, _, pointer = ref.partition("#")
        target_doc = target_doc or document
        try:
            target = schemas()[target_doc]
            for part in filter(None, pointer.split("/")):
                target = target[part.replace("~1", "/").replace("~0", "~")]
        except (LookupError, TypeError):
            return node  # a broken reference stays a $ref: validation reports it as it always did
        merged = {**_inline(target, target_doc, stack + (ref,)), **{k: v for k, v in node.items() if k != "$ref"}}
        return merged
    return {key: (value if key == "$defs" else _inline(value, document, stack)) for key, value in node.items()}


def forget() -> None:
    """Read the schema files again when next asked."""
    schemas.cache_clear()
    registry.cache_clear()
    inlined.cache_clear()
