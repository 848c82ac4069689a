"""About: hand-written in docs/<lang>/acerca.md, with explicit heading ids identical in both languages."""
from ...paths import DOCS


def render(w, spec) -> None:
    w.add((DOCS / w.lang / "acerca.md").read_text("utf-8"))
