"""Every page works under its Content-Security-Policy: no violation in Chromium, in either language.

The policy is set by scripts/casefile/publish/csp.py (first in <head>, a hash per inline script).
A page is opened with a listener for `securitypolicyviolation` installed before any of its
scripts run (LISTEN), and Chromium's console is watched for CSP messages; the canary test proves
that the listener hears a real violation and that the policy is enforced, so "no violation" means
something. Every page of both languages and each 404 page is checked so in the one load that
tests/browser/test_pages.py gives it (the policy and referrer tags, no violation after the page
has loaded, searched on the home pages, scrolled and been used at 375 px); here, the site root
that sends the browser on. Search (Material's worker) runs under the policy too, and so does the
preview's reload script with its error banner.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from search_box import type_query

from casefile.preview import serve
from casefile.preview.static_host import serve_in_thread

LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""

# The page's own scripts have run: Material's bundle to its end (it sets window.component$), then,
# on DOMContentLoaded, casefile.js (its <button>s in place of the header's labels) and share.js (its
# "copy link" buttons); and the `load` event has fired.
SCRIPTS_RAN = """() => document.readyState === "complete"
  && typeof window.component$ === "object"
  && document.querySelector("button[data-casefile-opens]") !== null
  && document.querySelector("a[data-cf-share][role=button]") !== null"""


def scroll_down(page, pixels: int = 2000) -> None:
    """Turn the mouse wheel down and wait until the window's scroll has ended (`scrollend` comes
    after the last `scroll` event, on whose listeners Material's scroll-driven scripts, toc.follow
    and back to top, run), so that those scripts have run on the new position. A window already at
    its bottom does not scroll (a 404 page fits on one screen): nothing runs, nothing to wait for."""
    can_scroll = page.evaluate("""() => {
        const root = document.scrollingElement, start = root.scrollTop;
        window.__scrolled_down = false;
        const ended = () => {
            if (root.scrollTop <= start) return;  // not this scroll's end
            window.__scrolled_down = true;
            removeEventListener("scrollend", ended);
        };
        addEventListener("scrollend", ended);
        return start + root.clientHeight < root.scrollHeight - 1;
    }""")
    page.mouse.wheel(0, pixels)
    if can_scroll:
        page.wait_for_function("() => window.__scrolled_down", timeout=30_000)


def _open(context, address):
    """A page with the violation listener in place, loaded; returns (page, console CSP messages)."""
    context.add_init_script(LISTEN)
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text or "Refused to" in m.text else None,
    )
    page.on("pageerror", lambda e: console.append(f"uncaught: {e}"))
    page.goto(address)
    return page, console


def _violations(page, console) -> list:
    return page.evaluate("() => window.__csp || []") + console


def test_the_site_root_runs_under_its_policy(new_context, site_url):
    """The root page (it sends the browser on to its language), and the page it sends it to.
    Every other page: tests/browser/test_pages.py::test_page."""
    page, console = _open(new_context(locale="es-MX"), f"{site_url}/")
    page.wait_for_url(re.compile(r"/es/$"))
    page.wait_for_function(SCRIPTS_RAN, timeout=30_000)
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
    expect(policy).to_have_count(1)
    assert "script-src 'self'" in policy.get_attribute("content")
    assert page.locator('meta[name="referrer"]').get_attribute("content") == "no-referrer"
    scroll_down(page)  # scroll-driven scripts (toc.follow, back to top) run under the policy too
    assert _violations(page, console) == []


def test_the_policy_is_enforced_and_violations_are_heard(new_context, url):
    """The canary: an injected inline script and a foreign image are refused and reported."""
    page, console = _open(new_context(), url("es", ""))
    page.evaluate("""() => {
        const s = document.createElement("script");
        s.textContent = "window.__ran = true";
        document.body.appendChild(s);
        const i = document.createElement("img");
        i.src = "https://example.org/pixel.png";
        document.body.appendChild(i);
    }""")
    page.wait_for_function("() => window.__csp.length >= 2")
    assert page.evaluate("() => window.__ran === true") is False
    found = " ".join(_violations(page, console))
    assert "script-src" in found and "img-src" in found


@pytest.mark.parametrize(
    ("lang", "query", "expected"), [("es", "ejercito espia", "Ejército"), ("en", "ejercito", "Ejército")]
)
def test_search_works_under_the_policy(new_context, url, lang, query, expected):
    page, console = _open(new_context(), url(lang, ""))
    type_query(page.locator("input.md-search__input"), query)
    items = page.locator(".md-search-result__item")
    expect(items.first).to_be_visible(timeout=10_000)
    assert expected in " ".join(items.all_inner_texts()), "accent folding"  # (theme/search_index.py)
    assert _violations(page, console) == []


@pytest.fixture
def preview(built_site):
    """The built site served by the preview's handler (reload script and status), in this process."""
    server, base = serve_in_thread(
        built_site, handler=type("Handler", (serve.PreviewHandler,), {"stamp": "1", "error": None})
    )
    yield server.RequestHandlerClass, base
    server.shutdown()


def test_preview_reload_and_error_banner_run_under_the_policy(new_context, preview):
    handler, base = preview
    page, console = _open(new_context(), f"{base}/es/carta/")
    assert page.locator(f'script[src="{serve.SCRIPT_PATH}"]').count() == 1
    banner = page.locator("#casefile-preview-error")
    expect(banner).to_have_count(0)

    handler.publish(None, "data/case.yaml:3:1: <b>tab character</b> — YAML must be indented with spaces")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("data/case.yaml:3:1: <b>tab character</b>")  # shown as text, never as markup

    handler.publish(None, None)
    expect(banner).to_have_count(0)
    page.evaluate("() => { window.__before_reload = true; }")
    handler.publish("2", None)
    page.wait_for_function("() => window.__before_reload === undefined")  # a fresh document: reloaded
    assert _violations(page, console) == []
    status = json.loads(page.evaluate(f"() => fetch('{serve.STATUS_PATH}').then(r => r.text())"))
    assert {k: status[k] for k in ("stamp", "error")} == {"stamp": "2", "error": None}
