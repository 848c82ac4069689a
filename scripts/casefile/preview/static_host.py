"""Serve a built site the way a static host does, on 127.0.0.1 only.

Used by `build.py serve` and by the browser tests. Like Cloudflare Pages or Netlify with
per-folder 404 pages, a missing path gets the nearest 404.html above it, so /en/missing shows
the English 404 page and /es/missing the Spanish one, with status 404. With a `prefix` the site
is served under that path (as GitHub project pages serve /REPO/), and nothing outside it exists.
"""

from __future__ import annotations

import io
import os
import posixpath
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

MAX_PATH_BYTES = 2048  # longer request paths get 414; a longer name than the file system allows gets 404
MAX_NAME_BYTES = 255


class StaticHandler(SimpleHTTPRequestHandler):
    root: Path = Path(".")
    prefix: str = ""  # the path the site lives under, e.g. "/casefile"; "" for the host's root
    quiet = True
    timeout = 30  # seconds a connection may stay idle (a request never finished) before it is closed

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(self.root), **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        if not self.quiet:
            super().log_message(format, *args)

    def translate_path(self, path):
        return super().translate_path(self._below_prefix(path) or "/")

    def _below_prefix(self, path: str) -> str | None:
        """The request path with the prefix taken off; None when it lies outside the prefix."""
        if not self.prefix:
            return path
        if path == self.prefix or path.startswith(self.prefix + "/") or path.startswith(self.prefix + "?"):
            return path[len(self.prefix) :] or "/"
        return None

    def send_head(self):
        url_path = urlsplit(self.path).path
        if len(self.path.encode("utf-8", "surrogateescape")) > MAX_PATH_BYTES:
            self.send_error(414, "URI Too Long")
            return None
        if any(len(part.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES for part in unquote(url_path).split("/")):
            return self._not_found()
        if self._below_prefix(self.path) is None:
            self.send_error(404, "Not Found")
            return None
        path = self.translate_path(self.path)
        if os.path.isdir(path) and not self.path.split("?", 1)[0].endswith("/"):
            return super().send_head()  # the base class redirects to the slash URL
        candidate = os.path.join(path, "index.html") if os.path.isdir(path) else path
        if os.path.isfile(candidate):
            return super().send_head()
        return self._not_found()

    def _not_found(self):
        page = self._nearest_404()
        if page is None:
            self.send_error(404, "Not Found")
            return None
        return self._bytes(page.read_bytes(), "text/html; charset=utf-8", 404)

    def _bytes(self, body: bytes, content_type: str, status: int):
        """Send headers for `body` and return it as the file send_head's caller copies out."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _nearest_404(self):
        below = self._below_prefix(urlsplit(self.path).path) or "/"
        parts = [p for p in posixpath.normpath(unquote(below)).split("/") if p and p not in (".", "..")]
        for depth in range(len(parts), -1, -1):
            candidate = self.root.joinpath(*parts[:depth], "404.html")
            try:
                candidate.resolve().relative_to(self.root.resolve())
                if candidate.is_file():
                    return candidate
            except (ValueError, OSError):  # outside the root, or a name the file system refuses
                continue
        return None


def make_server(
    root: Path, host: str = "127.0.0.1", port: int = 0, handler=StaticHandler, prefix: str = ""
) -> ThreadingHTTPServer:
    """A server for `root` (under the URL path `prefix`); port 0 picks a free port (see server.server_address)."""
    handler_class = type("BoundHandler", (handler,), {"root": Path(root), "prefix": prefix.rstrip("/")})
    server = ThreadingHTTPServer((host, port), handler_class)
    server.daemon_threads = True
    return server


def serve_in_thread(root: Path, host: str = "127.0.0.1", port: int = 0, prefix: str = "", handler=StaticHandler):
    """Start serving `root` in a background thread; returns (server, base_url), the base URL
    including the prefix and without a trailing slash. shutdown() returns within 0.05 s (the
    serving loop's poll; 0.5 s by default, which a test suite pays at every server it stops)."""
    server = make_server(root, host, port, handler, prefix)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="static-host", daemon=True
    )
    thread.start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}{prefix.rstrip('/')}"
