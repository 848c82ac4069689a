"""The timeline's rules: events in date order, each placed before, at or after the letter's date."""

from __future__ import annotations

import re

from ..load.records import records


def _records(source, key):
    return records(source.data if source is not None else None, key)


def _date_key(value):
    parts = value.split("-")
    return tuple(int(p) for p in parts)


def timeline_is_in_order(dataset) -> list:
    timeline, letter = dataset.files.get("timeline"), dataset.files.get("letter")
    problems = []
    letter_date = letter.data.get("date") if letter and isinstance(letter.data, dict) else None
    letter_key = _date_key(letter_date) if isinstance(letter_date, str) and _is_date(letter_date) else None
    previous = None
    for index, event in _records(timeline, "events"):
        date, relation = event.get("date"), event.get("relation")
        if not (isinstance(date, str) and _is_date(date)):
            continue
        key = _date_key(date)
        if previous is not None and key < previous[: len(key)]:
            problems.append(
                timeline.problem(
                    ("events", index, "date"),
                    f"{date} comes before the date of the event above it",
                    "keep events sorted by date: move this event up",
                )
            )
        previous = key
        if letter_key is None or relation not in ("before", "letter", "after"):
            continue
        common = min(len(key), len(letter_key))
        if key[:common] != letter_key[:common]:
            expected = "before" if key[:common] < letter_key[:common] else "after"
        else:
            expected = "letter" if len(key) == len(letter_key) else None  # "2023-01" may fall on either side
        if expected is not None and relation != expected:
            said = "the letter's date" if expected == "letter" else f"{expected} the letter's date ({letter_date})"
            problems.append(
                timeline.problem(
                    ("events", index, "relation"), f"is '{relation}', but {date} is {said}", f"use relation: {expected}"
                )
            )
    return problems


def _is_date(value) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", value) is not None
