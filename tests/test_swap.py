"""The output is fit to serve: ordinary permissions, an atomic swap, no stale folders, no link followed."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from casefile import errors
from casefile import pipeline as site_build
from casefile.paths import BUILD, ROOT
from casefile.pipeline import exclusive
from casefile.publish import swap as swap_module
from casefile.publish.swap import check_target, fit_to_serve, swap


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _modes(folder: Path) -> set:
    return {(p.is_dir(), stat.S_IMODE(p.lstat().st_mode)) for p in [folder, *folder.rglob("*")]}


def test_the_built_site_is_readable_by_any_user(built_site):
    mask = _umask()
    assert _modes(built_site) == {(True, 0o777 & ~mask), (False, 0o666 & ~mask)}
    if mask == 0o022:
        assert _modes(built_site) == {(True, 0o755), (False, 0o644)}


def test_permissions_follow_the_umask(tmp_path):
    folder = tmp_path / "out"
    (folder / "a").mkdir(parents=True, mode=0o700)
    (folder / "a/f").write_text("x")
    os.chmod(folder / "a/f", 0o600)
    old = os.umask(0o027)
    try:
        fit_to_serve(folder)
    finally:
        os.umask(old)
    assert _modes(folder) == {(True, 0o750), (False, 0o640)}


def _folder(path: Path, text: str) -> Path:
    path.mkdir(parents=True)
    (path / "index.html").write_text(text)
    return path


# A separate process (no shared interpreter lock) looks for the folder as fast as it can while this
# one swaps: with two renames it finds it missing hundreds of times in 150 swaps; with the exchange, never.
WATCHER = """
import os, sys
target, stop = sys.argv[1], sys.argv[2]
missing = 0
print("ready", flush=True)
while not os.path.exists(stop):
    if not os.path.isdir(target):
        missing += 1
print(missing)
"""


def test_the_swap_is_atomic_where_the_system_can(tmp_path, monkeypatch):
    target = _folder(tmp_path / "site", "0")
    exchanged = []
    real = swap_module._exchange
    monkeypatch.setattr(swap_module, "_exchange", lambda a, b: exchanged.append(real(a, b)) or exchanged[-1])
    watcher = subprocess.Popen(
        [sys.executable, "-c", WATCHER, str(target), str(tmp_path / "stop")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert watcher.stdout.readline().strip() == "ready"
        for n in range(1, 151):
            swap(_folder(tmp_path / f".site-new-{n}", str(n)), target)
    finally:
        (tmp_path / "stop").write_text("")
        missing = int(watcher.communicate(timeout=60)[0])
    if not all(exchanged):
        pytest.skip("this file system has no atomic exchange; the fallback is tested below")
    assert missing == 0, f"site/ was missing {missing} times while it was swapped"
    assert (target / "index.html").read_text() == "150"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "stop"]


def test_the_fallback_swap_uses_a_name_no_killed_build_left(tmp_path, monkeypatch):
    monkeypatch.setattr(swap_module, "_exchange", lambda a, b: False)
    target = _folder(tmp_path / "site", "old")
    _folder(tmp_path / f".site-old-{os.getpid()}", "left by a killed build with this PID")
    swap(_folder(tmp_path / ".site-new-x", "new"), target)
    assert (target / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f".site-old-{os.getpid()}", "site"]  # swept by the next build


def test_a_site_that_is_a_link_is_refused(tmp_path, tiny_report):
    real = _folder(tmp_path / "elsewhere", "kept")
    link = tmp_path / "site"
    os.symlink(real, link)
    with pytest.raises(errors.ProjectFileError) as refused:
        site_build.build(link, langs=("es",), report=tiny_report)
    assert refused.value.code == errors.PROJECT_FILE
    assert str(refused.value) == (
        f"{link}: is a symbolic link (to {real}); a build replaces this folder as a whole and does not write through links"
        " — remove the link, or build straight into the folder it points to with --site-dir"
    )
    assert link.is_symlink() and (real / "index.html").read_text() == "kept"
    with pytest.raises(errors.ProjectFileError):
        check_target(link)


def test_a_build_sweeps_what_killed_builds_left(tmp_path, tiny_report):
    target = tmp_path / "out" / "site"
    left = [
        _folder(target.parent / name, "stale") for name in (".site-new-abc123xy", ".site-old-4242", ".site-k2j3h4g5")
    ]
    stage = _folder(BUILD / "stage-killed01", "stale")
    kept = _folder(target.parent / ".site-notes", "not ours")  # not a name a build uses... but close
    site_build.build(target, langs=("es",), report=tiny_report)
    assert not stage.exists() and not any(p.exists() for p in left)
    assert sorted(p.name for p in target.parent.iterdir()) == [".site-notes", "site"]
    assert kept.exists()
    assert not list(BUILD.glob("stage-*"))


def test_one_build_at_a_time(tmp_path):
    probe = (
        "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDWR)\n"
        "try:\n    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\nexcept BlockingIOError:\n    sys.exit(9)\n"
    )
    with exclusive(tmp_path) as alone:
        assert alone
        held = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "build.lock")], timeout=60)
    free = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "build.lock")], timeout=60)
    assert (held.returncode, free.returncode) == (9, 0)


def test_gitignore_covers_what_a_build_can_leave():
    names = [
        "site/index.html",
        "build/stage-abc/x",
        "build/build.lock",
        "build/preview/index.html",
        ".site-new-abc12345/x",
        ".site-old-1234/x",
        ".site-old-abc12345/x",
    ]
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", *names], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == names
