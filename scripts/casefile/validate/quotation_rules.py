"""Each request in data/requests.yaml quotes the paragraph it cites, in the letter's words and in
the case file's one translation of them (letter_rules.py lists this rule with the others on the
letter as received)."""

from __future__ import annotations

import re

from ..languages import LANGS, ORIGINAL
from ..load import quotes
from ..load.records import records, strings
from ..problems import show
from ..text import normalise_space


def _letter(dataset):
    letter = dataset.files.get("letter")
    return letter if letter is not None and isinstance(letter.data, dict) else None


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
                problems.append(
                    requests.problem(
                        ("requests", index, "letter"),
                        f"does not cite {elsewhere[0]}, the paragraph quote.{ORIGINAL} comes from",
                        f"add {elsewhere[0]} to `letter:`",
                    )
                )
        for lang in LANGS:
            spec = quote.get(lang)
            if lang == ORIGINAL or not isinstance(spec, dict):
                continue
            span = quotes.cut(quotes.translations(letter.data, lang), cited, spec)
            if span.text is not None or not span.field:
                continue
            where = ", ".join(cited) or "no paragraph"
            said = {
                "not found": f"is not in the {lang} translation of {where} in data/letter.yaml",
                "found more than once": f"is found more than once in the {lang} translation of {where}",
                "not found after": f"is not in the {lang} translation of {span.paragraph} after the words of `from`",
            }[span.problem]
            fix = {
                "from": "copy the first words of the quotation exactly from that translation; add words until they are found once",
                "to": "copy the last words of the quotation exactly from that translation",
            }[span.field]
            problems.append(
                requests.problem(
                    ("requests", index, "quote", lang, span.field), f"{show(spec[span.field])} {said}", fix
                )
            )
    return problems
