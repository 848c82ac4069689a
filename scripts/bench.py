#!/usr/bin/env python3
"""Benchmark the case file's build, check, preview and pages against their budgets.

    python scripts/bench.py            every measurement, 7 paired runs; exits 1 if a budget is missed
    python scripts/bench.py --quick    one run of each (CI: proves the benchmark works, budgets not enforced)

Needs the `bench` extra (pip install -e '.[bench]': mkdocs-static-i18n, the yardstick) and, for
the browser figures, the `test` extra and Debian's Chromium. Prints a table and writes
build/bench/bench.json. Figures are medians of paired runs on this machine; ratios, not seconds,
are what travels between machines.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmarks import browser, synthetic, timing, yardstick  # noqa: E402
from benchmarks.timing import ROOT, casefile, median_of, paired, wall  # noqa: E402

OUT = ROOT / "build" / "bench"

# name: (budget, "max"/"min", unit, what it measures)
BUDGETS = {
    "build_vs_static_i18n": (1.0, "ratio", "full `build` ÷ one mkdocs-static-i18n build of the same pages"),
    "check_seconds": (0.3, "s", "`build.py check` wall time"),
    "check_render_share": (0.10, "share", "load + validate + render ÷ full build"),
    "serve_reload_seconds": (1.0, "s", "saved edit in data/ → reloaded page in Chromium"),
    "first_view_requests": (12, "requests", "requests of a first view (worst of /es/ and /en/carta/)"),
    "first_view_kb": (90, "KB gzip", "bytes of a first view, gzipped (worst of /es/ and /en/carta/)"),
    "site_mb": (2.0, "MB", "site/ without PNG cards and share pages"),
    "scaling_100x": (10.0, "ratio", "build time with 100× the data ÷ with the real data"),
}
FIRST_VIEW = ("/es/", "/en/carta/")


def measure_build(tmp: Path, runs: int, results: dict) -> float:
    ours = lambda: wall(casefile("build", "--site-dir", tmp / "ours"))  # noqa: E731
    if not yardstick.available():
        results["build_vs_static_i18n"] = {"skipped": "mkdocs-static-i18n is not installed (pip install -e '.[bench]')"}
        return median_of(ours, runs)
    config = yardstick.make_project(tmp / "yardstick")
    # mkdocs.yml names our Markdown extensions (casefile.site.…): import them from this checkout
    here = {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "scripts"), os.environ.get("PYTHONPATH")]))}
    theirs = lambda: wall([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], env=here)  # noqa: E731
    pair = paired(ours, theirs, runs)
    results["build_vs_static_i18n"] = {"value": pair["ratio"], "ours_s": pair["a"], "static_i18n_s": pair["b"], "runs": runs}
    return pair["a"]


_WORK = (
    "import sys, time, tempfile; from pathlib import Path; sys.path.insert(0, 'scripts')\n"
    "from casefile import settings, validate; from casefile.languages import LANGS; from casefile.render import render_language\n"
    "s = settings.load(); started = time.perf_counter(); report = validate.run()\n"
    "with tempfile.TemporaryDirectory() as d:\n"
    "    for lang in LANGS:\n"
    "        (Path(d) / lang).mkdir(); render_language(report.dataset, lang, Path(d) / lang, s)\n"
    "print(time.perf_counter() - started)\n"
)


def measure_check(runs: int, build_seconds: float, results: dict) -> None:
    results["check_seconds"] = {"value": median_of(lambda: wall(casefile("check")), runs), "runs": runs}
    work = median_of(lambda: float(subprocess.run([sys.executable, "-c", _WORK], cwd=ROOT, env=timing.clean_env(),
                                                  capture_output=True, text=True, check=True).stdout), runs)
    results["check_render_share"] = {"value": work / build_seconds, "work_s": work, "build_s": build_seconds, "runs": runs}


def measure_site(site: Path, results: dict) -> None:
    total = sum(p.stat().st_size for p in site.rglob("*")
                if p.is_file() and p.suffix != ".png" and "d" not in p.relative_to(site).parts[1:2])
    results["site_mb"] = {"value": total / 1_000_000}
    if not browser.available():
        for name in ("first_view_requests", "first_view_kb"):
            results[name] = {"skipped": "Playwright or /usr/bin/chromium is missing"}
        return
    views = browser.first_view(site, FIRST_VIEW)
    results["first_view_requests"] = {"value": max(v["requests"] for v in views.values()),
                                      "pages": {k: v["requests"] for k, v in views.items()},
                                      "urls": {k: v["urls"] for k, v in views.items()}}
    results["first_view_kb"] = {"value": max(v["gzip_bytes"] for v in views.values()) / 1000,
                                "pages": {k: round(v["gzip_bytes"] / 1000, 1) for k, v in views.items()}}


def measure_serve(tmp: Path, edits: int, results: dict) -> None:
    if not browser.available():
        results["serve_reload_seconds"] = {"skipped": "Playwright or /usr/bin/chromium is missing"}
        return
    reload = browser.serve_reload(tmp / "serve", edits)
    results["serve_reload_seconds"] = {"value": reload["median"], "runs": reload["runs"], "all": reload["all"]}


def _build_of(tmp: Path, factor: int):
    """A callable timing one build of the data multiplied `factor` times (generated now)."""
    data = synthetic.make(tmp / f"data-x{factor}", factor)
    big = {"CASEFILE_MAX_DATA_BYTES": str(200_000_000)}  # 100x the real files is past a data file's size limit
    return lambda: wall(casefile("build", "--data", data, "--site-dir", tmp / f"site-x{factor}"), env=big)


def measure_scaling(tmp: Path, runs: int, factors, results: dict) -> None:
    builds = {factor: _build_of(tmp, factor) for factor in factors}
    times = {}
    if 100 in builds:  # 100x and 1x in pairs, like every ratio here: a slow minute falls on both
        pair = paired(builds[100], builds[1], runs)
        times[1], times[100] = pair["b"], pair["a"]
    for factor in factors:
        if factor not in times:
            times[factor] = median_of(builds[factor], runs)
    entry = {f"x{k}_s": times[k] for k in sorted(times)}
    if 100 in times:
        results["scaling_100x"] = {"value": pair["ratio"], **entry, "runs": runs}
    else:
        results["scaling_100x"] = {"skipped": "--quick runs 1× and 10× only", **entry}


def verdicts(results: dict) -> list:
    rows = []
    for name, (budget, unit, what) in BUDGETS.items():
        entry = results.get(name, {"skipped": "not measured"})
        if "value" in entry:
            ok = entry["value"] <= budget
            entry.update(budget=budget, ok=ok)
            rows.append((name, f"{entry['value']:.3g}", f"≤ {budget:g} {unit}", "ok" if ok else "MISSED", what))
        else:
            rows.append((name, "—", f"≤ {budget:g} {unit}", "skipped", entry["skipped"]))
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one run of each, 10× scaling only; never fails on a budget")
    parser.add_argument("--runs", type=int, default=7, help="paired runs per measurement (default 7)")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else max(1, args.runs)
    results = {}
    with tempfile.TemporaryDirectory(prefix="casefile-bench-") as folder:
        tmp = Path(folder)
        build_seconds = measure_build(tmp, runs, results)
        measure_check(runs, build_seconds, results)
        measure_site(tmp / "ours", results)
        measure_serve(tmp, 1 if args.quick else 5, results)
        measure_scaling(tmp, runs if args.quick else min(runs, 3), (1, 10) if args.quick else (1, 10, 100), results)
    rows = verdicts(results)
    widths = [max(len(r[i]) for r in rows + [("measure", "value", "budget", "verdict", "")]) for i in range(4)]
    print("  ".join(h.ljust(w) for h, w in zip(("measure", "value", "budget", "verdict"), widths)) + "  what")
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row[:4], widths)) + "  " + row[4])
    OUT.mkdir(parents=True, exist_ok=True)
    report = {"quick": args.quick, "runs": runs, "machine": {"cores": os.cpu_count(), "python": platform.python_version(),
              "platform": platform.platform()}, "results": results}
    (OUT / "bench.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"bench: wrote {(OUT / 'bench.json').relative_to(ROOT)}")
    missed = [r[0] for r in rows if r[3] == "MISSED"]
    if missed and not args.quick:
        print(f"bench: budget missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
