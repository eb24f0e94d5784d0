"""`iki-xl tahun-baru` then `iki-xl banding`, through real workbooks."""

from __future__ import annotations

from pathlib import Path

from python_calamine import CalamineWorkbook

from iki_xl.app.new_workbook import write_new_workbook
from iki_xl.core.tahun_baru import tahun_baru
from iki_xl.io.read.workbook import read_workbook
from iki_xl.io.write.banding import HEADER
from tests.cli.test_consolidate import iki
from tests.core.test_tahun_baru import mutate
from tests.io.conftest import contoh


def test_tahun_baru_then_banding_through_workbooks(tmp_path: Path) -> None:
    source = tmp_path / "iki-2024.xlsm"
    write_new_workbook(contoh("probolinggo"), source)
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
