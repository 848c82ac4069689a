"""Fixtures shared by every test: the real data, a copy to break (of data/, of the small dataset in
tests/fixtures/data/ or of the tiny one in tests/fixtures/tiny/), one site built from data/ and one
from the tiny dataset, each shared by the xdist workers, a server; the `browser` marker; the
Hypothesis profiles."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

import fuzz_profiles

fuzz_profiles.load()  # before the test modules, whose @settings start from the loaded profile

from casefile import pipeline as site_build
from casefile import settings as settings_module
from casefile import validate as data_check
from casefile.paths import DATA, ROOT
from casefile.preview.static_host import serve_in_thread

ARTIFACTS = ROOT / "build"
BROWSER_TESTS = Path(__file__).parent / "browser"
# The test site is built for a project-pages style address and served under its path.
SITE_ADDRESS = "https://example.net/casefile/"
REPOSITORY = "https://github.com/example-owner/casefile"


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "browser: needs Chromium (everything in tests/browser/); "
        "`-m 'not browser'` or `--ignore=tests/browser` runs the fast suite",
    )


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)


# When a run ends, pytest deletes the temporary folders of the run three runs back: here tens of
# thousands of files (every test that builds a site leaves one), ~5 s on ext4 after the last test.
# The controller moves those folders aside instead, as pytest would pick them (its own helpers),
# and a detached `rm` deletes them: a run ends when its tests do. A CI machine that starts clean
# has nothing to delete either way.
TRASH = ".casefile-trash-"


@pytest.hookimpl(tryfirst=True)  # before pytest's own clean-up in its sessionfinish
def pytest_sessionfinish(session):
    config = session.config
    if hasattr(config, "workerinput") or config.option.basetemp or config.getini("tmp_path_retention_policy") != "all":
        return  # an xdist worker (the controller owns the folders), or a folder given or kept by choice
    try:
        from _pytest.pathlib import LOCK_TIMEOUT, cleanup_candidates, ensure_deletable

        basetemp = config._tmp_path_factory.getbasetemp()
    except (ImportError, AttributeError):  # another pytest: it cleans up as it always did
        return
    root, keep = basetemp.parent, int(config.getini("tmp_path_retention_count"))
    dead_before = basetemp.stat().st_mtime - LOCK_TIMEOUT
    trash = list(root.glob(TRASH + "*"))  # a deletion that did not finish before
    for folder in cleanup_candidates(root, "pytest-", keep):
        if folder != basetemp and ensure_deletable(folder, dead_before):  # not a run still going
            trash.append(folder.rename(root / f"{TRASH}{uuid.uuid4().hex}"))
    if trash:
        subprocess.Popen(
            ["rm", "-rf", "--", *map(str, trash)],
            start_new_session=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


@pytest.fixture(scope="session")
def report():
    """The validation report of the real data/."""
    return data_check.run()


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ that a test may break; check.run(data_copy) validates it."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


SMALL_DATA = ROOT / "tests" / "fixtures" / "data"


@pytest.fixture
def small_data(tmp_path) -> Path:
    """A private copy of tests/fixtures/data/, a third smaller than data/ and just as valid: the
    whole letter and a few real records of every other file (tests/fixtures/make_small_data.py).
    For tests of one rule or one message, which need a valid dataset to break, not all of data/."""
    target = tmp_path / "data"
    shutil.copytree(SMALL_DATA, target)
    return target


TINY_DATA = ROOT / "tests" / "fixtures" / "tiny"


@pytest.fixture(scope="session")
def tiny_report():
    """The validation report of the tiny dataset, tests/fixtures/tiny/."""
    return data_check.run(TINY_DATA)


@pytest.fixture
def tiny_data(tmp_path) -> Path:
    """A private copy of tests/fixtures/tiny/, the smallest valid copy of data/: one or two real
    records of every list, the whole body of the letter and two of its signatories
    (tests/fixtures/make_tiny_data.py). For tests that need a valid dataset, not the real one."""
    target = tmp_path / "data"
    shutil.copytree(TINY_DATA, target)
    return target


@pytest.fixture(scope="session")
def build_settings():
    """The settings the test site is built with: a real-looking address under a subpath."""
    return settings_module.load(site_url=SITE_ADDRESS, repository=REPOSITORY)


def _built_once(tmp_path_factory, name: str, report, settings) -> Path:
    """A site built from `report`'s data for `settings`, once per test run, into the run's temporary
    folder. Under pytest-xdist the workers share one build: the first to need it builds it into this
    run's temporary folder (the parent of every worker's own) while the others wait on a file lock."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        target = tmp_path_factory.mktemp(name) / "site"
        site_build.build(target, report=report, settings=settings)
        return target
    run = tmp_path_factory.getbasetemp().parent
    target, done = run / name / "site", run / f"{name}.done"
    with open(run / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():  # the first worker here (or the previous one failed: try again, fail here too)
            site_build.build(target, report=report, settings=settings)
            done.touch()
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, report, build_settings) -> Path:
    """The whole site, built once per test run from the real data/ (not into site/), for the
    address SITE_ADDRESS, and shared by the xdist workers. Tests only read it."""
    return _built_once(tmp_path_factory, "built", report, build_settings)


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory, tiny_report, build_settings) -> Path:
    """The site built from the tiny dataset (tests/fixtures/tiny/), once per test run, for the
    address SITE_ADDRESS, and shared by the xdist workers like `built_site`. Every page is there,
    with a record or two of each list: for the tests whose subject is how the site is built
    (headers, share pages, sitemaps, rebuilds), not the real data. Tests only read it."""
    return _built_once(tmp_path_factory, "tiny", tiny_report, build_settings)


@pytest.fixture(scope="session")
def site_url(built_site, build_settings):
    """Base URL (no trailing slash) of the built site served like a static host on 127.0.0.1,
    under the same path as its address (/casefile), as GitHub project pages serve it."""
    server, base = serve_in_thread(built_site, prefix=build_settings.base_path)
    yield base
    server.shutdown()


def copy_repository(target: Path, data: Path = DATA) -> Path:
    """The parts of the repository the commands need (data/, docs/, scripts/, mkdocs.yml), with
    `data` (by default the real data/; TINY_DATA for the tiny dataset) as data/, whose schema/ is
    always the repository's."""
    shutil.copytree(data, target / "data")
    if not (target / "data" / "schema").exists():
        shutil.copytree(DATA / "schema", target / "data" / "schema")
    for name in ("docs", "scripts"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    """A copy of the repository that a test may edit and run the commands in."""
    return copy_repository(tmp_path / "repo")


@pytest.fixture
def tiny_repo_copy(tmp_path) -> Path:
    """A copy of the repository like `repo_copy` whose data/ is the tiny dataset
    (tests/fixtures/tiny/): for the tests of the commands whose subject is not the real data."""
    return copy_repository(tmp_path / "repo", data=TINY_DATA)
