"""Atomic writes: all or nothing, and the mode a plain open() would give."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from iki_xl.io.atomic import temporary_path, write_atomic


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
