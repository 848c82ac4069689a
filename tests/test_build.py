"""`build.py build` and `serve`: data is rendered as text, failures leave the old site, serve rebuilds."""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from casefile import pipeline as site_build
from casefile import validate as data_check
from casefile.languages import LANGS
from casefile.publish import language_steps, postprocess

BUILD_MODULE = importlib.import_module("casefile.pipeline")

TINY_DATA = Path(__file__).parent / "fixtures" / "tiny"  # the `tiny_data` of conftest.py


# -- data is text ----------------------------------------------------------------------------------

PAYLOADS = {
    "script": "<script>alert('x')</script>",
    "raw-html": '<b onmouseover="alert(1)">bold</b>',
    "javascript-link": "[click](javascript:alert(1))",
    "attr-list": 'texto {: onclick="alert(1)" #evil .evil }',
    "footnote": "nota[^fake] y [^fake]: definida",
    "entity": "&lt;i&gt; &amp; &#60;script&#62;",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The Spanish site built from a copy of the tiny dataset (tests/fixtures/tiny/) whose first
    finding carries every payload."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(TINY_DATA, data)
    findings = data / "findings.yaml"
    text = findings.read_text("utf-8")
    payload = " ".join(PAYLOADS.values()).replace("'", "''")
    # The first fact's Spanish title and text become the payloads (single-quoted YAML scalars).
    text, titles = re.subn(
        r"(\n        title:\n          es: ).*", lambda m: m.group(1) + f"'{payload}'", text, count=1
    )
    text, texts = re.subn(
        r"(\n        text:\n          es: )(>-\n(?:            .*\n)+|.*\n)",
        lambda m: m.group(1) + f"'{payload}'\n",
        text,
        count=1,
    )
    assert titles == texts == 1, "findings.yaml no longer has a fact to carry the payloads: update the test"
    findings.write_text(text, "utf-8")
    report = data_check.run(data)
    assert report.ok, [str(p) for p in report.errors]
    target = tmp_path_factory.mktemp("hostile-site") / "site"
    site_build.build(target, langs=("es",), report=report)
    return (target / "es/ejercito-espia/index.html").read_text("utf-8")


class Tags(HTMLParser):
    """Every start tag with its attributes, as (tag, [(name, value)])."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


@pytest.mark.xdist_group("hostile-site")  # one worker runs them all: `hostile_site` is built once
@pytest.mark.parametrize("name", PAYLOADS)
def test_data_text_is_shown_as_text_never_as_markup(hostile_site, name):
    html = hostile_site
    # Attributes as a browser reads them (the payload may appear, escaped, inside a meta description).
    tags = Tags(html).tags
    assert not [t for t in tags if any(name.startswith("on") for name, _ in t[1])], (
        "an event handler attribute reached the HTML"
    )
    assert not [
        t
        for t in tags
        if any(
            name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:")
            for name, value in t[1]
        )
    ]
    assert not [t for t in tags if any(name in ("id", "class") and "evil" in (value or "") for name, value in t[1])]
    assert not [t for t in tags if any(name in ("id", "href") and "fn-fake" in (value or "") for name, value in t[1])]
    assert "<script>alert" not in html and "<b " not in html
    visible = {
        "script": "&lt;script&gt;alert('x')&lt;/script&gt;",
        "raw-html": '&lt;b onmouseover="alert(1)"&gt;bold&lt;/b&gt;',
        "javascript-link": "[click](javascript:alert(1))",
        "attr-list": 'texto {: onclick="alert(1)" #evil .evil }',
        "footnote": "nota[^fake] y [^fake]: definida",
        "entity": "&amp;lt;i&amp;gt; &amp;amp; &amp;#60;script&amp;#62;",
    }[name]
    assert html.count(visible) >= 2, f"{name}: not shown verbatim in title and text"


# -- a failed build leaves the previous site exactly as it was --------------------------------------


def fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def previous_site(tmp_path, tiny_site):
    """A private copy of a built site (the session's tiny one: no need to build another), in a folder of its own."""
    target = tmp_path / "out" / "site"
    shutil.copytree(tiny_site, target, symlinks=True)
    return target


def test_invalid_data_builds_nothing_and_keeps_the_previous_site(previous_site, tiny_data):
    data_copy = tiny_data
    before = fingerprint(previous_site)
    (data_copy / "case.yaml").write_text(
        (data_copy / "case.yaml").read_text("utf-8").replace("key_figures:", "key_figures:\n\tbad"), "utf-8"
    )
    with pytest.raises(site_build.BuildError) as err:
        site_build.build(previous_site, report=data_check.run(data_copy))
    assert "case.yaml:" in str(err.value) and "tab character" in str(err.value)
    assert fingerprint(previous_site) == before
    assert sorted(p.name for p in previous_site.parent.iterdir()) == ["site"]


def _messages(previous_site, **kwargs) -> str:
    with pytest.raises(site_build.BuildError) as err:
        site_build.build(previous_site, **kwargs)
    return str(err.value)


def test_data_checked_while_rendering_fail_the_build_as_data_checked_first(previous_site, tiny_data, monkeypatch):
    """`build` validates beside its workers (validated=False): a problem only the rules find stops
    them, with the same message as ever, and nothing is kept."""
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    data_copy = tiny_data
    findings = data_copy / "findings.yaml"
    cited = "sources: [ifex-nosc-suspende, ejercitoespia-r3d]"  # the source is cited elsewhere too
    assert cited in findings.read_text("utf-8"), "update the test's edit"
    findings.write_text(
        findings.read_text("utf-8").replace(cited, "sources: [no-such-source, ejercitoespia-r3d]", 1), "utf-8"
    )
    before = fingerprint(previous_site)
    loaded = data_check.load_only(data_copy)
    assert loaded.ok  # the loader finds nothing: the workers start
    message = _messages(previous_site, report=loaded, validated=False)
    assert "no-such-source" in message and message.endswith("nothing was built")
    assert message == _messages(previous_site, report=data_check.run(data_copy))
    assert fingerprint(previous_site) == before
    assert sorted(p.name for p in previous_site.parent.iterdir()) == ["site"]


def test_a_problem_the_loader_finds_is_reported_before_anything_starts(previous_site, tiny_data):
    data_copy = tiny_data
    (data_copy / "case.yaml").write_text(
        (data_copy / "case.yaml").read_text("utf-8").replace("key_figures:", "key_figures:\n\tbad"), "utf-8"
    )
    loaded = data_check.load_only(data_copy)
    assert not loaded.ok
    assert _messages(previous_site, report=loaded, validated=False) == _messages(
        previous_site, report=data_check.run(data_copy)
    )


def test_a_failure_after_mkdocs_keeps_the_previous_site(previous_site, tiny_report, monkeypatch):
    before = fingerprint(previous_site)

    def broken(out, langs, settings):
        raise RuntimeError("simulated failure after both languages were built")

    monkeypatch.setattr(postprocess, "run", broken)
    with pytest.raises(RuntimeError):
        site_build.build(previous_site, report=tiny_report)
    assert fingerprint(previous_site) == before
    assert sorted(p.name for p in previous_site.parent.iterdir()) == ["site"]


def test_each_language_is_rendered_in_its_mkdocs_worker(previous_site, tiny_report, monkeypatch, tmp_path):
    """`build` renders each language beside the other, in the worker that then runs its MkDocs."""
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    real = BUILD_MODULE.render_language

    def render(dataset, lang, docs_dir, settings):
        (tmp_path / f"{lang}.pid").write_text(str(os.getpid()))
        return real(dataset, lang, docs_dir, settings)

    monkeypatch.setattr(BUILD_MODULE, "render_language", render)
    site_build.build(previous_site, report=tiny_report)
    pids = {(tmp_path / f"{lang}.pid").read_text() for lang in LANGS}
    assert len(pids) == 2 and str(os.getpid()) not in pids


def test_a_failure_while_rendering_in_a_worker_keeps_the_previous_site(previous_site, tiny_report, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    before = fingerprint(previous_site)

    def broken(dataset, lang, docs_dir, settings):
        raise ValueError(f"simulated bug rendering {lang}")

    monkeypatch.setattr(BUILD_MODULE, "render_language", broken)
    with pytest.raises(
        site_build.BuildError, match=r"rendering the es pages failed: ValueError: simulated bug rendering es"
    ):
        site_build.build(previous_site, report=tiny_report)
    assert fingerprint(previous_site) == before
    assert sorted(p.name for p in previous_site.parent.iterdir()) == ["site"]


def test_a_bug_in_a_workers_steps_after_mkdocs_is_named_and_keeps_the_previous_site(
    previous_site, tiny_report, monkeypatch
):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    before = fingerprint(previous_site)

    def steps(out, lang, glossary, done=()):
        if lang == "en":
            raise KeyError("glossary")

    monkeypatch.setattr(language_steps, "steps", steps)
    with pytest.raises(
        site_build.BuildError, match=r"KeyError: 'glossary' \(at .*\), in the steps after MkDocs on the en site"
    ):
        site_build.build(previous_site, report=tiny_report)
    assert fingerprint(previous_site) == before
    assert sorted(p.name for p in previous_site.parent.iterdir()) == ["site"]


# -- the command line, in a copy of the repository --------------------------------------------------


def run(repo: Path, *args, timeout=120):
    return subprocess.run(
        [sys.executable, str(repo / "scripts/build.py"), *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_cli_build_then_failed_build_keeps_site(tiny_repo_copy):
    repo_copy = tiny_repo_copy
    first = run(repo_copy, "build")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().splitlines() == [
        "build: no site address configured (--site-url or CASEFILE_SITE_URL); canonical, og:url, og:image, hreflang and sitemap addresses were left out",
        "build: site built into site/ (/es/, /en/)",
    ]
    before = fingerprint(repo_copy / "site")
    letter = repo_copy / "data/letter.yaml"
    letter.write_text(letter.read_text("utf-8").replace('date: "2023-01-16"', "date: 2023-01-16", 1), "utf-8")
    second = run(repo_copy, "build")
    assert second.returncode == 1
    assert (
        "data/letter.yaml:3:7: date: unquoted date 2023-01-16 is read as a date object by YAML 1.1, not as text"
        in second.stderr
    )
    assert second.stderr.strip().endswith("build: failed; site/ was left as it was")
    assert "Traceback" not in second.stderr + second.stdout
    assert fingerprint(repo_copy / "site") == before


def test_serve_rebuilds_when_data_or_docs_change(tiny_repo_copy):
    repo_copy = tiny_repo_copy
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, str(repo_copy / "scripts/build.py"), "serve", "--lang", "es", "--port", "0"],
        cwd=repo_copy,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    lines = []
    threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True).start()

    def said(pattern, limit=60):
        """The first match of `pattern` in what serve has printed, waiting up to `limit` seconds."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            found = re.search(pattern, "".join(lines))
            if found:
                return found
            time.sleep(0.05)
        return None

    try:
        found = said(r"serve: (http://127\.0\.0\.1:\d+)/es/")
        assert found, "serve did not announce its address"
        base = found.group(1)

        def fetch(path):
            with urllib.request.urlopen(base + path, timeout=10) as response:
                return response.read().decode("utf-8")

        assert "Acerca de este expediente" in fetch("/es/acerca/")
        assert '<script src="/__casefile/reload.js"></script>' in fetch("/es/acerca/"), (
            "pages reload themselves after a rebuild"
        )

        def wait_for(path, text):
            end = time.monotonic() + 30
            while time.monotonic() < end:
                if text in fetch(path):
                    return True
                time.sleep(0.05)
            return False

        about = repo_copy / "docs/es/acerca.md"
        about.write_text(
            about.read_text("utf-8").replace("# Acerca de este expediente", "# Acerca de este expediente vivo"), "utf-8"
        )
        assert wait_for("/es/acerca/", "Acerca de este expediente vivo"), "a docs/ change was not rebuilt"

        case = repo_copy / "data/case.yaml"
        case.write_text(
            case.read_text("utf-8").replace("El 16 de enero de 2023", "El lunes 16 de enero de 2023", 1), "utf-8"
        )
        assert wait_for("/es/", "El lunes 16 de enero de 2023"), "a data/ change was not rebuilt"

        case.write_text(case.read_text("utf-8").replace("summary:", "summary:\n\t", 1), "utf-8")
        assert said(r"data/case\.yaml:.*tab character"), "the failed rebuild was not reported"
        assert "El lunes 16 de enero de 2023" in fetch("/es/"), "a failed rebuild must keep the last good preview"
        assert not (repo_copy / "docs/es").joinpath("index.md").exists(), "nothing generated is written into docs/"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    output = "".join(lines)
    assert "data/case.yaml:" in output and "tab character" in output
    assert "Traceback" not in output


def test_serve_on_a_busy_port_says_so_and_exits(repo_copy):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run(repo_copy, "serve", "--port", str(port), timeout=60)
    assert result.returncode == 6
    assert (
        result.stderr.strip()
        == f"serve: cannot listen on 127.0.0.1:{port} (Address already in use); choose another with --port"
    )
    assert "Traceback" not in result.stdout + result.stderr
