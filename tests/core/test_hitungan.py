"""One computation per indicator, shared by the rules and the Rekap (`HitunganDokumen`)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

from iki_xl.core.consolidate import rekap_dinas
from iki_xl.core.formulasi import baca_formulasi, lengkapi
from iki_xl.core.hitung import HitunganDokumen, hitung_indikator
from iki_xl.core.model import Dokumen
from iki_xl.core.rules import periksa
from iki_xl.io.interchange import muat, terapkan_contoh
from tests.strategies import dokumen

CONTOH = Path(__file__).resolve().parents[2] / "iki_xl" / "data" / "contoh"


def _contoh(nama: str) -> Dokumen:
    return terapkan_contoh(lengkapi(muat(CONTOH / f"{nama}.yaml")), CONTOH / f"{nama}-contoh.yaml")


def test_rules_and_rekap_share_values_and_change_nothing() -> None:
    for nama in ("probolinggo", "sampang"):
        doc = _contoh(nama)
        h = HitunganDokumen()
        temuan = periksa(doc, hitungan=h)
        assert len(h) > 0  # the capaian review computed something to share
        assert temuan == periksa(doc)
        assert rekap_dinas(doc, temuan, hitungan=h).baris == rekap_dinas(doc, temuan).baris


def test_entries_equal_hitung_indikator() -> None:
    doc = _contoh("probolinggo")
    h = HitunganDokumen()
    periksa(doc, hitungan=h)
    for j, jab in enumerate(doc.jabatan):
        for k, kin in enumerate(jab.kinerja):
            for n, ind in enumerate(kin.indikator):
                assert h.hasil((j, k, n), ind, doc.skala_predikat) == hitung_indikator(
                    ind, doc.skala_predikat
                )


def test_another_document_is_never_answered_from_the_memo() -> None:
    a, b = _contoh("probolinggo"), _contoh("sampang")
    h = HitunganDokumen()
    periksa(a, hitungan=h)
    # same positions, other indicator objects: computed afresh
    assert rekap_dinas(b, [], hitungan=h).baris == rekap_dinas(b, []).baris
    salinan = a.model_copy(deep=True)
    salinan.jabatan[0].kinerja[0].indikator[0].target = 1.0
    assert rekap_dinas(salinan, [], hitungan=h).baris == rekap_dinas(salinan, []).baris


def test_periksa_keeps_what_it_computes_for_the_rekap() -> None:
    doc = _contoh("sampang")
    h = HitunganDokumen()
    periksa(doc, hitungan=h)
    assert len(h) > 0


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(dokumen())
def test_shared_rekap_equals_own(doc: Dokumen) -> None:
    lengkap = lengkapi(doc)
    h = HitunganDokumen()
    temuan = periksa(lengkap, hitungan=h)
    assert temuan == periksa(doc)
    assert rekap_dinas(lengkap, temuan, hitungan=h).baris == rekap_dinas(lengkap, temuan).baris


def test_baca_formulasi_cache_ignores_the_name_beyond_its_kind() -> None:
    teks = "Jumlah A yang ditangani (N-1) / Jumlah A (N-1)"
    naik = baca_formulasi(teks, "Persentase Kenaikan PAD")
    turun = baca_formulasi(teks, "Persentase Penurunan PMKS")
    assert naik.jenis is not turun.jenis  # the growth word still decides
    assert baca_formulasi("A / B × 100%", "Persentase X") == baca_formulasi(
        "A / B × 100%", "Persentase Y lain"
    )
