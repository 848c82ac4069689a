"""Rules that tie the data to the letter as received (data/carta-nosc-2023-01-16.txt).

The text file is the primary source. data/letter.yaml must give its header, paragraphs and
footnotes word for word (Spanish), data/signatories.yaml its signatories in its order (that rule
is in signatory_rules.py), and each request in data/requests.yaml must quote the paragraph it
cites (that rule is in quotation_rules.py). Every problem names the line of the data to fix and the line
of the letter that says otherwise. `RULES` at the bottom is appended to `rules.RULES`.
"""

from __future__ import annotations

import re

from ..languages import LANGS, ORIGINAL
from ..load import letter_text
from ..load.records import records
from ..problems import Problem, format_path, show
from .quotation_rules import quotations_are_the_cited_paragraphs
from .signatory_rules import signatories_are_the_letters
from .wording import describe, first_difference, word_mark

_MONTHS = tuple("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split())
_VERBATIM = "copy the letter's words exactly, accents and punctuation included; a typo of the letter stays as it is"


def _said(dataset, source) -> set:
    """Where the loader already found something wrong with a value (an unquoted date, say)."""
    return {(p.line, p.col) for p in dataset.problems if p.file == source.name}


def _received(dataset):
    return letter_text.read(letter_text.letter_path(dataset.directory))


def _letter(dataset):
    letter = dataset.files.get("letter")
    return letter if letter is not None and isinstance(letter.data, dict) else None


def _text_problem(dataset, source, path, ours: str, theirs, what: str, received) -> list:
    """The problem when the text at `path` is not the letter's `theirs` (Words), reported at the first differing word."""
    diff = first_difference(ours.split(), [word for word, _ in theirs.words])
    if diff is None or source.mark(path) in _said(dataset, source):
        return []  # equal, or the loader already explained this value (e.g. an unquoted date)
    line = theirs.words[min(diff.theirs_index, len(theirs.words) - 1)][1] if theirs.words else theirs.line
    at = word_mark(source, path, diff.index)
    return [
        Problem(
            source.name,
            at[0],
            at[1],
            format_path(path),
            f"differs from {what} ({received.where(line)}): {describe(diff)}",
            _VERBATIM,
        )
    ]


# -- the header and the closing ------------------------------------------------------------------


def header_is_the_letters(dataset) -> list:
    letter, received = _letter(dataset), _received(dataset)
    if letter is None or received.problem:
        return []
    problems = []
    lines = {
        "place_date": received.header[0] if received.header else None,
        "addressee": received.header[1] if len(received.header) > 1 else None,
        "closing": received.closing,
        "sender": received.sender,
    }
    names = {
        "place_date": "the place and date line",
        "addressee": "the addressee line",
        "closing": "the closing line",
        "sender": "the sender line",
    }
    for field, theirs in lines.items():
        value = letter.data.get(field)
        ours = value.get(ORIGINAL) if isinstance(value, dict) else None
        if isinstance(ours, str) and theirs is not None:
            problems += _text_problem(
                dataset, letter, (field, ORIGINAL), ours, theirs, f"{names[field]} of the letter", received
            )
    date, place_date = letter.data.get("date"), lines["place_date"]
    match = re.search(r"(\d{1,2}) de (\w+) de (\d{4})", place_date.text) if place_date is not None else None
    if isinstance(date, str) and match and match[2].lower() in _MONTHS:
        written = f"{int(match[3]):04d}-{_MONTHS.index(match[2].lower()) + 1:02d}-{int(match[1]):02d}"
        if date != written:
            problems.append(
                letter.problem(
                    ("date",),
                    f"is {show(date)}, but the letter is dated {show(match[0])} ({received.where(place_date.line)})",
                    f'use date: "{written}"',
                )
            )
    return problems


# -- the body --------------------------------------------------------------------------------------


def paragraphs_are_the_letters(dataset) -> list:
    letter, received = _letter(dataset), _received(dataset)
    if letter is None:
        return []
    if received.problem:
        return [
            Problem(
                received.name,
                1,
                1,
                "",
                f"the letter as received {received.problem}",
                "restore data/carta-nosc-2023-01-16.txt from the repository; the letter's data is checked against it",
            )
        ]
    problems = []
    ours = records(letter.data, "paragraphs")
    for index, paragraph in ours:
        if index >= len(received.paragraphs):
            problems.append(
                letter.problem(
                    ("paragraphs", index),
                    f"is not in the letter, whose body has {len(received.paragraphs)} paragraphs",
                    "remove it, or join it to the paragraph it belongs to",
                )
            )
            continue
        text = paragraph.get(ORIGINAL)
        if isinstance(text, str):
            problems += _text_problem(
                dataset,
                letter,
                ("paragraphs", index, ORIGINAL),
                text,
                received.paragraphs[index],
                f"paragraph {index + 1} of the letter",
                received,
            )
    for number in range(len(ours) + 1, len(received.paragraphs) + 1):
        theirs = received.paragraphs[number - 1]
        problems.append(
            letter.problem(
                ("paragraphs",),
                f"paragraph {number} of the letter ({received.where(theirs.line)}) is missing: {show(theirs.text)}",
                f"add it as `- id: p{number}` with `number: {number}`, `es:` (verbatim) and `en:`",
                key=True,
            )
        )
    return problems


def footnotes_are_the_letters(dataset) -> list:
    letter, received = _letter(dataset), _received(dataset)
    if letter is None or received.problem:
        return []
    problems, seen = [], set()
    callers = {
        mark: [i + 1 for i, p in enumerate(received.paragraphs) if mark in p.text] for mark in received.footnotes
    }
    paragraphs = {p["id"]: p for _, p in records(letter.data, "paragraphs") if isinstance(p.get("id"), str)}
    for index, note in records(letter.data, "footnotes"):
        mark = note.get("mark")
        if not isinstance(mark, str):
            continue
        seen.add(mark)
        theirs = received.footnotes.get(mark)
        if theirs is None:
            problems.append(
                letter.problem(
                    ("footnotes", index, "mark"),
                    f"the letter has no footnote {mark}",
                    f"use one of the letter's marks: {' '.join(received.footnotes) or '(none)'}",
                )
            )
            continue
        if isinstance(note.get(ORIGINAL), str):
            problems += _text_problem(
                dataset,
                letter,
                ("footnotes", index, ORIGINAL),
                note[ORIGINAL],
                theirs,
                f"footnote {mark} of the letter",
                received,
            )
        target, called = note.get("paragraph"), callers[mark]
        if not isinstance(target, str) or target not in paragraphs:
            continue  # rules.letter_is_consistent: the paragraph does not exist
        if len(called) == 1 and target != f"p{called[0]}":
            where = received.where(received.paragraphs[called[0] - 1].line)
            problems.append(
                letter.problem(
                    ("footnotes", index, "paragraph"),
                    f"is {show(target)}, but the letter calls footnote {mark} in paragraph {called[0]} ({where})",
                    f"use paragraph: p{called[0]}",
                )
            )
            continue
        for lang in LANGS:
            text = paragraphs[target].get(lang)
            if isinstance(text, str) and mark not in text:
                problems.append(
                    letter.problem(
                        ("footnotes", index, "mark"),
                        f"mark {mark} does not appear in the {lang} text of {target}",
                        f"put {mark} in {target}.{lang} where the letter calls the footnote",
                    )
                )
    listed = [
        (index, note["mark"])
        for index, note in records(letter.data, "footnotes")
        if note.get("mark") in received.footnotes
    ]
    in_order = sorted((mark for _, mark in listed), key=list(received.footnotes).index)
    for (index, mark), expected in zip(listed, in_order, strict=True):
        if mark != expected:
            problems.append(
                letter.problem(
                    ("footnotes", index),
                    f"footnote {mark} stands where the letter has footnote {expected}",
                    "keep the footnotes in the letter's order",
                )
            )
            break
    for mark, theirs in received.footnotes.items():
        if mark not in seen:
            problems.append(
                letter.problem(
                    ("footnotes",),
                    f"footnote {mark} of the letter ({received.where(theirs.line)}) is missing: {show(theirs.text)}",
                    f'add it with `mark: "{mark}"`, the paragraph that calls it, `es:` (verbatim) and `en:`',
                    key=True,
                )
            )
    return problems


RULES = (
    ("the letter's header and closing are the letter's lines", header_is_the_letters),
    ("the letter's paragraphs are the letter's, word for word", paragraphs_are_the_letters),
    ("the letter's footnotes are the letter's, word for word", footnotes_are_the_letters),
    ("the signatories are the letter's, in its order", signatories_are_the_letters),
    ("each request quotes the paragraphs it cites, in one translation", quotations_are_the_cited_paragraphs),
)
