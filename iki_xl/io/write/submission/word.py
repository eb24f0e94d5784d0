"""The Keputusan and its Lampiran as a Word document (python-docx), for the Dinas to finish
in Word before signing: the same texts as the workbook's sheets.

A4: the Keputusan in a portrait section, the Lampiran in a landscape one. The Lampiran's
table has the four columns, the kinerja cell merged down over its indicators, and its header
row repeated on every page. Every page's footer numbers it; its header carries the marks
(DRAF while galat remain, CONTOH for example figures). The signature block is one table row
that cannot break across pages; the Lampiran header is kept with the first table row. Every
text is a plain run (line breaks kept), never a field or a formula; written atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from iki_xl.core.keputusan import PLACEHOLDER, KeputusanText
from iki_xl.core.lampiran import NO_INDIKATOR, KinerjaGroup, LampiranBlock, filled
from iki_xl.core.numbers import list_letter
from iki_xl.io.atomic import temporary_path

FONT = "Arial"
SIZE = 11  # the Keputusan
TABLE_SIZE = 10  # the Lampiran
LAMPIRAN_COLUMNS = (
    "KINERJA",
    "INDIKATOR KINERJA",
    "PENJELASAN/FORMULASI PENGHITUNGAN",
    "SUMBER DATA",
)
TABLE_WIDTHS = (5.6, 6.3, 9.6, 4.2)  # cm: A4 landscape between 2 cm margins
A4 = (Cm(21.0), Cm(29.7))
HEADER_GREY = "D9D9D9"


# ---------------------------------------------------------------- small helpers


def _set(element: OxmlElement, tag: str, **attributes: str) -> OxmlElement:
    """A child `tag` of `element` (made when missing) with these w: attributes."""
    child = element.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        element.append(child)
    for k, v in attributes.items():
        child.set(qn(f"w:{k}"), v)
    return child


def _text(p: Paragraph, text: str, *, bold: bool = False, size: float | None = None) -> None:
    """The text as one run: a line break stays a line break, nothing else changes."""
    run = p.add_run(text)
    run.bold = bold or None
    if size is not None:
        run.font.size = Pt(size)


def _paragraph(
    where: DocumentObject | _Cell,
    text: str = "",
    *,
    bold: bool = False,
    size: float | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    after: float = 0,
    keep: bool = False,
) -> Paragraph:
    p = where.add_paragraph()
    if text:
        _text(p, text, bold=bold, size=size)
    p.alignment = align
    p.paragraph_format.space_after = Pt(after)
    p.paragraph_format.keep_with_next = keep or None
    return p


def _cell_text(cell: _Cell, text: str, *, bold: bool = False, italic: bool = False) -> None:
    p = cell.paragraphs[0]
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        run.italic = italic or None


def _no_borders(table: Table) -> None:
    borders = _set(table._tbl.tblPr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _set(borders, f"w:{side}", val="nil")


def _widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Fixed column widths: the grid (what LibreOffice reads) and every cell (Word)."""
    table.autofit = False
    _set(table._tbl.tblPr, "w:tblLayout", type="fixed")
    for column, w in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(w)


def _row_flags(row: _Row, *, header: bool = False, cant_split: bool = False) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if header:
        _set(tr_pr, "w:tblHeader", val="true")
    if cant_split:
        _set(tr_pr, "w:cantSplit", val="true")


def _keep_row(row: _Row) -> None:
    """Keep this row on the page of the next one (Word: keep-with-next on its paragraphs)."""
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True


def _field(p: Paragraph, code: str) -> None:
    """A page-number field (PAGE, NUMPAGES): the one kind of field the document holds."""
    _set(p.add_run()._r, "w:fldChar", fldCharType="begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    p.add_run()._r.append(instr)
    _set(p.add_run()._r, "w:fldChar", fldCharType="separate")
    p.add_run("1")
    _set(p.add_run()._r, "w:fldChar", fldCharType="end")


# ---------------------------------------------------------------- document and pages


def _document(marks: Sequence[str]) -> DocumentObject:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE)
    _set(normal.element.get_or_add_rPr(), "w:rFonts", eastAsia=FONT, cs=FONT)
    normal.paragraph_format.space_after = Pt(0)
    section = doc.sections[0]
    section.page_width, section.page_height = A4
    section.orientation = WD_ORIENT.PORTRAIT
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(0.8)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, m in enumerate(marks):
        run = header.add_run(("\n" if i else "") + m)
        run.bold = True
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for part in ("Halaman ", "PAGE", " dari ", "NUMPAGES"):
        if part.isupper():
            _field(footer, part)
        else:
            footer.add_run(part)
    for run in footer.runs:
        run.font.size = Pt(8)
    return doc


def _landscape_section(doc: DocumentObject) -> None:
    from docx.enum.section import WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = A4[1], A4[0]
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(1.8)


# ---------------------------------------------------------------- the Keputusan


def _labelled_table(doc: DocumentObject, widths: Sequence[float]) -> Table:
    table = doc.add_table(rows=0, cols=len(widths))
    _no_borders(table)
    return table


def _labelled_rows(
    table: Table, widths: Sequence[float], rows: Sequence[tuple[str, ...]], bold: bool = False
) -> None:
    """Label, ':', (marker,) text rows of a borderless table; the text cell justified."""
    for values in rows:
        cells = table.add_row().cells
        for i, (cell, v) in enumerate(zip(cells, values, strict=True)):
            _cell_text(cell, v, bold=bold and i == len(values) - 1)
            if i == len(values) - 1:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        cells[-1].paragraphs[0].paragraph_format.space_after = Pt(4)
    _widths(table, widths)


def _items(title: str, items: Sequence[str], numbered: bool) -> list[tuple[str, ...]]:
    rows = []
    for i, text in enumerate(items):
        marker = (f"{i + 1}." if numbered else f"{list_letter(i)}.") if len(items) > 1 else ""
        rows.append((title if i == 0 else "", ":" if i == 0 else "", marker, text))
    return rows


def _signature(doc: DocumentObject, n: KeputusanText) -> None:
    """The signature block: one row that cannot split, on the right half of the page."""
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    row = table.rows[0]
    _row_flags(row, cant_split=True)
    cell = row.cells[1]
    _cell_text(cell, f"Ditetapkan di : {n.ditetapkan_di}")
    _paragraph(cell, f"Pada tanggal  : {n.pada_tanggal}", after=10)
    for text, bold, after in (
        (n.jabatan_penanda + ",", True, 56),
        (n.nama, True, 0),
        (n.pangkat, False, 0),
        (f"NIP. {n.nip}", False, 0),
    ):
        p = _paragraph(cell, text, bold=bold, align=WD_ALIGN_PARAGRAPH.CENTER, after=after)
        if text == n.nama:
            p.runs[0].underline = True
    _widths(table, (7.5, 9.0))


def _keputusan(doc: DocumentObject, n: KeputusanText) -> None:
    centre = WD_ALIGN_PARAGRAPH.CENTER
    for i, (text, size) in enumerate(zip(n.kop, (13, 15, 10, 10, 11), strict=True)):
        p = _paragraph(doc, text, bold=i in (0, 1, 4), size=size, align=centre)
    borders = _set(p._p.get_or_add_pPr(), "w:pBdr")
    _set(borders, "w:bottom", val="thickThinSmallGap", sz="18", space="4", color="000000")
    _paragraph(doc, after=6)
    for i, text in enumerate(n.judul):
        _paragraph(doc, text, bold=True, align=centre, after=6 if i == 1 else 0)
    _paragraph(doc, after=4)
    _paragraph(doc, n.pejabat, bold=True, align=centre, after=10)
    widths = (3.0, 0.5, 0.9, 12.1)
    table = _labelled_table(doc, widths)
    _labelled_rows(table, widths, _items("Menimbang", n.menimbang, numbered=False))
    _labelled_rows(table, widths, [("", "", "", "")])
    _labelled_rows(table, widths, _items("Mengingat", n.mengingat, numbered=True))
    _paragraph(doc, after=4)
    _paragraph(doc, "MEMUTUSKAN:", bold=True, align=centre, after=6)
    widths = (3.0, 0.5, 13.0)
    table = _labelled_table(doc, widths)
    _labelled_rows(table, widths, [("Menetapkan", ":", n.menetapkan)], bold=True)
    _labelled_rows(table, widths, [(name, ":", text) for name, text in n.diktum])
    _paragraph(doc, after=12)
    _signature(doc, n)


# ---------------------------------------------------------------- the Lampiran


def _lampiran_header(doc: DocumentObject, n: KeputusanText) -> None:
    table = doc.add_table(rows=0, cols=3)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    for name, value in n.lampiran:
        cells = table.add_row().cells
        _cell_text(cells[0], name)
        _cell_text(cells[1], ":")
        _cell_text(cells[2], value)
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _widths(table, (2.6, 0.5, 10.5))
    for row in table.rows:
        _keep_row(row)
    _paragraph(doc, after=6, keep=True)


def _block_head(doc: DocumentObject, block: LampiranBlock, first: bool) -> None:
    """INDIKATOR KINERJA INDIVIDU, 1. Jabatan, 2. Tugas, 3. Fungsi."""
    title = _paragraph(
        doc, "INDIKATOR KINERJA INDIVIDU", bold=True, size=12,
        align=WD_ALIGN_PARAGRAPH.CENTER, after=8, keep=True,
    )  # fmt: skip
    title.paragraph_format.page_break_before = not first or None
    table = doc.add_table(rows=0, cols=3)
    _no_borders(table)
    rows: list[tuple[str, str, str, bool]] = [
        ("1. JABATAN :", "", block.nama if filled(block.nama) else PLACEHOLDER, True)
    ]
    for label, items in (("2. TUGAS :", block.tugas), ("3. FUNGSI :", block.fungsi)):
        for i, text in enumerate(items or ("-",)):
            marker = f"{list_letter(i)}." if len(items) > 1 else ""
            rows.append((label if i == 0 else "", marker, text, False))
    for label, marker, text, bold in rows:
        cells = table.add_row().cells
        _cell_text(cells[0], label, bold=True)
        _cell_text(cells[1], marker)
        _cell_text(cells[2], text, bold=bold)
    _widths(table, (3.2, 0.8, 21.7))
    for row in table.rows:
        _keep_row(row)
    _paragraph(doc, after=4, keep=True)


def _kinerja_rows(table: Table, k: KinerjaGroup, note: bool) -> None:
    """One kinerja: its cell merged down over its indicators (or the note)."""
    first = len(table.rows)
    if not k.rows:
        cells = table.add_row().cells
        _cell_text(cells[0], k.sasaran)
        if note:
            merged = cells[1].merge(cells[3])
            _cell_text(merged, NO_INDIKATOR, italic=True)
        return
    for row in k.rows:
        cells = table.add_row().cells
        _cell_text(cells[1], row.indikator)
        _cell_text(cells[2], row.formulasi)
        _cell_text(cells[3], row.sumber_data)
    top = table.rows[first].cells[0]
    if len(k.rows) > 1:
        top = top.merge(table.rows[len(table.rows) - 1].cells[0])
    _cell_text(top, k.sasaran)


def _table(doc: DocumentObject, block: LampiranBlock) -> None:
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    header = table.rows[0]
    _row_flags(header, header=True, cant_split=True)
    for cell, text in zip(header.cells, LAMPIRAN_COLUMNS, strict=True):
        _cell_text(cell, text, bold=True)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _set(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=HEADER_GREY)
    _keep_row(header)
    note = not block.has_indikator
    for k in block.kinerja or (KinerjaGroup("", ()),):
        _kinerja_rows(table, k, note)
    for row in table.rows[1:]:
        _row_flags(row, cant_split=True)
    _widths(table, TABLE_WIDTHS)
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(TABLE_SIZE)


def write_word(
    path: Path | str, n: KeputusanText, blocks: Sequence[LampiranBlock], marks: Sequence[str] = ()
) -> Path:
    """Write the Keputusan and the Lampiran as a .docx, atomically; returns the path."""
    path = Path(path)
    doc = _document(marks)
    _keputusan(doc, n)
    _landscape_section(doc)
    _lampiran_header(doc, n)
    for i, block in enumerate(blocks):
        _block_head(doc, block, first=i == 0)
        _table(doc, block)
    with temporary_path(path) as tmp:
        doc.save(str(tmp))
    return path
