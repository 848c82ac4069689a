"""Small text helpers shared by the checks, the renderer and the search index."""

import unicodedata


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lowercase without accents: 'Ejército Espía' -> 'ejercito espia'."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
