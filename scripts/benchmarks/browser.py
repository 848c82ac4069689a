"""What a reader's browser does: the first view of a page, and the preview's edit-to-reload time.

Both drive Debian's Chromium through Playwright, as the browser tests do.
"""
from __future__ import annotations

import gzip
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .timing import ROOT, clean_env

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def available() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.exists()


def _browser(p):
    return p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)


def first_view(site: Path, paths) -> dict:
    """{path: {"requests": n, "gzip_bytes": n}} for a first visit with an empty cache."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from casefile.preview.static_host import serve_in_thread
    from playwright.sync_api import sync_playwright

    server, base = serve_in_thread(site)
    out = {}
    try:
        with sync_playwright() as p:
            browser = _browser(p)
            for path in paths:
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                responses = []
                context.on("response", lambda response: responses.append(response))  # the search worker's too
                page.goto(base + path, wait_until="networkidle")
                page.wait_for_timeout(500)  # anything started late (workers, prefetches) counts too
                sizes = []
                for response in responses:
                    try:
                        body = response.body()
                    except Exception:  # noqa: BLE001 - a redirect or aborted request has no body
                        body = b""
                    sizes.append(len(gzip.compress(body, 6)) if body else 0)
                out[path] = {"requests": len(responses), "gzip_bytes": sum(sizes),
                             "urls": [r.url.removeprefix(base) for r in responses]}
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return out


def _repo_copy(folder: Path) -> Path:
    for name in ("data", "docs", "scripts"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def serve_reload(folder: Path, edits: int) -> dict:
    """Median seconds from saving a data file to the open page having reloaded with the edit."""
    from playwright.sync_api import sync_playwright

    repo = _repo_copy(folder)
    env = dict(clean_env(), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, str(repo / "scripts/build.py"), "serve", "--port", "0"], cwd=repo,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    times = []
    try:
        base, deadline = None, time.monotonic() + 120
        while base is None and time.monotonic() < deadline:
            found = re.search(r"(http://127\.0\.0\.1:\d+)/", proc.stdout.readline())
            base = found.group(1) if found else None
        if base is None:
            raise RuntimeError("serve did not start")
        case = repo / "data" / "case.yaml"
        original = case.read_text("utf-8")
        with sync_playwright() as p:
            browser = _browser(p)
            page = browser.new_context(bypass_csp=True).new_page()  # the pages forbid eval; the bench's probe needs it
            page.goto(base + "/es/", wait_until="load")
            page.wait_for_timeout(1000)  # the reload script takes its first stamp
            for i in range(edits):
                marker = f"Bench{i}"
                edited = original.replace("El 16 de enero de 2023", f"El 16 de enero de 2023 {marker}", 1)
                if edited == original:
                    raise RuntimeError("the benchmark's edit of data/case.yaml no longer applies")
                started = time.perf_counter()
                case.write_text(edited, "utf-8")
                page.wait_for_function(f"document.body && document.body.innerText.includes({marker!r})", timeout=30_000, polling=20)
                times.append(time.perf_counter() - started)
                page.wait_for_timeout(300)
            browser.close()
    finally:
        proc.terminate()
        try:
            proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return {"median": statistics.median(times), "runs": len(times), "all": times}
