"""Word lists for the language rules: a small curated list, kept as data.

Every entry was seen in a real IKI document (the seeds `000_…` Kota Probolinggo and
`002_…` Kabupaten Sampang) or is named in DOMAIN.md's list of defects. Keep it small: a
wrong correction costs a planner's trust more than a missed typo. Words KBBI accepts are
not listed ("telantar" is the standard form, "terlantar" a variant: neither is flagged).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# misspelt word (lower case) → correct word (lower case); matched as a whole word, any case
TYPOS: Mapping[str, str] = {
    # DOMAIN.md and both seeds
    "presentase": "persentase",
    "prosentase": "persentase",
    "pengitungan": "penghitungan",
    "verivikasi": "verifikasi",
    "pemerikasaan": "pemeriksaan",
    "pemeriksanaan": "pemeriksaan",
    "jummlah": "jumlah",
    "resposif": "responsif",
    # seed 002 (Sampang)
    "menertima": "menerima",
    "rahab": "rehabilitasi",
    "pemberdayaa": "pemberdayaan",
    "pengeloaan": "pengelolaan",
    "standart": "standar",
    "singkronisasi": "sinkronisasi",
    # seed 000 (Probolinggo)
    "kesejahteran": "kesejahteraan",
    "akuntabilitasi": "akuntabilitas",
    "oelh": "oleh",
    "enterpreneurship": "entrepreneurship",
}

# English words typed for the Indonesian ones (seed 002: "Rehabilitasi social", "system
# informasi"); listed apart because in an English proper name they are right.
ENGLISH: Mapping[str, str] = {
    "social": "sosial",
    "system": "sistem",
}

# Names written in camel case on purpose: never reported as glued words.
CAMEL_CASE_NAMES: frozenset[str] = frozenset(
    {"whatsapp", "youtube", "powerpoint", "linkedin", "javascript", "github", "satusehat"}
)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def match_case(example: str, word: str) -> str:
    """`word` in the letter case of `example`: 'PRESENTASE' → 'PERSENTASE', 'Presentase' → …"""
    if example.isupper() and len(example) > 1:
        return word.upper()
    if example[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def correct_words(text: str, corrections: Mapping[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """The text with every listed word corrected, and the (found, corrected) pairs in order."""
    found: list[tuple[str, str]] = []

    def replace(m: re.Match[str]) -> str:
        word = m.group(0)
        right = corrections.get(word.casefold())
        if right is None:
            return word
        new = match_case(word, right)
        found.append((word, new))
        return new

    return _WORD.sub(replace, text), found
