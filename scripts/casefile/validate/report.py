"""The validator's report: every problem found, how to count it, and how to print it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..load.files import FILES
from ..paths import display
from ..problems import ERROR


@dataclass
class Report:
    dataset: Dataset  # noqa: F821 - the data the problems are about
    problems: list = field(default_factory=list)
    refused: bool = False  # inputs were refused (links, special or missing files): nothing was read

    @property
    def sources(self) -> dict:
        """stem -> parsed Source, or None."""
        return self.dataset.files

    @property
    def errors(self):
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self):
        return [p for p in self.problems if p.severity != ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors

    def data(self, stem: str):
        return self.dataset.data(stem)

    def sort(self) -> None:
        def key(p):
            stem = Path(p.file).stem
            return (FILES.index(stem) if stem in FILES else -1, p.line, p.col, p.message)

        self.problems = sorted(set(self.problems), key=key)

    def counts(self) -> dict:
        d = {stem: self.data(stem) or {} for stem in FILES}
        sources = [self.sources.get(stem) for stem in FILES]
        facts = sum(1 for source in sources if source is not None for _, r in source.mappings if "id" in r)
        return {
            "paragraphs": len(d["letter"].get("paragraphs", [])),
            "footnotes": len(d["letter"].get("footnotes", [])),
            "signatories": len(d["signatories"].get("signatories", [])),
            "commitments": len(d["commitments"].get("commitments", [])),
            "sources": len(d["sources"].get("sources", [])),
            "events": len(d["timeline"].get("events", [])),
            "records with ids": facts,
        }


def summary(report: Report) -> str:
    counts = report.counts()
    files = sum(1 for s in report.sources.values() if s is not None)
    detail = ", ".join(f"{n} {what}" for what, n in counts.items())
    return f"check: {display(report.dataset.directory)}/ is valid — {files} files ({detail})"
