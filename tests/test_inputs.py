"""Only regular files inside the project are inputs: links, devices, FIFOs and sockets are refused.

Each case plants one such entry in a copy of the repository and runs the real commands: `check`
and `build` name the file, say why and what to do, exit 3, read nothing (a FIFO would hang them,
/dev/zero would exhaust memory) and publish nothing.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from casefile import inputs

DASH = " — "
REPLACE = "replace it with the file itself; the build reads and publishes only regular files inside the project"
REMOVE = "remove it; only regular files can be inputs"


@pytest.fixture
def repo(tiny_repo_copy) -> Path:
    return tiny_repo_copy  # tests/conftest.py: the subject is the commands, not the data


def run(repo: Path, *args):
    return subprocess.run(
        [sys.executable, str(repo / "scripts/build.py"), *args], cwd=repo, capture_output=True, text=True, timeout=120
    )


def _replace_with_link(path: Path, target: str) -> None:
    if path.exists():
        path.unlink()
    os.symlink(target, path)


def _fifo(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def _socket(path: Path) -> None:
    here = os.getcwd()
    os.chdir(path.parent)  # a socket's address is limited to ~100 bytes: bind it by its short name
    try:
        server = socket.socket(socket.AF_UNIX)
        server.bind(path.name)
        server.close()
    finally:
        os.chdir(here)


CASES = {
    "link-to-passwd": (
        "docs/assets/leak.txt",
        lambda p: _replace_with_link(p, "/etc/passwd"),
        f"is a symbolic link (to /etc/passwd), not a regular file{DASH}{REPLACE}",
    ),
    "link-to-environ": (
        "docs/assets/javascripts/env.txt",
        lambda p: _replace_with_link(p, "/proc/self/environ"),
        f"is a symbolic link (to /proc/self/environ), not a regular file{DASH}{REPLACE}",
    ),
    "link-inside-repository": (
        "docs/es/acerca.md",
        lambda p: _replace_with_link(p, "../en/acerca.md"),
        f"is a symbolic link (to ../en/acerca.md), not a regular file{DASH}{REPLACE}",
    ),
    "link-to-a-folder": (
        "docs/assets/system",
        lambda p: _replace_with_link(p, "/etc"),
        f"is a symbolic link (to /etc), not a regular file{DASH}{REPLACE.replace('the file itself', 'the folder itself')}",
    ),
    "data-link-to-dev-zero": (
        "data/signatories.yaml",
        lambda p: _replace_with_link(p, "/dev/zero"),
        f"is a symbolic link (to /dev/zero), not a regular file{DASH}{REPLACE}",
    ),
    "data-fifo": ("data/signatories.yaml", _fifo, f"is a named pipe (FIFO), not a regular file{DASH}{REMOVE}"),
    "schema-link": (
        "data/schema/letter.schema.json",
        lambda p: _replace_with_link(p, "common.schema.json"),
        f"is a symbolic link (to common.schema.json), not a regular file{DASH}{REPLACE}",
    ),
    "override-fifo": (
        "docs/overrides/partials/extra.html",
        _fifo,
        f"is a named pipe (FIFO), not a regular file{DASH}{REMOVE}",
    ),
    "asset-socket": ("docs/assets/s", _socket, f"is a socket, not a regular file{DASH}{REMOVE}"),
    "mkdocs-yml-link": (
        "mkdocs.yml",
        lambda p: (shutil.copy(p, p.with_name("base.yml")), _replace_with_link(p, "base.yml")),
        f"is a symbolic link (to base.yml), not a regular file{DASH}{REPLACE}",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_check_and_build_refuse_the_entry_and_publish_nothing(repo, case):
    name, plant, message = CASES[case]
    plant(repo / name)
    expected = f"{name}:1:1: {message}"

    checked = run(repo, "check")
    assert checked.returncode == 3, checked.stdout + checked.stderr
    assert checked.stdout.splitlines() == [
        expected,
        "check: 1 input file(s) refused (links, special or missing files); nothing was read",
    ]

    built = run(repo, "build")
    assert built.returncode == 3, built.stdout + built.stderr
    assert built.stderr.splitlines() == [
        expected,
        "build: 1 input file(s) refused (links, special or missing files); nothing was read",
        "build: failed; site/ was left as it was",
    ]
    assert not (repo / "site").exists() and not list(repo.glob(".site-*")), "nothing is published"


def test_a_character_device_is_refused(repo):
    path = repo / "docs/assets/null"
    try:
        os.mknod(path, stat.S_IFCHR | 0o644, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs CAP_MKNOD")
    problem = inputs.refusal(path, os.lstat(path))
    assert (problem.what, problem.fix) == ("is a character device, not a regular file", REMOVE)


def test_a_missing_page_of_docs_is_named(repo):
    (repo / "docs/en/acerca.md").unlink()
    checked = run(repo, "check")
    assert checked.returncode == 3
    assert checked.stdout.splitlines()[0] == (
        f"docs/en/acerca.md:1:1: is missing{DASH}restore it from the repository (git checkout -- docs/en/acerca.md)"
    )


# -- the bounded, no-follow read -----------------------------------------------------------------


def test_reads_are_bounded(tmp_path, monkeypatch):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a" * 5_000_000)
    read = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(real_read(fd, n)) or read[-1])
    assert len(inputs.read_bytes(big, 1000)) == 1001
    assert sum(map(len, read)) == 1001


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(inputs.Refused) as refused:
        inputs.read_bytes(fifo, 1000)  # O_NONBLOCK: opening it returns at once
    assert refused.value.what == "is a named pipe (FIFO), not a regular file"


def test_a_link_is_refused_on_open(tmp_path):
    (tmp_path / "real").write_text("x")
    os.symlink("real", tmp_path / "link")
    with pytest.raises(inputs.Refused) as refused:
        inputs.read_bytes(tmp_path / "link", 1000)
    assert refused.value.what == "is a symbolic link (to real), not a regular file"


def test_the_real_project_has_only_regular_inputs():
    assert inputs.check() == []
