"""Typing a query into Material's search box, for every browser test that searches."""

from __future__ import annotations


def type_query(box, query: str) -> None:
    """Put `query` in the search box `box` as the end of typing it: Material searches when a key
    goes up (not on fill()), and a search for every prefix typed on the way (each a query to the
    worker and a result list drawn) would cost more than the one wanted. Typing itself, key by key
    from an empty box, is tests/browser/test_search_loads.py's."""
    box.click()
    box.fill(query[:-1])
    box.press_sequentially(query[-1:])
