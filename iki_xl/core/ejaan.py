"""Spelling data for the language rules: a small curated list, kept as data.

Every entry was seen in a real IKI document (the seeds `000_…` Kota Probolinggo and
`002_…` Kabupaten Sampang) or is named in DOMAIN.md's list of defects. Keep it small: a
wrong correction costs a planner's trust more than a missed typo. Words KBBI accepts are
not listed ("telantar" is the standard form, "terlantar" a variant: neither is flagged).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# misspelt word (lower case) → correct word (lower case); matched as a whole word, any case
SALAH_EJA: Mapping[str, str] = {
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
KATA_INGGRIS: Mapping[str, str] = {
    "social": "sosial",
    "system": "sistem",
}

# Names written in camel case on purpose: never reported as glued words.
NAMA_CAMEL: frozenset[str] = frozenset(
    {"whatsapp", "youtube", "powerpoint", "linkedin", "javascript", "github", "satusehat"}
)

_KATA = re.compile(r"[^\W\d_]+", re.UNICODE)


def ikuti_huruf(contoh: str, kata: str) -> str:
    """`kata` in the letter case of `contoh`: 'PRESENTASE' → 'PERSENTASE', 'Presentase' → …"""
    if contoh.isupper() and len(contoh) > 1:
        return kata.upper()
    if contoh[:1].isupper():
        return kata[:1].upper() + kata[1:]
    return kata


def perbaiki_ejaan(teks: str, daftar: Mapping[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """The text with every listed word corrected, and the (found, corrected) pairs in order."""
    temu: list[tuple[str, str]] = []

    def ganti(m: re.Match[str]) -> str:
        kata = m.group(0)
        benar = daftar.get(kata.casefold())
        if benar is None:
            return kata
        baru = ikuti_huruf(kata, benar)
        temu.append((kata, baru))
        return baru

    return _KATA.sub(ganti, teks), temu
