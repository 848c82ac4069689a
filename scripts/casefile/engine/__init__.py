"""MkDocs, the engine: each language's configuration, its runs in worker processes, its hooks.

Everything here is specific to MkDocs; load/, validate/ and render/ import nothing of it.
"""
