"""Compare two IKI (two years', or two versions of one year's) and write what changed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from iki_xl.app.check import load_whole
from iki_xl.core.banding import Perubahan, banding
from iki_xl.core.keputusan import dinas_name
from iki_xl.core.model import Dokumen
from iki_xl.io.pdf import to_pdf
from iki_xl.io.write.banding import write_banding


@dataclass
class BandingWritten:
    xlsx: Path
    pdf: Path | None
    changes: list[Perubahan]
    title: str


def _title(lama: Dokumen, baru: Dokumen) -> str:
    a, b = lama.instansi.tahun, baru.instansi.tahun
    if a and b and a != b:
        return f"PERBANDINGAN IKI TAHUN {a} DAN TAHUN {b}"
    return "PERBANDINGAN IKI" + (f" TAHUN {b}" if b else "")


def write_comparison(
    lama: Path | str, baru: Path | str, output: Path | str, *, pdf: bool = False
) -> BandingWritten:
    """Read both inputs (workbooks or data files, only read) and write the changes."""
    old, new = load_whole(Path(lama)), load_whole(Path(baru))
    return write_comparison_docs(old, new, output, pdf=pdf, names=f"{lama} → {baru}")


def write_comparison_docs(
    old: Dokumen, new: Dokumen, output: Path | str, *, pdf: bool = False, names: str = ""
) -> BandingWritten:
    """Write the changes from `old` to `new`; `names` titles a comparison of documents
    that name no Dinas."""
    changes = banding(old, new)
    title = _title(old, new)
    subtitle = dinas_name(new.instansi) or dinas_name(old.instansi) or names
    xlsx = write_banding(changes, output, title=title, subtitle=subtitle)
    printed = to_pdf(xlsx, xlsx.parent) if pdf else None
    return BandingWritten(xlsx, printed, changes, title)
