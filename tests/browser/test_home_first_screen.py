"""The first phone screen of the home page tells the case: the army, the spying and the request.

A reader on a 390×844 phone sees, before scrolling, who asked whom for what and why; the two ways
in are real links with large tap targets. The text is what is painted inside the viewport below the
header (each text node's own rectangles), not merely what the HTML contains.
"""

from __future__ import annotations

import pytest

PHONE = {"width": 390, "height": 844}

# Words (lower case) that must be visible before scrolling: the army, the spying, the request.
MUST_SEE = {
    "es": {
        "the army": ("ejército",),
        "the spying": ("espionaje", "espía"),
        "the request": ("protocolo de respuesta rápida",),
    },
    "en": {"the army": ("army",), "the spying": ("spying", "spyware"), "the request": ("rapid response protocol",)},
}

VISIBLE_TEXT = """
() => {
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  const walker = document.createTreeWalker(document.querySelector(".md-content"), NodeFilter.SHOW_TEXT);
  const seen = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    const visible = Array.from(range.getClientRects()).some(r => r.width > 0 && r.bottom > header && r.top < innerHeight);
    const style = getComputedStyle(node.parentElement);
    if (visible && style.visibility !== "hidden" && parseFloat(style.opacity) > 0.5) seen.push(node.textContent);
  }
  return seen.join(" ").replace(/\\s+/g, " ");
}
"""


@pytest.mark.parametrize("lang", ("es", "en"))
def test_first_phone_screen_names_the_army_the_spying_and_the_request(new_context, url, screenshots_dir, lang):
    page = new_context(viewport=PHONE).new_page()
    page.goto(url(lang, ""))
    page.screenshot(path=str(screenshots_dir / f"{lang}-index-phone-first-screen.png"))
    text = page.evaluate(VISIBLE_TEXT).lower()
    missing = [what for what, words in MUST_SEE[lang].items() if not any(w in text for w in words)]
    assert not missing, f"/{lang}/ at 390×844 does not show {missing} before scrolling; it shows: {text[:600]}"


@pytest.mark.parametrize("lang", ("es", "en"))
def test_ways_in_are_large_links_to_the_letter_and_the_evidence(new_context, url, lang):
    page = new_context(viewport=PHONE).new_page()
    page.goto(url(lang, ""))
    ways = page.locator("nav.cf-ways a.cf-way")
    assert ways.count() == 2
    for index in range(2):
        box = ways.nth(index).bounding_box()
        assert box["height"] >= 48 and box["width"] >= 300, f"way in {index} is {box['width']}×{box['height']} px"
    ways.first.click()
    page.wait_for_url(url(lang, "carta/"))
