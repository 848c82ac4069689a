"""Who cites what, computed once for the whole dataset.

A reference (`sources: [id]`, `title_sources: {es: [id]}`, or `letter: [p9]`, which cites the
letter's own source entry) belongs to the nearest record around it that has an `id`: that record's
anchor is where a reader lands from the sources page. The validator checks the same list, so what
the site shows as "cited in" and what `check` calls cited cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .records import strings


@dataclass(frozen=True)
class Citation:
    source: str  # the cited source id
    stem: str  # the data file of the citing record (its page comes from the page registry)
    anchor: str | None  # the citing record's id; None when no record around it has one
    path: tuple  # where the reference stands in its file, for messages
    record: dict = field(compare=False, hash=False, repr=False)  # the citing record, for its label
    via_letter: bool = False  # cites the letter (paragraph or note ids), not a source id
    letter_refs: tuple = field(default=(), compare=False)  # for via_letter: the ids cited, e.g. ('p6', 'fn4')


def collect(files: dict, letter_source: str | None) -> list[Citation]:
    """`files` maps a data file stem to its parsed Source (or None)."""
    out = []
    for stem, source in files.items():
        if source is not None:
            _visit(source.data, (), stem, None, None, letter_source, out)
    return out


def _visit(value, path, stem, anchor, owner, letter_source, out) -> None:
    if isinstance(value, list):
        for index, child in enumerate(value):
            if isinstance(child, (dict, list)):  # nothing is cited below a scalar
                _visit(child, path + (index,), stem, anchor, owner, letter_source, out)
        return
    if not isinstance(value, dict):
        return
    if isinstance(value.get("id"), str):
        anchor, owner = value["id"], value
    owner = owner if owner is not None else value
    letter = value.get("letter")
    if letter and letter_source and strings(letter):
        out.append(
            Citation(
                letter_source,
                stem,
                anchor,
                path + ("letter",),
                owner,
                via_letter=True,
                letter_refs=tuple(strings(letter)),
            )
        )
    cited = value.get("sources")
    if cited:
        for index, ref in enumerate(strings(cited)):
            out.append(Citation(ref, stem, anchor, path + ("sources", index), owner))
    titles = value.get("title_sources")
    for lang, refs in titles.items() if isinstance(titles, dict) else ():
        for index, ref in enumerate(strings(refs)):
            out.append(Citation(ref, stem, anchor, path + ("title_sources", lang, index), owner))
    for key, child in value.items():
        if isinstance(child, (dict, list)):
            _visit(child, path + (key,), stem, anchor, owner, letter_source, out)
