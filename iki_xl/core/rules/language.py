"""Language rules (IKI-B…): the Indonesian spell check (misspellings, glued words, English
words, non-standard forms), a word twice, spacing and punctuation, an acronym that repeats a
word of its expansion, a text cut off.

Every text a planner wrote is checked: jabatan name, tugas, fungsi, sasaran, and each
indicator's nama, formulasi, penjelasan, sumber data and mendukung. The spell check
(`core.spelling`) accepts the Dinas's own vocabulary (its acronyms, names, units, the words
it uses throughout) and loads its word lists on first use. A finding's saran names each
word with its suggestion: "Presentase → Persentase".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from iki_xl.core.model import Dokumen, Jabatan
from iki_xl.core.rules.common import Collector, quote
from iki_xl.core.rules.text import abbreviation_repeats, document_expansions, truncated
from iki_xl.core.spelling import (
    BAKU,
    ENGLISH,
    GLUED,
    REPEATED_WORD,
    SPACING,
    TYPO,
    Misspelling,
    check_text,
    document_vocabulary,
    kamus,
)
from iki_xl.core.spelling.check import context_of

_WORD_CODES = {
    TYPO: "IKI-B001",
    GLUED: "IKI-B002",
    REPEATED_WORD: "IKI-B003",
    ENGLISH: "IKI-B007",
    BAKU: "IKI-B008",
}
_SPACING_CODES = {"double_space": "IKI-B004", "hyphen": "IKI-B005", "no_space_after": "IKI-B006"}
_LABELS = {
    "IKI-B001": "Salah ketik",
    "IKI-B002": "Kata berdempet",
    "IKI-B003": "Kata berulang",
    "IKI-B005": "Tanda hubung diikuti spasi",
    "IKI-B006": "Tidak ada spasi setelah koma",
    "IKI-B007": "Kata bahasa Inggris",
    "IKI-B008": "Bentuk tidak baku",
    "IKI-B009": "Spasi atau tanda baca",
}
_INDIKATOR_TEXTS = ("nama", "formulasi", "penjelasan", "sumber_data", "mendukung")


def code_of(m: Misspelling) -> str:
    """The rule a spell-check finding belongs to."""
    if m.kind == SPACING:
        return _SPACING_CODES.get(m.variant, "IKI-B009")
    return _WORD_CODES[m.kind]


def _written(m: Misspelling) -> str:
    return m.context or m.word


def _message_item(code: str, m: Misspelling) -> str:
    """How the message names one finding: the word, with its suggestion where there is one."""
    if code in ("IKI-B002", "IKI-B003", "IKI-B005", "IKI-B006", "IKI-B009"):
        return f"'{_written(m)}'"
    if m.suggestion is None:
        return f"'{m.word}' (tidak dikenal)"
    return f"'{m.word}' → '{m.suggestion}'"


def saran_item(m: Misspelling) -> str:
    """One correction as the saran reads it: "kata → usulan"."""
    if m.kind == SPACING:
        return f"'{_written(m)}' → '{m.suggestion}'"
    if m.suggestion is None:
        if m.kind == ENGLISH:
            return f"ganti '{m.word}' dengan kata bahasa Indonesia"
        return f"periksa ejaan '{m.word}' (bila nama atau singkatan, biarkan)"
    return f"{m.word} → {m.suggestion}"


def _grouped(found: list[Misspelling]) -> dict[str, list[Misspelling]]:
    """The findings of one text by rule, each correction once, in order of the text."""
    by_code: dict[str, dict[tuple[str, str | None, str], Misspelling]] = {}
    for m in found:
        by_code.setdefault(code_of(m), {}).setdefault((_written(m), m.suggestion, m.kind), m)
    return {code: list(ms.values()) for code, ms in by_code.items()}


def _findings_of(text: str, found: list[Misspelling]) -> Iterator[tuple[str, str, str]]:
    """(code, message, saran) of one text: one finding per rule, every word in it."""
    for code, ms in _grouped(found).items():
        if code == "IKI-B004":
            message = f"Spasi ganda di {quote(text)}."
        else:
            message = f"{_LABELS[code]}: " + ", ".join(_message_item(code, m) for m in ms) + "."
        yield code, message, "; ".join(saran_item(m) for m in ms) + "."


@dataclass
class _Speller:
    """The spell check of one document: its vocabulary and word counts, computed once, and
    each text's findings (texts recur: copied lists, repeated formula lines)."""

    accepted: frozenset[str]
    context: Mapping[str, int]
    memo: dict[str, list[Misspelling]]

    @classmethod
    def of(cls, doc: Dokumen, texts: list[str]) -> _Speller:
        kb = kamus()
        return cls(document_vocabulary(doc, kb), context_of(texts), {})

    def __call__(self, text: str) -> list[Misspelling]:
        found = self.memo.get(text)
        if found is None:
            found = self.memo[text] = check_text(text, self.accepted, kamus(), self.context)
        return found


def texts_of(doc: Dokumen) -> Iterator[tuple[int, Jabatan, str, str, str]]:
    """(jabatan no, jabatan, jalur, field, text) of every text a planner wrote."""
    for j, jab in enumerate(doc.jabatan):
        p = f"jabatan[{j}]"
        yield j, jab, f"{p}.nama", "nama", jab.nama
        for t, text in enumerate(jab.tugas):
            yield j, jab, f"{p}.tugas[{t}]", "tugas", text
        for f, text in enumerate(jab.fungsi):
            yield j, jab, f"{p}.fungsi[{f}]", "fungsi", text
        for k, kin in enumerate(jab.kinerja):
            yield j, jab, f"{p}.kinerja[{k}].sasaran", "sasaran", kin.sasaran
            for n, ind in enumerate(kin.indikator):
                for field in _INDIKATOR_TEXTS:
                    q = f"{p}.kinerja[{k}].indikator[{n}].{field}"
                    yield j, jab, q, field, getattr(ind, field)


def _text_findings(
    text: str, whole: bool, speller: _Speller, expansions: dict[str, str]
) -> list[tuple[str, str, str]]:
    """(code, message, saran) of one text; `whole` adds the acronym and truncation rules
    (not for a mendukung cell: the atasan's indicator name, checked where it is written)."""
    found = list(_findings_of(text, speller(text)))
    if not whole:
        return found
    for r in abbreviation_repeats(text, expansions):
        found.append(
            (
                "IKI-B010",
                f"Singkatan '{r.acronym}' mengulang kata '{r.word}' dari kepanjangannya "
                f"('{r.expansion}').",
                f"'{r.written}' → '{r.acronym}' (atau tulis kepanjangannya saja).",
            )
        )
    why = truncated(text)
    if why:
        found.append(("IKI-B011", f"Teks terpotong: {why}: {quote(text, 70)}.", ""))
    return found


def check_language(doc: Dokumen, add: Collector) -> None:
    texts = [t for t in texts_of(doc) if t[4]]
    if not texts:
        return
    speller = _Speller.of(doc, [t[4] for t in texts])
    expansions = document_expansions(t[4] for t in texts)
    memo: dict[tuple[str, bool], list[tuple[str, str, str]]] = {}  # texts recur
    for _j, jab, jalur, field, text in texts:
        key = (text, field != "mendukung")
        found = memo.get(key)
        if found is None:
            found = memo[key] = _text_findings(text, key[1], speller, expansions)
        for code, message, saran in found:
            add(code, jab, jalur, message, saran)
