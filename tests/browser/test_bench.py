"""`scripts/bench.py --quick` runs and writes its report (CI proves the benchmark works; budgets are
judged by a full run on a quiet machine, never by a timed assertion here).

It sits with the browser tests: it measures in Chromium (first view, the preview's reload) and
takes about as long as the rest of the fast suite, which `--ignore=tests/browser` leaves it out of."""
from __future__ import annotations

import json
import subprocess
import sys

from casefile.paths import ROOT

BENCH_JSON = ROOT / "build" / "bench" / "bench.json"
MEASURES = ("build_vs_static_i18n", "check_seconds", "check_render_share", "serve_reload_seconds",
            "first_view_requests", "first_view_kb", "site_mb", "scaling_100x")


def test_quick_bench_runs_and_writes_every_measure():
    BENCH_JSON.unlink(missing_ok=True)
    result = subprocess.run([sys.executable, "scripts/bench.py", "--quick"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(BENCH_JSON.read_text("utf-8"))
    assert report["quick"] is True
    assert set(report["results"]) == set(MEASURES)
    for name in MEASURES[:-1]:  # every measure but the 100x scaling, which --quick leaves out
        entry = report["results"][name]
        assert "value" in entry, f"{name} was not measured: {entry}"
        assert entry["value"] > 0
        assert entry["budget"] > 0 and isinstance(entry["ok"], bool)
    assert "x10_s" in report["results"]["scaling_100x"]
    for name in MEASURES:
        assert name in result.stdout, f"the table has no row for {name}"
