"""The steps after MkDocs that read and write one language's site only, the languages at once.

Each language's pages are made valid HTML (valid_html.py), its search index is finished
(search_index.py), Material's files in it are fixed (postprocess.language) and its pages get their
Content-Security-Policy (csp.py). These touch nothing outside /<lang>/, so on a machine with more
than one core and fork every language but the first is done in a forked process of its own
(which inherits the data: nothing is sent) while this process does the first; otherwise one
after the other here. What needs every language (the shared assets/, the root pages, sitemaps)
is left to the caller (site/build.py), after this.

A failure in a forked language is reported as it would be here: an error of the machine (a full
disk, a read-only folder) as that OSError; anything else, a bug, as StepFailed naming the
language and where the exception was raised.
"""
from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from . import csp, postprocess, search_index, valid_html


class StepFailed(RuntimeError):
    """A step raised in a forked language: a bug; the message is its one-line description."""


def steps(out: Path, lang: str, glossary: list, done=()) -> None:
    """One language's steps, in this process; `done`: folders whose pages have their policy."""
    valid_html.run(out, (lang,))
    search_index.run(out, (lang,), glossary)
    postprocess.language(out / lang, lang)
    csp.run(out / lang, done=done)


def _can_fork() -> bool:
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def run(out: Path, langs, glossary: list, done=()) -> None:
    """Every language's steps; the first here, the others each in a forked process where possible."""
    langs = list(langs)
    if len(langs) < 2 or not _can_fork():
        for lang in langs:
            steps(out, lang, glossary, done)
        return
    context = multiprocessing.get_context("fork")
    started = []
    try:
        for lang in langs[1:]:
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_worker, args=(send, out, lang, glossary, done), name=f"steps-{lang}", daemon=True)
            process.start()
            send.close()
            started.append((process, receive, lang))
        steps(out, langs[0], glossary, done)
        failures = []
        for process, receive, lang in started:
            try:
                failures.append(receive.recv())
            except EOFError:  # the worker died without a word (killed, out of memory)
                failures.append(f"the steps after MkDocs stopped unexpectedly on the {lang} site")
            process.join()
    finally:
        for process, receive, _ in started:
            if process.is_alive():
                process.terminate()
            process.join()
            receive.close()
    for failure in failures:
        if isinstance(failure, tuple):  # an error of the machine, reported as the error it is
            raise OSError(*failure)
    for failure in failures:
        if failure:
            raise StepFailed(failure)


def _worker(send, out: Path, lang: str, glossary: list, done) -> None:
    from ..errors import describe_bug

    try:
        try:
            steps(out, lang, glossary, done)
        except Exception as err:  # noqa: BLE001 - reported by the parent
            if isinstance(err, OSError) and err.errno is not None:
                send.send((err.errno, err.strerror, str(err.filename) if err.filename else None))
            else:
                send.send(f"{describe_bug(err)}, in the steps after MkDocs on the {lang} site")
        else:
            send.send(None)
    finally:
        send.close()
