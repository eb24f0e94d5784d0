"""The clean document every rule test starts from, and the helpers that change it.

Each group's tests mutate `clean_document()` so that exactly one rule should fire, at a
known jalur (`TRIGGERS` in each test module), and check near misses that must not fire.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import iki_xl
from iki_xl.core.findings import Finding
from iki_xl.core.model import (
    Dokumen,
    Indikator,
    Instansi,
    Jabatan,
    JenisFormula,
    JenisJabatan,
    Kinerja,
    Komponen,
    Level,
)
from iki_xl.core.rules import check
from iki_xl.core.rules.catalogue import RULES

CONTOH = Path(iki_xl.__file__).parent / "data" / "contoh"  # the bundled real documents

Mutation = Callable[[Dokumen], None]
Trigger = tuple[str, Mutation, str]  # (code, mutation of the clean document, expected jalur)

SKALA_KLA = [
    Level(nama="Pratama", bawah=500, atas=600),
    Level(nama="Madya", bawah=601, atas=700),
    Level(nama="Nindya", bawah=701, atas=800),
    Level(nama="Utama", bawah=801, atas=900),
    Level(nama="KLA", bawah=901, atas=1000),
]

IND_KD = "Persentase PMKS yang tertangani"
IND_SEK = "Jumlah dokumen perencanaan yang disusun"

KD, SEK, SUB = 0, 1, 2  # Kepala Dinas, Sekretaris, Kepala Sub Bagian Umum
I_KD = "jabatan[0].kinerja[0].indikator[0]"
I_SEK = "jabatan[1].kinerja[0].indikator[0]"
I_SUB = "jabatan[2].kinerja[0].indikator[0]"


def clean_document() -> Dokumen:
    """A clean document: no rule fires on it."""
    return Dokumen(
        instansi=Instansi(pemerintah="Kabupaten Contoh", nama="Dinas Sosial"),
        jabatan=[
            Jabatan(
                id="kepala-dinas",
                nama="Kepala Dinas Sosial",
                jenis=JenisJabatan.JPT_PRATAMA,
                unit="Pimpinan",
                tugas=["Membantu Bupati melaksanakan urusan pemerintahan bidang sosial."],
                fungsi=[
                    "perumusan kebijakan bidang sosial;",
                    "pelaksanaan kebijakan bidang sosial.",
                ],
                kinerja=[
                    Kinerja(
                        sasaran="Meningkatnya Kesejahteraan Sosial PMKS",
                        indikator=[
                            Indikator(
                                nama=IND_KD,
                                formulasi="Jumlah PMKS yang tertangani\nJumlah PMKS seluruhnya\n× 100%",
                                sumber_data="Laporan penanganan PMKS (aplikasi SIKS-NG)",
                                satuan="%",
                                target=80,
                                komponen=[
                                    Komponen(
                                        kode="A",
                                        nama="PMKS yang tertangani",
                                        realisasi=[20, 40, 60, 80],
                                    ),
                                    Komponen(
                                        kode="B",
                                        nama="PMKS seluruhnya",
                                        realisasi=[100, 100, 100, 100],
                                    ),
                                ],
                            )
                        ],
                    )
                ],
            ),
            Jabatan(
                id="sekretaris",
                nama="Sekretaris",
                jenis=JenisJabatan.ADMINISTRATOR,
                unit="Sekretariat",
                atasan="kepala-dinas",
                tugas=["Mengoordinasikan perumusan program kerja dan keuangan."],
                fungsi=[
                    "Pengoordinasian perencanaan program kerja Dinas;",
                    "Pengelolaan keuangan Dinas.",
                ],
                kinerja=[
                    Kinerja(
                        sasaran="Meningkatnya kualitas perencanaan dan pelaporan",
                        indikator=[
                            Indikator(
                                nama=IND_SEK,
                                formulasi="ƒ(x) = Σ dokumen perencanaan yang disusun",
                                sumber_data="Dokumen Renja dan RKA",
                                satuan="dokumen",
                                target=4,
                                komponen=[
                                    Komponen(
                                        kode="A", nama="dokumen perencanaan", realisasi=[1, 1, 1, 1]
                                    )
                                ],
                                mendukung=IND_KD,
                            )
                        ],
                    )
                ],
            ),
            Jabatan(
                id="kasubag-umum",
                nama="Kepala Sub Bagian Umum",
                jenis=JenisJabatan.PENGAWAS,
                unit="Sekretariat",
                atasan="sekretaris",
                tugas=[
                    "Melaksanakan urusan rumah tangga dan keprotokolan;",
                    "Melaksanakan kegiatan kehumasan.",
                ],
                fungsi=["-"],
                kinerja=[
                    Kinerja(
                        sasaran="Terwujudnya Kabupaten Layak Anak",
                        indikator=[
                            Indikator(
                                nama="Status Capaian Kabupaten Layak Anak (KLA)",
                                jenis=JenisFormula.STATUS,
                                formulasi="Level: Pratama (500–600), Madya (601–700)",
                                skala=SKALA_KLA,
                                sumber_data="Hasil evaluasi KLA Kementerian PPPA",
                                satuan="level",
                                target="Madya",
                                realisasi=[None, None, None, "Madya"],
                                mendukung=IND_SEK,
                            )
                        ],
                    )
                ],
            ),
        ],
    )


def codes(findings: list[Finding]) -> set[str]:
    return {f.code for f in findings}


def at(findings: list[Finding], code: str) -> list[str]:
    """The jalur of every finding with this code, in order."""
    return [f.jalur for f in findings if f.code == code]


def ind(doc: Dokumen, j: int) -> Indikator:
    """The first indicator of jabatan j."""
    return doc.jabatan[j].kinerja[0].indikator[0]


def findings_after(mutate: Mutation) -> list[Finding]:
    """The findings on the clean document changed by `mutate`."""
    doc = clean_document()
    mutate(doc)
    return check(doc)


def set_kd(**fields: object) -> Mutation:
    """Set fields of the Kepala Dinas' indicator."""

    def mutate(d: Dokumen) -> None:
        for k, v in fields.items():
            setattr(ind(d, KD), k, v)

    return mutate


def set_tugas(j: int, *lines: str) -> Mutation:
    def mutate(d: Dokumen) -> None:
        d.jabatan[j].tugas = list(lines)

    return mutate


def add_jabatan(d: Dokumen, **fields: object) -> None:
    """Append a copy of the Kepala Sub Bagian Umum with some fields changed."""
    copy = d.jabatan[SUB].model_copy(deep=True)
    for k, v in fields.items():
        setattr(copy, k, v)
    d.jabatan.append(copy)


def assert_fires(code: str, mutate: Mutation, jalur: str) -> None:
    """The rule fires at its jalur with the catalogue's severity, a message, a saran and
    the jabatan, and validation leaves the document as it was."""
    doc = clean_document()
    mutate(doc)
    before = doc.model_copy(deep=True)
    findings = check(doc)
    assert jalur in at(findings, code), [(f.code, f.jalur, f.message) for f in findings]
    f = next(f for f in findings if f.code == code and f.jalur == jalur)
    assert f.severity is RULES[code].severity
    assert f.message and f.saran and f.jabatan
    assert doc == before  # validation never changes an input


def jabatan_no(doc: Dokumen, jid: str) -> int:
    """The position of a jabatan in the document, by id."""
    return next(i for i, j in enumerate(doc.jabatan) if j.id == jid)


def group_codes(prefix: str) -> list[str]:
    """The catalogue's codes of one group ('S', 'I', 'N', 'C', 'B')."""
    return sorted(code for code in RULES if code[4] == prefix)
