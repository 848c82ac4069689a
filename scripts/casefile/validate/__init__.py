"""Stage 2, validate: the schema of each file, then the rules across files, into one Report."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from .. import inputs, settings
from ..load import Dataset, load
from ..load.files import schema_name
from ..paths import DATA
from . import rules, schema
from .report import Report, summary

__all__ = ["Report", "finish", "load_only", "run", "summary", "validate"]


def validate(dataset: Dataset) -> Report:
    report = Report(dataset, list(dataset.problems))
    for stem, source in dataset.files.items():
        if source is None:
            continue
        said = {(p.line, p.col) for p in dataset.problems if p.file == source.name}  # the loader said it better
        report.problems += [p for p in schema.check(source, schema_name(stem)) if (p.line, p.col) not in said]
    report.problems += rules.run(dataset, stopped_ok=not report.errors)
    report.sort()
    return report


def run(data_dir: Path = DATA) -> Report:
    """Load and validate `data_dir` and mkdocs.yml: what `build.py check` does.

    First every input is looked at (never read): a symbolic link, a special file or a missing
    project file stops here, with `report.refused` set, before any file is opened. A mkdocs.yml
    that is no YAML raises ProjectFileError, as `build` does."""
    report = load_only(data_dir)
    return report if report.refused else finish(report)


def load_only(data_dir: Path = DATA) -> Report:
    """`run`'s first half: the inputs looked at and the files loaded, not validated yet (the
    problems are the loader's only). `build` starts rendering from it while `finish` runs."""
    refused = inputs.check(data_dir)
    if refused:
        return Report(Dataset(Path(data_dir), {}), refused, refused=True)
    with _collector_paused():
        dataset = load(data_dir)
    dataset.problems += settings.read()[1]  # what mkdocs.yml may not say (config_rules.py), listed with the data's
    return Report(dataset, list(dataset.problems))


def finish(loaded: Report) -> Report:
    """`run`'s second half: the schemas and the rules on what `load_only` loaded."""
    with _collector_paused():
        return validate(loaded.dataset)


@contextmanager
def _collector_paused():
    """Loading makes a node, a value and two positions for every value in data/, and no garbage
    cycles: Python's cycle collector, set off by so many new objects, would walk the growing heap
    again and again (a fifth of the time of a large check). Memory is freed as usual meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
