"""Interface text of the site in each language. Data text lives in data/; this is only the chrome."""

from __future__ import annotations

_MONTHS = {
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}

STRINGS = {
    "site_name": {
        "es": "Expediente: la carta del NOSC a la OGP (2023)",
        "en": "Case file: the NOSC letter to OGP (2023)",
    },
    "site_description": {
        "es": "Expediente público de la carta del 16 de enero de 2023 en la que el núcleo de sociedad civil de la Alianza para el Gobierno Abierto en México pide activar el Protocolo de Respuesta Rápida por el caso #EjércitoEspía.",
        "en": "Public case file of the letter of 16 January 2023 in which the civil-society core group of the Open Government Partnership in Mexico asks for OGP's Rapid Response Protocol over the #EjércitoEspía case.",
    },
    "copyright": {
        "es": "Expediente independiente. La carta es de sus firmantes; cada dato enlaza a su fuente.",
        "en": "An independent case file. The letter belongs to its signatories; every fact links to its source.",
    },
    "letter_ref": {"es": "carta, ¶ {n}", "en": "letter, ¶ {n}"},
    "letter_fn_ref": {"es": "carta, nota {n}", "en": "letter, note {n}"},
    "letter_word": {"es": "carta", "en": "letter"},
    "letter_note_word": {"es": "nota", "en": "note"},
    "letter_notes_word": {"es": "notas", "en": "notes"},
    "letter_ref_title": {"es": "Párrafo {n} de la carta", "en": "Paragraph {n} of the letter"},
    "letter_fn_ref_title": {"es": "Nota {n} de la carta", "en": "Footnote {n} of the letter"},
    "palette_to_dark": {"es": "Cambiar a modo oscuro", "en": "Switch to dark mode"},
    "palette_to_light": {"es": "Cambiar a modo claro", "en": "Switch to light mode"},
    "permalink": {"es": "Enlace permanente", "en": "Permanent link"},
    "copy_link": {"es": "Copiar enlace", "en": "Copy link"},
    "copy_link_title": {"es": "Copiar el enlace a este dato", "en": "Copy the link to this fact"},
    "link_copied": {"es": "Enlace copiado", "en": "Link copied"},
    "link_select": {
        "es": "Enlace seleccionado: cópielo con Ctrl+C o ⌘+C",
        "en": "Link selected: copy it with Ctrl+C or ⌘+C",
    },
    "link_field": {"es": "Enlace a este dato", "en": "Link to this fact"},
    "share_go": {"es": "Ir al dato", "en": "Go to the fact"},
    "not_found_title": {"es": "Página no encontrada", "en": "Page not found"},
    "not_found_text": {
        "es": "Esta dirección no lleva a ninguna página del expediente. Puede que se haya escrito mal o que el enlace esté incompleto.",
        "en": "This address does not lead to any page of the case file. It may have been mistyped, or the link may be incomplete.",
    },
    "not_found_home": {"es": "Ir al inicio del expediente", "en": "Go to the case file's home page"},
    "not_found_search": {"es": "Buscar en el expediente", "en": "Search the case file"},
    "last_updated": {"es": "Última actualización", "en": "Last updated"},
    "note_discrepancy": {"es": "Discrepancia entre fuentes", "en": "Sources disagree"},
    "note_unverified": {"es": "Sin verificar", "en": "Not verified"},
    "note_context": {"es": "Contexto", "en": "Context"},
    "translation_label": {"es": "Traducción", "en": "Translation"},
    "translation_notice": {
        "es": "",
        "en": "The letter was written in Spanish and this translation was made for this case file. The original of each paragraph stands beside it on wide screens and is one click away under it on narrow ones; the Spanish page shows the original alone.",
    },
    "data_as_of": {"es": "Datos al", "en": "Data as of"},
    "translation_banner": {"es": "", "en": "This page is an English translation; the case file is written in Spanish."},
    "translation_banner_link": {"es": "", "en": "Read the Spanish original"},
    "show_original": {"es": "Original en español", "en": "Spanish original"},
    "show_all_originals": {"es": "Mostrar todos los originales", "en": "Show all Spanish originals"},
    "context_title": {"es": "La carta en breve", "en": "The letter at a glance"},
    "context_from": {"es": "De", "en": "From"},
    "context_to": {"es": "Para", "en": "To"},
    "context_after": {"es": "Qué pasó después", "en": "What came of it"},
    "context_text": {"es": "El texto", "en": "The text"},
    "signed_by": {"es": "firmada por {n} organizaciones", "en": "signed by {n} organizations"},
    "letter_as_received": {
        "es": "la carta tal como se recibió (archivo de texto en el repositorio)",
        "en": "the letter as received, in Spanish (text file in the repository)",
    },
    "letter_page_es": {"es": "", "en": "the Spanish page, with the original alone"},
    "letter_page_en": {"es": "la traducción al inglés", "en": ""},
    "cited_by_one": {"es": "Se cita en 1 lugar del expediente", "en": "Cited in 1 place in the case file"},
    "cited_by_many": {"es": "Se cita en {n} lugares del expediente", "en": "Cited in {n} places in the case file"},
    "own_title_label": {
        "es": "título descriptivo: no se vio un título publicado",
        "en": "descriptive title: no published title was seen",
    },
    "own_translation": {"es": "traducción propia de este expediente", "en": "this case file's own translation"},
    "at_stake": {"es": "El compromiso en juego", "en": "The commitment at stake"},
    "commitments_overview": {
        "es": "Los 13 compromisos de un vistazo; cada título lleva a su ficha, más abajo.",
        "en": "The 13 commitments at a glance; each title leads to its details below.",
    },
    "number_short": {"es": "N.º", "en": "No."},
    "commitment": {"es": "Compromiso", "en": "Commitment"},
    "at_stake_short": {"es": "en juego", "en": "at stake"},
    "read_the_letter": {"es": "Leer la carta", "en": "Read the letter"},
    "ogp_id": {"es": "Id. en la OGP", "en": "OGP id"},
    "title_es": {"es": "Título en español", "en": "Spanish title"},
    "title_en": {"es": "Título en inglés", "en": "English title"},
    "before_letter": {"es": "Antes de la carta", "en": "Before the letter"},
    "the_letter": {"es": "La carta", "en": "The letter"},
    "after_letter": {"es": "Después de la carta", "en": "After the letter"},
    "relation_before": {"es": "antes de la carta", "en": "before the letter"},
    "relation_letter": {"es": "la carta", "en": "the letter"},
    "relation_after": {"es": "después de la carta", "en": "after the letter"},
    "cited_in": {"es": "Citada en", "en": "Cited in"},
    "cited_in_count": {"es": "Citada en {n} lugares", "en": "Cited in {n} places"},
    "cited_in_letter": {"es": "Citada en {n} lugares del expediente;", "en": "Cited in {n} places in the case file;"},
    "cited_in_letter_link": {
        "es": "cada párrafo y cada nota de la carta enumera los suyos",
        "en": "each paragraph and note of the letter lists its own",
    },
    "sources_groups": {"es": "Grupos de fuentes", "en": "Groups of sources"},
    "sources_group_letter": {"es": "La carta", "en": "The letter"},
    "sources_group_ogp": {"es": "Alianza para el Gobierno Abierto (OGP)", "en": "Open Government Partnership (OGP)"},
    "sources_group_official": {
        "es": "Comunicados, declaraciones y documentos oficiales",
        "en": "Statements, press releases and official documents",
    },
    "sources_group_reports": {"es": "Informes y datos", "en": "Reports and data"},
    "sources_group_press": {"es": "Prensa", "en": "Press"},
    "sources_group_web": {"es": "Otras páginas web", "en": "Other web pages"},
    "not_cited": {"es": "Ninguna ficha la cita todavía.", "en": "No record cites it yet."},
    "language": {"es": "Idioma", "en": "Language"},
    "kind": {"es": "Tipo", "en": "Kind"},
    "date": {"es": "Fecha", "en": "Date"},
    "no_date": {"es": "sin fecha", "en": "undated"},
    "website": {"es": "Sitio web", "en": "Website"},
    "short_name": {"es": "Nombre corto", "en": "Short name"},
    "repository_copy": {"es": "copia en el repositorio", "en": "copy in the repository"},
    "kind_formal-request": {"es": "Petición formal", "en": "Formal request"},
    "kind_action": {"es": "Acción solicitada", "en": "Requested action"},
    "kind_condition": {"es": "Condición", "en": "Condition"},
    "signatories_intro": {
        "es": "Firman la carta las siguientes organizaciones, en el orden y con el nombre con que aparecen en ella.",
        "en": "The letter is signed by the following organizations, in the order and under the names it gives them.",
    },
    "letter_signatures": {"es": "Firmantes", "en": "Signatories"},
    "letter_footnotes": {"es": "Notas de la carta", "en": "The letter's footnotes"},
    "letter_header": {"es": "Encabezado", "en": "Header"},
    "letter_body": {"es": "Cuerpo de la carta", "en": "Body of the letter"},
    "back_to_mark": {"es": "Volver a la llamada de la nota {n}", "en": "Back to the call of footnote {n}"},
    "footnote_backlink": {"es": "Volver a la referencia %d en el texto", "en": "Back to reference %d in the text"},
    "key_figures": {"es": "Cifras clave", "en": "Key figures"},
    "home_kicker": {"es": "Expediente · carta del {date}", "en": "Case file · the letter of {date}"},
    "latest": {"es": "Lo último", "en": "Latest"},
    "full_timeline": {"es": "Ver la cronología", "en": "See the timeline"},
    "ways_in": {"es": "Para empezar", "en": "Where to start"},
    "read_the_letter_note": {
        "es": "El texto completo, párrafo por párrafo, con sus notas",
        "en": "The full text, paragraph by paragraph, with the Spanish original at hand",
    },
    "see_the_evidence": {"es": "Ver las pruebas", "en": "See the evidence"},
    "see_the_evidence_note": {
        "es": "Lo que halló #EjércitoEspía y lo que respondieron el presidente y la SEDENA",
        "en": "What #EjércitoEspía found, and what the President and SEDENA answered",
    },
    "summary": {"es": "El caso en breve", "en": "The case in brief"},
    "next": {"es": "Para seguir", "en": "Where to go next"},
    "plan_facts": {"es": "El plan", "en": "The plan"},
    "commitments": {"es": "Los 13 compromisos", "en": "The 13 commitments"},
    "requests_intro": {
        "es": "Lo que la carta pide al Comité Directivo de la Alianza para el Gobierno Abierto.",
        "en": "What the letter asks of the Open Government Partnership Steering Committee.",
    },
    "sources_intro": {
        "es": "Todas las fuentes del expediente. Cada dato del sitio remite aquí por el identificador de su fuente, y cada fuente enumera los lugares que la citan.",
        "en": "Every source of the case file. Each fact on the site points here by its source's id, and each source lists the places that cite it.",
    },
    "glossary_intro": {
        "es": "Las siglas, los nombres y los términos que usa este expediente. En las demás páginas, cada término se explica al pasar el puntero o el foco del teclado por él, donde aparece por primera vez en cada sección.",
        "en": "The acronyms, names and terms this case file uses. On the other pages, each term is explained when the pointer or the keyboard focus rests on it, where it first appears in each section.",
    },
    "timeline_intro": {
        "es": "Hechos fechados, desde la fundación de la Alianza para el Gobierno Abierto hasta la carta y lo ocurrido después.",
        "en": "Dated events, from the founding of the Open Government Partnership to the letter and what happened after it.",
    },
    "kind_letter": {"es": "carta", "en": "letter"},
    "kind_report": {"es": "informe", "en": "report"},
    "kind_article": {"es": "artículo", "en": "article"},
    "kind_statement": {"es": "declaración", "en": "statement"},
    "kind_official": {"es": "documento oficial", "en": "official document"},
    "kind_webpage": {"es": "página web", "en": "web page"},
    "kind_press-release": {"es": "comunicado de prensa", "en": "press release"},
    "kind_dataset": {"es": "datos", "en": "dataset"},
    "lang_es": {"es": "español", "en": "Spanish"},
    "lang_en": {"es": "inglés", "en": "English"},
    "lang_fr": {"es": "francés", "en": "French"},
    "lang_pt": {"es": "portugués", "en": "Portuguese"},
}


def t(key: str, lang: str, **values) -> str:
    text = STRINGS[key][lang]
    return text.format(**values) if values else text


def format_date(value: str, lang: str) -> str:
    """'2023-01-16' -> '16 de enero de 2023' / '16 January 2023'; partial dates stay partial."""
    parts = value.split("-")
    year = parts[0]
    if len(parts) == 1:
        return year
    month = _MONTHS[lang][int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} de {year}" if lang == "es" else f"{month} {year}"
    day = int(parts[2])
    return f"{day} de {month} de {year}" if lang == "es" else f"{day} {month} {year}"
