"""The case file's data, validator and site renderer."""
