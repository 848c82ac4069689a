"""Preview the site on http://127.0.0.1:8000 and rebuild it whenever data/, docs/ or mkdocs.yml change.

The preview is built into build/preview/ (never into docs/, never over site/), by the same code
as `build`. Open pages reload themselves after a successful rebuild. A rebuild that fails prints
its problems and keeps serving the last good preview. Changes to scripts/ need a restart.
"""
from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from .. import site as site_build
from ..languages import LANGS
from ..paths import BUILD, DATA, DOCS, MKDOCS_YML, display
from .static_host import StaticHandler, make_server

PREVIEW = BUILD / "preview"
WATCHED = (DATA, DOCS, MKDOCS_YML)
POLL_SECONDS = 0.3
STAMP_PATH = "/__casefile/stamp"
RELOAD_SCRIPT = (
    "<script>(function(){var s=null;setInterval(function(){fetch('" + STAMP_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(t){if(s===null){s=t}else if(t!==s){location.reload()}})"
    ".catch(function(){})},700)})()</script>"
)


def snapshot() -> dict:
    """Modification times of every watched file; a change in this mapping means rebuild."""
    state = {}
    for root in WATCHED:
        paths = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file())
        for path in paths:
            try:
                state[path] = path.stat().st_mtime_ns
            except FileNotFoundError:
                pass
    return state


class PreviewHandler(StaticHandler):
    """The static host, plus a build stamp and a reload script in every HTML page."""
    stamp = "0"

    def send_head(self):
        url_path = self.path.split("?", 1)[0]
        if url_path == STAMP_PATH:
            return self._bytes(self.stamp.encode(), "text/plain", 200)
        path = Path(self.translate_path(self.path))
        target = path / "index.html" if path.is_dir() and url_path.endswith("/") else path
        if target.suffix == ".html" and target.is_file():
            body = target.read_bytes().replace(b"</body>", RELOAD_SCRIPT.encode() + b"</body>", 1)
            return self._bytes(body, "text/html; charset=utf-8", 200)
        return super().send_head()

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def _rebuild(langs, first: bool = False) -> bool:
    started = time.monotonic()
    try:
        site_build.build(PREVIEW, langs)
    except site_build.BuildError as err:
        print(err, file=sys.stderr)
        if PREVIEW.exists() and any(PREVIEW.iterdir()):
            print("serve: build failed; still serving the last good preview", file=sys.stderr, flush=True)
        else:
            print("serve: build failed; fix the problems above, serve builds again as soon as a file changes", file=sys.stderr, flush=True)
        return False
    print(f"serve: {'built' if first else 'rebuilt'} in {time.monotonic() - started:.1f}s", flush=True)
    return True


def main(langs=None, host: str = "127.0.0.1", port: int = 8000) -> int:
    langs = tuple(langs or LANGS)
    PREVIEW.mkdir(parents=True, exist_ok=True)
    try:  # claim the port before the first build, so that a busy port fails at once
        server = make_server(PREVIEW, host, port, PreviewHandler)
    except OSError as err:
        print(f"serve: cannot listen on {host}:{port} ({err.strerror}); choose another with --port", file=sys.stderr)
        return 1
    handler = server.RequestHandlerClass
    state = snapshot()
    _rebuild(langs, first=True)
    handler.stamp = str(time.time())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serve: http://{host}:{server.server_address[1]}/{langs[0]}/ (from {display(PREVIEW)}/); Ctrl-C stops", flush=True)

    try:
        while True:
            time.sleep(POLL_SECONDS)
            current = snapshot()
            if current != state:
                state = current
                if _rebuild(langs):
                    handler.stamp = str(time.time())
    except KeyboardInterrupt:
        print("serve: stopped")
    finally:
        server.shutdown()
    return 0
