"""A record's references to the letter, collapsed into one short reference.

`letter: [p6, p7, p8, p9, fn4]` reads "carta ¶ 6–9, nota 4" ("letter ¶ 6–9, note 4"): paragraphs
first, then the letter's notes, each in the order of the letter, consecutive paragraphs as a range.
Every number shown stays a link to its paragraph or note.
"""

from __future__ import annotations


def numbers(refs: list) -> tuple[list[int], list[int]]:
    """('p9', 'fn4', 'p6', …) -> ([6, 9], [4]): paragraph and note numbers, sorted, without repeats."""
    paragraphs = sorted({int(ref[1:]) for ref in refs if ref.startswith("p")})
    notes = sorted({int(ref[2:]) for ref in refs if ref.startswith("fn")})
    return paragraphs, notes


def runs(values: list[int]) -> list[tuple[int, int]]:
    """[1, 6, 7, 8, 9, 11] -> [(1, 1), (6, 9), (11, 11)]; two neighbours stay two runs: [6, 7] -> [(6, 6), (7, 7)]."""
    out: list[list[int]] = []
    for value in values:
        if out and value == out[-1][1] + 1:
            out[-1][1] = value
        else:
            out.append([value, value])
    split = []
    for first, last in out:
        if last == first + 1:  # "6, 7" reads better than "6–7"
            split += [(first, first), (last, last)]
        else:
            split.append((first, last))
    return split
