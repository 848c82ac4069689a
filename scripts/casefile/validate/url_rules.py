"""Addresses that can deceive a reader, and `file:` paths that leave the repository.

A link in the case file says who published what. So an address may not carry a user name or
password (`https://user:pass@host/`: it can make the link look like another host's, and it
leaks), may not point at a bare IP address (it hides who publishes the page), and may not mix
scripts in one host name (`pаypal.com` with a Cyrillic `а` imitates another site). A source kept
in this repository (`file:`) must be a regular file inside data/, named without `..`.
"""

from __future__ import annotations

import ipaddress
import os
import re
import stat
import unicodedata
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from ..problems import cut, show
from .text_rules import texts

URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_NUMERIC_LABEL = re.compile(r"[0-9]+|0x[0-9a-f]*", re.IGNORECASE)  # inet_aton reads 127.1 and 0x7f.1 as addresses
# Scripts that one writing system uses together (Japanese, Korean) count as one.
_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "IDEOGRAPHIC": "CJK", "HALFWIDTH": "CJK"}


def _script(char: str) -> str | None:
    """The script of a letter (LATIN, CYRILLIC, GREEK, CJK, ...); None for digits, marks and signs."""
    if not unicodedata.category(char).startswith("L"):
        return None
    word = unicodedata.name(char, "UNKNOWN").split()[0]
    return _SCRIPT_GROUPS.get(word, word)


def _label_text(label: str) -> str:
    if label.lower().startswith("xn--"):
        try:
            return label[4:].encode("ascii").decode("punycode")
        except (UnicodeError, ValueError):
            return label
    return label


def host_problem(url: str):
    """(what is wrong, how to fix it) for one address, or None when it may be shown."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        has_user = parts.username is not None or parts.password is not None
    except ValueError:  # an invalid port or bracket: the schema's address check says so
        return None
    if has_user or "@" in parts.netloc:
        return (
            "carries a user name or password before the host",
            "remove the 'user:password@' part: link to the public page, which needs no login",
        )
    named = (
        "link to the publisher's named address (https://www.example.org/…): a bare address hides who publishes the page"
    )
    try:
        ipaddress.ip_address(host)
        return f"points at the bare IP address {cut(host, 40)}", named
    except ValueError:
        pass
    if host and _NUMERIC_LABEL.fullmatch(host.rstrip(".").rsplit(".", 1)[-1]):
        return f"has a host name that ends in a number ({cut(host, 40)}), which browsers read as an IP address", named
    for label in host.split("."):
        shown = _label_text(label)
        if shown.isascii():
            continue  # ASCII letters are all Latin
        scripts = sorted({s for s in map(_script, shown) if s})
        if len(scripts) > 1:
            names = " and ".join(s.title() for s in scripts)
            return (
                f"has a host name that mixes {names} letters ({show(shown)})",
                "such names imitate other addresses: copy the address from the publisher's own page",
            )
    return None


def safe_addresses(dataset) -> list:
    problems = []
    for source in dataset.files.values():
        if source is None or not any(host_problem(url) for url in URL.findall("\n".join(source.texts))):
            continue  # no address in this file needs a word: no need to walk it with paths
        for path, text, is_key in texts(source.data):
            if is_key:
                continue
            for url in URL.findall(text):
                found = host_problem(url)
                if found is not None:
                    what, fix = found
                    problems.append(source.problem(path, f"{show(url)} {what}", fix))
    return problems


def _inside(path: str):
    """Why a `file:` path leaves the repository, or None."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or "\\" in path or re.match(r"[A-Za-z]:", path):
        return "is not a path inside the repository"
    if any(part in ("..", ".") for part in path.split("/")) or "//" in path:
        return "leaves the folder it names (it contains '..', '.' or '//')"
    return None


def files_exist_inside(dataset) -> list:
    """`file:` of a source: a regular file inside data/ (`data/x` is x in the folder being checked)."""
    source = dataset.files.get("sources")
    if source is None or not isinstance(source.data, dict) or not isinstance(source.data.get("sources"), list):
        return []
    folder = Path(dataset.directory)
    fix = "give the path of a file kept in data/, e.g. data/carta-nosc-2023-01-16.txt"
    problems = []
    for index, record in enumerate(source.data["sources"]):
        value = record.get("file") if isinstance(record, dict) else None
        if not isinstance(value, str) or not value.startswith("data/"):
            continue  # not text, or outside data/: the schema says so
        where = ("sources", index, "file")
        leaves = _inside(value)
        if leaves:
            problems.append(source.problem(where, f"{show(value)} {leaves}", fix))
            continue
        target = folder / value.removeprefix("data/")
        try:
            mode = os.lstat(target).st_mode
        except OSError:
            problems.append(
                source.problem(where, f"{show(value)} does not exist", "add the file to data/, or fix the path")
            )
            continue
        inside = target.resolve().is_relative_to(folder.resolve())
        if stat.S_ISLNK(mode) or not stat.S_ISREG(mode) or not inside:
            problems.append(
                source.problem(
                    where, f"{show(value)} is a symbolic link or not a regular file", "replace it with the file itself"
                )
            )
    return problems
