"""Printing a workbook to PDF (and a PDF page to PNG) with LibreOffice and poppler.

`to_pdf(path, out_dir)` runs `soffice --headless --convert-to pdf` with a private, throwaway
user profile (so it neither touches nor waits for the planner's own LibreOffice), a time
limit, and a clear one-line error when LibreOffice is missing or fails. The PDF is moved into
place atomically; the input file is never modified.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from iki_xl.errors import IkiError
from iki_xl.io.atomic import temporary_path

TIMEOUT = 300  # seconds; a cold LibreOffice start takes a few seconds


class PrintFailed(IkiError):
    """LibreOffice or poppler is missing, timed out, or produced nothing."""


def find_soffice() -> str | None:
    """The LibreOffice executable: $IKI_SOFFICE, then soffice/libreoffice on PATH."""
    for candidate in (os.environ.get("IKI_SOFFICE"), "soffice", "libreoffice"):
        if candidate and (p := shutil.which(candidate)):
            return p
    return None


def _run(command: list[str], limit: float, what: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=limit, check=False)
    except subprocess.TimeoutExpired:
        raise PrintFailed(f"{what}: melebihi batas waktu {limit:g} detik") from None
    except OSError as e:
        raise PrintFailed(f"{what}: tidak dapat dijalankan ({e.strerror or e})") from None


def to_pdf(path: Path | str, out_dir: Path | str, *, timeout: float = TIMEOUT) -> Path:
    """Print a workbook (or any document LibreOffice opens) to `out_dir/<stem>.pdf`."""
    path = Path(path).resolve()
    out_dir = Path(out_dir)
    if not path.is_file():
        raise PrintFailed(f"{path}: berkas tidak ditemukan")
    soffice = find_soffice()
    if soffice is None:
        raise PrintFailed(
            "LibreOffice (soffice) tidak ditemukan; pasang LibreOffice untuk mencetak PDF "
            "(Debian/Ubuntu: apt-get install libreoffice-calc)"
        )
    target = out_dir / f"{path.stem}.pdf"
    with tempfile.TemporaryDirectory(prefix="iki-lo-") as tmp:
        profile = Path(tmp) / "lo-profile"
        result_dir = Path(tmp) / "out"
        result_dir.mkdir()
        process = _run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--convert-to",
                "pdf",
                "--outdir",
                str(result_dir),
                str(path),
            ],
            timeout,
            "LibreOffice",
        )
        made = result_dir / f"{path.stem}.pdf"
        if not made.is_file() or made.stat().st_size == 0:
            message = (process.stderr or process.stdout).strip().splitlines()
            cause = message[-1] if message else f"kode keluar {process.returncode}"
            raise PrintFailed(f"{path.name}: LibreOffice tidak menghasilkan PDF ({cause})")
        with temporary_path(target) as tmp_target:
            shutil.copyfile(made, tmp_target)
    return target


def to_png(pdf: Path | str, out_prefix: Path | str, *, page: int = 1, dpi: int = 80) -> Path:
    """Render one page of a PDF to PNG with pdftoppm; returns the PNG's path."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise PrintFailed("pdftoppm (poppler-utils) tidak ditemukan")
    out_prefix = Path(out_prefix)
    out_prefix.parent.mkdir(parents=True, exist_ok=True)
    process = _run(
        [
            pdftoppm,
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(out_prefix),
        ],
        120,
        "pdftoppm",
    )
    png = out_prefix.with_name(out_prefix.name + ".png")
    if process.returncode != 0 or not png.is_file():
        raise PrintFailed(f"pdftoppm gagal pada halaman {page}: {process.stderr.strip()}")
    return png


def page_texts(pdf: Path | str) -> list[str]:
    """The text of every page (pdftotext -layout), one string per page."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        raise PrintFailed("pdftotext (poppler-utils) tidak ditemukan")
    process = _run([pdftotext, "-layout", str(pdf), "-"], 120, "pdftotext")
    if process.returncode != 0:
        raise PrintFailed(f"pdftotext gagal: {process.stderr.strip()}")
    pages = process.stdout.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages
