"""The submission printed by LibreOffice: a real reader as judge (slow)."""

from __future__ import annotations

import os
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from iki_xl.core.hierarchy import org_order
from iki_xl.io.pdf import page_texts, to_png
from iki_xl.io.write.submission import write_pengajuan
from tests.io.conftest import contoh

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def _require_libreoffice() -> None:
    missing = [p for p in ("soffice", "pdftoppm", "pdftotext") if shutil.which(p) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs {', '.join(missing)} (installed by .ci/run)")
        pytest.skip(f"{', '.join(missing)} not installed")


def png_pixels(path: Path) -> tuple[int, int, int, bytes]:
    """Decode an 8-bit PNG (gray or RGB, as pdftoppm writes): width, height, channels, rows."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos : pos + 4])
        kind, chunk = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8
            channels = {0: 1, 2: 3, 6: 4}[color]
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = width * channels
    out = bytearray()
    previous = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = row[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if f == 1:
                row[x] = (row[x] + a) & 255
            elif f == 2:
                row[x] = (row[x] + b) & 255
            elif f == 3:
                row[x] = (row[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                row[x] = (row[x] + pred) & 255
        out += row
        previous = row
    return width, height, channels, bytes(out)


@pytest.mark.parametrize("nama", ["probolinggo", "sampang"])
def test_pdf_has_every_jabatan_and_a_non_blank_first_lampiran_page(
    tmp_path: Path, nama: str
) -> None:
    doc = contoh(nama)
    written = write_pengajuan(doc, tmp_path / f"{nama}.xlsx", pdf=True)
    assert written.pdf is not None and written.pdf.read_bytes()[:5] == b"%PDF-"
    pages = [re.sub(r"\s+", " ", h) for h in page_texts(written.pdf)]
    everything = " ".join(pages)
    for jab, _ in org_order(doc):
        assert re.sub(r"\s+", " ", jab.nama) in everything, jab.nama
    # the first Lampiran page: where the Lampiran header is printed
    first = next(i for i, h in enumerate(pages) if "LAMPIRAN :" in h) + 1
    assert first > 1  # the Keputusan comes first
    assert "INDIKATOR KINERJA INDIVIDU" in pages[first - 1]
    png = to_png(written.pdf, tmp_path / "lampiran", page=first, dpi=50)
    width, height, channels, px = png_pixels(png)
    assert width > height  # A4 landscape
    dark = sum(1 for i in range(0, len(px), channels) if px[i] < 128)
    assert dark > 0.002 * width * height, "the first Lampiran page is blank"
    # the page numbers are in the footer
    assert re.search(r"Halaman \d+ dari \d+", pages[first - 1])
