"""Preview the site on http://127.0.0.1:8000 and rebuild it whenever data/, docs/ or mkdocs.yml change.

The preview is built into build/preview/ (never into docs/, never over site/), by the same code
as `build`. Open pages reload themselves after a successful rebuild. A rebuild that fails, for
any reason (data, docs, configuration, templates, even a bug), prints why and keeps serving the
last good preview; open pages show the error in a banner until a rebuild succeeds.
Changes to scripts/ need a restart.

Each rebuild is a whole `build` into build/preview/, so the preview is the same files a `build`
of the same sources makes. Its first build runs MkDocs in this process, so that the later
rebuilds' forked workers start with MkDocs, Material and Python-Markdown set up
(engine/mkdocs_run.py `keep_warm`). The preview a rebuild replaced is removed while nothing happens
(set_aside.py).
"""

from __future__ import annotations

import json
import os
import stat
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs

from .. import errors
from .. import pipeline as site_build
from ..engine import mkdocs_run
from ..languages import LANGS
from ..paths import BUILD, DATA, DOCS, MKDOCS_YML, SCHEMAS, display
from ..validate import load_only
from .set_aside import SetAside
from .static_host import StaticHandler, make_server

PREVIEW = BUILD / "preview"
OLD = SetAside(BUILD / "preview-old")  # replaced previews and stages, removed while serve is idle
WATCHED = (DATA, DOCS, MKDOCS_YML)
POLL_SECONDS = 0.05  # an lstat of ~60 entries (under 1 ms): a saved edit is seen within a twentieth of a second
WAIT_SECONDS = 20  # how long an open page's status request waits for news (below the idle timeout)
STATUS_PATH = "/__casefile/status"
SCRIPT_PATH = "/__casefile/reload.js"
RELOAD_JS = Path(__file__).with_name("reload.js")
RELOAD_TAG = f'<script src="{SCRIPT_PATH}"></script>'
MAX_ERROR_CHARS = 6000
PLACEHOLDER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Preview not built yet</title></head>
<body><p>The preview has not been built yet: the first build failed (see the terminal and the banner below).
This page reloads itself as soon as a build succeeds.</p>{tag}</body></html>
"""


def snapshot() -> dict:
    """lstat of every watched entry (links and special files included, never followed): a change
    in this mapping means rebuild, and the rebuild says what is wrong with a link or a FIFO."""
    state = {}
    for root in WATCHED:
        entries = [root]
        if root.is_dir() and not root.is_symlink():
            for folder, dirs, files in os.walk(root, followlinks=False):
                entries += [Path(folder) / name for name in dirs + files]
        for path in entries:
            try:
                info = os.lstat(path)
            except OSError:
                continue
            state[path] = (
                (info.st_mode, info.st_size, info.st_mtime_ns) if not stat.S_ISDIR(info.st_mode) else info.st_mode
            )
    return state


class PreviewHandler(StaticHandler):
    """The static host, plus the build status, the reload script and a reference to it in every HTML page.

    Open pages ask for the status with `?since=VERSION`: the answer waits until a rebuild has
    finished (or WAIT_SECONDS passed), so a page reloads as soon as its new version is there."""

    stamp = "0"
    error: str | None = None
    version = 0  # counts finished rebuilds, good or failed
    news = threading.Condition()

    @classmethod
    def publish(cls, stamp: str | None, error: str | None) -> None:
        with cls.news:
            if stamp is not None:
                cls.stamp = stamp
            cls.error = error
            cls.version += 1
            cls.news.notify_all()

    def send_head(self):
        url_path, _, query = self.path.partition("?")
        if url_path == STATUS_PATH:
            since = parse_qs(query).get("since", [""])[0]
            with self.news:
                if since.isdigit():
                    self.news.wait_for(lambda: self.version != int(since), timeout=WAIT_SECONDS)
                body = json.dumps({"stamp": self.stamp, "error": self.error, "version": self.version}).encode()
            return self._bytes(body, "application/json", 200)
        if url_path == SCRIPT_PATH:
            return self._bytes(RELOAD_JS.read_bytes(), "text/javascript; charset=utf-8", 200)
        if not (self.root / "index.html").is_file() and (url_path.endswith("/") or url_path.endswith(".html")):
            return self._bytes(PLACEHOLDER.format(tag=RELOAD_TAG).encode(), "text/html; charset=utf-8", 503)
        try:
            path = Path(self.translate_path(self.path))
            target = path / "index.html" if path.is_dir() and url_path.endswith("/") else path
            is_page = target.suffix == ".html" and target.is_file()
        except (OSError, ValueError):  # a name too long for the file system, a NUL byte
            is_page = False
        if is_page:
            body = target.read_bytes().replace(b"</body>", RELOAD_TAG.encode() + b"</body>", 1)
            return self._bytes(body, "text/html; charset=utf-8", 200)
        return super().send_head()

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def _forget_caches(changed=None) -> None:
    """Read git's dates again (an edit changes them), and the schemas if one of them changed
    (`changed`: the paths that did; None: any may have)."""
    from ..load import history
    from ..validate import schema

    history.forget()
    if changed is None or any(path == SCHEMAS or SCHEMAS in path.parents for path in changed):
        schema.forget()


def changes(before: dict, after: dict) -> set:
    """The paths whose snapshot entry differs (added, removed or changed)."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def rebuild(langs, handler, first: bool = False, changed=None) -> bool:
    """Build the preview; on any failure print why, keep the last good one and tell open pages."""
    started = time.monotonic()
    _forget_caches(changed)
    try:
        site_build.build(PREVIEW, langs, report=load_only(DATA), discard=OLD.put, validated=False)  # as `build` does
    except KeyboardInterrupt:
        raise
    except BaseException as err:  # noqa: BLE001 - the preview outlives every failure, a bug included
        error = _describe(err)[:MAX_ERROR_CHARS]
        handler.publish(None, error)
        print(error, file=sys.stderr)
        kept = (PREVIEW / "index.html").is_file()
        print(
            "serve: build failed; "
            + (
                "still serving the last good preview"
                if kept
                else "fix the problems above, serve builds again as soon as a file changes"
            ),
            file=sys.stderr,
            flush=True,
        )
        return False
    handler.publish(str(time.time_ns()), None)
    print(f"serve: {'built' if first else 'rebuilt'} in {time.monotonic() - started:.1f}s", flush=True)
    return True


def _describe(err: BaseException) -> str:
    if isinstance(err, site_build.BuildError):
        return str(err)
    if isinstance(err, errors.CasefileError):
        return f"serve: {err}"
    if isinstance(err, OSError):
        return f"serve: {errors.from_os_error(err, 'building the preview')}"
    return (
        f"serve: internal error: {errors.describe_bug(err)} — a bug in the build scripts, not in your files; "
        "please report it with the change you made (the preview keeps running)"
    )


def main(langs=None, host: str = "127.0.0.1", port: int = 8000) -> int:
    langs = tuple(langs or LANGS)
    PREVIEW.parent.mkdir(parents=True, exist_ok=True)
    try:  # claim the port before the first build, so that a busy port fails at once
        server = make_server(PREVIEW, host, port, PreviewHandler)
    except OSError as err:
        print(f"serve: cannot listen on {host}:{port} ({err.strerror}); choose another with --port", file=sys.stderr)
        return errors.PORT
    handler = server.RequestHandlerClass
    mkdocs_run.keep_warm()  # the first build here: the later forked ones start with MkDocs set up
    state = snapshot()
    rebuild(langs, handler, first=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(
        f"serve: http://{host}:{server.server_address[1]}/{langs[0]}/ (from {display(PREVIEW)}/); Ctrl-C stops",
        flush=True,
    )

    try:
        while True:
            time.sleep(POLL_SECONDS)
            current = snapshot()
            if current != state:
                changed, state = changes(state, current), current
                rebuild(langs, handler, changed=changed)
            else:
                OLD.tidy()
    except KeyboardInterrupt:
        print("serve: stopped")
    finally:
        server.shutdown()
    return 0
