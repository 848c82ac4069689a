"""Every built page is valid HTML for the W3C Nu checker (vnu), the validator outside judges use.

The checker comes from npm (`npm ci` installs the pinned `vnu-jar` of package.json) and runs on
Java. Without either the test is skipped on a developer machine, but fails when CI is set.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from casefile.paths import ROOT
from casefile.site.valid_html import fix

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
    return [java, "-jar", str(VNU)]


def _errors(vnu, files) -> list[str]:
    done = subprocess.run([*vnu, "--errors-only", "--format", "json", *map(str, files)],
                          capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(done.stderr or done.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no JSON report (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return [f"{m.get('url', '?').rsplit('/site/', 1)[-1]}:{m.get('lastLine', '?')}: {m.get('message')}"
            for m in messages if m.get("type") == "error"]


def test_every_built_page_has_no_html_error(built_site, vnu):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20, f"expected every page of both languages, found {len(pages)}"
    errors = _errors(vnu, pages)
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors[:40])


def test_the_checker_sees_the_error_the_build_removes(tmp_path, vnu):
    """The check can fail: Material's own markup, before site/valid_html.py, has the error."""
    page = tmp_path / "page.html"
    original = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
                '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
                '</body></html>')
    page.write_text(original, "utf-8")
    assert any("autocomplete" in e for e in _errors(vnu, [page]))
    page.write_text(fix(original), "utf-8")
    assert _errors(vnu, [page]) == []
