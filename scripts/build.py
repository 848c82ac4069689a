#!/usr/bin/env python3
"""The case file's one command: check the data, build the site, or preview it.

    python scripts/build.py check              validate data/ and report every problem
    python scripts/build.py build              validate, render and build site/ (es + en)
    python scripts/build.py serve [--lang es]  build, serve on http://127.0.0.1:8000, rebuild on change
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from casefile import check as data_check  # noqa: E402


def cmd_check(_args) -> int:
    report = data_check.run()
    return print_report(report)


def print_report(report) -> int:
    for problem in report.problems:
        print(problem)
    if report.ok:
        print(data_check.summary(report) + (f"; {len(report.warnings)} warning(s)" if report.warnings else ""))
        return 0
    files = len({p.file for p in report.errors})
    print(f"check: {len(report.errors)} problem(s) in {files} file(s); nothing was built", file=sys.stdout)
    return 1


def cmd_build(args) -> int:
    from casefile import site_build
    return site_build.main(langs=args.lang)


def cmd_serve(args) -> int:
    from casefile import serve
    return serve.main(langs=args.lang, host=args.host, port=args.port)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate data/").set_defaults(func=cmd_check)
    build = sub.add_parser("build", help="validate and build the whole site into site/")
    build.set_defaults(func=cmd_build, lang=None)
    serve = sub.add_parser("serve", help="build, serve and rebuild on every change")
    serve.add_argument("--lang", choices=["es", "en"], action="append", help="preview only this language (faster rebuilds)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # the last line of defence: a contributor never sees a traceback
        print(f"build.py: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        print("This is a bug in the build scripts, not in your data. Please report it with the command you ran.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
