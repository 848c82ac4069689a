"""libyaml composes an ordinary data file in C (load/libyaml_tree.py): only where no anchor, alias or
tag can stand, and always to the same values, positions and problems as PyYAML's careful parser.

libyaml's composer keeps no trace of an anchor that no alias uses, so the whole route rests on
`plain(text)`: a text it lets through must hold no anchor, alias or tag. The first property checks
that claim against libyaml's own events; the second reads texts that pass it both ways (the
differential property of test_check_fuzz.py does the same for every other input).
"""
from __future__ import annotations


import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.load import FILES, libyaml_tree
from casefile.paths import DATA
from fuzz_profiles import examples
from test_check_fuzz import _read  # strict_yaml.load through libyaml, or the careful parser only

SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
ORIGINAL = {stem: (DATA / f"{stem}.yaml").read_text("utf-8") for stem in FILES}


# Pieces of YAML around the three indicators: after letters, digits, quotes, spaces, flow and block
# indicators, a byte order mark and line breaks; with and without a space after.
_PIECES = st.sampled_from([
    "a", "Z", "1", "ñ", "é", "“", "”", "¡", "\u00a0", "\ufeff", " ", "  ", "\n", "\n  ", "\r\n", "\r", ":", ": ", "-", "- ",
    "?", "? ", ",", "[", "]", "{", "}", "'", '"', "#", "|", ">", "%", "@", "`", ".", "---\n", "...\n", "%YAML 1.1\n",
    "%TAG !e! tag:e.org,2000:\n", "&", "*", "!", "&a", "*a", "!!str", "!e!x", "!<tag:x>", "&a ", "*a ", "!t ", "a&b", "x!", "b*c",
])
_TEXTS = st.lists(_PIECES, max_size=16).map("".join)


@settings(**examples(400), **SETTINGS)
@given(text=_TEXTS)
def test_a_text_the_gate_lets_through_holds_no_anchor_alias_or_tag(text):
    if not libyaml_tree.plain(text):
        return
    try:
        events = list(yaml.parse(text, Loader=yaml.CSafeLoader))
    except yaml.YAMLError:
        return  # an error goes to the careful parser, which words it
    for event in events:
        assert not isinstance(event, yaml.AliasEvent), (text, event)
        assert getattr(event, "anchor", None) is None, (text, event)
        assert getattr(event, "tag", None) is None, (text, event)


@pytest.mark.parametrize("text, plain", [
    ("title: AT&T\n", True),
    ("title: ¡Hola!\n", True),
    ("es: el compromiso “*Controles democráticos*”\n", True),
    ("a: b*c\n", True),
    ("a: &x b\n", False),
    ("a: *x\n", False),
    ("a: !!str b\n", False),
    ("a: ! b\n", False),
    ("&x a: b\n", False),
    ("a:\n- *x\n", False),
    ('{"a":&x b}\n', False),
    ("[a,&x b]\n", False),
    ("[?&x b]\n", False),
    ("a: 'q'&x\n", False),
    ("a: b\n\ufeff&x c: d\n", False),
    ("a: b & c\n", False),  # no anchor (the text is `b & c`), but it takes the slower route
])
def test_the_gate(text, plain):
    assert libyaml_tree.plain(text) is plain


_WITHIN_TEXT = st.sampled_from(["AT&T", "¡Hola!", "“*x*”", "a*b", "x!", "ñ&", "Q&A", "1*2", "“!”"])


@st.composite
def _plain_variants(draw):
    """A real data file with `&`, `*` and `!` where they are text, and a few other edits."""
    stem = draw(st.sampled_from(FILES))
    lines = ORIGINAL[stem].split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        op = draw(st.sampled_from(["insert", "insert", "value", "delete", "duplicate"]))
        if op == "insert":
            col = draw(st.integers(min_value=0, max_value=len(lines[i])))
            lines[i] = lines[i][:col] + draw(_WITHIN_TEXT) + lines[i][col:]
        elif op == "value" and ": " in lines[i]:
            lines[i] = lines[i].partition(": ")[0] + ": " + draw(st.sampled_from(["", "yes", "1.10", "2023-01-16", "[a, b]", "{}", "x"])) + draw(_WITHIN_TEXT)
        elif op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
    return stem, "\n".join(lines)


@settings(**examples(25), **SETTINGS)
@given(case=_plain_variants())
def test_libyaml_composes_what_the_careful_parser_reads(tmp_path, case):
    stem, text = case
    path = tmp_path / f"{stem}.yaml"
    path.write_text(text, encoding="utf-8")
    assert _read(path, careful=False) == _read(path, careful=True)


def test_an_ordinary_file_is_composed_by_libyaml(tmp_path, monkeypatch):
    composed = []
    compose = libyaml_tree.compose
    monkeypatch.setattr(libyaml_tree, "compose", lambda text: composed.append(text) or compose(text))
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - id: at-t\n    title: “*AT&T*” ¡Hola!\n", encoding="utf-8")
    assert _read(path, careful=False) == _read(path, careful=True)
    assert len(composed) == 1


@pytest.mark.parametrize("depth", [libyaml_tree.DEEP, libyaml_tree.DEEP + 1, 100_000])
def test_deep_nesting_is_read_as_the_careful_parser_reads_it(tmp_path, depth):
    """libyaml's composer recurses in C: 100,000 levels would crash the process, not raise."""
    path = tmp_path / "sources.yaml"
    path.write_text("sources: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    fast, careful = _read(path, careful=False), _read(path, careful=True)
    assert fast == careful
    assert any("nested too deeply" in problem for problem in fast[0])
