"""The shapes a setting of mkdocs.yml may take, and a walker that refuses anything else at its line.

A shape is a mapping (its allowed keys, each with its shape), a one-item list (every entry has that
shape), OWNED (a key the build sets itself) or a function `rule(checker, path, value)`. Text never
holds markup, because MkDocs' templates print settings without escaping them; a file is named by its
path in docs/assets/, because MkDocs reads a path wherever it points.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .. import inputs
from ..load.source import Source
from ..paths import DOCS, display
from ..problems import Problem, format_path, show

ASK = "ask a maintainer to add it to the allowlist in scripts/casefile/validate/config_rules.py"
MARKUP = "<>\"'&`"
OWNED = "set by the build"  # a key engine/mkdocs_config.py writes for each language

_ASSET = re.compile(r"assets(/[A-Za-z0-9_][A-Za-z0-9._-]*)+\Z")  # no segment starts with '.': no '..'
_REMOTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|//")


def docs_file(entry, example: str = "assets/stylesheets/casefile.css") -> Path:
    """The file of docs/assets/ that a setting names by its path from docs/; inputs.Refused when
    it names anything else: another site, a path outside docs/assets/, a link or a special file."""
    how = f"give the path of a file in docs/assets/ from docs/, e.g. {example}"
    if not isinstance(entry, str):
        raise inputs.Refused(f"{show(entry)} is not a path", how)
    if _REMOTE.match(entry):
        raise inputs.Refused(
            f"{show(entry)} is on another site; the site loads nothing from elsewhere",
            f"copy the file into docs/assets/ and {how}",
        )
    if not _ASSET.match(entry):
        raise inputs.Refused(f"{show(entry)} is not a path inside docs/assets/", f"{how} (no leading /, no ..)")
    path = DOCS / entry
    try:
        refused = inputs.refusal(path, os.lstat(path))
    except FileNotFoundError:
        raise inputs.Refused(f"{display(path)} does not exist", "add the file, or correct the path") from None
    if refused is None and DOCS.resolve() not in path.resolve().parents:  # a folder on the way is a link
        refused = inputs.Refused("is not inside docs/", how)
    if refused is not None:
        raise inputs.Refused(f"{display(path)} {refused.what}", refused.fix)
    return path


class Checker:
    """Walks the settings as PyYAML read them (what the build would use), placing each problem
    by the positions of `source`, the same text read by the strict loader."""

    def __init__(self, source: Source):
        self.source, self.problems = source, []

    def bad(self, path, message: str, fix: str, key: bool = False) -> None:
        self.problems.append(self.source.problem(path, message, fix, key=key))

    def walk(self, shape, path, value) -> None:
        if isinstance(shape, dict):
            if not isinstance(value, dict):
                self.bad(path, "must be a mapping of settings", "see the repository's mkdocs.yml for its shape")
                return
            for key, item in value.items():
                self.key(shape, path, key, item)
        elif isinstance(shape, list):
            if not isinstance(value, list):
                self.bad(path, "must be a list", "write one entry per line, each starting with '- '")
                return
            for index, item in enumerate(value):
                self.walk(shape[0], path + (index,), item)
        else:
            shape(self, path, value)

    def key(self, shape: dict, path, key, value) -> None:
        if shape.get(key) is OWNED:
            self.bad(
                path + (key,),
                "is set by the build for each language (scripts/casefile/engine/mkdocs_config.py)",
                "remove it from mkdocs.yml",
                key=True,
            )
        elif key in shape:
            self.walk(shape[key], path + (key,), value)
        else:  # named by the mapping, placed at the key
            line, col = self.source.mark(path + (key,), key=True)
            allowed = ", ".join(k for k, v in shape.items() if v is not OWNED)
            self.problems.append(
                Problem(
                    self.source.name,
                    line,
                    col,
                    format_path(path),
                    f"unknown setting {show(key)}: the build takes only {allowed} here",
                    f"remove it, or {ASK}",
                )
            )


def text(checker: Checker, path, value, limit: int = 200) -> None:
    """One line of plain text: MkDocs' templates would print markup in it as markup."""
    if not isinstance(value, str):
        checker.bad(path, f"{show(value)} must be text", "write it as text, in quotes")
    elif not value.isprintable():
        checker.bad(path, f"{show(value)} contains a line break or an invisible character", "remove it")
    elif len(value) > limit:
        checker.bad(path, f"is {len(value):,} characters long, more than {limit}", "shorten it")
    elif any(char in MARKUP for char in value):
        char = next(char for char in value if char in MARKUP)
        checker.bad(
            path,
            f"{show(value)} contains {char}, which the theme's templates would write into the pages as markup",
            "write plain text, without < > \" ' & or `",
        )


def boolean(checker: Checker, path, value) -> None:
    if not isinstance(value, bool):
        checker.bad(path, f"{show(value)} must be true or false", "write true or false")


def pattern(regex: str, what: str, example: str):
    """Text that matches `regex` as a whole: a name, an address."""
    compiled = re.compile(regex + r"\Z")

    def rule(checker: Checker, path, value) -> None:
        if not isinstance(value, str) or not compiled.match(value):
            checker.bad(path, f"{show(value)} is not {what}", f"write {what}, e.g. {example}")

    return rule


def asset(suffixes: tuple, example: str):
    """A file of docs/assets/ (docs_file) whose name ends with one of `suffixes`."""

    def rule(checker: Checker, path, value) -> None:
        try:
            docs_file(value, example)
        except inputs.Refused as refused:
            checker.bad(path, refused.what, refused.fix)
            return
        if not value.endswith(suffixes):
            checker.bad(path, f"{show(value)} does not end with {' or '.join(suffixes)}", f"list a file like {example}")

    return rule


def each(shape):
    """A mapping of names (plain words) to values of one shape."""
    name = pattern(r"[A-Za-z0-9_-]+", "a name", "edit")

    def rule(checker: Checker, path, value) -> None:
        if not isinstance(value, dict):
            checker.bad(path, "must be a mapping", "see the repository's mkdocs.yml for its shape")
            return
        for key, item in value.items():
            name(checker, path + (key,), key)
            checker.walk(shape, path + (key,), item)

    return rule
