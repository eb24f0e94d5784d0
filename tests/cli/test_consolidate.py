"""`iki-xl consolidate`: exit codes, the summary, --strict, skipped inputs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl

CONTOH = Path(__file__).resolve().parents[2] / "iki_xl" / "data" / "contoh"


def iki(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iki_xl", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_one_dinas_with_galat_is_written_as_draf_and_exits_1(tmp_path: Path) -> None:
    output = tmp_path / "pengajuan.xlsx"
    r = iki("consolidate", CONTOH / "probolinggo.yaml", "-o", output, "--docx")
    assert r.returncode == 1, r.stderr  # written, but galat remain
    assert "15 jabatan, 40 indikator" in r.stdout and str(output) in r.stdout
    assert "DRAF" in r.stderr and str(tmp_path / "pengajuan.docx") in r.stdout
    wb = openpyxl.load_workbook(output)
    assert wb.sheetnames == ["Keputusan", "Lampiran", "Rekap", "Ringkasan"]
    assert "DRAF — masih ada" in (wb["Lampiran"].oddHeader.center.text or "")
    assert (tmp_path / "pengajuan.docx").read_bytes()[:2] == b"PK"


def test_a_clean_submission_has_no_mark_and_exits_0(tmp_path: Path) -> None:
    from iki_xl.io import interchange
    from tests.io.write.submission.generated import sixty_jabatan

    source = tmp_path / "bersih.yaml"
    interchange.save(sixty_jabatan(), source)
    output = tmp_path / "bersih.xlsx"
    r = iki("consolidate", source, "-o", output, "--docx", "--org-order", "--fraction")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 galat" in r.stdout and "DRAF" not in r.stdout + r.stderr
    for ws in openpyxl.load_workbook(output).worksheets:
        assert not ws.oddHeader.center.text, ws.title
    assert (tmp_path / "bersih.docx").is_file()


def test_strict_refuses_while_galat_remain(tmp_path: Path) -> None:
    output = tmp_path / "s.xlsx"
    r = iki("consolidate", CONTOH / "sampang.yaml", "-o", output, "--strict")
    assert r.returncode == 1
    assert "Tidak ditulis" in r.stderr and "galat" in r.stderr
    assert not output.exists()


def test_many_inputs_skip_the_unreadable_and_report_it(tmp_path: Path) -> None:
    folder = tmp_path / "masuk"
    folder.mkdir()
    for name in ("probolinggo", "sampang"):
        (folder / f"{name}.yaml").write_bytes((CONTOH / f"{name}.yaml").read_bytes())
    (folder / "rusak.xlsx").write_bytes(b"bukan workbook")
    output = tmp_path / "pemda.xlsx"
    r = iki("consolidate", folder, "-o", output)
    assert r.returncode == 1  # written, but one input was skipped
    assert "Dilewati" in r.stderr and "rusak.xlsx" in r.stderr
    assert "2 berkas dipakai, 1 dilewati" in r.stdout
    wb = openpyxl.load_workbook(output)
    assert wb.sheetnames == ["Ringkasan", "Rekap"]
    assert wb["Rekap"].max_row == 1 + 40 + 22


def test_unusable_arguments_are_one_line_exit_2(tmp_path: Path) -> None:
    r = iki("consolidate", CONTOH / "sampang.yaml", "-o", tmp_path / "x.pdf")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    r = iki("consolidate", tmp_path / "tidak-ada.yaml", "-o", tmp_path / "x.xlsx")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert not (tmp_path / "x.xlsx").exists()
