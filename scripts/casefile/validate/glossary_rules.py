"""The glossary's own rule: a word on the pages is explained by one term only."""

from __future__ import annotations

from ..languages import LANGS
from ..load.records import records, strings
from ..problems import show


def glossary_forms_are_unique(dataset) -> list:
    """A word on the pages can be explained by one glossary term only."""
    glossary = dataset.files.get("glossary")
    problems, seen = [], {}
    for index, term in records(glossary.data if glossary is not None else None, "terms"):
        forms = term.get("forms") if isinstance(term.get("forms"), dict) else {}
        name = term.get("term") if isinstance(term.get("term"), dict) else {}
        for lang in LANGS:
            given = strings(forms.get(lang))
            words = given or ([name[lang]] if isinstance(name.get(lang), str) else [])
            for position, word in enumerate(words):
                where = ("terms", index, "forms", lang, position) if given else ("terms", index, "term", lang)
                other = seen.setdefault((lang, word), term.get("id"))
                if other != term.get("id"):
                    problems.append(
                        glossary.problem(
                            where,
                            f"{show(word)} already explains the term {show(other)}",
                            "a word can explain only one term: remove it from one of them",
                        )
                    )
    return problems
