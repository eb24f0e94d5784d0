"""Consolidation: one input is that Dinas' full submission; many are the Pemda recap, with
a broken input skipped; --strict refuses to write while a galat or a skipped input remains."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from iki_xl.app.consolidate import consolidate
from tests.io.conftest import CONTOH


def test_a_broken_input_is_skipped_and_strict_refuses(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"bukan workbook")
    before = broken.read_bytes()
    inputs = [CONTOH / "sampang.yaml", broken, CONTOH / "probolinggo.yaml"]
    report = consolidate(inputs, tmp_path / "pemda.xlsx")
    assert report.output is not None and report.output.xlsx.is_file()
    assert [m.sumber.name for m in report.skipped] == ["rusak.xlsx"]
    assert [m.jabatan for m in report.inputs if not m.skipped] == [7, 15]
    assert broken.read_bytes() == before  # inputs are never modified
    refused = consolidate(inputs, tmp_path / "ketat.xlsx", strict=True)
    assert refused.refused and refused.output is None
    assert not (tmp_path / "ketat.xlsx").exists()
    assert not list(tmp_path.glob(".ketat*"))  # no temporary file left behind


def test_one_input_is_the_full_submission_and_strict_refuses_galat(tmp_path: Path) -> None:
    report = consolidate([CONTOH / "sampang.yaml"], tmp_path / "s.xlsx")
    assert report.output is not None
    assert openpyxl.load_workbook(report.output.xlsx).sheetnames[:2] == ["Keputusan", "Lampiran"]
    assert report.galat > 0  # the Sampang example keeps its real defects
    refused = consolidate([CONTOH / "sampang.yaml"], tmp_path / "t.xlsx", strict=True)
    assert refused.refused and not (tmp_path / "t.xlsx").exists()


def test_one_input_with_docx_and_the_orders(tmp_path: Path) -> None:
    from iki_xl.core.hierarchy import org_order
    from iki_xl.io import interchange
    from tests.io.write.submission.read_back import read_lampiran, read_lampiran_docx

    source = CONTOH / "probolinggo.yaml"
    doc = interchange.load(source)
    report = consolidate([source], tmp_path / "p.xlsx", docx=True)
    assert report.output is not None and report.output.docx == tmp_path / "p.docx"
    assert report.output.galat == report.galat > 0  # written, as DRAF
    assert [b.nama for b in read_lampiran_docx(report.output.docx)] == [j.nama for j in doc.jabatan]
    by_org = consolidate([source], tmp_path / "o.xlsx", org_chart=True)
    assert by_org.output is not None and by_org.output.docx is None
    assert [b.nama for b in read_lampiran(by_org.output.xlsx)] == [
        j.nama for j, _ in org_order(doc)
    ]
    refused = consolidate([source], tmp_path / "s.xlsx", strict=True, docx=True)
    assert refused.refused and not list(tmp_path.glob("s.*"))


def test_pemda_recap_says_draf_while_any_dinas_has_galat(tmp_path: Path) -> None:
    report = consolidate(
        [CONTOH / "sampang.yaml", CONTOH / "probolinggo.yaml"], tmp_path / "p.xlsx"
    )
    assert report.output is not None and report.output.galat == report.galat > 0
    wb = openpyxl.load_workbook(report.output.xlsx)
    for ws in wb.worksheets:
        assert f"DRAF — masih ada {report.galat} galat" in (ws.oddHeader.center.text or "")
