"""Every source, anchored by its id, with every place that cites it."""
from ..markdown import escape, link_html


def render(w, spec, citations=()) -> None:
    w.heading(1, escape(spec.title[w.lang]), "fuentes")
    w.add(escape(w.t("sources_intro")), "")
    titles = {page.file: page.title for page in w.pages}
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
        if source.get("file"):
            facts.append(f"[{escape(w.t('repository_copy'))}]({w.repository_file_url(source['file'])})")
        w.add(" · ".join(facts), "")
        w.notes(source, anchor, {"es": source["title"], "en": source["title"]})
        cites = [c for c in citations if c.source == anchor]
        if cites:
            w.add(f"{escape(w.t('cited_in'))}:", "")
            seen = set()
            for c in cites:
                key = (c.page, c.anchor)
                if key in seen:
                    continue
                seen.add(key)
                page_title = escape(titles[c.page][w.lang])
                label = escape(c.label[w.lang]) if c.label.get(w.lang) else escape(c.anchor)
                w.add(f"- [{page_title} › {label}]({c.page}#{c.anchor})")
            w.add("")
        else:
            w.add(f"_{escape(w.t('not_cited'))}_", "")
        w.add("</div>", "")
