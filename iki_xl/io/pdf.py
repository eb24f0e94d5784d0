"""Printing a workbook to PDF (and a PDF page to PNG) with LibreOffice and poppler.

`ke_pdf(path, out_dir)` runs `soffice --headless --convert-to pdf` with a private, throwaway
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
from iki_xl.io.atomic import jalur_sementara

BATAS_WAKTU = 300  # seconds; a cold LibreOffice start takes a few seconds


class CetakGagal(IkiError):
    """LibreOffice or poppler is missing, timed out, or produced nothing."""


def cari_soffice() -> str | None:
    """The LibreOffice executable: $IKI_SOFFICE, then soffice/libreoffice on PATH."""
    for calon in (os.environ.get("IKI_SOFFICE"), "soffice", "libreoffice"):
        if calon and (p := shutil.which(calon)):
            return p
    return None


def _jalankan(perintah: list[str], batas: float, apa: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(perintah, capture_output=True, text=True, timeout=batas, check=False)
    except subprocess.TimeoutExpired:
        raise CetakGagal(f"{apa}: melebihi batas waktu {batas:g} detik") from None
    except OSError as e:
        raise CetakGagal(f"{apa}: tidak dapat dijalankan ({e.strerror or e})") from None


def ke_pdf(path: Path | str, out_dir: Path | str, *, batas_waktu: float = BATAS_WAKTU) -> Path:
    """Print a workbook (or any document LibreOffice opens) to `out_dir/<stem>.pdf`."""
    path = Path(path).resolve()
    out_dir = Path(out_dir)
    if not path.is_file():
        raise CetakGagal(f"{path}: berkas tidak ditemukan")
    soffice = cari_soffice()
    if soffice is None:
        raise CetakGagal(
            "LibreOffice (soffice) tidak ditemukan; pasang LibreOffice untuk mencetak PDF "
            "(Debian/Ubuntu: apt-get install libreoffice-calc)"
        )
    target = out_dir / f"{path.stem}.pdf"
    with tempfile.TemporaryDirectory(prefix="iki-lo-") as tmp:
        profil = Path(tmp) / "lo-profile"
        hasil_dir = Path(tmp) / "out"
        hasil_dir.mkdir()
        proses = _jalankan(
            [
                soffice,
                f"-env:UserInstallation={profil.as_uri()}",
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--convert-to",
                "pdf",
                "--outdir",
                str(hasil_dir),
                str(path),
            ],
            batas_waktu,
            "LibreOffice",
        )
        jadi = hasil_dir / f"{path.stem}.pdf"
        if not jadi.is_file() or jadi.stat().st_size == 0:
            pesan = (proses.stderr or proses.stdout).strip().splitlines()
            sebab = pesan[-1] if pesan else f"kode keluar {proses.returncode}"
            raise CetakGagal(f"{path.name}: LibreOffice tidak menghasilkan PDF ({sebab})")
        with jalur_sementara(target) as sementara:
            shutil.copyfile(jadi, sementara)
    return target


def ke_png(pdf: Path | str, out_prefix: Path | str, *, halaman: int = 1, dpi: int = 80) -> Path:
    """Render one page of a PDF to PNG with pdftoppm; returns the PNG's path."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise CetakGagal("pdftoppm (poppler-utils) tidak ditemukan")
    out_prefix = Path(out_prefix)
    out_prefix.parent.mkdir(parents=True, exist_ok=True)
    proses = _jalankan(
        [
            pdftoppm,
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(halaman),
            "-l",
            str(halaman),
            "-singlefile",
            str(pdf),
            str(out_prefix),
        ],
        120,
        "pdftoppm",
    )
    png = out_prefix.with_name(out_prefix.name + ".png")
    if proses.returncode != 0 or not png.is_file():
        raise CetakGagal(f"pdftoppm gagal pada halaman {halaman}: {proses.stderr.strip()}")
    return png


def teks_halaman(pdf: Path | str) -> list[str]:
    """The text of every page (pdftotext -layout), one string per page."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        raise CetakGagal("pdftotext (poppler-utils) tidak ditemukan")
    proses = _jalankan([pdftotext, "-layout", str(pdf), "-"], 120, "pdftotext")
    if proses.returncode != 0:
        raise CetakGagal(f"pdftotext gagal: {proses.stderr.strip()}")
    halaman = proses.stdout.split("\f")
    if halaman and not halaman[-1].strip():
        halaman.pop()
    return halaman
