"""Problems are reported where the contributor has to act: an unclosed quote where it opens (not
where the parser gave up, lines later or at the end of the file), a missing field under its own path."""

from __future__ import annotations

from casefile import validate
from casefile.load.unclosed import unclosed_quote

DASH = " — "


def replace_line(path, old, new) -> int:
    lines = path.read_text("utf-8").split("\n")
    hits = [i for i, line in enumerate(lines) if line == old]
    assert len(hits) == 1, old
    lines[hits[0]] = new
    path.write_text("\n".join(lines), "utf-8")
    return hits[0] + 1


def line_of(path, text) -> int:
    hits = [i + 1 for i, line in enumerate(path.read_text("utf-8").split("\n")) if line == text]
    assert len(hits) == 1, text
    return hits[0]


def problems(data_dir):
    return [str(p) for p in validate.run(data_dir).problems]


def test_a_quote_left_open_30_lines_before_the_end_is_reported_where_it_opens(small_data):
    path = small_data / "signatories.yaml"
    total = len(path.read_text("utf-8").split("\n"))
    n = replace_line(path, "    name: México Evalúa", '    name: "México Evalúa')
    assert total - n >= 30  # the parser runs on to the end of the file before it notices
    assert '"' not in "\n".join(path.read_text("utf-8").split("\n")[n:])
    assert problems(small_data) == [
        f"{path}:{n}:11: YAML syntax error: this quote is never closed (YAML reads on to line {total}: "
        f'while scanning a quoted scalar found unexpected end of stream){DASH}end the text with the quote that opens it (")'
    ]


def test_a_single_quote_left_open_is_reported_where_it_opens(small_data):
    path = small_data / "signatories.yaml"
    n = replace_line(path, "    name: Causa Natura, A.C.", "    name: 'Causa Natura, A.C.")
    (problem,) = validate.run(small_data).problems
    assert (problem.line, problem.col) == (n, 11)
    assert problem.fix == "end the text with the quote that opens it (')"


def test_quoted_text_over_several_lines_and_block_text_are_not_taken_for_an_open_quote():
    text = (
        'a: "one\n'
        '  two"\n'
        "b: >-\n"
        '  "a quotation in block text\n'
        "  that runs on\n"
        "c: 'it''s closed'\n"
        "d:\n"
        "  - 'x'\n"
        '  - "y\n'
        "  - z\n"
    )
    assert unclosed_quote(text, 10) == (9, 5)
    assert unclosed_quote(text, 8) is None


def test_a_missing_top_level_field_is_named_by_its_path(small_data):
    path = small_data / "requests.yaml"
    first = line_of(path, "requests:")
    text = path.read_text("utf-8")
    path.write_text(text.replace("requests:\n", "peticiones:\n", 1), "utf-8")
    report = validate.run(small_data)
    missing = [p for p in report.problems if "is missing" in p.message]
    assert [str(p) for p in missing] == [
        f"{path}:{first}:1: requests: required field 'requests' is missing{DASH}add `requests:` (The requests, in the letter's order)"
    ]
    assert missing[0].path == "requests"
