"""The yardstick: the same pages as a plain mkdocs-static-i18n project, built by one `mkdocs build`.

mkdocs-static-i18n is the plugin most bilingual MkDocs sites use: one build, a folder per
language. The yardstick is what such a site of these pages would cost with nothing of ours: stock
Material (no custom_dir, no overrides, no extra CSS or JavaScript), stock Markdown extensions,
stock search, the pages' Markdown as our renderer writes it, laid out docs/es/…, docs/en/….
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .timing import clean_env

LANGS = {"es": "Español", "en": "English"}  # the site's languages; Spanish, the letter's, is the default

# The one place the benchmark reaches into the project's code: the build leaves no Markdown
# behind, so a small program in the checkout renders it. The renderer's API may change (today:
# casefile.render.render_language(dataset, lang, docs_dir, settings)); adapt this, and only this.
_RENDER = """
import sys
from pathlib import Path
sys.path.insert(0, "scripts")
from casefile import settings, validate
from casefile.render import render_language
report = validate.run()
if not report.ok:
    sys.exit("data/ does not pass check; the yardstick needs valid data")
for lang in sys.argv[2:]:
    (Path(sys.argv[1]) / lang).mkdir(parents=True)
    render_language(report.dataset, lang, Path(sys.argv[1]) / lang, settings.load())
"""


def render_pages(checkout: Path, docs: Path) -> None:
    """Write the Markdown of every page of both languages into docs/<lang>/."""
    cmd = [sys.executable, "-c", _RENDER, str(docs), *LANGS]
    subprocess.run(cmd, cwd=checkout, env=clean_env(), check=True, capture_output=True, text=True)


def available() -> bool:
    try:
        import mkdocs_static_i18n  # noqa: F401
    except ImportError:
        return False
    return True


def make_project(checkout: Path, folder: Path) -> Path:
    """Write the yardstick project into `folder` from the pages of `checkout`; returns its mkdocs.yml."""
    docs = folder / "docs"
    render_pages(checkout, docs)
    shutil.copytree(checkout / "docs" / "assets", docs / "assets")  # the images the pages show
    languages = [{"locale": k, "name": v, "build": True, "default": k == "es"} for k, v in LANGS.items()]
    config = {
        "site_name": "Expediente NOSC 2023",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "font": False},
        "markdown_extensions": [
            {"toc": {"permalink": "¶"}},
            "attr_list",
            "md_in_html",
            "admonition",
            "tables",
            "footnotes",
            "abbr",
        ],
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": languages}}],
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def build_command(config: Path) -> list:
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)]
