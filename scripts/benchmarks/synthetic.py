"""Synthetic data for the scaling runs: the real records, copied FACTOR times under new ids.

Sources, timeline events and findings are multiplied (the letter, the plan and the signatories
are fixed by the letter itself). Copy k of a record renames its ids and the sources it cites with
the suffix -xk, so copy k of a fact cites copy k of its sources: every page's footnote lists, the
sources page and its "cited in" lists grow as they would with that much more real research,
instead of a few sources being cited 100× more often. Copies of sources that no copied record
cites (those only the letter, the glossary or the plan cite) are left out, as real data has no
uncited sources (`check` warns of them). The copies are written to a temporary folder, never
committed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from .timing import ROOT

# libyaml when PyYAML has it (the 100x data is written and read in a fraction of the pure-Python time)
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_COPY = re.compile(r"-x[0-9]+$")  # the id of a copy: the original's and -xk


class _Dumper(_SafeDumper):
    def ignore_aliases(self, data):  # copies must be written out, never as anchors and aliases
        return True


def _copy(value, suffix: str, key: str | None = None):
    """`value` with every `id` and every id in a `sources` list suffixed."""
    if isinstance(value, dict):
        return {k: _copy(v, suffix, k) for k, v in value.items()}
    if isinstance(value, list):
        if key == "sources":
            return [v + suffix if isinstance(v, str) else _copy(v, suffix) for v in value]
        return [_copy(v, suffix) for v in value]
    if key == "id" and isinstance(value, str):
        return value + suffix
    return value


def _multiply(items: list, factor: int) -> list:
    """Each record followed by its copies (so sorted lists, like the timeline, stay sorted)."""
    return [record if k == 0 else _copy(record, f"-x{k}") for record in items for k in range(factor)]


def _cited(value, key: str | None = None) -> set:
    """The ids in every `sources` list in `value`."""
    if isinstance(value, dict):
        return set().union(*(_cited(v, k) for k, v in value.items()))
    if isinstance(value, list):
        found = {v for v in value if isinstance(v, str)} if key == "sources" else set()
        return found.union(*(_cited(v) for v in value if not isinstance(v, str)))
    return set()


def _cited_copies(sources: list, records: list) -> list:
    """The sources, but only those copies that a copied record, or a source kept, cites."""
    keep, copies = _cited(records), {s["id"]: s for s in sources if _COPY.search(s["id"])}
    while True:
        more = _cited([copies[i] for i in keep if i in copies]) - keep
        if not more:
            return [s for s in sources if s["id"] not in copies or s["id"] in keep]
        keep |= more


def make(folder: Path, factor: int, source: Path = ROOT / "data") -> Path:
    """A copy of `source` (a data/ folder) in `folder`, its records multiplied `factor` times."""
    shutil.copytree(source, folder)
    if factor == 1:
        return folder
    files = {
        stem: yaml.load((folder / f"{stem}.yaml").read_text("utf-8"), Loader=_SafeLoader)
        for stem in ("sources", "timeline", "findings")
    }
    files["timeline"]["events"] = _multiply(files["timeline"]["events"], factor)
    for section in files["findings"]["sections"]:
        section["facts"] = _multiply(section["facts"], factor)
    records = [files["timeline"], files["findings"]]
    files["sources"]["sources"] = _cited_copies(_multiply(files["sources"]["sources"], factor), records)
    for stem, data in files.items():
        text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
        (folder / f"{stem}.yaml").write_text(text, "utf-8")
    return folder
