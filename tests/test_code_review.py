"""Code paths are reviewed as code: .github/CODEOWNERS lists them, and the pull-request check marks
a pull request's changes to them (scripts/review_paths.py, run from the base branch)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from casefile.paths import ROOT

SCRIPT = ROOT / "scripts" / "review_paths.py"
CODEOWNERS = ROOT / ".github" / "CODEOWNERS"

# What strangers may change by pull request without a maintainer reading it as code: the data,
# the hand-written pages and images, and the prose for people.
CONTENT = ("data/", "docs/es/", "docs/en/", "docs/assets/images/", "README.md", "CONTRIBUTING.md", ".gitignore")


def review(*names: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT)],
        input="\0".join(names),
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def owned_paths() -> list[str]:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import review_paths
    finally:
        sys.path.remove(str(SCRIPT.parent))
    return review_paths.patterns(CODEOWNERS.read_text("utf-8"))


def test_the_code_paths_the_issue_names_are_owned():
    owned = owned_paths()
    for path in ("/docs/overrides/", "/mkdocs.yml", "/scripts/", "/.github/", "/pyproject.toml"):
        assert path in owned


def test_every_owned_path_exists():
    for path in owned_paths():
        assert (ROOT / path.strip("/")).exists(), f"{path} in CODEOWNERS names nothing in the repository"


def test_every_tracked_file_is_either_content_or_owned():
    owned = owned_paths()
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    if not files:
        pytest.skip("not a git checkout")
    loose = [
        name
        for name in files
        if not name.startswith(CONTENT)
        and not any(("/" + name).startswith(p) if p.endswith("/") else "/" + name == p for p in owned)
    ]
    assert loose == [], "files that are neither content nor in .github/CODEOWNERS: add them to one of the two"


def test_a_change_to_code_is_marked_and_data_is_not(tmp_path):
    summary = tmp_path / "summary.md"
    result = review(
        "data/timeline.yaml", "docs/es/acerca.md", "docs/overrides/main.html", "mkdocs.yml",
        env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines == [
        "::warning file=docs/overrides/main.html,title=Needs a maintainer's review::docs/overrides/main.html is code"
        " (/docs/overrides/ in .github/CODEOWNERS): it runs on the build machine or in readers' browsers, so a"
        " maintainer reviews it as code before merging.",
        "::warning file=mkdocs.yml,title=Needs a maintainer's review::mkdocs.yml is code (/mkdocs.yml in"
        " .github/CODEOWNERS): it runs on the build machine or in readers' browsers, so a maintainer reviews it as"
        " code before merging.",
    ]
    assert summary.read_text("utf-8").splitlines()[2:] == [
        "- <code>docs/overrides/main.html</code> (/docs/overrides/)",
        "- <code>mkdocs.yml</code> (/mkdocs.yml)",
    ]


def test_data_alone_is_not_marked():
    result = review("data/timeline.yaml", "docs/en/acerca.md")
    assert result.stdout == "No code paths changed: data/ and docs/ pages only.\n"


def test_a_file_name_cannot_forge_a_workflow_command():
    result = review("scripts/x\n::error::forged,a:b.py")
    assert result.stdout.count("\n") == 1  # one annotation, one line
    assert result.stdout.startswith("::warning file=scripts/x%0A%3A%3Aerror%3A%3Aforged%2Ca%3Ab.py,")


def test_a_glob_in_codeowners_is_refused(tmp_path):
    owners = tmp_path / "CODEOWNERS"
    owners.write_text("*.py @someone\n", "utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--codeowners", str(owners), "x.py"], capture_output=True, text=True, timeout=60
    )
    assert (result.returncode, result.stderr) == (
        2,
        "review_paths: CODEOWNERS:1: '*.py' — write an anchored path: /file or /folder/\n",
    )


def test_the_pull_request_check_marks_with_the_base_branch_copy():
    """A pull request that edits the script or CODEOWNERS cannot unmark its own changes."""
    import yaml

    job = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text("utf-8"))["jobs"]["check"]
    checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 2
    mark = next(step["run"] for step in job["steps"] if step.get("name", "").startswith("Mark changes to code"))
    assert "git show HEAD^1:scripts/review_paths.py" in mark and "git show HEAD^1:.github/CODEOWNERS" in mark
    assert "git diff -z --name-only HEAD^1 HEAD" in mark
