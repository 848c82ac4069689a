"""Synthetic data for the scaling run: the real records, copied FACTOR times under new ids.

Sources, timeline events and findings are multiplied (the letter, the plan and the signatories
are fixed by the letter itself). The copies are written to a temporary folder, never committed.
"""
from __future__ import annotations

import copy
import shutil
from pathlib import Path

import yaml

from .timing import ROOT


# libyaml when PyYAML has it (the 100x data is written and read in a fraction of the pure-Python time)
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(_SafeDumper):
    def ignore_aliases(self, data):  # copies must be written out, never as anchors and aliases
        return True


def _rename(value, suffix: str):
    if isinstance(value, dict):
        return {k: (v + suffix if k == "id" and isinstance(v, str) else _rename(v, suffix)) for k, v in value.items()}
    if isinstance(value, list):
        return [_rename(v, suffix) for v in value]
    return value


def _multiply(items: list, factor: int) -> list:
    """Each record followed by its copies (so sorted lists, like the timeline, stay sorted)."""
    return [record if k == 0 else _rename(copy.deepcopy(record), f"-x{k}") for record in items for k in range(factor)]


def make(folder: Path, factor: int) -> Path:
    shutil.copytree(ROOT / "data", folder)
    if factor == 1:
        return folder
    edits = {
        "sources": lambda d: d.update(sources=_multiply(d["sources"], factor)),
        "timeline": lambda d: d.update(events=_multiply(d["events"], factor)),
        "findings": lambda d: [s.update(facts=_multiply(s["facts"], factor)) for s in d["sections"]],
    }
    for stem, edit in edits.items():
        path = folder / f"{stem}.yaml"
        data = yaml.load(path.read_text("utf-8"), Loader=_SafeLoader)
        edit(data)
        path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100), "utf-8")
    return folder
