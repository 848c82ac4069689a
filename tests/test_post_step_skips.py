"""The share pages' folders are passed by the post-steps that would only walk them: csp.run (each
page has its policy already), reproducible.run (no *.gz there) and fit_to_serve (written under
the umask, so already fit). Here: they are written so, and the skipping leaves the rest done."""
from __future__ import annotations

import gzip
import os
import stat
from pathlib import Path

from casefile.languages import LANGS
from casefile.settings import load as load_settings
from casefile.site import csp, reproducible, share_pages
from casefile.site.swap import fit_to_serve


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


def test_skipped_folders_are_not_walked_and_the_rest_is_done(tmp_path):
    out = tmp_path / "out"
    skipped = out / "es" / "d"
    (skipped / "p1").mkdir(parents=True)
    (skipped / "p1" / "index.html").write_text("<html><head></head></html>")
    (skipped / "p1" / "x.gz").write_bytes(gzip.compress(b"inside", mtime=123))
    os.chmod(skipped / "p1", 0o700)
    (out / "es" / "sitemap.xml").write_text("<urlset/>")
    (out / "es" / "sitemap.xml.gz").write_bytes(gzip.compress(b"old", mtime=123))
    (out / "es" / "page.html").write_text("<html><head></head></html>")
    os.chmod(out / "es", 0o700)

    csp.run(out, done=[skipped])
    assert (skipped / "p1" / "index.html").read_text() == "<html><head></head></html>"
    assert "Content-Security-Policy" in (out / "es" / "page.html").read_text()

    reproducible.run(out, skip=[skipped])
    assert gzip.decompress((out / "es" / "sitemap.xml.gz").read_bytes()) == b"<urlset/>"
    assert (skipped / "p1" / "x.gz").read_bytes() == gzip.compress(b"inside", mtime=123)

    mask = os.umask(0o022)
    os.umask(mask)
    fit_to_serve(out, fit=[skipped])
    assert stat.S_IMODE((out / "es").stat().st_mode) == 0o777 & ~mask
    assert stat.S_IMODE(skipped.stat().st_mode) == 0o777 & ~mask  # the folder itself is fitted
    assert stat.S_IMODE((skipped / "p1").stat().st_mode) == 0o700  # what is in it is not looked at
