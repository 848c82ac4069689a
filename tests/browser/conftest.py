"""Real-browser fixtures: one Debian Chromium for the session, a fresh context and page per test.

Playwright drives /usr/bin/chromium (never a downloaded browser). Without it the whole suite is
skipped on a developer machine, but fails when the CI environment variable is set.
The site itself comes from tests/conftest.py: `built_site` (built once) and `site_url` (served).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from casefile.paths import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
SCREENSHOTS = ROOT / "build" / "screenshots"


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def playwright_instance():
    if not CHROMIUM.exists():
        message = f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)"
        if _ci():
            pytest.fail(f"{message}; CI is set, so a missing browser is a failure, not a skip")
        pytest.skip(f"{message}; skipping the browser suite (set CI=true to make this a failure)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance):
    """The one Chromium of the session."""
    browser = playwright_instance.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser):
    """Factory for browser contexts (closed after the test); every request URL is recorded on
    `context.casefile_requests`, including those of the search web worker."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", DESKTOP)
        options.setdefault("locale", "es-MX")
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        context.casefile_requests = []
        context.on("request", lambda request: context.casefile_requests.append(request.url))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A fresh desktop page in its own context."""
    return new_context().new_page()


@pytest.fixture
def url(site_url):
    """url("en", "carta/#p9") -> http://127.0.0.1:PORT/en/carta/#p9"""

    def make(lang: str, path: str = "") -> str:
        return f"{site_url}/{lang}/{path}"

    return make


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS

