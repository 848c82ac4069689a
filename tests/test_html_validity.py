"""Every built page is valid HTML for the W3C Nu checker (vnu), the validator outside judges use.

The checker comes from npm (`npm ci` installs the pinned `vnu-jar` of package.json) and runs on
Java. Without either the test is skipped on a developer machine, but fails when CI is set.
Java starts once per test run: one checker run reads every built page and the two probe pages of
the second test (a JVM start-up with its compiler costs more CPU than checking the whole site).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from casefile.paths import ROOT
from casefile.theme.valid_html import fix

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="module")
def vnu():
    java = shutil.which("java")
    if java is None or not VNU.exists():
        message = f"the HTML check needs java and {VNU.relative_to(ROOT)} (run `npm ci` at the repository root)"
        if _ci():
            pytest.fail(f"{message}; CI is set, so a missing checker is a failure, not a skip")
        pytest.skip(message)
    # C1 only (no C2 compiler threads): half the CPU for one short run; C1's larger frames need a
    # bigger stack than the checker's documented 512k minimum.
    return [java, "-XX:TieredStopAtLevel=1", "-Xss8m", "-jar", str(VNU)]


# Material's own markup, before theme/valid_html.py, has an error the checker must see.
MATERIAL_DRAWER = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    "</body></html>"
)


@pytest.fixture(scope="module")
def checked(built_site, vnu, tmp_path_factory):
    """One checker run over every built page and the two probe pages: {file: [error, ...]} for
    every file given, and the built pages that were checked."""
    probes = tmp_path_factory.mktemp("vnu-probes")
    (probes / "material.html").write_text(MATERIAL_DRAWER, "utf-8")
    (probes / "fixed.html").write_text(fix(MATERIAL_DRAWER), "utf-8")
    pages = sorted(built_site.rglob("*.html"))
    files = [*pages, probes / "material.html", probes / "fixed.html"]
    done = subprocess.run(
        [*vnu, "--errors-only", "--format", "json", *map(str, files)], capture_output=True, text=True, timeout=600
    )
    try:
        messages = json.loads(done.stderr or done.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no JSON report (exit {done.returncode}):\n{done.stderr[-2000:]}")
    errors = {path: [] for path in files}
    for m in messages:
        if m.get("type") == "error":
            path = Path(unquote(urlsplit(m.get("url", "")).path))  # file:/tmp/a%20b.html
            path = path if path in errors else probes / "unknown"  # a message about no file given counts too
            errors.setdefault(path, []).append(
                f"{m.get('url', '?').rsplit('/site/', 1)[-1]}:{m.get('lastLine', '?')}: {m.get('message')}"
            )
    return errors, pages, probes


# One worker runs both tests (`pytest -n 2 --dist loadgroup`, as scripts/test.sh does), so Java starts once.
pytestmark = pytest.mark.xdist_group("vnu")


def test_every_built_page_has_no_html_error(checked):
    errors, pages, probes = checked
    assert len(pages) > 20, f"expected every page of both languages, found {len(pages)}"
    found = [
        e for path, messages in errors.items() if path.parent != probes or path.name == "unknown" for e in messages
    ]
    assert not found, f"{len(found)} HTML error(s):\n" + "\n".join(found[:40])


def test_the_checker_sees_the_error_the_build_removes(checked):
    """The check can fail: Material's own markup, before theme/valid_html.py, has the error."""
    errors, _, probes = checked
    assert any("autocomplete" in e for e in errors[probes / "material.html"])
    assert errors[probes / "fixed.html"] == []
