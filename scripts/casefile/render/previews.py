"""What a shared link says: a description per page, a title and description per record, the card's text.

Every sentence here is made from the data (its text, names, numbers and dates) and from the
site's own interface strings; nothing is added that the data does not say. The output is plain
text: the templates escape it where it goes into HTML.
"""

from __future__ import annotations

import re

from ..load.quotes import quoted
from ..paths import DOCS
from .escape import plain_letter_text
from .page import excerpt
from .strings import format_date, t

LIMIT = 200  # a search engine shows about this much of a description

# Sentences of the descriptions, per language; {fields} come from the data.
_SENTENCES = {
    "letter": {
        "es": "{place_date}. La carta del {short} dirigida a «{addressee}», completa: sus {paragraphs} párrafos y {notes} notas, "
        "cada uno con su propio enlace.",
        "en": "{place_date}. The {short}'s letter to the {addressee}: its {paragraphs} paragraphs and {notes} footnotes, "
        "each with its own link, translated beside the Spanish original.",
    },
    "signatories": {
        "es": "Las {count} organizaciones que firman la carta, con el nombre que ella les da: {names}.",
        "en": "The {count} organizations that sign the letter, under the names it gives them: {names}.",
    },
    "timeline": {
        "es": "{intro} {count} hechos: {first} – {last}.",
        "en": "{intro} {count} events: {first} – {last}.",
    },
    "sources": {
        "es": "Las {count} fuentes del expediente, cada una con su enlace y con los datos que la citan: {publishers}.",
        "en": "The {count} sources of the case file, each with its link and the facts that cite it: {publishers}.",
    },
    "commitment": {
        "es": "Compromiso {number} del {plan} ({ogp_id}).",
        "en": "Commitment {number} of {plan} ({ogp_id}).",
    },
    "signatory": {
        "es": "Organización firmante de la carta del {short} del {date}.",
        "en": "An organization that signs the {short}'s letter of {date}.",
    },
}


def clip(text: str, limit: int = LIMIT) -> str:
    """Text on one line, cut at a word before `limit` characters."""
    return excerpt(text, limit)


def _say(key: str, lang: str, **values) -> str:
    return _SENTENCES[key][lang].format(**values)


# -- pages -----------------------------------------------------------------------------------------


def page_description(dataset, spec, lang: str) -> str:
    """The meta description of a page: its own, drawn from what the page shows."""
    maker = _PAGE_DESCRIPTIONS.get(spec.data, _about)
    return clip(maker(dataset, lang) if spec.data else maker(spec, lang))


def _home(dataset, lang):
    return dataset.summary[0]["text"][lang]


def _letter(dataset, lang):
    letter = dataset.letter
    return _say(
        "letter",
        lang,
        place_date=letter["place_date"][lang],
        short=letter["sender_short"],
        paragraphs=len(letter["paragraphs"]),
        notes=len(letter["footnotes"]),
        addressee=letter["addressee"][lang],
    )


def _plan(dataset, lang):
    plan = dataset.plan
    return f"{plan['name'][lang]}. {plan['facts'][0]['text'][lang]}"


def _findings(dataset, lang):
    section = dataset.findings[0]
    return f"{section['title'][lang]}. {section['facts'][0]['text'][lang]}"


def _signatories(dataset, lang):
    names = [s["name"] for s in dataset.signatories]
    return _say("signatories", lang, count=len(names), names=", ".join(names))


def _requests(dataset, lang):
    items = dataset.requests
    formal = next((r for r in items if r.get("kind") == "formal-request" and r.get("text")), None)
    first = formal or next((r for r in items if r.get("text")), items[0])
    return f"{t('requests_intro', lang)} {first['text'][lang] if first.get('text') else quoted(dataset.letter, first, lang)}"


def _timeline(dataset, lang):
    events = dataset.events
    return _say(
        "timeline",
        lang,
        intro=t("timeline_intro", lang),
        count=len(events),
        first=format_date(events[0]["date"], lang),
        last=format_date(events[-1]["date"], lang),
    )


def _sources(dataset, lang):
    publishers = list(dict.fromkeys(s["publisher"] for s in dataset.sources_list))
    return _say("sources", lang, count=len(dataset.sources_list), publishers=", ".join(publishers))


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`]|\{[^}]*\}")


def _about(spec, lang):
    """A hand-written page: its first paragraph of text, without Markdown."""
    text = (DOCS / lang / spec.file).read_text("utf-8")
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if block and not block.startswith(("#", "-", "*", ">", "!!!", "<", "|", "```")):
            return _MARKUP.sub("", _LINK.sub(r"\1", " ".join(block.split())))
    return t("site_description", lang)


def _glossary(dataset, lang):
    terms = sorted(term["term"][lang] for term in dataset.glossary)
    return f"{t('glossary_intro', lang).split('.')[0]}: {', '.join(terms)}."


_PAGE_DESCRIPTIONS = {
    "case": _home,
    "letter": _letter,
    "commitments": _plan,
    "findings": _findings,
    "signatories": _signatories,
    "requests": _requests,
    "timeline": _timeline,
    "sources": _sources,
    "glossary": _glossary,
}


def card_lines(dataset, spec, lang: str) -> tuple[str, str]:
    """What a page's card shows: the page's title, then the case's name. The home page's card
    shows the case's name, then the letter's date."""
    if spec.url == "":
        return t("site_name", lang), format_date(dataset.letter["date"], lang)
    return spec.title[lang], t("site_name", lang)


# -- records ---------------------------------------------------------------------------------------


def record_preview(dataset, stem: str, record: dict, lang: str) -> tuple[str, str]:
    """(title, description) of one record with an id, for its share page."""
    text = lambda key: record[key][lang] if isinstance(record.get(key), dict) else None  # noqa: E731
    if stem == "letter":
        number = record["number"]
        key = "letter_fn_ref_title" if "mark" in record else "letter_ref_title"
        return t(key, lang, n=number), clip(plain_letter_text(record[lang]))
    if stem == "case" and "value" in record:
        title = f"{text('value')} {text('label')}"
        return title, clip(title + ".")
    if stem == "commitments" and "ogp_id" in record:
        title = f"{record['number']}. {text('title')}"
        facts = record.get("facts") or []
        own = (
            facts[0]["text"][lang]
            if facts
            else _say(
                "commitment", lang, number=record["number"], plan=dataset.plan["name"][lang], ogp_id=record["ogp_id"]
            )
        )
        return title, clip(own)
    if stem == "commitments" and "name" in record:  # the plan itself
        return text("name"), clip(record["facts"][0]["text"][lang])
    if stem == "findings" and "facts" in record:  # a section
        return text("title"), clip(record["facts"][0]["text"][lang])
    if stem == "requests":
        kind = t(f"kind_{record['kind']}", lang)
        title = f"{record['label']} {kind}" if record.get("label") else kind
        return title, clip(text("text") or quoted(dataset.letter, record, lang))
    if stem == "timeline":
        title = f"{format_date(record['date'], lang)} · {text('title')}"
        return title, clip(text("text") or text("title"))
    if stem == "signatories":
        letter = dataset.letter
        name = record["name"] + (f" ({record['short_name']})" if record.get("short_name") else "")
        return name, _say("signatory", lang, short=letter["sender_short"], date=format_date(letter["date"], lang))
    if stem == "sources":
        title = record["own_title"][lang] if record.get("own_title") else record["title"]
        parts = [record["publisher"], title] + ([format_date(record["date"], lang)] if record.get("date") else [])
        return title, clip(", ".join(parts) + ".")
    body = text("text") or ""
    return (text("title") or clip(body, 70) or record["id"]), clip(body or text("title") or record["id"])
