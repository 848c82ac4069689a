"""`check --format github` and `check --data DIR`: what a pull request's checks show, line for line.

GitHub turns each `::error file=…,line=…,col=…::message` line of a workflow's output into an
annotation on that line of the pull request. The file must be relative to the repository root, so
a data folder in a checkout of its own (a pull request checked out next to the base) is named
relative to that checkout; properties escape %, : and , and the message escapes %, CR and LF.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml

from casefile.paths import DATA, ROOT
from casefile.problems import ERROR, WARNING, Problem

UNUSED_SOURCE = (
    "  - id: fuente-sin-uso\n"
    "    publisher: Nadie\n"
    "    title: Nada\n"
    "    url: https://example.org/\n"
    "    language: es\n"
    "    kind: webpage\n"
)


def check(*args):
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "check", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def line_of(path, text) -> int:
    hits = [i + 1 for i, line in enumerate(path.read_text("utf-8").split("\n")) if line == text]
    assert len(hits) == 1, (text, hits)
    return hits[0]


def replace(path, old, new):
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


@pytest.fixture
def checkout(tmp_path):
    """A copy of data/ inside another git checkout, as a pull request's files are in a workflow."""
    root = tmp_path / "pull-request"
    (root / ".git").mkdir(parents=True)
    shutil.copytree(DATA, root / "data")
    return root


def test_errors_and_warnings_of_a_broken_copy_are_annotations_on_their_lines(checkout):
    data = checkout / "data"
    replace(data / "signatories.yaml", "    name: Causa Natura, A.C.", "    name: Causa Natura A.C.")
    replace(data / "letter.yaml", "sender_short: NOSC", "sender_short: yes")
    (data / "sources.yaml").write_text((data / "sources.yaml").read_text("utf-8") + UNUSED_SOURCE, "utf-8")
    warn = line_of(data / "sources.yaml", "  - id: fuente-sin-uso")
    index = len(yaml.safe_load((data / "sources.yaml").read_text("utf-8"))["sources"]) - 1
    yes = line_of(data / "letter.yaml", "sender_short: yes")
    name = line_of(data / "signatories.yaml", "    name: Causa Natura A.C.")
    done = check("--data", str(data), "--format", "github")
    assert done.returncode == 1
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        f"::warning file=data/sources.yaml,line={warn},col=9::sources[{index}].id: source 'fuente-sin-uso' is not cited by any record"
        " — cite it where it supports a fact, or remove it",
        f"::error file=data/letter.yaml,line={yes},col=15::sender_short: unquoted 'yes' is read as the boolean true by YAML 1.1"
        ' — write "yes" in quotes if you mean the text, or true/false for a yes/no field',
        f"::error file=data/signatories.yaml,line={name},col=17::signatories[1].name: 'Causa Natura A.C.' is not the name the letter gives: "
        f"'Causa Natura, A.C.' ({data}/carta-nosc-2023-01-16.txt:64) — write the name exactly as the letter's signature block does",
        "check: 2 problem(s) in 2 file(s); nothing was built",
    ]


def test_a_warning_alone_passes_and_is_a_warning_annotation(checkout):
    data = checkout / "data"
    (data / "sources.yaml").write_text((data / "sources.yaml").read_text("utf-8") + UNUSED_SOURCE, "utf-8")
    done = check("--data", str(data), "--format", "github")
    assert done.returncode == 0
    first, summary = done.stdout.splitlines()
    assert first.startswith("::warning file=data/sources.yaml,line=")
    assert summary.endswith("; 1 warning(s)")


def test_the_repositorys_own_data_is_named_from_the_repository_root(report):
    problem = Problem("data/letter.yaml", 3, 7, "date", "x", "y")
    assert problem.github() == "::error file=data/letter.yaml,line=3,col=7::date: x — y"
    done = check("--format", "github")
    assert done.returncode == 0 and done.stdout.startswith("check: data/ is valid")


def test_properties_escape_percent_colon_and_comma(tmp_path):
    """Outside any git checkout the path stays absolute; its %, : and , are escaped, as GitHub requires."""
    data = tmp_path / "a,b:c%d" / "data"
    shutil.copytree(DATA, data)
    replace(data / "letter.yaml", "sender_short: NOSC", "sender_short: yes")
    done = check("--data", str(data), "--format", "github")
    escaped = str(data / "letter.yaml").replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
    assert done.stdout.splitlines()[0].startswith(f"::error file={escaped},line=")
    assert "a%2Cb%3Ac%25d" in escaped


def test_the_message_escapes_percent_and_line_breaks():
    problem = Problem("data/case.yaml", 2, 3, "summary[0].text", "100% sure\r\nor not", "fix 50%", WARNING)
    assert (
        problem.github()
        == "::warning file=data/case.yaml,line=2,col=3::summary[0].text: 100%25 sure%0D%0Aor not — fix 50%25"
    )
    assert (
        Problem("data/case.yaml", 1, 1, "", "is missing", "", ERROR).github()
        == "::error file=data/case.yaml,line=1,col=1::is missing"
    )


def test_a_percent_sign_in_the_data_reaches_github_escaped(checkout):
    data = checkout / "data"
    replace(data / "signatories.yaml", "    name: Causa Natura, A.C.", "    name: Causa Natura, A.C. 100%")
    done = check("--data", str(data), "--format", "github")
    (line, _) = done.stdout.splitlines()
    assert "'Causa Natura, A.C. 100%25' is not the name the letter gives" in line
    assert "%" not in line.replace("%25", "")


def test_check_data_checks_that_folder_and_not_data(data_copy):
    """A broken copy fails while data/ is valid; a valid copy passes and names its folder."""
    replace(data_copy / "letter.yaml", "sender_short: NOSC", "sender_short: yes")
    broken = check("--data", str(data_copy))
    assert broken.returncode == 1
    assert broken.stdout.splitlines()[0].startswith(f"{data_copy / 'letter.yaml'}:")
    assert check().returncode == 0
    replace(data_copy / "letter.yaml", "sender_short: yes", "sender_short: NOSC")
    fixed = check("--data", str(data_copy))
    assert fixed.returncode == 0
    assert fixed.stdout.startswith(f"check: {data_copy}/ is valid — 9 files (")
