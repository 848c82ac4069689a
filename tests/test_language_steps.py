"""site/language_steps.py runs each language's steps after MkDocs, the languages at once (every
language but the first in a forked process of its own), and reports what goes wrong in a forked
one as the build would have reported it here."""
from __future__ import annotations

import errno
import os

import pytest

from casefile.site import language_steps

LANGS = ("es", "en")


@pytest.fixture
def cores(monkeypatch):
    def set_to(n):
        monkeypatch.setattr(os, "cpu_count", lambda: n)
    return set_to


def test_every_language_once_the_others_in_their_own_process(cores, monkeypatch, tmp_path):
    cores(2)
    monkeypatch.setattr(language_steps, "steps", lambda out, lang, glossary, done=(): (out / f"{lang}.pid").write_text(str(os.getpid())))
    language_steps.run(tmp_path, LANGS, [])
    pids = {lang: (tmp_path / f"{lang}.pid").read_text() for lang in LANGS}
    assert pids["es"] == str(os.getpid())  # the first here
    assert pids["en"] != str(os.getpid())  # the other forked


def test_one_core_runs_them_one_after_the_other_here(cores, monkeypatch, tmp_path):
    cores(1)
    seen = []
    monkeypatch.setattr(language_steps, "steps", lambda out, lang, glossary, done=(): seen.append((lang, os.getpid())))
    language_steps.run(tmp_path, LANGS, [])
    assert seen == [(lang, os.getpid()) for lang in LANGS]


def test_a_bug_in_a_forked_language_is_reported_as_a_bug_naming_it(cores, monkeypatch, tmp_path):
    cores(2)

    def steps(out, lang, glossary, done=()):
        if lang == "en":
            raise KeyError("glossary")

    monkeypatch.setattr(language_steps, "steps", steps)
    with pytest.raises(language_steps.StepFailed, match=r"^KeyError: 'glossary' \(at .*\), in the steps after MkDocs on the en site$"):
        language_steps.run(tmp_path, LANGS, [])


def test_an_error_of_the_machine_in_a_forked_language_stays_one(cores, monkeypatch, tmp_path):
    cores(2)

    def steps(out, lang, glossary, done=()):
        if lang == "en":
            raise OSError(errno.ENOSPC, "No space left on device", f"/tmp/out/{lang}/search/search_index.json")

    monkeypatch.setattr(language_steps, "steps", steps)
    with pytest.raises(OSError) as caught:
        language_steps.run(tmp_path, LANGS, [])
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == "/tmp/out/en/search/search_index.json"


def test_a_failure_here_ends_the_forked_languages_and_is_raised_as_it_is(cores, monkeypatch, tmp_path):
    cores(2)

    def steps(out, lang, glossary, done=()):
        if lang == "es":
            raise ValueError("first language")
        import time
        time.sleep(30)  # would hold the build if it were not ended
        (out / "late").write_text("x")

    monkeypatch.setattr(language_steps, "steps", steps)
    with pytest.raises(ValueError, match="first language"):
        language_steps.run(tmp_path, LANGS, [])
    assert not (tmp_path / "late").exists()
