"""Read and check: a workbook's findings placed on their sheet and cell and sorted; a data
file's by jalur; unusable input one clear error; the input never modified."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from iki_xl.app.check import check_file, check_workbook, load_dokumen
from iki_xl.core.findings import SEVERITY_RANK, Severity, cell_position
from iki_xl.errors import UnusableFile
from iki_xl.io.read.workbook import read_workbook
from tests.io.conftest import CONTOH, contoh


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_probolinggo_workbook_missing_sumber_data_and_misspellings(
    workbooks: dict[str, Path],
) -> None:
    read = read_workbook(workbooks["probolinggo"])
    findings = check_file(workbooks["probolinggo"]).findings
    placed = {(f.code, f.sheet, f.cell) for f in findings}
    ids = [j.id for j in read.dokumen.jabatan]
    for jid in ("kasubag-program-keuangan", "kasi-rehabilitasi-sosial-anak-lansia"):
        j = ids.index(jid)
        for n in (1, 2):
            sheet, cell = read.cells[f"jabatan[{j}].kinerja[0].indikator[{n}].sumber_data"]
            assert ("IKI-I003", sheet, cell) in placed
    # every Pengitungan: one B001 on the formulasi cell of its indicator
    for j, jab in enumerate(read.dokumen.jabatan):
        for k, kin in enumerate(jab.kinerja):
            for n, ind in enumerate(kin.indikator):
                if "Pengitungan" in ind.formulasi:
                    sheet, cell = read.cells[f"jabatan[{j}].kinerja[{k}].indikator[{n}].formulasi"]
                    assert ("IKI-B001", sheet, cell) in placed


def test_workbook_findings_are_sorted_by_severity_sheet_row_column(
    workbooks: dict[str, Path],
) -> None:
    before = _sha(workbooks["sampang"])
    checked = check_file(workbooks["sampang"])
    assert _sha(workbooks["sampang"]) == before  # read-only
    assert checked.sheet_order == read_workbook(workbooks["sampang"]).sheet_order
    placed = [f for f in checked.findings if f.sheet]
    assert placed and len(placed) == len(checked.findings)
    keys = [
        (SEVERITY_RANK[f.severity], checked.sheet_order.index(f.sheet), *cell_position(f.cell))
        for f in placed
    ]
    assert keys == sorted(keys)
    assert placed[0].severity is Severity.GALAT
    assert checked == check_workbook(read_workbook(workbooks["sampang"]))


def test_data_file_findings_have_jalur_and_no_cell() -> None:
    checked = check_file(CONTOH / "sampang.yaml")
    assert checked.sheet_order == []
    assert checked.findings and all(f.jalur and not f.sheet for f in checked.findings)
    assert checked.dokumen == contoh("sampang", figures=False)  # completed


def test_load_dokumen_reads_both_kinds_completed(workbooks: dict[str, Path]) -> None:
    assert load_dokumen(CONTOH / "sampang.yaml") == contoh("sampang", figures=False)
    assert load_dokumen(workbooks["sampang"]) == contoh("sampang")


@pytest.mark.parametrize("name", ["data.txt", "data.csv"])
def test_unknown_kind_of_file_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("x", encoding="utf-8")
    with pytest.raises(UnusableFile, match=r"format tidak dikenal \(pakai .xlsx, .xlsm, "):
        check_file(path)
