"""The preview never dies of a bad edit, and neither server can be stalled or crashed by a request.

A real `build.py serve` in a copy of the repository (the tiny dataset as data/): a broken template,
then a broken mkdocs.yml, are printed and reported on /__casefile/status while the last good preview
keeps being served; fixing them brings the preview back. Over-long paths get 414 or 404; idle connections are closed.
(tests/browser/test_csp.py shows the error banner in Chromium.)
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from casefile.preview import serve
from casefile.preview.static_host import StaticHandler, serve_in_thread


@pytest.fixture
def repo(tiny_repo_copy) -> Path:
    return tiny_repo_copy  # tests/conftest.py: the subject is the preview, not the data


def _get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


def _until(condition, what: str, limit: float = 120):
    """Poll `condition` until it returns something true (the preview rebuilds in the background)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        found = condition()
        if found:
            return found
        time.sleep(0.05)
    pytest.fail(f"gave up waiting for {what}")


def test_a_broken_template_or_config_keeps_the_last_good_preview_and_says_why(repo):
    proc = subprocess.Popen(
        [sys.executable, str(repo / "scripts/build.py"), "serve", "--lang", "es", "--port", "0"],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
    )
    lines = []
    threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True).start()
    try:
        base = _until(
            lambda: next(
                (m.group(1) for line in lines if (m := re.search(r"serve: (http://127\.0\.0\.1:\d+)/es/", line))), None
            ),
            "serve to announce its address",
        )

        def status():
            return json.loads(_get(base + serve.STATUS_PATH)[1])

        good = status()
        assert good["error"] is None and _get(base + "/es/acerca/")[0] == 200
        assert serve.RELOAD_TAG in _get(base + "/es/acerca/")[1]

        template = repo / "docs/overrides/main.html"
        original = template.read_text("utf-8")
        template.write_text(original.replace("{% endblock %}", "{% endblok %}", 1), "utf-8")
        broken = _until(lambda: status()["error"], "the template error")
        assert "docs/overrides/main.html" in broken and "MkDocs could not build the es site" in broken
        code, page = _get(base + "/es/acerca/")
        assert code == 200 and "Acerca de este expediente" in page and serve.RELOAD_TAG in page
        assert status()["stamp"] == good["stamp"], "the last good preview is still served"

        config = repo / "mkdocs.yml"
        config_text = config.read_text("utf-8")
        config.write_text(config_text + "\ntheme: [\n", "utf-8")  # broken first, so no rebuild in between succeeds
        template.write_text(original, "utf-8")
        _until(lambda: "mkdocs.yml: is not valid YAML" in (status()["error"] or ""), "the mkdocs.yml error")

        config.write_text(config_text, "utf-8")
        recovered = _until(
            lambda: (s := status())["error"] is None and s["stamp"] != good["stamp"] and s, "the preview to recover"
        )
        assert recovered["error"] is None
        assert _get(base + "/es/acerca/")[0] == 200
        assert proc.poll() is None, "serve is still running"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    output = "".join(lines)
    assert "serve: build failed; still serving the last good preview" in output
    assert "Traceback" not in output


def test_an_unexpected_exception_in_a_rebuild_is_reported_not_raised(monkeypatch):
    handler = type("Handler", (serve.PreviewHandler,), {"stamp": "1", "error": None})

    def broken(*args, **kwargs):
        return {}["no such key"]

    monkeypatch.setattr(serve.site_build, "build", broken)
    assert serve.rebuild(("es",), handler) is False
    assert handler.error.startswith("serve: internal error: KeyError: 'no such key' (at ")
    assert handler.stamp == "1"


# -- requests that used to crash or stall the servers ------------------------------------------------


@pytest.fixture(params=[StaticHandler, serve.PreviewHandler], ids=["static-host", "preview"])
def server(request, built_site):
    httpd, base = serve_in_thread(built_site, handler=type("Quick", (request.param,), {"timeout": 1}))
    yield base
    httpd.shutdown()


def test_over_long_paths_get_414_or_404(server):
    status, body = _get(f"{server}/es/{'a' * 300}/")
    assert status == 404 and "404" in body  # the language's own 404 page
    assert _get(f"{server}/es/{'%C3%A9' * 200}")[0] == 404
    assert _get(f"{server}/{'a/' * 1500}")[0] == 414
    assert _get(f"{server}/es/")[0] == 200, "the server is still up"


def test_idle_connections_are_closed(server):
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=60) as idle:
        idle.sendall(b"GET /es/ HTTP/1.1\r\n")  # and never finish the request
        assert idle.recv(1024) == b"", "the server closes a connection that stays idle"
    assert _get(f"{server}/es/")[0] == 200


def test_before_the_first_good_build_pages_wait_for_it(tmp_path):
    handler = type("Fresh", (serve.PreviewHandler,), {"stamp": "0", "error": "data/case.yaml:1:1: is empty"})
    httpd, base = serve_in_thread(tmp_path / "preview-not-built", handler=handler)
    try:
        status, page = _get(base + "/es/carta/")
        assert status == 503 and serve.RELOAD_TAG in page
        assert json.loads(_get(base + serve.STATUS_PATH)[1]) == {
            "stamp": "0",
            "error": "data/case.yaml:1:1: is empty",
            "version": 0,
        }
        assert _get(base + serve.SCRIPT_PATH)[1] == serve.RELOAD_JS.read_text("utf-8")
    finally:
        httpd.shutdown()


def test_an_open_page_hears_of_a_rebuild_as_soon_as_it_finishes(tmp_path):
    """The status request waits for the next rebuild (long polling) and answers with its news."""
    (tmp_path / "index.html").write_text("<html><body></body></html>", "utf-8")
    handler = type(
        "Handler", (serve.PreviewHandler,), {"stamp": "1", "error": None, "version": 4, "news": threading.Condition()}
    )
    server, address = serve_in_thread(tmp_path, handler=handler)
    base = address + serve.STATUS_PATH
    try:
        with urllib.request.urlopen(base, timeout=10) as response:  # no `since`: the state now
            assert json.loads(response.read()) == {"stamp": "1", "error": None, "version": 4}
        answers = []
        waiting = threading.Thread(
            target=lambda: answers.append(json.loads(urllib.request.urlopen(base + "?since=4", timeout=30).read()))
        )
        waiting.start()
        waiting.join(0.5)
        assert waiting.is_alive(), "with nothing new, the status request waits"
        server.RequestHandlerClass.publish("2", None)
        waiting.join(10)
        assert answers == [{"stamp": "2", "error": None, "version": 5}]
    finally:
        server.shutdown()
