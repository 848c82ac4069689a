"""Rules that tie the data to the letter as received (data/carta-nosc-2023-01-16.txt).

The text file is the primary source. data/letter.yaml must give its header, paragraphs and
footnotes word for word (Spanish), data/signatories.yaml its signatories in its order, and each
request in data/requests.yaml must quote the paragraph it cites, in the letter's words and in the
case file's one translation of them. Every problem names the line of the data to fix and the line
of the letter that says otherwise. `RULES` at the bottom is appended to `rules.RULES`.
"""
from __future__ import annotations

import difflib
import re
import unicodedata

from ..languages import LANGS, ORIGINAL
from ..load import letter_text, quotes
from ..load.records import records, strings
from ..problems import HIDDEN_CATEGORIES, Problem, format_path, show
from ..text import normalise_space
from .wording import describe, first_difference, word_mark

_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre")
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
    return [Problem(source.name, at[0], at[1], format_path(path), f"differs from {what} ({received.where(line)}): {describe(diff)}", _VERBATIM)]


# -- the header and the closing ------------------------------------------------------------------

def header_is_the_letters(dataset) -> list:
    letter, received = _letter(dataset), _received(dataset)
    if letter is None or received.problem:
        return []
    problems = []
    lines = {"place_date": received.header[0] if received.header else None,
             "addressee": received.header[1] if len(received.header) > 1 else None,
             "closing": received.closing, "sender": received.sender}
    names = {"place_date": "the place and date line", "addressee": "the addressee line",
             "closing": "the closing line", "sender": "the sender line"}
    for field, theirs in lines.items():
        value = letter.data.get(field)
        ours = value.get(ORIGINAL) if isinstance(value, dict) else None
        if isinstance(ours, str) and theirs is not None:
            problems += _text_problem(dataset, letter, (field, ORIGINAL), ours, theirs, f"{names[field]} of the letter", received)
    date, place_date = letter.data.get("date"), lines["place_date"]
    match = re.search(r"(\d{1,2}) de (\w+) de (\d{4})", place_date.text) if place_date is not None else None
    if isinstance(date, str) and match and match[2].lower() in _MONTHS:
        written = f"{int(match[3]):04d}-{_MONTHS.index(match[2].lower()) + 1:02d}-{int(match[1]):02d}"
        if date != written:
            problems.append(letter.problem(("date",), f"is {show(date)}, but the letter is dated {show(match[0])} ({received.where(place_date.line)})",
                                           f'use date: "{written}"'))
    return problems


# -- the body --------------------------------------------------------------------------------------

def paragraphs_are_the_letters(dataset) -> list:
    letter, received = _letter(dataset), _received(dataset)
    if letter is None:
        return []
    if received.problem:
        return [Problem(received.name, 1, 1, "", f"the letter as received {received.problem}",
                        "restore data/carta-nosc-2023-01-16.txt from the repository; the letter's data is checked against it")]
    problems = []
    ours = records(letter.data, "paragraphs")
    for index, paragraph in ours:
        if index >= len(received.paragraphs):
            problems.append(letter.problem(("paragraphs", index), f"is not in the letter, whose body has {len(received.paragraphs)} paragraphs",
                                           "remove it, or join it to the paragraph it belongs to"))
            continue
        text = paragraph.get(ORIGINAL)
        if isinstance(text, str):
            problems += _text_problem(dataset, letter, ("paragraphs", index, ORIGINAL), text, received.paragraphs[index],
                                      f"paragraph {index + 1} of the letter", received)
    for number in range(len(ours) + 1, len(received.paragraphs) + 1):
        theirs = received.paragraphs[number - 1]
        problems.append(letter.problem(("paragraphs",), f"paragraph {number} of the letter ({received.where(theirs.line)}) is missing: {show(theirs.text)}",
                                       f"add it as `- id: p{number}` with `number: {number}`, `es:` (verbatim) and `en:`", key=True))
    return problems


def footnotes_are_the_letters(dataset) -> list:
    letter, received = _letter(dataset), _received(dataset)
    if letter is None or received.problem:
        return []
    problems, seen = [], set()
    callers = {mark: [i + 1 for i, p in enumerate(received.paragraphs) if mark in p.text] for mark in received.footnotes}
    paragraphs = {p["id"]: p for _, p in records(letter.data, "paragraphs") if isinstance(p.get("id"), str)}
    for index, note in records(letter.data, "footnotes"):
        mark = note.get("mark")
        if not isinstance(mark, str):
            continue
        seen.add(mark)
        theirs = received.footnotes.get(mark)
        if theirs is None:
            problems.append(letter.problem(("footnotes", index, "mark"), f"the letter has no footnote {mark}",
                                           f"use one of the letter's marks: {' '.join(received.footnotes) or '(none)'}"))
            continue
        if isinstance(note.get(ORIGINAL), str):
            problems += _text_problem(dataset, letter, ("footnotes", index, ORIGINAL), note[ORIGINAL], theirs,
                                      f"footnote {mark} of the letter", received)
        target, called = note.get("paragraph"), callers[mark]
        if not isinstance(target, str) or target not in paragraphs:
            continue  # rules.letter_is_consistent: the paragraph does not exist
        if len(called) == 1 and target != f"p{called[0]}":
            where = received.where(received.paragraphs[called[0] - 1].line)
            problems.append(letter.problem(("footnotes", index, "paragraph"), f"is {show(target)}, but the letter calls footnote {mark} in paragraph {called[0]} ({where})",
                                           f"use paragraph: p{called[0]}"))
            continue
        for lang in LANGS:
            text = paragraphs[target].get(lang)
            if isinstance(text, str) and mark not in text:
                problems.append(letter.problem(("footnotes", index, "mark"), f"mark {mark} does not appear in the {lang} text of {target}",
                                               f"put {mark} in {target}.{lang} where the letter calls the footnote"))
    listed = [(index, note["mark"]) for index, note in records(letter.data, "footnotes") if note.get("mark") in received.footnotes]
    in_order = sorted((mark for _, mark in listed), key=list(received.footnotes).index)
    for (index, mark), expected in zip(listed, in_order):
        if mark != expected:
            problems.append(letter.problem(("footnotes", index), f"footnote {mark} stands where the letter has footnote {expected}",
                                           "keep the footnotes in the letter's order"))
            break
    for mark, theirs in received.footnotes.items():
        if mark not in seen:
            problems.append(letter.problem(("footnotes",), f"footnote {mark} of the letter ({received.where(theirs.line)}) is missing: {show(theirs.text)}",
                                           f"add it with `mark: \"{mark}\"`, the paragraph that calls it, `es:` (verbatim) and `en:`", key=True))
    return problems


# -- the signatories -------------------------------------------------------------------------------

def signatories_are_the_letters(dataset) -> list:
    source, received = dataset.files.get("signatories"), _received(dataset)
    if source is None or received.problem or not isinstance(source.data, dict):
        return []
    names = [w.text for w in received.signatories]
    line_of = {w.text: w.line for w in received.signatories}
    # characters no reader sees are the invisible-characters rule's to report, not a different name
    ours = [(i, normalise_space("".join(c for c in r["name"] if unicodedata.category(c) not in HIDDEN_CATEGORIES)))
            for i, r in records(source.data, "signatories") if isinstance(r.get("name"), str)]
    problems, claimed, handled = [], {}, set()  # claimed: letter name -> our index
    for index, name in ours:
        if name in names and name not in claimed:
            claimed[name] = index
            handled.add(index)
        elif name in claimed:
            problems.append(source.problem(("signatories", index, "name"), f"{show(name)} is listed twice", "remove one of the two records"))
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
            problems.append(Problem(source.name, at[0], at[1], f"signatories[{index}].name",
                                    f"{show(name)} is not the name the letter gives: {show(close[0])} ({received.where(line_of[close[0]])})",
                                    "write the name exactly as the letter's signature block does"))
        else:
            problems.append(source.problem(("signatories", index, "name"), f"{show(name)} does not sign the letter",
                                           f"remove the record, or write the name exactly as the letter's signature block does ({received.where(received.signatories[0].line) if names else received.name})"))
    problems += _order(source, sorted(placed), names, line_of, received)
    for name in names:
        if name not in claimed:
            problems.append(source.problem(("signatories",), f"the letter is also signed by {show(name)} ({received.where(line_of[name])})",
                                           "add a record for it, in the letter's order", key=True))
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
        problems.append(source.problem(("signatories", index, "name"),
                                       f"is signatory {position + 1} of the letter ({received.where(line_of[names[position]])}), but {relation}",
                                       "keep the order of the letter's signature block"))
    return problems


# -- the requests' quotations ----------------------------------------------------------------------

def quotations_are_the_cited_paragraphs(dataset) -> list:
    requests, letter = dataset.files.get("requests"), _letter(dataset)
    if requests is None or letter is None or not isinstance(requests.data, dict):
        return []
    problems = []
    for index, item in records(requests.data, "requests"):
        quote, refs = item.get("quote"), strings(item.get("letter"))
        if not isinstance(quote, dict):
            continue
        cited = [r for r in refs if re.fullmatch(r"p[0-9]+", r)]
        original = quote.get(ORIGINAL)
        texts = quotes.translations(letter.data, ORIGINAL)
        if isinstance(original, str) and original.strip():
            words = normalise_space(original)
            within = [r for r in cited if isinstance(texts.get(r), str) and words in normalise_space(texts[r])]
            elsewhere = [pid for pid, text in texts.items() if isinstance(text, str) and words in normalise_space(text)]
            if not within and elsewhere:
                problems.append(requests.problem(("requests", index, "letter"), f"does not cite {elsewhere[0]}, the paragraph quote.{ORIGINAL} comes from",
                                                 f"add {elsewhere[0]} to `letter:`"))
        for lang in LANGS:
            spec = quote.get(lang)
            if lang == ORIGINAL or not isinstance(spec, dict):
                continue
            span = quotes.cut(quotes.translations(letter.data, lang), cited, spec)
            if span.text is not None or not span.field:
                continue
            where = ", ".join(cited) or "no paragraph"
            said = {"not found": f"is not in the {lang} translation of {where} in data/letter.yaml",
                    "found more than once": f"is found more than once in the {lang} translation of {where}",
                    "not found after": f"is not in the {lang} translation of {span.paragraph} after the words of `from`"}[span.problem]
            fix = {"from": "copy the first words of the quotation exactly from that translation; add words until they are found once",
                   "to": "copy the last words of the quotation exactly from that translation"}[span.field]
            problems.append(requests.problem(("requests", index, "quote", lang, span.field), f"{show(spec[span.field])} {said}", fix))
    return problems


RULES = (
    ("the letter's header and closing are the letter's lines", header_is_the_letters),
    ("the letter's paragraphs are the letter's, word for word", paragraphs_are_the_letters),
    ("the letter's footnotes are the letter's, word for word", footnotes_are_the_letters),
    ("the signatories are the letter's, in its order", signatories_are_the_letters),
    ("each request quotes the paragraphs it cites, in one translation", quotations_are_the_cited_paragraphs),
)
