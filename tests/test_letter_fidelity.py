"""data/letter.yaml, data/signatories.yaml and data/requests.yaml against the letter as received.

The primary source is data/carta-nosc-2023-01-16.txt. Everything here is extracted from that file in
code (nothing of the letter's text is copied into this test): the body runs from "Como es de su
conocimiento" to "…valores de OGP."; a page break splits paragraphs 6 and 12, and the letter's four
footnotes (lines starting with ¹ ² ³ ⁴) stand inside paragraph 12, between its two halves.
"""
from __future__ import annotations

import re

import pytest
import yaml

from casefile.paths import DATA

TXT = DATA / "carta-nosc-2023-01-16.txt"
BODY_START = "Como es de su conocimiento"
BODY_END = "valores de OGP."
CLOSING = "A T E N T A M E N T E"
MARKS = "¹²³⁴"


def norm(text: str) -> str:
    return " ".join(text.split())


def _load(name):
    return yaml.safe_load((DATA / name).read_text("utf-8"))


@pytest.fixture(scope="module")
def txt_lines():
    return TXT.read_text("utf-8").split("\n")


@pytest.fixture(scope="module")
def letter():
    return _load("letter.yaml")


@pytest.fixture(scope="module")
def body_lines(txt_lines):
    """The lines of the body, footnote lines removed (blank lines kept: they separate paragraphs)."""
    starts = [i for i, line in enumerate(txt_lines) if line.startswith(BODY_START)]
    ends = [i for i, line in enumerate(txt_lines) if line.rstrip().endswith(BODY_END)]
    assert len(starts) == 1 and len(ends) == 1, (starts, ends)
    lines = txt_lines[starts[0]:ends[0] + 1]
    kept = [line for line in lines if not line.startswith(tuple(MARKS))]
    assert len(lines) - len(kept) == 4  # the four footnotes stand inside the body, within paragraph 12
    return kept


@pytest.fixture(scope="module")
def body(body_lines):
    return norm(" ".join(body_lines))


@pytest.fixture(scope="module")
def footnote_lines(txt_lines):
    return [line for line in txt_lines if line.startswith(tuple(MARKS))]


def test_the_body_extraction_itself(body, body_lines, footnote_lines):
    """Guards the extraction below: the body starts and ends where the letter's body does."""
    assert body.startswith(BODY_START)
    assert body.endswith(BODY_END)
    assert len(footnote_lines) == 4
    assert [line[0] for line in footnote_lines] == list(MARKS)
    assert not any(line.startswith(tuple(MARKS)) for line in body_lines)
    assert CLOSING not in body


def test_letter_has_17_paragraphs_and_4_footnotes(letter):
    assert len(letter["paragraphs"]) == 17
    assert len(letter["footnotes"]) == 4
    assert [p["id"] for p in letter["paragraphs"]] == [f"p{n}" for n in range(1, 18)]
    assert [p["number"] for p in letter["paragraphs"]] == list(range(1, 18))
    assert [f["id"] for f in letter["footnotes"]] == [f"fn{n}" for n in range(1, 5)]
    assert [f["mark"] for f in letter["footnotes"]] == list(MARKS)


def test_paragraphs_joined_reproduce_the_letter_body(letter, body):
    joined = norm(" ".join(p["es"] for p in letter["paragraphs"]))
    assert joined == body


def test_each_paragraph_is_one_paragraph_of_the_letter(letter, body_lines):
    """Paragraph boundaries too: blank lines separate paragraphs; a page break continues one (lowercase start)."""
    blocks, current = [], []
    for line in body_lines + [""]:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(norm(" ".join(current)))
            current = []
    paragraphs = []
    for block in blocks:
        if paragraphs and block[0].islower():
            paragraphs[-1] += " " + block
        else:
            paragraphs.append(block)
    assert len(paragraphs) == 17
    assert [norm(p["es"]) for p in letter["paragraphs"]] == paragraphs


def test_footnotes_reproduce_the_letter_footnotes(letter, footnote_lines):
    by_mark = {}
    for line in footnote_lines:
        mark, _, text = line.partition(" ")
        by_mark[mark] = norm(text)
    assert [norm(f["es"]) for f in letter["footnotes"]] == [by_mark[m] for m in MARKS]


def test_each_footnote_mark_stands_once_in_the_paragraph_it_names(letter, body):
    paragraphs = {p["id"]: p for p in letter["paragraphs"]}
    for note in letter["footnotes"]:
        assert body.count(note["mark"]) == 1, note["id"]
        callers = [p["id"] for p in letter["paragraphs"] if note["mark"] in p["es"]]
        assert callers == [note["paragraph"]], note["id"]
        assert note["mark"] in paragraphs[note["paragraph"]]["en"], note["id"]


def test_signatories_are_the_12_lines_after_the_sender(txt_lines, letter):
    closing = [i for i, line in enumerate(txt_lines) if line.strip() == CLOSING]
    assert len(closing) == 1
    after = txt_lines[closing[0] + 1:]
    assert after[0].strip() == ""
    sender = after[1].strip()
    assert sender == norm(letter["sender"]["es"])
    names = [line.strip() for line in after[2:] if line.strip()]
    assert len(names) == 12
    signatories = _load("signatories.yaml")["signatories"]
    assert [s["name"] for s in signatories] == names


@pytest.mark.parametrize("field", ["place_date", "addressee", "sender", "closing"])
def test_header_field_is_a_line_of_the_letter(txt_lines, letter, field):
    assert norm(letter[field]["es"]) in [norm(line) for line in txt_lines if line.strip()]


def test_header_fields_stand_in_the_letters_order(txt_lines, letter, body_lines):
    def position(text):
        hits = [i for i, line in enumerate(txt_lines) if norm(line) == norm(text)]
        assert len(hits) == 1, text
        return hits[0]

    start = next(i for i, line in enumerate(txt_lines) if line.startswith(BODY_START))
    assert position(letter["place_date"]["es"]) < position(letter["addressee"]["es"]) < start
    end = next(i for i, line in enumerate(txt_lines) if line.rstrip().endswith(BODY_END))
    assert end < position(letter["closing"]["es"]) < position(letter["sender"]["es"])


def test_letter_date_matches_the_place_and_date_line(letter):
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
              "noviembre", "diciembre"]
    match = re.search(r"(\d{1,2}) de (\w+) de (\d{4})", letter["place_date"]["es"])
    assert match
    day, month, year = int(match[1]), months.index(match[2]) + 1, int(match[3])
    assert letter["date"] == f"{year:04d}-{month:02d}-{day:02d}"


def _quotes():
    return [(r["id"], r["quote"]["es"]) for r in _load("requests.yaml")["requests"] if "quote" in r]


def test_requests_have_quotes():
    assert len(_quotes()) == len(_load("requests.yaml")["requests"])
    assert len(_quotes()) >= 1


@pytest.mark.parametrize("record_id, quote", _quotes(), ids=[record_id for record_id, _ in _quotes()])
def test_request_quote_is_verbatim_from_the_letter_body(body, record_id, quote):
    assert norm(quote) in body


def _english_quotes():
    return [(r["id"], r["quote"]["en"], r["letter"]) for r in _load("requests.yaml")["requests"] if "quote" in r]


@pytest.mark.parametrize("record_id, quote, refs", _english_quotes(), ids=[i for i, _, _ in _english_quotes()])
def test_request_quote_english_is_the_letters_translation(letter, record_id, quote, refs):
    """One translation per sentence: a quotation's English is cut from the translation of the paragraph it quotes."""
    translations = " ".join(norm(p["en"]) for p in letter["paragraphs"] if p["id"] in refs)
    assert translations, f"{record_id}: cites no paragraph of the letter"
    assert norm(quote) in translations
