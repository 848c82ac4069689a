"""Every source, anchored by its id, with every place that cites it."""
from ..escape import escape, link_html


def render(w, spec) -> None:
    from . import BY_DATA, PAGES  # the registry imports this module
    from ..labels import label

    w.heading(1, escape(spec.title[w.lang]), "fuentes")
    w.add(escape(w.t("sources_intro")), "")
    order = {page.data: index for index, page in enumerate(PAGES)}
    cited_by = {}
    for c in sorted(w.dataset.citations, key=lambda c: order.get(c.stem, len(order))):
        if c.anchor is not None and c.stem in BY_DATA and c.stem != spec.data:  # a source's own notes are on this page
            cited_by.setdefault(c.source, {}).setdefault((BY_DATA[c.stem].file, c.anchor), c)
    for source in w.dataset.sources_list:
        anchor = source["id"]
        w.add(f'<div class="cf-source" id="{anchor}" markdown="1">', "")
        w.add(w.permalink(anchor))
        title = f"<cite>{escape(source['title'])}</cite>"
        if source.get("url"):
            title = link_html(source["url"], source["title"])
            title = f"<cite>{title}</cite>"
        w.add(f"**{escape(source['publisher'])}**, {title}", "")
        facts = [
            f"{escape(w.t('date'))}: {escape(w.date(source['date'])) if source.get('date') else escape(w.t('no_date'))}",
            f"{escape(w.t('language'))}: {escape(w.t('lang_' + source['language']))}",
            f"{escape(w.t('kind'))}: {escape(w.t('kind_' + source['kind']))}",
            f"id: `{source['id']}`",
        ]
        if source.get("file") and w.settings.file_url(source["file"]):
            facts.append(f"[{escape(w.t('repository_copy'))}]({w.settings.file_url(source['file'])})")
        w.add(" · ".join(facts), "")
        w.notes(source)
        cites = cited_by.get(anchor, {})
        if cites:
            w.add('<div class="cf-cited-in" markdown="1">', "")  # kept out of search (site/search_marks.py)
            w.add(f"{escape(w.t('cited_in'))}:", "")
            for (file, record_anchor), c in cites.items():
                page = BY_DATA[c.stem]
                text = escape(label(c.record, c.stem, w.lang, record_anchor))
                w.add(f"- [{escape(page.title[w.lang])} › {text}]({page.file}#{record_anchor})")
            w.add("", "</div>", "")
        else:
            w.add(f"_{escape(w.t('not_cited'))}_", "")
        w.add("</div>", "")
