"""The Lampiran sheet: every jabatan in organisation order with every indicator, formulas
as fractions, merged kinerja cells, and a print setup that keeps tables readable."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from iki_xl.core.formulasi import complete
from iki_xl.core.hierarchy import org_order
from iki_xl.core.lampiran import formulasi_text
from iki_xl.core.model import Dokumen, Indikator, Jabatan, Kinerja
from iki_xl.io.write.submission import write_pengajuan
from iki_xl.io.write.submission.lampiran import LAMPIRAN_COLUMNS
from tests.io.conftest import contoh
from tests.io.write.submission.read_back import read_lampiran


@pytest.mark.parametrize(("nama", "count"), [("probolinggo", 15), ("sampang", 7)])
def test_lampiran_has_every_jabatan_in_org_order_with_every_indicator(
    tmp_path: Path, nama: str, count: int
) -> None:
    doc = contoh(nama)
    path = write_pengajuan(doc, tmp_path / f"{nama}.xlsx").xlsx
    blocks = read_lampiran(path)
    ordered = [j for j, _ in org_order(doc)]
    assert len(blocks) == count == len(ordered)
    assert [b["nama"] for b in blocks] == [j.nama for j in ordered]
    for b, jab in zip(blocks, ordered, strict=True):
        assert b["tugas"] == (jab.tugas or []), jab.nama
        assert b["fungsi"] == (jab.fungsi or ["-"]), jab.nama
        expected = []
        for k in jab.kinerja:
            if not k.indikator:
                continue  # printed as a kinerja row with empty cells
            for i in k.indikator:
                expected.append((k.sasaran, i.nama, formulasi_text(i), i.sumber_data))
        assert b["rows"] == expected, jab.nama
        assert [k.sasaran for k in jab.kinerja] == [
            s for s in b["sasaran"] if s in {k.sasaran for k in jab.kinerja}
        ]


def test_formulas_are_rendered_as_fractions_with_times_100(tmp_path: Path) -> None:
    doc = contoh("sampang")
    blocks = read_lampiran(write_pengajuan(doc, tmp_path / "s.xlsx").xlsx)
    formula = blocks[0]["rows"][0][2]
    top, bar, bottom = formula.split("\n")
    assert top == "PMKS yg ditangani" and set(bar) == {"―"}
    assert bottom == "PMKS seluruhnya × 100%"
    # no components (status printed with '-'): the formulasi as printed
    assert blocks[0]["rows"][2][2] == "-"


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
