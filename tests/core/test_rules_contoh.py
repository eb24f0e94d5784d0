"""The rules on the bundled real documents: the defects DOMAIN.md lists, each at its jalur,
and no noise on what is right.

The expected places were read from the seeds by a person (seed 002 Kabupaten Sampang, seed
000 Kota Probolinggo), not computed from the rules under test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import iki_xl
from iki_xl.core.findings import Keparahan, Temuan
from iki_xl.core.formulasi import lengkapi
from iki_xl.core.model import Dokumen
from iki_xl.core.rules import ATURAN, periksa
from iki_xl.io.interchange import muat, terapkan_contoh

CONTOH = Path(iki_xl.__file__).parent / "data" / "contoh"


@pytest.fixture(scope="module")
def sampang() -> Dokumen:
    return muat(CONTOH / "sampang.yaml")


@pytest.fixture(scope="module")
def probolinggo() -> Dokumen:
    return muat(CONTOH / "probolinggo.yaml")


def _j(doc: Dokumen, jid: str) -> int:
    return next(i for i, j in enumerate(doc.jabatan) if j.id == jid)


def _di(temuan: list[Temuan], kode: str) -> set[str]:
    return {t.jalur for t in temuan if t.kode == kode}


# ---------------------------------------------------------------- Sampang (seed 002)


def test_sampang_kasubag_umum_kinerja_rows_without_indicator(sampang: Dokumen) -> None:
    j = _j(sampang, "kasubag-umum")
    temuan = periksa(sampang)
    assert _di(temuan, "IKI-S009") == {
        f"jabatan[{j}].kinerja[1].sasaran",
        f"jabatan[{j}].kinerja[2].sasaran",
    }
    assert all(t.keparahan is Keparahan.GALAT for t in temuan if t.kode == "IKI-S009")


def test_sampang_kasubag_umum_duplicated_tugas_f_g(sampang: Dokumen) -> None:
    j = _j(sampang, "kasubag-umum")
    temuan = [t for t in periksa(sampang) if t.kode == "IKI-S012"]
    assert [t.jalur for t in temuan] == [f"jabatan[{j}].tugas[6]"]
    assert "tugas g sama dengan baris f" in temuan[0].pesan


def test_sampang_sekretaris_table_is_the_kepala_dinas_table(sampang: Dokumen) -> None:
    j = _j(sampang, "sekretaris")
    temuan = [t for t in periksa(sampang) if t.kode == "IKI-S014"]
    assert [t.jalur for t in temuan] == [f"jabatan[{j}].kinerja[0].sasaran"]
    assert "KEPALA DINAS" in temuan[0].pesan


def test_sampang_kla_status_indicators_without_scale(sampang: Dokumen) -> None:
    kd, sek = _j(sampang, "kepala-dinas"), _j(sampang, "sekretaris")
    assert _di(periksa(sampang), "IKI-I009") == {
        f"jabatan[{kd}].kinerja[2].indikator[0].skala",
        f"jabatan[{sek}].kinerja[2].indikator[0].skala",
    }


def test_sampang_idg_expression_names_an_undefined_component(sampang: Dokumen) -> None:
    kd = _j(sampang, "kepala-dinas")
    temuan = [t for t in periksa(sampang) if t.kode == "IKI-I013"]
    assert f"jabatan[{kd}].kinerja[1].indikator[0].ekspresi" in {t.jalur for t in temuan}
    assert "Lin" in temuan[0].pesan


def test_sampang_fractions_printed_without_times_100(sampang: Dokumen) -> None:
    # read from the seed: Kabid Rehabilitasi 5, Kabid Pemberdayaan 1 (the TMP one has it),
    # Kabid Perlindungan 3, Kabid PPPA 5 fractions print no "× 100%"
    temuan = periksa(sampang)
    per_jabatan: dict[str, int] = {}
    for t in temuan:
        if t.kode == "IKI-I007":
            per_jabatan[t.jabatan] = per_jabatan.get(t.jabatan, 0) + 1
    nama = {j.id: j.nama for j in sampang.jabatan}
    assert per_jabatan == {
        nama["kabid-rehabilitasi-sosial"]: 5,
        nama["kabid-pemberdayaan-sosial"]: 1,
        nama["kabid-perlindungan-jaminan-sosial"]: 3,
        nama["kabid-pppa"]: 5,
    }


def test_sampang_misspellings_each_at_its_field(sampang: Dokumen) -> None:
    temuan = [t for t in periksa(sampang) if t.kode == "IKI-B001"]
    kabid_pjs = _j(sampang, "kabid-perlindungan-jaminan-sosial")
    kabid_pppa = _j(sampang, "kabid-pppa")
    harap = {
        f"jabatan[{kabid_pjs}].kinerja[0].indikator[2].nama": "Presentase",
        f"jabatan[{kabid_pjs}].kinerja[0].indikator[1].formulasi": "Jummlah",
        f"jabatan[{kabid_pppa}].kinerja[0].indikator[0].nama": "resposif",
    }
    for jalur, salah in harap.items():
        t = next(t for t in temuan if t.jalur == jalur)
        assert salah in t.pesan
        assert salah not in t.saran


# ---------------------------------------------------------------- Probolinggo (seed 000)


def test_probolinggo_indicators_without_sumber_data(probolinggo: Dokumen) -> None:
    kp = _j(probolinggo, "kasubag-program-keuangan")
    ka = _j(probolinggo, "kasi-rehabilitasi-sosial-anak-lansia")
    assert _di(periksa(probolinggo), "IKI-I003") == {
        f"jabatan[{kp}].kinerja[0].indikator[1].sumber_data",
        f"jabatan[{kp}].kinerja[0].indikator[2].sumber_data",
        f"jabatan[{ka}].kinerja[0].indikator[1].sumber_data",
        f"jabatan[{ka}].kinerja[0].indikator[2].sumber_data",
    }


def test_probolinggo_sekretaris_doubled_word(probolinggo: Dokumen) -> None:
    sek = _j(probolinggo, "sekretaris")
    temuan = [t for t in periksa(probolinggo) if t.kode == "IKI-B003"]
    assert [t.jalur for t in temuan] == [f"jabatan[{sek}].fungsi[7]"]
    assert temuan[0].saran == "Pelaksanaan pengelolaan keuangan Dinas;"


def test_probolinggo_glued_kepala_sub(probolinggo: Dokumen) -> None:
    tu = _j(probolinggo, "kasubag-tata-usaha")
    t = next(t for t in periksa(probolinggo) if t.jalur == f"jabatan[{tu}].nama")
    assert t.kode == "IKI-B002"
    assert t.saran == "Kepala Sub. Bagian Tata Usaha"


def test_probolinggo_kasi_jaminan_sosial_counts_something_else(probolinggo: Dokumen) -> None:
    js = _j(probolinggo, "kasi-jaminan-sosial")
    assert f"jabatan[{js}].kinerja[0].indikator[0].formulasi" in _di(
        periksa(probolinggo), "IKI-I014"
    )


# ---------------------------------------------------------------- both: every misspelling


def _medan_teks(doc: Dokumen) -> list[tuple[str, str]]:
    hasil = []
    for j, jab in enumerate(doc.jabatan):
        hasil.append((f"jabatan[{j}].nama", jab.nama))
        hasil += [(f"jabatan[{j}].tugas[{t}]", s) for t, s in enumerate(jab.tugas)]
        hasil += [(f"jabatan[{j}].fungsi[{f}]", s) for f, s in enumerate(jab.fungsi)]
        for k, kin in enumerate(jab.kinerja):
            hasil.append((f"jabatan[{j}].kinerja[{k}].sasaran", kin.sasaran))
            for n, ind in enumerate(kin.indikator):
                p = f"jabatan[{j}].kinerja[{k}].indikator[{n}]"
                hasil += [
                    (f"{p}.{m}", getattr(ind, m))
                    for m in ("nama", "formulasi", "penjelasan", "sumber_data")
                ]
    return hasil


@pytest.mark.parametrize("berkas", ["sampang", "probolinggo"])
def test_every_presentase_prosentase_pengitungan_is_found_at_its_field(berkas: str) -> None:
    doc = muat(CONTOH / f"{berkas}.yaml")
    salah = re.compile(r"(?i)(presentase|prosentase|pengitungan)")
    harap = {jalur for jalur, teks in _medan_teks(doc) if salah.search(teks)}
    assert harap, "the seed keeps these misspellings"
    temuan = [t for t in periksa(doc) if t.kode == "IKI-B001" and salah.search(t.pesan)]
    assert {t.jalur for t in temuan} == harap
    for t in temuan:
        assert not salah.search(t.saran)


# ---------------------------------------------------------------- noise


@pytest.mark.parametrize("berkas", ["sampang", "probolinggo"])
def test_no_noise_on_the_seeds(berkas: str) -> None:
    """Read as a planner would: nothing flagged that the seed has right."""
    doc = muat(CONTOH / f"{berkas}.yaml")
    temuan = periksa(doc)
    # an Administrator without atasan is expected in an eselon III & IV document
    assert "IKI-S005" not in {t.kode for t in temuan}
    # acronyms, office names and hyphenated words are not glued words
    for t in temuan:
        if t.kode == "IKI-B002":
            assert not re.search(r"'(PMKS|SKPD|PPPA|Dinsos|Hari-hari)", t.pesan), t.pesan
    # 'telantar' is standard Indonesian (KBBI)
    assert not any("telantar" in t.pesan.lower() for t in temuan if t.kode.startswith("IKI-B"))
    # every finding is described by the catalogue and names its jabatan
    for t in temuan:
        assert t.keparahan is ATURAN[t.kode].keparahan
        assert t.jabatan and t.jalur and t.pesan and t.saran


def test_finding_counts_on_the_seeds_stay_readable() -> None:
    """Noise destroys trust: a guard against a rule that starts firing everywhere."""
    for berkas, batas in (("sampang", 60), ("probolinggo", 110)):
        temuan = periksa(muat(CONTOH / f"{berkas}.yaml"))
        assert len(temuan) <= batas, (berkas, len(temuan))


@pytest.mark.parametrize("berkas", ["sampang", "probolinggo"])
def test_example_figures_raise_no_number_galat(berkas: str) -> None:
    doc = terapkan_contoh(
        lengkapi(muat(CONTOH / f"{berkas}.yaml")), CONTOH / f"{berkas}-contoh.yaml"
    )
    galat = {
        t.kode
        for t in periksa(doc)
        if t.kode.startswith("IKI-N") and t.keparahan is Keparahan.GALAT
    }
    # Sampang's example has 0 / 0 in TW I ("no disaster in triwulan I"): no finding
    assert galat == set()
