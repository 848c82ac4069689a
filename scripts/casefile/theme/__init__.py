"""Material for MkDocs, the theme: what the site does with Material's own files and search index.

Everything specific to Material is here (and its template overrides in docs/overrides/), so that
its successor can take this folder's place; load/, validate/ and render/ import nothing of it.
"""
