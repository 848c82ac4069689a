"""axe-core (the copy bundled with axe-playwright-python) on a page: WCAG 2.1 A/AA violations as a
readable report, for every browser test that runs it; and `settle`, the wait for a page's end
state before axe (or any check of colours) looks at it."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The WCAG A/AA rules whose verdict depends on colours, hence on the colour scheme.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

_AXE = Axe()


def settle(page) -> None:
    """Two frames after a change, and no transition still running: axe must see the end state,
    not a frame in which a colour is on its way."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')", timeout=30_000)


def axe_report(page, rules: list[str] | None = None, within=None) -> str:
    """axe's WCAG 2.1 A/AA violations (or only `rules`) on the page, or only inside the element
    handle `within`: one line per violation and per node (ten at most), "" when there is none.

    axe is injected once per document: injecting it (half a megabyte of script) again costs more
    than a run on a short page. An unknown rule name makes axe throw, so a typo cannot pass."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_AXE.axe_script)
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    options = {"runOnly": run_only, "resultTypes": ["violations"]}
    if within is None:
        violations = page.evaluate("options => axe.run(options).then(results => results.violations)", options)
    else:
        violations = within.evaluate(
            "(el, options) => axe.run(el, options).then(results => results.violations)", options
        )
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:10]:
            summary = (node.get("failureSummary") or "").splitlines()[-1:]
            lines.append(f"    {', '.join(map(str, node['target']))}" + (f": {summary[0].strip()}" if summary else ""))
        if len(violation["nodes"]) > 10:
            lines.append(f"    ... and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)
