"""Rules about data/sources.yaml alone. `RULES` at the bottom is appended to `rules.RULES`."""

from __future__ import annotations

from ..languages import ORIGINAL
from ..load.records import records
from ..problems import show


def own_title_is_repeated_in_title(dataset) -> list:
    """A source with a title this case file wrote (own_title) keeps the same text in `title`, in the
    source's language (own_title.es for a source in neither language), until the site reads own_title."""
    source = dataset.files.get("sources")
    if source is None or not isinstance(source.data, dict):
        return []
    problems = []
    for index, item in records(source.data, "sources"):
        own, title = item.get("own_title"), item.get("title")
        if not isinstance(own, dict) or not isinstance(title, str):
            continue
        lang = item.get("language") if item.get("language") in own else ORIGINAL
        expected = own.get(lang)
        if isinstance(expected, str) and title != expected:
            problems.append(
                source.problem(
                    ("sources", index, "title"),
                    f"is {show(title)}, but own_title.{lang} is {show(expected)}",
                    f"repeat own_title.{lang} here word for word (the site reads `title` until it reads own_title)",
                )
            )
    return problems


RULES = (("a title this case file wrote is repeated in title", own_title_is_repeated_in_title),)
