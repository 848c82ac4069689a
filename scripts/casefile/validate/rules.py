"""Rules that cross records and files, as a list of named checks.

Each rule takes the Dataset and returns its problems. They run even when a file failed its
schema, so every value is looked at defensively. `RULES` at the bottom is the checklist.
"""

from __future__ import annotations

from ..languages import LANGS, ORIGINAL
from ..problems import Problem, show
from ..text import normalise_space
from . import letter_rules, source_rules
from .glossary_rules import glossary_forms_are_unique
from .reference_rules import (
    every_source_is_cited,
    letter_references_resolve,
    source_references_resolve,
    unique_ids,
)
from .reference_rules import file_records as _records
from .text_rules import invisible_characters
from .timeline_rules import timeline_is_in_order
from .url_rules import files_exist_inside, safe_addresses


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
