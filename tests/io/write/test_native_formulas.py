"""The native formulas of the jabatan sheet (last quarter filled, target to date, capaian by
polaritas, "belum lengkap", predikat from the Instansi scale), recalculated by LibreOffice,
give the core's results cell by cell.

LibreOffice keeps a formula's cached value on load; the cached values of the native cells are
removed from the written file, so that LibreOffice must compute them — from the inputs and
from the value to date, which is an IKI function cell whose cached value stays (no IKI
function runs in LibreOffice)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from iki_xl import layout as L
from iki_xl.core.model import Dokumen, Indikator, JenisFormula
from iki_xl.io.read.workbook import read_workbook
from iki_xl.io.write.workbook import write_workbook
from tests.io.conftest import contoh
from tests.io.write.test_formulas import _same, every_kind, expected_cells

NATIVE = ("tw_akhir", "target_sd", "capaian_sd", "capaian", "predikat")
_COLUMNS = {L.column_letters(L.COL[k]) for k in NATIVE}
_CELL = re.compile(r'<c r="([A-Z]+)(\d+)"([^>]*)><f>(.*?)</f><v>.*?</v></c>', re.S)


def _forget_native_values(path: Path) -> None:
    """Drop the cached value of every native formula cell, so LibreOffice computes it."""

    def forget(m: re.Match[str]) -> str:
        column, row, attributes, formula = m.groups()
        if column not in _COLUMNS:
            return m.group(0)
        attributes = re.sub(r'\s*t="[^"]*"', "", attributes)
        return f'<c r="{column}{row}"{attributes}><f>{formula}</f></c>'

    parts: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            data = zf.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = _CELL.sub(forget, data.decode("utf-8")).encode("utf-8")
            parts[info.filename] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def _recalculated(path: Path, out: Path) -> Path:
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required under CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    out.mkdir()
    subprocess.run(
        [soffice, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
         "--convert-to", "xlsx", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out / path.name


def _values(path: Path) -> dict[str, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    try:
        return {n: wb.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in wb.sheet_names}
    finally:
        wb.close()


def _compare(doc: Dokumen, written: Path, recalculated: Path) -> tuple[list[str], int]:
    read = read_workbook(written)
    grids = _values(recalculated)
    differences: list[str] = []
    n = 0
    for j, jab in enumerate(doc.jabatan):
        for k, kin in enumerate(jab.kinerja):
            for i, ind in enumerate(kin.indikator):
                sheet, cell = read.cells[f"jabatan[{j}].kinerja[{k}].indikator[{i}]"]
                row = int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) - 1
                expected = expected_cells(ind, doc.skala_predikat)
                text_target = isinstance(ind.target, str) and ind.jenis is not JenisFormula.STATUS
                if text_target and isinstance(expected["capaian_sd"], float):
                    # a target typed as text the core reads as a number ("40"): the sheet
                    # asks for the number (the validator says so too, IKI-N002)
                    expected["capaian_sd"] = "target bukan angka"
                    if expected["capaian"] != "belum lengkap":
                        expected["capaian"] = "target bukan angka"
                for key in NATIVE:
                    got = grids[sheet][row][L.COL[key]]
                    n += 1
                    if not _same(got, expected[key]):
                        where = L.cell_ref(row, L.COL[key])
                        differences.append(
                            f"{sheet}!{where} {key}: expected {expected[key]!r} got {got!r}"
                        )
    return differences, n


def with_quarter_targets() -> Dokumen:
    """every_kind with quarterly targets, a band with negatif polaritas, complete years."""
    doc = every_kind()
    extra = [
        Indikator(
            nama="Kumulatif bertarget triwulan", jenis="jumlah", agregasi="kumulatif",
            komponen=[{"kode": "A", "realisasi": [3, 4, 5, 6]}], target=20,
            target_triwulan=[3, 5, 5, 7],
        ),
        Indikator(
            nama="Akhir bertarget triwulan", jenis="persentase",
            komponen=[{"kode": "A", "realisasi": [20, 45, None, None]},
                      {"kode": "B", "realisasi": [100, 100, None, None]}],
            target=85, target_triwulan=[25, 50, 70, 85],
        ),
        Indikator(
            nama="Rata-rata bertarget triwulan", jenis="rasio", agregasi="rata-rata",
            komponen=[{"kode": "A", "realisasi": [1, 2, 3, 4]}, {"kode": "B", "realisasi": [2, 2, 2, 2]}],
            target=1, target_triwulan=[0.5, 1, 1.5, 2],
        ),
        Indikator(
            nama="Rentang negatif", jenis="indeks", polaritas="negatif",
            realisasi=[6.5, 6.5, 9, 9], target={"bawah": 7, "atas": 8},
        ),
        Indikator(
            nama="Rentang positif", jenis="indeks", polaritas="range",
            realisasi=[None, 92, None, 60], target={"bawah": 80, "atas": 90},
        ),
        Indikator(
            nama="Negatif di bawah target", jenis="jumlah", polaritas="negatif",
            realisasi=[2, 2, 2, 2], target=7,
        ),
    ]  # fmt: skip
    doc.jabatan[0].kinerja[0].indikator.extend(Indikator.model_validate(i) for i in extra)
    return doc


@pytest.mark.slow
@pytest.mark.parametrize("name", ["sampang", "probolinggo", "every-kind"])
def test_libreoffice_computes_the_native_cells_as_the_core(name: str, tmp_path: Path) -> None:
    doc = with_quarter_targets() if name == "every-kind" else contoh(name)
    written = tmp_path / f"{name}.xlsx"
    write_workbook(doc, written)
    _forget_native_values(written)
    recalculated = _recalculated(written, tmp_path / "lo")
    differences, n = _compare(doc, written, recalculated)
    indikator = sum(len(j.semua_indikator()) for j in doc.jabatan)
    assert n == len(NATIVE) * indikator > 0
    assert not differences, "\n".join(differences)


@pytest.mark.parametrize("name", ["probolinggo", "sampang"])
def test_at_most_two_python_calls_per_indicator(name: str, tmp_path: Path) -> None:
    """Each IKI function cell costs Excel a call to Python (a UDF-server round trip); an
    array formula is one call for all its cells. Per indicator: IKI_NILAI_TW (the four
    quarters, one array) and IKI_NILAI_SD; everything else is a native formula."""
    doc = contoh(name)
    path = tmp_path / "iki.xlsx"
    write_workbook(doc, path)
    calls = 0
    with zipfile.ZipFile(path) as z:
        for sheet in (n for n in z.namelist() if n.startswith("xl/worksheets/sheet")):
            xml = z.read(sheet).decode()
            calls += len(re.findall(r"<f[^>]*>[^<]*IKI_[A-Z_]+\(", xml))
    n_indikator = sum(len(j.semua_indikator()) for j in doc.jabatan)
    assert n_indikator > 0
    assert 0 < calls <= 2 * n_indikator, (calls, n_indikator)
