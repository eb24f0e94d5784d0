"""The spell check of a whole Dokumen: its texts with their model path (jalur), its own
vocabulary, and every finding of every text."""

from __future__ import annotations

from collections.abc import Iterator

from iki_xl.core.model import Dokumen
from iki_xl.core.spelling.check import Misspelling, check_text, context_of, vocabulary
from iki_xl.core.spelling.dictionary import Kamus, kamus


def document_texts(doc: Dokumen) -> Iterator[tuple[str, str]]:
    """(jalur, text) for every planner-written text of every jabatan, in document order:
    nama, tugas, fungsi, sasaran, and each indikator's nama, formulasi, penjelasan and
    sumber_data. jalur is the pydantic-style path: "jabatan[3].tugas[5]"."""
    for a, j in enumerate(doc.jabatan):
        p = f"jabatan[{a}]"
        yield f"{p}.nama", j.nama
        for b, t in enumerate(j.tugas):
            yield f"{p}.tugas[{b}]", t
        for b, t in enumerate(j.fungsi):
            yield f"{p}.fungsi[{b}]", t
        for b, k in enumerate(j.kinerja):
            q = f"{p}.kinerja[{b}]"
            yield f"{q}.sasaran", k.sasaran
            for c, i in enumerate(k.indikator):
                r = f"{q}.indikator[{c}]"
                yield f"{r}.nama", i.nama
                yield f"{r}.formulasi", i.formulasi
                yield f"{r}.penjelasan", i.penjelasan
                yield f"{r}.sumber_data", i.sumber_data


def document_vocabulary(doc: Dokumen, kb: Kamus | None = None) -> frozenset[str]:
    """The Dinas' own accepted words: see check.vocabulary. Proper names come from the
    instansi (pemerintah, nama, kota, alamat, kepala), units from every satuan, and formula
    codes from every komponen."""
    ins = doc.instansi
    names = [ins.pemerintah, ins.nama, ins.kota, ins.alamat, ins.kepala.nama]
    units: list[str] = []
    for j in doc.jabatan:
        for _, i in j.semua_indikator():
            units.append(i.satuan)
            units.extend(k.kode for k in i.komponen)
    return vocabulary((t for _, t in document_texts(doc)), names, units, kb)


def document_misspellings(doc: Dokumen, kb: Kamus | None = None) -> list[tuple[str, Misspelling]]:
    """(jalur, finding) for every spelling, spacing and repeated-word finding."""
    kb = kb or kamus()
    accepted = document_vocabulary(doc, kb)
    texts = [(jalur, text) for jalur, text in document_texts(doc) if text]
    context = context_of(t for _, t in texts)
    return [(jalur, m) for jalur, text in texts for m in check_text(text, accepted, kb, context)]
