"""The shortcuts that make validation cheaper per record give the answers of the long way round.

- problems.visible and text_rules' look for invisible characters skip a text that `str.isprintable`
  passes: that holds only while every hidden character is unprintable, for every code point of
  this Python's Unicode tables.
- build_data notes each file's mappings and texts while it builds the data; they must be exactly
  what records.mappings and records.texts find by walking the data afterwards.
"""

from __future__ import annotations

import sys
import unicodedata

import pytest

from casefile.load import FILES, records, strict_yaml
from casefile.paths import DATA
from casefile.problems import HIDDEN_CATEGORIES, visible
from casefile.validate.text_rules import _invisible_in


def _every_character():
    return (chr(code) for code in range(sys.maxunicode + 1))


def test_every_hidden_character_is_unprintable():
    printable = [
        f"U+{ord(c):04X}"
        for c in _every_character()
        if (unicodedata.category(c) in HIDDEN_CATEGORIES or c in "\n\r") and c.isprintable()
    ]
    assert printable == []


@pytest.mark.parametrize(
    "text, shown",
    [
        ("plain words, ñ and “quotes”", "plain words, ñ and “quotes”"),
        ("two\nlines\r", "two\\nlines\\r"),
        ("a\u202eb\u200bc", "a\\u202eb\\u200bc"),
        ("no\u00a0break", "no\u00a0break"),  # a space of another width is seen: kept
        (42, "42"),
    ],
)
def test_visible(text, shown):
    assert visible(text) == shown


@pytest.mark.parametrize(
    "text, invisible",
    [
        ("", False),
        ("ascii only", False),
        ("años\nde espera", False),
        ("no\u00a0break", False),
        ("zero\u200bwidth", True),
        ("línea\n\u202e", True),
        ("\ufeff", True),
        ("\u2028", False),
    ],
)
def test_invisible_in(text, invisible):
    assert _invisible_in(text) is invisible


@pytest.mark.parametrize("stem", FILES)
def test_the_walks_noted_while_building_are_the_walks_of_the_data(stem, tmp_path):
    text = (DATA / f"{stem}.yaml").read_text("utf-8")
    variants = [
        text,
        text + "extra:\n  - one\n  - {id: x, list: [a, {b: c}, 3, yes]}\n  - [nested, [deeper]]\n",
        text + "dup: 1\ndup: 2\n",  # a duplicate key is left out of the data, and so of the walks
    ]
    for number, variant in enumerate(variants):
        path = tmp_path / f"{number}" / f"{stem}.yaml"
        path.parent.mkdir()
        path.write_text(variant, encoding="utf-8")
        source, _ = strict_yaml.load(path)
        assert source is not None
        noted = (source.mappings, source.texts)
        assert noted == (records.mappings(source.data), records.texts(source.data))
        assert [id(mapping) for _, mapping in noted[0]] == [id(mapping) for _, mapping in records.walk(source.data)]


def test_walk_and_texts_on_hand_made_data():
    data = {"a": ["x", {"id": "r", "b": [{"c": "y"}, 1, None]}], "k": "v", "n": 2}
    assert [path for path, _ in records.walk(data)] == [(), ("a", 1), ("a", 1, "b", 0)]
    assert records.texts(data) == ["a", "x", "id", "r", "b", "c", "y", "k", "v", "n"]
