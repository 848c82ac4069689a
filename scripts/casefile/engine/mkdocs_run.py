"""Run MkDocs on one language's configuration, and on several at once in worker processes.

The languages are independent sites, so on a machine with more than one core each is built in a
forked process (which inherits the already imported MkDocs and Material: no start-up cost),
while the parent goes on with work that does not need MkDocs' output (pipeline.py).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from pathlib import Path


class MkDocsFailed(Exception):
    """MkDocs refused or stopped; the message says which language and why."""


def build_one(config_file: Path, lang: str) -> None:
    from jinja2 import TemplateError
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from ..paths import display

    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(f"mkdocs [{lang}] %(levelname)s: %(message)s"))
    logger.addHandler(handler)
    try:
        config = load_config(config_file=str(config_file), strict=True)
        mkdocs_build(config)
    except MkDocsException as err:
        raise MkDocsFailed(f"MkDocs could not build the {lang} site: {err}") from None
    except TemplateError as err:  # a broken template in docs/overrides/
        where = f"{display(Path(err.filename))}:{err.lineno}: " if getattr(err, "filename", None) else ""
        raise MkDocsFailed(
            f"MkDocs could not build the {lang} site: {where}{type(err).__name__}: {err} — fix the template"
        ) from None
    except SystemExit as err:  # MkDocs aborts some errors this way
        raise MkDocsFailed(f"MkDocs stopped while building the {lang} site (exit {err.code})") from None
    finally:
        logger.removeHandler(handler)


def _child(args):
    """Build in a worker; return None, or the failure's message (exceptions may not pickle), or for
    an error of the machine (a full disk, a read-only folder) its (errno, strerror, filename)."""
    config_file, lang, before, after = args
    try:
        _step(before, f"rendering the {lang} pages failed: {{}}")
        build_one(config_file, lang)
        _step(after, f"{{}}, in the steps after MkDocs on the {lang} site")
    except MkDocsFailed as err:
        return str(err)
    except OSError as err:
        if err.errno is not None:
            return (err.errno, err.strerror, str(err.filename) if err.filename else None)
        return f"MkDocs failed on the {lang} site: {type(err).__name__}: {err}"
    except Exception as err:  # noqa: BLE001 - reported by the parent like any other failure
        return f"MkDocs failed on the {lang} site: {type(err).__name__}: {err}"
    return None


def _step(step, wording: str) -> None:
    """Run our own `step` (if any) in a worker: a bug in it is worded as ours, not MkDocs'."""
    if step is None:
        return
    try:
        step()
    except (OSError, MkDocsFailed):
        raise
    except Exception as err:  # noqa: BLE001 - a bug of ours
        from ..errors import describe_bug

        raise MkDocsFailed(wording.format(describe_bug(err))) from None


def preload() -> None:
    """Import MkDocs and Material now, so that forked workers start warm."""
    import material  # noqa: F401
    import mkdocs.commands.build  # noqa: F401
    import mkdocs.config  # noqa: F401


_warm_up = False  # the next Runner runs MkDocs in this process (see keep_warm)


def keep_warm() -> None:
    """For the preview: the next build runs MkDocs in this process, so that everything MkDocs,
    Material and Python-Markdown import and set up on a first run stays loaded here, and every
    later forked build starts from it (a forked build from a process that never ran MkDocs does
    that work again each time: about a tenth of a preview rebuild, measured)."""
    global _warm_up
    _warm_up = True


class Runner:
    """MkDocs runs, each started as soon as its language is staged and waited for together, so
    that the caller can do other work meanwhile. Each run is a forked process (which inherits
    the already imported MkDocs and Material) where the machine has more than one core and fork;
    otherwise they run one after the other in this process, in `wait()`."""

    def __init__(self):
        global _warm_up
        self.fork = (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods() and not _warm_up
        _warm_up = False
        self.started = []  # (process or None, the end of its pipe or None, (config_file, lang))

    def start(self, config_file: Path, lang: str, before=None, after=None) -> None:
        """Run MkDocs on `config_file`; `before()` and `after()`, if given, first and then, in the
        same worker (`build` renders the language's pages there, and does its steps after MkDocs)."""
        job = (config_file, lang, before, after)
        if not self.fork:
            self.started.append((None, None, job))
            return
        preload()
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_worker, args=(send, job), name=f"mkdocs-{lang}", daemon=True)
        process.start()
        send.close()
        self.started.append((process, receive, job))

    def wait(self) -> None:
        """Wait for every run; raise MkDocsFailed (or the OSError of a worker) if any failed."""
        results, runs = [], list(self.started)
        try:
            for process, receive, job in runs:
                if process is None:
                    config_file, lang, before, after = job
                    for step in (
                        before,
                        lambda config_file=config_file, lang=lang: build_one(config_file, lang),
                        after,
                    ):
                        if step is not None:
                            step()
                    results.append(None)
                    continue
                try:
                    results.append(receive.recv())
                except EOFError:  # the worker died without a word (killed, out of memory)
                    results.append(f"MkDocs stopped unexpectedly while building the {job[1]} site")
                process.join()
        finally:
            self.stop()
        failures = [message for message in results if message]
        for failure in failures:
            if isinstance(failure, tuple):  # the parent reports it as the error of the machine it is
                raise OSError(*failure)
        if failures:
            raise MkDocsFailed("\n".join(failures))

    def stop(self) -> None:
        """End the runs still going (after a failure elsewhere) and forget them."""
        for process, receive, _ in self.started:
            if process is not None:
                if process.is_alive():
                    process.terminate()
                process.join()
                receive.close()
        self.started = []


def _worker(send, job) -> None:
    try:
        send.send(_child(job))
    finally:
        send.close()
