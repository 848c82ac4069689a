"""The files a contributor meets: the issue form, the pull-request checklist, the pre-commit hook."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from casefile.paths import ROOT

ISSUE_FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "report-an-error.yml"
ISSUE_CONFIG = ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml"
PR_TEMPLATE = ROOT / ".github" / "pull_request_template.md"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"


def validate(schema: str, path: Path) -> subprocess.CompletedProcess:
    """GitHub's own rules for the file, as SchemaStore publishes them (vendored by check-jsonschema)."""
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- the issue form ---------------------------------------------------------------------------


def test_the_issue_form_is_a_valid_github_issue_form():
    result = validate("vendor.github-issue-forms", ISSUE_FORM)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_template_chooser_config_is_valid():
    result = validate("vendor.github-issue-config", ISSUE_CONFIG)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_validator_rejects_a_broken_issue_form(tmp_path):
    """The schema check is real: a field without a label is refused."""
    form = yaml.safe_load(ISSUE_FORM.read_text(encoding="utf-8"))
    del form["body"][1]["attributes"]["label"]
    broken = tmp_path / "broken.yml"
    broken.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
    result = validate("vendor.github-issue-forms", broken)
    assert result.returncode == 1
    assert "label" in result.stdout


def test_page_link_what_is_wrong_and_source_are_required():
    form = yaml.safe_load(ISSUE_FORM.read_text(encoding="utf-8"))
    fields = {f["id"]: f for f in form["body"] if f["type"] != "markdown"}
    for field_id, words in {"page": "link", "what-is-wrong": "wrong", "source": "source"}.items():
        field = fields[field_id]
        assert field["validations"]["required"] is True, field_id
        assert words in field["attributes"]["label"].lower(), field_id


def test_the_issue_form_speaks_both_languages():
    form = yaml.safe_load(ISSUE_FORM.read_text(encoding="utf-8"))
    for text in [form["name"], *(f["attributes"]["label"] for f in form["body"] if f["type"] != "markdown")]:
        spanish, _, english = text.partition(" · ")
        assert spanish and english, f"'{text}': Spanish · English"


# --- the pull-request template ----------------------------------------------------------------


@pytest.mark.parametrize(
    "promise",
    [
        r"sources cited",
        r"quotations verbatim",
        r"scripts/build\.py check` passes",
        r"both languages",
        r"conflicts of interest disclosed",
    ],
)
def test_the_pull_request_checklist(promise):
    items = [line for line in PR_TEMPLATE.read_text(encoding="utf-8").splitlines() if line.startswith("- [ ] ")]
    assert any(re.search(promise, item, re.I) for item in items), promise


# --- pre-commit -------------------------------------------------------------------------------


def check_hook() -> dict:
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    hooks = [h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"]]
    matching = [h for h in hooks if "scripts/build.py check" in h["entry"]]
    assert len(matching) == 1, "one local hook runs scripts/build.py check"
    return matching[0]


def test_the_pre_commit_hook_runs_check_on_changes_to_data_and_mkdocs_yml_only():
    hook = check_hook()
    assert hook["language"] == "system"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("data/timeline.yaml") and files.search("data/schema/common.schema.json")
    assert files.search("mkdocs.yml")  # check holds it to an allowlist too
    assert not files.search("docs/es/acerca.md") and not files.search("scripts/build.py")


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    """The repository's inputs (check looks at docs/ and mkdocs.yml too: no link or special file
    may hide there) in a folder of their own, with a .venv/bin/python that is this Python."""
    for folder in ("data", "docs", "scripts"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    return tmp_path


def run_hook(cwd: Path) -> subprocess.CompletedProcess:
    """Run the hook's entry the way pre-commit does for `language: system`, from the repository root."""
    return subprocess.run(shlex.split(check_hook()["entry"]), cwd=cwd, capture_output=True, text=True, timeout=300)


def test_the_pre_commit_hook_passes_on_good_data(repo_copy):
    result = run_hook(repo_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "data/ is valid" in result.stdout


def test_the_pre_commit_hook_stops_a_commit_of_bad_data(repo_copy):
    timeline = repo_copy / "data" / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    assert 'date: "2011-09-20"' in text
    timeline.write_text(text.replace('date: "2011-09-20"', "date: 2011-09-20", 1), encoding="utf-8")
    result = run_hook(repo_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^data/timeline\.yaml:\d+:\d+: events\[0\]\.date: unquoted date", result.stdout, re.M), (
        result.stdout
    )
