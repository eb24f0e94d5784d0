"""`check(doc)`: every group on the document, every finding (never only the first), never an
exception, never a change to the input; valid documents give no galat; the seeds give no
noise."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iki_xl.core.findings import Severity
from iki_xl.core.formulasi import complete
from iki_xl.core.model import (
    Agregasi,
    Dokumen,
    Indikator,
    Instansi,
    Jabatan,
    JenisFormula,
    JenisJabatan,
    Kinerja,
    Komponen,
    Level,
    Polaritas,
)
from iki_xl.core.rules import GROUP_CHECKS, check
from iki_xl.core.rules.catalogue import RULES
from iki_xl.core.rules.common import Collector
from iki_xl.io.interchange import load
from tests.core.rules.document import (
    CONTOH,
    KD,
    SUB,
    clean_document,
    codes,
    findings_after,
    ind,
)
from tests.strategies import dokumen


def test_clean_document_has_no_finding() -> None:
    assert check(clean_document()) == []


def test_all_findings_are_collected_not_only_the_first() -> None:
    def mutate(d: Dokumen) -> None:
        ind(d, KD).sumber_data = ""
        ind(d, KD).nama = "Presentase PMKS yang tertangani"
        d.jabatan[SUB].tugas = []

    assert {"IKI-I003", "IKI-B001", "IKI-S010"} <= codes(findings_after(mutate))


def _by_group(doc: Dokumen) -> list[tuple[str, list[str]]]:
    """(group letter, codes it reported) of each group run alone on the completed document."""
    completed = complete(doc)
    result = []
    for group, letter in GROUP_CHECKS:
        add = Collector()
        group(completed, add)
        result.append((letter, [f.code for f in add.findings]))
    return result


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dokumen())
def test_each_group_reports_only_its_own_rules_and_check_is_all_of_them(doc: Dokumen) -> None:
    groups = _by_group(doc)
    for letter, found in groups:
        assert all(code[4] == letter for code in found), (letter, found)
    assert [f.code for f in check(doc)] == [code for _, found in groups for code in found]


# ---------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dokumen())
def test_any_document_gives_findings_never_an_exception(doc: Dokumen) -> None:
    before = doc.model_copy(deep=True)
    findings = check(doc)
    assert doc == before
    for f in findings:
        assert f.code in RULES
        assert f.severity is RULES[f.code].severity
        assert f.message and f.jalur.startswith("jabatan[")
        assert int(f.jalur[len("jabatan[") : f.jalur.index("]")]) < len(doc.jabatan)
        assert not (f.sheet or f.cell)  # placing is the reader's cell map's job


# Clean words of the seeds, put together into names no rule can object to.
SASARAN = st.sampled_from(
    [
        "Meningkatnya Kesejahteraan Sosial PMKS",
        "Meningkatnya kualitas pelayanan administrasi perkantoran",
        "Meningkatnya Kualitas Hidup dan Pemberdayaan Perempuan",
        "Mewujudkan Implementasi Kabupaten Layak Anak (KLA)",
        "Meningkatnya partisipasi Potensi Sumber Kesejahteraan Sosial (PSKS)",
    ]
)
OBJECTS = [
    "PMKS",
    "fakir miskin",
    "penyandang disabilitas",
    "anak terlantar",
    "lanjut usia",
    "korban bencana",
    "dokumen perencanaan",
    "laporan keuangan",
    "pegawai",
    "Lembaga Kesejahteraan Sosial (LKS)",
]
VERBS = ["yang ditangani", "yang mendapatkan bantuan", "yang dibina", "yang disusun"]
SUMBER = st.sampled_from(
    [
        "Laporan bulanan penanganan PMKS",
        "Data DTKS (aplikasi SIKS-NG)",
        "Dokumen Renja dan RKA",
        "Daftar hadir kegiatan pembinaan",
        "Hasil evaluasi KLA Kementerian PPPA",
    ]
)
TUGAS = [
    "Menyusun rencana program dan kegiatan;",
    "Membagi tugas, memberi petunjuk dan mengevaluasi hasil kerja bawahan;",
    "Menyiapkan bahan perumusan kebijakan;",
    "Melaksanakan pemantauan dan pengevaluasian pelaksanaan program;",
    "Menyusun laporan pelaksanaan program dan kegiatan.",
]
UNITS = [
    "Sekretariat",
    "Bidang Rehabilitasi Sosial",
    "Bidang Pemberdayaan Sosial",
    "Bidang Perlindungan Anak",
]
SKALA = [
    Level(nama="Pratama", bawah=500, atas=600),
    Level(nama="Madya", bawah=601, atas=700),
    Level(nama="Nindya", bawah=701, atas=800),
]


def _typed(value: int, as_text: bool) -> float | str:
    return str(value) if as_text else value


@st.composite
def valid_indikator(draw: st.DrawFn, what: str, atasan: list[str]) -> Indikator:
    jenis = draw(
        st.sampled_from(
            [JenisFormula.PERSENTASE, JenisFormula.JUMLAH, JenisFormula.STATUS, JenisFormula.RASIO]
        )
    )
    verb = draw(st.sampled_from(VERBS))
    as_text = draw(st.booleans())  # numbers typed as text: an info, never a galat
    filled = draw(st.integers(0, 4))  # quarters filled so far, in order
    mendukung = draw(st.sampled_from(atasan)) if atasan else ""
    sumber = draw(SUMBER)
    if jenis is JenisFormula.STATUS:
        return Indikator(
            nama=f"Status capaian pembinaan {what}",
            jenis=jenis,
            formulasi="Level: Pratama (500–600), Madya (601–700), Nindya (701–800)",
            skala=SKALA,
            satuan="level",
            target=draw(st.sampled_from([level.nama for level in SKALA])),
            realisasi=[
                draw(st.sampled_from(["Pratama", "madya", 650.0])) if i < filled else None
                for i in range(4)
            ],
            sumber_data=sumber,
            mendukung=mendukung,
        )
    if jenis is JenisFormula.JUMLAH:
        values = [draw(st.integers(0, 500)) for _ in range(4)]
        return Indikator(
            nama=f"Jumlah {what} {verb}",
            formulasi=f"ƒ(x) = Σ {what} {verb}",
            satuan=draw(st.sampled_from(["orang", "dokumen", "kegiatan", ""])),
            target=draw(st.integers(1, 2000)),
            komponen=[
                Komponen(
                    kode="A",
                    nama=what,
                    realisasi=[
                        _typed(v, as_text) if i < filled else None for i, v in enumerate(values)
                    ],
                )
            ],
            sumber_data=sumber,
            mendukung=mendukung,
        )
    b = [draw(st.integers(1, 10_000)) for _ in range(4)]
    a = [draw(st.integers(0, x)) for x in b]
    percent = jenis is JenisFormula.PERSENTASE
    return Indikator(
        nama=f"{'Persentase' if percent else 'Rasio'} {what} {verb}",
        formulasi=f"Jumlah {what} {verb}\nJumlah {what} seluruhnya"
        + ("\n× 100%" if percent else ""),
        satuan="%" if percent else "",
        target=draw(st.integers(0, 100)) if percent else draw(st.floats(0.01, 1.0)),
        polaritas=draw(st.sampled_from([Polaritas.POSITIF, Polaritas.NEGATIF])),
        agregasi=draw(st.none() | st.sampled_from(Agregasi)),
        komponen=[
            Komponen(
                kode="A",
                nama=f"{what} {verb}",
                realisasi=[_typed(v, as_text) if i < filled else None for i, v in enumerate(a)],
            ),
            Komponen(
                kode="B",
                nama=f"{what} seluruhnya",
                realisasi=[v if i < filled else None for i, v in enumerate(b)],
            ),
        ],
        sumber_data=sumber,
        mendukung=mendukung,
    )


@st.composite
def valid_jabatan(
    draw: st.DrawFn, jid: str, nama: str, jenis: JenisJabatan, unit: str, atasan: Jabatan | None
) -> Jabatan:
    atasan_indikator = [i.nama for _, i in atasan.semua_indikator()] if atasan else []
    objects = draw(st.lists(st.sampled_from(OBJECTS), min_size=1, max_size=3, unique=True))
    kinerja = [
        Kinerja(sasaran=draw(SASARAN), indikator=[draw(valid_indikator(o, atasan_indikator))])
        for o in objects
    ]
    return Jabatan(
        id=jid,
        nama=nama,
        jenis=jenis,
        unit=unit,
        atasan=atasan.id if atasan else None,
        tugas=draw(st.lists(st.sampled_from(TUGAS), min_size=1, max_size=4, unique=True)),
        fungsi=(
            draw(st.lists(st.sampled_from(TUGAS), min_size=1, max_size=3, unique=True))
            if jenis in (JenisJabatan.JPT_PRATAMA, JenisJabatan.ADMINISTRATOR)
            else draw(st.sampled_from([[], ["-"]]))
        ),
        kinerja=kinerja,
    )


@st.composite
def valid_dokumen(draw: st.DrawFn) -> Dokumen:
    kd = draw(
        valid_jabatan(
            "kepala-dinas", "Kepala Dinas Sosial", JenisJabatan.JPT_PRATAMA, "Pimpinan", None
        )
    )
    jabatan = [kd]
    for a, unit in enumerate(
        draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True))
    ):
        admin = draw(
            valid_jabatan(f"admin-{a}", f"Kepala {unit}", JenisJabatan.ADMINISTRATOR, unit, kd)
        )
        jabatan.append(admin)
        for s in range(draw(st.integers(0, 2))):
            pengawas = draw(
                valid_jabatan(
                    f"pengawas-{a}-{s}",
                    f"Kepala Seksi {s + 1} {unit}",
                    JenisJabatan.PENGAWAS,
                    unit,
                    admin,
                )
            )
            jabatan.append(pengawas)
            if draw(st.booleans()):
                jabatan.append(
                    draw(
                        valid_jabatan(
                            f"pelaksana-{a}-{s}",
                            f"Pengadministrasi Umum {s + 1} {unit}",
                            JenisJabatan.PELAKSANA,
                            unit,
                            pengawas,
                        )
                    )
                )
    return Dokumen(
        instansi=Instansi(pemerintah="Kabupaten Contoh", nama="Dinas Sosial"), jabatan=jabatan
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_dokumen())
def test_valid_documents_have_no_galat(doc: Dokumen) -> None:
    galat = [(f.code, f.jalur, f.message) for f in check(doc) if f.severity is Severity.GALAT]
    assert galat == []


# ---------------------------------------------------------------- the seeds: no noise


@pytest.mark.parametrize("name", ["sampang", "probolinggo"])
def test_no_noise_on_the_seeds(name: str) -> None:
    """Read as a planner would: nothing flagged that the seed has right."""
    findings = check(load(CONTOH / f"{name}.yaml"))
    # an Administrator without atasan is expected in an eselon III & IV document
    assert "IKI-S005" not in codes(findings)
    # acronyms, office names and hyphenated words are not glued words
    for f in findings:
        if f.code == "IKI-B002":
            assert not re.search(r"'(PMKS|SKPD|PPPA|Dinsos|Hari-hari)", f.message), f.message
    # 'telantar' is standard Indonesian (KBBI)
    assert not any("telantar" in f.message.lower() for f in findings if f.code.startswith("IKI-B"))
    # every finding is described by the catalogue and names its jabatan
    for f in findings:
        assert f.severity is RULES[f.code].severity
        assert f.jabatan and f.jalur and f.message and f.saran


@pytest.mark.parametrize(("name", "limit"), [("sampang", 60), ("probolinggo", 110)])
def test_finding_counts_on_the_seeds_stay_readable(name: str, limit: int) -> None:
    """Noise destroys trust: a guard against a rule that starts firing everywhere."""
    assert len(check(load(CONTOH / f"{name}.yaml"))) <= limit
