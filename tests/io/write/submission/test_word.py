"""The Word document (python-docx read back, and its XML): A4 sections, the 4-column table
with merged kinerja cells and a repeated header row, page numbers, the marks, atomic."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from iki_xl.core.findings import Finding, Severity
from iki_xl.core.keputusan import CONTOH_MARK
from iki_xl.io.write.submission import write_pengajuan
from iki_xl.io.write.submission.word import LAMPIRAN_COLUMNS
from tests.io.conftest import contoh
from tests.io.write.submission.generated import sixty_jabatan

GALAT = Finding(code="IKI-S001", severity=Severity.GALAT, message="contoh galat")
INFO = Finding(code="IKI-I001", severity=Severity.INFO, message="contoh info")


def _header_texts(path: Path) -> list[str]:
    return [s.header.paragraphs[0].text for s in docx.Document(str(path)).sections]


def _sheet_headers(path: Path) -> dict[str, str]:
    wb = openpyxl.load_workbook(path)
    return {ws.title: ws.oddHeader.center.text or "" for ws in wb.worksheets}


@pytest.mark.parametrize(
    ("findings", "mark"),
    [([], ""), ([INFO], ""), ([GALAT, INFO, GALAT], "DRAF — masih ada 2 galat")],
)
def test_draf_mark_on_every_page_exactly_when_galat_remain(
    tmp_path: Path, findings: list[Finding], mark: str
) -> None:
    doc = sixty_jabatan()  # figures not examples: no CONTOH either
    out = write_pengajuan(doc, tmp_path / "p.xlsx", findings=findings, docx=True)
    assert out.galat == (2 if mark else 0)
    headers = _sheet_headers(out.xlsx)
    assert sorted(headers) == ["Keputusan", "Lampiran", "Rekap", "Ringkasan"]
    for sheet, header in headers.items():
        assert ("DRAF" in header) == bool(mark), sheet
        assert mark in header
    sections = docx.Document(str(out.docx)).sections
    assert [s.header.is_linked_to_previous for s in sections] == [False, True]
    assert _header_texts(out.docx)[0] == mark  # the second section shows the first's header


def test_contoh_marked_on_every_sheet_and_page_of_an_example(tmp_path: Path) -> None:
    out = write_pengajuan(contoh("sampang"), tmp_path / "s.xlsx", findings=[], docx=True)
    for sheet, header in _sheet_headers(out.xlsx).items():
        assert CONTOH_MARK in header and "DRAF" not in header, sheet
    assert _header_texts(out.docx)[0] == CONTOH_MARK
    ringkasan = openpyxl.load_workbook(out.xlsx)["Ringkasan"]
    assert CONTOH_MARK in [c.value for c in ringkasan["A"]]  # said on the sheet too


def test_sections_tables_merges_header_rows_and_page_numbers(tmp_path: Path) -> None:
    doc = contoh("sampang")
    out = write_pengajuan(doc, tmp_path / "s.xlsx", docx=True)
    word = docx.Document(str(out.docx))
    portrait, landscape = word.sections
    a4 = pytest.approx((21.0, 29.7), abs=0.01)
    assert (portrait.page_width.cm, portrait.page_height.cm) == a4
    assert (landscape.page_height.cm, landscape.page_width.cm) == a4
    tables = [t for t in word.tables if tuple(c.text for c in t.rows[0].cells) == LAMPIRAN_COLUMNS]
    assert len(tables) == len(doc.jabatan)
    restarts = 0
    for t in tables:
        header = t.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        restarts += sum(
            1
            for tc in t._tbl.iter(qn("w:tc"))
            if (m := tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")) is not None
            and m.get(qn("w:val")) == "restart"
        )
    several = sum(1 for j in doc.jabatan for k in j.kinerja if len(k.indikator) > 1)
    assert restarts == several > 0
    footer = portrait.footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    # no field in the body: every planner text is a plain run
    assert not list(word.element.body.iter(qn("w:instrText")))
    assert not list(word.element.body.iter(qn("w:fldSimple")))
    signature = [row for t in word.tables for row in t.rows if "NIP." in row.cells[-1].text]
    assert len(signature) == 1
    assert signature[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_written_atomically_and_replaced(tmp_path: Path) -> None:
    target = tmp_path / "s.docx"
    target.write_bytes(b"lama")
    out = write_pengajuan(contoh("sampang"), tmp_path / "s.xlsx", docx=True)
    assert out.docx == target and target.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.docx", "s.xlsx"]
