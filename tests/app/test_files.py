"""Which files each command takes: one check, one message; a folder's inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from iki_xl.app.files import DATA, WORKBOOK, check_input, check_output, collect_inputs
from iki_xl.errors import UnusableFile


def test_check_input_names_the_kinds_it_takes() -> None:
    check_input(Path("a.XLSM"))
    check_input(Path("a.yml"))
    with pytest.raises(UnusableFile) as e:
        check_input(Path("a.csv"))
    assert (
        str(e.value) == "a.csv: format tidak dikenal (pakai .xlsx, .xlsm, .yaml, .yml atau .json)"
    )
    with pytest.raises(UnusableFile, match=r"pakai .xlsx atau .xlsm\)"):
        check_input(Path("a.yaml"), WORKBOOK)


def test_check_output_refuses_a_wrong_kind_and_overwriting_an_input(tmp_path: Path) -> None:
    data = tmp_path / "a.yaml"
    check_output(tmp_path / "a.json", DATA, "keluaran", [data])
    with pytest.raises(UnusableFile, match=r"laporan harus berupa berkas \.xlsx$"):
        check_output(tmp_path / "a.csv", (".xlsx",), "laporan")
    with pytest.raises(UnusableFile, match="tidak boleh menimpa berkas masukan"):
        check_output(data, DATA, "keluaran", [data])


def test_collect_inputs_takes_a_folders_workbooks_and_data_sorted(tmp_path: Path) -> None:
    folder = tmp_path / "masuk"
    folder.mkdir()
    for name in ("b.xlsx", "a.yaml", "c.xlsm", "d.json", "e.yml", "catatan.txt", "~$b.xlsx"):
        (folder / name).write_bytes(b"")
    (folder / ".b.tmp.xlsx").write_bytes(b"")  # our own temporary file
    (folder / "sub.xlsx").mkdir()
    single = tmp_path / "lain.xlsx"
    found = collect_inputs([single, folder])
    assert [p.name for p in found] == ["lain.xlsx", "a.yaml", "b.xlsx", "c.xlsm", "d.json", "e.yml"]
