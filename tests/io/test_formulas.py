"""Headless proof: the written formulas, computed by the `formulas` package with the IKI
functions' Python implementations, give the core's results, cell by cell."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from iki_xl import layout as L
from iki_xl import udfs
from iki_xl.core.hitung import hitung_indikator
from iki_xl.core.model import (
    Agregasi,
    Dokumen,
    Indikator,
    Jabatan,
    JenisFormula,
    Kinerja,
    Komponen,
    Level,
    Polaritas,
    RentangTarget,
)
from iki_xl.io.reader import baca_workbook
from iki_xl.io.writer import tulis_workbook
from tests.io.conftest import contoh

formulas = pytest.importorskip("formulas")
import formulas.functions as ff  # noqa: E402


def _python(v: Any) -> Any:
    """formulas' values (2-D object arrays, `empty`, XlError) → what Excel hands a UDF."""
    if isinstance(v, np.ndarray):
        baris = [[_python(x) for x in r] for r in v.tolist()]
        if len(baris) == 1 and len(baris[0]) == 1:
            return baris[0][0]
        return baris
    if v is None or type(v).__name__ in ("Empty", "_EmptyType") or str(v) == "empty":
        return None
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, bool | int | float | str):
        return v
    return str(v)  # an Excel error value


def _daftar(nama: str) -> None:
    fungsi = getattr(udfs, nama)

    def bungkus(*args: Any) -> Any:
        return fungsi(*(_python(a) for a in args))

    ff.FUNCTIONS[nama] = ff.wrap_func(bungkus)


@pytest.fixture(scope="module", autouse=True)
def _udf_terdaftar() -> None:
    for nama in udfs.__all__:
        _daftar(nama)


def _harap(h: Any) -> float | str:
    return h.nilai if h.nilai is not None else h.alasan


def _bandingkan(doc: Dokumen, path: Path) -> tuple[list[str], int]:
    baca = baca_workbook(path)
    model = formulas.ExcelModel().loads(str(path)).finish()
    hasil = {k.upper(): v for k, v in model.calculate().items()}
    beda: list[str] = []
    n = 0
    for j, jab in enumerate(doc.jabatan):
        for k, kin in enumerate(jab.kinerja):
            for i, ind in enumerate(kin.indikator):
                sheet, sel = baca.peta[f"jabatan[{j}].kinerja[{k}].indikator[{i}]"]
                baris = int(sel.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) - 1
                h = hitung_indikator(ind, doc.skala_predikat)
                harap = {f"nilai{q}": _harap(h.triwulan[q]) for q in range(4)}
                harap |= {
                    "tahunan": _harap(h.tahunan),
                    "capaian": _harap(h.capaian),
                    "predikat": h.predikat,
                }
                for kunci, nilai in harap.items():
                    a1 = L.sel(baris, L.KOL[kunci])
                    kunci_sel = f"'[{path.name}]{sheet}'!{a1}".upper()
                    dapat = _python(hasil[kunci_sel].value) if kunci_sel in hasil else "(tidak ada)"
                    if dapat is None:
                        dapat = ""
                    n += 1
                    sama = (
                        abs(dapat - nilai) <= 1e-9 * max(1.0, abs(nilai))
                        if isinstance(nilai, float) and isinstance(dapat, float)
                        else dapat == nilai
                    )
                    if not sama:
                        beda.append(f"{sheet}!{a1}: expected {nilai!r} got {dapat!r}")
    return beda, n


def semua_jenis() -> Dokumen:
    """One indicator of every kind and polaritas, with the awkward cases (target 0, blanks)."""

    def k(kode: str, *r: Any) -> Komponen:
        return Komponen(kode=kode, nama=f"komponen {kode}", realisasi=list(r))

    J = JenisFormula
    ind = [
        Indikator(
            nama="Persentase",
            jenis=J.PERSENTASE,
            komponen=[k("A", 40, 45, None, 50), k("B", 50, 50, None, 50)],
            target=90,
        ),
        Indikator(
            nama="Jumlah",
            jenis=J.JUMLAH,
            komponen=[k("A", 3, 4, 5, None), k("B", 1, 1, 1, None)],
            target=12,
            agregasi=Agregasi.KUMULATIF,
        ),
        Indikator(
            nama="Rasio",
            jenis=J.RASIO,
            komponen=[k("A", 1, 2, 3, 4), k("B", 2, 0, 2, 2)],
            target=1,
            agregasi=Agregasi.RATA_RATA,
        ),
        Indikator(
            nama="Penurunan",
            jenis=J.PENURUNAN,
            komponen=[k("A", None, None, None, 80)],
            baseline=100,
            target=15,
            polaritas=Polaritas.POSITIF,
        ),
        Indikator(
            nama="Indeks",
            jenis=J.INDEKS,
            ekspresi="(Ipar + IDM + Linc) / 3",
            komponen=[
                k("Ipar", 60, 61, 62, 63),
                k("IDM", 70, 70, 70, "71"),
                k("Linc", 50, 50, 50, 50),
            ],
            target=RentangTarget(bawah=55, atas=60),
            polaritas=Polaritas.RANGE,
        ),
        Indikator(
            nama="Status KLA",
            jenis=J.STATUS,
            skala=[
                Level(nama="Pratama", bawah=500, atas=600),
                Level(nama="Madya", bawah=601, atas=700),
                Level(nama="Nindya", bawah=701, atas=800),
            ],
            realisasi=["Pratama", 650, None, None],
            target="Nindya",
        ),
        Indikator(
            nama="Negatif",
            jenis=J.PERSENTASE,
            polaritas=Polaritas.NEGATIF,
            komponen=[k("A", 6.5, None, None, None), k("B", 100, None, None, None)],
            target=7,
        ),
        Indikator(nama="Target nol", jenis=J.JUMLAH, komponen=[k("A", 1, 2, 3, 4)], target=0),
        Indikator(nama="Langsung", realisasi=[10, 20, "30", None], target="40"),
        Indikator(nama="Kosong", jenis=J.PERSENTASE),
    ]
    jab = Jabatan(id="uji", nama="Uji Semua Jenis", kinerja=[Kinerja(sasaran="S", indikator=ind)])
    return Dokumen(jabatan=[jab])


@pytest.mark.slow
@pytest.mark.parametrize("nama", ["sampang", "probolinggo", "semua-jenis"])
def test_rumus_sama_dengan_inti(nama: str, tmp_path: Path) -> None:
    doc = semua_jenis() if nama == "semua-jenis" else contoh(nama)
    path = tmp_path / f"{nama}.xlsx"
    tulis_workbook(doc, path)
    mulai = time.perf_counter()
    beda, n = _bandingkan(doc, path)
    print(f"{nama}: {n} computed cells compared in {time.perf_counter() - mulai:.1f} s")
    assert n >= 7 * len([i for j in doc.jabatan for _, i in j.semua_indikator()]) > 0
    assert not beda, "\n".join(beda)
