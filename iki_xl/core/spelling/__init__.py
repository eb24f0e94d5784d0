"""Indonesian spell check for IKI texts: a maintained word list (LibreOffice's hunspell-id,
wordfreq), short curated lists of non-standard forms and English words, the Dinas' own
vocabulary, and suggestions by edit distance (rapidfuzz)."""

from iki_xl.core.spelling.check import (
    BAKU,
    ENGLISH,
    GLUED,
    REPEATED_WORD,
    SPACING,
    TYPO,
    Misspelling,
    check_text,
    check_word,
    misspellings,
    repeated_words,
    spacing_issues,
    vocabulary,
)
from iki_xl.core.spelling.dictionary import Kamus, kamus
from iki_xl.core.spelling.document import (
    document_misspellings,
    document_texts,
    document_vocabulary,
)

__all__ = [
    "BAKU",
    "ENGLISH",
    "GLUED",
    "REPEATED_WORD",
    "SPACING",
    "TYPO",
    "Kamus",
    "Misspelling",
    "check_text",
    "check_word",
    "document_misspellings",
    "document_texts",
    "document_vocabulary",
    "kamus",
    "misspellings",
    "repeated_words",
    "spacing_issues",
    "vocabulary",
]
