"""One `assets/` folder for both languages, beside /es/ and /en/ instead of inside each.

Material's stylesheet and script, its search worker, our bundled CSS and JavaScript, the logo and
the favicon are the same files in every language (about 340 KB a copy). Each MkDocs run still
writes its language's own copy; then:

1. while MkDocs renders, every address of a file under `assets/` points one folder up: the `url`
   and `script_tag` filters (the ones Material's templates and MkDocs pass asset paths through)
   are given `../assets/…` for `assets/…`. Relative addresses stay relative (`../../assets/…` from
   /es/cronologia/), so the site works at a domain's root and in a sub-folder alike; the 404 pages,
   whose addresses are absolute paths from the site's root, get `/ROOT/assets/…`. The search
   worker's address (Material's `__config`) goes through the same filter, and the worker finds the
   search language files beside it, as before.
2. after the post-steps that edit those files (postprocess.py), `share(out, langs)` moves each
   language's `assets/` into the root `assets/`. A file both languages have must be the same
   bytes, or the build stops; files only one language needs (the Spanish stemmer) simply join.

A reader who switches language also finds everything already in the browser's cache.
"""

from __future__ import annotations

import copy
import posixpath
import shutil
from pathlib import Path

from jinja2 import pass_context

FOLDER = "assets"
PREFIX = FOLDER + "/"


def _with_path(value, path: str):
    """`value` (a str, or MkDocs' ExtraScriptValue: a script with type, defer or async) with `path`."""
    if isinstance(value, str):
        return path
    moved = copy.deepcopy(value)
    moved.path = path
    return moved


def _up(value):
    """'assets/x' -> '../assets/x'."""
    return _with_path(value, "../" + str(value))


def _tidy(url: str) -> str:
    """'/casefile/es/../assets/x' -> '/casefile/assets/x'; relative addresses are already tidy."""
    return posixpath.normpath(url) if url.startswith("/") else url


def install(env) -> None:
    """Point the asset addresses of the templates rendered with `env` at the shared folder."""
    url, script_tag = env.filters["url"], env.filters["script_tag"]

    @pass_context
    def shared_url(context, value):
        return _tidy(url(context, _up(value))) if str(value).startswith(PREFIX) else url(context, value)

    @pass_context
    def shared_script_tag(context, value):
        if not str(value).startswith(PREFIX):
            return script_tag(context, value)
        address = shared_url(context, value)  # an absolute path is passed on as it is
        return script_tag(context, _with_path(value, address) if address.startswith("/") else _up(value))

    env.filters["url"] = shared_url
    env.filters["script_tag"] = shared_script_tag


def share(out: Path, langs) -> None:
    """Move out/<lang>/assets/ into out/assets/ for every language."""
    target = out / FOLDER
    for lang in langs:
        source = out / lang / FOLDER
        if not source.is_dir():
            continue
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            into = target / path.relative_to(source)
            if into.exists():
                if into.read_bytes() != path.read_bytes():
                    raise RuntimeError(
                        f"{lang}/{FOLDER}/{path.relative_to(source)} differs from the other language's copy: "
                        "the languages cannot share one assets folder"
                    )
                continue
            into.parent.mkdir(parents=True, exist_ok=True)
            path.replace(into)
        shutil.rmtree(source)
