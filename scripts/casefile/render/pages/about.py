"""About: hand-written in docs/<lang>/acerca.md, with explicit heading ids identical in both languages."""

from ...paths import DOCS


def render(p, spec) -> None:
    p.parts.append((DOCS / p.lang / p.file).read_text("utf-8"))
