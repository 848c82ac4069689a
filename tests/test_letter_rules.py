"""`check` ties the data to the letter as received: each test breaks one thing in a copy of the small
dataset (the `small_data` fixture of conftest.py: the whole letter, a few records of the rest) and compares what the validator says with the exact expected lines.

Line numbers are found by content (never hard-coded); columns are counted in the edited line.
The rules live in scripts/casefile/validate/letter_rules.py and source_rules.py.
"""

from __future__ import annotations

import subprocess
import sys

import yaml

from casefile import validate
from casefile.paths import ROOT

DASH = " — "
TXT = "carta-nosc-2023-01-16.txt"
VERBATIM = "copy the letter's words exactly, accents and punctuation included; a typo of the letter stays as it is"


def line_of(path, text, after=None) -> int:
    lines = path.read_text("utf-8").split("\n")
    start = line_of(path, after) if after is not None else 0
    hits = [i + 1 for i, line in enumerate(lines) if i >= start and line == text]
    assert hits and (after is not None or len(hits) == 1), f"{text!r} in {path.name}: {hits}"
    return hits[0]


def replace(path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), "utf-8")


def col(line: str, word: str) -> int:
    assert line.count(word) == 1, (line, word)
    return line.index(word) + 1


def txt_line(data_dir, text) -> int:
    lines = (data_dir / TXT).read_text("utf-8").split("\n")
    hits = [i + 1 for i, line in enumerate(lines) if line.strip() == text]
    assert len(hits) == 1, text
    return hits[0]


def problems(data_dir):
    """The errors `check` reports (a warning such as an uncited source is not this file's subject)."""
    return [str(p) for p in validate.run(data_dir).errors]


def index_of(path, key, record_id):
    ids = [r.get("id") for r in yaml.safe_load(path.read_text("utf-8"))[key]]
    return ids.index(record_id)


# -- signatories ------------------------------------------------------------------------------------


def test_a_signatory_name_that_is_not_the_letters(small_data):
    """The issue's example: a comma dropped from "Causa Natura, A.C." fails check, naming both lines."""
    path = small_data / "signatories.yaml"
    n = line_of(path, "    name: Causa Natura, A.C.")
    replace(path, "    name: Causa Natura, A.C.", "    name: Causa Natura A.C.")
    at = col("    name: Causa Natura A.C.", "Natura")
    assert problems(small_data) == [
        f"{path}:{n}:{at}: signatories[1].name: 'Causa Natura A.C.' is not the name the letter gives: 'Causa Natura, A.C.' "
        f"({small_data / TXT}:{txt_line(small_data, 'Causa Natura, A.C.')}){DASH}write the name exactly as the letter's signature block does"
    ]


def test_the_check_command_fails_on_a_signatory_name(small_data):
    replace(small_data / "signatories.yaml", "    name: Causa Natura, A.C.", "    name: Causa Natura A.C.")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "check", "--data", str(small_data)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 1
    assert (
        "signatories[1].name: 'Causa Natura A.C.' is not the name the letter gives: 'Causa Natura, A.C.'" in done.stdout
    )


def test_signatories_out_of_the_letters_order(small_data):
    path = small_data / "signatories.yaml"
    text = path.read_text("utf-8")
    equis, fundar = text.index("  - id: equis\n"), text.index("  - id: fundar\n")
    gesoc = text.index("  - id: gesoc\n")
    path.write_text(text[:equis] + text[fundar:gesoc] + text[equis:fundar] + text[gesoc:], "utf-8")
    n = line_of(path, "    name: EQUIS Justicia para las Mujeres")
    assert problems(small_data) == [
        f"{path}:{n}:11: signatories[3].name: is signatory 3 of the letter ({small_data / TXT}:{txt_line(small_data, 'EQUIS Justicia para las Mujeres')}), "
        f"but stands after 'Fundar, Centro de Análisis e Investigación', which signs after it{DASH}keep the order of the letter's signature block"
    ]


def test_a_signatory_of_the_letter_left_out(small_data):
    path = small_data / "signatories.yaml"
    text = path.read_text("utf-8")
    start = text.index("  - id: equis\n")
    path.write_text(text[:start] + text[text.index("  - id: fundar\n") :], "utf-8")
    assert problems(small_data) == [
        f"{path}:{line_of(path, 'signatories:')}:1: signatories: the letter is also signed by 'EQUIS Justicia para las Mujeres' "
        f"({small_data / TXT}:{txt_line(small_data, 'EQUIS Justicia para las Mujeres')}){DASH}add a record for it, in the letter's order"
    ]


def test_a_signatory_the_letter_does_not_have(small_data):
    path = small_data / "signatories.yaml"
    replace(path, "    name: EQUIS Justicia para las Mujeres", "    name: Organización Inventada")
    n = line_of(path, "    name: Organización Inventada")
    assert problems(small_data) == [
        f"{path}:{line_of(path, 'signatories:')}:1: signatories: the letter is also signed by 'EQUIS Justicia para las Mujeres' "
        f"({small_data / TXT}:{txt_line(small_data, 'EQUIS Justicia para las Mujeres')}){DASH}add a record for it, in the letter's order",
        f"{path}:{n}:11: signatories[2].name: 'Organización Inventada' does not sign the letter{DASH}remove the record, "
        f"or write the name exactly as the letter's signature block does ({small_data / TXT}:{txt_line(small_data, 'Artículo 19 Oficina para México y Centroamérica')})",
    ]


def test_a_signatory_listed_twice(small_data):
    path = small_data / "signatories.yaml"
    replace(path, "    name: EQUIS Justicia para las Mujeres", "    name: Causa Natura, A.C.")
    n = line_of(path, "    name: Causa Natura, A.C.", after="  - id: equis")
    assert (
        f"{path}:{n}:11: signatories[2].name: 'Causa Natura, A.C.' is listed twice{DASH}remove one of the two records"
        in problems(small_data)
    )


# -- paragraphs, footnotes, header ------------------------------------------------------------------


def test_a_word_of_a_paragraph_that_is_not_the_letters(small_data):
    """Reported on the line and column of the word, with the letter's line."""
    path = small_data / "letter.yaml"
    old = "      República, tanto en su campaña como en el desarrollo de sus funciones, el pasado dos de"
    new = old.replace("pasado dos de", "pasado 2 de")
    n = line_of(path, old)
    replace(path, old, new)
    assert problems(small_data) == [
        f"{path}:{n}:{col(new, ' 2 ') + 1}: paragraphs[5].es: differs from paragraph 6 of the letter ({small_data / TXT}:{n_txt(small_data, 'A pesar de que')}): "
        f"the letter has 'pasado dos de', this text has 'pasado 2 de'{DASH}{VERBATIM}"
    ]


def n_txt(data_dir, start) -> int:
    lines = (data_dir / TXT).read_text("utf-8").split("\n")
    hits = [i + 1 for i, line in enumerate(lines) if line.startswith(start)]
    assert len(hits) == 1
    return hits[0]


def test_a_word_on_the_second_page_of_a_paragraph_names_that_page(small_data):
    """Paragraph 6 runs over a page break: a word after it is found on the letter's later line."""
    path = small_data / "letter.yaml"
    old = "      octubre, se publicó la investigación #EjércitoEspía¹, en la que se revelaron tres nuevos casos"
    new = old.replace("tres nuevos", "3 nuevos")
    n = line_of(path, old)
    replace(path, old, new)
    assert problems(small_data) == [
        f"{path}:{n}:{col(new, '3 nuevos')}: paragraphs[5].es: differs from paragraph 6 of the letter ({small_data / TXT}:{n_txt(small_data, 'octubre, se publicó')}): "
        f"the letter has 'revelaron tres nuevos', this text has 'revelaron 3 nuevos'{DASH}{VERBATIM}"
    ]


def test_a_paragraph_of_the_letter_left_out(small_data):
    path = small_data / "letter.yaml"
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("  - id: p17\n")] + text[text.index("footnotes:\n") :], "utf-8")
    found = problems(small_data)
    assert (
        f"{path}:{line_of(path, 'paragraphs:')}:1: paragraphs: paragraph 17 of the letter ({small_data / TXT}:{n_txt(small_data, 'De igual forma')}) is missing: "
        "'De igual forma, solicitamos su apreciable intervención para promover las sigu…'"
        f"{DASH}add it as `- id: p17` with `number: 17`, `es:` (verbatim) and `en:`"
    ) in found
    assert [p for p in found if p.startswith(f"{path}:") and "paragraph 17 of the letter" not in p] == []


def test_a_footnote_that_is_not_the_letters(small_data):
    path = small_data / "letter.yaml"
    old = '    es: "<https://ejercitoespia.r3d.mx/>"'
    n = line_of(path, old)
    replace(path, old, '    es: "<https://ejercitoespia.r3d.mx/casos/>"')
    assert problems(small_data) == [
        f"{path}:{n}:10: footnotes[0].es: differs from footnote ¹ of the letter ({small_data / TXT}:{n_txt(small_data, '¹')}): "
        f"the letter has '<https://ejercitoespia.r3d.mx/>', this text has '<https://ejercitoespia.r3d.mx/casos/>'{DASH}{VERBATIM}"
    ]


def test_a_footnote_said_to_be_called_by_the_wrong_paragraph(small_data):
    path = small_data / "letter.yaml"
    n = line_of(path, "    paragraph: p6", after="  - id: fn1")
    replace(path, "    paragraph: p6\n", "    paragraph: p5\n")
    found = problems(small_data)
    assert (
        f"{path}:{n}:16: footnotes[0].paragraph: is 'p5', but the letter calls footnote ¹ in paragraph 6 ({small_data / TXT}:{n_txt(small_data, 'A pesar de que')}){DASH}use paragraph: p6"
        in found
    )


def test_a_footnote_of_the_letter_left_out(small_data):
    path = small_data / "letter.yaml"
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("  - id: fn4\n")], "utf-8")
    assert (
        f"{path}:{line_of(path, 'footnotes:')}:1: footnotes: footnote ⁴ of the letter ({small_data / TXT}:{n_txt(small_data, '⁴')}) is missing: "
        "'El comunicado de SEDENA carece de evidencia para descartar los siguientes hec…'"
        f'{DASH}add it with `mark: "⁴"`, the paragraph that calls it, `es:` (verbatim) and `en:`'
    ) in problems(small_data)


def test_a_header_line_that_is_not_the_letters(small_data):
    path = small_data / "letter.yaml"
    old = '  es: "Integrantes del Comité Directivo Alianza para el Gobierno Abierto"'
    n = line_of(path, old)
    new = '  es: "Integrantes del Comité Directivo de la Alianza para el Gobierno Abierto"'
    replace(path, old, new)
    assert problems(small_data) == [
        f"{path}:{n}:{col(new, ' de la') + 1}: addressee.es: differs from the addressee line of the letter ({small_data / TXT}:{n_txt(small_data, 'Integrantes')}): "
        f"the letter has 'Directivo Alianza', this text has 'Directivo de la Alianza'{DASH}{VERBATIM}"
    ]


def test_the_sender_line(small_data):
    path = small_data / "letter.yaml"
    old = "    NÚCLEO DE ORGANIZACIONES DE LA SOCIEDAD CIVIL DE LA ALIANZA PARA EL GOBIERNO ABIERTO EN MÉXICO"
    n = line_of(path, old)
    replace(path, old, old.replace(" EN MÉXICO", ""))
    assert problems(small_data) == [
        f"{path}:{n}:{col(old, 'ABIERTO')}: sender.es: differs from the sender line of the letter ({small_data / TXT}:{n_txt(small_data, 'NÚCLEO')}): "
        f"the letter has 'ABIERTO EN MÉXICO', this text has 'ABIERTO'{DASH}{VERBATIM}"
    ]


def test_the_date_is_the_letters(small_data):
    path = small_data / "letter.yaml"
    replace(path, 'date: "2023-01-16"', 'date: "2023-01-15"')
    n = line_of(path, 'date: "2023-01-15"')
    found = problems(small_data)
    assert found[0] == (
        f"{path}:{n}:7: date: is '2023-01-15', but the letter is dated "
        f"'16 de enero de 2023' ({small_data / TXT}:{n_txt(small_data, 'Ciudad de México')}){DASH}use date: \"2023-01-16\""
    )


# -- the letter file of the folder checked ----------------------------------------------------------


def test_check_data_reads_the_letter_text_of_that_folder(small_data):
    """`check --data DIR` compares DIR's data with DIR's own copy of the letter, when it has one."""
    replace(small_data / TXT, "Causa Natura, A.C.", "Causa Natura A.C.")
    path = small_data / "signatories.yaml"
    assert problems(small_data) == [
        f"{path}:{line_of(path, '    name: Causa Natura, A.C.')}:17: signatories[1].name: 'Causa Natura, A.C.' is not the name the letter gives: "
        f"'Causa Natura A.C.' ({small_data / TXT}:{txt_line(small_data, 'Causa Natura A.C.')}){DASH}write the name exactly as the letter's signature block does"
    ]


def test_a_folder_without_the_letter_text_is_checked_against_the_repositorys(small_data):
    (small_data / TXT).unlink()
    replace(small_data / "signatories.yaml", "    name: Causa Natura, A.C.", "    name: Causa Natura A.C.")
    # (sources.yaml's `file:` of the letter now points at nothing: that rule speaks too)
    (problem,) = [p for p in problems(small_data) if "signatories.yaml" in p]
    assert f"(data/{TXT}:64)" in problem


def test_a_letter_text_without_its_closing_is_reported(small_data):
    replace(small_data / TXT, "A T E N T A M E N T E", "Atentamente")
    assert problems(small_data) == [
        f"{small_data / TXT}:1:1: the letter as received has no letter-spaced closing line (like 'A T E N T A M E N T E') after a header and a body"
        f"{DASH}restore data/{TXT} from the repository; the letter's data is checked against it"
    ]


# -- the requests' quotations -----------------------------------------------------------------------


def test_a_spanish_quotation_from_a_paragraph_the_request_does_not_cite(small_data):
    path = small_data / "requests.yaml"
    index = index_of(path, "requests", "accion-a")
    n = line_of(path, "    letter: [p17]", after="  - id: accion-a")
    replace(path, "    letter: [p17]\n  - id: accion-b", "    letter: [p16]\n  - id: accion-b")
    found = problems(small_data)
    assert (
        f"{path}:{n}:13: requests[{index}].letter: does not cite p17, the paragraph quote.es comes from{DASH}add p17 to `letter:`"
        in found
    )


def test_an_english_quotation_must_start_in_the_cited_translation(small_data):
    path = small_data / "requests.yaml"
    index = index_of(path, "requests", "solicitud-protocolo")
    n = line_of(path, "        from: we formally request")
    replace(path, "        from: we formally request", "        from: we formally ask")
    assert problems(small_data) == [
        f"{path}:{n}:15: requests[{index}].quote.en.from: 'we formally ask' is not in the en translation of p16 in data/letter.yaml"
        f"{DASH}copy the first words of the quotation exactly from that translation; add words until they are found once"
    ]


def test_an_english_quotation_must_start_at_one_place(small_data):
    path = small_data / "requests.yaml"
    index = index_of(path, "requests", "solicitud-protocolo")
    n = line_of(path, "        from: we formally request")
    replace(path, "        from: we formally request", "        from: the")
    assert problems(small_data) == [
        f"{path}:{n}:15: requests[{index}].quote.en.from: 'the' is found more than once in the en translation of p16"
        f"{DASH}copy the first words of the quotation exactly from that translation; add words until they are found once"
    ]


def test_an_english_quotation_must_end_in_the_cited_translation(small_data):
    path = small_data / "requests.yaml"
    index = index_of(path, "requests", "solicitud-protocolo")
    n = line_of(path, "        to: have been violated.")
    replace(path, "        to: have been violated.", "        to: were violated.")
    assert problems(small_data) == [
        f"{path}:{n}:13: requests[{index}].quote.en.to: 'were violated.' is not in the en translation of p16 after the words of `from`"
        f"{DASH}copy the last words of the quotation exactly from that translation"
    ]


def test_the_english_quotation_follows_the_translation(small_data):
    """The quotation is cut from the letter's translation: editing the translation changes it, with no second copy."""
    from casefile.load import load
    from casefile.load.quotes import quoted

    replace(
        small_data / "letter.yaml",
        "we formally request that the Rapid Response Protocol",
        "we formally ask that the Rapid Response Protocol",
    )
    replace(small_data / "requests.yaml", "        from: we formally request", "        from: we formally ask")
    assert problems(small_data) == []
    dataset = load(small_data)
    request = next(r for r in dataset.requests if r["id"] == "solicitud-protocolo")
    english = quoted(dataset.letter, request, "en")
    assert english.startswith(
        "we formally ask that the Rapid Response Protocol (Protocolo de Respuesta Rápida) be initiated,"
    )
    assert english.endswith("that govern the Partnership, have been violated.")


# -- sources ----------------------------------------------------------------------------------------


def test_a_title_that_drifted_from_own_title(small_data):
    path = small_data / "sources.yaml"
    old = '    title: "Página de casos del sitio Ejército Espía"'
    n = line_of(path, old)
    replace(path, old, '    title: "Página de casos de Ejército Espía"')
    index = index_of(path, "sources", "ejercitoespia-r3d-casos")
    assert problems(small_data) == [
        f"{path}:{n}:12: sources[{index}].title: is 'Página de casos de Ejército Espía', but own_title.es is 'Página de casos del sitio Ejército Espía'"
        f"{DASH}repeat own_title.es here word for word (the site reads `title` until it reads own_title)"
    ]


def test_a_translation_without_the_footnote_mark(small_data):
    path = small_data / "letter.yaml"
    mark = line_of(path, '    mark: "¹"')
    replace(
        path,
        "on 2 October last the #EjércitoEspía¹ investigation",
        "on 2 October last the #EjércitoEspía investigation",
    )
    assert problems(small_data) == [
        f"{path}:{mark}:11: footnotes[0].mark: mark ¹ does not appear in the en text of p6{DASH}put ¹ in p6.en where the letter calls the footnote"
    ]


def test_footnotes_out_of_the_letters_order(small_data):
    path = small_data / "letter.yaml"
    text = path.read_text("utf-8")
    fn1, fn2, fn3 = text.index("  - id: fn1\n"), text.index("  - id: fn2\n"), text.index("  - id: fn3\n")
    path.write_text(text[:fn1] + text[fn2:fn3] + text[fn1:fn2] + text[fn3:], "utf-8")
    assert problems(small_data) == [
        f"{path}:{line_of(path, '  - id: fn2')}:5: footnotes[0]: footnote ² stands where the letter has footnote ¹{DASH}keep the footnotes in the letter's order"
    ]
