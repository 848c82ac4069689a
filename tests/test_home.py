"""The home page: standfirst with its provenance, the latest news from the timeline, two ways in."""

from __future__ import annotations

import re

import pytest

from casefile.languages import LANGS
from casefile.render.pages import BY_DATA, LETTER
from casefile.render.strings import format_date, t


def _home(built_site, lang) -> str:
    return (built_site / lang / "index.html").read_text("utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_headline_and_standfirst_come_first_with_their_provenance(built_site, report, lang):
    html = _home(built_site, lang)
    standfirst = report.data("case")["standfirst"]
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert " ".join(re.sub(r"<[^>]+>", "", h1).split()).startswith(standfirst["headline"][lang].split(":")[0])
    block = re.search(r'<div class="cf-standfirst" id="entrada">(.*?)</div>', html, re.S).group(1)
    for ref in standfirst["letter"]:
        assert f'carta/#{ref}"' in block, f"standfirst lacks its letter reference {ref}"
    assert block.count('class="footnote-ref"') == len(standfirst["sources"])
    assert (
        html.index('id="entrada"')
        < html.index('id="estado"')
        < html.index('class="cf-ways"')
        < html.index('id="cifras"')
    )


@pytest.mark.parametrize("lang", LANGS)
def test_status_line_is_the_latest_event_after_the_letter(built_site, report, lang):
    after = [e for e in report.data("timeline")["events"] if e["relation"] == "after"]
    latest = max(after, key=lambda e: tuple(int(p) for p in e["date"].split("-")))
    html = _home(built_site, lang)
    block = re.search(r'<div class="cf-status" id="estado">(.*?)</div>', html, re.S).group(1)
    text = " ".join(re.sub(r"<[^>]+>", " ", block).split())
    assert f'<time datetime="{latest["date"]}">{format_date(latest["date"], lang)}</time>' in block
    assert " ".join(latest["title"][lang].split()) in text
    assert f'href="cronologia/#{latest["id"]}"' in block
    for source in latest.get("sources", []):
        assert 'class="footnote-ref"' in block, f"the status line does not cite {source}"


@pytest.mark.parametrize("lang", LANGS)
def test_two_ways_in_lead_to_the_letter_and_the_evidence(built_site, lang):
    html = _home(built_site, lang)
    nav = re.search(r'(<nav [^>]*class="cf-ways"[^>]*>)(.*?)</nav>', html, re.S)
    assert f'aria-label="{t("ways_in", lang)}"' in nav.group(1)
    links = re.findall(r'<a class="([^"]+)" href="([^"]+)">(.*?)</a>', nav.group(2), re.S)
    assert [(href, re.sub(r"<[^>]+>", "", body).split("  ")[0].strip()) for _, href, body in links][:2] == [
        (LETTER.url, t("read_the_letter", lang) + " " + t("read_the_letter_note", lang)),
        (BY_DATA["findings"].url, t("see_the_evidence", lang) + " " + t("see_the_evidence_note", lang)),
    ]
    assert "cf-way--primary" in links[0][0]
