"""Check a data file against its JSON Schema and say what is wrong in a contributor's words.

jsonschema finds the problems; here they are worded in a contributor's words.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from ..errors import ProjectFileError
from ..languages import IN_ENGLISH, ORIGINAL
from ..load.strict_yaml import Source
from ..paths import SCHEMAS, display
from ..problems import cut, show
from . import schema_files
from .formats import CHECKS
from .schema_files import RESTORE, inlined


@cache
def _format_checker():
    """jsonschema's FormatChecker with our formats (formats.py) and no other."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    for name, check in CHECKS.items():
        checker.checks(name, raises=ValueError)(check)
    return checker


@cache
def validator(schema_name: str):
    from jsonschema import Draft202012Validator

    return Draft202012Validator(
        inlined(schema_name), registry=schema_files.registry(), format_checker=_format_checker()
    )


def forget() -> None:
    """Read the schemas again on the next check (the preview calls this before a rebuild)."""
    schema_files.forget()
    validator.cache_clear()


def check(source: Source, schema_name: str) -> list:
    from referencing.exceptions import Unresolvable

    problems = []
    try:
        for error in validator(schema_name).iter_errors(source.data):
            problems.extend(_explain(error, source))
    except Unresolvable as err:
        name = display(SCHEMAS / schema_name)
        raise ProjectFileError(
            f"refers to a definition that does not exist ({cut(err)})", RESTORE.format(name=name), name
        ) from None
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


_TYPE_WORDS = {
    "string": "text",
    "object": "a mapping of fields",
    "array": "a list",
    "integer": "a whole number",
    "boolean": "true or false",
}


def _explain(error, source: Source):
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    value = error.instance

    if kind == "required":
        missing = [name for name in error.validator_value if not (isinstance(value, dict) and name in value)]
        for name in missing:  # named by its own path, reported where its record starts
            if schema.get("x-kind") == "translation":
                language = IN_ENGLISH.get(name, name)
                yield source.problem(
                    path + (name,),
                    f"the {language} text ({name}) is missing",
                    f"add `{name}:` with the {language} {'original' if name == ORIGINAL else 'translation'}",
                )
            else:
                about = (schema.get("properties", {}).get(name) or {}).get("description", "")
                yield source.problem(
                    path + (name,),
                    f"required field '{name}' is missing",
                    f"add `{name}:`" + (f" ({_first_sentence(about)})" if about else ""),
                )
        return
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for name in sorted(set(value) - set(allowed)):
            close = difflib.get_close_matches(name, allowed, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed fields here: {', '.join(allowed)}"
            yield source.problem(
                path + (name,), f"unknown field {show(name)}", f"remove it or fix its name; {hint}", key=True
            )
        return
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        want = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        described = _describe(value, source, path)
        if value is None:
            yield source.problem(
                path, f"is empty, but must be {want}", "write the value, or remove the field if it is optional"
            )
        elif "string" in expected and (isinstance(value, (int, float, bool))):
            raw = source.raw.get(path, value)
            yield source.problem(
                path, f"must be text, but YAML reads it as {described}", f'put it in quotes: "{cut(raw)}"'
            )
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
            yield source.problem(
                path,
                f"{show(value)} is not a real date",
                'check the day and month; write "YYYY-MM-DD", "YYYY-MM" or "YYYY"',
            )
        else:
            yield source.problem(
                path,
                f"{show(value)} is not a well-formed https address",
                "copy the full address from the publisher's page",
            )
        return
    if kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        close = difflib.get_close_matches(str(value), [str(v) for v in error.validator_value], n=1)
        yield source.problem(
            path,
            f"{_describe(value, source, path)} is not allowed here",
            f"use one of: {options}" + (f" (did you mean '{close[0]}'?)" if close else ""),
        )
        return
    if kind == "anyOf" and schema.get("x-kind") == "provenance":
        yield source.problem(
            path,
            "has no provenance",
            "add `letter:` with paragraph ids (e.g. [p9]) and/or `sources:` with source ids from data/sources.yaml",
        )
        return
    if kind == "oneOf" and schema.get("x-kind") == "url-or-file":
        has = [k for k in ("url", "file") if isinstance(value, dict) and k in value]
        if has:
            yield source.problem(
                path, "has both `url` and `file`", "keep `url`; `file` is only for the letter, kept in this repository"
            )
        else:
            yield source.problem(
                path, "has neither `url` nor `file`", "add `url:` with the publisher's https:// address"
            )
        return
    if kind == "dependentRequired":
        for field, needs in error.validator_value.items():
            if isinstance(value, dict) and field in value:
                for name in needs:
                    if name not in value:
                        yield source.problem(
                            path + (field,),
                            f"'{field}' needs '{name}'",
                            f"add `{name}:` citing where the {field} comes from",
                        )
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
