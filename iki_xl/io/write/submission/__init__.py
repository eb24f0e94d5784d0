"""The submission workbook (.xlsx, XlsxWriter): Keputusan, Lampiran, Rekap, Ringkasan.

For one Dinas (`write_pengajuan`, also what the ribbon's Konsolidasi calls) all four sheets,
and on request the Keputusan and Lampiran as a Word document (`word.py`), which Dinas edit
before signing.
For a Pemda (`write_pemda_rekap`) the merged Rekap and Ringkasan with the Dinas as a
column, and no Keputusan/Lampiran: each decree is signed by its own Kepala Dinas and printed
from that Dinas' own submission; a Pemda recap is a monitoring table, and leaving the decrees
out keeps memory bounded (only the Rekap rows of a Dinas arrive, never its whole document).

Values only: no formula cells, no links to other files, no VBA. Every text a planner typed
goes through `write_string` (`iki_xl.io.write.cells`), so "=SUM(A1)" or "+62…" arrives as
text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter
from xlsxwriter.workbook import Workbook

from iki_xl.core.findings import Finding, Severity
from iki_xl.core.keputusan import keputusan_text, page_marks
from iki_xl.core.lampiran import lampiran_blocks
from iki_xl.core.model import Dokumen
from iki_xl.core.rekap import DinasRekap, Ringkasan, dinas_rekap
from iki_xl.io.atomic import temporary_path
from iki_xl.io.pdf import to_pdf
from iki_xl.io.text_height import DEFAULT_SIZE
from iki_xl.io.write.cells import Formats
from iki_xl.io.write.submission.keputusan import write_keputusan_sheet
from iki_xl.io.write.submission.lampiran import LampiranSheet
from iki_xl.io.write.submission.pages import mark_pages
from iki_xl.io.write.submission.rekap import RekapSheet
from iki_xl.io.write.submission.ringkasan import SHEET as SHEET_RINGKASAN
from iki_xl.io.write.submission.ringkasan import write_ringkasan_sheet
from iki_xl.io.write.submission.word import write_word

FONT = "Arial"  # LibreOffice without Arial substitutes a metric-compatible or wider font


@dataclass(frozen=True, slots=True)
class Pengajuan:
    """What was written: the workbook and, when asked for, its PDF and the Word document.
    `galat`: how many remain (every page then says DRAF)."""

    xlsx: Path
    pdf: Path | None = None
    docx: Path | None = None
    galat: int = 0


def _workbook(path: Path) -> tuple[Workbook, Formats]:
    wb = xlsxwriter.Workbook(
        str(path),
        {
            "in_memory": True,  # no XML parts in TMPDIR, where a killed run would leave them
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "default_format_properties": {"font_name": FONT, "font_size": DEFAULT_SIZE},
        },
    )
    return wb, Formats(wb, {"font_name": FONT, "font_size": DEFAULT_SIZE, "valign": "top"})


def _set_title(wb: Workbook, title: str) -> None:
    wb.set_properties(
        {
            "title": title,
            "subject": "Indikator Kinerja Individu",
            "comments": "Dibuat dengan iki-xl",
        }
    )


def _print(xlsx: Path, pdf: bool) -> Path | None:
    return to_pdf(xlsx, xlsx.parent) if pdf else None


def galat_count(findings: Sequence[Finding] | None) -> int:
    return sum(1 for f in findings or () if f.severity is Severity.GALAT)


def write_pengajuan(
    doc: Dokumen,
    path: Path | str,
    *,
    findings: Sequence[Finding] | None = None,
    pdf: bool = False,
    docx: bool = False,
    sumber: str = "",
    org_chart: bool = False,
    fraction: bool = False,
) -> Pengajuan:
    """The submission of one Dinas: Keputusan, Lampiran, Rekap, Ringkasan, atomically;
    with `docx` also the Keputusan and Lampiran as a Word document beside it (same stem).

    `doc` should be completed (`formulasi.complete`). `findings`: the validation findings,
    or None when validation is not available (the Ringkasan says so); while a galat
    remains every page says DRAF. Jabatan in the document's (sheet) order, or the org
    chart's with `org_chart`; `fraction` lays one-line "A / B" formulas out as fractions.
    This is the function the ribbon's Konsolidasi calls.
    """
    path = Path(path)
    text = keputusan_text(doc.instansi)
    rekap = dinas_rekap(doc, findings, sumber=sumber, org_chart=org_chart)
    blocks = lampiran_blocks(doc, org_chart=org_chart, fraction=fraction)
    galat = galat_count(findings)
    marks = page_marks(galat, doc.instansi.contoh)
    ringkasan = Ringkasan()
    ringkasan.add(rekap)
    with temporary_path(path) as tmp:
        wb, formats = _workbook(tmp)
        _set_title(wb, text.judul[0])
        write_keputusan_sheet(wb, formats, text, marks)
        LampiranSheet(wb, formats).write(text, blocks, marks)
        table = RekapSheet(wb, formats, title=f"Rekap IKI {rekap.dinas}", rows=rekap.rows)
        table.add(rekap.rows)
        table.finish()
        mark_pages(table.ws, marks)
        ws = wb.add_worksheet(SHEET_RINGKASAN)
        write_ringkasan_sheet(wb, ws, formats, ringkasan, rekap.dinas, pemda=False, marks=marks)
        wb.close()
    word = None
    if docx:
        word = write_word(path.with_suffix(".docx"), text, blocks, marks)
    return Pengajuan(path, _print(path, pdf), word, galat)


def write_pemda_rekap(
    rekaps: Iterable[DinasRekap],
    path: Path | str,
    *,
    title: str = "",
    pdf: bool = False,
    keep: Callable[[DinasRekap], bool] | None = None,
) -> tuple[Pengajuan, Ringkasan]:
    """The merged Rekap and Ringkasan of many Dinas, written as the Dinas arrive.

    `rekaps` may be a generator (e.g. results of reading workers): each Dinas' rows are
    written at once and only the Ringkasan's counts are kept (its `rows` are emptied).
    `keep` may drop a Dinas (returns False) after it has been seen.
    """
    path = Path(path)
    ringkasan = Ringkasan()
    with temporary_path(path) as tmp:
        wb, formats = _workbook(tmp)
        ws = wb.add_worksheet(SHEET_RINGKASAN)
        table = RekapSheet(wb, formats)
        for rekap in rekaps:
            if keep is not None and not keep(rekap):
                continue
            table.add(rekap.rows)
            ringkasan.add(rekap)
            rekap.rows = []  # the rows are in the sheet now; keep only the counts
        table.finish()
        title = title or f"{len(ringkasan.dinas)} Perangkat Daerah"
        _set_title(wb, f"Rekap IKI {title}")
        galat = sum((c or {}).get(str(Severity.GALAT), 0) for c in ringkasan.counts.values())
        marks = page_marks(galat, "")
        mark_pages(table.ws, marks)
        write_ringkasan_sheet(wb, ws, formats, ringkasan, title, pemda=True, marks=marks)
        ws.activate()
        wb.close()
    return Pengajuan(path, _print(path, pdf), galat=galat), ringkasan
