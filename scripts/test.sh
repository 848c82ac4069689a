#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine, then run the whole suite.
# Chromium comes from Debian (Playwright drives /usr/bin/chromium-headless-shell in the browser tests
# and /usr/bin/chromium in the benchmark; it never downloads a browser).
# Python: the active virtual environment if there is one; else .venv/ if it exists (README's first
# command makes it) or if python3 refuses pip installs (Debian's and Ubuntu's own Python, PEP 668),
# creating it then; else python3 itself (CI: a Python where pip installs work).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Chromium, and its headless build for the browser tests; Java and npm run the W3C
# HTML checker (vnu-jar).
packages=()
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || packages+=(chromium chromium-driver)
[ -x /usr/bin/chromium-headless-shell ] || packages+=(chromium-headless-shell)
command -v java >/dev/null || packages+=(default-jre-headless)
command -v npm >/dev/null || packages+=(npm)
command -v faketime >/dev/null || packages+=(faketime)  # tests/test_reproducible.py: a build "three days later"
if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi
# vnu-jar, pinned in package-lock.json; --ignore-scripts: its install script would download a JDK.
[ -f node_modules/vnu-jar/build/dist/vnu.jar ] || npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

python=python3
if [ -z "${VIRTUAL_ENV:-}" ]; then
  if [ -x .venv/bin/python ]; then
    python=.venv/bin/python
  elif python3 -c 'import pathlib, sys, sysconfig; sys.exit(not pathlib.Path(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED").exists())'; then
    python3 -m venv .venv
    python=.venv/bin/python
  fi
fi

# The Python packages the tests need: pyproject.toml's dependencies and its test and bench extras,
# each pinned name==version. Only those missing or at another version go to pip, which takes
# seconds even when everything is in place. The project itself is not installed (building an
# editable install took 5 s of every run): pytest's `pythonpath` and scripts/build.py find
# scripts/casefile/ on their own.
missing=$("$python" - <<'EOF'
import importlib.metadata as metadata
import tomllib

with open("pyproject.toml", "rb") as f:
    project = tomllib.load(f)["project"]
extras = project["optional-dependencies"]
for requirement in project["dependencies"] + extras["test"] + extras["bench"]:
    name, _, version = requirement.partition("==")
    try:
        installed = metadata.version(name)
    except metadata.PackageNotFoundError:
        installed = None
    if installed != version:
        print(requirement)
EOF
)
if [ -n "$missing" ]; then
  # shellcheck disable=SC2086 # one requirement per word
  "$python" -m pip install --quiet --disable-pip-version-check $missing
fi
# Lint and format first: a finding fails the run in a second, before the suite's minutes.
"$python" -m ruff check --quiet . || { echo "ruff check: fix the findings above (many with: ruff check --fix .)" >&2; exit 1; }
"$python" -m ruff format --check --quiet . || { echo "ruff format: run 'ruff format .' to format these files" >&2; exit 1; }
# Two workers: the machines have two cores (pytest-xdist; -p no:xdist runs in one process).
# loadgroup: tests marked with the same xdist_group run on one worker (the HTML checker's Java
# starts once); the rest go to whichever worker is free.
"$python" -m pytest -n 2 --dist loadgroup "$@"
