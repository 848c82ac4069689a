"""Build the whole site: validate data/, render Markdown per language, run MkDocs, swap into place.

Nothing is written into docs/ or into the live output until everything succeeded: pages are
rendered under build/, each language is built into a fresh folder beside site/, and only then
is that folder swapped in. A failure leaves the previous site exactly as it was.
"""
from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from . import check as data_check
from . import mkdocs_config, postprocess
from .dataset import Dataset
from .i18n import LANGS
from .page_writer import PageWriter
from .pages import PAGES
from .paths import BUILD, DOCS, SITE, display
from .settings import Settings, load as load_settings

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner; not our reader's concern


class BuildError(Exception):
    """A step failed; the message says which and why."""


def render(dataset: Dataset, lang: str, docs_dir: Path, settings: Settings) -> None:
    """Write every page of `lang` as Markdown into `docs_dir` (a folder under build/)."""
    docs_dir.mkdir(parents=True)
    shutil.copytree(DOCS / "assets", docs_dir / "assets")
    citations = []
    for spec in sorted(PAGES, key=lambda p: p.file == "fuentes.md"):  # the sources page lists what cites them, so it comes last
        writer = PageWriter(dataset, lang, spec.file, settings, PAGES)
        if spec.file == "fuentes.md":
            spec.render(writer, spec, citations)
        else:
            spec.render(writer, spec)
        citations += writer.citations
        edit_path = spec.edit_path.format(lang=lang)
        page = writer.markdown(spec.title[lang], settings.edit_url(edit_path))
        (docs_dir / spec.file).write_text(page, "utf-8")


def build(target: Path = SITE, langs=LANGS, report=None) -> None:
    """Validate, render and build into `target`; raise BuildError on any failure."""
    report = report or data_check.run()
    if not report.ok:
        raise BuildError("\n".join(str(p) for p in report.errors) + f"\ncheck: {len(report.errors)} problem(s); nothing was built")
    settings = load_settings()
    dataset = Dataset.from_report(report)
    BUILD.mkdir(exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix="stage-", dir=BUILD))
    target.parent.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix=".site-", dir=target.parent))
    try:
        for lang in langs:
            render(dataset, lang, stage / lang, settings)
            config = mkdocs_config.write(lang, stage, out / lang, settings, langs)
            _mkdocs_build(config, lang)
        postprocess.run(out, langs, settings)
        _swap(out, target)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _mkdocs_build(config_file: Path, lang: str) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(f"mkdocs [{lang}] %(levelname)s: %(message)s"))
    logger.addHandler(handler)
    try:
        config = load_config(config_file=str(config_file), strict=True)
        mkdocs_build(config)
    except MkDocsException as err:
        raise BuildError(f"MkDocs could not build the {lang} site: {err}") from None
    except SystemExit as err:  # MkDocs aborts some errors this way
        raise BuildError(f"MkDocs stopped while building the {lang} site (exit {err.code})") from None
    finally:
        logger.removeHandler(handler)


def _swap(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def main(langs=None) -> int:
    try:
        build(SITE, tuple(langs or LANGS))
    except BuildError as err:
        print(err, file=sys.stderr)
        print(f"build: failed; {display(SITE)}/ was left as it was", file=sys.stderr)
        return 1
    print(f"build: site built into {display(SITE)}/ ({', '.join('/' + l + '/' for l in (langs or LANGS))})")
    return 0
