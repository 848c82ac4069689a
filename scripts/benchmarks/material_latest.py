"""Does the site still build with the newest mkdocs-material 9.x? Reported, not budgeted.

mkdocs-material is pinned (pyproject.toml); this says, before anyone moves the pin, what the newest
9.x release would do. It lives in a virtual environment of its own under build/bench/, with every
other dependency at its pinned version, kept between runs (pip only checks for a newer release).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from . import checkout
from .timing import ROOT, clean_env

VENV = ROOT / "build" / "bench" / "material-latest"
WANTED = "mkdocs-material<10"
# What pip says when it cannot reach the package registry (no network, no proxy, DNS).
_OFFLINE = (
    "NewConnectionError",
    "Max retries exceeded",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "ProxyError",
    "Connection refused",
    "No matching distribution found",
)


def _requirements() -> list[str]:
    """pyproject.toml's pinned dependencies, mkdocs-material's pin replaced by WANTED."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    return [WANTED if d.split("==")[0].strip().lower() == "mkdocs-material" else d for d in deps]


def _last_line(result: subprocess.CompletedProcess) -> str:
    lines = (result.stdout + result.stderr).strip().splitlines()
    return lines[-1].strip() if lines else f"exit {result.returncode}"


def _install() -> str | None:
    """Create or update the environment; None when it is ready, else why it is not."""
    python = VENV / "bin" / "python"
    if not python.exists():
        made = subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=False, capture_output=True, text=True)
        if made.returncode:
            return f"could not create a virtualenv: {_last_line(made)}"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--timeout", "20"]
    result = subprocess.run(
        [*pip, "--retries", "1", "--upgrade", *_requirements()], check=False, capture_output=True, text=True
    )
    if result.returncode == 0:
        return None
    output = result.stdout + result.stderr
    if any(sign in output for sign in _OFFLINE):
        return f"pip cannot reach the package registry ({_last_line(result)})"
    return f"pip install failed: {_last_line(result)}"


def _runs(python: Path, repo: Path, *args) -> tuple[bool, str]:
    result = subprocess.run(
        [str(python), "scripts/build.py", *args], cwd=repo, env=clean_env(), check=False, capture_output=True, text=True
    )
    return result.returncode == 0, "ok" if result.returncode == 0 else f"fails ({_last_line(result)})"


def measure(folder: Path) -> dict:
    """{"value": version, "build_ok", "check_ok", "note"} or {"skipped": why}."""
    why = _install()
    if why:
        return {"skipped": why}
    python = VENV / "bin" / "python"
    version = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('mkdocs-material'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    repo = checkout.make(folder)
    check_ok, check_said = _runs(python, repo, "check")
    build_ok, build_said = _runs(python, repo, "build", "--site-dir", repo / "site")
    return {
        "value": version,
        "build_ok": build_ok,
        "check_ok": check_ok,
        "note": f"mkdocs-material {version} (newest 9.x): build {build_said}, check {check_said}",
    }
