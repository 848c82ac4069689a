"""swap.remove takes a previous site away entirely, a few sub-folders at a time, and never
follows a link out of it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casefile.publish import swap


def _tree(root: Path, outside: Path) -> None:
    for lang in ("es", "en"):
        for n in range(30):
            page = root / lang / "d" / f"p{n}"
            page.mkdir(parents=True)
            (page / "index.html").write_text(str(n))
        (root / lang / "index.html").write_text(lang)
    (root / "assets" / "javascripts").mkdir(parents=True)
    (root / "assets" / "javascripts" / "a.js").write_text("x")
    (root / "404.html").write_text("404")
    (root / "es" / "linked").symlink_to(outside, target_is_directory=True)  # two levels down: one of the parts
    (root / "linked").symlink_to(outside, target_is_directory=True)
    (root / "es" / "d" / "linked").symlink_to(outside, target_is_directory=True)


@pytest.mark.parametrize("cores", [1, 2, 8])
def test_remove_takes_everything_and_follows_no_link(tmp_path, monkeypatch, cores):
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    outside = tmp_path / "outside"
    (outside / "keep").mkdir(parents=True)
    (outside / "keep" / "file").write_text("kept")
    root = tmp_path / ".site-old-abcdefgh"
    _tree(root, outside)
    swap.remove(root)
    assert not os.path.lexists(root)
    assert (outside / "keep" / "file").read_text() == "kept"


def test_remove_of_what_is_not_there_or_a_file(tmp_path):
    swap.remove(tmp_path / "missing")
    (tmp_path / "file").write_text("x")
    swap.remove(tmp_path / "file")  # as shutil.rmtree(ignore_errors=True): left alone, no error
    assert (tmp_path / "file").exists()
