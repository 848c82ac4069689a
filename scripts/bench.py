#!/usr/bin/env python3
"""Benchmark what users and CI run (build, check, preview, the pages in a browser) against budgets.

    python scripts/bench.py            every measurement, 7 paired runs; exits 1 if a budget is missed
    python scripts/bench.py --quick    one run of each (CI: proves the benchmark works, budgets not enforced)

Needs the `bench` extra (pip install -e '.[bench]': mkdocs-static-i18n, the yardstick), Playwright
and Debian's Chromium for the browser figures, and pip's access to the package registry for the
newest mkdocs-material (skipped, and said so, without it). Prints a table and writes
build/bench/bench.json. It drives the project only through scripts/build.py, in clean checkouts
under a temporary folder; ratios, not seconds, are what travels between machines.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

# scripts/, this file's folder, is on sys.path: Python puts a script's folder there
from benchmarks import material_latest, measures, report
from benchmarks.timing import ROOT

OUT = ROOT / "build" / "bench" / "bench.json"


def _step(name: str, started: float, loads: list) -> None:
    loads.append(round(os.getloadavg()[0], 2))
    print(f"bench: {name} done ({time.monotonic() - started:.0f} s)", file=sys.stderr, flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one run of each, no 100× build; never fails on a budget")
    parser.add_argument("--runs", type=int, default=7, help="paired runs per measurement (default 7)")
    args = parser.parse_args(argv)
    quick = args.quick
    runs = 1 if quick else max(1, args.runs)
    warmup = not quick  # a first untimed pair: the OS file cache warm for both sides alike
    results: dict = {}
    started, loads = time.monotonic(), [round(os.getloadavg()[0], 2)]
    with tempfile.TemporaryDirectory(prefix="casefile-bench-") as folder:
        tmp = Path(folder)
        site = measures.build_vs_yardstick(tmp, runs, warmup, results)
        _step("build vs yardstick", started, loads)
        measures.site_and_browser(site, results)
        _step("site and first view", started, loads)
        measures.check(tmp, runs, results)
        _step("check", started, loads)
        measures.serve(tmp, 1 if quick else 5, results)
        _step("preview", started, loads)
        measures.scaling(tmp, runs, warmup, results)
        _step("10x", started, loads)
        if quick:
            results["build_100x_seconds"] = {"skipped": "--quick leaves the 100× build out (about a minute)"}
        else:
            measures.build_100x(tmp, min(runs, 3), results)
            _step("100x", started, loads)
        results["material_latest"] = material_latest.measure(tmp / "material-latest")
        _step("newest mkdocs-material", started, loads)
    rows = report.rows(results)
    print(report.table(rows))
    report.write(OUT, results, quick, runs, loads)
    print(f"bench: wrote {OUT.relative_to(ROOT)}")
    if report.busy(loads):
        print(f"bench: {report.busy(loads)}: run again on a quiet machine before trusting the times")
    missed = [r[0] for r in rows if r[3] == "MISSED"]
    if missed and not quick:
        print(f"bench: budget missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
