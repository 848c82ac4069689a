"""data/sources.yaml: a title written by this case file (own_title) and the legacy `title` do not drift apart.

Until the site reads `own_title`, a source with one keeps in `title` the same text in the source's own language
(own_title.es when the source is in neither Spanish nor English); see data/schema/sources.schema.json.
"""
from __future__ import annotations

from pathlib import Path

import yaml

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources.yaml"


def test_title_repeats_own_title_in_the_sources_language():
    sources = yaml.safe_load(SOURCES.read_text("utf-8"))["sources"]
    with_own = [s for s in sources if "own_title" in s]
    assert with_own, "no source has an own_title: the rule below would test nothing"
    drifted = []
    for source in with_own:
        expected = source["own_title"].get(source["language"], source["own_title"]["es"])
        if source["title"] != expected:
            drifted.append(f"{source['id']}: title {source['title']!r} != own_title {expected!r}")
    assert not drifted, "\n".join(drifted)
