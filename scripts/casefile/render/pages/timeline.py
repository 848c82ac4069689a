"""The timeline, split into before the letter, the letter, and after it."""
from ..escape import escape

GROUPS = (("before", "antes", "before_letter"), ("letter", "carta-del-nosc", "the_letter"), ("after", "despues", "after_letter"))


def render(w, spec) -> None:
    w.heading(1, escape(spec.title[w.lang]), "cronologia")
    w.add(escape(w.t("timeline_intro")), "")
    for relation, anchor, key in GROUPS:
        events = [e for e in w.dataset.events if e["relation"] == relation]
        if not events:
            continue
        w.heading(2, escape(w.t(key)), anchor)
        for event in events:
            w.add(f'<div class="cf-event cf-event--{relation}" markdown="1">', "", w.record_tools(event), "")
            w.heading(3, f'<time datetime="{event["date"]}">{escape(w.date(event["date"]))}</time> · {w.text(event["title"])}', event["id"])
            w.add(f'<p class="cf-badge cf-badge--{relation}" markdown="span">{escape(w.t("relation_" + relation))}</p>', "")
            body = w.text(event["text"]) if event.get("text") else ""
            w.add(body + w.refs(event), "")
            w.notes(event)
            w.add("</div>", "")
