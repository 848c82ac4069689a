"""Rules that cross records and files, as a list of named checks.

Each rule takes the Dataset and returns its problems. They run even when a file failed its
schema, so every value is looked at defensively. `RULES` at the bottom is the checklist.
"""

from __future__ import annotations

import re

from ..anchors import RESERVED_PREFIXES, reserved
from ..languages import LANGS, ORIGINAL
from ..load.records import records as _records_of
from ..load.records import strings as _strings
from ..problems import WARNING, Problem, show
from ..text import normalise_space
from . import letter_rules, source_rules
from .glossary_rules import glossary_forms_are_unique
from .text_rules import invisible_characters
from .timeline_rules import timeline_is_in_order
from .url_rules import files_exist_inside, safe_addresses


def _records(source, key):
    return _records_of(source.data if source is not None else None, key)


def run(dataset, stopped_ok: bool = True) -> list:
    """Every rule's problems. A rule that raises on malformed data it did not foresee is reported
    once (when nothing else explains it), never as a traceback."""
    problems = []
    for name, rule in RULES:
        try:
            problems += rule(dataset)
        except Exception as err:  # noqa: BLE001 - the contributor sees a message, the bug gets a name
            if stopped_ok:
                problems.append(
                    Problem(
                        "data/",
                        1,
                        1,
                        "",
                        f"the cross-file rule '{name}' stopped ({type(err).__name__}: {err})",
                        "this is a bug in scripts/casefile/validate/rules.py; please report it with your change",
                    )
                )
    return problems


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
    letter_ids = _letter_ids(dataset.files.get("letter"))
    if letter_ids is None:
        return []
    problems = []
    for source in dataset.files.values():
        if source is None:
            continue
        for path, record in source.mappings:
            for index, ref in enumerate(_strings(record.get("letter"))):
                if ref not in letter_ids:
                    problems.append(
                        source.problem(
                            path + ("letter", index),
                            f"refers to {show(ref)}, which is not a paragraph or footnote of the letter",
                            f"use one of {_range(letter_ids)}",
                        )
                    )
    return problems


def _source_ids(dataset) -> set:
    return {r["id"] for _, r in _records(dataset.files.get("sources"), "sources") if isinstance(r.get("id"), str)}


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
        for index, record in _records(src, "sources")
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


def _letter_ids(letter):
    if letter is None or not isinstance(letter.data, dict):
        return None
    records = _records(letter, "paragraphs") + _records(letter, "footnotes")
    return {r["id"] for _, r in records if isinstance(r.get("id"), str)}


def letter_is_consistent(dataset) -> list:
    letter = dataset.files.get("letter")
    if letter is None or not isinstance(letter.data, dict):
        return []
    problems = []
    texts = {}
    for index, paragraph in _records(letter, "paragraphs"):
        number = paragraph.get("number")
        if isinstance(number, int) and number != index + 1:
            problems.append(
                letter.problem(
                    ("paragraphs", index, "number"),
                    f"is {number}, but this is paragraph {index + 1}",
                    "keep the paragraphs in the letter's order, numbered from 1",
                )
            )
        if isinstance(number, int) and isinstance(paragraph.get("id"), str) and paragraph["id"] != f"p{number}":
            problems.append(
                letter.problem(
                    ("paragraphs", index, "id"),
                    f"{show(paragraph['id'])} does not match number {number}",
                    f"use id p{number}",
                )
            )
        if isinstance(paragraph.get("id"), str):
            texts[paragraph["id"]] = paragraph
    for index, note in _records(letter, "footnotes"):
        number, target = note.get("number"), note.get("paragraph")
        if isinstance(number, int) and isinstance(note.get("id"), str) and note["id"] != f"fn{number}":
            problems.append(
                letter.problem(
                    ("footnotes", index, "id"),
                    f"{show(note['id'])} does not match number {number}",
                    f"use id fn{number}",
                )
            )
        if isinstance(target, str) and target not in texts:
            problems.append(
                letter.problem(
                    ("footnotes", index, "paragraph"),
                    f"paragraph {show(target)} does not exist",
                    "name the id of the paragraph that calls the footnote",
                )
            )
    return problems  # which paragraph calls each mark, in each language: letter_rules.footnotes_are_the_letters


def commitments_are_consistent(dataset) -> list:
    commitments = dataset.files.get("commitments")
    problems = []
    at_stake = []
    for index, item in _records(commitments, "commitments"):
        if item.get("at_stake") is True:
            at_stake.append(index)
        number = item.get("number")
        if isinstance(number, int) and number != index + 1:
            problems.append(
                commitments.problem(
                    ("commitments", index, "number"),
                    f"is {number}, but this is commitment {index + 1}",
                    "keep the commitments in the plan's order, numbered from 1",
                )
            )
        own = item.get("own_translation") if isinstance(item.get("own_translation"), list) else []
        titles = item.get("title_sources")
        if isinstance(titles, dict):
            for lang in LANGS:
                if isinstance(titles.get(lang), list) and not titles[lang] and lang not in own:
                    problems.append(
                        commitments.problem(
                            ("commitments", index, "title_sources", lang),
                            "no source for this title",
                            f"add the id of the source of the {lang} title, or list {lang} in own_translation if you translated it",
                        )
                    )
    if len(at_stake) > 1:
        for index in at_stake[1:]:
            problems.append(
                commitments.problem(
                    ("commitments", index, "at_stake"),
                    "more than one commitment is marked at_stake",
                    "mark only the commitment the letter is about",
                )
            )
    return problems


def quotations_are_verbatim(dataset) -> list:
    requests, letter = dataset.files.get("requests"), dataset.files.get("letter")
    if requests is None or letter is None or not isinstance(letter.data, dict):
        return []
    body = normalise_space(
        " ".join(p.get(ORIGINAL, "") for _, p in _records(letter, "paragraphs") if isinstance(p.get(ORIGINAL), str))
    )
    problems = []
    for index, item in _records(requests, "requests"):
        quote = item.get("quote")
        text = quote.get(ORIGINAL) if isinstance(quote, dict) else None
        if isinstance(text, str) and text.strip() and normalise_space(text) not in body:
            problems.append(
                requests.problem(
                    ("requests", index, "quote", ORIGINAL),
                    "is not a verbatim quotation of the letter",
                    "copy the words exactly from data/letter.yaml, accents and punctuation included",
                )
            )
    return problems


RULES = (
    ("ids and former ids are unique and not reserved", unique_ids),
    ("letter references resolve", letter_references_resolve),
    ("source references resolve", source_references_resolve),
    ("the letter is numbered and its notes are called", letter_is_consistent),
    ("commitments are numbered, sourced, one at stake", commitments_are_consistent),
    ("the timeline is in order and placed around the letter", timeline_is_in_order),
    ("quotations of the letter are verbatim", quotations_are_verbatim),
    ("every source is cited", every_source_is_cited),
    *letter_rules.RULES,
    *source_rules.RULES,
    ("a glossary word explains one term", glossary_forms_are_unique),
    ("no invisible characters", invisible_characters),
    ("addresses carry no credentials, IP or mixed-script hosts", safe_addresses),
    ("files kept in the repository exist inside data/", files_exist_inside),
)
