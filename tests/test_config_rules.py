"""mkdocs.yml is an input like the others: the build takes only the settings it allows
(validate/config_rules.py), and what it refuses is listed at its line by `check` and `build` (exit 1),
before anything is read from where it points. Nothing from outside the project reaches site/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from casefile import errors, settings
from casefile import pipeline as site_build
from casefile.paths import MKDOCS_YML
from casefile.validate import config_rules, config_shapes

REAL = MKDOCS_YML.read_text("utf-8")
DASH = " — "
ASK = "ask a maintainer to add it to the allowlist in scripts/casefile/validate/config_rules.py"
USES = "the site uses only: toc, attr_list, md_in_html, admonition, tables, footnotes"
OWNED = "is set by the build for each language (scripts/casefile/engine/mkdocs_config.py) — remove it from mkdocs.yml"
SCRIPT = "give the path of a file in docs/assets/ from docs/, e.g. assets/javascripts/casefile.js"
STYLE = "give the path of a file in docs/assets/ from docs/, e.g. assets/stylesheets/casefile.css"


def edited(old: str, new: str, text: str = REAL) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line(text: str, start: str) -> int:
    """The 1-based number of the one line of `text` that starts with `start`."""
    numbers = [n for n, each in enumerate(text.splitlines(), 1) if each.startswith(start)]
    assert len(numbers) == 1, (start, numbers)
    return numbers[0]


def problems(text: str) -> list[str]:
    return [str(p) for p in config_rules.check(text, yaml.safe_load(text))]


def test_the_repository_mkdocs_yml_has_no_refused_setting():
    assert settings.read()[1] == []
    assert settings.load().problems == ()


JS = "  - assets/javascripts/letter.js\n"
CSS = "  - assets/stylesheets/print.css # last: on paper its rules win over the screen's\n"
EXTENSIONS_END = "  - footnotes\n"


REFUSED = [
    (
        JS,
        JS + "  - /etc/hostname\n",
        "  - |/etc",
        f"extra_javascript[3]: '/etc/hostname' is not a path inside docs/assets/{DASH}{SCRIPT} (no leading /, no ..)",
    ),
    (
        JS,
        JS + "  - /proc/self/environ\n",
        "  - |/proc",
        f"extra_javascript[3]: '/proc/self/environ' is not a path inside docs/assets/{DASH}{SCRIPT} (no leading /, no ..)",
    ),
    (
        CSS,
        CSS + "  - ../../secret.css\n",
        "  - |../",
        f"extra_css[9]: '../../secret.css' is not a path inside docs/assets/{DASH}{STYLE} (no leading /, no ..)",
    ),
    (
        CSS,
        CSS + "  - assets/../../mkdocs.css\n",
        "  - |assets/..",
        f"extra_css[9]: 'assets/../../mkdocs.css' is not a path inside docs/assets/{DASH}{STYLE} (no leading /, no ..)",
    ),
    (
        JS,
        JS + "  - https://cdn.example.net/x.js\n",
        "  - |https",
        "extra_javascript[3]: 'https://cdn.example.net/x.js' is on another site; the site loads nothing from "
        f"elsewhere{DASH}copy the file into docs/assets/ and {SCRIPT}",
    ),
    (
        JS,
        JS + "  - assets/javascripts/missing.js\n",
        "  - |assets/javascripts/missing",
        f"extra_javascript[3]: docs/assets/javascripts/missing.js does not exist{DASH}add the file, or correct the path",
    ),
    (
        JS,
        JS + "  - assets/images/logo.svg\n",
        "  - |assets/images/logo",
        "extra_javascript[3]: 'assets/images/logo.svg' does not end with .js"
        f"{DASH}list a file like assets/javascripts/casefile.js",
    ),
    (
        "  logo: assets/images/logo.svg",
        "  logo: ../../../etc/passwd",
        "  logo: |",
        "theme.logo: '../../../etc/passwd' is not a path inside docs/assets/"
        f"{DASH}give the path of a file in docs/assets/ from docs/, e.g. assets/images/logo.svg (no leading /, no ..)",
    ),
    (
        "site_name: Expediente NOSC 2023\n",
        "INHERIT: /tmp/elsewhere.yml\nsite_name: Expediente NOSC 2023\n",
        "|INHERIT",
        f"INHERIT: is not allowed (MkDocs would read the file it names, wherever it is){DASH}write the settings in "
        "mkdocs.yml itself",
    ),
    (
        EXTENSIONS_END,
        EXTENSIONS_END + "  - pymdownx.snippets:\n      base_path: [/]\n",
        "  - |pymdownx",
        f"markdown_extensions[6]: Markdown extension 'pymdownx.snippets' is not allowed{DASH}{USES}; remove it, or {ASK}",
    ),
    (
        EXTENSIONS_END,
        EXTENSIONS_END + "  - no_such_extension\n",
        "  - |no_such",
        f"markdown_extensions[6]: Markdown extension 'no_such_extension' is not allowed{DASH}{USES}; remove it, or {ASK}",
    ),
    (
        EXTENSIONS_END,
        "  - footnotes:\n      BACKLINK_TEXT: <img src=x onerror=alert(1)>\n",
        "      |BACKLINK_TEXT",
        "markdown_extensions[5].footnotes.BACKLINK_TEXT: option 'BACKLINK_TEXT' of Markdown extension 'footnotes' "
        f"is not allowed{DASH}mkdocs.yml may give footnotes no options; remove it, or {ASK}",
    ),
    (
        '      permalink: "¶"\n',
        '      permalink: "¶"\n      slugify: x\n',
        "      |slugify",
        "markdown_extensions[0].toc.slugify: option 'slugify' of Markdown extension 'toc' is not allowed"
        f"{DASH}mkdocs.yml may give toc only: permalink; remove it, or {ASK}",
    ),
    (
        'permalink: "¶"',
        'permalink: "<b>¶</b>"',
        "      permalink: |",
        "markdown_extensions[0].toc.permalink: '<b>¶</b>' contains <, which the theme's templates would write into "
        f"the pages as markup{DASH}write plain text, without < > \" ' & or `",
    ),
    ("site_name: Expediente", "docs_dir: /\nsite_name: Expediente", "|docs_dir", f"docs_dir: {OWNED}"),
    ("site_name: Expediente", "hooks: [/tmp/x.py]\nsite_name: Expediente", "|hooks", f"hooks: {OWNED}"),
    ("site_name: Expediente", "plugins: [search]\nsite_name: Expediente", "|plugins", f"plugins: {OWNED}"),
    ("site_name: Expediente", "nav: []\nsite_name: Expediente", "|nav", f"nav: {OWNED}"),
    ("  name: material\n", "  name: material\n  custom_dir: /etc\n", "  |custom_dir", f"theme.custom_dir: {OWNED}"),
    (
        "  name: material\n",
        "  name: readthedocs\n",
        "  name: |readthedocs",
        f"theme.name: the theme is 'readthedocs'; the site is made for Material{DASH}write material",
    ),
    (
        "site_name: Expediente",
        "watch: [/]\nsite_name: Expediente",
        "|watch",
        "unknown setting 'watch': the build takes only site_name, site_url, extra, theme, extra_css, "
        f"extra_javascript, markdown_extensions, validation here{DASH}remove it, or {ASK}",
    ),
    (
        "  generator: false",
        "  generator: false\n  analytics: {provider: google, property: G-X}",
        "  |analytics",
        "extra: unknown setting 'analytics': the build takes only repository, repository_branch, generator here"
        f"{DASH}remove it, or {ASK}",
    ),
    (
        "  repository_branch: main",
        "  repository_branch: 'main\" autofocus onfocus=\"alert(1)'",
        "  repository_branch: |",
        "extra.repository_branch: 'main\" autofocus onfocus=\"alert(1)' is not a name of letters, digits and "
        f". _ - /{DASH}write a name of letters, digits and . _ - /, e.g. main",
    ),
    (
        'name: "Modo oscuro · Dark mode"',
        "name: '\"><img src=x onerror=alert(1)>'",
        "        name: |'\"",
        "theme.palette[0].toggle.name: '\"><img src=x onerror=alert(1)>' contains \", which the theme's templates "
        f"would write into the pages as markup{DASH}write plain text, without < > \" ' & or `",
    ),
    (
        "  font: false",
        "  font: {text: Roboto}",
        "  font: |",
        "theme.font: is '{'text': 'Roboto'}'; the site loads no web fonts from elsewhere — write font: false",
    ),
]


@pytest.mark.parametrize(("old", "new", "at", "expected"), REFUSED, ids=[case[3].split(" ")[0] for case in REFUSED])
def test_a_refused_setting_is_named_at_its_line(old, new, at, expected):
    """`at`: the start of the problem's line, with | where the problem is."""
    text = edited(old, new)
    assert problems(text) == [f"mkdocs.yml:{line(text, at.replace('|', ''))}:{at.index('|') + 1}: {expected}"]


def test_text_is_one_short_line_without_hidden_characters():
    at = line(REAL, "site_name")
    assert problems(edited("site_name: Expediente NOSC 2023", 'site_name: "Expediente\\u202eNOSC"')) == [
        f"mkdocs.yml:{at}:12: site_name: 'Expediente\\u202eNOSC' contains a line break or an invisible character"
        f"{DASH}remove it"
    ]
    assert problems(edited("site_name: Expediente NOSC 2023", f"site_name: {'x' * 201}")) == [
        f"mkdocs.yml:{at}:12: site_name: is 201 characters long, more than 200{DASH}shorten it"
    ]


def test_anchors_aliases_and_duplicate_keys_are_refused():
    text = edited("site_name: Expediente NOSC 2023", "site_name: &name Expediente\nsite_description: *name")
    assert problems(text) == [
        f"mkdocs.yml:6:12: anchor '&name' is not allowed{DASH}write the value out in full, without anchors, aliases or tags",
        f"mkdocs.yml:7:19: alias '*name' is not allowed{DASH}write the value out in full, without anchors, aliases or tags",
    ]
    text = REAL + "extra_css: [/etc/passwd]\n"  # PyYAML would keep the last one
    end = len(text.splitlines())
    assert problems(text)[0] == (
        f"mkdocs.yml:{end}:1: extra_css: duplicate key 'extra_css' (first at line {line(REAL, 'extra_css:')}){DASH}"
        "YAML would silently keep only the last one; remove or rename one of them"
    )


def test_a_path_through_a_linked_folder_is_refused(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.js").write_text("secret", "utf-8")
    os.symlink(outside, docs / "assets" / "linked")
    monkeypatch.setattr(config_shapes, "DOCS", docs)
    with pytest.raises(config_shapes.inputs.Refused, match="is not inside docs/"):
        config_shapes.docs_file("assets/linked/x.js")
    os.symlink(outside / "x.js", docs / "assets" / "x.js")
    with pytest.raises(config_shapes.inputs.Refused, match="x.js is a symbolic link"):
        config_shapes.docs_file("assets/x.js")


def test_build_refuses_settings_with_problems_however_they_came(tmp_path, tiny_report):
    config = tmp_path / "mkdocs.yml"
    config.write_text(edited(JS, JS + "  - /proc/self/environ\n"), "utf-8")
    refused = settings.load(path=config)
    assert [p.path for p in refused.problems] == ["extra_javascript[3]"]
    with pytest.raises(site_build.BuildError, match=r"'/proc/self/environ' is not a path inside docs/assets/"):
        site_build.build(tmp_path / "site", report=tiny_report, settings=refused)
    assert not (tmp_path / "site").exists()


# -- the commands, in a copy of the repository: refused, and nothing of the file reaches site/ --------

SECRET = "casefile-secret-4f1d"  # what no build may publish


def run(repo: Path, *args, **env):
    return subprocess.run(
        [sys.executable, str(repo / "scripts/build.py"), *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **env},
    )


def _outside(repo: Path) -> Path:
    """A file beside the repository (outside the project) holding SECRET."""
    secret = repo.parent / "secret.txt"
    secret.write_text(f"{SECRET}\n", "utf-8")
    return secret


def _page(repo: Path, text: str) -> None:
    about = repo / "docs/es/acerca.md"
    about.write_text(about.read_text("utf-8") + text, "utf-8")


def absolute_script(repo: Path) -> str:
    return edited(JS, f"{JS}  - {_outside(repo)}\n")


def stylesheet_up_and_out(repo: Path) -> str:
    return edited(CSS, f"{CSS}  - ../../{_outside(repo).name}\n")  # docs/../../: beside the repository


def the_builds_environment(repo: Path) -> str:
    return edited(JS, f"{JS}  - /proc/self/environ\n")  # run() gives the commands SECRET in their environment


def inherit_outside(repo: Path) -> str:
    inherited = _outside(repo)  # on the old code, this link was in the footer of 23 pages
    inherited.write_text(f"extra:\n  social:\n    - icon: material/web\n      link: https://example.net/{SECRET}\n")
    return f"INHERIT: {inherited}\n{REAL}"


def snippets_from_the_root(repo: Path) -> str:
    _page(repo, f'\n--8<-- "{str(_outside(repo)).lstrip("/")}"\n')
    return edited(EXTENSIONS_END, EXTENSIONS_END + "  - pymdownx.snippets:\n      base_path: [/]\n")


def footnote_backlink_markup(repo: Path) -> str:
    _page(repo, "\nUna nota.[^n]\n\n[^n]: Texto.\n")  # BACKLINK_TEXT is written into the page unescaped
    return edited(EXTENSIONS_END, f"  - footnotes:\n      BACKLINK_TEXT: '<img src=x onerror=alert(1) alt={SECRET}>'\n")


ATTACKS = (
    absolute_script,
    stylesheet_up_and_out,
    the_builds_environment,
    inherit_outside,
    snippets_from_the_root,
    footnote_backlink_markup,
)


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda attack: attack.__name__)
def test_check_and_build_refuse_it_and_publish_nothing_of_it(tiny_repo_copy, attack):
    repo = tiny_repo_copy
    text = attack(repo)
    (repo / "mkdocs.yml").write_text(text, "utf-8")
    expected = [str(p) for p in config_rules.check(text, yaml.safe_load(text))]
    assert len(expected) == 1
    check = run(repo, "check", CASEFILE_TEST_SECRET=SECRET)
    assert (check.returncode, check.stdout.splitlines()) == (
        errors.PROBLEMS,
        [*expected, "check: 1 problem(s) in 1 file(s); nothing was built"],
    ), check.stderr
    build = run(repo, "build", CASEFILE_TEST_SECRET=SECRET)
    assert (build.returncode, build.stderr.splitlines()) == (
        errors.PROBLEMS,
        [*expected, "check: 1 problem(s); nothing was built", "build: failed; site/ was left as it was"],
    )
    written = [p for folder in ("site", "build") for p in (repo / folder).rglob("*") if p.is_file()]
    assert [p for p in written if SECRET.encode() in p.read_bytes()] == []
    assert not (repo / "site").exists()


def test_an_unknown_extension_is_named_at_its_line_in_mkdocs_yml(tiny_repo_copy):
    repo = tiny_repo_copy
    text = edited(EXTENSIONS_END, EXTENSIONS_END + "  - nosuch\n")
    (repo / "mkdocs.yml").write_text(text, "utf-8")
    result = run(repo, "build")
    assert result.returncode == errors.PROBLEMS
    assert result.stderr.splitlines()[0] == (
        f"mkdocs.yml:{line(text, '  - nosuch')}:5: markdown_extensions[6]: Markdown extension 'nosuch' is not allowed"
        f"{DASH}{USES}; remove it, or {ASK}"
    )


def test_check_reads_mkdocs_yml_as_build_does(tiny_repo_copy):
    """A mkdocs.yml that is no YAML stops `check` as it stops `build`: exit 3, the file named."""
    repo = tiny_repo_copy
    (repo / "mkdocs.yml").write_text("site_name: [\n", "utf-8")
    result = run(repo, "check")
    assert (result.returncode, result.stdout, result.stderr.splitlines()) == (
        errors.PROJECT_FILE,
        "",
        [
            "check: mkdocs.yml: is not valid YAML at line 2, column 1 (expected the node content, but found "
            f"'<stream end>'){DASH}fix the syntax, or restore it from the repository (git checkout -- mkdocs.yml)"
        ],
    )
