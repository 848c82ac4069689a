"""What the built site needs after every language is built: one assets/ folder, the root pages."""

from __future__ import annotations

import html
from pathlib import Path

from ..languages import NAMES
from ..languages import ORIGINAL as DEFAULT
from ..render.strings import t
from ..theme import shared_assets
from ..theme.valid_html import fix


def root_404(out: Path, langs, settings) -> None:
    """The root 404 page, from the default language's as MkDocs wrote it (made valid HTML here),
    before the languages' steps (language_steps.py) give that one its policy."""
    _root_404(out, langs, settings.base_path)


def run(out: Path, langs, settings) -> None:
    """After every language's own steps (`language` above): one assets/ folder, the root index."""
    shared_assets.share(out, langs)  # after `language`: the languages' copies are the same files
    _root_index(out, langs, settings.site_url)


def _root_index(out: Path, langs, root: str | None) -> None:
    """/ sends a browser that prefers English to /en/ and any other to /es/."""
    default = DEFAULT if DEFAULT in langs else langs[0]
    targets = [("x-default", default)] + [(lang, lang) for lang in langs]
    alternates = (
        "\n".join(f'<link rel="alternate" hreflang="{h}" href="{html.escape(root)}{lang}/">' for h, lang in targets)
        if root
        else ""
    )
    links = " · ".join(f'<a href="{lang}/" hreflang="{lang}" lang="{lang}">{NAMES[lang]}</a>' for lang in langs)
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
    others = [lang for lang in langs if lang != default]
    if others:
        prefix = base_path
        script = (
            "<script>(function(){var p=location.pathname;"
            + "".join(
                f'if(p.indexOf("{prefix}{lang}/")===0&&p.indexOf("{prefix}{lang}/404.html")!==0){{location.replace("{prefix}{lang}/404.html");}}'
                for lang in others
            )
            + "})();</script>"
        )
        text = text.replace("<head>", "<head>" + script, 1)
    (out / "404.html").write_text(text, "utf-8")
