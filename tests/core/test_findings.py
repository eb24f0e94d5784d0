"""Findings: placement by the longest known jalur prefix, sorting, counting."""

from __future__ import annotations

from iki_xl.core.findings import Keparahan, Temuan, hitung_keparahan, posisi_sel, tempatkan, urutkan


def _t(jalur: str = "", sheet: str = "", sel: str = "", kode: str = "X") -> Temuan:
    return Temuan(kode=kode, keparahan=Keparahan.INFO, pesan="p", jalur=jalur, sheet=sheet, sel=sel)


def test_tempatkan_uses_the_longest_known_prefix() -> None:
    peta = {"jabatan[0].kinerja[1].sasaran": ("A", "B7"), "jabatan[0]": ("A", "A1")}
    hasil = tempatkan(
        [
            _t("jabatan[0].kinerja[1].sasaran"),
            _t("jabatan[0].kinerja[1].indikator[2].nama"),
            _t("instansi.nama"),
        ],
        peta,
    )
    assert [(t.sheet, t.sel) for t in hasil] == [("A", "B7"), ("A", "A1"), ("", "")]


def test_tempatkan_ends_when_no_prefix_is_known() -> None:
    for jalur in ("jabatan[0]", "jabatan", "a.b[3].c", "[2]", "x[1][2]"):
        assert tempatkan([_t(jalur)], {}) == [_t(jalur)]


def test_tempatkan_keeps_a_place_already_set() -> None:
    assert tempatkan([_t("jabatan[0]", "S", "C3")], {"jabatan[0]": ("A", "A1")})[0].sel == "C3"


def test_urutkan_by_sheet_order_row_column() -> None:
    temuan = [
        _t(sheet="B", sel="A2"),
        _t(sheet="A", sel="C10"),
        _t(sheet="A", sel="AA2"),
        _t(sheet="A", sel="B2"),
    ]
    hasil = urutkan(temuan, {"A": 0, "B": 1})
    assert [(t.sheet, t.sel) for t in hasil] == [
        ("A", "B2"),
        ("A", "AA2"),
        ("A", "C10"),
        ("B", "A2"),
    ]
    assert posisi_sel("AA2") == (2, 27) and posisi_sel("") == (0, 0)


def test_hitung_keparahan() -> None:
    jumlah = hitung_keparahan([_t(), Temuan(kode="Y", keparahan=Keparahan.GALAT, pesan="")])
    assert jumlah == {Keparahan.GALAT: 1, Keparahan.PERINGATAN: 0, Keparahan.INFO: 1}
