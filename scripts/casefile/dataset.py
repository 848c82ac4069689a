"""The validated data, with the lookups the pages need."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass
class Dataset:
    letter: dict
    sources_list: list
    signatories: list
    plan: dict
    commitments: list
    findings: list
    requests: list
    events: list
    summary: list
    key_figures: list

    @classmethod
    def from_report(cls, report) -> "Dataset":
        d = report.data
        commitments = d("commitments")
        return cls(
            letter=d("letter"),
            sources_list=d("sources")["sources"],
            signatories=d("signatories")["signatories"],
            plan=commitments["plan"],
            commitments=commitments["commitments"],
            findings=d("findings")["sections"],
            requests=d("requests")["requests"],
            events=d("timeline")["events"],
            summary=d("case")["summary"],
            key_figures=d("case")["key_figures"],
        )

    @cached_property
    def sources(self) -> dict:
        return {s["id"]: s for s in self.sources_list}

    @property
    def letter_source_id(self) -> str:
        return self.letter["source"]

    @property
    def footnotes_by_mark(self) -> dict:
        return {(f["paragraph"], f["mark"]): f for f in self.letter["footnotes"]}
