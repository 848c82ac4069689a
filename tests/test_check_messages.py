"""What `build.py check` says about each kind of bad input: exact file, line, column, path and text.

Every test breaks one thing in a private copy of the small dataset (the `small_data` fixture of
conftest.py: tests/fixtures/data/, real records only, valid like data/),
runs the validator on it and compares the reported problems with the exact expected lines.
Line numbers are not hard-coded: each edit finds the line it changes by its exact content and
returns its number, so the expectations stay exact while the data grows elsewhere.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from casefile import validate as check
from casefile.paths import ROOT
from casefile.problems import ERROR, WARNING

DASH = " — "
UNUSED_SOURCE = (  # a complete, valid source entry that no record cites
    "  - id: fuente-sin-uso\n"
    "    publisher: Nadie\n"
    "    title: Nada\n"
    "    url: https://example.org/\n"
    "    language: es\n"
    "    kind: webpage\n"
)


# --- helpers ----------------------------------------------------------------------------------


def _lines(path):
    return path.read_text("utf-8").split("\n")


def line_of(path, text, after=None) -> int:
    """1-based number of the line that is exactly `text` (after the line `after`, if given).

    Without `after` the line must be unique in the file; with it, the first match after it.
    """
    lines = _lines(path)
    start = 0
    if after is not None:
        start = line_of(path, after)
        hits = [i + 1 for i, line in enumerate(lines) if i >= start and line == text]
        assert hits, f"{text!r} not found after {after!r} in {path.name}"
        return hits[0]
    hits = [i + 1 for i, line in enumerate(lines) if line == text]
    assert len(hits) == 1, f"{text!r} occurs {len(hits)} times in {path.name}"
    return hits[0]


def replace_line(path, old: str, new: str, after=None) -> int:
    """Replace the whole line `old` by `new` (which may span several lines); return its line number."""
    number = line_of(path, old, after)
    lines = _lines(path)
    lines[number - 1] = new
    path.write_text("\n".join(lines), "utf-8")
    return number


def index_of(path, key: str, record_id: str) -> int:
    """Position of the record with `id: record_id` in the top-level list `key` (read independently)."""
    data = yaml.safe_load(path.read_text("utf-8"))
    ids = [record.get("id") for record in data[key]]
    assert ids.count(record_id) == 1
    return ids.index(record_id)


def problems_of(data_dir):
    return [str(p) for p in check.run(data_dir).problems]


def errors_of(data_dir):
    return [str(p) for p in check.run(data_dir).errors]


# --- YAML syntax, tabs, duplicate keys --------------------------------------------------------


def test_yaml_syntax_error_reports_the_position_and_a_hint(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "sender_short: NOSC", "sender_short: NOSC: the core group")
    report = check.run(small_data)
    assert [str(p) for p in report.problems] == [
        f"{letter}:{n}:19: YAML syntax error: mapping values are not allowed here"
        f"{DASH}text that contains ': ' must be put in quotes, or the indentation of this line is off"
    ]
    (problem,) = report.problems
    assert (problem.file, problem.line, problem.col, problem.path, problem.severity) == (str(letter), n, 19, "", ERROR)
    assert not report.ok


def test_unclosed_quote_is_named_with_the_line_that_opened_it(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(
        letter, '  es: "Ciudad de México, a 16 de enero de 2023"', '  es: "Ciudad de México, a 16 de enero de 2023'
    )
    assert problems_of(small_data) == [
        f"{letter}:{n}:7: YAML syntax error: this quote is never closed (YAML reads on to line {n + 1}: "
        f"while parsing a block mapping expected <block end>, but found '<scalar>'){DASH}end the text with the quote that opens it (\")"
    ]


def test_unclosed_flow_list_is_a_syntax_error_on_the_next_line(small_data):
    timeline = small_data / "timeline.yaml"
    n = replace_line(timeline, "    letter: [p3]", "    letter: [p3", after="  - id: politica-respuesta-adopcion")
    assert errors_of(small_data) == [
        f"{timeline}:{n + 1}:12: YAML syntax error: while parsing a flow sequence expected ',' or ']', but got ':'"
        f"{DASH}check the indentation and the quotes on this line and the one before"
    ]


def test_tab_is_reported_where_it_stands(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "sender_short: NOSC", "sender_short:\tNOSC")
    assert problems_of(small_data) == [
        f"{letter}:{n}:14: tab character{DASH}YAML must be indented with spaces: replace the tab with spaces"
    ]


def test_every_tab_is_reported(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "sender_short: NOSC", "\tsender_short:\tNOSC")
    fix = f"{DASH}YAML must be indented with spaces: replace the tab with spaces"
    assert problems_of(small_data) == [f"{letter}:{n}:1: tab character{fix}", f"{letter}:{n}:15: tab character{fix}"]


def test_duplicate_key_is_reported_at_the_second_key_and_names_the_first_line(small_data):
    letter = small_data / "letter.yaml"
    first = line_of(letter, "source: carta")
    n = replace_line(letter, "sender_short: NOSC", "sender_short: NOSC\nsource: carta")
    report = check.run(small_data)
    assert [str(p) for p in report.problems] == [
        f"{letter}:{n + 1}:1: source: duplicate key 'source' (first at line {first})"
        f"{DASH}YAML would silently keep only the last one; remove or rename one of them"
    ]
    assert report.problems[0].path == "source"


def test_duplicate_key_inside_a_bilingual_mapping(small_data):
    letter = small_data / "letter.yaml"
    first = line_of(letter, '  en: "Mexico City, 16 January 2023"')
    replace_line(
        letter, '  en: "Mexico City, 16 January 2023"', '  en: "Mexico City, 16 January 2023"\n  en: "Mexico City"'
    )
    assert problems_of(small_data) == [
        f"{letter}:{first + 1}:3: place_date.en: duplicate key 'en' (first at line {first})"
        f"{DASH}YAML would silently keep only the last one; remove or rename one of them"
    ]


# --- YAML 1.1 surprises: booleans, dates, numbers ----------------------------------------------


@pytest.mark.parametrize(
    "word, meaning",
    [("yes", "true"), ("no", "false"), ("on", "true"), ("off", "false"), ("Yes", "true"), ("OFF", "false")],
)
def test_unquoted_yaml11_boolean_word(small_data, word, meaning):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "sender_short: NOSC", f"sender_short: {word}")
    assert problems_of(small_data) == [
        f"{letter}:{n}:15: sender_short: unquoted '{word}' is read as the boolean {meaning} by YAML 1.1"
        f'{DASH}write "{word}" in quotes if you mean the text, or true/false for a yes/no field'
    ]


def test_unquoted_y_is_flagged_as_a_boolean_in_some_tools(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "sender_short: NOSC", "sender_short: y")
    assert problems_of(small_data) == [
        f"{letter}:{n}:15: sender_short: unquoted 'y' is a boolean in some YAML 1.1 tools{DASH}write \"y\" in quotes"
    ]


def test_unquoted_true_where_text_is_meant(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "sender_short: NOSC", "sender_short: true")
    assert problems_of(small_data) == [
        f'{letter}:{n}:15: sender_short: must be text, but YAML reads it as the boolean true{DASH}put it in quotes: "true"'
    ]


def test_quoted_boolean_words_are_accepted(small_data):
    letter = small_data / "letter.yaml"
    replace_line(letter, "sender_short: NOSC", 'sender_short: "no"')
    assert problems_of(small_data) == []


def test_unquoted_date_in_a_date_field(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, 'date: "2023-01-16"', "date: 2023-01-16")
    report = check.run(small_data)
    assert [str(p) for p in report.problems] == [
        f"{letter}:{n}:7: date: unquoted date 2023-01-16 is read as a date object by YAML 1.1, not as text"
        f'{DASH}put it in quotes: "2023-01-16"'
    ]
    assert (report.problems[0].line, report.problems[0].col, report.problems[0].path) == (n, 7, "date")


def test_date_object_where_text_was_meant(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, '  es: "Ciudad de México, a 16 de enero de 2023"', "  es: 2023-01-16")
    assert problems_of(small_data) == [
        f"{letter}:{n}:7: place_date.es: unquoted date 2023-01-16 is read as a date object by YAML 1.1, not as text"
        f'{DASH}put it in quotes: "2023-01-16"'
    ]


def test_decimal_number_where_text_was_meant(small_data):
    commitments = small_data / "commitments.yaml"
    index = index_of(commitments, "commitments", "mx0081")
    n = replace_line(commitments, '    ogp_id: "MX0081"', "    ogp_id: 1.10", after="  - id: mx0081")
    assert problems_of(small_data) == [
        f"{commitments}:{n}:13: commitments[{index}].ogp_id: must be text, but YAML reads it as the number 1.1 (written 1.10)"
        f'{DASH}put it in quotes: "1.10"'
    ]


def test_sexagesimal_number_where_text_was_meant(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "sender_short: NOSC", "sender_short: 12:30")
    assert problems_of(small_data) == [
        f"{letter}:{n}:15: sender_short: unquoted '12:30' is read as a number by YAML 1.1{DASH}put it in quotes: \"12:30\""
    ]


def test_whole_number_where_text_was_meant(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "sender_short: NOSC", "sender_short: 1234")
    assert problems_of(small_data) == [
        f'{letter}:{n}:15: sender_short: must be text, but YAML reads it as the number 1234{DASH}put it in quotes: "1234"'
    ]


# --- schema: unknown, missing, wrong type, empty, translations --------------------------------


def test_unknown_field_suggests_the_close_name(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "sender_short: NOSC", "sender_short: NOSC\nsender_shrt: NOSC")
    report = check.run(small_data)
    assert [str(p) for p in report.problems] == [
        f"{letter}:{n + 1}:1: sender_shrt: unknown field 'sender_shrt'{DASH}remove it or fix its name; did you mean 'sender_short'?"
    ]
    assert report.problems[0].path == "sender_shrt"


def test_unknown_field_without_a_close_name_lists_the_allowed_fields(small_data):
    timeline = small_data / "timeline.yaml"
    index = index_of(timeline, "events", "carta-nosc-2023")
    n = replace_line(
        timeline, "    relation: letter", "    relation: letter\n    zzz: 1", after="  - id: carta-nosc-2023"
    )
    assert problems_of(small_data) == [
        f"{timeline}:{n + 1}:5: events[{index}].zzz: unknown field 'zzz'{DASH}remove it or fix its name; "
        "allowed fields here: date, former_ids, id, letter, notes, relation, sources, text, title"
    ]


def test_misspelt_required_field_is_unknown_and_missing(small_data):
    letter = small_data / "letter.yaml"
    root = line_of(letter, "source: carta")  # the top-level mapping starts at its first key
    n = replace_line(letter, "closing:", "closng:")
    assert problems_of(small_data) == [
        f"{letter}:{root}:1: closing: required field 'closing' is missing{DASH}add `closing:` (The closing formula (es verbatim))",
        f"{letter}:{n}:1: closng: unknown field 'closng'{DASH}remove it or fix its name; did you mean 'closing'?",
    ]


def test_missing_required_field_is_reported_at_its_record(small_data):
    timeline = small_data / "timeline.yaml"
    index = index_of(timeline, "events", "carta-nosc-2023")
    record = line_of(timeline, "  - id: carta-nosc-2023")
    replace_line(timeline, "    relation: letter", "", after="  - id: carta-nosc-2023")
    report = check.run(small_data)
    assert [str(p) for p in report.problems] == [
        f"{timeline}:{record}:5: events[{index}].relation: required field 'relation' is missing"
        f"{DASH}add `relation:` (before or after the letter of 16 January 2023; letter for the letter itself)"
    ]
    assert report.problems[0].path == f"events[{index}].relation"


def test_missing_required_field_hint_keeps_the_example(small_data):
    """The hint quotes the field's description up to its first sentence end, not up to the 'e.g.'."""
    letter = small_data / "letter.yaml"
    root = line_of(letter, "source: carta")
    replace_line(letter, "sender_short: NOSC", "")
    assert problems_of(small_data) == [
        f"{letter}:{root}:1: sender_short: required field 'sender_short' is missing"
        f"{DASH}add `sender_short:` (The sender's short name used in the letter, e.g. NOSC)"
    ]


def test_list_where_a_mapping_is_expected(small_data):
    letter = small_data / "letter.yaml"
    n = line_of(letter, "place_date:")
    text = letter.read_text("utf-8")
    old = 'place_date:\n  es: "Ciudad de México, a 16 de enero de 2023"\n  en: "Mexico City, 16 January 2023"\n'
    assert text.count(old) == 1
    letter.write_text(text.replace(old, "place_date: [Ciudad de México, Mexico City]\n"), "utf-8")
    assert problems_of(small_data) == [
        f"{letter}:{n}:13: place_date: must be a mapping of fields, not a list{DASH}write it as indented `field: value` lines"
    ]


def test_text_where_a_list_is_expected(small_data):
    timeline = small_data / "timeline.yaml"
    index = index_of(timeline, "events", "politica-respuesta-adopcion")
    n = replace_line(timeline, "    letter: [p3]", "    letter: p3", after="  - id: politica-respuesta-adopcion")
    assert problems_of(small_data) == [
        f"{timeline}:{n}:13: events[{index}].letter: must be a list, not 'p3'"
        f"{DASH}write it as a list: `[a, b]` or lines starting with `- `"
    ]


def test_list_where_text_is_expected(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, '  en: "Mexico City, 16 January 2023"', "  en: [Mexico City, 16 January 2023]")
    assert problems_of(small_data) == [f"{letter}:{n}:7: place_date.en: must be text, not a list{DASH}write it as text"]


@pytest.mark.parametrize("value", ['""', "''", '"   "', "' '"])
def test_empty_or_blank_text(small_data, value):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "sender_short: NOSC", f"sender_short: {value}")
    assert problems_of(small_data) == [
        f"{letter}:{n}:15: sender_short: is empty{DASH}write the text, or remove the field if it is optional"
    ]


def test_blank_translation_in_a_bilingual_mapping(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, '  en: "Mexico City, 16 January 2023"', '  en: " "')
    assert problems_of(small_data) == [
        f"{letter}:{n}:7: place_date.en: is empty{DASH}write the text, or remove the field if it is optional"
    ]


def test_field_without_a_value(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "sender_short: NOSC", "sender_short:")
    assert problems_of(small_data) == [
        f"{letter}:{n}:14: sender_short: is empty, but must be text{DASH}write the value, or remove the field if it is optional"
    ]


def test_missing_english_translation(small_data):
    letter = small_data / "letter.yaml"
    es = line_of(letter, '  es: "Ciudad de México, a 16 de enero de 2023"')
    replace_line(letter, '  en: "Mexico City, 16 January 2023"', "")
    assert problems_of(small_data) == [
        f"{letter}:{es}:3: place_date.en: the English text (en) is missing{DASH}add `en:` with the English translation"
    ]


def test_missing_spanish_original(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, '  es: "Ciudad de México, a 16 de enero de 2023"', "")
    # the mapping now starts at its `en:` key, which has moved up into the emptied line's place + 1
    assert problems_of(small_data) == [
        f"{letter}:{n + 1}:3: place_date.es: the Spanish text (es) is missing{DASH}add `es:` with the Spanish original"
    ]


# --- ids and references ------------------------------------------------------------------------


def test_duplicate_id_across_two_files_names_the_other_file_and_line(small_data):
    case, timeline = small_data / "case.yaml", small_data / "timeline.yaml"
    first = line_of(timeline, "  - id: ogp-lanzamiento")
    index = index_of(case, "summary", "resumen-quien")
    n = replace_line(case, "  - id: resumen-quien", "  - id: ogp-lanzamiento")
    report = check.run(small_data)
    assert [str(p) for p in report.problems] == [
        f"{case}:{n}:9: summary[{index}].id: id 'ogp-lanzamiento' is already used at {timeline}:{first}"
        f"{DASH}ids must be unique across data/ because they are URL anchors; choose another"
    ]
    assert (report.problems[0].file, report.problems[0].path) == (str(case), f"summary[{index}].id")


def test_unknown_source_id(small_data):
    timeline = small_data / "timeline.yaml"
    index = index_of(timeline, "events", "espionaje-impuesto-refrescos")
    n = replace_line(
        timeline,
        "    sources: [ejecentral-sfp-espionaje]",
        "    sources: [ejecentral-sfp-espionajes]",
        after="  - id: espionaje-impuesto-refrescos",
    )
    assert problems_of(small_data) == [
        f"{timeline}:{n}:15: events[{index}].sources[0]: refers to source 'ejecentral-sfp-espionajes', which is not in data/sources.yaml"
        f"{DASH}add the source to data/sources.yaml or fix the id"
    ]


def test_reference_to_a_paragraph_the_letter_does_not_have(small_data):
    timeline = small_data / "timeline.yaml"
    index = index_of(timeline, "events", "politica-respuesta-adopcion")
    n = replace_line(timeline, "    letter: [p3]", "    letter: [p99]", after="  - id: politica-respuesta-adopcion")
    assert problems_of(small_data) == [
        f"{timeline}:{n}:14: events[{index}].letter[0]: refers to 'p99', which is not a paragraph or footnote of the letter"
        f"{DASH}use one of p1…p17 and fn1…fn4"
    ]


def test_footnote_naming_a_paragraph_that_does_not_exist(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "    paragraph: p6", "    paragraph: p18", after="  - id: fn1")
    assert problems_of(small_data) == [
        f"{letter}:{n}:16: footnotes[0].paragraph: paragraph 'p18' does not exist"
        f"{DASH}name the id of the paragraph that calls the footnote"
    ]


def test_footnote_naming_a_paragraph_without_its_mark(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "    paragraph: p6", "    paragraph: p7", after="  - id: fn1")
    txt = small_data / "carta-nosc-2023-01-16.txt"
    called = 1 + next(
        i for i, line in enumerate(txt.read_text("utf-8").split("\n")) if line.startswith("A pesar de que")
    )
    assert problems_of(small_data) == [
        f"{letter}:{n}:16: footnotes[0].paragraph: is 'p7', but the letter calls footnote ¹ in paragraph 6 ({txt}:{called}){DASH}use paragraph: p6",
    ]


# --- URLs and dates ----------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["https://ejercitoespia/", "https://ejercitoespia.r3d.mx/<x>", "https://.r3d.mx/"])
def test_malformed_https_url(small_data, url):
    sources = small_data / "sources.yaml"
    index = index_of(sources, "sources", "ejercitoespia-r3d")
    n = replace_line(
        sources, "    url: https://ejercitoespia.r3d.mx/", f"    url: {url}", after="  - id: ejercitoespia-r3d"
    )
    assert problems_of(small_data) == [
        f"{sources}:{n}:10: sources[{index}].url: '{url}' is not a well-formed https address"
        f"{DASH}copy the full address from the publisher's page"
    ]


def test_http_url_is_rejected(small_data):
    sources = small_data / "sources.yaml"
    index = index_of(sources, "sources", "ejercitoespia-r3d")
    n = replace_line(
        sources,
        "    url: https://ejercitoespia.r3d.mx/",
        "    url: http://ejercitoespia.r3d.mx/",
        after="  - id: ejercitoespia-r3d",
    )
    assert problems_of(small_data) == [
        f"{sources}:{n}:10: sources[{index}].url: 'http://ejercitoespia.r3d.mx/' is not in the expected form"
        f"{DASH}write the full address starting with https://, as the publisher gives it"
    ]


@pytest.mark.parametrize("date", ["2023-02-30", "2021-13-01", "2023-00-10", "2023-04-31"])
def test_impossible_date(small_data, date):
    sources = small_data / "sources.yaml"
    index = index_of(sources, "sources", "carta")
    n = replace_line(sources, '    date: "2023-01-16"', f'    date: "{date}"', after="  - id: carta")
    assert problems_of(small_data) == [
        f"{sources}:{n}:11: sources[{index}].date: '{date}' is not a real date"
        f'{DASH}check the day and month; write "YYYY-MM-DD", "YYYY-MM" or "YYYY"'
    ]


def test_date_in_the_wrong_shape(small_data):
    sources = small_data / "sources.yaml"
    index = index_of(sources, "sources", "carta")
    n = replace_line(sources, '    date: "2023-01-16"', '    date: "16/01/2023"', after="  - id: carta")
    assert problems_of(small_data) == [
        f"{sources}:{n}:11: sources[{index}].date: '16/01/2023' is not in the expected form"
        f'{DASH}write "YYYY-MM-DD", "YYYY-MM" or "YYYY", in quotes'
    ]


# --- files: encoding, unknown files, missing files, anchors ------------------------------------


def test_file_that_is_not_utf8(small_data):
    letter = small_data / "letter.yaml"
    n = line_of(letter, "sender_short: NOSC")
    lines = letter.read_bytes().split(b"\n")
    lines[n - 1] = "sender_short: NOSC año".encode("latin-1")
    letter.write_bytes(b"\n".join(lines))
    report = check.run(small_data)
    assert [str(p) for p in report.problems] == [
        f"{letter}:{n}:21: is not valid UTF-8 (byte 0xF1 here){DASH}save the file with UTF-8 encoding"
    ]
    assert not report.ok


def test_not_utf8_column_counts_characters_like_an_editor(small_data):
    letter = small_data / "letter.yaml"
    n = line_of(letter, "sender_short: NOSC")
    lines = letter.read_bytes().split(b"\n")
    lines[n - 1] = "sender_short: México a".encode() + "ño".encode("latin-1")  # é is two bytes
    letter.write_bytes(b"\n".join(lines))
    assert [str(p) for p in check.run(small_data).problems] == [
        f"{letter}:{n}:23: is not valid UTF-8 (byte 0xF1 here){DASH}save the file with UTF-8 encoding"
    ]


def test_unknown_extra_yaml_file(small_data):
    extra = small_data / "notes.yaml"
    extra.write_text("notes: []\n", "utf-8")
    assert problems_of(small_data) == [
        f"{extra}:1:1: is not one of the data files the site knows{DASH}rename it to one of case.yaml, commitments.yaml, "
        "findings.yaml, glossary.yaml, letter.yaml, requests.yaml, signatories.yaml, sources.yaml, timeline.yaml, or move it out of data/"
    ]


def test_missing_data_file(small_data):
    findings = small_data / "findings.yaml"
    findings.unlink()
    report = check.run(small_data)
    assert [str(p) for p in report.errors] == [
        f"{findings}:1:1: is missing{DASH}restore data/findings.yaml; see CONTRIBUTING.md"
    ]
    assert report.sources["findings"] is None


def test_anchor_and_alias_are_rejected(small_data):
    letter = small_data / "letter.yaml"
    a = replace_line(letter, "source: carta", "source: &src carta")
    b = replace_line(letter, "sender_short: NOSC", "sender_short: *src")
    fix = f"{DASH}write the value out in full, without anchors, aliases or tags"
    assert problems_of(small_data) == [
        f"{letter}:{a}:9: anchor '&src' is not allowed in data files{fix}",
        f"{letter}:{b}:15: alias '*src' is not allowed in data files{fix}",
    ]


def test_alias_without_anchor(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "sender_short: NOSC", "sender_short: *nosc")
    assert problems_of(small_data) == [
        f"{letter}:{n}:15: YAML syntax error: found undefined alias 'nosc'{DASH}anchors and aliases are not allowed; write the value out"
    ]


def test_explicit_tag_is_rejected(small_data):
    letter = small_data / "letter.yaml"
    n = replace_line(letter, "sender_short: NOSC", "sender_short: !!python/object/apply:os.system [echo]")
    assert problems_of(small_data) == [
        f"{letter}:{n}:15: tag '!!python/object/apply:os.system' is not allowed in data files"
        f"{DASH}write the value out in full, without anchors, aliases or tags"
    ]


# --- cross-file meaning: timeline, quotes, unused sources ----------------------------------------


def test_timeline_relation_that_contradicts_the_letter_date(small_data):
    timeline = small_data / "timeline.yaml"
    index = index_of(timeline, "events", "carta-nosc-2023")
    n = replace_line(timeline, "    relation: letter", "    relation: before", after="  - id: carta-nosc-2023")
    assert problems_of(small_data) == [
        f"{timeline}:{n}:15: events[{index}].relation: is 'before', but 2023-01-16 is the letter's date{DASH}use relation: letter"
    ]


def test_timeline_event_before_the_letter_marked_after(small_data):
    timeline = small_data / "timeline.yaml"
    index = index_of(timeline, "events", "ogp-lanzamiento")
    n = replace_line(timeline, "    relation: before", "    relation: after", after="  - id: ogp-lanzamiento")
    assert problems_of(small_data) == [
        f"{timeline}:{n}:15: events[{index}].relation: is 'after', but 2011-09-20 is before the letter's date (2023-01-16)"
        f"{DASH}use relation: before"
    ]


def test_timeline_out_of_order(small_data):
    timeline = small_data / "timeline.yaml"
    index = index_of(timeline, "events", "politica-respuesta-adopcion")
    n = replace_line(
        timeline, '    date: "2014-09"', '    date: "2011-08"', after="  - id: politica-respuesta-adopcion"
    )
    assert problems_of(small_data) == [
        f"{timeline}:{n}:11: events[{index}].date: 2011-08 comes before the date of the event above it"
        f"{DASH}keep events sorted by date: move this event up"
    ]


def test_request_quote_that_is_not_verbatim(small_data):
    requests = small_data / "requests.yaml"
    index = index_of(requests, "requests", "condicion-quinto-plan")
    es = line_of(requests, "      es: >-", after="  - id: condicion-quinto-plan")  # quote.es comes first
    replace_line(
        requests,
        "        en tanto no exista un reconocimiento de las aseveraciones presentadas por las organizaciones",
        "        en tanto no exista un reconocimiento de las aseveraciones presentadas por la organizaciones",
        after="  - id: condicion-quinto-plan",
    )
    assert problems_of(small_data) == [
        f"{requests}:{es}:11: requests[{index}].quote.es: is not a verbatim quotation of the letter"
        f"{DASH}copy the words exactly from data/letter.yaml, accents and punctuation included"
    ]


def test_request_quote_rewrapped_is_still_verbatim(small_data):
    """Line breaks inside a folded quote are only spaces: re-wrapping must not be reported."""
    requests = small_data / "requests.yaml"
    replace_line(
        requests,
        "        en tanto no exista un reconocimiento de las aseveraciones presentadas por las organizaciones",
        "        en tanto no exista un reconocimiento\n        de las aseveraciones presentadas por las organizaciones",
        after="  - id: condicion-quinto-plan",
    )
    assert problems_of(small_data) == []


def test_unused_source_is_only_a_warning(small_data):
    sources = small_data / "sources.yaml"
    text = sources.read_text("utf-8")
    assert text.endswith("\n")
    first = text.count("\n") + 1
    sources.write_text(text + UNUSED_SOURCE, "utf-8")
    index = len(yaml.safe_load(sources.read_text("utf-8"))["sources"]) - 1
    report = check.run(small_data)
    assert report.ok
    assert report.errors == []
    assert [str(p) for p in report.problems] == [
        f"{sources}:{first}:9: warning: sources[{index}].id: source 'fuente-sin-uso' is not cited by any record"
        f"{DASH}cite it where it supports a fact, or remove it"
    ]
    assert report.problems[0].severity == WARNING


# --- positions and one problem per line -------------------------------------------------------


def test_line_separator_character_does_not_shift_line_numbers(small_data):
    letter = small_data / "letter.yaml"
    # U+2028 comes with text pasted from PDFs and word processors; here it sits in a quoted header text
    # PyYAML counts it as a line break where editors do not, so it is reported where editors show it.
    n = replace_line(letter, '  en: "Mexico City, 16 January 2023"', '  en: "Mexico City,\u2028 16 January 2023"')
    assert problems_of(small_data) == [
        f"{letter}:{n}:20: invisible line separator (U+2028)"
        f"{DASH}replace it with a space; it often comes from text pasted out of a PDF"
    ]


def test_a_value_with_a_line_break_still_prints_one_problem_per_line(small_data):
    case = small_data / "case.yaml"
    n = replace_line(case, "  - id: resumen-quien", '  - id: "resumen\\nquien"')
    report = check.run(small_data)
    assert [(p.line, p.col) for p in report.problems] == [(n, 9)]
    assert len(str(report.problems[0]).splitlines()) == 1


# --- the command line ------------------------------------------------------------------------


def test_cli_check_on_the_real_data_prints_one_summary_line(report):
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "check"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("check: data/ is valid")
    assert lines[0] == check.summary(report)


def check_cli(data_dir, *options):
    """`build.py check --data DIR`, in a fresh interpreter, as a contributor runs it."""
    return subprocess.run(
        [sys.executable, "scripts/build.py", "check", "--data", str(data_dir), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_failure_lists_problems_then_the_count_line(small_data):
    letter, case, sources = small_data / "letter.yaml", small_data / "case.yaml", small_data / "sources.yaml"
    yes = replace_line(letter, "sender_short: NOSC", "sender_short: yes")
    record = index_of(case, "summary", "resumen-quien")
    unknown = replace_line(case, "  - id: resumen-quien", "  - id: resumen-quien\n    titel: x")
    sources.write_text(sources.read_text("utf-8") + UNUSED_SOURCE, "utf-8")
    warn_line = line_of(sources, "  - id: fuente-sin-uso")
    warn_index = len(yaml.safe_load(sources.read_text("utf-8"))["sources"]) - 1
    result = check_cli(small_data)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        f"{sources}:{warn_line}:9: warning: sources[{warn_index}].id: source 'fuente-sin-uso' is not cited by any record"
        f"{DASH}cite it where it supports a fact, or remove it",
        f"{letter}:{yes}:15: sender_short: unquoted 'yes' is read as the boolean true by YAML 1.1"
        f'{DASH}write "yes" in quotes if you mean the text, or true/false for a yes/no field',
        f"{case}:{unknown + 1}:5: summary[{record}].titel: unknown field 'titel'{DASH}remove it or fix its name; did you mean 'title'?",
        "check: 2 problem(s) in 2 file(s); nothing was built",
    ]


def test_cli_success_path_through_the_same_functions_reports_warnings_in_the_summary(small_data):
    sources = small_data / "sources.yaml"
    sources.write_text(sources.read_text("utf-8") + UNUSED_SOURCE, "utf-8")
    result = check_cli(small_data)
    assert result.returncode == 0
    assert result.stderr == ""
    in_process = check.run(small_data)
    (warning,) = in_process.problems
    assert result.stdout.splitlines() == [str(warning), check.summary(in_process) + "; 1 warning(s)"]
    assert result.stdout.splitlines()[1].startswith(f"check: {small_data}/ is valid — 9 files (")
    assert str(warning).endswith(
        f"source 'fuente-sin-uso' is not cited by any record{DASH}cite it where it supports a fact, or remove it"
    )


def test_cli_has_no_traceback_on_an_unexpected_crash():
    """`build.py`'s last line of defence: an exception inside a command is two plain lines on stderr, exit 70."""
    code = (
        "import sys; sys.path.insert(0, 'scripts'); from casefile import cli, validate\n"
        "def boom(*a, **k):\n    raise RuntimeError('boom')\n"
        "validate.run = boom\n"
        "sys.exit(cli.main(['check']))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 70
    assert "Traceback" not in result.stderr
    first, second = result.stderr.splitlines()
    assert first.startswith("check: internal error: RuntimeError: boom (at casefile/cli.py:")
    from casefile.settings import load

    repository = load().repository
    where = f"{repository}/issues" if repository else "the repository's issue tracker"
    assert second == (
        f"This is a bug in the build scripts, not in your files. Please report it at {where} "
        "with the command you ran and these lines (CASEFILE_TRACEBACK=1 adds the full traceback)."
    )
    assert result.stdout == ""
