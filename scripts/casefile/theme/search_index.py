"""Each language's search index, finished after MkDocs: body text only, and plain words that find.

Material writes search/search_index.json from each page's HTML; site/search_marks.py already keeps
permalinks, references, footnotes and "cited in" lists out of it. Here, per language:

1. what markup cannot mark is removed from each entry's text: the sources page's `id: <code>…</code>`,
   leftover footnote numbers (`<sup>3</sup>`) and empty paragraphs;
2. the letter's body, one entry in Material's index (one heading), becomes one entry per
   paragraph (`carta/#p9`, "Paragraph 9 of the letter"), so that a result shows the paragraph
   that matched; and the letter's entries get a boost, so that it ranks first for its own words (it is the primary
   document; other pages quote and discuss it, often in their headings, which weigh 1000 times the
   text);
3. each entry that uses a glossary term gets that term's plain keywords (data/glossary.yaml
   `keywords`) in a field of its own, `keywords`, which the search worker indexes like the title
   and the text but never shows: so "army" finds the sections that say "SEDENA", in English;
4. accents: lunr matches words as they are written, so each entry gets the words of its title and
   of its text that have accents, without them ("Ejército Espía" -> "ejercito espia"), in two
   fields of their own that are indexed with the title's and the text's boost and never shown
   (`folded_title`, `folded_text`; the keywords' own are added to `keywords`): "ejercito espia"
   finds "Ejército Espía", and a query typed with accents finds the words as written.

The worker indexes whatever fields the index's `config.fields` names (Material 9.8.1), each with
its boost.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from ..render.pages import LETTER
from ..render.strings import t
from ..text import fold

LETTER_BOOST = 3000.0
KEYWORD_BOOST = 0.5  # a keyword counts for less than the same word in the text
_SOURCE_ID = re.compile(r"(?:\s*·\s*)?\bid: <code>[^<]*</code>")
_FOOTNOTE_NUMBER = re.compile(r"\s*<sup>\s*\d+\s*</sup>")
_EMPTY = re.compile(r"<(p|li|sup)>\s*</\1>")
_SPACES = re.compile(r"[ \t\n]{2,}")


def clean(text: str) -> str:
    if "id: <code>" in text:  # each pattern only where its fixed part is: a search costs more than a look
        text = _SOURCE_ID.sub("", text)
    if "<sup>" in text:
        text = _FOOTNOTE_NUMBER.sub("", text)
    text = _EMPTY.sub("", text)
    return _SPACES.sub(" ", text).strip()


def _term_patterns(glossary: list, lang: str) -> list:
    """(pattern of a term's forms as whole words, its keywords, the forms) for terms with keywords in `lang`."""
    out = []
    for term in glossary:
        keywords = (term.get("keywords") or {}).get(lang)
        if not keywords:
            continue
        forms = (term.get("forms") or {}).get(lang) or [term["term"][lang].lstrip("#")]
        pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?!\w)"
        )
        out.append((pattern, keywords, tuple(forms)))
    return out


def keywords(entry: dict, patterns: list) -> str:
    """The plain keywords of every glossary term the entry's title or text uses, once each."""
    words = []
    title, text = entry.get("title", ""), entry.get("text", "")
    for pattern, terms, forms in patterns:
        if not any(form in title or form in text for form in forms):  # the pattern needs one of them as it is
            continue
        if pattern.search(title) or pattern.search(text):
            words += [k for k in terms if k not in words]
    return " ".join(words)


_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")
FOLDED = {"title": "folded_title", "text": "folded_text"}  # field -> the field of its words without accents


def folded_words(text: str) -> str:
    """The words of `text` (HTML, as in the index) that change when folded, folded, once each."""
    words = {}
    for word in _WORD.findall(html.unescape(_TAG.sub(" ", text))):
        folded = fold(word)
        if folded != word.lower():
            words.setdefault(folded)
    return " ".join(words)


def add_folded(entry: dict) -> None:
    """The folded forms of the entry's words, in the fields the worker indexes but never shows."""
    for field, folded_field in FOLDED.items():
        words = folded_words(entry.get(field) or "")
        if words:
            entry[folded_field] = words
    words = folded_words(entry.get("keywords") or "")
    if words:
        entry["keywords"] += " " + words


# The "cited in" lists under the letter's paragraphs (render/templates/letter.html): long at 100x
# the data, and <details>, which _Paragraphs skips whole. They hold no <details> of their own.
_CITED_BY = re.compile(r'<details class="cf-cited-by"[^>]*>.*?</details>', re.S)


class _Paragraphs(HTMLParser):
    """The text of each letter paragraph (div.cf-paragraph) of a built page, as Material indexes
    text (<p> kept, everything else as text), without what is marked data-search-exclude and
    without the collapsed originals (<details>)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    REST = {"cf-letter-closing", "cf-letter-sender"}  # after the paragraphs, in the same section

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.stack, self.current = {}, [], None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        a = dict(attrs)
        skipped = (
            bool(self.stack and self.stack[-1][1])
            or "data-search-exclude" in a
            or tag in ("details", "script", "style")
        )
        classes = (a.get("class") or "").split()
        opens = None
        if (
            tag == "div"
            and self.current is None
            and ("cf-paragraph" in classes and a.get("id") or set(classes) & self.REST)
        ):
            opens = self.current = a["id"] if "cf-paragraph" in classes else ""  # "" : the body's closing lines
            self.paragraphs.setdefault(self.current, [])
        self.stack.append((tag, skipped, opens))
        if self.current is not None and tag == "p" and not skipped:
            self.paragraphs[self.current].append("<p>")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            return
        _, skipped, opened = self.stack.pop()
        if self.current is not None and tag == "p" and not skipped:
            self.paragraphs[self.current].append("</p>")
        if opened is not None:
            self.current = None

    def handle_data(self, data):
        if self.current is not None and not (self.stack and self.stack[-1][1]):
            self.paragraphs[self.current].append(html.escape(data, quote=False))


def split_letter(index: dict, page: str, lang: str) -> dict:
    """Replace the letter's body entry by one entry per paragraph of `page` (the built letter page)."""
    paragraphs = _Paragraphs(_CITED_BY.sub("", page)).paragraphs  # (skipped anyway: not even read)
    docs = []
    for entry in index["docs"]:
        if entry["location"] == f"{LETTER.url}#cuerpo" and paragraphs:
            for anchor, parts in paragraphs.items():
                text = clean(" ".join("".join(parts).split()).replace("<p> ", "<p>").replace(" </p>", "</p>"))
                if anchor:
                    docs.append(
                        {
                            "location": f"{LETTER.url}#{anchor}",
                            "title": t("letter_ref_title", lang, n=anchor.lstrip("p")),
                            "text": text,
                        }
                    )
                else:
                    docs.append({**entry, "text": text})  # the closing lines keep the section's own entry
        else:
            docs.append(entry)
    index["docs"] = docs
    return index


def finish(index: dict, glossary: list, lang: str, letter_page: str | None = None) -> dict:
    patterns = _term_patterns(glossary, lang)
    if letter_page is not None:
        split_letter(index, letter_page, lang)
    for entry in index["docs"]:
        entry["text"] = clean(entry.get("text", ""))
        if entry["location"].split("#")[0] == LETTER.url:
            entry["boost"] = LETTER_BOOST
        words = keywords(entry, patterns)
        if words:
            entry["keywords"] = words
        add_folded(entry)
    fields = index["config"]["fields"]
    fields["keywords"] = {"boost": KEYWORD_BOOST}
    for field, folded_field in FOLDED.items():
        fields[folded_field] = dict(fields.get(field) or {"boost": 1.0})
    return index


def run(out: Path, langs, glossary: list) -> None:
    for lang in langs:
        path = out / lang / "search" / "search_index.json"
        index = json.loads(path.read_text("utf-8"))
        letter = out / lang / LETTER.url / "index.html"
        letter_page = letter.read_text("utf-8") if letter.exists() else None
        path.write_text(
            json.dumps(finish(index, glossary, lang, letter_page), ensure_ascii=False, separators=(",", ":")), "utf-8"
        )
