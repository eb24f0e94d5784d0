"""The reader's jalur → cell map (`reader.Peta`): built lazily, read like a dict.

Indicator blocks are kept as compact records; a lookup is answered from the record
(`_RekamBlok.cari`) and iteration builds the entries (`_RekamBlok.entri`). These tests hold
the two paths equal, prove that a lookup that is not an entry misses, and that what the
reader builds is a model pydantic accepts as it is.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel, ValidationError

from iki_xl.core import model as M
from iki_xl.core.findings import Keparahan, Temuan, tempatkan
from iki_xl.core.model import Dokumen
from iki_xl.io import reader
from iki_xl.io.reader import Peta, baca_grid_jabatan, baca_grids, baca_workbook
from iki_xl.io.writer import tulis_workbook
from tests.io.conftest import contoh
from tests.strategies import dokumen


def _grids(path: Path) -> list[tuple[str, list[list[Any]]]]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    try:
        return [
            (n, wb.get_sheet_by_name(n).to_python(skip_empty_area=False)) for n in wb.sheet_names
        ]
    finally:
        wb.close()


def _meleset(kunci: list[str]) -> set[str]:
    """Near misses of real keys: other indexes, other endings, cut and extended paths."""
    hasil: set[str] = set()
    for k in kunci:
        hasil |= {k + ".x", k + "[0]", k + "[4]", k + ".nama", k + ".realisasi[0]", k[:-1]}
        hasil.add(re.sub(r"\[(\d+)\]$", lambda m: f"[{int(m.group(1)) + 1}]", k))
        hasil.add(re.sub(r"\[(\d+)\]", lambda m: f"[0{m.group(1)}]", k))
        if ".indikator[" in k:
            j = k[: k.index("]", k.index(".indikator[")) + 1]
            for akhir in (
                ".realisasi",
                ".realisasi[3]",
                ".realisasi[4]",
                ".komponen",
                ".komponen[0]",
                ".komponen[2].realisasi[1]",
                ".komponen[0].realisasi",
                ".komponen[0].kode.x",
                ".skala",
                ".skala[0].bawah",
                ".skala[3].atas",
                ".skala[0].realisasi[0]",
                ".target.bawah",
                ".target.x",
                ".sumber_data",
                ".tidak_ada",
            ):
                hasil.add(j + akhir)
    return hasil - set(kunci)


def _periksa_peta(lembar: list[tuple[str, list[list[Any]]]]) -> None:
    lengkap = baca_grids(lembar).peta  # built in full by iteration
    semua = dict(lengkap)
    assert len(lengkap) == len(semua) == len(list(lengkap))
    segar = baca_grids(lembar).peta  # answered from the records, nothing built
    for k, v in semua.items():
        assert k in segar, k
        assert segar[k] == v, k
        assert segar.get(k) == v, k
    for k in _meleset(list(semua)):
        assert k not in segar, k
        assert segar.get(k) is None, k
        with pytest.raises(KeyError):
            segar[k]
    assert 1 not in segar  # type: ignore[comparison-overlap]
    assert segar == semua and dict(segar) == semua and list(segar) == list(semua)


@pytest.mark.parametrize("nama", ["probolinggo", "sampang"])
def test_peta_contoh(nama: str, tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    tulis_workbook(contoh(nama), path)
    _periksa_peta(_grids(path))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(doc=dokumen())
def test_peta_hypothesis(doc: Dokumen, tmp_path: Path) -> None:
    path = tmp_path / "h.xlsx"
    tulis_workbook(doc, path)
    _periksa_peta(_grids(path))
    _dokumen_valid(baca_workbook(path).dokumen)


def test_peta_grid_bergeser(tmp_path: Path) -> None:
    """xlwings' used_range not starting at A1: cells carry the offset, lookups too."""
    path = tmp_path / "c.xlsx"
    tulis_workbook(contoh("sampang"), path)
    for nama, grid in _grids(path):
        hj = baca_grid_jabatan(nama, [b[2:] for b in grid[3:]], awalan="jabatan[4]", asal=(3, 2))
        if hj is None or hj.kosong:
            continue
        semua = dict(hj.peta)
        segar = baca_grid_jabatan(nama, [b[2:] for b in grid[3:]], awalan="jabatan[4]", asal=(3, 2))
        assert segar is not None
        for k, v in semua.items():
            assert segar.peta[k] == v
        ind = "jabatan[4].kinerja[0].indikator[0]"
        if ind in semua:
            utuh = baca_grid_jabatan(nama, grid, awalan="jabatan[4]")
            assert utuh is not None and utuh.peta[ind] == semua[ind]


def test_peta_dari_dict_dan_tempatkan() -> None:
    p = Peta({"jabatan[0].nama": ("A", "D3")})
    assert dict(p) == {"jabatan[0].nama": ("A", "D3")} and len(p) == 1
    t = Temuan(kode="X", keparahan=Keparahan.INFO, pesan="", jalur="jabatan[0].nama.x")
    assert tempatkan([t], p)[0].sel == "D3"


def _sama_persis(a: object, b: object, jalur: str = "dokumen") -> None:
    """Equal, and of the very same types all the way down (1 == 1.0 would pass ==), with
    every model's fields in the model's order."""
    assert type(a) is type(b), f"{jalur}: {type(a).__name__} ≠ {type(b).__name__}"
    if isinstance(a, BaseModel):
        assert isinstance(b, BaseModel)
        assert list(a.__dict__) == list(b.__dict__) == list(type(a).model_fields), jalur
        for k in a.__dict__:
            _sama_persis(a.__dict__[k], b.__dict__[k], f"{jalur}.{k}")
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), jalur
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _sama_persis(x, y, f"{jalur}[{i}]")
    else:
        assert a == b or (a != a and b != b), f"{jalur}: {a!r} ≠ {b!r}"


def _dokumen_valid(doc: Dokumen) -> None:
    """What the reader built (its indicators without pydantic's validation: reader.
    _terpercaya) is exactly what pydantic makes of its dump, types included, and behaves
    as a validated model: assignment is validated, copies are equal."""
    tervalidasi = Dokumen.model_validate(doc.model_dump())
    assert tervalidasi == doc
    _sama_persis(doc, tervalidasi)
    for jab in doc.jabatan:
        for _, ind in jab.semua_indikator():
            assert ind.model_copy(deep=True) == ind
            with pytest.raises(ValidationError):
                ind.komponen = [M.Komponen(kode="A"), M.Komponen(kode="A")]


@pytest.mark.parametrize("nama", ["probolinggo", "sampang"])
def test_dokumen_terbaca_valid(nama: str, tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    tulis_workbook(contoh(nama), path)
    _dokumen_valid(baca_workbook(path).dokumen)


def test_dokumen_terbaca_valid_dengan_salah_isi(tmp_path: Path) -> None:
    """Planner mistakes in every kind of cell: the read model still validates as is."""
    import datetime as dt
    import random

    path = tmp_path / "c.xlsx"
    tulis_workbook(contoh("probolinggo"), path)
    lembar = _grids(path)
    acak = random.Random(7)
    isi = ["", None, "85%", "1.234,5", "abc", 3.5, -2.0, 7, True, dt.datetime(2024, 1, 2),
           "A B", "A", "Madya", "persentase", "negatif", "range", "12,5", 0.0, "é"]  # fmt: skip
    for _ in range(20):
        ubah = [(n, [list(b) for b in g]) for n, g in lembar]
        for _n, g in ubah:
            for _ in range(30):
                b = acak.randrange(len(g)) if g else 0
                if g and g[b]:
                    g[b][acak.randrange(len(g[b]))] = acak.choice(isi)
        try:
            hasil = baca_grids(ubah)
        except reader.BerkasTidakValid:
            continue
        _dokumen_valid(hasil.dokumen)


def test_kode_komponen_sama_dengan_model() -> None:
    assert reader._KODE.pattern == M._KODE.pattern
