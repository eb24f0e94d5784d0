"""Nothing lost, nothing silently dropped (the reliability issue):

- a damaged jabatan sheet (header renamed, merged over the labels or over two columns, a
  sheet part the XML reader rejects) is a galat naming the sheet, in validate and in
  consolidate (exit 1; --strict refuses); a duplicate part is refused naming the sheet;
- a Pemda consolidation killed mid-write (SIGKILL) leaves the previous output byte for
  byte, no worker running, and the next run removes the dead run's temporary file;
  SIGTERM leaves nothing at all; two runs to one output leave one complete file;
- one input whose worker dies by a signal or runs out of memory is skipped with its
  reason, the rest is written; the consolidation under `spawn` (Windows' only start
  method) writes what it writes under `fork`;
- the submission carries no macros and no external links.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
import zipfile
from pathlib import Path

import openpyxl
import pytest

from iki_xl.app.check import check_file
from iki_xl.app.consolidate import consolidate
from iki_xl.app.new_workbook import write_new_workbook
from iki_xl.app.workers import run_isolated
from iki_xl.core.findings import Severity
from iki_xl.errors import UnusableFile
from iki_xl.io.atomic import TEMP_PREFIX
from tests.io.conftest import CONTOH, contoh

ROOT = Path(__file__).resolve().parents[2]


def _iki(*args: str | Path, **kw: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.update(kw.pop("env", {}))  # type: ignore[arg-type]
    return subprocess.Popen(
        [sys.executable, "-m", "iki_xl", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        **kw,  # type: ignore[call-overload]
    )


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    p = _iki(*args)
    out, err = p.communicate(timeout=300)
    return subprocess.CompletedProcess(p.args, p.returncode, out, err)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wb") / "probolinggo.xlsx"
    write_new_workbook(contoh("probolinggo"), path)
    return path


def _sheet_with_table(path: Path) -> tuple[str, int]:
    """The second jabatan sheet's name and the row of its table header (1-based)."""
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets[3:]:
        for row in ws.iter_rows(min_row=1, max_row=20):
            if any(c.value == "Indikator Kinerja" for c in row):
                return ws.title, row[0].row
    raise AssertionError("no jabatan table")


def _edit(src: Path, dst: Path, how: str) -> str:
    """Damage one jabatan sheet of `src` in one way; return the sheet's name."""
    sheet, hr = _sheet_with_table(src)
    if how in ("malformed", "duplicate"):
        with zipfile.ZipFile(src) as z:
            parts = [(i.filename, z.read(i)) for i in z.infolist()]
            book = z.read("xl/workbook.xml").decode()
        index = re.findall(r'<sheet name="([^"]*)"', book).index(sheet) + 1
        part = f"xl/worksheets/sheet{index}.xml"
        if how == "malformed":
            parts = [(n, b.replace(b"</sheetData>", b'<row r="999"><c>') if n == part else b)
                     for n, b in parts]  # fmt: skip
        else:
            parts.append((part, b'<?xml version="1.0"?><worksheet xmlns="http://schemas.'
                          b'openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'))  # fmt: skip
        with zipfile.ZipFile(dst, "w") as z:
            for n, b in parts:
                z.writestr(n, b)
        return sheet
    wb = openpyxl.load_workbook(src)
    ws = wb[sheet]
    cols = {c.value: c.column_letter for c in ws[hr] if isinstance(c.value, str)}
    if how == "renamed":
        ws[f"{cols['Indikator Kinerja']}{hr}"] = "Indikator"
    elif how == "merged":  # over No IK … Formulasi, both header rows: the label is gone
        ws.merge_cells(f"{cols['No IK']}{hr}:{cols['Formulasi Penghitungan']}{hr + 1}")
    elif how == "merged-columns":  # "Indikator Kinerja" survives, Jenis and Formulasi go
        ws.merge_cells(f"{cols['Indikator Kinerja']}{hr}:{cols['Formulasi Penghitungan']}{hr + 1}")
    wb.save(dst)
    return sheet


@pytest.mark.parametrize("how", ["renamed", "merged", "merged-columns", "malformed"])
def test_a_damaged_jabatan_sheet_is_a_galat_naming_it(
    workbook: Path, tmp_path: Path, how: str
) -> None:
    damaged = tmp_path / f"{how}.xlsx"
    sheet = _edit(workbook, damaged, how)
    checked = check_file(damaged)
    galat = [f for f in checked.findings if f.severity is Severity.GALAT and f.sheet == sheet]
    assert galat, f"{how}: no galat on {sheet}"
    assert any(f.code.startswith("IKI-X") for f in galat)
    r = _run("consolidate", damaged, "-o", tmp_path / f"{how}-out.xlsx")
    assert r.returncode == 1, r.stdout + r.stderr
    assert sheet in r.stdout and "tidak lengkap" in r.stdout
    strict = _run("consolidate", damaged, "-o", tmp_path / f"{how}-s.xlsx", "--strict")
    assert strict.returncode == 1 and not (tmp_path / f"{how}-s.xlsx").exists()
    shown = _run("show", damaged)
    assert shown.returncode == 1 and sheet in shown.stderr


def test_a_duplicate_sheet_part_is_refused_naming_the_sheet(workbook: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "ganda.xlsx"
    sheet = _edit(workbook, damaged, "duplicate")
    with pytest.raises(UnusableFile, match=re.escape(f"sheet '{sheet}'") + ".*ganda"):
        check_file(damaged)


def test_the_undamaged_workbook_has_no_such_galat(workbook: Path) -> None:
    assert not [f for f in check_file(workbook).findings if f.code in ("IKI-X006", "IKI-X008")]


# ---------------------------------------------------------------- kills and races


# The examples carry galat: a Pemda recap of them is written, marked DRAF, and exits 1.
DRAFT = 1


def _pemda(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "pemda"
    folder.mkdir()
    for i in range(n):
        shutil.copyfile(CONTOH / ("probolinggo.yaml" if i % 2 else "sampang.yaml"),
                        folder / f"dinas_{i:02d}.yaml")  # fmt: skip
    return folder


def _ours(mark: str) -> list[int]:
    """Processes still running with our marker in their environment."""
    found = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if mark.encode() in (d / "environ").read_bytes():
                    found.append(int(d.name))
            except OSError:
                continue
    return found


def _wait_for(cond: object, seconds: float) -> bool:
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds:
        if cond():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


def _temporaries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{TEMP_PREFIX}*"))


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_pemda_run_keeps_the_previous_output_and_leaves_nothing(
    tmp_path: Path, sig: signal.Signals
) -> None:
    folder = _pemda(tmp_path, 24)
    out_dir = tmp_path / "keluar"
    out_dir.mkdir()
    output = out_dir / "pemda.xlsx"
    assert _run("consolidate", folder, "-o", output).returncode == DRAFT
    before = output.read_bytes()
    mark = f"IKI_TEST_MARK={uuid.uuid4().hex}"
    private_tmp = tmp_path / "tmpdir"  # where XlsxWriter (or anything) would put its files
    private_tmp.mkdir()
    env = {"IKI_TEST_MARK": mark.split("=")[1], "TMPDIR": str(private_tmp)}
    p = _iki("consolidate", folder, "-o", output, env=env)
    try:
        assert _wait_for(lambda: _temporaries(out_dir), 120), "the run never started writing"
        time.sleep(0.3)  # well inside the write: rows of the first Dinas are going in
        assert len(_ours(mark)) >= 2, "no worker running: the kill would not test them"
        p.send_signal(sig)
        p.communicate(timeout=60)
    finally:
        p.kill()
    assert output.read_bytes() == before  # the previous output, byte for byte
    assert list(private_tmp.iterdir()) == []  # nothing in TMPDIR either
    assert _wait_for(lambda: not _ours(mark), 10), f"workers left running: {_ours(mark)}"
    if sig == signal.SIGTERM:
        assert p.returncode == 128 + signal.SIGTERM
        assert _temporaries(out_dir) == []  # cleaned on the way out
    else:
        left = _temporaries(out_dir)  # a dead process cleans nothing …
        assert left and all(t.name.startswith(left[0].name[:14]) for t in left)  # one tag
    again = _run("consolidate", folder, "-o", output)
    assert again.returncode == DRAFT, again.stderr
    assert _temporaries(out_dir) == []  # … the next run to that output removes it
    assert openpyxl.load_workbook(output).sheetnames == ["Ringkasan", "Rekap"]
    assert sorted(p.name for p in folder.iterdir()) == [f"dinas_{i:02d}.yaml" for i in range(24)]


def test_two_runs_to_one_output_leave_one_complete_file(tmp_path: Path) -> None:
    folder = _pemda(tmp_path, 6)
    output = tmp_path / "pemda.xlsx"
    runs = [_iki("consolidate", folder, "-o", output) for _ in range(2)]
    codes = [r.wait(timeout=300) for r in runs]
    for r in runs:
        r.communicate()
    assert codes == [DRAFT, DRAFT]
    assert zipfile.ZipFile(output).testzip() is None
    assert openpyxl.load_workbook(output).sheetnames == ["Ringkasan", "Rekap"]
    assert [p.name for p in tmp_path.iterdir() if p.name != "pemda"] == ["pemda.xlsx"]


# ---------------------------------------------------------------- isolation, start methods


def _crash_on_b(x: str) -> str:
    if x == "b":
        os.kill(os.getpid(), signal.SIGKILL)
    if x == "c":
        bytearray(8 << 30)  # over the worker's address-space cap: MemoryError
    return x.upper()


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_a_worker_that_dies_takes_only_its_input(method: str) -> None:
    outcomes = list(run_isolated(_crash_on_b, ["a", "b", "c", "d"], workers=2, start_method=method))
    assert [o.value for o in outcomes] == ["A", None, None, "D"]
    assert "SIGKILL" in outcomes[1].failure
    assert "memori" in outcomes[2].failure


def _values(path: Path) -> list[list[object]]:
    wb = openpyxl.load_workbook(path)
    return [[c.value for c in row] for ws in wb.worksheets for row in ws.iter_rows()]


def test_spawn_writes_what_fork_writes(tmp_path: Path) -> None:
    folder = _pemda(tmp_path, 3)
    fork = consolidate([folder], tmp_path / "fork.xlsx", start_method="fork")
    spawn = consolidate([folder], tmp_path / "spawn.xlsx", start_method="spawn")
    assert fork.output is not None and spawn.output is not None
    assert [m.dinas for m in fork.inputs] == [m.dinas for m in spawn.inputs]
    assert _values(tmp_path / "fork.xlsx") == _values(tmp_path / "spawn.xlsx")


def test_a_pemda_folder_with_a_far_stray_cell_writes_every_dinas(
    workbook: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "pemda"
    folder.mkdir()
    shutil.copyfile(workbook, folder / "baik.xlsx")
    sheet, _ = _sheet_with_table(workbook)
    with zipfile.ZipFile(workbook) as z:
        parts = [(i.filename, z.read(i)) for i in z.infolist()]
        index = (
            re.findall(r'<sheet name="([^"]*)"', z.read("xl/workbook.xml").decode()).index(sheet)
            + 1
        )
    part = f"xl/worksheets/sheet{index}.xml"
    stray = (
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    )
    with zipfile.ZipFile(folder / "jauh.xlsx", "w") as z:
        for n, b in parts:
            z.writestr(n, b.replace(b"</sheetData>", stray) if n == part else b)
    report = consolidate([folder], tmp_path / "pemda.xlsx")
    assert report.output is not None and not report.skipped
    assert [m.jabatan for m in report.inputs] == [15, 15]
    checked = check_file(folder / "jauh.xlsx")
    assert any(f.cell == "XFD1048576" and f.sheet == sheet for f in checked.findings)


# ---------------------------------------------------------------- what a submission carries


def test_the_submission_has_no_macros_and_no_external_links(tmp_path: Path) -> None:
    xlsm = tmp_path / "dinas.xlsm"
    write_new_workbook(contoh("sampang"), xlsm)  # the input carries the template's VBA
    for inputs, name in (
        ([xlsm], "satu.xlsx"),
        ([xlsm, CONTOH / "probolinggo.yaml"], "pemda.xlsx"),
    ):
        report = consolidate(inputs, tmp_path / name)
        assert report.output is not None
        with zipfile.ZipFile(report.output.xlsx) as z:
            names = z.namelist()
            rels = "".join(z.read(n).decode() for n in names if n.endswith(".rels"))
            types = z.read("[Content_Types].xml").decode()
        assert not [n for n in names if "vbaproject" in n.lower() or "externallink" in n.lower()]
        assert "macroEnabled" not in types and "vbaProject" not in types
        assert 'TargetMode="External"' not in rels  # no hyperlink to a file or a site


def test_a_pemda_laporan_skips_an_input_whose_reader_dies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iki_xl.app import laporan

    folder = _pemda(tmp_path, 3)
    read = laporan._read_for_laporan

    def dies_on_the_second(path: Path, single: bool = False) -> object:
        if path.name == "dinas_01.yaml":
            os.kill(os.getpid(), signal.SIGKILL)
        return read(path, single)

    monkeypatch.setattr(laporan, "_read_for_laporan", dies_on_the_second)
    monkeypatch.setenv("IKI_XL_START_METHOD", "fork")  # the patched reader runs in the child
    written = laporan.write_laporan([folder], tmp_path / "tw.xlsx", 2)
    assert len(written.skipped) == 1 and "dinas_01.yaml" in written.skipped[0]
    assert "SIGKILL" in written.skipped[0]
    assert (tmp_path / "tw.xlsx").exists()
    alone = laporan.write_laporan([folder / "dinas_00.yaml"], tmp_path / "one.xlsx", 2)
    assert len(written.report.rows) == 2 * len(alone.report.rows)  # two Dinas, both sampang
