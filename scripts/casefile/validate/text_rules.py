"""Text a reader cannot see: invisible (format) characters anywhere in data/.

Characters of Unicode category Cf draw nothing, yet they can reverse the order in which a name,
a title or an address is shown (U+202E, U+2066), hide a difference between two ids (U+200B,
U+200D) or split a word for search (U+FEFF). The letter itself has none, so none is allowed
anywhere: in values and in keys.
"""

from __future__ import annotations

import unicodedata

FIX = "remove it: invisible characters can make a text read differently from what it says (retype the text if it was pasted)"


def texts(data, path=()):
    """(path, text, is_key) for every key and every text value in `data`, depth first."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield path + (key,), key, True
            yield from texts(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from texts(value, path + (index,))
    elif isinstance(data, str):
        yield path, data, False


def _invisible_in(text: str) -> bool:
    """Whether `text` holds a Cf character (none is ASCII, and every one is unprintable: each distinct
    character of a text with an unprintable one other than a line break is looked up once)."""
    if text.isascii() or text.replace("\n", "").isprintable():
        return False
    return any(unicodedata.category(c) == "Cf" for c in set(text) if not c.isascii())


def _name(char: str) -> str:
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'unnamed')})"


def describe(text: str):
    """'the invisible character U+200B (ZERO WIDTH SPACE) at character 5', or None if there is none."""
    if not _invisible_in(text):
        return None
    found = [(index, char) for index, char in enumerate(text) if unicodedata.category(char) == "Cf"]
    if not found:
        return None
    first, char = found[0]
    kinds = sorted({c for _, c in found}, key=ord)
    if len(kinds) == 1:
        what = f"the invisible character {_name(char)}"
    else:
        listed = ", ".join(_name(c) for c in kinds[:3]) + (f" and {len(kinds) - 3} more" if len(kinds) > 3 else "")
        what = f"invisible characters: {listed}"
    return f"contains {what}, first at character {first + 1}"


def invisible_characters(dataset) -> list:
    problems = []
    for source in dataset.files.values():
        if source is None or not _invisible_in("".join(source.texts)):
            continue  # nothing to report in this file: no need to walk it with paths
        for path, text, is_key in texts(source.data):
            said = describe(text)
            if said is not None:
                where = "the field name " if is_key else ""
                fix = FIX if "characters:" not in said else FIX.replace("remove it:", "remove them:")
                problems.append(source.problem(path, f"{where}{said}", fix, key=is_key))
    return problems
