"""The guard of our speed-ups to Python-Markdown (linear_markdown.py, inline_triggers.py): each
is used only while the upstream code it copies or replaces is, to the character, the code it was
written against. Goes with those two modules (they are being removed with the rewrite of render/).
"""
from __future__ import annotations

import hashlib
import inspect


def digest(functions) -> str | None:
    """sha256 of the source of `functions`, in order; None where the source is not installed (then
    nobody can tell, and the speed-up stays off)."""
    try:
        source = "".join(inspect.getsource(function) for function in functions)
    except (OSError, TypeError):
        return None
    return hashlib.sha256(source.encode("utf-8")).hexdigest()
