"""data/letter.yaml, data/signatories.yaml and data/requests.yaml against the letter as received.

The comparison itself is the validator's (scripts/casefile/validate/letter_rules.py), so `check`
reports exactly what these tests would: here the real data must pass every one of those rules, and
the reading of data/carta-nosc-2023-01-16.txt they rely on is checked against the letter's shape.
tests/test_letter_rules.py breaks each rule on purpose and checks its exact message.
"""

from __future__ import annotations

import pytest

from casefile.load import letter_text
from casefile.paths import DATA, LETTER_TXT
from casefile.validate import letter_rules


@pytest.fixture(scope="module")
def received():
    return letter_text.read(LETTER_TXT)


def test_the_letter_as_received_is_read_into_its_parts(received):
    """Guards the reading the rules rely on: the header, 17 paragraphs, 4 footnotes, the closing,
    the sender and 12 signatories, the paragraphs split by a page break joined again."""
    assert received.problem == ""
    assert [h.text for h in received.header] == [
        "Ciudad de México, a 16 de enero de 2023",
        "Integrantes del Comité Directivo Alianza para el Gobierno Abierto",
    ]
    assert len(received.paragraphs) == 17
    assert received.paragraphs[0].text.startswith("Como es de su conocimiento")
    assert received.paragraphs[-1].text.endswith("salvaguardar los valores de OGP.")
    assert received.paragraphs[5].text.endswith(
        "el pasado dos de octubre, se publicó la investigación #EjércitoEspía¹, en la que se "
        "revelaron tres nuevos casos de espionaje en contra de periodistas y defensores de Derechos Humanos."
    )
    assert received.paragraphs[11].text.endswith(
        "contundente de la existencia de una conducta ilegal perpetrada por diversas "
        "administraciones y que, sobre todo, vulneran gravemente el espacio cívico seguro "
        "y la confianza que hemos buscado construir entre pares con el gobierno."
    )
    assert list(received.footnotes) == ["¹", "²", "³", "⁴"]
    assert not any(mark in p.text for p in received.paragraphs[:5] for mark in received.footnotes)
    assert received.closing.text == "A T E N T A M E N T E"
    assert received.sender.text.startswith("NÚCLEO DE ORGANIZACIONES")
    assert len(received.signatories) == 12
    assert received.signatories[0].text == "Artículo 19 Oficina para México y Centroamérica"
    assert received.signatories[-1].text == "Transparencia Mexicana"


def test_the_letter_file_of_data_is_the_one_the_rules_read():
    assert letter_text.letter_path(DATA) == LETTER_TXT
    assert LETTER_TXT.parent == DATA


@pytest.mark.parametrize("name, rule", letter_rules.RULES, ids=[name for name, _ in letter_rules.RULES])
def test_the_data_passes(report, name, rule):
    assert [str(p) for p in rule(report.dataset)] == []


def test_the_data_has_the_letters_17_paragraphs_4_footnotes_and_12_signatories(report):
    counts = report.counts()
    assert (counts["paragraphs"], counts["footnotes"], counts["signatories"]) == (17, 4, 12)
