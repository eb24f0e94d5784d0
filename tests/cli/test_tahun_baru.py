"""`iki-xl tahun-baru` then `iki-xl banding`, through real workbooks."""

from __future__ import annotations

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from iki_xl.app.new_workbook import write_new_workbook
from iki_xl.core.tahun_baru import tahun_baru
from iki_xl.io.read.workbook import read_workbook
from iki_xl.io.write.banding import HEADER
from tests.cli.test_consolidate import iki
from tests.core.test_tahun_baru import mutate
from tests.io.conftest import contoh


@pytest.mark.parametrize("name", ["probolinggo", "sampang"])
def test_tahun_baru_then_banding_through_workbooks(tmp_path: Path, name: str) -> None:
    source = tmp_path / "iki-2024.xlsm"
    write_new_workbook(contoh(name), source)
    before = source.read_bytes()
    new = tmp_path / "iki-2025.xlsm"
    r = iki("tahun-baru", source, "-o", new)
    assert r.returncode == 0, r.stderr
    assert "IKI tahun 2025" in r.stdout and "Baseline belum diisi" in r.stderr
    assert source.read_bytes() == before  # the input is only read
    read = read_workbook(new).dokumen
    assert read == tahun_baru(read_workbook(source).dokumen, 2025).dokumen

    edited, expected = mutate(read)
    changed = tmp_path / "iki-2025-revisi.xlsm"
    write_new_workbook(edited, changed)
    out = tmp_path / "banding.xlsx"
    r = iki("banding", new, changed, "-o", out)
    assert r.returncode == 0, r.stderr
    grid = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Perbandingan").to_python()
    assert grid[4] == list(HEADER)
    rows = [tuple(str(v) for v in line[1:]) for line in grid[5:]]
    want = [(str(c.jenis), c.jabatan, c.indikator, c.lama, c.baru) for c in expected]
    assert sorted(rows) == sorted(want)


def test_tahun_baru_refuses_a_year_not_after_and_a_wrong_output(tmp_path: Path) -> None:
    source = tmp_path / "iki.xlsx"
    write_new_workbook(contoh("sampang"), source)
    for args in (("--tahun", "2023", "-o", tmp_path / "a.xlsm"), ("-o", tmp_path / "a.pdf")):
        r = iki("tahun-baru", source, *args)
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert not (tmp_path / "a.xlsm").exists()


def test_tahun_baru_and_banding_refuse_a_workbook_not_read_whole(tmp_path: Path) -> None:
    """A jabatan sheet whose table header was retyped is not read: the next year's IKI would
    lack that jabatan and the comparison would call it removed, so both refuse, naming it."""
    import openpyxl

    from tests.hostile.corpus import table_of

    good = tmp_path / "iki-2024.xlsx"
    write_new_workbook(contoh("sampang"), good)
    wb = openpyxl.load_workbook(good)
    sheet = wb.sheetnames[wb.sheetnames.index("Instansi") + 1]  # the first jabatan sheet
    table = table_of(wb[sheet])
    wb[sheet][f"{table.col['Indikator Kinerja']}{table.header_row}"].value = "Indikator"
    damaged = tmp_path / "rusak.xlsx"
    wb.save(damaged)
    before = damaged.read_bytes()
    for args in (
        ("tahun-baru", damaged, "-o", tmp_path / "baru.xlsm"),
        ("banding", good, damaged, "-o", tmp_path / "banding.xlsx"),
    ):
        r = iki(*args)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        line = r.stderr.strip()
        assert len(line.splitlines()) == 1 and "tidak terbaca utuh" in line and sheet in line
    assert not (tmp_path / "baru.xlsm").exists() and not (tmp_path / "banding.xlsx").exists()
    assert damaged.read_bytes() == before
