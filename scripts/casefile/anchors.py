"""Anchors the renderer writes itself; data ids must not collide with them."""

# Section anchors on the pages (see render/*.py); identical in both languages.
SECTION_ANCHORS = {
    "la-carta", "encabezado", "cuerpo", "notas", "firmas", "firmantes", "compromisos", "plan",
    "hallazgos", "peticiones", "cronologia", "fuentes", "resumen", "cifras", "acerca", "citar",
    "contribuir", "antes", "despues", "traduccion", "que-es", "privacidad", "inicio",
    "siguiente", "carta-del-nosc", "entrada", "estado", "glosario",
    # the groups of the sources page (render/pages/sources.py GROUPS)
    "fuentes-carta", "fuentes-ogp", "fuentes-oficiales", "fuentes-informes", "fuentes-prensa", "fuentes-web",
}
# Ids that MkDocs, Material or Python-Markdown put on every page.
THEME_ANCHORS = {"__search", "__drawer", "__toc", "__consent", "__palette_0", "__palette_1", "__config", "__skip"}

RESERVED_ANCHORS = SECTION_ANCHORS | THEME_ANCHORS
# Prefixes of ids that Python-Markdown's footnotes and the letter's footnote marks generate.
RESERVED_PREFIXES = ("fn-", "fnref", "ref-fn")
