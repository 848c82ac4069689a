"""The table of data files: each is data/NAME.yaml, checked against data/schema/NAME.schema.json."""

# In the order their problems are reported (sources first: every other file cites them).
FILES = ("sources", "letter", "signatories", "commitments", "findings", "requests", "timeline", "case", "glossary")


def schema_name(stem: str) -> str:
    return f"{stem}.schema.json"
