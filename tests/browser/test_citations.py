"""Citations in a real Chromium: every note mark is big enough to tap, no text is too small to
read, and a mark previews its note on hover and on keyboard focus.

Mark and text sizes are measured on every page in both languages by `marks_and_text_sizes`, which
tests/browser/test_pages.py's test_page calls on its own load of each page, at 1280 px and at
375 px: loading every page again here cost more than the measuring."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

LANGS = ("es", "en")
MIN_TARGET = 24  # CSS px, WCAG 2.2 target size (minimum)
MIN_FONT = 12  # CSS px

# Every kind of citation mark: a source note [3], a letter reference "carta ¶ 6", a direct source
# link on the sources page, the letter's own marks ¹, and the ways back from a note.
MARKS = ", ".join(
    [
        ".md-content sup[id^='fnref'] > a.footnote-ref",
        ".md-content a.cf-letter-ref",
        ".md-content a.cf-source-ref",
        ".md-content sup.cf-mark > a",
        ".md-content a.footnote-backref",
        ".md-content a.cf-backref",
    ]
)

MEASURE = """(selector) => {
  const small = [], tiny = [];
  let marks = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (!el.getClientRects().length) continue;
    marks++;
    const r = el.getBoundingClientRect();
    if (r.width < %(target)s - 0.01 || r.height < %(target)s - 0.01)
      small.push(`${el.outerHTML.slice(0, 90)} is ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
  }
  // Every rendered piece of text in the page's content, marks and notes included. Text set to
  // font-size 0 is not shown (Material draws the footnote back-links as an icon instead).
  const walker = document.createTreeWalker(document.querySelector(".md-content"), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size > 0 && size < %(font)s) tiny.push(`${size}px: ${el.outerHTML.slice(0, 90)}`);
  }
  return {marks, small, tiny};
}""" % {"target": MIN_TARGET, "font": MIN_FONT}


def marks_and_text_sizes(page, where: str) -> tuple[int, list[str]]:
    """On a loaded page: how many citation marks it shows, and the marks smaller than MIN_TARGET
    and texts under MIN_FONT (at most five of each, prefixed with `where`)."""
    found = page.evaluate(MEASURE, MARKS)
    problems = [f"{where}: mark {s}" for s in found["small"][:5]]
    problems += [f"{where}: text {s}" for s in found["tiny"][:5]]
    return found["marks"], problems


def _source_title_of(page, mark) -> str:
    """The title of the footnote that `mark` points at, as the page shows it: the published one
    (<cite>) or this case file's own description of the source (.cf-own-title)."""
    target = mark.get_attribute("href")[1:]
    return page.locator(f'[id="{target}"] :is(cite, .cf-own-title)').first.inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_source_mark_previews_its_note_on_keyboard_focus(page, url, lang):
    page.goto(url(lang, "ejercito-espia/"))
    marks = page.locator(".cf-fact sup[id^='fnref'] > a.footnote-ref")
    mark = marks.nth(marks.count() // 2)
    title = _source_title_of(page, mark)
    # Focus the link just before the mark, then Tab onto it, as a keyboard user does.
    page.evaluate(
        """(mark) => {
      const links = Array.from(document.querySelectorAll("a[href]"));
      links[links.indexOf(mark) - 1].focus();
    }""",
        mark.element_handle(),
    )
    page.keyboard.press("Tab")
    assert mark.evaluate("el => el === document.activeElement"), "Tab did not reach the source mark"
    preview = page.locator(".md-tooltip2--active")
    expect(preview).to_be_visible()
    expect(preview).to_contain_text(title)
    assert mark.get_attribute("aria-controls") == preview.get_attribute("id")


@pytest.mark.parametrize("lang", LANGS)
def test_a_letter_mark_previews_the_letters_note_on_hover_and_focus(page, url, report, lang):
    note = next(n for n in report.dataset.letter["footnotes"] if n["id"] == "fn2")
    first_words = " ".join(note[lang].split()[:5])
    page.goto(url(lang, "carta/"))
    mark = page.locator("sup.cf-mark > a#ref-fn2")
    mark.hover()
    preview = page.locator(".md-tooltip2--active")
    expect(preview).to_contain_text(first_words)
    # What the preview leaves out: the way back and the list of places citing the note.
    expect(preview.locator(".cf-backref, .cf-cited-by").first).to_be_hidden()
    page.mouse.move(0, 0)
    expect(preview).to_have_count(0)
    page.locator("sup.cf-mark > a#ref-fn1").focus()  # note 1 carries a source mark, with an id
    expect(page.locator(".md-tooltip2--active")).to_contain_text("ejercitoespia.r3d.mx")
    duplicates = page.evaluate("""() => {
      const ids = Array.from(document.querySelectorAll("[id]"), el => el.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    }""")
    assert not duplicates, f"ids repeated while a preview is open: {duplicates}"


@pytest.mark.parametrize("lang", LANGS)
def test_letter_references_collapse_into_one_compact_reference(page, url, lang):
    """resumen-motivo cites letter: [p6, p7, p8, p9, fn4]: one reference, each number a link."""
    page.goto(url(lang, ""))
    refs = page.locator("#resumen-motivo > p .cf-letter-refs")  # the fact's own text (its notes cite too)
    expect(refs).to_have_count(1)
    expected = {"es": "carta ¶ 6–9, nota 4", "en": "letter ¶ 6–9, note 4"}[lang]
    assert re.sub(r"\s+", " ", refs.inner_text()).strip() == expected
    hrefs = refs.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["carta/#p6", "carta/#p9", "carta/#fn4"]
    # Source notes read as bracketed numbers on the line, not as superscripts like the letter's.
    mark = page.locator("#resumen-motivo sup[id^='fnref'] > a.footnote-ref").first
    shown = mark.evaluate(
        "a => getComputedStyle(a, '::before').content + a.textContent + getComputedStyle(a, '::after').content"
    )
    assert re.fullmatch(r'"\["\d+"\]"', shown), shown
    assert mark.evaluate("a => getComputedStyle(a.parentElement).verticalAlign") == "baseline"
