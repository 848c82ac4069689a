"""The preview rebuilds on every edit and shows the same site a `build` makes.

A real `build.py serve` in a copy of the repository (with the tiny dataset as data/): an edit in docs/en/ shows on the English
page, a Spanish text in data/ on the Spanish one, an edit of both languages on both, and the
preview on disk is then the same, byte for byte, as a `build` of the same files. Folders the
preview is done with are set aside at once and removed while idle; the schemas are read again
only when one of them changed.
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from casefile.paths import DATA, SCHEMAS
from casefile.preview import serve
from casefile.preview.set_aside import SetAside

EN_ABOUT = ("docs/en/acerca.md", "This site is the public case file", "This site (warm-en) is the public case file")
ES_DATA = ("data/case.yaml", "El 16 de enero de 2023, las doce", "El 16 de enero de 2023 (warm-es), las doce")
EN_DATA = ("data/case.yaml", "On 16 January 2023, the twelve", "On 16 January 2023 (warm-both), the twelve")
ES_DATA_2 = ("data/case.yaml", "(warm-es)", "(warm-both)")


def _edit(repo: Path, *changes) -> None:
    for name, old, new in changes:
        path = repo / name
        text = path.read_text("utf-8")
        assert text.count(old) >= 1, f"{name} no longer holds {old!r}: update the test's edit"
        path.write_text(text.replace(old, new, 1), "utf-8")


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


def _differences(a: Path, b: Path) -> list[str]:
    compared = filecmp.dircmp(a, b)
    found = [f"{a.name}/{name}" for name in compared.left_only + compared.right_only + compared.funny_files]
    found += [f"{a.name}/{name}" for name in filecmp.cmpfiles(a, b, compared.common_files, shallow=False)[1]]
    for name in compared.common_dirs:
        found += [f"{a.name}/{path}" for path in _differences(a / name, b / name)]
    return found


def test_each_edit_shows_on_its_pages_and_the_preview_is_the_site_a_build_makes(tiny_repo_copy):
    repo = tiny_repo_copy  # the subject is the preview, not the data: the tiny dataset
    proc = subprocess.Popen(
        [sys.executable, str(repo / "scripts/build.py"), "serve", "--port", "0"],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
    )
    lines = []
    threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True).start()
    try:
        end = time.monotonic() + 180
        base = None
        while base is None and time.monotonic() < end:
            base = next(
                (m.group(1) for line in list(lines) if (m := re.search(r"serve: (http://127\.0\.0\.1:\d+)/es/", line))),
                None,
            )
            time.sleep(0.05)
        assert base, "serve announced its address:\n" + "".join(lines)

        def rebuilt_after(*changes) -> None:
            version = json.loads(_get(base + serve.STATUS_PATH)[1])["version"]
            _edit(repo, *changes)
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:  # each answer comes when a rebuild finished
                status = json.loads(_get(f"{base}{serve.STATUS_PATH}?since={version}")[1])
                if status["version"] != version:
                    assert status["error"] is None, status["error"]
                    return
            pytest.fail("no rebuild after the edit:\n" + "".join(lines))

        rebuilt_after(EN_ABOUT)
        assert "(warm-en)" in _get(base + "/en/acerca/")[1]
        code, spanish = _get(base + "/es/acerca/")
        assert code == 200 and "Acerca de este expediente" in spanish and "warm-en" not in spanish

        rebuilt_after(ES_DATA)
        assert "(warm-es)" in _get(base + "/es/")[1]
        english = _get(base + "/en/")[1]
        assert "On 16 January 2023, the twelve" in english and "warm-es" not in english
        assert "(warm-en)" in _get(base + "/en/acerca/")[1], "the English page kept its earlier edit"

        rebuilt_after(EN_DATA, ES_DATA_2)
        assert "(warm-both)" in _get(base + "/es/")[1] and "(warm-both)" in _get(base + "/en/")[1]
        assert "warm-es" not in _get(base + "/es/")[1]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    output = "".join(lines)
    assert "Traceback" not in output and "build failed" not in output

    cold = repo / "cold-site"
    subprocess.run(
        [sys.executable, str(repo / "scripts/build.py"), "build", "--site-dir", str(cold)],
        cwd=repo,
        check=True,
        capture_output=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert _differences(repo / "build/preview", cold) == [], "the preview is the site a build makes of the same files"


# -- what the preview is done with, and what it forgets -------------------------------------------------


def test_a_replaced_preview_is_set_aside_at_once_and_removed_while_idle(tmp_path):
    old = tmp_path / ".preview-new-abcd1234"
    (old / "es/d/p9").mkdir(parents=True)
    (old / "es/d/p9/index.html").write_text("<p>old</p>", "utf-8")
    aside = SetAside(tmp_path / "preview-old", batch=2, settle=60)
    aside.put(old)
    assert not old.exists() and (tmp_path / "preview-old" / old.name / "es/d/p9/index.html").is_file()
    aside.tidy()
    assert (tmp_path / "preview-old" / old.name / "es/d/p9/index.html").is_file(), "open pages reload first"
    aside.settle = 0
    aside.put(tmp_path / "missing")  # already gone: nothing to do
    for _ in range(10):
        aside.tidy()
    assert list((tmp_path / "preview-old").iterdir()) == []


def test_the_schemas_are_read_again_only_when_one_of_them_changed(monkeypatch):
    from casefile.load import history
    from casefile.validate import schema

    forgotten = []
    monkeypatch.setattr(history, "forget", lambda: forgotten.append("git"))
    monkeypatch.setattr(schema, "forget", lambda: forgotten.append("schemas"))
    serve._forget_caches({DATA / "case.yaml"})
    assert forgotten == ["git"]
    serve._forget_caches({DATA / "case.yaml", SCHEMAS / "case.schema.json"})
    assert forgotten == ["git", "git", "schemas"]
    serve._forget_caches(None)
    assert forgotten[-2:] == ["git", "schemas"]
    before = {DATA / "a.yaml": (1, 2, 3), DATA / "b.yaml": (1, 2, 3)}
    after = {DATA / "a.yaml": (1, 2, 4), SCHEMAS / "c.json": (1, 1, 1)}
    assert serve.changes(before, after) == {DATA / "a.yaml", DATA / "b.yaml", SCHEMAS / "c.json"}
