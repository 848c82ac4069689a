"""Stage 4, site: MkDocs builds each language's rendered pages; post-steps; the swap into place."""
from .build import BuildError, build, main

__all__ = ["BuildError", "build", "main"]
