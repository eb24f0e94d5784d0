"""Language rules (IKI-B…): typos, glued words, a word twice, spacing, English words.

Every text a planner wrote is checked: jabatan name, tugas, fungsi, sasaran, and each
indicator's texts. A finding's saran is the whole text corrected (`corrected_text`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from iki_xl.core.model import Dokumen, Jabatan
from iki_xl.core.rules.common import Collector, quote
from iki_xl.core.rules.words import CAMEL_CASE_NAMES, ENGLISH, TYPOS, correct_words

_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")
_GLUE_POINT = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
_TOKEN = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")
_REPEATED = re.compile(r"\b([^\W\d_]{2,})(\s+)(\1)\b", re.IGNORECASE)
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
_HYPHEN_SPACE = re.compile(r"(?<=[^\W\d_]{2})- +(?=[^\W\d_])")
_NO_SPACE_AFTER_COMMA = re.compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")
_INDIKATOR_TEXTS = ("nama", "formulasi", "penjelasan", "sumber_data", "satuan", "mendukung")


def _split_glued(text: str) -> str:
    """'KepalaSub.' → 'Kepala Sub.'; addresses, URLs and known camel-case names kept."""

    def token(m: re.Match[str]) -> str:
        t = m.group(0)
        if not _GLUED.search(t) or "@" in t or "://" in t or t.lower().startswith("www."):
            return t
        if "".join(_LETTERS.findall(t)).casefold() in CAMEL_CASE_NAMES:
            return t
        return _GLUE_POINT.sub(" ", t)

    return _TOKEN.sub(token, text)


def _same_word_twice(m: re.Match[str]) -> bool:
    return m.group(1).casefold() == m.group(3).casefold()


@lru_cache(maxsize=4096)
def corrected_text(text: str) -> str:
    """The text with every language fix applied: the suggestion of every IKI-B finding."""
    t = _split_glued(text)
    t = correct_words(t, TYPOS)[0]
    t = correct_words(t, ENGLISH)[0]
    t = _REPEATED.sub(lambda m: m.group(1) if _same_word_twice(m) else m.group(0), t)
    t = _HYPHEN_SPACE.sub("-", t)
    t = _NO_SPACE_AFTER_COMMA.sub(", ", t)
    return _DOUBLE_SPACE.sub(" ", t)


def _pairs(found: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"'{a}' → '{b}'" for a, b in found)


@lru_cache(maxsize=4096)
def _findings_of(text: str) -> tuple[tuple[str, str], ...]:
    """((code, message), …) of one text; texts repeat across a document, hence the cache."""
    if corrected_text(text) == text:
        return ()
    found: list[tuple[str, str]] = []
    apart = _split_glued(text)  # misspellings are looked for with glued words apart
    typos = correct_words(apart, TYPOS)[1]
    if typos:
        found.append(("IKI-B001", f"Salah ketik: {_pairs(typos)}."))
    glued = [t for t in _TOKEN.findall(text) if _split_glued(t) != t]
    if glued:
        found.append(
            (
                "IKI-B002",
                "Kata berdempet: " + ", ".join(f"'{t}'" for t in dict.fromkeys(glued)) + ".",
            )
        )
    twice = [m.group(1) for m in _REPEATED.finditer(text) if _same_word_twice(m)]
    if twice:
        found.append(("IKI-B003", "Kata berulang: " + ", ".join(f"'{w} {w}'" for w in twice) + "."))
    if _DOUBLE_SPACE.search(text):
        found.append(("IKI-B004", f"Spasi ganda di {quote(text)}."))
    if _HYPHEN_SPACE.search(text):
        examples = ", ".join(f"'{m.group(0)}'" for m in re.finditer(r"[^\W\d_]+- +[^\W\d_]+", text))
        found.append(("IKI-B005", f"Tanda hubung diikuti spasi: {examples}."))
    if _NO_SPACE_AFTER_COMMA.search(text):
        examples = ", ".join(f"'{m.group(0)}'" for m in re.finditer(r"[^\W\d_]+,[^\W\d_]+", text))
        found.append(("IKI-B006", f"Tidak ada spasi setelah koma: {examples}."))
    english = correct_words(apart, ENGLISH)[1]
    if english:
        found.append(("IKI-B007", f"Kata bahasa Inggris: {_pairs(english)}."))
    return tuple(found)


def _check_text(jab: Jabatan, jalur: str, text: str, add: Collector) -> None:
    if not text:
        return
    for code, message in _findings_of(text):
        add(code, jab, jalur, message, corrected_text(text))


def check_language(doc: Dokumen, add: Collector) -> None:
    for j, jab in enumerate(doc.jabatan):
        p = f"jabatan[{j}]"
        _check_text(jab, f"{p}.nama", jab.nama, add)
        for t, text in enumerate(jab.tugas):
            _check_text(jab, f"{p}.tugas[{t}]", text, add)
        for f, text in enumerate(jab.fungsi):
            _check_text(jab, f"{p}.fungsi[{f}]", text, add)
        for k, kin in enumerate(jab.kinerja):
            _check_text(jab, f"{p}.kinerja[{k}].sasaran", kin.sasaran, add)
            for n, ind in enumerate(kin.indikator):
                for field in _INDIKATOR_TEXTS:
                    q = f"{p}.kinerja[{k}].indikator[{n}].{field}"
                    _check_text(jab, q, getattr(ind, field), add)
