"""A rebuild over a previous site carries its share pages (site/share_carry.py): the same tree as a
fresh build, only what changed is written, and a failure at any step leaves the previous site as
it was. The builds here are of the small dataset (tests/fixtures/data/)."""
from __future__ import annotations

import errno
import importlib
import os
import shutil
import stat
from pathlib import Path

import pytest

from casefile import site as site_build
from casefile import validate as data_check
from casefile.languages import LANGS
from casefile.settings import load as load_settings
from casefile.site import share_carry
from casefile.site.share_pages import FOLDER

build_module = importlib.import_module("casefile.site.build")  # casefile.site.build is also the function
FACT = "      - id: investigacion-autoria\n"
SMALL_DATA = Path(__file__).parent / "fixtures" / "data"  # the `small_data` of conftest.py


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
    """data/findings.yaml as in the small data, but the fact 'investigacion-autoria' given a
    former id and/or a new Spanish title; the report."""
    findings = data / "findings.yaml"
    text = (SMALL_DATA / "findings.yaml").read_text("utf-8")
    assert FACT in text and "es: Quién investigó\n" in text
    if former:
        text = text.replace(FACT, FACT + f"        former_ids: [{former}]\n", 1)
    if title:
        text = text.replace("es: Quién investigó\n", f"es: {title}\n", 1)
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
    shutil.copytree(SMALL_DATA, data)
    target = data.parent / "out" / "site"
    site_build.build(target, report=edit(data, former="quien-fue"), settings=load_settings())
    return target


@pytest.fixture
def previous(tmp_path, small_data, built_once):
    """A site built from the small data in which the fact has a former id 'quien-fue' (a share
    page that the next build drops): a copy of `built_once`, modes and all, and the small data as
    it was built from."""
    edit(small_data, former="quien-fue")
    target = tmp_path / "out" / "site"
    shutil.copytree(built_once, target, symlinks=True)
    return target


@pytest.fixture
def changed(previous, small_data):
    """The small data with the fact's Spanish title changed (its share page differs) and another
    former id, 'quien-investigo' (a share page that is new), after `previous` was built."""
    return edit(small_data, former="quien-investigo", title="Quién hizo la investigación")


def fresh(tmp_path, report, settings) -> dict:
    target = tmp_path / "fresh" / "site"
    site_build.build(target, report=report, settings=settings)
    return tree(target)


def test_a_rebuild_carries_the_share_pages_and_changes_only_what_differs(previous, changed, settings, tmp_path):
    es = previous / "es" / FOLDER
    kept = {name: os.stat(es / name / "index.html").st_ino for name in os.listdir(es)}
    folders = {name: os.stat(es / name).st_ino for name in os.listdir(es)}
    carried = os.stat(es).st_ino
    before = (es / "investigacion-autoria" / "index.html").read_bytes()
    site_build.build(previous, report=changed, settings=settings)

    assert tree(previous) == fresh(tmp_path, changed, settings)
    assert sorted(p.name for p in previous.parent.iterdir()) == ["site"]
    assert not (es / "quien-fue").exists() and (es / "quien-investigo" / "index.html").is_file()
    page = (es / "investigacion-autoria" / "index.html").read_bytes()
    assert page != before and "Quién hizo la investigación".encode() in page
    # Carried, not written again: the same folders, and the same files where the page did not change.
    assert os.stat(es).st_ino == carried
    same = {name for name in os.listdir(es) if name in folders and os.stat(es / name).st_ino == folders[name]}
    assert same == set(folders) - {"quien-fue"}
    rewritten = {name for name in same if os.stat(es / name / "index.html").st_ino != kept[name]}
    assert rewritten == {"investigacion-autoria"}


def test_a_rebuild_of_the_same_data_writes_no_share_page(previous, small_data, settings):
    report = data_check.run(small_data)
    before = tree(previous)
    pages = {lang: {p: os.stat(p).st_ino for p in (previous / lang / FOLDER).glob("*/index.html")} for lang in LANGS}
    assert all(pages.values())
    site_build.build(previous, report=report, settings=settings)
    assert tree(previous) == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["site"]
    for lang in LANGS:
        assert {p: os.stat(p).st_ino for p in (previous / lang / FOLDER).glob("*/index.html")} == pages[lang]


def test_another_site_address_changes_every_page_and_they_are_written_anew(previous, small_data, tmp_path):
    report = data_check.run(small_data)
    elsewhere = load_settings(site_url="https://example.org/casefile/")
    folder = os.stat(previous / "es" / FOLDER).st_ino
    site_build.build(previous, report=report, settings=elsewhere)
    assert tree(previous) == fresh(tmp_path, report, elsewhere)
    assert os.stat(previous / "es" / FOLDER).st_ino != folder  # more than LIMIT changed: not carried


def test_what_a_build_would_not_make_is_replaced(previous, small_data, settings, built_once):
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
    report = data_check.run(small_data)
    carried = os.stat(es).st_ino
    site_build.build(previous, report=report, settings=settings)
    assert tree(previous) == tree(built_once)
    assert os.stat(es).st_ino == carried


def test_pages_behind_a_link_are_not_taken(previous, small_data, settings, tmp_path, built_once):
    """A language folder that is a link to elsewhere: its d/ is not moved out of there, and the
    site is what a fresh build of the same data makes (`built_once`)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.rename(previous / "es", elsewhere / "es")
    os.symlink(elsewhere / "es", previous / "es")
    before = tree(elsewhere)
    report = data_check.run(small_data)
    site_build.build(previous, report=report, settings=settings)
    assert tree(elsewhere) == before
    assert tree(previous) == tree(built_once)


def test_pages_made_under_another_umask_are_not_carried(previous, small_data, settings):
    """fit_to_serve's promise (modes from the current umask) holds for the share pages too."""
    report = data_check.run(small_data)
    old = os.umask(0o027)
    try:
        site_build.build(previous, report=report, settings=settings)
    finally:
        os.umask(old)
    modes = {(p.is_dir(), stat.S_IMODE(p.lstat().st_mode)) for lang in LANGS for p in (previous / lang / FOLDER).rglob("*")}
    assert modes == {(True, 0o750), (False, 0o640)}


class FailingRename:
    """os.rename, failing on its `n`th call."""

    def __init__(self, n: int):
        self.n, self.calls, self.rename = n, 0, os.rename

    def __call__(self, source, destination):
        self.calls += 1
        if self.calls == self.n:
            raise OSError(errno.EIO, "simulated failure", str(destination))
        self.rename(source, destination)


def test_a_failure_at_any_step_of_the_carry_leaves_the_previous_site(previous, changed, settings, monkeypatch, tmp_path):
    """move_in's renames are each failed in turn (the carry driven as build.py drives it, into a
    new folder beside the target): what was moved is moved back, nothing is left beside it."""
    before = tree(previous)
    count = 0
    for n in range(1, 100):
        out = build_module.new_folder(previous)
        for lang in LANGS:
            (out / lang).mkdir()
        carry = share_carry.Carry(previous, out)
        carry.write(out / build_module.SIDE, LANGS, changed.dataset, settings)
        failing = FailingRename(n)
        monkeypatch.setattr(os, "rename", failing)
        try:
            carry.move_in()
        except OSError:
            pass
        else:
            count = n - 1  # all went through: undone too
        finally:
            monkeypatch.setattr(os, "rename", failing.rename)
        carry.abandon()
        shutil.rmtree(out)
        assert tree(previous) == before, f"rename {n}"
        assert sorted(p.name for p in previous.parent.iterdir()) == ["site"]
        if count:
            break
    assert count == 5 + 3  # es: d/, the gone id, the changed page (2), the new id; en: all but the changed page


def test_a_failed_swap_puts_the_share_pages_back(previous, changed, settings, monkeypatch):
    before = tree(previous)

    def broken(new, target, discard):
        assert not (target / "es" / FOLDER).exists()  # the carry moved them into the new site
        raise OSError(errno.EIO, "simulated failure of the swap")

    monkeypatch.setattr(build_module, "swap", broken)
    with pytest.raises(OSError):
        site_build.build(previous, report=changed, settings=settings)
    assert tree(previous) == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["site"]


def test_a_build_failing_in_its_carry_leaves_the_previous_site(previous, changed, settings, monkeypatch):
    before = tree(previous)
    real = share_carry.Carry.move_in

    def move_in(self):
        monkeypatch.setattr(os, "rename", FailingRename(4))  # d/, a gone id, a changed page's old file moved; the new one fails
        real(self)

    monkeypatch.setattr(share_carry.Carry, "move_in", move_in)
    with pytest.raises(OSError):
        site_build.build(previous, report=changed, settings=settings)
    monkeypatch.undo()
    assert tree(previous) == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["site"]


def test_the_preview_gets_the_carrys_spare_folder_to_discard(previous, changed, settings):
    """serve passes `discard` (it removes what it is given while idle): the carry's spare folder,
    holding the replaced pages, is given to it, with the previous site and the stage."""
    given = []
    site_build.build(previous, report=changed, settings=settings, discard=given.append)
    beside = sorted(p for p in previous.parent.iterdir() if p.name != "site")
    assert beside and set(beside) <= set(given)
    spare = [p for p in beside if (p / "es" / "trash").is_dir()]
    assert len(spare) == 1 and (spare[0] / "es" / "trash" / "quien-fue" / "index.html").is_file()
    for folder in given:  # (the stage may be gone: a build beside this one sweeps build/stage-*)
        shutil.rmtree(folder, ignore_errors=True)
