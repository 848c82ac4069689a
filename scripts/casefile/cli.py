"""The case file's one command: check the data, build the site, or preview it.

python scripts/build.py check [--data DIR] [--format text|github]
python scripts/build.py build [--site-url URL] [--repository URL] [--lang es] [--data DIR] [--site-dir DIR]
python scripts/build.py serve [--lang es] [--port N]
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback

from . import errors
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
    if report.refused:
        print(
            f"check: {len(report.problems)} input file(s) refused (links, special or missing files); nothing was read"
        )
        return errors.PROJECT_FILE
    if report.ok:
        print(summary(report) + (f"; {len(report.warnings)} warning(s)" if report.warnings else ""))
        return errors.OK
    files = len({p.file for p in report.errors})
    print(f"check: {len(report.errors)} problem(s) in {files} file(s); nothing was built")
    return errors.PROBLEMS


def cmd_build(args) -> int:
    from . import pipeline

    return pipeline.main(
        langs=args.lang, data_dir=args.data, target=args.site_dir, site_url=args.site_url, repository=args.repository
    )


def cmd_serve(args) -> int:
    from .preview import serve

    return serve.main(langs=args.lang, host=args.host, port=args.port)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a port number: give one from 1 to 65535 (0 picks a free one)"
        )
    return port


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="build.py",
        description=__doc__,
        epilog=errors.exit_codes_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = top.add_subparsers(dest="command", required=True)
    check = sub.add_parser(
        "check",
        help="validate data/",
        epilog=errors.exit_codes_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("--data", metavar="DIR", help="check this folder instead of data/")
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: one ::error/::warning line per problem, shown on its line in a pull request",
    )
    check.set_defaults(func=cmd_check)
    build = sub.add_parser(
        "build",
        help="validate and build the whole site into site/",
        epilog=errors.exit_codes_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument(
        "--site-url",
        metavar="URL",
        help="the address the site is published at (overrides mkdocs.yml and CASEFILE_SITE_URL)",
    )
    build.add_argument(
        "--repository",
        metavar="URL",
        help="the repository 'Edit this page' opens (overrides mkdocs.yml and CASEFILE_REPOSITORY)",
    )
    build.add_argument("--lang", choices=LANGS, action="append", help="build only this language")
    build.add_argument("--data", metavar="DIR", help="build from this folder instead of data/")
    build.add_argument("--site-dir", metavar="DIR", help="build into this folder instead of site/")
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser(
        "serve",
        help="build, serve and rebuild on every change",
        epilog=errors.exit_codes_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument("--lang", choices=LANGS, action="append", help="preview only this language (faster rebuilds)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=_port, default=8000)
    serve.set_defaults(func=cmd_serve)
    return top


def _quiet_pipe() -> int:
    """The reader of our output went away (`check | head -1`): stop without a word."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the final flush at exit cannot complain
    except (OSError, ValueError):
        pass
    return errors.PIPE


def _report_address() -> str:
    try:
        from .settings import load

        repository = load().repository
    except Exception:  # noqa: BLE001 - reporting a bug must not fail on a second one
        repository = None
    return f"{repository}/issues" if repository else "the repository's issue tracker"


def internal_error(command: str, err: BaseException) -> int:
    """A bug: say so, where it happened, and how to report it."""
    print(f"{command}: internal error: {errors.describe_bug(err)}", file=sys.stderr)
    if os.environ.get("CASEFILE_TRACEBACK"):
        traceback.print_exception(err, file=sys.stderr)
    print(
        f"This is a bug in the build scripts, not in your files. Please report it at {_report_address()} with the "
        "command you ran and these lines (CASEFILE_TRACEBACK=1 adds the full traceback).",
        file=sys.stderr,
    )
    return errors.INTERNAL


def main(argv=None) -> int:
    args = parser().parse_args(argv)  # a wrong option: argparse prints one line and exits 2
    command = args.command  # as the commands' own lines begin: "check: …", "build: …"
    try:
        code = args.func(args)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        return errors.INTERRUPTED
    except BrokenPipeError:
        return _quiet_pipe()
    except errors.CasefileError as err:
        print(f"{command}: {err}", file=sys.stderr)
        return err.code
    except OSError as err:
        failure = errors.from_os_error(err)
        print(f"{command}: {failure}", file=sys.stderr)
        return failure.code
    except Exception as err:  # the last line of defence: a contributor never sees a traceback
        return internal_error(command, err)
