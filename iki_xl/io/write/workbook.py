"""Model → planner workbook (.xlsx): Petunjuk, Instansi, one sheet per jabatan, Referensi.

Written with XlsxWriter, not openpyxl: the computed cells are formulas calling the IKI
functions, and XlsxWriter stores each formula's computed value as its cached result
(openpyxl cannot), so the file reads right in any program before Excel recalculates. All
positions come from `iki_xl.layout`. The macro-enabled workbook (.xlsm) is this workbook
packaged with the template's VBA and ribbon: `iki_xl.app.new_workbook` decides that.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from iki_xl import layout as L
from iki_xl.core.model import Dokumen, Jabatan
from iki_xl.io.atomic import write_atomic
from iki_xl.io.write.cells import write_text
from iki_xl.io.write.instansi_sheet import write_instansi_sheet
from iki_xl.io.write.jabatan_sheet import write_jabatan_sheet
from iki_xl.io.write.petunjuk import write_petunjuk_sheet
from iki_xl.io.write.referensi_sheet import write_referensi_sheet
from iki_xl.io.write.styles import Styles, planner_styles

BLANK_SHEET_ROWS = 10  # empty table rows of a blank jabatan sheet
CALC_ID = 191029  # the calculation engine of Excel 2019 and Microsoft 365


class _Sheet(Worksheet):  # type: ignore[misc]
    # Why a subclass: XlsxWriter writes numbers as %.16G, which loses the last digit of some
    # floats; repr keeps every float of the model bit for bit through a write and a read.
    # And an empty cached formula result makes LibreOffice recalculate the cell, which
    # without the IKI functions shows #NAME?: an empty text is cached as a no-break space
    # instead (blank to the eye; LibreOffice treats a plain space as empty too).

    def _xml_number_element(self, number: float, attributes: Any = ()) -> None:
        attr = "".join(f' {k}="{self._escape_attributes(v)}"' for k, v in attributes)
        text = str(number) if isinstance(number, int) else repr(float(number))
        self.fh.write(f"<c{attr}><v>{text}</v></c>")

    def _xml_formula_element(self, formula: str, result: Any, attributes: Any = ()) -> None:
        if result == "":
            result = "\u00a0"
            if not any(k == "t" for k, _ in attributes):
                attributes = [*attributes, ("t", "str")]
        super()._xml_formula_element(formula, result, attributes)


def _template_sheets(wb: xlsxwriter.Workbook, doc: Dokumen, styles: Styles) -> None:
    """The hidden sheets of the template: the blank jabatan sheet the add_jabatan macro
    copies, and xlwings' settings."""
    ws = wb.add_worksheet(L.SHEET_BLANK_JABATAN)
    write_jabatan_sheet(
        ws, Jabatan(id=""), "", doc.skala_predikat, styles, blank_rows=BLANK_SHEET_ROWS
    )
    ws.hide()
    conf = wb.add_worksheet(L.SHEET_XLWINGS_CONF)
    for i, (key, value) in enumerate(L.XLWINGS_CONF):
        write_text(conf, i, 0, key)
        write_text(conf, i, 1, value)
    conf.hide()


def workbook_bytes(
    doc: Dokumen, *, for_template: bool = False, created: datetime | None = None
) -> bytes:
    """The planner workbook as .xlsx bytes (the template builder packages it into .xlsm).

    `for_template` adds the template's hidden sheets. `created` fixes the creation time
    stamped in docProps (a reproducible build needs it); by default it is now.
    """
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buf,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    wb.worksheet_class = _Sheet
    properties: dict[str, Any] = {
        "title": "Indikator Kinerja Individu",
        "subject": doc.instansi.nama,
    }
    if created is not None:
        properties["created"] = created
    wb.set_properties(properties)
    styles = planner_styles(wb)
    sheet_names = L.jabatan_sheet_names([j.nama or j.id for j in doc.jabatan])
    nama_by_id: dict[str, str] = {}
    for j in doc.jabatan:
        nama_by_id.setdefault(j.id, j.nama)

    write_petunjuk_sheet(wb.add_worksheet(L.SHEET_PETUNJUK), styles)
    wb.define_name(
        L.NAME_SKALA, write_instansi_sheet(wb.add_worksheet(L.SHEET_INSTANSI), doc, styles)
    )
    for jab, name in zip(doc.jabatan, sheet_names, strict=True):
        atasan_name = nama_by_id.get(jab.atasan or "", "")
        write_jabatan_sheet(
            wb.add_worksheet(name),
            jab,
            atasan_name,
            doc.skala_predikat,
            styles,
            contoh=bool(doc.instansi.contoh.strip()),
        )
    write_referensi_sheet(wb.add_worksheet(L.SHEET_REFERENSI), wb, doc, styles)
    if not doc.jabatan:  # a place to start
        ws = wb.add_worksheet(L.SHEET_FIRST_JABATAN)
        write_jabatan_sheet(
            ws, Jabatan(id=""), "", doc.skala_predikat, styles, blank_rows=BLANK_SHEET_ROWS
        )
    if for_template:
        _template_sheets(wb, doc, styles)
    # No full recalculation on load, and the current engine's id (an older calcId makes
    # Excel recalculate everything on open): a file opened with macros disabled, or on a PC
    # without Python, keeps the cached values instead of turning the IKI cells into #NAME?.
    wb.calc_on_load = False
    wb.set_calc_mode("auto", calc_id=CALC_ID)
    wb.close()
    return buf.getvalue()


def write_workbook(doc: Dokumen, path: Path | str, *, for_template: bool = False) -> None:
    """Write the planner workbook (.xlsx) atomically. An .xlsm path is refused: that one is
    packaged with the template's VBA by `iki_xl.app.new_workbook`."""
    path = Path(path)
    if path.suffix.lower() == ".xlsm":
        raise ValueError(f"{path}: write_workbook writes .xlsx; see iki_xl.app.new_workbook")
    write_atomic(path, workbook_bytes(doc, for_template=for_template))
