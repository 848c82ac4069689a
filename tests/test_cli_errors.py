"""Errors of the environment are errors, not bugs: one clear line each, and an exit code of their own.

The codes are listed by `build.py --help` (casefile/errors.py) and in README.md.
"""

from __future__ import annotations

import errno
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casefile import cli, errors
from casefile.paths import ROOT

site_build_module = importlib.import_module("casefile.pipeline")

DASH = " — "


@pytest.fixture
def repo(tiny_repo_copy) -> Path:
    return tiny_repo_copy  # tests/conftest.py: the subject is the commands, not the data


def run(repo: Path, *args, **kwargs):
    return subprocess.run(
        [sys.executable, str(repo / "scripts/build.py"), *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


def test_every_exit_code_is_listed_in_the_help():
    result = run(ROOT, "build", "--help")
    assert result.returncode == 0
    for code, _ in errors.EXIT_CODES:
        assert f"\n  {code:>3}  " in result.stdout
    assert len({code for code, _ in errors.EXIT_CODES}) == len(errors.EXIT_CODES)


def test_a_port_out_of_range_is_a_usage_error():
    result = run(ROOT, "serve", "--port", "70000")
    assert result.returncode == errors.USAGE == 2
    assert result.stderr.splitlines()[-1] == (
        "build.py serve: error: argument --port: '70000' is not a port number: give one from 1 to 65535 (0 picks a free one)"
    )


def test_a_site_address_that_is_not_one_is_a_usage_error(repo):
    result = run(repo, "build", "--site-url", "example.org")
    assert result.returncode == errors.USAGE
    assert result.stderr.splitlines() == [
        "build: the site address 'example.org' is not an absolute http(s) address — give it as --site-url https://host/path/"
    ]


def test_a_broken_schema_names_the_file(repo):
    schema = repo / "data/schema/letter.schema.json"
    schema.write_text(schema.read_text("utf-8").replace("{", "{,", 1), "utf-8")
    for command in ("check", "build"):
        result = run(repo, command)
        assert result.returncode == errors.PROJECT_FILE == 3, result.stderr
        assert result.stdout == "" and "Traceback" not in result.stderr
        assert result.stderr.splitlines()[0] == (
            f"{command}: data/schema/letter.schema.json: is not valid JSON (line 1, column 2: Expecting property name "
            "enclosed in double quotes) — restore it from the repository (git checkout -- data/schema/letter.schema.json) or fix it"
        )


def test_a_schema_that_is_no_schema_names_the_file(repo):
    schema = repo / "data/schema/case.schema.json"
    schema.write_text('{"type": 5}', "utf-8")
    result = run(repo, "check")
    assert result.returncode == errors.PROJECT_FILE
    assert result.stderr.startswith("check: data/schema/case.schema.json: is not a valid JSON Schema (")


def test_a_broken_mkdocs_yml_names_the_file(repo):
    (repo / "mkdocs.yml").write_text("site_name: [\n", "utf-8")
    result = run(repo, "build")
    assert result.returncode == errors.PROJECT_FILE
    assert result.stderr.splitlines() == [
        "build: mkdocs.yml: is not valid YAML at line 2, column 1 (expected the node content, but found '<stream end>')"
        f"{DASH}fix the syntax, or restore it from the repository (git checkout -- mkdocs.yml)",
        "build: failed; site/ was left as it was",
    ]


def test_a_missing_about_page_names_the_file(repo):
    (repo / "docs/es/acerca.md").unlink()
    result = run(repo, "build")
    assert result.returncode == errors.PROJECT_FILE
    assert result.stderr.splitlines() == [
        f"docs/es/acerca.md:1:1: is missing{DASH}restore it from the repository (git checkout -- docs/es/acerca.md)",
        "build: 1 input file(s) refused (links, special or missing files); nothing was read",
        "build: failed; site/ was left as it was",
    ]


def test_a_site_folder_that_is_a_link_is_refused(repo, tmp_path):
    os.symlink(tmp_path, repo / "site")
    result = run(repo, "build")
    assert result.returncode == errors.PROJECT_FILE
    assert result.stderr.splitlines() == [
        f"build: site: is a symbolic link (to {tmp_path}); a build replaces this folder as a whole and does not write through "
        "links — remove the link, or build straight into the folder it points to with --site-dir",
        "build: failed; site/ was left as it was",
    ]


@pytest.mark.parametrize(
    ("err", "code", "line"),
    [
        (
            PermissionError(errno.EACCES, "Permission denied", "/srv/www/site/es"),
            errors.PERMISSION,
            "build: /srv/www/site/es: Permission denied while building the site — check the owner and permissions of the file and "
            "its folder, or run as the user who owns the clone",
        ),
        (
            OSError(errno.EROFS, "Read-only file system", "/srv/www/.site-new-abcd1234"),
            errors.PERMISSION,
            "build: /srv/www/.site-new-abcd1234: Read-only file system while building the site — the folder is read-only: build on a writable disk",
        ),
        (
            OSError(errno.ENOSPC, "No space left on device", "/srv/www/.site-new-abcd1234/es/index.html"),
            errors.DISK,
            "build: /srv/www/.site-new-abcd1234/es/index.html: No space left on device while building the site — free some disk space, "
            "then run the command again",
        ),
    ],
)
def test_disk_and_permission_failures_are_one_line_and_their_own_code(monkeypatch, capsys, report, err, code, line):
    def fail(*args, **kwargs):
        raise err

    monkeypatch.setattr(site_build_module, "validate_data", lambda *a, **k: report)
    monkeypatch.setattr(site_build_module, "build", fail)
    assert cli.main(["build", "--site-dir", "/srv/www/site"]) == code
    assert capsys.readouterr().err.splitlines() == [line, "build: failed; /srv/www/site/ was left as it was"]


def test_an_os_error_outside_the_build_is_one_line_too(monkeypatch, capsys):
    def fail(*args):
        raise PermissionError(errno.EACCES, "Permission denied", str(ROOT / "data/case.yaml"))

    from casefile import validate

    monkeypatch.setattr(validate, "run", fail)
    assert cli.main(["check"]) == errors.PERMISSION
    assert capsys.readouterr().err == (
        "check: data/case.yaml: Permission denied — check the owner and permissions of the "
        "file and its folder, or run as the user who owns the clone\n"
    )


def test_a_closed_pipe_ends_the_command_quietly(repo):
    """`build.py check | head -1`: the reader went away; no traceback, no message, exit 141."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line is written
    try:
        result = subprocess.run(
            [sys.executable, str(repo / "scripts/build.py"), "check"],
            cwd=repo,
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (errors.PIPE, "")


def test_a_full_disk_inside_a_mkdocs_worker_is_still_a_disk_error(monkeypatch):
    """MkDocs builds the languages in forked workers; their OSError reaches the parent as one."""
    from casefile.engine import mkdocs_run

    def full(config_file, lang):
        raise OSError(errno.ENOSPC, "No space left on device", f"/srv/www/.site-new-abcd1234/{lang}/index.html")

    monkeypatch.setattr(mkdocs_run, "build_one", full)
    monkeypatch.setattr(mkdocs_run, "preload", lambda: None)
    monkeypatch.setattr(mkdocs_run.os, "cpu_count", lambda: 2)
    with pytest.raises(OSError) as raised:
        runner = mkdocs_run.Runner()
        for lang in ("es", "en"):
            runner.start(Path(f"{lang}.yml"), lang)
        runner.wait()
    assert (raised.value.errno, raised.value.filename) == (errno.ENOSPC, "/srv/www/.site-new-abcd1234/es/index.html")
    assert errors.from_os_error(raised.value).code == errors.DISK
