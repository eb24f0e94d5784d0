"""Is this installation able to run the IKI workbook? The checks of `iki-xl doctor`, and
the facts the template's "Periksa Instalasi" button asks Python for.

Every check runs where things are broken: nothing here imports xlwings (its version comes
from the package metadata; a fresh interpreter imports `iki_xl.macros` as RunPython does,
and its failure is the finding), and the template's embedded version is read from the file
(`template.vba_read`, no xlwings needed).

"Periksa Instalasi" (iki_xl/template/vba/Instalasi.bas) runs the configured interpreter once
with a fixed command that ends in `print_excel_facts()`: one line per fact, `IKI-<KEY>
<value>`, parsed by the VBA. Keep those keys stable; the VBA of distributed workbooks reads
them.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import iki_xl
from iki_xl.core.numbers import format_number
from iki_xl.template.vba_read import XLWINGS_PINNED, VbaReadError, embedded_xlwings_version

__all__ = [
    "DEFAULT_TEMPLATE",
    "MIN_PYTHON",
    "Check",
    "Status",
    "exit_code",
    "print_excel_facts",
    "run_checks",
]

MIN_PYTHON = (3, 11)
DEFAULT_TEMPLATE = Path("workbooks") / "IKI_template.xlsm"
INSTALL = "pip install iki-xl"
PIN = f"pip install xlwings=={XLWINGS_PINNED}"


class Status(StrEnum):
    OK = "ok"
    PERINGATAN = "peringatan"
    GAGAL = "gagal"


@dataclass(frozen=True)
class Check:
    """One check: what was looked at, what was found, and what to do about it."""

    label: str
    status: Status
    detail: str
    saran: str = ""


def _windows() -> bool:
    return sys.platform.startswith("win")


def _distribution_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def xlwings_version() -> str | None:
    """The installed xlwings (its metadata; None when the package cannot be found)."""
    if importlib.util.find_spec("xlwings") is None:
        return None
    return _distribution_version("xlwings")


# ---------------------------------------------------------------- the checks


def check_python() -> Check:
    version = ".".join(str(n) for n in sys.version_info[:3])
    detail = f"{version} ({sys.executable})"
    if sys.version_info[:2] < MIN_PYTHON:
        need = ".".join(str(n) for n in MIN_PYTHON)
        return Check(
            "Python",
            Status.GAGAL,
            detail,
            f"iki-xl memerlukan Python {need} atau lebih baru: pasang dari python.org.",
        )
    if "WindowsApps" in sys.executable:
        return Check(
            "Python",
            Status.PERINGATAN,
            detail + " — Python dari Microsoft Store",
            "xlwings sering gagal dengan Python dari Microsoft Store: pasang Python dari "
            "python.org dan isi Interpreter_Win dengan lokasi python.exe-nya.",
        )
    return Check("Python", Status.OK, detail)


def check_iki_xl() -> Check:
    where = Path(iki_xl.__file__).resolve().parent
    installed = _distribution_version("iki-xl")
    detail = f"{iki_xl.__version__} ({where})"
    if installed is not None and installed != iki_xl.__version__:
        return Check(
            "iki_xl",
            Status.PERINGATAN,
            f"{detail}; paket terpasang versi {installed}",
            "Python memakai salinan iki_xl yang lain dari paket terpasang (periksa "
            f"PYTHONPATH), atau pasang ulang: {INSTALL}",
        )
    return Check("iki_xl", Status.OK, detail)


def check_xlwings() -> Check:
    version = xlwings_version()
    if version is None:
        return Check(
            "xlwings",
            Status.GAGAL,
            "tidak terpasang",
            f"Pasang ulang iki-xl: {INSTALL} (memasang xlwings {XLWINGS_PINNED}).",
        )
    if version != XLWINGS_PINNED:
        return Check(
            "xlwings",
            Status.GAGAL,
            f"versi {version}, templat memerlukan {XLWINGS_PINNED}",
            f"Versi harus sama persis dengan yang tertanam di templat: {PIN}",
        )
    return Check("xlwings", Status.OK, f"versi {version} (sama dengan templat)")


def check_macros(timeout: float = 120) -> Check:
    """What the ribbon's RunPython does: a fresh interpreter imports `iki_xl.macros` (and
    with it xlwings, and pywin32 on Windows). Timed, since every click pays it."""
    label = "Makro pita (iki_xl.macros)"
    start = time.perf_counter()
    try:
        run = subprocess.run(
            [sys.executable, "-c", "import iki_xl.macros"],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return Check(label, Status.GAGAL, f"tidak dapat diperiksa: {e}")
    seconds = format_number(time.perf_counter() - start, 2)
    if run.returncode != 0:
        lines = (run.stderr or run.stdout).strip().splitlines()
        return Check(
            label,
            Status.GAGAL,
            f"tidak dapat diimpor: {lines[-1] if lines else f'kode keluar {run.returncode}'}",
            f"Pasang ulang iki-xl dengan Python ini: {sys.executable} -m {INSTALL}",
        )
    return Check(label, Status.OK, f"dapat diimpor dalam {seconds} detik")


def check_pywin32() -> Check | None:
    """Windows only: xlwings talks to Excel through pywin32."""
    if not _windows():
        return None
    if importlib.util.find_spec("win32com") is None:
        return Check(
            "pywin32",
            Status.GAGAL,
            "tidak terpasang",
            f"xlwings memerlukannya di Windows: {sys.executable} -m pip install pywin32",
        )
    return Check("pywin32", Status.OK, "terpasang")


def dll_name() -> str:
    """The DLL this Python's xlwings brings: 64 or 32 bits, as the interpreter (Excel must
    have the same bitness)."""
    bits = "64" if sys.maxsize > 2**32 else "32"
    return f"xlwings{bits}-{xlwings_version() or XLWINGS_PINNED}.dll"


def dll_facts() -> tuple[Path | None, Path, bool]:
    """(the xlwings DLL found, the folder it belongs in, whether that folder is on PATH).

    Excel loads `xlwings64-<version>.dll` for the IKI functions: from the folder of the
    interpreter named in Interpreter_Win (or its parent, for a virtual environment), or —
    when Interpreter_Win is empty — from a folder on PATH.
    """
    name = dll_name()
    folders = [Path(sys.prefix), Path(sys.executable).parent, Path(sys.executable).parent.parent]
    found = next((f / name for f in folders if (f / name).is_file()), None)
    home = found.parent if found is not None else Path(sys.prefix)
    on_path = {
        os.path.normcase(os.path.abspath(p))
        for p in os.environ.get("PATH", "").split(os.pathsep)
        if p
    }
    return found, home, os.path.normcase(str(home)) in on_path


def check_dll() -> Check | None:
    if not _windows():
        return None
    found, home, on_path = dll_facts()
    if found is None:
        return Check(
            "DLL xlwings",
            Status.GAGAL,
            f"tidak ditemukan di {home}",
            f"Pasang ulang xlwings: {sys.executable} -m {PIN}",
        )
    where = "ada di PATH" if on_path else "tidak ada di PATH"
    if on_path:
        return Check("DLL xlwings", Status.OK, f"{found} (folder {where})")
    return Check(
        "DLL xlwings",
        Status.PERINGATAN,
        f"{found} (folder {where})",
        "Isi Interpreter_Win di sheet xlwings.conf dengan lokasi python.exe ini, agar "
        'fungsi IKI tidak gagal dengan "File not found: xlwings64-….dll".',
    )


def check_pandas() -> Check:
    if importlib.util.find_spec("pandas") is None:
        return Check("pandas", Status.OK, "tidak terpasang (klik tombol IKI lebih cepat)")
    return Check(
        "pandas",
        Status.PERINGATAN,
        f"terpasang: xlwings mengimpornya pada setiap klik (kira-kira {format_number(0.65)} detik lebih lambat)",
        "iki-xl tidak memakai pandas. Bila program lain juga tidak memakainya: "
        "pip uninstall pandas",
    )


def check_libreoffice() -> Check:
    from iki_xl.io.pdf import find_soffice

    soffice = find_soffice()
    if soffice is None:
        return Check(
            "LibreOffice",
            Status.PERINGATAN,
            "tidak ditemukan",
            "Hanya perlu untuk mencetak PDF (iki-xl consolidate --pdf): pasang LibreOffice "
            "dari libreoffice.org.",
        )
    return Check("LibreOffice", Status.OK, soffice)


def check_template(path: Path | None) -> Check:
    """The workbook's embedded xlwings against the installed one. `path` None: the
    default template, only a warning when it is not there."""
    given = path is not None
    path = path if path is not None else DEFAULT_TEMPLATE
    label = f"Templat ({path})"
    if not path.is_file():
        status = Status.GAGAL if given else Status.PERINGATAN
        return Check(
            label,
            status,
            "berkas tidak ditemukan",
            "Beri lokasi templat atau buku kerja .xlsm: iki-xl doctor <berkas.xlsm>",
        )
    try:
        embedded = embedded_xlwings_version(path)
    except VbaReadError as e:
        return Check(label, Status.GAGAL, str(e), "Gunakan IKI_template.xlsm yang asli.")
    except ImportError as e:
        return Check(label, Status.GAGAL, f"tidak dapat diperiksa: {e}", f"Pasang ulang: {INSTALL}")
    if embedded is None:
        return Check(
            label,
            Status.GAGAL,
            "tidak memuat modul VBA xlwings",
            "Gunakan IKI_template.xlsm yang asli, atau buat ulang: iki-xl build-template",
        )
    installed = xlwings_version()
    if embedded != installed:
        return Check(
            label,
            Status.GAGAL,
            f"xlwings {embedded} tertanam, terpasang {installed or 'tidak ada'}",
            f"Keduanya harus sama persis: pip install xlwings=={embedded}, atau buat ulang "
            "templat dengan xlwings yang terpasang (iki-xl build-template).",
        )
    return Check(label, Status.OK, f"xlwings {embedded} tertanam, sama dengan yang terpasang")


def run_checks(template: Path | None = None) -> list[Check]:
    """Every check of `iki-xl doctor`, in the order it prints them."""
    checks = [
        check_python(),
        check_iki_xl(),
        check_xlwings(),
        check_pywin32(),
        check_macros(),
        check_dll(),
        check_pandas(),
        check_libreoffice(),
        check_template(template),
    ]
    return [c for c in checks if c is not None]


def exit_code(checks: list[Check]) -> int:
    """1 when a check failed, else 0 (warnings do not fail)."""
    return 1 if any(c.status is Status.GAGAL for c in checks) else 0


# ---------------------------------------------------------------- for Periksa Instalasi


def _one_line(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def print_excel_facts() -> None:
    """The facts "Periksa Instalasi" reads, one `IKI-<KEY> <value>` line each:

    IKI-XLWINGS <installed version, or "-">
    IKI-DLL <1 found / 0>|<its folder>|<1 on PATH / 0>|<file name looked for>
    IKI-CHECK <ok|peringatan|gagal>|<label>|<detail>|<saran>   (pywin32, macros, pandas)
    IKI-END

    (IKI-PYTHON, IKI-EXE and IKI-IKIXL come before, from the command line itself.)
    """
    print("IKI-XLWINGS", xlwings_version() or "-")
    found, home, on_path = dll_facts()
    print(f"IKI-DLL {int(found is not None)}|{home}|{int(on_path)}|{dll_name()}")
    for check in (check_pywin32(), check_macros(), check_pandas()):
        if check is not None:
            fields = (check.status.value, check.label, check.detail, check.saran)
            print("IKI-CHECK " + "|".join(_one_line(f) for f in fields))
    print("IKI-END")
    sys.stdout.flush()
