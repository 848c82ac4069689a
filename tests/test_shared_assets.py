"""theme/shared_assets.py: one assets/ folder beside /es/ and /en/, and every page's asset addresses
lead to it (the test site lives under a sub-folder, /casefile/, like a GitHub project site)."""

from __future__ import annotations

import html
import json
import posixpath
import re
from urllib.parse import urlsplit

import pytest

from casefile.languages import LANGS
from casefile.theme import shared_assets

_ADDRESS = re.compile(
    r'<link\b[^>]*\brel="(?:icon|stylesheet)"[^>]*\shref="([^"]*)"|<(?:script|img)\b[^>]*?\ssrc="([^"]*)"'
)
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def _page_path(built_site, path, base_path: str) -> str:
    """The address path a built file is served at: /casefile/es/carta/ for es/carta/index.html."""
    rel = path.relative_to(built_site).as_posix()
    return base_path + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def _asset_addresses(page: str) -> list[str]:
    """The addresses of the files a page loads: stylesheets, icons, scripts, images, search worker."""
    found = [html.unescape(link or other) for link, other in _ADDRESS.findall(page)]
    config = _CONFIG.search(page)
    if config:
        found.append(json.loads(config.group(1))["search"])
    return [a for a in found if not urlsplit(a).scheme and not a.startswith("#")]


def _pages(built_site):
    return [p for p in sorted(built_site.rglob("*.html")) if "d" not in p.relative_to(built_site).parts[1:2]]


def test_no_language_has_its_own_assets_folder(built_site):
    for lang in LANGS:
        assert not (built_site / lang / "assets").exists()
    theme = [p.name for p in (built_site / "assets").rglob("*") if p.is_file()]
    for pattern in (r"bundle\.[0-9a-f]{8}\.min\.js", r"main\.[0-9a-f]{8}\.min\.css", r"search\.[0-9a-f]{8}\.min\.js"):
        assert len([n for n in theme if re.fullmatch(pattern, n)]) == 1, pattern


def test_every_asset_address_of_every_page_leads_to_a_file(built_site, build_settings):
    base = build_settings.base_path
    assert base == "/casefile/"  # the sub-folder case, where a wrong number of ../ shows
    checked = 0
    for path in _pages(built_site):
        here = _page_path(built_site, path, base)
        for address in _asset_addresses(path.read_text("utf-8")):
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(here) if not here.endswith("/") else here, address)
            )
            assert target.startswith(base + "assets/"), f"{path}: {address} -> {target}"
            assert (built_site / target[len(base) :]).is_file(), f"{path}: {address} -> {target}, no such file"
            checked += 1
    assert checked > 200


def test_the_404_pages_use_absolute_paths_to_the_shared_folder(built_site, build_settings):
    """A 404 page is served at any depth: its addresses cannot be relative."""
    for path in [built_site / "404.html"] + [built_site / lang / "404.html" for lang in LANGS]:
        addresses = _asset_addresses(path.read_text("utf-8"))
        assert addresses and all(a.startswith(build_settings.base_path + "assets/") for a in addresses), (
            path,
            addresses,
        )


def test_the_search_worker_finds_the_spanish_stemmer_beside_it(built_site):
    """Material's worker loads ../lunr/min/lunr.<lang>.min.js relative to itself."""
    (worker,) = (built_site / "assets/javascripts/workers").glob("search.*.min.js")
    assert 'let e="../lunr"' in worker.read_text("utf-8")
    for name in ("lunr.stemmer.support.min.js", "lunr.es.min.js"):
        assert (worker.parent.parent / "lunr" / "min" / name).is_file()


def test_languages_that_disagree_on_a_file_cannot_share_it(tmp_path):
    for lang, text in (("es", "a"), ("en", "b")):
        (tmp_path / lang / "assets" / "x").mkdir(parents=True)
        (tmp_path / lang / "assets" / "x" / "f.js").write_text(text)
    with pytest.raises(RuntimeError, match="differs from the other language"):
        shared_assets.share(tmp_path, ("es", "en"))


def test_files_one_language_has_join_and_equal_files_are_kept_once(tmp_path):
    (tmp_path / "es/assets/js").mkdir(parents=True)
    (tmp_path / "en/assets/js").mkdir(parents=True)
    (tmp_path / "es/assets/js/same.js").write_text("same")
    (tmp_path / "en/assets/js/same.js").write_text("same")
    (tmp_path / "es/assets/js/lunr.es.js").write_text("es")
    shared_assets.share(tmp_path, ("es", "en"))
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "assets/js/lunr.es.js",
        "assets/js/same.js",
    ]
