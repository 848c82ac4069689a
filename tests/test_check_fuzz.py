"""Property test: whatever is in data/, `check.run` returns a report and never raises.

The validator is fed random text, random bytes and mutations of the real data files (lines deleted,
duplicated or swapped; tabs, ':', '&', '*', tags, brackets, deep nesting, huge numbers, control
characters, odd line breaks and invalid UTF-8 inserted; values replaced by scalars, lists and
mappings). Every problem it reports must point at a real position (line and column from 1, inside
the file) and say something.

`check.run` now catches an exception of the cross-file checks and reports it as a problem (only when
no other error was found), so "never raises" alone would hide such a crash: the property also runs
`semantic_check.check` directly on what was parsed and requires that no problem says the checks stopped.

Every input that passes the validator is also rendered (both languages, to Markdown): what the
validator accepts, the renderer must handle.

`check` reads with libyaml and falls back to PyYAML's Python parser only to word an error. A fourth
property feeds the same inputs to both and requires the same values, positions and problems, so
the properties above, which go through the fast path, still find what the careful parser made them
find (the inputs where the two once differed are kept below).

Examples are derandomised (the same inputs on every machine) and no example database is kept.
The suite runs a small slice (`ci` profile, a few seconds); the deep run, for a release, gives
every property 10,000 inputs (about 40,000; some 20 minutes on two workers):

    HYPOTHESIS_PROFILE=deep python3 -m pytest -q -n 2 tests/test_check_fuzz.py

(both profiles are registered in tests/fuzz_profiles.py). The inputs that crashed the validator before
commit 3493f3c, and those the deep run found later, are kept below as exact regression tests.
"""

from __future__ import annotations

import shutil

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile import validate as check
from casefile.load import FILES, strict_yaml
from casefile.paths import DATA
from casefile.problems import ERROR, WARNING
from casefile.render import render_language
from casefile.settings import load as load_settings
from casefile.validate import rules
from fuzz_profiles import examples

STEMS = FILES
ORIGINAL = {stem: (DATA / f"{stem}.yaml").read_bytes() for stem in STEMS}
LINES = {stem: ORIGINAL[stem].split(b"\n") for stem in STEMS}
DASH = " — "


SETTINGS = dict(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)

CONTROL_CHARACTERS = [
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1f",
    "\x7f",
    "\x80",
    "\x9f",
    "\ufffe",
    "\uffff",
]


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory):
    """One copy of data/ for the whole module; each example rewrites one file and restores it."""
    target = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(DATA, target)
    return target


def _run_with(data_dir, stem: str, content: bytes | None):
    path = data_dir / f"{stem}.yaml"
    try:
        if content is None:
            path.unlink()
        else:
            path.write_bytes(content)
        return check.run(data_dir)
    finally:
        path.write_bytes(ORIGINAL[stem])


@pytest.fixture(scope="module")
def render_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("rendered")


_SETTINGS = []


def _render_if_valid(report, render_dir) -> None:
    """An input the validator accepts is rendered in every language without an exception."""
    if not report.ok:
        return
    if not _SETTINGS:
        _SETTINGS.append(load_settings())
    for lang in ("es", "en"):
        (render_dir / lang).mkdir(exist_ok=True)
        written = render_language(report.dataset, lang, render_dir / lang, _SETTINGS[0])
        assert written and all(path.stat().st_size > 0 for path in written)


def _assert_sane(report, data_dir, stem, content):
    assert isinstance(report, check.Report)
    assert isinstance(report.problems, list)
    assert isinstance(report.ok, bool)
    # the cross-file checks themselves must not raise on whatever was parsed (check.run would hide it)
    for _, rule in rules.RULES:
        rule(report.dataset)
    for problem in report.problems:
        assert isinstance(problem.line, int) and problem.line >= 1, problem
        assert isinstance(problem.col, int) and problem.col >= 1, problem
        assert isinstance(problem.message, str) and problem.message.strip(), problem
        assert "cross-file checks stopped" not in problem.message, problem
        assert problem.severity in (ERROR, WARNING), problem
        assert problem.file, problem
        text = str(problem)
        assert text.startswith(f"{problem.file}:{problem.line}:{problem.col}: "), text
        # the position lies inside the file it names. YAML also breaks lines at a lone CR, U+0085, U+2028
        # and U+2029, and the validator counts lines as YAML does (editors do not: see
        # test_check_messages.py::test_line_separator_character_does_not_shift_line_numbers)
        if problem.file == str(data_dir / f"{stem}.yaml") and content is not None:
            breaks = sum(
                content.count(b) for b in (b"\n", b"\r", "\x85".encode(), "\u2028".encode(), "\u2029".encode())
            )
            assert problem.line <= breaks + 1, (problem, breaks)
    assert report.ok == (not report.errors)


# --- strategies -----------------------------------------------------------------------------

_DEPTH = st.integers(min_value=1, max_value=3000)

_TOKENS = st.one_of(
    st.sampled_from(
        [
            b"\t",
            b":",
            b": ",
            b" :",
            b"&a ",
            b"&anchor",
            b"*a",
            b"*anchor",
            b"!!python/object:os.system ",
            b"!!python/object/apply:os.system [ls]",
            b"!!str ",
            b"!custom ",
            b"! ",
            b"{",
            b"}",
            b"[",
            b"]",
            b"{}",
            b"[]",
            b"- ",
            b"? ",
            b"#",
            b"'",
            b'"',
            b"|",
            b">-",
            b"|+",
            b"---",
            b"...",
            b"%YAML 1.1",
            b"%TAG ! tag:x,2000:",
            b"<<: ",
            b"=",
            b"~",
            b"null",
            b"\\",
            b"\\x",
            b'"\\q"',
            b"yes",
            b"no",
            b"On",
            b"OFF",
            b"y",
            b"n",
            b"true",
            b"1.10",
            b"12:30",
            b"190:20:30.15",
            b"0x1F",
            b"0o17",
            b"0b101",
            b"1_000",
            b".inf",
            b"-.inf",
            b".nan",
            b"1.0e+999",
            b"-0",
            b"2023-02-30",
            b"2021-13-01",
            b"2023-01-16",
            b"2023-01-16T10:00:00Z",
            b"http://x",
            b"https://",
            b"https://a..b/",
            b"p99",
            b"fn9",
            b"p0",
            b"\r",
            b"\r\n",
            b"\n",
            b"\n\n",
            b"  ",
            b"%",
            "\u00a0".encode(),
            "\u2028".encode(),
            "\u2029".encode(),
            "\x85".encode(),
            "\ufeff".encode(),
            "ñ".encode(),
            "😀".encode(),
            "É".encode(),
            b"\xff",
            b"\xfe",
            b"\xc3",
            b"\xc3(",
            b"\xe2\x82",
            b"\xed\xa0\x80",
            b"\xf4\x90\x80\x80",
            b"\x80",
            b"\xc0\xaf",
        ]
    ),
    st.integers(min_value=1, max_value=6000).map(
        lambda n: b"9" * n
    ),  # huge numbers (Python's int() refuses > 4300 digits)
    st.integers(min_value=1, max_value=300).map(lambda n: b"1." + b"7" * n + b"e+" + str(n).encode()),
    _DEPTH.map(lambda n: b"[" * n),
    _DEPTH.map(lambda n: b"[" * n + b"]" * n),
    _DEPTH.map(lambda n: b"{a: " * n + b"}" * n),
    st.integers(min_value=1, max_value=200).map(lambda n: b"- " * n + b"x"),
    st.integers(min_value=1, max_value=60).map(lambda n: b"".join(b"\n" + b"  " * i + b"k:" for i in range(n))),
    st.sampled_from(CONTROL_CHARACTERS).map(str.encode),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12).map(str.encode),
)

# Values that replace what follows `key: ` on a line.
_SCALAR_VALUES = st.sampled_from(
    [
        b"",
        b'""',
        b"' '",
        b"~",
        b"null",
        b"yes",
        b"no",
        b"true",
        b"1.10",
        b"12:30",
        b"0",
        b"-1",
        b"3.5",
        b"1e5",
        b"2023-02-30",
        b'"2023-02-30"',
        b'"2021-13-01"',
        b'"2023"',
        b'"2099-01-01"',
        b"p99",
        b"fn1",
        b"carta",
        b"ogp-lanzamiento",
        b"http://example.org/",
        b"https://example",
        b'"x\\ny"',
        b"&a x",
        b"*a",
        b"!!str x",
        b">-",
        b"|",
        b"letter",
        b"before",
        b"after",
        b"discrepancy",
        b"'\xc3\xb1'",
        b"9" * 400,
        b"9" * 5000,
        "p²".encode(),
        '"2023-0²-01"'.encode(),
        '"¹"'.encode(),
        b"p1",
    ]
)
_COLLECTION_VALUES = st.sampled_from(
    [
        b"[]",
        b"{}",
        b"[a, b]",
        b"{a: b}",
        b"[p1, p1]",
        b"[[x]]",
        b"[carta]",
        b"[p99]",
        b"{es: x}",
        b"{es: x, en: y}",
        b"[1, 2.5, yes]",
    ]
)


@st.composite
def _mutated(draw):
    stem = draw(st.sampled_from(STEMS))
    lines = list(LINES[stem])
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        op = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "insert", "insert", "insert", "value", "value", "truncate", "indent"]
            )
        )
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            col = draw(st.integers(min_value=0, max_value=len(lines[i])))
            lines[i] = lines[i][:col] + draw(_TOKENS) + lines[i][col:]
        elif op == "value" and b": " in lines[i]:
            key, _, _ = lines[i].partition(b": ")
            lines[i] = key + b": " + draw(st.one_of(_SCALAR_VALUES, _COLLECTION_VALUES))
        elif op == "truncate":
            joined = b"\n".join(lines)
            cut = draw(st.integers(min_value=0, max_value=len(joined)))
            lines = joined[:cut].split(b"\n")
        elif op == "indent":
            lines[i] = b" " * draw(st.integers(min_value=1, max_value=9)) + lines[i]
    content = b"\n".join(lines)
    return stem, content


_TEXT_ALPHABET = st.one_of(
    st.characters(blacklist_categories=("Cs",)),
    st.sampled_from(list("\t\n\r\x85\u2028 :-#[]{}&*!|>'\"?,%@`")),
)

_random_file = st.one_of(
    st.text(alphabet=_TEXT_ALPHABET, max_size=400).map(lambda s: s.encode("utf-8")),
    st.binary(max_size=400),
    st.just(b""),
    st.just(b"\xef\xbb\xbf"),
    st.sampled_from(
        [
            b"- a\n- b\n",
            b"just text\n",
            b"42\n",
            b"~\n",
            b"---\n---\n",
            b"[",
            b"a: 1\n...\nb: 2\n",
            b"&a [*a]\n",
            b"? [a]\n: b\n",
            b"{[a]: b}\n",
            b"\xff\xfe",
            "ñ".encode("latin-1"),
        ]
    ),
)


# --- the properties ---------------------------------------------------------------------------


@settings(**examples(12), **SETTINGS)
@given(case=_mutated())
def test_mutated_real_files_never_crash_the_validator(fuzz_dir, render_dir, case):
    stem, content = case
    report = _run_with(fuzz_dir, stem, content)
    _assert_sane(report, fuzz_dir, stem, content)
    _render_if_valid(report, render_dir)


@settings(**examples(8), **SETTINGS)
@given(stem=st.sampled_from(STEMS), content=st.one_of(_random_file, st.none()))
def test_random_files_never_crash_the_validator(fuzz_dir, render_dir, stem, content):
    report = _run_with(fuzz_dir, stem, content)
    _assert_sane(report, fuzz_dir, stem, content)
    _render_if_valid(report, render_dir)
    target = str(fuzz_dir / f"{stem}.yaml")
    if content is None:
        assert [p.message for p in report.errors if p.file == target] == ["is missing"]
    elif b"\t" not in content and not content.removeprefix(b"\xef\xbb\xbf").strip(b" \n\r"):
        assert [p.message for p in report.errors if p.file == target] == ["is empty"]


@settings(**examples(5), **SETTINGS)
@given(stem=st.sampled_from(STEMS), char=st.sampled_from(CONTROL_CHARACTERS), where=st.floats(min_value=0, max_value=1))
def test_control_character_is_reported_where_it_stands(fuzz_dir, stem, char, where):
    text = ORIGINAL[stem].decode("utf-8")
    at = int(where * len(text))
    content = (text[:at] + char + text[at:]).encode("utf-8")
    report = _run_with(fuzz_dir, stem, content)
    _assert_sane(report, fuzz_dir, stem, content)
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    assert [str(p) for p in report.errors] == [
        f"{fuzz_dir / f'{stem}.yaml'}:{line}:{col}: contains the control character U+{ord(char):04X}"
        f"{DASH}remove it; data files hold printable text only"
    ]


# --- the fast parser reads every file exactly as the careful one does -------------------------------


def _read(path, careful: bool):
    """strict_yaml.load(path) through libyaml (as `check` reads), or through PyYAML's Python parser only."""
    fast = strict_yaml.compose_fast
    if careful:
        strict_yaml.compose_fast = lambda text: None
    try:
        source, problems = strict_yaml.load(path)
    finally:
        strict_yaml.compose_fast = fast
    marks = None if source is None else (source.data, source.value_marks, source.key_marks, source.raw)
    return [str(p) for p in problems], marks


@settings(**examples(10), **SETTINGS)
@given(case=st.one_of(_mutated(), st.tuples(st.sampled_from(STEMS), _random_file)))
def test_the_fast_parser_reads_what_the_careful_one_reads(render_dir, case):
    """`check` reads with libyaml and takes PyYAML's slow Python parser only to word an error: on
    every input both give the same values, positions and problems, so the properties above (run
    through the fast path) find what they found before it existed."""
    stem, content = case
    path = render_dir / f"{stem}.yaml"  # a scratch folder of this module
    path.write_bytes(content)
    assert _read(path, careful=False) == _read(path, careful=True)


# --- inputs that crashed the validator before 3493f3c: each is now an exact, reported problem ------


def _replace(stem: str, old: str, new: str) -> bytes:
    text = ORIGINAL[stem].decode("utf-8")
    assert text.count(old) == 1, old
    return text.replace(old, new).encode("utf-8")


def _line(stem: str, text: str) -> int:
    lines = ORIGINAL[stem].decode("utf-8").split("\n")
    assert lines.count(text) == 1, text
    return lines.index(text) + 1


def _index(stem: str, key: str, record_id: str) -> int:
    return [r.get("id") for r in yaml.safe_load(ORIGINAL[stem])[key]].index(record_id)


def test_control_character_in_a_comment(fuzz_dir):
    content = ORIGINAL["case"] + b"# note \x01\n"
    report = _run_with(fuzz_dir, "case", content)
    _assert_sane(report, fuzz_dir, "case", content)
    line = ORIGINAL["case"].count(b"\n") + 1
    assert [str(p) for p in report.errors] == [
        f"{fuzz_dir / 'case.yaml'}:{line}:8: contains the control character U+0001{DASH}remove it; data files hold printable text only"
    ]


def test_integer_with_5000_digits(fuzz_dir):
    digits = "9" * 5000
    content = _replace("letter", "  - id: p1\n    number: 1\n", f"  - id: p1\n    number: {digits}\n")
    report = _run_with(fuzz_dir, "letter", content)
    _assert_sane(report, fuzz_dir, "letter", content)
    line = _line("letter", "  - id: p1") + 1
    assert [(p.file, p.line, p.col, p.path, p.message, p.fix) for p in report.errors] == [
        (
            str(fuzz_dir / "letter.yaml"),
            line,
            13,
            "paragraphs[0].number",
            "is a number with 5,000 digits",
            "write the real value",
        ),
    ]


def test_superscript_digit_in_a_date(fuzz_dir):
    content = _replace("timeline", 'date: "2011-09-20"', 'date: "2011-09-2²"')
    report = _run_with(fuzz_dir, "timeline", content)
    _assert_sane(report, fuzz_dir, "timeline", content)
    index = _index("timeline", "events", "ogp-lanzamiento")
    line = _line("timeline", '    date: "2011-09-20"')
    assert [str(p) for p in report.problems] == [
        f"{fuzz_dir / 'timeline.yaml'}:{line}:11: events[{index}].date: '2011-09-2²' is not in the expected form"
        f'{DASH}write "YYYY-MM-DD", "YYYY-MM" or "YYYY", in quotes'
    ]


def test_superscript_digit_in_a_paragraph_id(fuzz_dir):
    content = _replace("letter", "  - id: p1\n", "  - id: p²\n")
    report = _run_with(fuzz_dir, "letter", content)
    _assert_sane(report, fuzz_dir, "letter", content)
    letter, line = fuzz_dir / "letter.yaml", _line("letter", "  - id: p1")
    errors = [str(p) for p in report.errors]
    assert errors[:2] == [
        f"{letter}:{line}:9: paragraphs[0].id: 'p²' does not match number 1{DASH}use id p1",
        f"{letter}:{line}:9: paragraphs[0].id: 'p²' is not in the expected form"
        f"{DASH}paragraph ids are p followed by the paragraph number, e.g. p6",
    ]
    # every citation of p1 elsewhere now points nowhere, and the hint lists the ids that are left
    assert errors[2:]
    assert all(
        e.endswith(
            f"refers to 'p1', which is not a paragraph or footnote of the letter{DASH}use one of p2…p17 and fn1…fn4"
        )
        for e in errors[2:]
    )


def test_list_as_a_source_id(fuzz_dir):
    content = _replace("sources", "  - id: carta\n", "  - id: [carta]\n")
    report = _run_with(fuzz_dir, "sources", content)
    _assert_sane(report, fuzz_dir, "sources", content)
    errors = [str(p) for p in report.errors]
    assert (
        errors[0]
        == f"{fuzz_dir / 'sources.yaml'}:{_line('sources', '  - id: carta')}:9: sources[0].id: must be text, not a list{DASH}write it as text"
    )
    # the letter and every record citing `carta` now cite an unknown source
    assert len(errors) > 1
    assert all("refers to source 'carta', which is not in data/sources.yaml" in e for e in errors[1:])


def test_mapping_as_a_paragraph_id(fuzz_dir):
    content = _replace("letter", "  - id: p1\n", "  - id: {p: 1}\n")
    report = _run_with(fuzz_dir, "letter", content)
    _assert_sane(report, fuzz_dir, "letter", content)
    errors = [str(p) for p in report.errors]
    assert errors[0] == (
        f"{fuzz_dir / 'letter.yaml'}:{_line('letter', '  - id: p1')}:9: paragraphs[0].id: "
        f"must be text, not a mapping of fields{DASH}write it as text"
    )
    assert len(errors) > 1
    assert all(
        e.endswith(
            f"refers to 'p1', which is not a paragraph or footnote of the letter{DASH}use one of p2…p17 and fn1…fn4"
        )
        for e in errors[1:]
    )


def test_list_as_the_letters_source(fuzz_dir):
    content = _replace("letter", "source: carta\n", "source: [carta]\n")
    report = _run_with(fuzz_dir, "letter", content)
    _assert_sane(report, fuzz_dir, "letter", content)
    assert [str(p) for p in report.problems] == [
        f"{fuzz_dir / 'letter.yaml'}:{_line('letter', 'source: carta')}:9: source: must be text, not a list{DASH}write it as text"
    ]


# --- found by the deep run (HYPOTHESIS_PROFILE=deep) ------------------------------------------------


@pytest.mark.parametrize("content", [b"---", b"--- # nothing yet", b"---\n...\n"])
def test_a_lone_document_marker_is_an_empty_file(fuzz_dir, content):
    """An empty document's implicit node sits past the last line; it was reported there, as a non-mapping."""
    report = _run_with(fuzz_dir, "sources", content)
    _assert_sane(report, fuzz_dir, "sources", content)
    assert [str(p) for p in report.problems if p.file == str(fuzz_dir / "sources.yaml")] == [
        f"{fuzz_dir / 'sources.yaml'}:1:1: is empty{DASH}the file must hold a mapping of fields; see its schema in data/schema/"
    ]


# --- found by comparing the fast parser with the careful one (test_the_fast_parser_reads_…) ---------


@pytest.mark.parametrize("content", [b"? sources", b"!", b"sources: !\n", b"{sources: }", b"sources:\n  - !\n"])
def test_what_libyaml_reads_otherwise_is_read_as_pyyaml_reads_it(tmp_path, content):
    """libyaml read a value tagged just `!` as text (PyYAML: empty), and put an empty value at the
    next token, on line 2 of a one-line file for `? sources`."""
    path = tmp_path / "sources.yaml"
    path.write_bytes(content)
    assert _read(path, careful=False) == _read(path, careful=True)


def test_an_empty_value_at_the_end_of_a_file_without_a_line_break_is_reported_on_its_line(fuzz_dir):
    report = _run_with(fuzz_dir, "sources", b"? sources")
    _assert_sane(report, fuzz_dir, "sources", b"? sources")
    assert [str(p) for p in report.problems if p.file == str(fuzz_dir / "sources.yaml")] == [
        f"{fuzz_dir / 'sources.yaml'}:1:10: sources: is empty, but must be a list{DASH}write the value, or remove the field if it is optional"
    ]
