"""The share pages are written fit to serve and with their policy; csp.run passes by the folders
it is told are done (the root run passes each language's, whose pages have their policy)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from casefile.languages import LANGS
from casefile.publish import csp, share_pages
from casefile.settings import load as load_settings


def _modes(folder: Path) -> set:
    return {(p.is_dir(), stat.S_IMODE(p.lstat().st_mode)) for p in [folder, *folder.rglob("*")]}


def test_share_pages_are_written_fit_to_serve_and_with_their_policy(report, tmp_path):
    old = os.umask(0o027)
    try:
        folders = share_pages.write(tmp_path, LANGS, report.dataset, load_settings())
    finally:
        os.umask(old)
    assert folders == [tmp_path / lang / share_pages.FOLDER for lang in LANGS]
    for folder in folders:
        assert _modes(folder) == {(True, 0o750), (False, 0o640)}
        assert {p.name for p in folder.rglob("*") if p.is_file()} == {"index.html"}
        page = next(folder.glob("*/index.html")).read_text("utf-8")
        assert csp.apply(page) == page  # its policy is already the one csp.run would set


def test_csp_passes_by_the_folders_done_and_does_the_rest(tmp_path):
    out = tmp_path / "out"
    skipped = out / "es" / "d"
    (skipped / "p1").mkdir(parents=True)
    (skipped / "p1" / "index.html").write_text("<html><head></head></html>")
    (out / "es" / "page.html").write_text("<html><head></head></html>")

    csp.run(out, done=[skipped])
    assert (skipped / "p1" / "index.html").read_text() == "<html><head></head></html>"
    assert "Content-Security-Policy" in (out / "es" / "page.html").read_text()
