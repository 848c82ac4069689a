"""data/sources.yaml: a title written by this case file (own_title) and the legacy `title` do not drift apart.

Until the site reads `own_title`, a source with one keeps in `title` the same text in the source's own language
(own_title.es when the source is in neither Spanish nor English); see data/schema/sources.schema.json. The rule is
the validator's (validate/source_rules.py); tests/test_letter_rules.py checks its message on a broken copy.
"""
from __future__ import annotations

from casefile.validate import source_rules


def test_title_repeats_own_title_in_the_sources_language(report):
    assert any("own_title" in s for s in report.data("sources")["sources"]), "no source has an own_title: the rule tests nothing"
    assert [str(p) for p in source_rules.own_title_is_repeated_in_title(report.dataset)] == []
