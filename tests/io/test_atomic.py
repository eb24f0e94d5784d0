"""Atomic writes: all or nothing, and the mode a plain open() would give."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from iki_xl.errors import UnusableFile
from iki_xl.io.atomic import (
    TEMP_PREFIX,
    check_writable,
    clean_stale,
    temporary_path,
    write_atomic,
)


def test_new_file_gets_umask_mode_not_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.xlsx", b"isi")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.xlsx").stat().st_mode) == 0o644


def test_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_bytes(b"lama")
    f.chmod(0o640)
    write_atomic(f, b"baru")
    assert f.read_bytes() == b"baru"
    assert stat.S_IMODE(f.stat().st_mode) == 0o640


def test_failure_leaves_target_and_no_temporary(tmp_path: Path) -> None:
    f = tmp_path / "a.xlsx"
    f.write_bytes(b"lama")
    with pytest.raises(RuntimeError), temporary_path(f) as tmp:
        tmp.write_bytes(b"setengah")
        raise RuntimeError("gagal di tengah")
    assert f.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


# ---------------------------------------------------------------- failures and leftovers


def _no_temporaries(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_an_output_held_open_is_one_message_and_nothing_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel holds an open workbook locked on Windows: the rename fails (WinError 32)."""
    f = tmp_path / "pengajuan.xlsx"
    f.write_bytes(b"lama")

    def held(*_: object) -> None:
        e = PermissionError(13, "The process cannot access the file")
        e.winerror = 32  # type: ignore[attr-defined]
        raise e

    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(UnusableFile, match=r"pengajuan\.xlsx: tidak dapat ditulis .*dibuka"):
        write_atomic(f, b"baru")
    assert f.read_bytes() == b"lama"
    assert _no_temporaries(tmp_path)


def test_a_full_disk_is_one_message_and_the_old_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "a.yaml"
    f.write_bytes(b"lama")

    def full(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(UnusableFile, match="disk penuh"):
        write_atomic(f, b"baru")
    monkeypatch.undo()
    assert f.read_bytes() == b"lama"
    assert _no_temporaries(tmp_path)


def test_a_file_size_limit_met_while_writing_is_one_message(tmp_path: Path) -> None:
    """A real write failure (RLIMIT_FSIZE: the kernel refuses the bytes, EFBIG)."""
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))\n"
        "from iki_xl.io.atomic import write_atomic\n"
        "from iki_xl.errors import UnusableFile\n"
        "try:\n"
        f"    write_atomic({str(tmp_path / 'b.xlsx')!r}, bytes(5000))\n"
        "except UnusableFile as e:\n"
        "    print(e)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})  # fmt: skip
    assert "b.xlsx: tidak dapat ditulis (berkas melebihi batas ukuran)" in r.stdout, r.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_killed_runs_leftover_is_removed_by_the_next_write_but_not_a_write_under_way(
    tmp_path: Path,
) -> None:
    target = tmp_path / "rekap.xlsx"
    with temporary_path(target) as first:
        leftover = first.with_name(first.name.replace(first.name[-12:-4], "deadbeef"))
        leftover.write_bytes(b"setengah")  # as a SIGKILLed run leaves it: nobody holds it
        other = tmp_path / "lain.xlsx"
        with temporary_path(other) as under_way:  # another target's temporary file
            assert clean_stale(target) == [leftover]
            assert first.exists() and under_way.exists()  # held: a write under way
            under_way.write_bytes(b"x")
        first.write_bytes(b"isi")
    assert target.read_bytes() == b"isi"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lain.xlsx", "rekap.xlsx"]


def test_a_folder_a_long_name_or_a_read_only_folder_is_refused_before_any_work(
    tmp_path: Path,
) -> None:
    (tmp_path / "hasil.xlsx").mkdir()
    with pytest.raises(UnusableFile, match="sudah ada folder"):
        check_writable(tmp_path / "hasil.xlsx")
    with pytest.raises(UnusableFile, match="nama berkas terlalu panjang"):
        check_writable(tmp_path / ("x" * 300 + ".xlsx"))
    ro = tmp_path / "arsip"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        if os.access(ro, os.W_OK):  # root ignores the mode unless its capabilities are dropped
            pytest.skip("running with CAP_DAC_OVERRIDE")
        with pytest.raises(UnusableFile, match=r"izin ditolak|hanya-baca"):
            check_writable(ro / "hasil.xlsx")
    finally:
        ro.chmod(0o755)
