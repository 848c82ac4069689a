"""Each measurement: run what users and CI run, the way they run it, and put the figures in `results`.

Timed builds always start clean: a fresh checkout (checkout.py) and a site folder that does not
exist yet, made before the clock starts. Ratios come from pairs run A B A B … (timing.paired).
"""

from __future__ import annotations

import shutil
import statistics
import sys
from dataclasses import asdict
from pathlib import Path

from . import browser, checkout, synthetic, timing, yardstick

FIRST_VIEW = ("/es/", "/en/carta/")
BIG = timing.clean_env(CASEFILE_MAX_DATA_BYTES=200_000_000)  # 100× the real files is past a data file's size limit


def _build(fresh: checkout.Fresh, env: dict | None = None):
    """A callable timing one `build.py build` in a new clean checkout."""

    def one() -> timing.Sample:
        repo = fresh()
        return timing.run([sys.executable, "scripts/build.py", "build", "--site-dir", repo / "site"], repo, env)

    return one


def _ratio(pair: dict, kind: str, **extra) -> dict:
    ratio = pair[kind]["ratio"]
    return {"value": ratio["median"], "min": ratio["min"], "max": ratio["max"], **extra}


def build_vs_yardstick(tmp: Path, runs: int, warmup: bool, results: dict) -> Path:
    """Our build against the yardstick's, wall and CPU; returns the site of our last build."""
    fresh = checkout.Fresh(tmp / "ours")
    ours = _build(fresh)
    if not yardstick.available():
        ours()
        why = "mkdocs-static-i18n is not installed (pip install -e '.[bench]')"
        results["build_vs_yardstick_wall"] = results["build_vs_yardstick_cpu"] = {"skipped": why}
        return fresh.previous / "site"
    config = yardstick.make_project(checkout.make(tmp / "pages"), tmp / "yardstick")

    def theirs() -> timing.Sample:
        shutil.rmtree(config.parent / "site", ignore_errors=True)  # built clean, like ours
        return timing.run(yardstick.build_command(config), config.parent)

    pair = timing.paired(ours, theirs, runs, warmup)
    for kind in ("wall", "cpu"):
        seconds = {"ours_s": pair[kind]["a_s"], "yardstick_s": pair[kind]["b_s"], "runs": runs}
        results[f"build_vs_yardstick_{kind}"] = _ratio(pair, kind, **seconds)
    results["build_vs_yardstick_wall"]["pairs"] = pair["pairs"]  # ours (a) and the yardstick (b), wall and CPU
    return fresh.previous / "site"


def check(tmp: Path, runs: int, results: dict) -> None:
    """`check` as a contributor runs it again and again (judged), and its first run in a clean
    checkout, which also compiles the code and fills build/cache/ (noted)."""
    fresh = checkout.Fresh(tmp / "check")
    first, again = [], []
    for _ in range(runs):
        repo = fresh()
        first.append(timing.run([sys.executable, "scripts/build.py", "check"], repo).wall)
        again.append(timing.run([sys.executable, "scripts/build.py", "check"], repo).wall)
    first_s = statistics.median(first)
    results["check_seconds"] = {
        "value": statistics.median(again),
        "min": min(again),
        "max": max(again),
        "first_run_s": first_s,
        "runs": runs,
        "note": f"first run in a clean checkout {first_s:.3g} s",
    }


def site_and_browser(site: Path, results: dict) -> None:
    total = sum(
        p.stat().st_size
        for p in site.rglob("*")
        if p.is_file() and p.suffix != ".png" and p.relative_to(site).parts[1:2] != ("d",)
    )
    results["site_mb"] = {"value": total / 1_000_000}
    if not browser.available():
        for name in ("first_view_requests", "first_view_kb", "search_first_use_kb"):
            results[name] = {"skipped": "Playwright or /usr/bin/chromium is missing"}
        return
    pages = browser.first_view_and_search(site, FIRST_VIEW)
    views = {path: page["view"] for path, page in pages.items()}
    searches = {path: page["search"] for path, page in pages.items()}
    results["first_view_requests"] = {
        "value": max(v["requests"] for v in views.values()),
        "pages": {k: v["requests"] for k, v in views.items()},
        "urls": {k: v["urls"] for k, v in views.items()},
    }
    results["first_view_kb"] = {
        "value": max(v["gzip_bytes"] for v in views.values()) / 1000,
        "pages": {k: round(v["gzip_bytes"] / 1000, 1) for k, v in views.items()},
    }
    worst = max(searches.values(), key=lambda s: s["gzip_bytes"])
    results["search_first_use_kb"] = {
        "value": worst["gzip_bytes"] / 1000,
        "note": f"{worst['requests']} more requests",
        "pages": {k: {"kb": round(s["gzip_bytes"] / 1000, 1), "requests": s["requests"]} for k, s in searches.items()},
        "urls": {k: s["urls"] for k, s in searches.items()},
        "query": browser.QUERY,
    }


def serve(tmp: Path, edits: int, results: dict) -> None:
    if not browser.available():
        results["serve_reload_seconds"] = {"skipped": "Playwright or /usr/bin/chromium is missing"}
        return
    reload = browser.serve_reload(tmp / "serve", edits)
    results["serve_reload_seconds"] = {
        "value": reload["median"],
        **{k: reload[k] for k in ("min", "max", "runs", "all")},
    }


def scaling(tmp: Path, runs: int, warmup: bool, results: dict) -> None:
    """10× the data against the real data, in pairs."""
    big = _build(checkout.Fresh(tmp / "x10", synthetic.make(tmp / "data-x10", 10)), BIG)
    real = _build(checkout.Fresh(tmp / "x1"), BIG)
    pair = timing.paired(big, real, runs, warmup)
    seconds = {"x10_s": pair["wall"]["a_s"], "x1_s": pair["wall"]["b_s"], "runs": runs}
    results["scaling_10x"] = _ratio(pair, "wall", cpu_ratio=pair["cpu"]["ratio"], pairs=pair["pairs"], **seconds)


def build_100x(tmp: Path, runs: int, results: dict) -> None:
    fresh = checkout.Fresh(tmp / "x100", synthetic.make(tmp / "data-x100", 100))
    samples = [_build(fresh, BIG)() for _ in range(runs)]
    shutil.rmtree(fresh.previous, ignore_errors=True)  # ~200 MB
    walls = [s.wall for s in samples]
    results["build_100x_seconds"] = {
        "value": statistics.median(walls),
        "min": min(walls),
        "max": max(walls),
        "cpu_s": statistics.median(s.cpu for s in samples),
        "samples": [asdict(s) for s in samples],
        "runs": runs,
    }
