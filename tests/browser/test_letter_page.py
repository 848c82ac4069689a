"""The letter page in a real Chromium: translation and original side by side on wide screens, the
"show all originals" button on phones, the context box, the places that cite each paragraph, and
the way back from a note."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from casefile.render.labels import places
from casefile.render.strings import format_date
from casefile.settings import load as load_settings

LANGS = ("es", "en")
WIDE = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
HIGHLIGHT = "rgb(255, 243, 196)"  # #fff3c4, the :target background

# For each translated block: the box of the translation and of its original.
BOXES = """() => Array.from(document.querySelectorAll(".md-content :has(> details.cf-original)")).map(block => {
  const box = el => { const r = el.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; };
  const text = Array.from(block.children).find(el => el.tagName === "P" && !el.querySelector(".cf-pnum"));
  const original = block.querySelector(":scope > details.cf-original > [lang]");
  return {id: block.id || block.className, text: box(text), original: box(original)};
})"""


def test_wide_screen_shows_translation_and_original_side_by_side(new_context, url, screenshots_dir):
    page = new_context(viewport=WIDE).new_page()
    page.goto(url("en", "carta/"))
    page.wait_for_function("() => Array.from(document.querySelectorAll('details.cf-original')).every(d => d.open)")
    blocks = page.evaluate(BOXES)
    assert len(blocks) == 17 + 4  # the paragraphs, place and date, addressee, closing, sender
    for block in blocks:
        text, original = block["text"], block["original"]
        assert text["h"] > 0 and original["h"] > 0, block
        assert original["x"] >= text["x"] + text["w"] - 0.5, (
            f"{block['id']}: the original is not beside the translation: {block}"
        )
        overlap = min(text["y"] + text["h"], original["y"] + original["h"]) - max(text["y"], original["y"])
        assert overlap >= 0.5 * min(text["h"], original["h"]), (
            f"{block['id']}: the original is not on the translation's row: {block}"
        )
    # The button is for narrow screens only; here every original is already shown.
    expect(page.locator("button.cf-originals-toggle")).to_be_hidden()
    page.screenshot(path=str(screenshots_dir / "en-carta-1280-side-by-side.png"))


def test_phone_has_a_button_that_shows_all_originals(new_context, url, screenshots_dir):
    page = new_context(viewport=PHONE).new_page()
    page.goto(url("en", "carta/"))
    button = page.get_by_role("button", name="Show all Spanish originals")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-pressed", "false")
    originals = page.locator("details.cf-original > [lang]")
    assert originals.count() == 21
    expect(originals.nth(5)).to_be_hidden()

    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-pressed", "true")
    for i in range(originals.count()):
        expect(originals.nth(i)).to_be_visible()
    page.screenshot(path=str(screenshots_dir / "en-carta-390-originals.png"))

    page.keyboard.press(" ")
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(originals.nth(5)).to_be_hidden()

    # Opening one original by hand leaves the button unpressed (not all are open).
    page.locator("details.cf-original > summary").nth(3).click()
    expect(originals.nth(3)).to_be_visible()
    expect(button).to_have_attribute("aria-pressed", "false")


def test_the_spanish_page_has_no_originals_button(new_context, url):
    page = new_context(viewport=PHONE).new_page()
    page.goto(url("es", "carta/"))
    expect(page.locator("details.cf-original")).to_have_count(0)
    expect(page.locator(".cf-originals-control")).to_be_hidden()


@pytest.mark.parametrize("lang", LANGS)
def test_context_box_says_who_wrote_to_whom_when_and_what_came_of_it(page, url, site_url, report, lang):
    data = report.dataset
    letter = data.letter
    page.goto(url(lang, "carta/"))
    box = page.locator(".cf-context")
    expect(box).to_be_visible()
    expect(box.locator("time")).to_have_attribute("datetime", letter["date"])
    expect(box.locator("time")).to_have_text(format_date(letter["date"], lang))
    expect(box).to_contain_text(data.sources[letter["source"]]["publisher"])
    expect(box).to_contain_text(" ".join(letter["addressee"][lang].split()))
    expect(box.locator('a[href$="firmantes/"]')).to_contain_text(str(len(data.signatories)))
    after = [e for e in data.events if e["relation"] == "after"]
    assert after, "the timeline has no event after the letter"
    for event in after:
        link = box.locator(f'a[href="../cronologia/#{event["id"]}"]')
        expect(link).to_contain_text(" ".join(event["title"][lang].split()))
        # Each status line carries its sources.
        expect(link.locator("xpath=..").locator("sup[id^='fnref'] a.footnote-ref")).not_to_have_count(0)
    settings = load_settings()
    file_url = settings.file_url(data.sources[letter["source"]]["file"])
    if file_url:
        expect(box.locator(f'a[href="{file_url}"]')).to_have_count(1)
    other = "en" if lang == "es" else "es"
    box.locator(f'a.cf-other-language[hreflang="{other}"]').click()
    page.wait_for_url(url(other, "carta/"))


@pytest.mark.parametrize("lang", LANGS)
def test_each_paragraph_lists_the_places_that_cite_it(page, url, report, lang):
    data = report.dataset
    page.goto(url(lang, "carta/"))
    for record in data.letter["paragraphs"] + data.letter["footnotes"]:
        expected = [
            f"../{spec.url}#{anchor}"
            for spec, anchor, _ in places(data.letter_citations.get(record["id"], []), lang, ("letter",))
        ]
        links = page.locator(f'[id="{record["id"]}"] > details.cf-cited-by a')
        assert links.evaluate_all("as => as.map(a => a.getAttribute('href'))") == expected, record["id"]
    assert page.locator("details.cf-cited-by").count() >= 17, "most paragraphs are cited somewhere"

    # A reader opens the list under ¶ 9 and follows the first place: it is there, highlighted.
    block = page.locator("#p9 > details.cf-cited-by")
    block.locator("summary").click()
    first = block.locator("a").first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_url(lambda u: u.endswith(href.removeprefix("..")))
    target = page.locator(f'[id="{href.split("#")[1]}"]')
    expect(target).to_be_in_viewport()


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
@pytest.mark.parametrize("lang", LANGS)
def test_back_from_a_note_shows_the_paragraph_from_its_first_line(new_context, url, lang, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto(url(lang, "carta/"))
    page.locator("sup.cf-mark > a#ref-fn4").click()
    page.wait_for_url(lambda u: u.endswith("#fn4"))
    page.locator('#fn4 a.cf-backref[href="#ref-fn4"]').click()  # (a note preview may hold a copy)
    page.wait_for_url(lambda u: u.endswith("#ref-fn4"))
    paragraph = page.locator("#p10")  # the paragraph that calls note 4
    try:  # its top edge just below the sticky header: neither under it nor far down the screen
        page.wait_for_function(
            """(el) => {
          const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
          const top = el.getBoundingClientRect().top;
          return top >= header - 1 && top <= header + 48;
        }""",
            arg=paragraph.element_handle(),
            timeout=30_000,
        )
    except PlaywrightTimeout:
        where = page.evaluate(
            "el => [el.getBoundingClientRect().top, document.querySelector('.md-header').getBoundingClientRect().bottom]",
            paragraph.element_handle(),
        )
        pytest.fail(f"after ↩ the paragraph's top is at {where[0]:.0f} px, the header ends at {where[1]:.0f} px")
    expect(page.locator("#ref-fn4")).to_be_in_viewport()
    assert paragraph.evaluate("el => getComputedStyle(el).backgroundColor") == HIGHLIGHT
