"""What the built site needs after MkDocs: pruned assets shared by the languages, the root pages.

Material-specific, like mkdocs_config.py; a move to another builder replaces these two files.
"""
from __future__ import annotations

import html
from pathlib import Path

from ..languages import NAMES, ORIGINAL as DEFAULT
from ..render.strings import t
from . import shared_assets
from .valid_html import fix

# Material's search worker loads lunr's stemmer support and the page language's stemmer, except for
# English, which lunr itself knows.
KEEP_LUNR = {"es": {"lunr.stemmer.support.min.js", "lunr.multi.min.js", "lunr.es.min.js"}, "en": set()}
UNUSED_THEME_FILES = ("assets/images/favicon.png",)  # the theme's own favicon; ours is favicon.svg


def language(site: Path, lang: str) -> None:
    """What one language's site needs (language_steps.py runs it with that language's other steps)."""
    _prune(site, lang)


def root_404(out: Path, langs, settings) -> None:
    """The root 404 page, from the default language's as MkDocs wrote it (made valid HTML here),
    before the languages' steps (language_steps.py) give that one its policy."""
    _root_404(out, langs, settings.base_path)


def run(out: Path, langs, settings) -> None:
    """After every language's own steps (`language` above): one assets/ folder, the root index."""
    shared_assets.share(out, langs)  # after `language`: the languages' copies are the same files
    _root_index(out, langs, settings.site_url)


def _prune(site: Path, lang: str) -> None:
    """Source maps, the stemmers of languages we do not use and the theme's unused favicon: 2 MB
    that nobody downloads."""
    for path in site.glob("assets/**/*.map"):
        path.unlink()
    for path in (site / "assets/javascripts/lunr/min").glob("*.js"):
        if path.name not in KEEP_LUNR.get(lang, KEEP_LUNR["es"]):
            path.unlink()
    for name in UNUSED_THEME_FILES:
        (site / name).unlink(missing_ok=True)
    for name in ("tinyseg.js", "wordcut.js"):
        (site / "assets/javascripts/lunr" / name).unlink(missing_ok=True)


def _root_index(out: Path, langs, root: str | None) -> None:
    """/ sends a browser that prefers English to /en/ and any other to /es/."""
    default = DEFAULT if DEFAULT in langs else langs[0]
    targets = [("x-default", default)] + [(l, l) for l in langs]
    alternates = "\n".join(f'<link rel="alternate" hreflang="{h}" href="{html.escape(root)}{l}/">' for h, l in targets) if root else ""
    links = " · ".join(f'<a href="{l}/" hreflang="{l}" lang="{l}">{NAMES[l]}</a>' for l in langs)
    english = "en" if "en" in langs else default
    page = f"""<!doctype html>
<html lang="{default}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(t("site_name", default))}</title>
<script>
(function () {{
  var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  var target = "{default}/";
  for (var i = 0; i < prefs.length; i++) {{
    var p = String(prefs[i]).toLowerCase();
    if (p.indexOf("en") === 0) {{ target = "{english}/"; break; }}
    if (p.indexOf("es") === 0) {{ target = "{default}/"; break; }}
  }}
  location.replace(target + location.hash);
}})();
</script>
<noscript><meta http-equiv="refresh" content="0; url={default}/"></noscript>
{alternates}
</head>
<body>
<p>{links}</p>
</body>
</html>
"""
    (out / "index.html").write_text(page, "utf-8")


def _root_404(out: Path, langs, base_path: str) -> None:
    """Hosts that serve only /404.html get the default language's page, which hands English paths on."""
    default = DEFAULT if DEFAULT in langs else langs[0]
    source = out / default / "404.html"
    if not source.exists():
        return
    text = fix(source.read_text("utf-8"))
    others = [l for l in langs if l != default]
    if others:
        prefix = base_path
        script = "<script>(function(){var p=location.pathname;" + "".join(
            f'if(p.indexOf("{prefix}{l}/")===0&&p.indexOf("{prefix}{l}/404.html")!==0){{location.replace("{prefix}{l}/404.html");}}' for l in others
        ) + "})();</script>"
        text = text.replace("<head>", "<head>" + script, 1)
    (out / "404.html").write_text(text, "utf-8")
