"""The site's languages, defined once: every other module asks here."""

LANGS = ("es", "en")  # the order of the language switcher and of the builds
ORIGINAL = "es"  # the letter's language: the original text, and the default at / for other browsers
NAMES = {"es": "Español", "en": "English"}  # each in its own language: the language switcher
IN_ENGLISH = {"es": "Spanish", "en": "English"}  # in contributors' messages
LOCALES = {
    "es": "es_MX",
    "en": "en_GB",
}  # Open Graph locales: the letter is Mexican; the translation writes British English
