"""The site's own CSS and JavaScript reach readers as one file each, named by content (engine/assets.py)."""

from __future__ import annotations

import re

import yaml

from casefile.engine.assets import minify_css
from casefile.languages import LANGS
from casefile.paths import DOCS, MKDOCS_YML


def test_extra_css_and_js_are_bundled_into_one_hashed_file_each(built_site):
    base = yaml.safe_load(MKDOCS_YML.read_text("utf-8"))
    for lang in LANGS:
        html = (built_site / lang / "index.html").read_text("utf-8")
        css = re.findall(r'href="([^"]*assets/stylesheets/casefile\.[0-9a-f]{8}\.css)"', html)
        js = re.findall(r'src="([^"]*assets/javascripts/casefile\.[0-9a-f]{8}\.js)"', html)
        assert len(css) == 1 and len(js) == 1, (css, js)
        # one assets/ folder beside the languages' (theme/shared_assets.py)
        bundle_css = (built_site / "assets/stylesheets" / css[0].rsplit("/", 1)[-1]).read_text("utf-8")
        bundle_js = (built_site / "assets/javascripts" / js[0].rsplit("/", 1)[-1]).read_text("utf-8")
        for entry in base["extra_css"]:
            assert f"/* {entry} */" in bundle_css
            assert minify_css((DOCS / entry).read_text("utf-8")) in bundle_css
            assert not (built_site / lang / entry).exists(), f"{entry} is bundled; the site must not also ship it alone"
            assert not (built_site / entry).exists(), f"{entry} is bundled; the site must not also ship it alone"
            assert entry not in html
        for entry in base["extra_javascript"]:
            assert (DOCS / entry).read_text("utf-8").strip() in bundle_js
            assert not (built_site / lang / entry).exists()
            assert not (built_site / entry).exists()


def test_bundled_css_carries_no_comments():
    css = "/* why */\n.a {\n  color: var(--x); /* note */\n}\n\n"
    assert minify_css(css) == ".a {\ncolor: var(--x);\n}"
