"""The render stage's templates are kept compiled in build/cache/jinja/ (casefile/jinja_cache.py):
an edited template is compiled afresh, and a corrupt, strange or unwritable cache is ignored."""
from __future__ import annotations

import os

import jinja2
import pytest
from jinja2.bccache import bc_magic

from casefile.jinja_cache import QuietBytecodeCache


def environment(templates, cache_dir):
    return jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=True,
                              bytecode_cache=QuietBytecodeCache(cache_dir))


@pytest.fixture
def templates(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "t.html").write_text("<p>{{ who }} one</p>", "utf-8")
    return folder


def render(templates, cache_dir, who="<b>"):
    return environment(templates, cache_dir).get_template("t.html").render(who=who)


def test_a_template_is_kept_compiled_and_recompiled_when_edited(templates, tmp_path):
    cache = tmp_path / "cache"
    assert render(templates, cache) == "<p>&lt;b&gt; one</p>"
    assert len(list(cache.glob("*.cache"))) == 1
    (templates / "t.html").write_text("<p>{{ who }} two</p>", "utf-8")
    assert render(templates, cache) == "<p>&lt;b&gt; two</p>"  # a fresh process would see the same


def _garbage(path):
    path.write_bytes(bc_magic + b"garbage that is no pickle")  # past the magic, pickle.load raises


def _truncated(path):
    path.write_bytes(path.read_bytes()[:20])


def _folder(path):
    path.unlink()
    path.mkdir()


def _fifo(path):
    path.unlink()
    os.mkfifo(path)  # reading it must not wait for a writer


@pytest.mark.parametrize("spoil", [_garbage, _truncated, _folder, _fifo], ids=lambda f: f.__name__[1:])
def test_a_corrupt_or_strange_cache_file_is_ignored(templates, tmp_path, spoil):
    cache = tmp_path / "cache"
    render(templates, cache)
    (cached,) = cache.glob("*.cache")
    spoil(cached)
    (templates / "t.html").write_text("<p>{{ who }} three</p>", "utf-8")
    assert render(templates, cache) == "<p>&lt;b&gt; three</p>"


def test_a_cache_folder_that_cannot_be_written_is_left_alone(templates, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file", "utf-8")
    assert render(templates, blocked / "jinja") == "<p>&lt;b&gt; one</p>"
    assert blocked.read_text("utf-8") == "a file"
