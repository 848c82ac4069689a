"""Check a data file against its JSON Schema and say what is wrong in a contributor's words."""
from __future__ import annotations

import datetime
import difflib
import json
import re
from functools import lru_cache
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

from .. import inputs
from ..errors import ProjectFileError
from ..paths import SCHEMAS, display
from ..problems import cut, show
from ..load.strict_yaml import Source
from .metaschema_cache import Passed, digest

MAX_SCHEMA_BYTES = 1_000_000
RESTORE = "restore it from the repository (git checkout -- {name}) or fix it"

FORMATS = FormatChecker(formats=())


@FORMATS.checks("partial-date", raises=ValueError)
def _partial_date(value) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", value):
        return True  # the pattern reports the shape; this checks that the date exists
    parts = [int(p) for p in value.split("-")] + [1, 1]
    datetime.date(*parts[:3])
    return True


@FORMATS.checks("https-url", raises=ValueError)
def _https_url(value) -> bool:
    if not isinstance(value, str) or not value.startswith("https://"):
        return True  # the pattern reports it
    parts = urlsplit(value)
    host = parts.hostname or ""
    if "." not in host or host.startswith(".") or host.endswith(".") or any(c in value for c in "<>\"{}|\\^`"):
        raise ValueError("not a well-formed address")
    return True


def _read_schema(path, passed: Passed):
    """One schema file as JSON; a missing, linked, oversized or broken file is a ProjectFileError.
    The metaschema check is skipped for bytes that `passed` it before (see metaschema_cache.py)."""
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
        raise ProjectFileError(f"is not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})", fix, name) from None
    except RecursionError:
        raise ProjectFileError("is nested too deeply to read", fix, name) from None
    sha256 = digest(raw)
    if sha256 not in passed:
        try:
            Draft202012Validator.check_schema(contents)
        except SchemaError as err:
            raise ProjectFileError(f"is not a valid JSON Schema ({cut(err.message)})", fix, name) from None
    passed.remember(path.name, sha256)
    return contents


@lru_cache(maxsize=None)
def _registry() -> Registry:
    registry = Registry()
    passed = Passed(Draft202012Validator)
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        registry = registry.with_resource(path.name, Resource.from_contents(_read_schema(path, passed), DRAFT202012))
    passed.save()
    return registry


@lru_cache(maxsize=None)
def validator(schema_name: str) -> Draft202012Validator:
    try:
        schema = _registry().contents(schema_name)
    except Unresolvable:
        raise ProjectFileError("is missing", RESTORE.format(name=display(SCHEMAS / schema_name)), display(SCHEMAS / schema_name)) from None
    schema = _inline(schema, schema_name, ())
    return Draft202012Validator(schema, registry=_registry(), format_checker=FORMATS)


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
            target = _registry().contents(target_doc)
            for part in filter(None, pointer.split("/")):
                target = target[part.replace("~1", "/").replace("~0", "~")]
        except (Unresolvable, LookupError, TypeError):
            return node  # a broken reference stays a $ref: validation reports it as it always did
        merged = {**_inline(target, target_doc, stack + (ref,)), **{k: v for k, v in node.items() if k != "$ref"}}
        return merged
    return {key: (value if key == "$defs" else _inline(value, document, stack)) for key, value in node.items()}


def forget() -> None:
    """Read the schemas again on the next check (the preview calls this before a rebuild)."""
    _registry.cache_clear()
    validator.cache_clear()


def check(source: Source, schema_name: str) -> list:
    problems = []
    try:
        for error in validator(schema_name).iter_errors(source.data):
            problems.extend(_explain(error, source))
    except Unresolvable as err:
        name = display(SCHEMAS / schema_name)
        raise ProjectFileError(f"refers to a definition that does not exist ({cut(err)})", RESTORE.format(name=name), name) from None
    return problems


def _describe(value, source: Source, path) -> str:
    raw = source.raw.get(tuple(path))
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        shown = raw if raw is not None else value
        return f"the number {cut(value)}" + (f" (written {cut(shown)})" if cut(shown) != cut(value) else "")
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping of fields"
    if isinstance(value, list):
        return "a list"
    return show(value)



_TYPE_WORDS = {"string": "text", "object": "a mapping of fields", "array": "a list", "integer": "a whole number", "boolean": "true or false"}


def _explain(error, source: Source):
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    value = error.instance

    if kind == "required":
        missing = [name for name in error.validator_value if not (isinstance(value, dict) and name in value)]
        for name in missing:  # named by its own path, reported where its record starts
            if schema.get("x-kind") == "translation":
                language = {"es": "Spanish", "en": "English"}.get(name, name)
                yield source.problem(path + (name,), f"the {language} text ({name}) is missing",
                                     f"add `{name}:` with the {language} {'original' if name == 'es' else 'translation'}")
            else:
                about = (schema.get("properties", {}).get(name) or {}).get("description", "")
                yield source.problem(path + (name,), f"required field '{name}' is missing",
                                     f"add `{name}:`" + (f" ({_first_sentence(about)})" if about else ""))
        return
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for name in sorted(set(value) - set(allowed)):
            close = difflib.get_close_matches(name, allowed, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed fields here: {', '.join(allowed)}"
            yield source.problem(path + (name,), f"unknown field {show(name)}", f"remove it or fix its name; {hint}", key=True)
        return
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        want = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        described = _describe(value, source, path)
        if value is None:
            yield source.problem(path, f"is empty, but must be {want}", "write the value, or remove the field if it is optional")
        elif "string" in expected and (isinstance(value, (int, float, bool))):
            raw = source.raw.get(path, value)
            yield source.problem(path, f"must be text, but YAML reads it as {described}", f"put it in quotes: \"{cut(raw)}\"")
        else:
            yield source.problem(path, f"must be {want}, not {described}", _type_fix(expected))
        return
    if kind == "minLength" or (kind == "pattern" and error.validator_value == "\\S"):
        yield source.problem(path, "is empty", "write the text, or remove the field if it is optional")
        return
    if kind == "pattern":
        hint = schema.get("x-hint") or f"it must match {error.validator_value}"
        yield source.problem(path, f"{show(value)} is not in the expected form", hint)
        return
    if kind == "format":
        if error.validator_value == "partial-date":
            yield source.problem(path, f"{show(value)} is not a real date", "check the day and month; write \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\"")
        else:
            yield source.problem(path, f"{show(value)} is not a well-formed https address", "copy the full address from the publisher's page")
        return
    if kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        close = difflib.get_close_matches(str(value), [str(v) for v in error.validator_value], n=1)
        yield source.problem(path, f"{_describe(value, source, path)} is not allowed here", f"use one of: {options}" + (f" (did you mean '{close[0]}'?)" if close else ""))
        return
    if kind == "anyOf" and schema.get("x-kind") == "provenance":
        yield source.problem(path, "has no provenance", "add `letter:` with paragraph ids (e.g. [p9]) and/or `sources:` with source ids from data/sources.yaml")
        return
    if kind == "oneOf" and schema.get("x-kind") == "url-or-file":
        has = [k for k in ("url", "file") if isinstance(value, dict) and k in value]
        if has:
            yield source.problem(path, "has both `url` and `file`", "keep `url`; `file` is only for the letter, kept in this repository")
        else:
            yield source.problem(path, "has neither `url` nor `file`", "add `url:` with the publisher's https:// address")
        return
    if kind == "dependentRequired":
        for field, needs in error.validator_value.items():
            if isinstance(value, dict) and field in value:
                for name in needs:
                    if name not in value:
                        yield source.problem(path + (field,), f"'{field}' needs '{name}'", f"add `{name}:` citing where the {field} comes from")
        return
    if kind == "minItems":
        yield source.problem(path, "is an empty list", "add at least one entry, or remove the field if it is optional")
        return
    if kind == "uniqueItems":
        yield source.problem(path, "lists the same entry twice", "remove the repeated entry")
        return
    if kind == "minimum":
        yield source.problem(path, f"{cut(value)} is too small", f"use a number of at least {error.validator_value}")
        return
    if kind == "maxLength":
        yield source.problem(path, "is too long", f"use at most {error.validator_value} characters")
        return
    yield source.problem(path, cut(error.message, 200), "see the field's description in data/schema/")


def _type_fix(expected) -> str:
    if "object" in expected:
        return "write it as indented `field: value` lines"
    if "array" in expected:
        return "write it as a list: `[a, b]` or lines starting with `- `"
    if "integer" in expected:
        return "write a whole number without quotes"
    if "boolean" in expected:
        return "write true or false without quotes"
    return "write it as text"


def _first_sentence(text: str) -> str:
    """Up to the first full stop that ends a sentence (not the one in 'e.g.' or 'i.e.')."""
    return re.split(r"(?<!\be\.g)(?<!\bi\.e)\.\s", text, maxsplit=1)[0].rstrip(".")
