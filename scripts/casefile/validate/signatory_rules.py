"""The rule that ties data/signatories.yaml to the letter's signature block: the same names, in its
order (letter_rules.py lists it with the other rules on the letter as received)."""

from __future__ import annotations

import difflib
import unicodedata

from ..load import letter_text
from ..load.records import records
from ..problems import HIDDEN_CATEGORIES, Problem, show
from ..text import normalise_space
from .wording import first_difference, word_mark


def _received(dataset):
    return letter_text.read(letter_text.letter_path(dataset.directory))


def signatories_are_the_letters(dataset) -> list:
    source, received = dataset.files.get("signatories"), _received(dataset)
    if source is None or received.problem or not isinstance(source.data, dict):
        return []
    names = [w.text for w in received.signatories]
    line_of = {w.text: w.line for w in received.signatories}
    # characters no reader sees are the invisible-characters rule's to report, not a different name
    ours = [
        (i, normalise_space("".join(c for c in r["name"] if unicodedata.category(c) not in HIDDEN_CATEGORIES)))
        for i, r in records(source.data, "signatories")
        if isinstance(r.get("name"), str)
    ]
    problems, claimed, handled = [], {}, set()  # claimed: letter name -> our index
    for index, name in ours:
        if name in names and name not in claimed:
            claimed[name] = index
            handled.add(index)
        elif name in claimed:
            problems.append(
                source.problem(
                    ("signatories", index, "name"), f"{show(name)} is listed twice", "remove one of the two records"
                )
            )
            handled.add(index)
    placed = [(index, names.index(name)) for name, index in claimed.items()]
    for index, name in ours:
        if index in handled:
            continue
        close = difflib.get_close_matches(name, [n for n in names if n not in claimed], n=1, cutoff=0.6)
        if close:
            claimed[close[0]] = index
            placed.append((index, names.index(close[0])))
            diff = first_difference(name.split(), close[0].split())
            at = word_mark(source, ("signatories", index, "name"), diff.index if diff else 0)
            problems.append(
                Problem(
                    source.name,
                    at[0],
                    at[1],
                    f"signatories[{index}].name",
                    f"{show(name)} is not the name the letter gives: {show(close[0])} ({received.where(line_of[close[0]])})",
                    "write the name exactly as the letter's signature block does",
                )
            )
        else:
            problems.append(
                source.problem(
                    ("signatories", index, "name"),
                    f"{show(name)} does not sign the letter",
                    f"remove the record, or write the name exactly as the letter's signature block does ({received.where(received.signatories[0].line) if names else received.name})",
                )
            )
    problems += _order(source, sorted(placed), names, line_of, received)
    for name in names:
        if name not in claimed:
            problems.append(
                source.problem(
                    ("signatories",),
                    f"the letter is also signed by {show(name)} ({received.where(line_of[name])})",
                    "add a record for it, in the letter's order",
                    key=True,
                )
            )
    return problems


def _order(source, placed, names, line_of, received) -> list:
    """One problem per record out of the letter's order: those off the longest run that is in order."""
    best = []  # best[k]: the longest in-order chain ending at placed[k]
    for k, (_, position) in enumerate(placed):
        chains = [best[j] for j in range(k) if placed[j][1] < position]
        best.append(max(chains, key=len, default=[]) + [k])
    kept = set(max(best, key=len, default=[]))
    problems = []
    for k, (index, position) in enumerate(placed):
        if k in kept:
            continue
        after = [j for j in kept if j < k]
        before = [j for j in kept if j > k]
        if after and placed[max(after)][1] > position:
            relation = f"stands after {show(names[placed[max(after)][1]])}, which signs after it"
        else:
            relation = f"stands before {show(names[placed[min(before)][1]])}, which signs before it"
        problems.append(
            source.problem(
                ("signatories", index, "name"),
                f"is signatory {position + 1} of the letter ({received.where(line_of[names[position]])}), but {relation}",
                "keep the order of the letter's signature block",
            )
        )
    return problems
