"""What mkdocs.yml may say: the settings the build takes from it, as an allowlist; anything else is
refused at its line, like a problem of the data.

MkDocs and Material trust their configuration: a stylesheet or script is read wherever its path
points (`extra_javascript: [/proc/self/environ]` would bundle the build's environment into the
site), `INHERIT` reads another file, any installed Markdown extension runs (pymdownx.snippets
includes any file of the machine) and the templates print settings without escaping them. A pull
request may change mkdocs.yml, so it may only choose among what is listed here.
"""

from __future__ import annotations

from pathlib import Path

from ..load.source import Source
from ..load.strict_yaml import compose
from ..load.yaml_values import build_data
from ..paths import MKDOCS_YML, display
from ..problems import Problem, show
from .config_shapes import ASK, OWNED, Checker, asset, boolean, each, pattern, text

# The Markdown extensions the pages use, each with the options mkdocs.yml may give it (the build
# adds the localised ones, engine/mkdocs_config.py). An extension runs on every page, and an option
# can be unsafe too: footnotes' BACKLINK_TEXT is written into the pages as raw HTML.
EXTENSIONS = {"toc": ("permalink",), "attr_list": (), "md_in_html": (), "admonition": (), "tables": (), "footnotes": ()}


def extension(checker: Checker, path, item) -> None:
    """`- name` or `- name:` with its options, both from EXTENSIONS."""
    if isinstance(item, str):
        name, options = item, {}
    elif isinstance(item, dict) and len(item) == 1:
        ((name, options),) = item.items()
    else:
        checker.bad(path, "must be the name of an extension, or its name with its options", "e.g. - toc:")
        return
    if name not in EXTENSIONS:
        checker.bad(
            path,
            f"Markdown extension {show(name)} is not allowed",
            f"the site uses only: {', '.join(EXTENSIONS)}; remove it, or {ASK}",
        )
        return
    allowed = EXTENSIONS[name]
    if options is not None and not isinstance(options, dict):
        checker.bad(path + (name,), "must be a mapping of options", "write each option on its own line")
        return
    for option, value in (options or {}).items():
        if option in allowed:
            option_value(checker, path + (name, option), value)
        else:
            gives = f"only: {', '.join(allowed)}" if allowed else "no options"
            checker.bad(
                path + (name, option),
                f"option {show(option)} of Markdown extension {show(name)} is not allowed",
                f"mkdocs.yml may give {name} {gives}; remove it, or {ASK}",
                key=True,
            )


def option_value(checker: Checker, path, value) -> None:
    if not isinstance(value, bool):
        text(checker, path, value)


def theme_name(checker: Checker, path, value) -> None:
    if value != "material":  # docs/overrides and theme/ are made for it
        checker.bad(path, f"the theme is {show(value)}; the site is made for Material", "write material")


def font(checker: Checker, path, value) -> None:
    if value is not False:  # a font service would learn who reads a site about surveillance
        checker.bad(path, f"is {show(value)}; the site loads no web fonts from elsewhere", "write font: false")


def site_url(checker: Checker, path, value) -> None:
    if value is not None:  # `site_url:` left empty: no address, as when it is not there
        ADDRESS(checker, path, value)


NAME = pattern(r"[A-Za-z0-9_][A-Za-z0-9._/-]*", "a name of letters, digits and . _ - /", "main")
ADDRESS = pattern(
    r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~-]*)*",
    "an http(s) address of letters, digits and . _ ~ - /",
    "https://github.com/OWNER/REPO",
)
ICON = pattern(r"[a-z0-9-]+(/[a-z0-9-]+)+", "an icon's name", "material/pencil")
IMAGE = asset((".svg", ".png", ".ico"), "assets/images/logo.svg")
PALETTE = {"media": text, "scheme": text, "primary": text, "accent": text, "toggle": {"icon": ICON, "name": text}}

# Every setting the build takes from mkdocs.yml, with its shape (config_shapes.py). Site addresses
# and repositories can also come from the command line (settings.py), which checks them there.
SETTINGS = {
    "site_name": text,
    "site_url": site_url,
    "extra": {"repository": ADDRESS, "repository_branch": NAME, "generator": boolean},
    "theme": {
        "name": theme_name,
        "font": font,
        "logo": IMAGE,
        "favicon": IMAGE,
        "features": [pattern(r"[a-z]+(\.[a-z]+)+", "a Material feature", "navigation.top")],
        "palette": [PALETTE],
        "icon": each(ICON),
        "custom_dir": OWNED,
        "language": OWNED,
    },
    "extra_css": [asset((".css",), "assets/stylesheets/casefile.css")],
    "extra_javascript": [asset((".js",), "assets/javascripts/casefile.js")],
    "markdown_extensions": [extension],
    "validation": {"nav": each(NAME), "links": each(NAME)},  # MkDocs says which checks and levels it knows
    **dict.fromkeys(("docs_dir", "site_dir", "nav", "plugins", "hooks", "site_description", "copyright"), OWNED),
}


def check(text_read: str, base, path: Path = MKDOCS_YML) -> list[Problem]:
    """The problems of mkdocs.yml: `text_read` as read, `base` as PyYAML read it (what the build uses)."""
    name = display(path)
    node, forbidden, failure = compose(name, text_read)
    if failure:
        return failure
    if forbidden:  # an alias can make the settings recursive or enormous: nothing more is looked at
        how = "write the value out in full, without anchors, aliases or tags"
        return [
            Problem(name, event.start_mark.line + 1, event.start_mark.column + 1, "", f"{what} is not allowed", how)
            for event, what in forbidden
        ]
    source = Source(Path(path), None)
    checker = Checker(source)
    if node is not None:
        source.data = build_data(node, source, checker.problems)  # positions; duplicate keys, YAML 1.1 traps
    if not isinstance(base, dict):
        return checker.problems
    if "INHERIT" in base:
        checker.bad(
            ("INHERIT",),
            "is not allowed (MkDocs would read the file it names, wherever it is)",
            "write the settings in mkdocs.yml itself",
            key=True,
        )
    checker.walk(SETTINGS, (), {key: value for key, value in base.items() if key != "INHERIT"})
    theme = base.get("theme")
    if theme is None or (isinstance(theme, dict) and "name" not in theme):
        checker.bad(("theme",), "has no name", "add `theme:` with `name: material`, as in the repository's mkdocs.yml")
    return checker.problems
