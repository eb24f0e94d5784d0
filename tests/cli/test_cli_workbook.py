"""`iki-xl new` and `iki-xl export`: data → workbook → data, and one line for bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from iki_xl.core.formulasi import complete
from iki_xl.io import interchange

CONTOH = Path(__file__).resolve().parents[2] / "iki_xl" / "data" / "contoh"


def iki(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from iki_xl.cli import main; main()", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_new_then_export(tmp_path: Path) -> None:
    xlsx = tmp_path / "sampang.xlsx"
    p = iki("new", CONTOH / "sampang.yaml", "-o", xlsx)
    assert p.returncode == 0, p.stderr
    assert "7 jabatan" in p.stdout
    yaml = tmp_path / "kembali.yaml"
    p = iki("export", xlsx, "-o", yaml)
    assert p.returncode == 0, p.stderr
    original = complete(interchange.load(CONTOH / "sampang.yaml"))
    assert interchange.load(yaml) == original


def test_export_of_a_non_workbook_exits_2(tmp_path: Path) -> None:
    fake = tmp_path / "palsu.xlsx"
    fake.write_text("bukan excel")
    p = iki("export", fake, "-o", tmp_path / "x.yaml")
    assert p.returncode == 2
    assert len(p.stderr.strip().splitlines()) == 1
    assert "bukan workbook Excel" in p.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_new_from_missing_data_exits_2(tmp_path: Path) -> None:
    p = iki("new", tmp_path / "tidak-ada.yaml", "-o", tmp_path / "a.xlsx")
    assert p.returncode == 2
    assert len(p.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "a.xlsx").exists()


def test_new_to_a_wrong_kind_of_output_exits_2(tmp_path: Path) -> None:
    p = iki("new", CONTOH / "sampang.yaml", "-o", tmp_path / "a.csv")
    assert p.returncode == 2
    assert ".xlsx" in p.stderr
