"""Every built page carries its policy: a referrer policy and a Content-Security-Policy whose
script hashes are exactly those of the page's inline scripts, set before any script.
(tests/browser/test_csp.py proves in Chromium that every page works under it.)"""

from __future__ import annotations

import base64
import hashlib
import re

from casefile.publish import csp

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def _inline_scripts(page: str) -> list[str]:
    found = []
    for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S):
        if "src=" not in attrs and "application/json" not in attrs:
            found.append("'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'")
    return found


def test_every_page_has_one_policy_before_any_script(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        page = path.read_text("utf-8")
        policies = CSP.findall(page)
        assert len(policies) == 1, path
        directives = dict(d.strip().split(" ", 1) for d in policies[0].split(";"))
        assert directives["default-src"] == "'none'"
        assert directives["style-src"] == "'self'" and directives["worker-src"] == "'self'"
        allowed = directives["script-src"].split()
        assert allowed[0] == "'self'" and sorted(allowed[1:]) == sorted(set(_inline_scripts(page))), path
        head = page[: page.index("<script")] if "<script" in page else page
        assert CSP.search(head), f"{path}: a script comes before the policy"
        assert page.count('<meta name="referrer" content="no-referrer">') == 1, path
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", page), (
            f"{path}: an inline event handler, which the policy blocks"
        )


def test_the_policy_is_replaced_not_added_twice():
    page = '<html><head><meta charset="utf-8"><script>a()</script></head><body><script>b()</script></body></html>'
    once = csp.apply(page)
    assert csp.apply(once) == once
    assert len(CSP.findall(once)) == 1 and len(csp.inline_hashes(once)) == 2
