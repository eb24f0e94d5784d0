"""`iki-xl new` and `iki-xl export`: data → workbook → data, and one line for bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from iki_xl.core.formulasi import lengkapi
from iki_xl.io import interchange

CONTOH = Path(__file__).resolve().parents[2] / "iki_xl" / "data" / "contoh"


def iki(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from iki_xl.cli import main; main()", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_new_lalu_export(tmp_path: Path) -> None:
    xlsx = tmp_path / "sampang.xlsx"
    p = iki("new", CONTOH / "sampang.yaml", "-o", xlsx)
    assert p.returncode == 0, p.stderr
    assert "7 jabatan" in p.stdout
    yaml = tmp_path / "kembali.yaml"
    p = iki("export", xlsx, "-o", yaml)
    assert p.returncode == 0, p.stderr
    asli = lengkapi(interchange.muat(CONTOH / "sampang.yaml"))
    assert interchange.muat(yaml) == asli


def test_export_bukan_workbook_keluar_2(tmp_path: Path) -> None:
    palsu = tmp_path / "palsu.xlsx"
    palsu.write_text("bukan excel")
    p = iki("export", palsu, "-o", tmp_path / "x.yaml")
    assert p.returncode == 2
    assert len(p.stderr.strip().splitlines()) == 1
    assert "bukan workbook Excel" in p.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_new_data_tidak_ada_keluar_2(tmp_path: Path) -> None:
    p = iki("new", tmp_path / "tidak-ada.yaml", "-o", tmp_path / "a.xlsx")
    assert p.returncode == 2
    assert len(p.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "a.xlsx").exists()


def test_new_keluaran_salah_keluar_2(tmp_path: Path) -> None:
    p = iki("new", CONTOH / "sampang.yaml", "-o", tmp_path / "a.csv")
    assert p.returncode == 2
    assert ".xlsx" in p.stderr
