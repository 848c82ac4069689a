"""The rules about ids and references: ids unique and not reserved, every reference to the
letter and to a source resolved, every source cited. Listed in rules.py `RULES`."""

from __future__ import annotations

import re

from ..anchors import RESERVED_PREFIXES, reserved
from ..load.records import records as _records_of
from ..load.records import strings as _strings
from ..problems import WARNING, show


def file_records(source, key):
    """(index, record) of the list `key` of a data file, which may be missing or malformed."""
    return _records_of(source.data if source is not None else None, key)


# -- references ------------------------------------------------------------------------------------


def unique_ids(dataset) -> list:
    """Ids and former ids (a renamed record's old ids, which keep their anchors and share links)
    are one namespace: each may appear once across data/, and none may be reserved. Current ids
    are registered first, so a clash with a former id is reported at the former id."""
    problems, seen = [], {}
    names = []  # (source, where, what, name): every current id, then every former id
    for kind in ("id", "former id"):
        for source in dataset.files.values():
            if source is None:
                continue
            for path, record in source.mappings:
                if not isinstance(record.get("id"), str):
                    continue
                if kind == "id":
                    names.append((source, path + ("id",), kind, record["id"]))
                elif isinstance(record.get("former_ids"), list):
                    names += [
                        (source, path + ("former_ids", i), kind, old)
                        for i, old in enumerate(record["former_ids"])
                        if isinstance(old, str)
                    ]
    for source, where, what, name in names:
        if name in seen:
            other, other_path = seen[name]
            line, _ = other.mark(other_path)
            fix = (
                "ids must be unique across data/ because they are URL anchors; choose another"
                if what == "id"
                else "ids and former ids share one namespace (anchors and share links); remove it from former_ids"
            )
            problems.append(source.problem(where, f"{what} {show(name)} is already used at {other.name}:{line}", fix))
        elif name in reserved() or name.startswith(RESERVED_PREFIXES):
            problems.append(
                source.problem(
                    where,
                    f"{what} {show(name)} is reserved for an anchor the site makes itself",
                    "choose another id" if what == "id" else "remove it from former_ids",
                )
            )
        else:
            seen[name] = (source, where)
    return problems


def letter_references_resolve(dataset) -> list:
    known = letter_ids(dataset.files.get("letter"))
    if known is None:
        return []
    problems = []
    for source in dataset.files.values():
        if source is None:
            continue
        for path, record in source.mappings:
            for index, ref in enumerate(_strings(record.get("letter"))):
                if ref not in known:
                    problems.append(
                        source.problem(
                            path + ("letter", index),
                            f"refers to {show(ref)}, which is not a paragraph or footnote of the letter",
                            f"use one of {_range(known)}",
                        )
                    )
    return problems


def _source_ids(dataset) -> set:
    return {r["id"] for _, r in file_records(dataset.files.get("sources"), "sources") if isinstance(r.get("id"), str)}


def source_references_resolve(dataset) -> list:
    known = _source_ids(dataset)
    if not known:
        return []
    problems = []
    for c in dataset.citations:
        if not c.via_letter and c.source not in known:
            problems.append(
                dataset.files[c.stem].problem(
                    c.path,
                    f"refers to source {show(c.source)}, which is not in data/sources.yaml",
                    "add the source to data/sources.yaml or fix the id",
                )
            )
    letter = dataset.files.get("letter")
    own = letter.data.get("source") if letter is not None and isinstance(letter.data, dict) else None
    if isinstance(own, str) and own not in known:
        problems.append(
            letter.problem(
                ("source",),
                f"refers to source {show(own)}, which is not in data/sources.yaml",
                "register the letter in data/sources.yaml with kind: letter",
            )
        )
    return problems


def every_source_is_cited(dataset) -> list:
    if any(source is None for source in dataset.files.values()):
        return []  # a file that could not be read cites nothing; "not cited" would be noise
    src = dataset.files.get("sources")
    cited = dataset.cited_source_ids
    return [
        src.problem(
            ("sources", index, "id"),
            f"source {show(record['id'])} is not cited by any record",
            "cite it where it supports a fact, or remove it",
            severity=WARNING,
        )
        for index, record in file_records(src, "sources")
        if isinstance(record.get("id"), str) and record["id"] not in cited
    ]


def _range(ids) -> str:
    paragraphs = sorted((i for i in ids if re.fullmatch(r"p[0-9]+", i)), key=lambda i: int(i[1:]))
    notes = sorted((i for i in ids if re.fullmatch(r"fn[0-9]+", i)), key=lambda i: int(i[2:]))
    parts = []
    for group in (paragraphs, notes):
        if group:
            parts.append(f"{group[0]}…{group[-1]}" if len(group) > 1 else group[0])
    return " and ".join(parts) or "the ids of data/letter.yaml"


def letter_ids(letter):
    if letter is None or not isinstance(letter.data, dict):
        return None
    records = file_records(letter, "paragraphs") + file_records(letter, "footnotes")
    return {r["id"] for _, r in records if isinstance(r.get("id"), str)}
