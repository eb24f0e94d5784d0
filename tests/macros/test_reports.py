"""Laporan Triwulan, Bandingkan and IKI Tahun Baru from the ribbon, against the fake Excel:
each writes its file beside the workbook, opens it, and says what it did."""

from __future__ import annotations

from pathlib import Path

from python_calamine import CalamineWorkbook

from iki_xl import macros
from iki_xl.core.capaian import INCOMPLETE
from iki_xl.io import interchange
from iki_xl.io.read.workbook import read_workbook
from iki_xl.io.write.workbook import workbook_bytes
from tests.io.conftest import contoh
from tests.macros.conftest import MakeExcel
from tests.macros.fake_excel import FakeExcel


def _with_figures(tmp_path: Path, name: str = "probolinggo") -> FakeExcel:
    """The example with its figures (targets, realisasi, quarterly targets, faktor)."""
    data = workbook_bytes(contoh(name), for_template=True)
    path = tmp_path / f"IKI {name.title()}.xlsx"
    path.write_bytes(data)
    return FakeExcel.from_xlsx(data, str(path))


def test_quarterly_report_of_the_chosen_quarter(tmp_path: Path) -> None:
    ex = _with_figures(tmp_path)
    macros.quarterly_report(ex.book, triwulan=2)
    target = tmp_path / "IKI Probolinggo - Laporan TW II.xlsx"
    assert ex.opened == [str(target)]
    wb = CalamineWorkbook.from_path(str(target))
    assert wb.sheet_names == ["Laporan TW II", "Capaian per Bidang"]
    grid = wb.get_sheet_by_name("Laporan TW II").to_python()
    body = [line for line in grid[5:] if line[0] != ""]
    assert len(body) == 40
    assert {line[grid[4].index("Predikat")] for line in body} == {INCOMPLETE}
    [alert] = ex.alerts
    assert (
        "LAPORAN CAPAIAN KINERJA TRIWULAN II" in alert["prompt"] and str(target) in alert["prompt"]
    )
    assert ex.status_bar is False


def test_quarterly_report_without_a_choice_takes_the_last_quarter_filled(tmp_path: Path) -> None:
    ex = _with_figures(tmp_path)
    macros.quarterly_report(ex.book)
    assert ex.opened == [str(tmp_path / "IKI Probolinggo - Laporan TW IV.xlsx")]


def test_compare_with_a_file_the_planner_picks(tmp_path: Path, excel: MakeExcel) -> None:
    ex = excel("sampang")
    old = contoh("sampang", figures=False)
    gone = old.jabatan[-1].nama.strip()
    old.jabatan.append(old.jabatan[0].model_copy(update={"id": "lama", "nama": "Jabatan Lama"}))
    last_year = tmp_path / "IKI 2023.yaml"
    interchange.save(old, last_year)
    ex.open_answer = str(last_year)
    macros.compare(ex.book)
    target = tmp_path / "IKI Sampang - Perbandingan IKI.xlsx"
    assert ex.opened == [str(target)]
    grid = CalamineWorkbook.from_path(str(target)).get_sheet_by_name("Perbandingan").to_python()
    rows = [tuple(line[1:3]) for line in grid[5:]]
    assert ("jabatan dihapus", "Jabatan Lama") in rows
    assert not any(gone == j for _, j in rows)
    assert "1 jabatan dihapus" in ex.alerts[-1]["prompt"]
    assert last_year.read_bytes() == interchange.to_yaml(old).encode()  # only read


def test_compare_cancelled_does_nothing(tmp_path: Path, excel: MakeExcel) -> None:
    ex = excel("sampang")
    ex.open_answer = False
    macros.compare(ex.book)
    assert ex.alerts == [] and ex.opened == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["IKI Sampang.xlsx"]


def test_new_year_beside_the_workbook(tmp_path: Path) -> None:
    ex = _with_figures(tmp_path)
    source = Path(ex.fullname).read_bytes()
    macros.new_year(ex.book)
    target = tmp_path / "IKI Probolinggo - IKI 2025.xlsm"
    assert ex.opened == [str(target)]
    doc = read_workbook(target).dokumen
    assert doc.instansi.tahun == 2025 and doc.instansi.nomor_keputusan == ""
    assert all(i.target is None for j in doc.jabatan for _, i in j.semua_indikator())
    assert "Baseline belum diisi" in ex.alerts[-1]["prompt"]
    assert Path(ex.fullname).read_bytes() == source


def test_new_year_and_compare_refuse_a_workbook_not_read_whole(tmp_path: Path) -> None:
    """A jabatan sheet with its table header retyped is not read: IKI Tahun Baru would leave
    that jabatan out of next year's IKI, and Bandingkan would call it removed."""
    import io

    import openpyxl

    from tests.hostile.corpus import table_of

    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(contoh("sampang"), for_template=True)))
    sheet = wb.sheetnames[wb.sheetnames.index("Instansi") + 1]
    table = table_of(wb[sheet])
    wb[sheet][f"{table.col['Indikator Kinerja']}{table.header_row}"].value = "Indikator"
    buffer = io.BytesIO()
    wb.save(buffer)
    path = tmp_path / "IKI Sampang.xlsx"
    path.write_bytes(buffer.getvalue())
    other = tmp_path / "IKI lain.yaml"
    interchange.save(contoh("sampang"), other)
    for run in (macros.new_year, macros.compare):
        ex = FakeExcel.from_xlsx(buffer.getvalue(), str(path))
        ex.open_answer = str(other)
        run(ex.book)
        [alert] = ex.alerts
        assert "tidak dijalankan" in alert["prompt"] and sheet in alert["prompt"], alert
        assert ex.opened == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["IKI Sampang.xlsx", "IKI lain.yaml"]
