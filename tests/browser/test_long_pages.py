"""The long pages in a real Chromium: the sources page stays light, the timeline is one vertical
line with its years and the letter marked, and the plan's table leads to each commitment."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

LANGS = ("es", "en")
PHONE = {"width": 390, "height": 844}
HIGHLIGHT = "rgb(255, 243, 196)"  # #fff3c4, the :target background
MAX_ELEMENTS_PER_60_SOURCES = 800


@pytest.mark.parametrize("lang", LANGS)
def test_sources_page_stays_under_800_elements_per_60_sources(page, url, report, lang):
    page.goto(url(lang, "fuentes/"))
    sources = len(report.dataset.sources_list)
    assert page.locator(".cf-source").count() == sources
    elements = page.evaluate("document.querySelectorAll('*').length")
    per_60 = elements * 60 / sources
    assert per_60 < MAX_ELEMENTS_PER_60_SOURCES, (
        f"/{lang}/fuentes/ has {elements} elements for {sources} sources: {per_60:.0f} per 60 sources"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_cited_in_lists_are_folded_and_open_on_demand(page, url, lang):
    page.goto(url(lang, "fuentes/"))
    folded = page.locator("details.cf-cited-in")
    assert folded.count() > 10
    first = folded.first
    links = first.locator("a")
    expect(links.first).to_be_hidden()
    first.locator("summary").click()
    expect(links.first).to_be_visible()
    # The contents list at the top links every group heading, in order.
    groups = page.locator(".cf-contents a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    headings = page.locator(".md-content h2[id]").evaluate_all("hs => hs.map(h => '#' + h.id)")
    assert groups == headings and len(groups) >= 4


TIMELINE = """() => Array.from(document.querySelectorAll(".cf-timeline")).map(line => {
  const lineX = line.getBoundingClientRect().left + parseFloat(getComputedStyle(line).borderLeftWidth) / 2;
  const events = Array.from(line.querySelectorAll(":scope > .cf-event")).map(e => {
    const dot = getComputedStyle(e, "::before");
    const r = e.getBoundingClientRect();
    return {id: e.querySelector("h3").id, left: r.left, dot: r.left + parseFloat(dot.left) + parseFloat(dot.width) / 2,
            letter: e.classList.contains("cf-event--letter"), dotColour: dot.backgroundColor, dotWidth: parseFloat(dot.width),
            background: getComputedStyle(e).backgroundColor};
  });
  const years = Array.from(line.querySelectorAll(":scope > .cf-year")).map(y => {
    const r = y.getBoundingClientRect();
    return {text: y.textContent.trim(), centre: r.left + r.width / 2};
  });
  return {lineX, events, years, border: getComputedStyle(line).borderLeftStyle};
})"""


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", LANGS)
def test_timeline_is_one_vertical_line_with_years_and_the_letter_marked(new_context, url, report, lang, viewport):
    page = new_context(**({"viewport": viewport} if viewport else {})).new_page()
    page.goto(url(lang, "cronologia/"))
    parts = page.evaluate(TIMELINE)
    events = report.dataset.events
    assert [e["id"] for part in parts for e in part["events"]] == [e["id"] for e in events]
    for part in parts:
        assert part["border"] == "solid", "a part of the timeline has no line"
        for event in part["events"]:  # every dot sits on the line
            assert abs(event["dot"] - part["lineX"]) <= 2, (
                f"{event['id']}: dot at {event['dot']:.1f}, line at {part['lineX']:.1f}"
            )
        for year in part["years"]:  # every year is a landmark centred on the line
            assert abs(year["centre"] - part["lineX"]) <= 2, f"year {year['text']} is off the line"
        expected_years = []
        for event in part["events"]:
            year = next(e["date"][:4] for e in events if e["id"] == event["id"])
            if not expected_years or expected_years[-1] != year:
                expected_years.append(year)
        assert [y["text"] for y in part["years"]] == expected_years
    letters = [e for part in parts for e in part["events"] if e["letter"]]
    others = [e for part in parts for e in part["events"] if not e["letter"]]
    assert len(letters) == 1, "the letter is marked once on the timeline"
    letter = letters[0]
    assert letter["dotWidth"] > others[0]["dotWidth"] and letter["dotColour"] != others[0]["dotColour"]
    assert letter["background"] != others[0]["background"]


@pytest.mark.parametrize("lang", LANGS)
def test_plan_table_lists_the_13_commitments_and_leads_to_each(page, url, report, lang):
    page.goto(url(lang, "plan-de-accion/"))
    rows = page.locator(".cf-commitments-overview tbody tr")
    commitments = report.dataset.commitments
    expect(rows).to_have_count(len(commitments))
    assert len(commitments) == 13
    for row, item in zip(rows.all(), commitments, strict=True):
        cells = row.locator("td").all_inner_texts()
        assert cells[0] == str(item["number"]) and cells[2] == item["ogp_id"]
        link = row.locator("a")
        assert link.get_attribute("href") == f"#{item['id']}"
        assert " ".join(item["title"][lang].split()) in cells[1]
    stake = next(item for item in commitments if item.get("at_stake"))
    row = page.locator(".cf-commitments-overview tr.cf-at-stake")
    expect(row).to_have_count(1)
    row.locator("a").click()
    page.wait_for_url(lambda u: u.endswith(f"#{stake['id']}"))
    heading = page.locator(f'[id="{stake["id"]}"]')
    expect(heading).to_be_in_viewport()
    colour = heading.evaluate("h => getComputedStyle(h.parentElement).backgroundColor")
    assert colour == HIGHLIGHT, f"the commitment reached from the table is not highlighted ({colour})"


@pytest.mark.parametrize("width", (390, 1280))
def test_timeline_titles_start_clear_of_the_copy_link_control(new_context, url, width):
    """The control floats beside the date; if it reached into the title's first line, that line
    would be cut short (a gap at its end on phones)."""
    page = new_context(viewport={"width": width, "height": 844}).new_page()
    page.goto(url("es", "cronologia/"))
    overlaps = page.locator(".cf-timeline .cf-event").evaluate_all("""events => events.map(e => {
        const tools = e.querySelector(':scope > .cf-tools'), time = e.querySelector(':scope > h3 time');
        if (!tools || !time) return null;
        const float = tools.getBoundingClientRect().bottom + parseFloat(getComputedStyle(tools).marginBottom);
        return float > time.getBoundingClientRect().bottom + 0.5 ? e.querySelector('h3').id : null;
    }).filter(Boolean)""")
    assert page.locator(".cf-timeline .cf-event > .cf-tools").count() > 10
    assert not overlaps, f"at {width} px the copy-link control reaches into the title of {overlaps}"
