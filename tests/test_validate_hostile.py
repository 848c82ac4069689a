"""What the validator refuses because it could deceive a reader, with the exact message.

Invisible (Cf) characters, addresses with credentials, bare IP or mixed-script hosts, `file:`
paths that leave data/ or do not exist, plain scalars that YAML 1.2 reads as numbers; deep
nesting reported where it happens; long values shortened in messages.
"""

from __future__ import annotations

import os

import pytest

from casefile import validate
from casefile.problems import show

DASH = " — "
INVISIBLE_FIX = "remove it: invisible characters can make a text read differently from what it says (retype the text if it was pasted)"
NAMED = "link to the publisher's named address (https://www.example.org/…): a bare address hides who publishes the page"


def edit(path, old: str, new: str) -> int:
    """Replace the one line `old` of `path` by `new`; return its line number."""
    lines = path.read_text("utf-8").split("\n")
    assert lines.count(old) == 1, old
    number = lines.index(old) + 1
    lines[number - 1] = new
    path.write_text("\n".join(lines), "utf-8")
    return number


def errors(data_dir) -> list[str]:
    return [str(p) for p in validate.run(data_dir).errors]


# -- invisible characters --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "LEFT-TO-RIGHT ISOLATE"),
        ("\u200b", "ZERO WIDTH SPACE"),
        ("\u200d", "ZERO WIDTH JOINER"),
        ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),
        ("\u00ad", "SOFT HYPHEN"),
    ],
)
def test_an_invisible_character_in_a_name_is_refused(small_data, char, name):
    line = edit(small_data / "signatories.yaml", "    name: Causa Natura, A.C.", f"    name: Causa{char} Natura, A.C.")
    assert errors(small_data) == [
        f"{small_data / 'signatories.yaml'}:{line}:11: signatories[1].name: contains the invisible character "
        f"U+{ord(char):04X} ({name}), first at character 6{DASH}{INVISIBLE_FIX}"
    ]


def test_several_invisible_characters_in_an_address_and_a_field_name(small_data):
    sources = small_data / "sources.yaml"
    url = edit(sources, "    url: https://ejercitoespia.r3d.mx/", "    url: https://ejercito\u200bespia.r3d.mx/\u202e/")
    key = edit(
        sources, '    title: "Ejército Espía: Fuera de Control"', '    ti\u200dtle: "Ejército Espía: Fuera de Control"'
    )
    found = errors(small_data)
    assert (
        f"{sources}:{url}:10: sources[1].url: contains invisible characters: U+200B (ZERO WIDTH SPACE), "
        f"U+202E (RIGHT-TO-LEFT OVERRIDE), first at character 17{DASH}{INVISIBLE_FIX.replace('remove it:', 'remove them:')}"
        in found
    )
    assert (
        f"{sources}:{key}:5: sources[1].ti\\u200dtle: the field name contains the invisible character "
        f"U+200D (ZERO WIDTH JOINER), first at character 3{DASH}{INVISIBLE_FIX}" in found
    )
    assert not any("\u200b" in e or "\u202e" in e or "\u200d" in e for e in found), (
        "messages show invisible characters as escapes"
    )


# -- addresses -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "what", "fix"),
    [
        (
            "https://user:secret@ejercitoespia.r3d.mx/",
            "carries a user name or password before the host",
            "remove the 'user:password@' part: link to the public page, which needs no login",
        ),
        (
            "https://www.gob.mx@evil.example/",
            "carries a user name or password before the host",
            "remove the 'user:password@' part: link to the public page, which needs no login",
        ),
        ("https://192.168.0.1/casos", "points at the bare IP address 192.168.0.1", NAMED),
        (
            "https://www.0x7f.1/",
            "has a host name that ends in a number (www.0x7f.1), which browsers read as an IP address",
            NAMED,
        ),
        (
            "https://r3d.xn--mx-8kc/",
            "has a host name that mixes Cyrillic and Latin letters ('mxа')",
            "such names imitate other addresses: copy the address from the publisher's own page",
        ),
        (
            "https://ejercitoespiа.r3d.mx/",
            "has a host name that mixes Cyrillic and Latin letters ('ejercitoespiа')",
            "such names imitate other addresses: copy the address from the publisher's own page",
        ),
    ],
)
def test_deceptive_addresses_are_refused(small_data, url, what, fix):
    line = edit(small_data / "sources.yaml", "    url: https://ejercitoespia.r3d.mx/", f"    url: {url}")
    assert errors(small_data) == [
        f"{small_data / 'sources.yaml'}:{line}:10: sources[1].url: {show(url)} {what}{DASH}{fix}"
    ]


def test_an_address_inside_a_text_is_checked_too(small_data):
    letter = small_data / "letter.yaml"
    line = edit(
        letter, '    es: "<https://ejercitoespia.r3d.mx/>"', '    es: "<https://admin:1234@ejercitoespia.r3d.mx/>"'
    )
    found = [e for e in errors(small_data) if "user name or password" in e]
    assert len(found) == 1 and found[0].startswith(f"{letter}:{line}:9: footnotes[")


def test_international_host_names_in_one_script_pass(small_data):
    edit(small_data / "sources.yaml", "    url: https://ejercitoespia.r3d.mx/", "    url: https://ejército.example.mx/")
    assert errors(small_data) == []


# -- files kept in the repository ------------------------------------------------------------------

FILE_LINE = "    file: data/carta-nosc-2023-01-16.txt"
FILE_FIX = "give the path of a file kept in data/, e.g. data/carta-nosc-2023-01-16.txt"


@pytest.mark.parametrize(
    "path", ["data/../../etc/passwd", "data/./carta-nosc-2023-01-16.txt", "data//carta-nosc-2023-01-16.txt"]
)
def test_a_file_path_that_leaves_data_is_refused(small_data, path):
    line = edit(small_data / "sources.yaml", FILE_LINE, f"    file: {path}")
    assert errors(small_data) == [
        f"{small_data / 'sources.yaml'}:{line}:11: sources[0].file: '{path}' leaves the folder it names "
        f"(it contains '..', '.' or '//'){DASH}{FILE_FIX}"
    ]


def test_a_file_that_does_not_exist_is_refused(small_data):
    line = edit(small_data / "sources.yaml", FILE_LINE, "    file: data/carta-perdida.txt")
    assert errors(small_data) == [
        f"{small_data / 'sources.yaml'}:{line}:11: sources[0].file: 'data/carta-perdida.txt' does not exist"
        f"{DASH}add the file to data/, or fix the path"
    ]


def test_a_file_that_is_a_link_is_refused(small_data):
    """Found by the inputs check before anything is read; the rule says it too when called on its own."""
    letter = small_data / "carta-nosc-2023-01-16.txt"
    letter.unlink()
    os.symlink("/etc/hostname", letter)
    report = validate.run(small_data)
    assert report.refused
    assert [str(p) for p in report.problems] == [
        f"{letter}:1:1: is a symbolic link (to /etc/hostname), not a regular file{DASH}replace it with the file itself; "
        "the build reads and publishes only regular files inside the project"
    ]
    from casefile.load import load
    from casefile.validate.url_rules import files_exist_inside

    line = next(
        i for i, text in enumerate((small_data / "sources.yaml").read_text("utf-8").split("\n"), 1) if text == FILE_LINE
    )
    assert [str(p) for p in files_exist_inside(load(small_data))] == [
        f"{small_data / 'sources.yaml'}:{line}:11: sources[0].file: 'data/carta-nosc-2023-01-16.txt' is a symbolic link or not a regular file"
        f"{DASH}replace it with the file itself"
    ]


# -- YAML 1.2 numbers, nesting, long values ---------------------------------------------------------


@pytest.mark.parametrize(
    ("plain", "message"),
    [
        ("1e3", "unquoted '1e3' is text in YAML 1.1 but a number in YAML 1.2"),
        ("1E-3", "unquoted '1E-3' is text in YAML 1.1 but a number in YAML 1.2"),
        ("0o17", "unquoted '0o17' is text in YAML 1.1 but a number in YAML 1.2"),
        ("+1e3", "unquoted '+1e3' is text in YAML 1.1 but a number in YAML 1.2"),
        ("0x1F", "unquoted '0x1F' is read as a number by YAML 1.1"),
        ("+1", "unquoted '+1' is read as a number by YAML 1.1"),
    ],
)
def test_plain_scalars_that_tools_read_as_numbers(small_data, plain, message):
    line = edit(small_data / "signatories.yaml", "    short_name: Causa Natura", f"    short_name: {plain}")
    assert errors(small_data) == [
        f"{small_data / 'signatories.yaml'}:{line}:17: signatories[1].short_name: {message}"
        f'{DASH}put it in quotes: "{plain}"'
    ]


def test_a_plain_fraction_is_a_number_where_text_is_expected(small_data):
    line = edit(small_data / "signatories.yaml", "    short_name: Causa Natura", "    short_name: .5")
    assert errors(small_data) == [
        f"{small_data / 'signatories.yaml'}:{line}:17: signatories[1].short_name: must be text, "
        f'but YAML reads it as the number 0.5 (written .5){DASH}put it in quotes: ".5"'
    ]


@pytest.mark.parametrize("depth", [60, 3000])
def test_deep_nesting_is_reported_where_it_happens(small_data, depth):
    line = edit(
        small_data / "signatories.yaml", "    short_name: Causa Natura", "    short_name: " + "[" * depth + "]" * depth
    )
    deep = [e for e in errors(small_data) if "nested too deeply" in e]
    # level 41 below the file's top-level mapping (the list, the record, then the 39th bracket)
    assert len(deep) == 1 and deep[0].startswith(f"{small_data / 'signatories.yaml'}:{line}:55: ")
    assert deep[0].endswith(f"{DASH}data files need at most 40 levels of nesting")


def test_long_values_are_shortened_in_messages(small_data):
    digits = "9" * 4000
    line = edit(small_data / "signatories.yaml", "    short_name: Causa Natura", f"    short_name: {digits}")
    shown = "9" * 77 + "…"
    assert errors(small_data) == [
        f"{small_data / 'signatories.yaml'}:{line}:17: signatories[1].short_name: must be text, "
        f'but YAML reads it as the number {shown}{DASH}put it in quotes: "{shown}"'
    ]


def test_a_long_unknown_key_is_shortened(small_data):
    key = "k" * 500
    line = edit(
        small_data / "signatories.yaml", "    short_name: Causa Natura", f"    short_name: Causa Natura\n    {key}: x"
    )
    found = errors(small_data)
    assert len(found) == 1 and len(found[0]) < 400
    assert found[0].startswith(
        f"{small_data / 'signatories.yaml'}:{line + 1}:5: signatories[1].{'k' * 37}…: unknown field '{'k' * 77}…'"
    )
