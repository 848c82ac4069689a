"""A rebuild over a previous site gives its share pages as a fresh build does (a dropped former id
gone, a new one there, a changed record's page changed), under the current umask, and a failure
leaves the previous site as it was. The builds here are of the tiny dataset (tests/fixtures/tiny/)."""

from __future__ import annotations

import errno
import importlib
import os
import shutil
import stat
from pathlib import Path

import pytest

from casefile import pipeline as site_build
from casefile import validate as data_check
from casefile.languages import LANGS
from casefile.publish.share_pages import FOLDER
from casefile.settings import load as load_settings

# One worker runs the whole file (under `--dist loadgroup`): `built_once` is built once, not once a worker.
pytestmark = pytest.mark.xdist_group("share-rebuild")

build_module = importlib.import_module("casefile.pipeline")
FACT = "      - id: investigacion-publicacion\n"
TITLE = "          es: Publicación\n"  # the fact's Spanish title
TINY_DATA = Path(__file__).parent / "fixtures" / "tiny"  # the `tiny_data` of conftest.py


def tree(folder: Path) -> dict:
    """Every path below `folder` with its kind, mode and bytes."""
    found = {}
    for root, dirs, names in os.walk(folder):
        for name in dirs + names:
            path = Path(root, name)
            info = path.lstat()
            key = path.relative_to(folder).as_posix()
            if stat.S_ISLNK(info.st_mode):
                found[key] = ("link", os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                found[key] = ("folder", stat.S_IMODE(info.st_mode))
            else:
                found[key] = ("file", stat.S_IMODE(info.st_mode), path.read_bytes())
    return found


def edit(data: Path, former=None, title=None) -> object:
    """data/findings.yaml as in the tiny data, but the fact 'investigacion-publicacion' given a
    former id and/or a new Spanish title; the report."""
    findings = data / "findings.yaml"
    text = (TINY_DATA / "findings.yaml").read_text("utf-8")
    assert FACT in text and TITLE in text
    if former:
        text = text.replace(FACT, FACT + f"        former_ids: [{former}]\n", 1)
    if title:
        text = text.replace(TITLE, f"          es: {title}\n", 1)
    findings.write_text(text, "utf-8")
    report = data_check.run(data)
    assert report.ok, [str(p) for p in report.errors]
    return report


@pytest.fixture
def settings():
    return load_settings()


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    """The site of `previous`, built once for this file (a build is most of a test's time here)."""
    data = tmp_path_factory.mktemp("previous") / "data"
    shutil.copytree(TINY_DATA, data)
    target = data.parent / "out" / "site"
    site_build.build(target, report=edit(data, former="quien-fue"), settings=load_settings())
    return target


@pytest.fixture
def previous(tmp_path, tiny_data, built_once):
    """A site built from the tiny data in which the fact has a former id 'quien-fue' (a share
    page that the next build drops): a copy of `built_once`, modes and all, and the tiny data as
    it was built from."""
    edit(tiny_data, former="quien-fue")
    target = tmp_path / "out" / "site"
    shutil.copytree(built_once, target, symlinks=True)
    return target


@pytest.fixture
def changed(previous, tiny_data):
    """The tiny data with the fact's Spanish title changed (its share page differs) and another
    former id, 'quien-investigo' (a share page that is new), after `previous` was built."""
    return edit(tiny_data, former="quien-investigo", title="Cuándo se publicó la investigación")


def fresh(tmp_path, report, settings) -> dict:
    target = tmp_path / "fresh" / "site"
    site_build.build(target, report=report, settings=settings)
    return tree(target)


def test_a_rebuild_changes_the_share_pages_as_the_data_did(previous, changed, settings, tmp_path):
    es = previous / "es" / FOLDER
    before = (es / "investigacion-publicacion" / "index.html").read_bytes()
    site_build.build(previous, report=changed, settings=settings)

    assert tree(previous) == fresh(tmp_path, changed, settings)
    assert sorted(p.name for p in previous.parent.iterdir()) == ["site"]
    assert not (es / "quien-fue").exists() and (es / "quien-investigo" / "index.html").is_file()
    page = (es / "investigacion-publicacion" / "index.html").read_bytes()
    assert page != before and "Cuándo se publicó la investigación".encode() in page


def test_a_rebuild_of_the_same_data_gives_the_same_site(previous, tiny_data, settings):
    report = data_check.run(tiny_data)
    before = tree(previous)
    site_build.build(previous, report=report, settings=settings)
    assert tree(previous) == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["site"]


def test_another_site_address_changes_every_page(previous, tiny_data, tmp_path):
    report = data_check.run(tiny_data)
    elsewhere = load_settings(site_url="https://example.org/casefile/")
    site_build.build(previous, report=report, settings=elsewhere)
    assert tree(previous) == fresh(tmp_path, report, elsewhere)


def test_what_a_build_would_not_make_is_replaced(previous, tiny_data, settings, built_once):
    """A stray file in d/ or in a page's folder, a page folder of another mode, a link: the
    result is still what a fresh build makes (`built_once`, of the same data)."""
    es = previous / "es" / FOLDER
    names = sorted(os.listdir(es))
    (es / "stray.txt").write_text("x")
    (es / names[0] / "extra.html").write_text("x")
    os.chmod(es / names[1], 0o700)
    os.chmod(es / names[2] / "index.html", 0o600)
    shutil.rmtree(es / names[3])
    os.symlink(es / names[4], es / names[3])
    report = data_check.run(tiny_data)
    site_build.build(previous, report=report, settings=settings)
    assert tree(previous) == tree(built_once)


def test_pages_behind_a_link_are_left_alone(previous, tiny_data, settings, tmp_path, built_once):
    """A language folder that is a link to elsewhere: what it points at is not touched, and the
    site is what a fresh build of the same data makes (`built_once`)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.rename(previous / "es", elsewhere / "es")
    os.symlink(elsewhere / "es", previous / "es")
    before = tree(elsewhere)
    report = data_check.run(tiny_data)
    site_build.build(previous, report=report, settings=settings)
    assert tree(elsewhere) == before
    assert tree(previous) == tree(built_once)


def test_pages_are_written_under_the_current_umask(previous, tiny_data, settings):
    """fit_to_serve's promise (modes from the current umask) holds for the share pages too."""
    report = data_check.run(tiny_data)
    old = os.umask(0o027)
    try:
        site_build.build(previous, report=report, settings=settings)
    finally:
        os.umask(old)
    modes = {
        (p.is_dir(), stat.S_IMODE(p.lstat().st_mode)) for lang in LANGS for p in (previous / lang / FOLDER).rglob("*")
    }
    assert modes == {(True, 0o750), (False, 0o640)}


def test_a_failed_swap_leaves_the_previous_share_pages(previous, changed, settings, monkeypatch):
    before = tree(previous)

    def broken(new, target, discard):
        raise OSError(errno.EIO, "simulated failure of the swap")

    monkeypatch.setattr(build_module, "swap", broken)
    with pytest.raises(OSError):
        site_build.build(previous, report=changed, settings=settings)
    assert tree(previous) == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["site"]
