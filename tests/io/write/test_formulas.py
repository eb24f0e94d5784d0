"""Headless proof: the IKI function cells of the written workbook, computed by the
`formulas` package with the IKI functions' Python implementations, give the core's
results, cell by cell. (The native cells are recalculated by LibreOffice instead, in
test_native_formulas.py: the `formulas` package evaluates SUMPRODUCT over comparisons
wrongly.)"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from iki_xl import layout as L
from iki_xl import udfs
from iki_xl.core.compute import compute_indikator, nilai_cells, shown, target_cell
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
from iki_xl.io.read.workbook import read_workbook
from iki_xl.io.write.workbook import write_workbook
from tests.io.conftest import contoh

formulas = pytest.importorskip("formulas")
import formulas.functions as ff  # noqa: E402


def _python(v: Any) -> Any:
    """formulas' values (2-D object arrays, `empty`, XlError) → what Excel hands a UDF."""
    if isinstance(v, np.ndarray):
        rows = [[_python(x) for x in r] for r in v.tolist()]
        if len(rows) == 1 and len(rows[0]) == 1:
            return rows[0][0]
        return rows
    if v is None or type(v).__name__ in ("Empty", "_EmptyType") or str(v) == "empty":
        return None
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, bool | int | float | str):
        return v
    return str(v)  # an Excel error value


def _register(name: str) -> None:
    function = getattr(udfs, name)

    def wrapped(*args: Any) -> Any:
        return function(*(_python(a) for a in args))

    ff.FUNCTIONS[name] = ff.wrap_func(wrapped)


@pytest.fixture(scope="module", autouse=True)
def _udfs_registered() -> None:
    for name in [n for n in dir(udfs) if n.startswith("IKI_")]:
        _register(name)


def expected_cells(ind: Indikator, skala: list[Any]) -> dict[str, float | str]:
    """Every computed cell of an indicator as the core computes it (the writer caches the
    same values)."""
    r = compute_indikator(ind, skala)
    values = nilai_cells(r)
    expected: dict[str, float | str] = {f"nilai{q}": values[q] for q in range(4)}
    return expected | {
        "nilai_sd": values[4],
        "tw_akhir": float(values[5]),
        "target_sd": target_cell(ind, r),
        "capaian_sd": shown(r.capaian_to_date),
        "capaian": shown(r.capaian),
        "predikat": r.predikat_shown,
    }


UDF_KEYS = ("nilai0", "nilai1", "nilai2", "nilai3", "nilai_sd")


def _same(got: Any, value: Any) -> bool:
    if isinstance(value, int | float) and isinstance(got, int | float):
        return abs(got - value) <= 1e-9 * max(1.0, abs(value))
    return got == value


def _compare(doc: Dokumen, path: Path) -> tuple[list[str], int]:
    read = read_workbook(path)
    model = formulas.ExcelModel().loads(str(path)).finish()
    computed = {k.upper(): v for k, v in model.calculate().items()}
    arrays = {}  # the array formula's range → its values, by the cells it spans
    for k, v in computed.items():
        if ":" in k:
            arrays[k] = v
    differences: list[str] = []
    n = 0
    for j, jab in enumerate(doc.jabatan):
        for k, kin in enumerate(jab.kinerja):
            for i, ind in enumerate(kin.indikator):
                sheet, cell = read.cells[f"jabatan[{j}].kinerja[{k}].indikator[{i}]"]
                row = int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) - 1
                c0, c1 = L.UDF_COLS
                span = f"'[{path.name}]{sheet}'!{L.range_ref(row, c0, row, c1)}".upper()
                quarters = _python(arrays[span].value) if span in arrays else None
                if isinstance(quarters, list) and len(quarters) == 1:
                    quarters = quarters[0]  # the one row of the array
                for key, value in expected_cells(ind, doc.skala_predikat).items():
                    if key not in UDF_KEYS:
                        continue
                    a1 = L.cell_ref(row, L.COL[key])
                    if key.startswith("nilai") and key != "nilai_sd":
                        got = quarters[L.COL[key] - c0] if isinstance(quarters, list) else quarters
                    else:
                        ref = f"'[{path.name}]{sheet}'!{a1}".upper()
                        got = _python(computed[ref].value) if ref in computed else "(tidak ada)"
                    if got is None:
                        got = ""
                    n += 1
                    if not _same(got, value):
                        differences.append(f"{sheet}!{a1} {key}: expected {value!r} got {got!r}")
    return differences, n


def every_kind() -> Dokumen:
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
@pytest.mark.parametrize("name", ["sampang", "probolinggo", "every-kind"])
def test_formulas_equal_the_core(name: str, tmp_path: Path) -> None:
    doc = every_kind() if name == "every-kind" else contoh(name)
    path = tmp_path / f"{name}.xlsx"
    write_workbook(doc, path)
    start = time.perf_counter()
    differences, n = _compare(doc, path)
    print(f"{name}: {n} computed cells compared in {time.perf_counter() - start:.1f} s")
    assert n == len(UDF_KEYS) * len([i for j in doc.jabatan for _, i in j.semua_indikator()]) > 0
    assert not differences, "\n".join(differences)
