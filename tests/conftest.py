"""Fixtures shared by every test: the real data, a copy to break, one built site, a server."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# `HYPOTHESIS_PROFILE=deep python3 -m pytest tests/test_check_fuzz.py`: the deep fuzz (about 12,000
# inputs through the validator, each one that passes rendered); the suite itself runs a small slice.
hypothesis_settings.register_profile("deep", max_examples=4000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

from casefile import validate as data_check
from casefile import site as site_build
from casefile.paths import DATA, ROOT
from casefile.preview.static_host import serve_in_thread

ARTIFACTS = ROOT / "build"


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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, report) -> Path:
    """The whole site, built once per test session from the real data/ (not into site/)."""
    target = tmp_path_factory.mktemp("built") / "site"
    site_build.build(target, report=report)
    return target


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL (no trailing slash) of the built site served like a static host on 127.0.0.1."""
    server, base = serve_in_thread(built_site)
    yield base
    server.shutdown()
