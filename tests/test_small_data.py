"""The small dataset, and fast unit tests of the renderer on it (no MkDocs, well under a second).

tests/fixtures/data/ is what tests/fixtures/make_small_data.py writes from data/: the whole letter
(its text, data/letter.yaml and the signatories, which `check` compares with it) and a few real
records of every other file, word for word, with exactly the sources they cite. Tests of one rule
or one message break a copy of it (the `small_data` fixture of conftest.py) rather than all of
data/. The built site, from the real data, stays the judge of the HTML (test_site_html.py).
A correction in data/ reaches it when the script runs again; contributors need not run it.
"""

from __future__ import annotations

import html
import importlib.util
import re
import subprocess
import sys
from collections import Counter

import pytest

from casefile import validate
from casefile.languages import LANGS
from casefile.load.records import walk
from casefile.paths import DATA, ROOT
from casefile.render import render_language
from casefile.render.escape import heading as md_escape
from casefile.render.pages import PAGES
from casefile.settings import load as load_settings

SMALL = ROOT / "tests" / "fixtures" / "data"  # `small_data` in conftest.py copies it
REMAKE = "write it again from data/: python tests/fixtures/make_small_data.py"
# A Markdown anchor as the renderer writes it: an attribute list `{ #id }` or an HTML `id="…"`.
ANCHOR = re.compile(r'\{[^}\n]*?#([\w-]+)|\bid="([^"]+)"')
# An internal Markdown link from one page to an anchor: `(carta.md#p3` or `(#fn-x`.
LINK = re.compile(r"\]\(([\w-]+\.md)?#([\w-]+)")


def _maker(name: str = "make_small_data"):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "fixtures" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ids(dataset) -> list:
    return [
        record["id"]
        for source in dataset.files.values()
        for _, record in walk(source.data)
        if isinstance(record.get("id"), str)
    ]


# -- the dataset ------------------------------------------------------------------------------------


def test_its_records_are_records_of_data_and_its_letter_is_the_letter(report):
    """Nothing invented: every record is one of data/ (ids are permanent), and the letter as
    received, which `check` compares with the data, is the same file. A later correction of a
    record's text in data/ does not fail this test; running the script again copies it over."""
    small = validate.run(SMALL).dataset
    unknown = sorted(set(_ids(small)) - set(_ids(report.dataset)))
    assert not unknown, f"records that data/ does not have: {unknown}"
    name = "carta-nosc-2023-01-16.txt"
    assert (SMALL / name).read_bytes() == (DATA / name).read_bytes(), f"{name} differs from data/: {REMAKE}"


# The small copy and the tiny one (tests/test_tiny_data.py) are written and checked alike.
COPIES = [("data", "make_small_data"), ("tiny", "make_tiny_data")]


@pytest.mark.parametrize(("folder", "maker"), COPIES)
def test_the_script_still_writes_a_dataset_with_no_problem(tmp_path, folder, maker):
    report = _maker(maker).write(tmp_path / folder)
    assert [str(p) for p in report.problems] == [], f"fix KEEP in tests/fixtures/{maker}.py"
    written = sorted(p.name for p in (tmp_path / folder).iterdir())
    assert written == sorted(p.name for p in (ROOT / "tests" / "fixtures" / folder).iterdir())


@pytest.mark.parametrize(("folder", "maker"), COPIES)
def test_it_passes_check_with_no_problem_and_no_warning(folder, maker):
    done = subprocess.run(
        [sys.executable, "scripts/build.py", "check", "--data", f"tests/fixtures/{folder}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    remake = f"write it again from data/: python tests/fixtures/{maker}.py"
    assert (done.returncode, done.stderr) == (0, ""), f"{done.stdout}{remake}"
    assert len(done.stdout.splitlines()) == 1, f"{done.stdout}{remake}"
    assert done.stdout.startswith(f"check: tests/fixtures/{folder}/ is valid — 9 files ("), done.stdout


def test_it_is_smaller_than_data_and_keeps_every_kind_of_record(report):
    small = validate.run(SMALL).dataset
    assert set(_ids(small)) < set(_ids(report.dataset))
    size = lambda folder: sum(p.stat().st_size for p in folder.glob("*.yaml"))  # noqa: E731
    assert size(SMALL) < 0.75 * size(DATA)
    # something for every page and every shape the pages show
    assert all(small.files[stem].data for stem in small.files)
    assert [c["id"] for c in small.commitments if c.get("at_stake")] == ["mx0081"]
    assert {e["relation"] for e in small.events} == {"before", "letter", "after"}
    assert len(small.findings) >= 2 and small.summary and small.key_figures and small.requests
    kinds = Counter(
        note["kind"]
        for stem in ("case", "commitments")
        for _, record in walk(small.files[stem].data)
        for note in record.get("notes", [])
        if isinstance(note, dict)
    )
    assert kinds["discrepancy"] and kinds["context"], kinds


# -- the renderer on it -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """{lang: {page file: Markdown}} of the small dataset, as render_language writes it for MkDocs."""
    report = validate.run(SMALL)
    assert report.ok
    out, settings = tmp_path_factory.mktemp("rendered"), load_settings()
    pages = {}
    for lang in LANGS:
        (out / lang).mkdir()
        written = render_language(report.dataset, lang, out / lang, settings)
        pages[lang] = {path.name: path.read_text("utf-8") for path in written}
    return report.dataset, pages


def _anchors(markdown: str) -> set:
    return {a or b for a, b in ANCHOR.findall(markdown)}


def test_every_page_is_written_in_every_language(rendered):
    _, pages = rendered
    for lang in LANGS:
        assert {spec.file for spec in PAGES} <= set(pages[lang])
        for spec in PAGES:
            markdown = pages[lang][spec.file]
            assert markdown.startswith("---\ntitle: "), f"{lang}/{spec.file}: no front matter"
            assert re.search(r"^# ", markdown, re.M), f"{lang}/{spec.file}: no page heading"


def test_every_record_is_an_anchor_and_both_languages_have_the_same_anchors(rendered):
    dataset, pages = rendered
    ids = set(_ids(dataset))
    for lang in LANGS:
        anchors = set().union(*map(_anchors, pages[lang].values()))
        assert not ids - anchors, f"/{lang}/: records without an anchor: {sorted(ids - anchors)}"
    for spec in PAGES:
        es, en = (_anchors(pages[lang][spec.file]) for lang in ("es", "en"))
        assert es == en, f"{spec.file}: only in es {sorted(es - en)}, only in en {sorted(en - es)}"


def test_every_link_to_an_anchor_finds_it(rendered):
    _, pages = rendered
    for lang in LANGS:
        for name, markdown in pages[lang].items():
            footnotes = set(re.findall(r"^\[\^([^\]]+)\]:", markdown, re.M))
            called = set(re.findall(r"\[\^([^\]]+)\](?!:)", markdown))
            assert called <= footnotes, f"{lang}/{name}: footnotes called but not defined: {sorted(called - footnotes)}"
            for page, anchor in LINK.findall(markdown):
                target = pages[lang].get(page or name)
                assert target is not None and anchor in _anchors(target), (
                    f"{lang}/{name}: link to {page}#{anchor} finds nothing"
                )


PAYLOAD = " ".join(
    [
        "<script>alert('x')</script>",
        '<b onmouseover="alert(1)">bold</b>',
        "[click](javascript:alert(1))",
        'texto {: onclick="alert(1)" #evil .evil }',
        "nota[^fake] y [^fake]: definida",
    ]
)


def test_data_text_reaches_the_markdown_escaped(tmp_path):
    """Markup in a fact's title and text reaches the page as escaped text (test_build.py follows it
    into the built HTML)."""
    data = tmp_path / "data"
    _maker().write(data)
    findings = data / "findings.yaml"
    text = findings.read_text("utf-8")
    quoted = "'" + PAYLOAD.replace("'", "''") + "'"
    text = re.sub(r"(\n        title:\n          es: ).*", lambda m: m.group(1) + quoted, text, count=1)
    text = re.sub(
        r"(\n        text:\n          es: )(>-\n(?:            .*\n)+|.*\n)",
        lambda m: m.group(1) + quoted + "\n",
        text,
        count=1,
    )
    findings.write_text(text, "utf-8")
    report = validate.run(data)
    assert report.ok, [str(p) for p in report.errors]
    (tmp_path / "es").mkdir()
    render_language(report.dataset, "es", tmp_path / "es", load_settings())
    page = (tmp_path / "es" / "ejercito-espia.md").read_text("utf-8")
    _, front, body = page.split("---\n", 2)  # the front matter is YAML (a quoted description), not Markdown
    # The title is a Markdown heading, escaped for Python-Markdown; the text is HTML from the
    # templates, which Python-Markdown passes on as it is, escaped as HTML.
    headings = "\n".join(line for line in body.split("\n") if line.startswith("#"))
    blocks = "\n".join(line for line in body.split("\n") if not line.startswith("#"))
    assert headings.count(md_escape(PAYLOAD)) == 1, "the title, escaped as a whole"
    assert blocks.count(html.escape(PAYLOAD, quote=False)) == 1, "the text, as HTML text"
    for raw in ("<script", "<b ", "](javascript:", "{: onclick", "[^fake]"):  # not even once without its backslash
        assert not re.search(r"(?<!\\)" + re.escape(raw), headings), f"{raw!r} reached the Markdown unescaped"
    for raw in ("<script", "<b ", 'href="javascript:'):
        assert raw not in blocks, f"{raw!r} reached the HTML as markup"
