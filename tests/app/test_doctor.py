"""The doctor's checks one by one, including the Windows-only ones (pywin32, the xlwings
DLL and PATH) on a faked Windows, and the facts "Periksa Instalasi" parses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from iki_xl.app import doctor as D
from iki_xl.template.vba_read import XLWINGS_PINNED

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A faked Windows Python installed in tmp_path (python.exe in its root, like
    python.org's installer)."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python.exe"))
    monkeypatch.setenv("PATH", "")
    return tmp_path


def test_checks_that_only_windows_needs_are_left_out_elsewhere() -> None:
    if sys.platform.startswith("win"):
        pytest.skip("on Windows they are real checks")
    assert D.check_pywin32() is None and D.check_dll() is None
    assert {c.label for c in D.run_checks()} >= {"Python", "iki_xl", "xlwings", "pandas"}


def test_dll_missing_found_off_path_and_on_path(
    windows: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = D.check_dll()
    assert check is not None and check.status is D.Status.GAGAL
    assert f"xlwings=={XLWINGS_PINNED}" in check.saran
    dll = windows / f"xlwings64-{XLWINGS_PINNED}.dll"
    dll.write_bytes(b"MZ")
    check = D.check_dll()
    assert check is not None and check.status is D.Status.PERINGATAN
    assert "Interpreter_Win" in check.saran and "tidak ada di PATH" in check.detail
    monkeypatch.setenv("PATH", os.pathsep.join(["C:\\lain", str(windows)]))
    check = D.check_dll()
    assert check is not None and check.status is D.Status.OK and str(dll) in check.detail


def test_a_virtual_environment_keeps_its_dll_in_its_root(
    windows: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (windows / "Scripts").mkdir()
    monkeypatch.setattr(sys, "executable", str(windows / "Scripts" / "python.exe"))
    (windows / f"xlwings64-{XLWINGS_PINNED}.dll").write_bytes(b"MZ")
    found, home, _ = D.dll_facts()
    assert found == windows / f"xlwings64-{XLWINGS_PINNED}.dll" and home == windows


def test_pywin32(windows: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = D.importlib.util.find_spec
    monkeypatch.setattr(
        D.importlib.util, "find_spec", lambda n, *a: None if n == "win32com" else real(n, *a)
    )
    check = D.check_pywin32()
    assert check is not None and check.status is D.Status.GAGAL
    assert "pip install pywin32" in check.saran


def test_python_too_old_or_from_the_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "version_info", (3, 10, 4, "final", 0))
    assert D.check_python().status is D.Status.GAGAL
    monkeypatch.setattr(sys, "version_info", (3, 12, 1, "final", 0))
    store = "C:\\Users\\a\\AppData\\Local\\Microsoft\\WindowsApps\\python.exe"
    monkeypatch.setattr(sys, "executable", store)
    check = D.check_python()
    assert check.status is D.Status.PERINGATAN and "python.org" in check.saran


def test_exit_code_counts_failures_only() -> None:
    ok = D.Check("a", D.Status.OK, "")
    warn = D.Check("b", D.Status.PERINGATAN, "")
    assert D.exit_code([ok, warn]) == 0
    assert D.exit_code([ok, D.Check("c", D.Status.GAGAL, "")]) == 1


def test_the_facts_periksa_instalasi_reads() -> None:
    """The exact command line of vba/Instalasi.bas, run by this interpreter."""
    source = (REPO / "iki_xl" / "template" / "vba" / "Instalasi.bas").read_text("cp1252")
    code = next(
        line.split('"', 1)[1].rsplit('"', 1)[0]
        for line in source.splitlines()
        if line.startswith("Private Const CHECK_CODE")
    )
    r = subprocess.run(
        [sys.executable, "-c", code.replace('""', '"')],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert r.returncode == 0, r.stdout + r.stderr
    facts: dict[str, list[str]] = {}
    for line in r.stdout.splitlines():
        key, _, value = line.partition(" ")
        facts.setdefault(key, []).append(value)
    assert facts["IKI-PYTHON"] == [".".join(map(str, sys.version_info[:3]))]
    assert facts["IKI-EXE"] == [sys.executable]
    assert facts["IKI-IKIXL"] == ["0.1.0"]
    assert facts["IKI-XLWINGS"] == [XLWINGS_PINNED]
    found, folder, on_path, name = facts["IKI-DLL"][0].split("|")
    assert found in {"0", "1"} and on_path in {"0", "1"} and folder
    assert name == f"xlwings64-{XLWINGS_PINNED}.dll"
    checks = [c.split("|") for c in facts["IKI-CHECK"]]
    assert all(len(c) == 4 and c[0] in {"ok", "peringatan", "gagal"} for c in checks)
    assert "Makro pita (iki_xl.macros)" in [c[1] for c in checks]
    assert list(facts) == [
        "IKI-PYTHON",
        "IKI-EXE",
        "IKI-IKIXL",
        "IKI-XLWINGS",
        "IKI-DLL",
        "IKI-CHECK",
        "IKI-END",
    ]
