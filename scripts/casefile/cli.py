"""The case file's one command: check the data, build the site, or preview it.

    python scripts/build.py check [--data DIR] [--format text|github]
    python scripts/build.py build [--site-url URL] [--repository URL] [--lang es]
    python scripts/build.py serve [--lang es] [--port N]
"""
from __future__ import annotations

import argparse
import sys

from .languages import LANGS


def cmd_check(args) -> int:
    from . import validate
    from .paths import DATA

    report = validate.run(args.data or DATA)
    return print_report(report, args.format)


def print_report(report, fmt: str = "text") -> int:
    from .validate import summary

    for problem in report.problems:
        print(problem.github() if fmt == "github" else problem)
    if report.ok:
        print(summary(report) + (f"; {len(report.warnings)} warning(s)" if report.warnings else ""))
        return 0
    files = len({p.file for p in report.errors})
    print(f"check: {len(report.errors)} problem(s) in {files} file(s); nothing was built")
    return 1


def _settings(args):
    from . import settings

    return settings.load(site_url=getattr(args, "site_url", None), repository=getattr(args, "repository", None))


def cmd_build(args) -> int:
    from . import settings, site

    try:
        config = _settings(args)
    except settings.SettingsError as err:
        print(f"build: {err}", file=sys.stderr)
        return 1
    return site.main(langs=args.lang, settings=config, data_dir=args.data, target=args.site_dir)


def cmd_serve(args) -> int:
    from .preview import serve

    return serve.main(langs=args.lang, host=args.host, port=args.port)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="build.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = top.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate data/")
    check.add_argument("--data", metavar="DIR", help="check this folder instead of data/")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="github: one ::error/::warning line per problem, shown on its line in a pull request")
    check.set_defaults(func=cmd_check)
    build = sub.add_parser("build", help="validate and build the whole site into site/")
    build.add_argument("--site-url", metavar="URL", help="the address the site is published at (overrides mkdocs.yml and CASEFILE_SITE_URL)")
    build.add_argument("--repository", metavar="URL", help="the repository 'Edit this page' opens (overrides mkdocs.yml and CASEFILE_REPOSITORY)")
    build.add_argument("--lang", choices=LANGS, action="append", help="build only this language")
    build.add_argument("--data", metavar="DIR", help="build from this folder instead of data/")
    build.add_argument("--site-dir", metavar="DIR", help="build into this folder instead of site/")
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser("serve", help="build, serve and rebuild on every change")
    serve.add_argument("--lang", choices=LANGS, action="append", help="preview only this language (faster rebuilds)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)
    return top


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # the last line of defence: a contributor never sees a traceback
        print(f"build.py: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        print("This is a bug in the build scripts, not in your data. Please report it with the command you ran.", file=sys.stderr)
        return 2
