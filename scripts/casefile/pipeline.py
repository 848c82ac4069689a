"""Build the whole site: load and validate data/, render each language, run MkDocs, swap into place.

Nothing is written into docs/ or into the live output until everything succeeded: pages are
rendered under build/, each language is built into a fresh folder beside site/, and only then
is that folder swapped in. A failure leaves the previous site exactly as it was.

Only regular files inside the project are read (see inputs.py); one build at a time runs per
repository (a lock in build/), and it first sweeps what killed builds left behind.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from . import errors, inputs
from . import settings as settings_module
from .engine import assets, mkdocs_config, mkdocs_run
from .languages import LANGS
from .load import history
from .paths import BUILD, DATA, SITE, display
from .publish import cards, csp, language_steps, postprocess, share_pages, sitemaps
from .publish.swap import check_target, fit_to_serve, leftovers, new_folder, remove, swap, sweep
from .render import render_language
from .render.terms import terms as glossary_terms
from .validate import finish as finish_validation
from .validate import load_only as load_data
from .validate import run as validate_data

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner; not our reader's concern

LOCK = "build.lock"
SIDE = ".side"  # in the new folder: what is written while MkDocs runs, moved into each language after it


class BuildError(Exception):
    """A step failed; the message says which and why, `code` is the exit code it ends with."""

    def __init__(self, message: str, code: int = errors.PROBLEMS):
        super().__init__(message)
        self.code = code


def _refused(problems) -> BuildError:
    return BuildError(
        "\n".join(str(p) for p in problems)
        + f"\nbuild: {len(problems)} input file(s) refused (links, special or missing files); nothing was read",
        errors.PROJECT_FILE,
    )


@contextmanager
def exclusive(folder: Path = BUILD):
    """One build at a time in this repository: a second one waits for the first."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock, no sweeping of other builds' folders
            yield False
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("build: waiting for another build of this repository to finish", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield True
    finally:
        os.close(fd)


def build(target: Path = SITE, langs=LANGS, report=None, settings=None, discard=None, validated: bool = True) -> None:
    """Validate, render and build into `target`; raise BuildError on any failure. `discard`, if
    given, receives the folders the build is done with (the one holding the previous build, the
    stage) instead of their being removed at once. `validated=False`: `report` is validate's
    `load_only`, and the data are validated while the languages are rendered (nothing is built
    from data with a problem: the workers are stopped and the problems reported as ever)."""
    report = report or validate_data()
    if report.refused:
        raise _refused(report.problems)
    later = None
    if not validated:
        if report.ok:  # loaded: validated beside the workers

            def later(loaded=report) -> None:
                _stop_on_problems(finish_validation(loaded))
        else:  # the loader's own problems: the whole report now, as `check` gives it
            report = finish_validation(report)
    refused = inputs.check(report.dataset.directory, langs)  # docs/ and mkdocs.yml, just before they are read
    if refused and later:
        later()  # the data's problems are said first
    _stop_on_problems(report)
    if refused:
        raise _refused(refused)
    try:
        settings = settings or settings_module.load()
    except settings_module.SettingsError as err:
        raise BuildError(str(err), errors.USAGE) from None
    if settings.problems:  # however the settings came: nothing is built from a mkdocs.yml with a refused setting
        raise BuildError(
            "\n".join(map(str, settings.problems)) + f"\ncheck: {len(settings.problems)} problem(s); nothing was built"
        )
    check_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with exclusive() as alone:
        if alone:
            sweep(sorted(BUILD.glob("stage-*")) + leftovers(target))
        _build(report.dataset, target, tuple(langs), settings, discard, later)


def _stop_on_problems(report) -> None:
    if not report.ok:
        raise BuildError(
            "\n".join(str(p) for p in report.errors) + f"\ncheck: {len(report.errors)} problem(s); nothing was built"
        )


def _build(dataset, target: Path, langs, settings, discard=None, validate=None) -> None:
    """`validate`, if given, is run once the workers are started; it raises if the data have a problem."""
    stage = Path(tempfile.mkdtemp(prefix="stage-", dir=BUILD))
    out = new_folder(target)
    runner = mkdocs_run.Runner()
    try:
        history.load()  # git's answers, before any worker is forked: each renders with them
        for lang in langs:  # each language is rendered, built and finished by its own worker
            docs_dir = stage / lang
            docs_dir.mkdir(parents=True)
            bundles = assets.stage(docs_dir, settings.base)
            config_file = mkdocs_config.write(
                lang, stage, out / lang, settings, langs, bundles, glossary_terms(dataset.glossary, lang)
            )
            render = partial(render_language, dataset, lang, docs_dir, settings)
            runner.start(
                config_file,
                lang,
                before=render,
                after=partial(_after_mkdocs, out, lang, langs, settings, dataset.glossary),
            )
        if validate is not None:
            validate()  # beside the workers; on a problem they are stopped below and nothing is kept
        side = out / SIDE  # while MkDocs runs: the cards and share pages need nothing it makes
        cards.write(side, langs, dataset)
        share_pages.write(side, langs, dataset, settings)  # each with its policy already
        try:
            runner.wait()
        except mkdocs_run.MkDocsFailed as err:
            raise BuildError(str(err)) from None
        postprocess.run(out, langs, settings)
        _move_in(side, out, langs)
        sitemaps.write(out, langs, dataset, settings)
        csp.run(out, done=[out / lang for lang in langs])  # the root pages: each language's have theirs
        fit_to_serve(out)
        swap(out, target, discard or remove)
    except BaseException:
        runner.stop()
        shutil.rmtree(out, ignore_errors=True)
        raise
    finally:
        (discard or remove)(stage)


def _after_mkdocs(out: Path, lang: str, langs, settings, glossary) -> None:
    """In `lang`'s worker, once MkDocs built it: its own steps (and first, for the default
    language, the root 404 page, made from its 404 page as MkDocs wrote it)."""
    if lang == langs[0]:
        postprocess.root_404(out, langs, settings)
    language_steps.steps(out, lang, glossary)


def _move_in(side: Path, out: Path, langs) -> None:
    """Put what was written beside MkDocs' output (side/<lang>/cards/, side/<lang>/d/) into it."""
    for lang in langs:
        for entry in sorted((side / lang).iterdir()):
            if os.path.lexists(out / lang / entry.name):
                raise RuntimeError(
                    f"MkDocs wrote {lang}/{entry.name} itself, where the build puts its own {entry.name}/"
                )
            os.rename(entry, out / lang / entry.name)
        (side / lang).rmdir()
    side.rmdir()


def main(langs=None, settings=None, data_dir=None, target=None, site_url=None, repository=None) -> int:
    """`build.py build`: one exit code per kind of failure (see errors.py); the site is left as it was."""
    langs = tuple(langs or LANGS)
    target = Path(target) if target else SITE
    try:
        report = load_data(Path(data_dir) if data_dir else DATA)  # inputs first: nothing is read before
        if report.refused:
            raise _refused(report.problems)
        if report.ok:  # else `build` lists the problems (mkdocs.yml's among them) before any setting is used
            settings = settings or settings_module.load(site_url=site_url, repository=repository)
        build(target, langs, report=report, settings=settings, validated=False)  # validated while rendering
    except BrokenPipeError:
        raise
    except settings_module.SettingsError as err:
        print(f"build: {err}", file=sys.stderr)
        return errors.USAGE
    except (BuildError, errors.CasefileError, OSError) as err:
        if isinstance(err, OSError):
            err = errors.from_os_error(err, "building the site")
        print(err if isinstance(err, BuildError) else f"build: {err}", file=sys.stderr)
        print(f"build: failed; {display(target)}/ was left as it was", file=sys.stderr)
        return err.code
    if not settings.site_url:
        print(
            f"build: no site address configured (--site-url or {settings_module.ENV_SITE_URL}); canonical, og:url, og:image, hreflang and sitemap addresses were left out"
        )
    print(f"build: site built into {display(target)}/ ({', '.join('/' + lang + '/' for lang in langs)})")
    return 0
