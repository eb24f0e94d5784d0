"""The next year's IKI, then what changed: `tahun_baru` keeps the structure and moves this
year's value into the baseline; `banding` lists exactly the changes a test makes."""

from __future__ import annotations

import pytest

from iki_xl.core.banding import EMPTY, JenisPerubahan, Perubahan, banding
from iki_xl.core.model import Dokumen, Indikator, Jabatan, JenisFormula, Kinerja, Komponen
from iki_xl.core.tahun_baru import tahun_baru
from tests.io.conftest import contoh

EXAMPLES = ["probolinggo", "sampang"]


def indikator(doc: Dokumen) -> list[Indikator]:
    return [i for jab in doc.jabatan for _, i in jab.semua_indikator()]


@pytest.mark.parametrize("name", EXAMPLES)
def test_structure_kept_figures_emptied_year_moved(name: str) -> None:
    doc = contoh(name)
    before = doc.model_copy(deep=True)
    new = tahun_baru(doc, 2025).dokumen
    assert doc == before  # the source is not changed
    assert new.instansi.tahun == 2025
    assert (new.instansi.nomor_keputusan, new.instansi.tanggal_keputusan) == ("", "")
    assert new.instansi.menimbang == doc.instansi.menimbang  # the planner's text as written
    assert [j.nama for j in new.jabatan] == [j.nama for j in doc.jabatan]
    assert [(j.tugas, j.fungsi) for j in new.jabatan] == [(j.tugas, j.fungsi) for j in doc.jabatan]
    for old, ind in zip(indikator(doc), indikator(new), strict=True):
        assert (ind.nama, ind.formulasi, ind.jenis, ind.sumber_data) == (
            old.nama, old.formulasi, old.jenis, old.sumber_data
        )  # fmt: skip
        assert [k.kode for k in ind.komponen] == [k.kode for k in old.komponen]
        assert ind.target is None and ind.target_triwulan == [None] * 4
        assert ind.realisasi == [None] * 4
        assert all(k.realisasi == [None] * 4 for k in ind.komponen)
        assert ind.faktor_pendukung == ind.faktor_penghambat == ind.tindak_lanjut == [""] * 4


def test_baseline_is_this_year_s_value_once_the_year_is_complete() -> None:
    doc = contoh("probolinggo")
    result = tahun_baru(doc, 2025)
    sekretaris = result.dokumen.jabatan[0].semua_indikator()
    # persentase, akhir: TW IV's 86 of 90
    assert sekretaris[0][1].baseline == pytest.approx(86 / 90 * 100)
    # TW IV empty: no baseline, and the planner is told which and why
    assert result.baseline_kosong and all("TW IV" in why for why in result.baseline_kosong)
    filled = sum(i.baseline is not None for i in indikator(result.dokumen))
    assert filled == result.baseline_diisi > 0


def test_baseline_of_a_penurunan_is_the_level_measured_not_the_change() -> None:
    ind = Indikator(nama="Penurunan angka kemiskinan", jenis=JenisFormula.PENURUNAN,
                    baseline=10.0, komponen=[Komponen(kode="A", nama="angka kemiskinan",
                                                      realisasi=[9.8, 9.6, 9.5, 9.2])])  # fmt: skip
    doc = Dokumen(jabatan=[Jabatan(id="a", nama="A", kinerja=[Kinerja(indikator=[ind])])])
    new = tahun_baru(doc, 2026).dokumen
    assert new.jabatan[0].kinerja[0].indikator[0].baseline == pytest.approx(9.2)


def test_the_new_year_comes_after_the_old() -> None:
    with pytest.raises(ValueError, match="sesudah 2024"):
        tahun_baru(contoh("sampang"), 2024)


def mutate(doc: Dokumen) -> tuple[Dokumen, list[Perubahan]]:
    """Edit a document as a planner would between two years; the changes made, in the order
    banding reports them (the new document's jabatan order, removed jabatan last)."""
    new = doc.model_copy(deep=True)
    expected: list[Perubahan] = []
    removed = new.jabatan.pop(2)
    renamed = new.jabatan[1]
    old_name = renamed.nama.strip()
    renamed.nama = old_name + " (Baru)"
    expected.append(Perubahan(JenisPerubahan.JABATAN_DIUBAH, renamed.nama, lama=old_name,
                              baru=renamed.nama))  # fmt: skip
    first = next(j for j in new.jabatan if len(j.semua_indikator()) >= 2)
    (kin, reworded), (gone_kin, gone) = first.semua_indikator()[:2]
    old_ind = reworded.nama.strip()
    reworded.nama = old_ind.replace("Persentase", "Prosentase", 1) + " setiap triwulan"
    expected.append(Perubahan(JenisPerubahan.INDIKATOR_DIUBAH, first.nama.strip(),
                              reworded.nama, old_ind, reworded.nama))  # fmt: skip
    reworded.target = 95
    expected.append(Perubahan(JenisPerubahan.TARGET_DIUBAH, first.nama.strip(), reworded.nama,
                              EMPTY, "95"))  # fmt: skip
    gone_kin.indikator.remove(gone)
    added = Indikator(nama="Jumlah rapat koordinasi lintas bidang", satuan="kali")
    kin.indikator.append(added)
    # the order within a jabatan: the new list's (reworded, …, added), then the removed one
    tail = [Perubahan(JenisPerubahan.INDIKATOR_BARU, first.nama.strip(), added.nama),
            Perubahan(JenisPerubahan.INDIKATOR_DIHAPUS, first.nama.strip(), gone.nama.strip())]  # fmt: skip
    expected += tail
    new.jabatan.append(Jabatan(id="jabatan-baru", nama="Kepala Seksi Data dan Informasi"))
    expected.append(Perubahan(JenisPerubahan.JABATAN_BARU, "Kepala Seksi Data dan Informasi"))
    expected.append(Perubahan(JenisPerubahan.JABATAN_DIHAPUS, removed.nama.strip()))
    return new, expected


@pytest.mark.parametrize("name", EXAMPLES)
def test_tahun_baru_then_banding_lists_exactly_the_changes_made(name: str) -> None:
    doc = contoh(name)
    lama = tahun_baru(doc, 2025).dokumen
    baru, expected = mutate(lama)
    changes = banding(lama, baru)
    # the renamed jabatan's changes come where it stands: sort both by position for the check
    assert sorted(changes, key=repr) == sorted(expected, key=repr)
    assert banding(lama, lama) == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_banding_of_a_year_and_its_successor_lists_only_the_targets_emptied(name: str) -> None:
    doc = contoh(name)
    changes = banding(doc, tahun_baru(doc, 2025).dokumen)
    with_target = [i for i in indikator(doc) if i.target is not None]
    assert len(changes) == len(with_target)
    assert {(c.jenis, c.baru) for c in changes} == {(JenisPerubahan.TARGET_DIUBAH, EMPTY)}
