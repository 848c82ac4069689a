"""Build the whole site: load and validate data/, render each language, run MkDocs, swap into place.

Nothing is written into docs/ or into the live output until everything succeeded: pages are
rendered under build/, each language is built into a fresh folder beside site/, and only then
is that folder swapped in. A failure leaves the previous site exactly as it was.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from .. import settings as settings_module
from ..languages import LANGS
from ..paths import BUILD, SITE, display
from ..render import render_language
from ..validate import run as validate_data
from . import assets, cards, mkdocs_config, mkdocs_run, postprocess, search_index, share_pages, sitemaps, valid_html
from .swap import swap

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner; not our reader's concern


class BuildError(Exception):
    """A step failed; the message says which and why."""


def build(target: Path = SITE, langs=LANGS, report=None, settings=None) -> None:
    """Validate, render and build into `target`; raise BuildError on any failure."""
    report = report or validate_data()
    if not report.ok:
        raise BuildError("\n".join(str(p) for p in report.errors) + f"\ncheck: {len(report.errors)} problem(s); nothing was built")
    try:
        settings = settings or settings_module.load()
    except settings_module.SettingsError as err:
        raise BuildError(str(err)) from None
    dataset = report.dataset
    BUILD.mkdir(exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix="stage-", dir=BUILD))
    target.parent.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix=".site-", dir=target.parent))
    try:
        jobs = []
        for lang in langs:
            docs_dir = stage / lang
            docs_dir.mkdir(parents=True)
            bundles = assets.stage(docs_dir, settings.base)
            render_language(dataset, lang, docs_dir, settings)
            jobs.append((mkdocs_config.write(lang, stage, out / lang, settings, langs, bundles), lang))
        try:
            mkdocs_run.build_all(jobs)
        except mkdocs_run.MkDocsFailed as err:
            raise BuildError(str(err)) from None
        valid_html.run(out, langs)
        search_index.run(out, langs, dataset.glossary)
        postprocess.run(out, langs, settings)
        cards.write(out, langs, dataset)
        share_pages.write(out, langs, dataset, settings)
        sitemaps.write(out, langs, dataset, settings)
        swap(out, target)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def main(langs=None, settings=None, data_dir=None, target=None) -> int:
    langs = tuple(langs or LANGS)
    target = Path(target) if target else SITE
    try:
        settings = settings or settings_module.load()
        build(target, langs, report=validate_data(Path(data_dir)) if data_dir else None, settings=settings)
    except settings_module.SettingsError as err:
        print(f"build: {err}", file=sys.stderr)
        return 1
    except BuildError as err:
        print(err, file=sys.stderr)
        print(f"build: failed; {display(target)}/ was left as it was", file=sys.stderr)
        return 1
    if not settings.site_url:
        print(f"build: no site address configured (--site-url or {settings_module.ENV_SITE_URL}); canonical, og:url, og:image, hreflang and sitemap addresses were left out")
    print(f"build: site built into {display(target)}/ ({', '.join('/' + l + '/' for l in langs)})")
    return 0
