"""Remember which schema files passed the metaschema check, so an unchanged one is not checked again.

Checking each file of data/schema/ against JSON Schema's own metaschema
(`Draft202012Validator.check_schema`) is most of what reading the schemas costs, and for the
same bytes checked by the same jsonschema the answer is always the same. So the SHA-256 of every
schema file that passed is kept in build/cache/metaschema.json, with a description of the
checker (the installed jsonschema, referencing and metaschema files, and the optional format
libraries present). A schema whose bytes are not listed (a new one, an edited one, any schema
after an upgrade) is checked as before, and a broken one gets the same message as before: only
a pass is remembered, never a failure, and never anything about the data files.

The file is a shortcut, nothing more: missing, unreadable, corrupt, not a regular file, or in a
checkout where build/ cannot be written, it is ignored and every schema is checked.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys

from .. import inputs
from ..paths import BUILD

CACHE_FILE = BUILD / "cache" / "metaschema.json"
MAX_BYTES = 100_000


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


# The libraries whose code and metaschemas decide a metaschema check, and the optional ones that
# add format checks to it (jsonschema uses each one that is installed).
LIBRARIES = ("jsonschema", "referencing", "jsonschema_specifications", "rpds")
FORMAT_LIBRARIES = ("fqdn", "idna", "isoduration", "jsonpointer", "rfc3339_validator", "rfc3986_validator",
                    "rfc3987", "rfc3987_syntax", "uri_template", "webcolors")


def checker() -> str:
    """What a metaschema check's answer depends on besides the schema, found without importing
    jsonschema: the Python version, the size and modification time of the files of the
    libraries' installed packages (an install or upgrade rewrites them) and which of the
    optional format libraries are installed."""
    parts = [sys.version]
    for name in LIBRARIES:
        parts.append(f"{name}: {_files(name)}")
    parts.append("formats: " + ",".join(name for name in FORMAT_LIBRARIES if _find(name) is not None))
    return digest("\n".join(parts).encode("utf-8"))


def _find(name: str):
    try:
        return importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None


def _files(name: str) -> str:
    """'file:size:mtime;…' for the files at the top of an installed package's folder."""
    spec = _find(name)
    if spec is None or not spec.origin:
        return "-"
    found = []
    for folder in spec.submodule_search_locations or [os.path.dirname(spec.origin)]:
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_file():
                        info = entry.stat()
                        found.append(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            found.append("?")
    return ";".join(sorted(found))


class Passed:
    """The schema files known to pass, read once; `remember` the ones that pass now, then `save`."""

    def __init__(self, path=None):
        self.path = path or CACHE_FILE
        self.checker = checker()
        self.known = self._read()
        self.now: dict[str, str] = {}

    def _read(self) -> set:
        try:
            saved = json.loads(inputs.read_bytes(self.path, MAX_BYTES).decode("utf-8"))
        except (inputs.Refused, OSError, UnicodeDecodeError, ValueError, RecursionError):
            return set()
        if not isinstance(saved, dict) or saved.get("checker") != self.checker or not isinstance(saved.get("passed"), dict):
            return set()
        return {value for value in saved["passed"].values() if isinstance(value, str)}

    def __contains__(self, sha256: str) -> bool:
        return sha256 in self.known

    def remember(self, name: str, sha256: str) -> None:
        self.now[name] = sha256

    def save(self) -> None:
        """Write what passed this time, if it differs from what was read; silently not at all
        where build/cache/ cannot be written."""
        if set(self.now.values()) == self.known:
            return
        text = json.dumps({"checker": self.checker, "passed": dict(sorted(self.now.items()))}, indent=1) + "\n"
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
            with open(os.open(partial, flags, 0o644), "w", encoding="utf-8") as file:
                file.write(text)
            os.replace(partial, self.path)  # whole or not at all, also with checks running side by side
        except OSError:
            try:
                os.unlink(partial)
            except OSError:
                pass
