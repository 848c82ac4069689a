"""The one object that passes from stage to stage: every data file as parsed, and what it holds.

`load` reads data/ (strictly, with positions for messages); the validator adds its findings to a
report about the same Dataset; the renderer reads the accessors below, which assume valid data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..paths import DATA, display
from ..problems import Problem
from . import citations, strict_yaml
from .files import FILES


@dataclass
class Dataset:
    directory: Path
    files: dict  # stem -> strict_yaml.Source, or None when the file could not be read
    problems: list = field(default_factory=list)  # what loading found

    def data(self, stem: str):
        source = self.files.get(stem)
        return source.data if source is not None else None

    # -- derived once ---------------------------------------------------------
    @cached_property
    def citations(self) -> list:
        letter = self.data("letter")
        letter_source = (
            letter.get("source") if isinstance(letter, dict) and isinstance(letter.get("source"), str) else None
        )
        return citations.collect(self.files, letter_source)

    @cached_property
    def cited_source_ids(self) -> set:
        letter = self.data("letter")
        own = {letter["source"]} if isinstance(letter, dict) and isinstance(letter.get("source"), str) else set()
        return {c.source for c in self.citations} | own

    @cached_property
    def letter_citations(self) -> dict:
        """Who cites each part of the letter: 'p9' or 'fn4' -> [Citation], in the order of the data."""
        out = {}
        for c in self.citations:
            for ref in c.letter_refs:
                out.setdefault(ref, []).append(c)
        return out

    # -- the records, for the renderer (valid data only) --------------------------
    @property
    def letter(self) -> dict:
        return self.data("letter")

    @property
    def sources_list(self) -> list:
        return self.data("sources")["sources"]

    @cached_property
    def sources(self) -> dict:
        return {s["id"]: s for s in self.sources_list}

    @property
    def signatories(self) -> list:
        return self.data("signatories")["signatories"]

    @property
    def plan(self) -> dict:
        return self.data("commitments")["plan"]

    @property
    def commitments(self) -> list:
        return self.data("commitments")["commitments"]

    @property
    def findings(self) -> list:
        return self.data("findings")["sections"]

    @property
    def requests(self) -> list:
        return self.data("requests")["requests"]

    @property
    def events(self) -> list:
        return self.data("timeline")["events"]

    @property
    def summary(self) -> list:
        return self.data("case")["summary"]

    @property
    def key_figures(self) -> list:
        return self.data("case")["key_figures"]

    @property
    def glossary(self) -> list:
        return self.data("glossary")["terms"]

    @property
    def letter_source_id(self) -> str:
        return self.letter["source"]

    @cached_property
    def footnotes_by_mark(self) -> dict:
        return {(f["paragraph"], f["mark"]): f for f in self.letter["footnotes"]}


def load(data_dir: Path = DATA) -> Dataset:
    """Parse every data file of `data_dir`; problems of reading and syntax go on `dataset.problems`."""
    dataset = Dataset(Path(data_dir), {})
    expected = {f"{stem}.yaml" for stem in FILES}
    for path in sorted(Path(data_dir).glob("*.y*ml")):
        if path.name not in expected:
            dataset.problems.append(
                Problem(
                    display(path),
                    1,
                    1,
                    "",
                    "is not one of the data files the site knows",
                    f"rename it to one of {', '.join(sorted(expected))}, or move it out of data/",
                )
            )
    for stem in FILES:
        path = Path(data_dir) / f"{stem}.yaml"
        if not path.exists() and not path.is_symlink():
            dataset.files[stem] = None
            dataset.problems.append(
                Problem(display(path), 1, 1, "", "is missing", f"restore data/{stem}.yaml; see CONTRIBUTING.md")
            )
            continue
        source, problems = strict_yaml.load(path)
        dataset.problems += problems
        if source is not None and not isinstance(source.data, dict):
            dataset.problems.append(
                source.problem(
                    (),
                    "must be a mapping of fields at the top level",
                    f"see data/schema/{stem}.schema.json for the fields",
                )
            )
            source = None
        dataset.files[stem] = source
    return dataset
