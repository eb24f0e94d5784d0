"""The bundled Sampang example (seed 002): counts, formula kinds, kept defects, overlay."""

from __future__ import annotations

from pathlib import Path

import pytest

import iki_xl
from iki_xl.core.compute import compute_indikator
from iki_xl.core.formulasi import complete
from iki_xl.core.model import Dokumen, Indikator, JenisFormula, JenisJabatan
from iki_xl.io.interchange import ContohFile, apply_contoh, load, read_yaml

CONTOH = Path(iki_xl.__file__).parent / "data" / "contoh"
DATA = CONTOH / "sampang.yaml"
OVERLAY = CONTOH / "sampang-contoh.yaml"

P = JenisFormula.PERSENTASE

# Read from seed 002_f3f9c42b619b4761.txt by a person, jabatan by jabatan, in document
# order: (number of kinerja/sasaran rows, number of indicators). An empty kinerja cell
# continues the sasaran above; Ka. Sub Bagian Umum prints three sasaran, one indicator.
# NOT computed from the data under test.
COUNTS_READ: dict[str, tuple[int, int]] = {
    "kepala-dinas": (3, 3),
    "sekretaris": (3, 3),
    "kasubag-umum": (3, 1),
    "kabid-rehabilitasi-sosial": (1, 5),
    "kabid-pemberdayaan-sosial": (1, 2),
    "kabid-perlindungan-jaminan-sosial": (1, 3),
    "kabid-pppa": (2, 5),
}

# Every indicator of the document with the kind its formula text states, read by a person:
# (jabatan id, indicator no within the jabatan, kind, first words of the indicator name).
KINDS_READ: list[tuple[str, int, JenisFormula, str]] = [
    ("kepala-dinas", 1, P, "Persentase PMKS yang terpulihkan"),
    ("kepala-dinas", 2, JenisFormula.INDEKS, "Indeks Pemberdayaan Gender"),
    ("kepala-dinas", 3, JenisFormula.STATUS, "Status Capaian Kabupaten Layak Anak"),
    ("sekretaris", 1, P, "Persentase PMKS yang terpulihkan"),
    ("sekretaris", 2, JenisFormula.INDEKS, "Indeks Pemberdayaan Gender"),
    ("sekretaris", 3, JenisFormula.STATUS, "Status Capaian Kabupaten Layak Anak"),
    ("kasubag-umum", 1, P, "Persentase penunjang urusan"),
    ("kabid-rehabilitasi-sosial", 1, P, "Persentase PMKS yang menerima"),
    ("kabid-rehabilitasi-sosial", 2, P, "Persentase penyandang disabilitas"),
    ("kabid-rehabilitasi-sosial", 3, P, "Persentase Anak Terlantar"),
    ("kabid-rehabilitasi-sosial", 4, P, "Persentase lanjut usia terlantar"),
    ("kabid-rehabilitasi-sosial", 5, P, "Persentase Gelandangan dan Pengemis"),
    ("kabid-pemberdayaan-sosial", 1, P, "Persentase fakir miskin"),
    ("kabid-pemberdayaan-sosial", 2, P, "Persentase Taman Makam Pahlawan"),
    ("kabid-perlindungan-jaminan-sosial", 1, P, "Persentase PMKS penerima program"),
    ("kabid-perlindungan-jaminan-sosial", 2, P, "Persentase bantuan KSB"),
    ("kabid-perlindungan-jaminan-sosial", 3, P, "Presentase korban bencana"),
    ("kabid-pppa", 1, P, "Persentase Perangkat Daerah"),
    ("kabid-pppa", 2, P, "Persentase korban kekerasan"),
    ("kabid-pppa", 3, P, "Persentase Organisasi Perempuan"),
    ("kabid-pppa", 4, P, "Persentase Kelembagaan PUHA"),
    ("kabid-pppa", 5, P, "Persentase Anak yang memerlukan"),
]


@pytest.fixture(scope="module")
def raw() -> Dokumen:
    return load(DATA)


@pytest.fixture(scope="module")
def doc(raw: Dokumen) -> Dokumen:
    return complete(raw)


@pytest.fixture(scope="module")
def contoh(doc: Dokumen) -> Dokumen:
    return apply_contoh(doc, OVERLAY)


def _ind(doc: Dokumen, jabatan: str, no: int) -> Indikator:
    jab = doc.cari(jabatan)
    assert jab is not None, jabatan
    return jab.semua_indikator()[no - 1][1]


# ---------------------------------------------------------------- the document


def test_seven_jabatan_in_document_order(raw: Dokumen) -> None:
    assert [j.id for j in raw.jabatan] == list(COUNTS_READ)
    assert raw.instansi.pemerintah == "Kabupaten Sampang"
    assert raw.instansi.nama == "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak"


@pytest.mark.parametrize(("jabatan", "counts"), list(COUNTS_READ.items()))
def test_kinerja_and_indikator_counts(raw: Dokumen, jabatan: str, counts: tuple[int, int]) -> None:
    jab = raw.cari(jabatan)
    assert jab is not None
    assert (len(jab.kinerja), len(jab.semua_indikator())) == counts


def test_kind_table_covers_every_indikator(raw: Dokumen) -> None:
    every = [(j.id, n) for j in raw.jabatan for n in range(1, len(j.semua_indikator()) + 1)]
    assert every == [(j, n) for j, n, _, _ in KINDS_READ]
    assert len(every) == 22


@pytest.mark.parametrize(
    ("jabatan", "no", "jenis", "name_start"),
    KINDS_READ,
    ids=[f"{j}-{n}" for j, n, _, _ in KINDS_READ],
)
def test_formula_kind_detected(
    doc: Dokumen, jabatan: str, no: int, jenis: JenisFormula, name_start: str
) -> None:
    ind = _ind(doc, jabatan, no)
    assert ind.nama.startswith(name_start)
    assert ind.formulasi.strip(), "every indicator prints a formula cell"
    assert ind.jenis is jenis
    if jenis is P:
        assert [k.kode for k in ind.komponen] == ["A", "B"]
        assert all(k.nama for k in ind.komponen)


def test_document_states_no_kind_komponen_or_target(raw: Dokumen) -> None:
    for jab in raw.jabatan:
        for _, ind in jab.semua_indikator():
            assert ind.jenis is None and ind.komponen == [] and ind.target is None
            assert ind.realisasi == [None, None, None, None]
            assert ind.sumber_data == "Dinsos PPPA"


def test_jenis_jabatan_atasan_and_unit(raw: Dokumen) -> None:
    expected = {
        "kepala-dinas": (JenisJabatan.JPT_PRATAMA, None, "Pimpinan"),
        "sekretaris": (JenisJabatan.ADMINISTRATOR, "kepala-dinas", "Sekretariat"),
        "kasubag-umum": (JenisJabatan.PENGAWAS, "sekretaris", "Sekretariat"),
        "kabid-rehabilitasi-sosial": (
            JenisJabatan.ADMINISTRATOR,
            "kepala-dinas",
            "Bidang Rehabilitasi Sosial",
        ),
        "kabid-pemberdayaan-sosial": (
            JenisJabatan.ADMINISTRATOR,
            "kepala-dinas",
            "Bidang Pemberdayaan Sosial",
        ),
        "kabid-perlindungan-jaminan-sosial": (
            JenisJabatan.ADMINISTRATOR,
            "kepala-dinas",
            "Bidang Perlindungan dan Jaminan Sosial",
        ),
        "kabid-pppa": (
            JenisJabatan.ADMINISTRATOR,
            "kepala-dinas",
            "Bidang Pemberdayaan Perempuan dan Perlindungan Anak",
        ),
    }
    assert {j.id: (j.jenis, j.atasan, j.unit) for j in raw.jabatan} == expected


def test_tugas_and_fungsi_complete(raw: Dokumen) -> None:
    # (tugas, fungsi) lines as printed, counted by a person from the seed
    expected = {
        "kepala-dinas": (1, 5),
        "sekretaris": (1, 14),
        "kasubag-umum": (9, 0),
        "kabid-rehabilitasi-sosial": (1, 7),
        "kabid-pemberdayaan-sosial": (1, 7),
        "kabid-perlindungan-jaminan-sosial": (1, 7),
        "kabid-pppa": (1, 8),
    }
    assert {j.id: (len(j.tugas), len(j.fungsi)) for j in raw.jabatan} == expected
    texts = [t for j in raw.jabatan for t in j.tugas + j.fungsi]
    assert all(t == " ".join(t.split()) for t in texts), "wrapped lines joined, spaces collapsed"
    assert not any(t[:2] in {"a.", "b.", "c."} for t in texts), "letters stripped"


# ---------------------------------------------------------------- defects kept as printed


def test_kasubag_umum_tugas_f_equals_g(raw: Dokumen) -> None:
    jab = raw.cari("kasubag-umum")
    assert jab is not None
    f, g = jab.tugas[5], jab.tugas[6]
    assert f == g == "membantu penyelesaian masalah hukum di luar pengadilan (non yudisial);"
    assert jab.fungsi == []  # "3. FUNGSI :" printed empty


def test_sekretaris_kinerja_copies_the_kepala_dinas(raw: Dokumen) -> None:
    kadis, sek = raw.cari("kepala-dinas"), raw.cari("sekretaris")
    assert kadis is not None and sek is not None
    assert sek.kinerja == kadis.kinerja
    assert sek.tugas != kadis.tugas  # only the table is copied


def test_kasubag_umum_sasaran_without_indikator(raw: Dokumen) -> None:
    jab = raw.cari("kasubag-umum")
    assert jab is not None
    assert [(k.sasaran, len(k.indikator)) for k in jab.kinerja] == [
        ("Meningkatnya Kesejahteraan Sosial PMKS", 1),
        ("Meningkatnya Kualitas Hidup dan Pemberdayaan Perempuan", 0),
        ("Mewujudkan Implementasi Kabupaten Layak Anak (KLA)", 0),
    ]
    # the odd fraction: "× 100%" printed after the numerator and glued to the denominator
    ind = jab.kinerja[0].indikator[0]
    assert ind.formulasi.count("× 100%") == 2
    assert ind.formulasi.splitlines()[1].endswith("perkantoran× 100%")


def test_empty_kinerja_cell_continues_the_sasaran_above(raw: Dokumen) -> None:
    pppa = raw.cari("kabid-pppa")
    assert pppa is not None
    kla = pppa.kinerja[1]
    assert kla.sasaran == "Mewujudkan Implementasi Kabupaten Layak Anak (KLA)"
    assert [i.nama.split(" yang")[0] for i in kla.indikator] == [
        "Persentase korban kekerasan terhadap perempuan dan anak",
        "Persentase Organisasi Perempuan",
        "Persentase Kelembagaan PUHA",
        "Persentase Anak",
    ]


def test_typos_kept_as_printed(raw: Dokumen) -> None:
    linjam = raw.cari("kabid-perlindungan-jaminan-sosial")
    assert linjam is not None
    assert linjam.kinerja[0].indikator[2].nama.startswith("Presentase korban bencana")
    assert linjam.kinerja[0].indikator[1].formulasi.startswith("Jummlah Korban Bencana alam")
    rehab = _ind(raw, "kabid-rehabilitasi-sosial", 1)
    assert "menertima pelayanan dan rahab sosial" in rehab.formulasi
    assert "resposif gender ( PPRG )" in _ind(raw, "kabid-pppa", 1).nama
    kadis = raw.cari("kepala-dinas")
    assert kadis is not None
    assert "Pemberdayaa Perempuan" in kadis.fungsi[2]


def test_idg_expression_lin_dist_defines_linc(raw: Dokumen, doc: Dokumen) -> None:
    assert _ind(raw, "kepala-dinas", 2).formulasi.splitlines() == [
        "IDG: 1/3 (Ipar+IDM+Lin-Dist)",
        "Ipar= indeks keterwakilan di parlemen",
        "IDM= indeks pengambilan keputusan",
        "Linc= indeks distribusi pendapatan.",
    ]
    idg = _ind(doc, "kepala-dinas", 2)
    assert [k.kode for k in idg.komponen] == ["Ipar", "IDM", "Linc"]
    assert "Lin-Dist" in idg.ekspresi


def test_kla_without_formula_or_skala(doc: Dokumen) -> None:
    kla = _ind(doc, "kepala-dinas", 3)
    assert kla.formulasi == "-"
    assert kla.satuan == "level"
    assert kla.skala == [] and kla.komponen == []


# ---------------------------------------------------------------- example figures overlay


def test_overlay_is_labelled_contoh() -> None:
    overlay = ContohFile.model_validate(read_yaml(OVERLAY))
    assert "CONTOH" in overlay.keterangan and "BUKAN dari dokumen asli" in overlay.keterangan
    assert overlay.instansi["kepala"]["nama"].startswith("CONTOH")
    # one entry per indicator, no duplicates
    assert sorted((i.jabatan, i.no) for i in overlay.isian) == sorted(
        (j, n) for j, n, _, _ in KINDS_READ
    )


def test_overlay_instansi(contoh: Dokumen) -> None:
    ins = contoh.instansi
    assert ins.tahun == 2024
    assert ins.pemerintah == "Kabupaten Sampang"  # the document's own fields survive
    assert ins.nomor_keputusan.startswith("CONTOH")
    assert len(ins.menimbang) == 2
    assert any("Nomor 23 Tahun 2014 tentang Pemerintahan Daerah" in m for m in ins.mengingat)
    assert any("Nomor 29 Tahun 2014" in m for m in ins.mengingat)


def test_overlay_capaian_of_the_numbers(contoh: Dokumen) -> None:
    predikats = set()
    for jab, no, jenis, _ in KINDS_READ:
        if jenis is not P:
            continue
        h = compute_indikator(_ind(contoh, jab, no), contoh.skala_predikat)
        assert h.capaian_to_date.value is not None, (jab, no, h.capaian_to_date.reason)
        assert 40 < h.capaian_to_date.value < 130
        if h.complete:
            predikats.add(h.predikat)
    assert len(predikats) >= 3, "example figures should give varied predikat"


def test_overlay_empty_quarter_and_zero_denominator(contoh: Dokumen) -> None:
    # lanjut usia: triwulan IV empty, the value to date takes triwulan III: 150 / 610
    # against 45 — "Rendah" as a year's predikat would judge an unfinished year
    h = compute_indikator(_ind(contoh, "kabid-rehabilitasi-sosial", 4), contoh.skala_predikat)
    assert h.quarters[3].value is None
    assert h.year.value == pytest.approx(150 / 610 * 100)
    assert h.capaian_to_date.value == pytest.approx(150 / 610 * 100 / 45 * 100)
    assert h.capaian.reason == "belum lengkap" and h.predikat == ""
    # korban bencana: no disaster in triwulan I (0 / 0), a reason not a crash
    h = compute_indikator(
        _ind(contoh, "kabid-perlindungan-jaminan-sosial", 3), contoh.skala_predikat
    )
    assert h.quarters[0].reason == "pembagi 0"
    assert h.capaian.value == pytest.approx(310 / 340 * 100)


@pytest.mark.parametrize("jabatan", ["kepala-dinas", "sekretaris"])
def test_overlay_kla_without_skala(contoh: Dokumen, jabatan: str) -> None:
    kla = _ind(contoh, jabatan, 3)
    assert kla.target == "Madya"
    assert kla.realisasi[3] == "Madya"
    h = compute_indikator(kla, contoh.skala_predikat)
    assert h.capaian.value is None
    assert h.capaian.reason == "skala status belum diisi"


@pytest.mark.parametrize("jabatan", ["kepala-dinas", "sekretaris"])
def test_overlay_idg_expression_defect(contoh: Dokumen, jabatan: str) -> None:
    # The figures fill the defined codes Ipar, IDM, Linc; the printed expression names
    # "Lin" and "Dist", so no value: the real defect surfaces as a reason, not a crash.
    idg = _ind(contoh, jabatan, 2)
    assert {k.kode: k.realisasi[3] for k in idg.komponen} == {
        "Ipar": 52.3,
        "IDM": 71.8,
        "Linc": 66.1,
    }
    h = compute_indikator(idg, contoh.skala_predikat)
    assert h.capaian.value is None
    assert "Lin" in h.capaian.reason
