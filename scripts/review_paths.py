#!/usr/bin/env python3
"""Mark a pull request's changes to code paths (.github/CODEOWNERS) as needing a maintainer's review.

    git diff -z --name-only BASE HEAD | python3 scripts/review_paths.py [--codeowners FILE]

reads the changed files (NUL-separated, as `git diff -z` writes them, or one per argument) and
prints a GitHub warning annotation for each file under a path that CODEOWNERS lists, plus a list
of them in the job's summary ($GITHUB_STEP_SUMMARY). It never fails the check: it marks, and the
branch protection's "Require review from Code Owners" enforces. Standard library only, so that
the step runs before anything is installed. The pull-request check runs the base branch's copy of
this script and of CODEOWNERS, so that a pull request cannot unmark its own changes.
"""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path

CODEOWNERS = Path(__file__).resolve().parent.parent / ".github" / "CODEOWNERS"


def patterns(text: str) -> list[str]:
    """The paths of CODEOWNERS, each anchored ("/x" a file, "/x/" a folder and all below it).

    Other pattern forms (globs, unanchored names) are refused rather than read differently from GitHub."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        path = line.split()[0]
        if not path.startswith("/") or any(c in path for c in "*?[!\\"):
            raise ValueError(f"CODEOWNERS:{number}: {path!r} — write an anchored path: /file or /folder/")
        out.append(path)
    return out


def reviewed(name: str, paths: list[str]) -> str | None:
    """The CODEOWNERS path that covers the changed file `name` (relative to the repository), or None."""
    name = "/" + name.lstrip("/")
    for path in paths:
        if name.startswith(path) if path.endswith("/") else name == path:
            return path
    return None


def _property(value: str) -> str:
    """A value inside a workflow command's properties: escaped so a file name cannot end the command."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _message(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def annotations(changed: list[str], paths: list[str]) -> list[tuple[str, str]]:
    """(file, CODEOWNERS path) of every changed file that needs a maintainer's review."""
    return [(name, path) for name in changed if (path := reviewed(name, paths))]


def main(argv: list[str]) -> int:
    codeowners = CODEOWNERS
    if argv[:1] == ["--codeowners"]:
        codeowners, argv = Path(argv[1]), argv[2:]
    changed = argv or [name for name in sys.stdin.read().split("\0") if name.strip()]
    try:
        marked = annotations(changed, patterns(codeowners.read_text("utf-8")))
    except (OSError, ValueError) as err:
        print(f"review_paths: {err}", file=sys.stderr)
        return 2
    for name, path in marked:
        print(
            f"::warning file={_property(name)},title=Needs a maintainer's review::"
            + _message(
                f"{name} is code ({path} in .github/CODEOWNERS): it runs on the build machine or in "
                "readers' browsers, so a maintainer reviews it as code before merging."
            )
        )
    if not marked:
        print("No code paths changed: data/ and docs/ pages only.")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary and marked:
        with open(summary, "a", encoding="utf-8") as out:
            out.write("### Code paths changed: a maintainer reviews them as code\n\n")
            out.writelines(f"- <code>{html.escape(name)}</code> ({html.escape(path)})\n" for name, path in marked)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
