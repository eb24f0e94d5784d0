"""The Lampiran sheet: every jabatan in sheet order (org-chart order on request), a note
for a jabatan without indicators, merged kinerja cells, and a print setup that keeps tables
readable."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from iki_xl.core.formulasi import complete
from iki_xl.core.hierarchy import org_order
from iki_xl.core.lampiran import NO_INDIKATOR, lampiran_blocks
from iki_xl.core.model import Dokumen, Indikator, Jabatan, Kinerja
from iki_xl.core.rekap import REKAP_COLUMNS, dinas_rekap
from iki_xl.io.write.submission import write_pengajuan
from iki_xl.io.write.submission.lampiran import LAMPIRAN_COLUMNS
from tests.io.conftest import contoh
from tests.io.write.submission.generated import awkward_document, sixty_jabatan
from tests.io.write.submission.read_back import read_lampiran, read_lampiran_docx


@pytest.mark.parametrize(("nama", "count"), [("probolinggo", 15), ("sampang", 7)])
def test_lampiran_lists_jabatan_in_sheet_order_or_org_chart_order(
    tmp_path: Path, nama: str, count: int
) -> None:
    doc = contoh(nama)
    blocks = read_lampiran(write_pengajuan(doc, tmp_path / f"{nama}.xlsx").xlsx)
    assert [b.nama for b in blocks] == [j.nama for j in doc.jabatan]
    assert len(blocks) == count
    by_org = read_lampiran(write_pengajuan(doc, tmp_path / "o.xlsx", org_chart=True).xlsx)
    assert [b.nama for b in by_org] == [j.nama for j, _ in org_order(doc)]


def test_sheet_order_is_the_default_where_the_org_chart_differs(tmp_path: Path) -> None:
    doc = sixty_jabatan()
    sheet = [j.nama for j in doc.jabatan]
    org = [j.nama for j, _ in org_order(doc)]
    assert sheet != org  # all Kasi listed after all Kabid
    assert [b.nama for b in lampiran_blocks(doc)] == sheet
    assert [b.nama for b in lampiran_blocks(doc, org_chart=True)] == org
    rekap = [r.jabatan for r in dinas_rekap(doc).rows]
    assert list(dict.fromkeys(rekap)) == sheet  # the Rekap follows the same order
    out = write_pengajuan(doc, tmp_path / "s.xlsx", docx=True, org_chart=True)
    assert [b.nama for b in read_lampiran_docx(out.docx)] == org


def test_jabatan_without_indicators_says_so_in_its_table(tmp_path: Path) -> None:
    out = write_pengajuan(awkward_document(), tmp_path / "a.xlsx", docx=True)
    for blocks in (read_lampiran(out.xlsx), read_lampiran_docx(out.docx)):
        by_name = {b.nama: b for b in blocks}
        assert by_name["Pengadministrasi Umum"].notes == [""]  # no kinerja at all
        assert by_name["Kasubag Tanpa Indikator"].notes == ["Sasaran tanpa indikator"]
        assert not by_name["Pengadministrasi Umum"].rows
        assert not by_name["KEPALA DINAS UJI"].notes
    rows = [r for r in dinas_rekap(awkward_document()).rows if not r.has_indikator]
    assert [(r.jabatan, r.indikator) for r in rows] == [
        ("Pengadministrasi Umum", NO_INDIKATOR),
        ("Kasubag Tanpa Indikator", NO_INDIKATOR),
    ]
    ws = openpyxl.load_workbook(out.xlsx)["Rekap"]
    column = REKAP_COLUMNS.index("Indikator Kinerja") + 1
    notes = [r for r in range(2, ws.max_row + 1) if ws.cell(r, column).value == NO_INDIKATOR]
    assert len(notes) == 2


def test_kinerja_cell_is_merged_over_its_indicators(tmp_path: Path) -> None:
    doc = contoh("sampang")
    ws = openpyxl.load_workbook(write_pengajuan(doc, tmp_path / "s.xlsx").xlsx)["Lampiran"]
    merged_a = [m for m in ws.merged_cells.ranges if m.min_col == 1 and m.max_col == 1]
    heights = sorted(m.max_row - m.min_row + 1 for m in merged_a)
    # Bidang Rehabilitasi Sosial: one kinerja over 5 indicators is among them
    assert 5 in heights
    several = sum(1 for j in doc.jabatan for k in j.kinerja if len(k.indikator) > 1)
    assert len(merged_a) == several


def long_document() -> Dokumen:
    """Two jabatan, the first with a table far longer than one page."""
    ind = [
        Indikator(nama=f"Persentase hal {i} " * 3, formulasi="Jumlah A\nJumlah B\n× 100%")
        for i in range(12)
    ]
    kinerja = [Kinerja(sasaran=f"Sasaran {k}", indikator=ind) for k in range(3)]
    return complete(
        Dokumen(
            jabatan=[
                Jabatan(id="a", nama="Kepala Dinas", kinerja=kinerja),
                Jabatan(id="b", nama="Sekretaris", atasan="a", kinerja=kinerja[:1]),
            ]
        )
    )


def _row(ws: openpyxl.worksheet.worksheet.Worksheet, r: int) -> tuple[object, ...]:
    return tuple(ws.cell(r, c).value for c in range(1, 5))


@pytest.mark.parametrize("source", ["probolinggo", "long"])
def test_print_setup_a4_landscape_fit_width_breaks_and_footer(tmp_path: Path, source: str) -> None:
    doc = long_document() if source == "long" else contoh(source)
    path = write_pengajuan(doc, tmp_path / "p.xlsx").xlsx
    ws = openpyxl.load_workbook(path)["Lampiran"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1)  # 1 is the default, left out by XlsxWriter
    assert ws.page_setup.fitToHeight == 0
    assert "&P" in ws.oddFooter.right.text
    breaks = [b.id for b in ws.row_breaks.brk]
    block_starts = [
        r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "INDIKATOR KINERJA INDIVIDU"
    ]
    # every jabatan but the first starts a page (break above its title row)
    for r in block_starts[1:]:
        assert r - 1 in breaks
    # a page that starts inside a table starts with the table's header row
    in_table = False
    for r in range(1, ws.max_row + 1):
        values = _row(ws, r)
        if values[0] == "INDIKATOR KINERJA INDIVIDU":
            in_table = False
        if r - 1 in breaks and in_table:
            assert values == LAMPIRAN_COLUMNS, f"row {r}"
        if values == LAMPIRAN_COLUMNS:
            in_table = True
    assert len(breaks) >= len(block_starts) - 1
    headers = sum(1 for r in range(1, ws.max_row + 1) if _row(ws, r) == LAMPIRAN_COLUMNS)
    if source == "long":  # the long table continues with its header repeated
        assert headers > len(block_starts)
