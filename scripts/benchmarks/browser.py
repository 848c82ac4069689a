"""What a reader's browser does: a first view, a first use of search, and the preview's reload.

All drive Debian's Chromium (the full browser, as readers run it) through Playwright, as the
browser tests do. The built site is served by the standard library's static file server: the
figures are the site's, not a host's.
"""

from __future__ import annotations

import functools
import gzip
import re
import statistics
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import checkout
from .timing import clean_env

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
QUERY = "Pegasus"  # a word of both languages' pages: search must find something to show
SETTLE_MS = 500  # after the page (or the results) is there: what starts late (workers, prefetches) counts too


def available() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.exists()


def _browser(p):
    return p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the base class's signature
        pass


def _serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def _weigh(responses: list, base: str) -> dict:
    """Requests, their bodies' gzipped bytes (as a host compressing everything would send them) and URLs."""
    sizes = []
    for response in responses:
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a redirect or an aborted request has no body
            body = b""
        sizes.append(len(gzip.compress(body, 6)) if body else 0)
    return {"requests": len(responses), "gzip_bytes": sum(sizes), "urls": [r.url.removeprefix(base) for r in responses]}


def _recorder(into: list):
    return lambda response: into.append(response)  # Playwright wants a function of its own, not list.append


def first_view_and_search(site: Path, paths) -> dict:
    """{path: {"view": {...}, "search": {...}}}: a first visit with an empty cache, then what
    focusing the search box and typing a query adds until the results show."""
    from playwright.sync_api import sync_playwright

    server, base = _serve(site)
    out = {}
    try:
        with sync_playwright() as p:
            browser = _browser(p)
            for path in paths:
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                responses = []
                context.on("response", _recorder(responses))  # the search worker's too
                page.goto(base + path, wait_until="networkidle")
                page.wait_for_timeout(SETTLE_MS)
                view = len(responses)
                page.keyboard.press("/")  # Material's shortcut focuses the search box
                page.locator("input.md-search__input").press_sequentially(QUERY, delay=40)
                page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=30_000)
                page.wait_for_timeout(SETTLE_MS)
                out[path] = {"view": _weigh(responses[:view], base), "search": _weigh(responses[view:], base)}
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return out


def _start_preview(repo: Path) -> tuple[subprocess.Popen, str]:
    env = dict(clean_env(), PYTHONUNBUFFERED="1")
    cmd = [sys.executable, str(repo / "scripts/build.py"), "serve", "--port", "0"]
    proc = subprocess.Popen(cmd, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        found = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
        if found:
            threading.Thread(target=proc.stdout.read, daemon=True).start()  # keep the pipe from filling
            return proc, found.group(1)
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise RuntimeError("serve did not start")


def serve_reload(folder: Path, edits: int) -> dict:
    """Median seconds from saving a data file to the open page having reloaded with the edit, in a
    preview started from a clean checkout."""
    from playwright.sync_api import sync_playwright

    repo = checkout.make(folder)
    proc, base = _start_preview(repo)
    times = []
    try:
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
                probe = f"document.body && document.body.innerText.includes({marker!r})"
                page.wait_for_function(probe, timeout=30_000, polling=20)
                times.append(time.perf_counter() - started)
                page.wait_for_timeout(300)
            browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "runs": len(times), "all": times}
