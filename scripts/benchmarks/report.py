"""The budgets, and the table and the JSON file that judge the measurements against them."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

# name: (budget, unit, what it measures); a budget of None: reported, never judged
BUDGETS = {
    "build_vs_yardstick_wall": (1.0, "ratio", "`build` from a clean checkout ÷ a plain mkdocs-static-i18n build, wall"),
    "build_vs_yardstick_cpu": (1.3, "ratio", "the same pairs, CPU (user + sys of each process tree)"),
    "check_seconds": (0.5, "s", "`check` wall time, run again in a checkout (its first run: in the notes)"),
    "serve_reload_seconds": (1.0, "s", "preview: saved edit in data/ → reloaded page in Chromium"),
    "first_view_requests": (12, "requests", "requests of a first view (worst of /es/ and /en/carta/)"),
    "first_view_kb": (90, "KB gzip", "bytes of a first view, gzipped (worst of /es/ and /en/carta/)"),
    "search_first_use_kb": (40, "KB gzip", "focusing search and typing a query until results show, after a first view"),
    "site_mb": (2.0, "MB", "the built site without PNG cards and share pages (<lang>/d/)"),
    "scaling_10x": (3.0, "ratio", "`build` from a clean checkout with 10× the data ÷ with the real data"),
    "build_100x_seconds": (None, "s", "`build` from a clean checkout with 100× the data"),
    "material_latest": (None, "", "the site with the newest mkdocs-material 9.x, in a virtualenv of its own"),
}


def _value(entry: dict) -> str:
    value = entry["value"]
    if not isinstance(value, (int, float)):
        return str(value)
    text = f"{value:.3g}"
    if entry.get("runs", 1) > 1:  # the spread of the runs or of the pairs' ratios
        text += f" ({entry['min']:.3g}–{entry['max']:.3g})"
    return text


def rows(results: dict) -> list[tuple[str, str, str, str, str]]:
    """(measure, value, budget, verdict, what) for every budget; judges each entry in place."""
    out = []
    for name, (budget, unit, what) in BUDGETS.items():
        entry = results.setdefault(name, {"skipped": "not measured"})
        limit = "—" if budget is None else f"≤ {budget:g} {unit}"
        what = f"{what}; {entry['note']}" if entry.get("note") else what
        if "value" not in entry:
            out.append((name, "—", limit, "skipped", f"{what}; skipped: {entry['skipped']}"))
        elif budget is None:
            out.append((name, _value(entry), limit, "reported", what))
        else:
            entry.update(budget=budget, ok=entry["value"] <= budget)
            out.append((name, _value(entry), limit, "ok" if entry["ok"] else "MISSED", what))
    return out


def table(table_rows: list) -> str:
    header = ("measure", "value", "budget", "verdict", "what")
    widths = [max(len(r[i]) for r in [header, *table_rows]) for i in range(4)]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)) + "  " + r[4] for r in [header, *table_rows]
    )


def busy(loads: list[float]) -> str | None:
    """A warning when other work competed for the cores: wall times then say little. The builds
    themselves keep every core busy, so only a load past 1.5 per core says someone else was there."""
    if max(loads) > 1.5 * (os.cpu_count() or 1):
        return f"the machine was busy (1-minute load average up to {max(loads):.1f} on {os.cpu_count()} cores)"
    return None


def write(path: Path, results: dict, quick: bool, runs: int, loads: list[float]) -> None:
    machine = {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    machine["load_average_1min"] = loads  # before the first measurement and after each
    report = {"quick": quick, "runs": runs, "machine": machine, "results": results}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
