"""Validate all of data/: parse each file strictly, check it against its schema, then across files."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import schema_check, semantic_check, yaml_source
from .paths import DATA, display
from .problems import ERROR, Problem

# The data files, in the order their problems are reported. Each has data/schema/NAME.schema.json.
FILES = ("sources", "letter", "signatories", "commitments", "findings", "requests", "timeline", "case")


@dataclass
class Report:
    sources: dict  # stem -> Source or None
    problems: list = field(default_factory=list)

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
        source = self.sources.get(stem)
        return source.data if source else None

    def counts(self) -> dict:
        d = {stem: self.data(stem) or {} for stem in FILES}
        facts = sum(1 for stem in FILES for _, r in semantic_check.walk(d[stem]) if "id" in r)
        return {
            "paragraphs": len(d["letter"].get("paragraphs", [])),
            "footnotes": len(d["letter"].get("footnotes", [])),
            "signatories": len(d["signatories"].get("signatories", [])),
            "commitments": len(d["commitments"].get("commitments", [])),
            "sources": len(d["sources"].get("sources", [])),
            "events": len(d["timeline"].get("events", [])),
            "records with ids": facts,
        }


def run(data_dir: Path = DATA) -> Report:
    report = Report({})
    expected = {f"{stem}.yaml" for stem in FILES}
    for path in sorted(data_dir.glob("*.y*ml")):
        if path.name not in expected:
            report.problems.append(Problem(display(path), 1, 1, "", "is not one of the data files the site knows",
                                           f"rename it to one of {', '.join(sorted(expected))}, or move it out of data/"))
    for stem in FILES:
        path = data_dir / f"{stem}.yaml"
        if not path.exists():
            report.sources[stem] = None
            report.problems.append(Problem(display(path), 1, 1, "", "is missing", f"restore data/{stem}.yaml; see CONTRIBUTING.md"))
            continue
        source, problems = yaml_source.load(path)
        report.problems += problems
        already = {(p.line, p.col) for p in problems}  # the loader said it better; the schema would repeat it
        if source is not None and not isinstance(source.data, dict):
            report.problems.append(source.problem((), "must be a mapping of fields at the top level",
                                                  f"see data/schema/{stem}.schema.json for the fields"))
            source = None
        report.sources[stem] = source
        if source is not None:
            report.problems += [p for p in schema_check.check(source, schema_check.schema_name_for(stem))
                                if (p.line, p.col) not in already]
    try:
        report.problems += semantic_check.check(report.sources)
    except Exception as err:  # malformed data the cross-file checks did not foresee
        if not report.errors:
            report.problems.append(Problem("data/", 1, 1, "", f"the cross-file checks stopped ({type(err).__name__}: {err})",
                                           "this is a bug in scripts/casefile/semantic_check.py; please report it with your change"))
    report.problems = sorted(set(report.problems), key=lambda p: (FILES.index(Path(p.file).stem) if Path(p.file).stem in FILES else -1, p.line, p.col, p.message))
    return report


def summary(report: Report) -> str:
    counts = report.counts()
    files = sum(1 for s in report.sources.values() if s is not None)
    detail = ", ".join(f"{n} {what}" for what, n in counts.items())
    return f"check: data/ is valid — {files} files ({detail})"
