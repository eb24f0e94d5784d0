"""Properties of `periksa`: valid documents give no galat; any document gives findings, never
an exception, and is never changed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iki_xl.core import rules
from iki_xl.core.findings import Keparahan
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
from iki_xl.core.rules import ATURAN, periksa
from tests.strategies import dokumen

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
OBJEK = [
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
KATA_KERJA = ["yang ditangani", "yang mendapatkan bantuan", "yang dibina", "yang disusun"]
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
UNIT = [
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


def _isian(nilai: float, teks: bool) -> float | str:
    return f"{nilai:g}".replace(".", ",") if teks else nilai


@st.composite
def indikator_valid(draw: st.DrawFn, objek: str, atasan: list[str]) -> Indikator:
    jenis = draw(
        st.sampled_from(
            [JenisFormula.PERSENTASE, JenisFormula.JUMLAH, JenisFormula.STATUS, JenisFormula.RASIO]
        )
    )
    kerja = draw(st.sampled_from(KATA_KERJA))
    teks = draw(st.booleans())  # numbers typed as text: an info, never a galat
    n_tw = draw(st.integers(0, 4))  # quarters filled so far, in order
    mendukung = draw(st.sampled_from(atasan)) if atasan else ""
    sumber = draw(SUMBER)
    if jenis is JenisFormula.STATUS:
        return Indikator(
            nama=f"Status capaian pembinaan {objek}",
            jenis=jenis,
            formulasi="Level: Pratama (500–600), Madya (601–700), Nindya (701–800)",
            skala=SKALA,
            satuan="level",
            target=draw(st.sampled_from([lv.nama for lv in SKALA])),
            realisasi=[
                draw(st.sampled_from(["Pratama", "madya", 650.0])) if i < n_tw else None
                for i in range(4)
            ],
            sumber_data=sumber,
            mendukung=mendukung,
        )
    if jenis is JenisFormula.JUMLAH:
        nilai = [draw(st.integers(0, 500)) for _ in range(4)]
        return Indikator(
            nama=f"Jumlah {objek} {kerja}",
            formulasi=f"ƒ(x) = Σ {objek} {kerja}",
            satuan=draw(st.sampled_from(["orang", "dokumen", "kegiatan", ""])),
            target=draw(st.integers(1, 2000)),
            komponen=[
                Komponen(
                    kode="A",
                    nama=objek,
                    realisasi=[_isian(v, teks) if i < n_tw else None for i, v in enumerate(nilai)],
                )
            ],
            sumber_data=sumber,
            mendukung=mendukung,
        )
    b = [draw(st.integers(1, 10_000)) for _ in range(4)]
    a = [draw(st.integers(0, x)) for x in b]
    persen = jenis is JenisFormula.PERSENTASE
    return Indikator(
        nama=f"{'Persentase' if persen else 'Rasio'} {objek} {kerja}",
        formulasi=f"Jumlah {objek} {kerja}\nJumlah {objek} seluruhnya"
        + ("\n× 100%" if persen else ""),
        satuan="%" if persen else "",
        target=draw(st.integers(0, 100)) if persen else draw(st.floats(0.01, 1.0)),
        polaritas=draw(st.sampled_from([Polaritas.POSITIF, Polaritas.NEGATIF])),
        agregasi=draw(st.none() | st.sampled_from(Agregasi)),
        komponen=[
            Komponen(
                kode="A",
                nama=f"{objek} {kerja}",
                realisasi=[_isian(v, teks) if i < n_tw else None for i, v in enumerate(a)],
            ),
            Komponen(
                kode="B",
                nama=f"{objek} seluruhnya",
                realisasi=[v if i < n_tw else None for i, v in enumerate(b)],
            ),
        ],
        sumber_data=sumber,
        mendukung=mendukung,
    )


@st.composite
def jabatan_valid(
    draw: st.DrawFn, jid: str, nama: str, jenis: JenisJabatan, unit: str, atasan: Jabatan | None
) -> Jabatan:
    nama_atasan = [i.nama for _, i in atasan.semua_indikator()] if atasan else []
    objek = draw(st.lists(st.sampled_from(OBJEK), min_size=1, max_size=3, unique=True))
    kinerja = [
        Kinerja(sasaran=draw(SASARAN), indikator=[draw(indikator_valid(o, nama_atasan))])
        for o in objek
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
def dokumen_valid(draw: st.DrawFn) -> Dokumen:
    kd = draw(
        jabatan_valid(
            "kepala-dinas", "Kepala Dinas Sosial", JenisJabatan.JPT_PRATAMA, "Pimpinan", None
        )
    )
    jabatan = [kd]
    for a, unit in enumerate(
        draw(st.lists(st.sampled_from(UNIT), min_size=1, max_size=3, unique=True))
    ):
        admin = draw(
            jabatan_valid(f"admin-{a}", f"Kepala {unit}", JenisJabatan.ADMINISTRATOR, unit, kd)
        )
        jabatan.append(admin)
        for s in range(draw(st.integers(0, 2))):
            pengawas = draw(
                jabatan_valid(
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
                        jabatan_valid(
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
@given(dokumen_valid())
def test_valid_documents_have_no_galat(doc: Dokumen) -> None:
    galat = [(t.kode, t.jalur, t.pesan) for t in periksa(doc) if t.keparahan is Keparahan.GALAT]
    assert galat == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dokumen())
def test_any_document_gives_findings_never_an_exception(doc: Dokumen) -> None:
    salinan = doc.model_copy(deep=True)
    temuan = periksa(doc)
    assert doc == salinan
    jumlah_jabatan = len(doc.jabatan)
    for t in temuan:
        assert t.kode in ATURAN
        assert t.keparahan is ATURAN[t.kode].keparahan
        assert t.pesan and t.jalur.startswith("jabatan[")
        assert int(t.jalur[len("jabatan[") : t.jalur.index("]")]) < jumlah_jabatan


_KATA_UJI = [
    *rules.SALAH_EJA, *rules.KATA_INGGRIS, "Presentase", "SOCIAL", "data", "Data", "ſocial",
    "jumlah", "pmks", "x", "ab1", "dan", "Kelvin", "ǅ", "İ",
]  # fmt: skip


@given(
    st.lists(
        st.one_of(st.sampled_from(_KATA_UJI), st.text(min_size=1, max_size=6)),
        max_size=8,
    ),
    st.lists(st.sampled_from([" ", "  ", "\n", "-", ", ", ",", "_", "2", "- "]), max_size=8),
)
def test_language_prefilter_agrees_with_the_regex_searches(
    kata: list[str], sela: list[str]
) -> None:
    """The word-set shortcut of `_mungkin_salah` says exactly what the searches say."""
    t = "".join(k + (sela[i] if i < len(sela) else " ") for i, k in enumerate(kata))
    acuan = bool(
        rules._ADA_DEMPET.search(t)
        or rules._ADA_SALAH.search(t)
        or rules._ADA_INGGRIS.search(t)
        or rules._ULANG.search(t)
        or rules._SPASI_GANDA.search(t)
        or rules._HUBUNG_SPASI.search(t)
        or rules._KOMA.search(t)
    )
    assert rules._mungkin_salah(t) == acuan
