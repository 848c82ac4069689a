"""The tiny dataset, tests/fixtures/tiny/: the smallest copy of data/ that `check` accepts with no
problem and no warning, for the tests that build a site but whose subject is not the real data (the
`tiny_data` and `tiny_site` fixtures of conftest.py).

tests/fixtures/make_tiny_data.py writes it from data/ by deleting whole lines: one or two real
records of every list, each kept whole and word for word, with exactly the sources they cite. The
letter's body and footnotes stay whole (the letter's rules leave no room to cut them; the script's
docstring says why); of the letter as received only the signature block is cut, to the two
signatories signatories.yaml keeps. Unlike test_small_data.py, these tests compare the records with
data/ word for word, so a correction in data/ of a record the copy keeps fails here until the
script runs again.
"""

from __future__ import annotations

from collections import Counter

import yaml

from casefile.languages import LANGS
from casefile.load import letter_text
from casefile.load.records import walk
from casefile.paths import DATA, ROOT
from casefile.publish.share_pages import shared_records
from casefile.render.pages import PAGES

TINY = ROOT / "tests" / "fixtures" / "tiny"  # `tiny_data` in conftest.py copies it
REMAKE = "write it again from data/: python tests/fixtures/make_tiny_data.py"
LETTER = "carta-nosc-2023-01-16.txt"
# letter.yaml cannot be cut (321 lines of data/'s letter) and sources.yaml holds what the rest cites;
# the records of the other seven files are the part chosen small.
MOST_YAML_LINES = 760
MOST_RECORD_LINES = 260


def _lines(path) -> list:
    return path.read_text("utf-8").splitlines()


def _ids(value) -> set:
    return {record["id"] for _, record in walk(value) if isinstance(record.get("id"), str)}


def _without(value, ids: set):
    """`value` without the records (mappings with an id) whose id is not in `ids`, at any depth."""
    if isinstance(value, dict):
        return {key: _without(child, ids) for key, child in value.items()}
    if isinstance(value, list):
        return [
            _without(child, ids)
            for child in value
            if not (isinstance(child, dict) and isinstance(child.get("id"), str) and child["id"] not in ids)
        ]
    return value


def _is_subsequence(short: list, long: list) -> bool:
    rest = iter(long)
    return all(line in rest for line in short)


# -- the dataset ----------------------------------------------------------------------------------


def test_every_file_is_its_file_in_data_with_lines_left_out():
    """Nothing written, nothing reworded: each file's lines are lines of data/'s file, in its order."""
    for path in sorted(TINY.iterdir()):
        assert _is_subsequence(_lines(path), _lines(DATA / path.name)), (
            f"{path.name} has lines data/ does not: {REMAKE}"
        )


def test_every_record_is_data_s_record_word_for_word():
    """Each file parses to data/'s file without the records the copy leaves out: every record kept
    is whole (its notes, its own records kept) and equal to data/'s, and so is the rest (the plan,
    the standfirst, the letter's header)."""
    for path in sorted(TINY.glob("*.yaml")):
        tiny, real = (yaml.safe_load(p.read_text("utf-8")) for p in (path, DATA / path.name))
        assert _ids(tiny) <= _ids(real), f"{path.name}: records data/ does not have: {sorted(_ids(tiny) - _ids(real))}"
        assert tiny == _without(real, _ids(tiny)), f"{path.name} differs from data/'s records: {REMAKE}"


def test_the_letter_as_received_is_data_s_but_for_signatories_left_out():
    """The letter's body, footnotes, header, closing and sender as data/ has them; its signatories
    are some of data/'s, in their order, and the ones signatories.yaml keeps."""
    tiny, real = letter_text.read(TINY / LETTER), letter_text.read(DATA / LETTER)
    assert not tiny.problem
    for part in ("header", "paragraphs"):
        assert [w.text for w in getattr(tiny, part)] == [w.text for w in getattr(real, part)], part
    assert {m: w.text for m, w in tiny.footnotes.items()} == {m: w.text for m, w in real.footnotes.items()}
    assert (tiny.closing.text, tiny.sender.text) == (real.closing.text, real.sender.text)
    names = [w.text for w in tiny.signatories]
    assert _is_subsequence(names, [w.text for w in real.signatories]) and 2 <= len(names) < len(real.signatories)
    kept = yaml.safe_load((TINY / "signatories.yaml").read_text("utf-8"))["signatories"]
    assert [s["name"] for s in kept] == names


def test_it_is_tiny():
    """About 200 lines of records: the letter (which cannot be cut) and the sources aside."""
    lines = {path.name: len(_lines(path)) for path in TINY.glob("*.yaml")}
    records = sum(n for name, n in lines.items() if name not in ("letter.yaml", "sources.yaml"))
    assert sum(lines.values()) <= MOST_YAML_LINES, lines
    assert records <= MOST_RECORD_LINES, lines
    assert len(_lines(TINY / LETTER)) < len(_lines(DATA / LETTER))


def test_it_keeps_a_record_of_every_kind_the_site_shows(tiny_report):
    """What the site's pages show, each at least once: an event before, at and after the letter,
    notes of each kind, a request, a commitment, a finding, a term, a summary and a key figure."""
    assert tiny_report.ok and not tiny_report.problems
    dataset = tiny_report.dataset
    assert all(dataset.files[stem].data for stem in dataset.files)
    assert {e["relation"] for e in dataset.events} == {"before", "letter", "after"}
    assert dataset.findings and dataset.requests and dataset.commitments and dataset.glossary
    assert dataset.summary and dataset.key_figures and len(dataset.signatories) == 2
    kinds = Counter(
        note["kind"]
        for source in dataset.files.values()
        for _, record in walk(source.data)
        for note in record.get("notes", [])
        if isinstance(note, dict)
    )
    assert kinds["discrepancy"] and kinds["context"] and kinds["unverified"], kinds
    assert not any("former_ids:" in line for path in DATA.glob("*.yaml") for line in _lines(path)), (
        "data/ now has a record with former_ids: keep one in tests/fixtures/make_tiny_data.py's KEEP"
    )


# -- the site built from it -----------------------------------------------------------------------


def test_it_builds_every_page_and_a_share_page_for_every_record(tiny_site, tiny_report):
    shared = sorted(r.id for r in shared_records(tiny_report.dataset))
    for lang in LANGS:
        for spec in PAGES:
            page = tiny_site / lang / spec.url / "index.html"
            assert page.is_file(), f"/{lang}/{spec.url}: not built"
        assert sorted(p.name for p in (tiny_site / lang / "d").iterdir()) == shared
