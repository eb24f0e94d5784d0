"""The macro-enabled package: content types, relationships, codeNames, ribbon, readers."""

from __future__ import annotations

import inspect
import io
import re
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import pytest
import xlsxwriter
import xlwings
from oletools.olevba import VBA_Parser

from iki_xl.template import xlsm
from iki_xl.template.vba_sources import VBA_DIR, ribbon_module, udf_module
from iki_xl.template.vbaproject import ModuleKind, VbaModule, build_vba_project
from tests.template.conftest import UDF_FIXTURE_NAME, convert_to_ods, ods_basic_modules

# openpyxl keeps the keep_vba archive of a BytesIO open; its ZipFile.__del__ then complains
# at garbage collection, in whichever test runs next. Not a defect of the code under test.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")

RIBBON_XML = (Path(xlsm.__file__).parent / "ribbon" / "customUI14.xml").read_bytes()
NS_UI = "http://schemas.microsoft.com/office/2009/07/customui"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MACROS = {
    "IKI_Validasi": "validate",
    "IKI_HitungUlang": "recalculate",
    "IKI_TambahJabatan": "add_jabatan",
    "IKI_TahunBaru": "new_year",
    "IKI_Konsolidasi": "consolidate",
    "IKI_LaporanTriwulan": "quarterly_report",
    "IKI_Bandingkan": "compare",
}
# The one button whose Sub asks something first (the quarter) and so is not a one-liner
ASKING = {"IKI_LaporanTriwulan"}
# The buttons that must work without Python: their Sub calls a procedure of the VBA
# module Instalasi, never RunPython.
VBA_ONLY = {"IKI_Bantuan": "ShowBantuan", "IKI_PeriksaInstalasi": "PeriksaInstalasi"}


def _openpyxl_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Petunjuk"
    ws["A1"] = "Petunjuk pengisian"
    wb.create_sheet("Jabatan 1")["B2"] = 3
    conf = wb.create_sheet("xlwings.conf")
    conf["A1"], conf["B1"] = "UDF Modules", "iki_xl.udfs"
    conf.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xlsxwriter_xlsx() -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    wb.set_properties({"created": __import__("datetime").datetime(2024, 1, 1)})
    wb.add_worksheet("Petunjuk").write("A1", "Halo")
    wb.add_worksheet("Jabatan 1").write_formula("A1", "=1+1", None, 2)
    wb.close()
    return buf.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _rels(xml: bytes) -> list[dict[str, str]]:
    return [dict(e.attrib) for e in ET.fromstring(xml).iter(f"{{{NS_REL}}}Relationship")]


@pytest.fixture(scope="module")
def xlsx() -> bytes:
    return _openpyxl_xlsx()


@pytest.fixture(scope="module")
def modules(xlsx: bytes, all_modules: list[VbaModule]) -> list[VbaModule]:
    codes = xlsm.sheet_codenames(xlsx)
    others = [m for m in all_modules if m.kind is not ModuleKind.DOCUMENT]
    return xlsm.document_modules_for(codes.values()) + others


@pytest.fixture(scope="module")
def workbook(xlsx: bytes, modules: list[VbaModule]) -> bytes:
    vba = build_vba_project(modules)
    return xlsm.make_xlsm(xlsx, vba, RIBBON_XML, codenames=xlsm.sheet_codenames(xlsx))


# --- ribbon and VBA sources ------------------------------------------------------------


def test_ribbon_xml_buttons_labels_icons() -> None:
    root = ET.fromstring(RIBBON_XML)
    assert root.tag == f"{{{NS_UI}}}customUI"
    tabs = list(root.iter(f"{{{NS_UI}}}tab"))
    assert [t.get("label") for t in tabs] == ["IKI"]
    buttons = list(root.iter(f"{{{NS_UI}}}button"))
    assert [b.get("label") for b in buttons] == [
        "Validasi",
        "Hitung Ulang",
        "Tambah Jabatan",
        "IKI Tahun Baru",
        "Konsolidasi",
        "Laporan Triwulan",
        "Bandingkan",
        "Bantuan",
        "Periksa Instalasi",
    ]
    for b in buttons:
        assert b.get("size") == "large"
        assert b.get("imageMso"), b.get("id")
        assert b.get("screentip") and b.get("supertip"), b.get("id")
    assert [b.get("onAction") for b in buttons] == [*MACROS, *VBA_ONLY]


def test_every_onaction_is_a_ribbon_sub_calling_a_macro() -> None:
    source = ribbon_module().source
    subs = dict(
        re.findall(
            r"^Sub (\w+)\(control As IRibbonControl\)\n"
            r'    RunPython "import iki_xl\.macros as m; m\.(\w+)\(\)"\nEnd Sub$',
            source.replace("\r\n", "\n"),
            re.MULTILINE,
        )
    )
    assert subs == {k: v for k, v in MACROS.items() if k not in ASKING}
    for sub in ASKING:  # its body ends in RunPython of its macro, on every path
        body = source.split(f"Sub {sub}(control As IRibbonControl)")[1].split("End Sub")[0]
        assert set(re.findall(r"m\.(\w+)\(", body)) == {MACROS[sub]}
        subs[sub] = MACROS[sub]
    vba_only = dict(
        re.findall(
            r"^Sub (\w+)\(control As IRibbonControl\)\n    (\w+)\nEnd Sub$",
            source.replace("\r\n", "\n"),
            re.MULTILINE,
        )
    )
    assert vba_only == VBA_ONLY
    for b in ET.fromstring(RIBBON_XML).iter(f"{{{NS_UI}}}button"):
        assert b.get("onAction") in subs | vba_only


def test_thisworkbook_has_no_auto_exec() -> None:
    text = (VBA_DIR / "ThisWorkbook.cls").read_text("cp1252")
    assert not re.search(r"^\s*(Private |Public )?Sub (Workbook_|Auto_)", text, re.MULTILINE)
    doc = xlsm.document_modules_for(["Sheet1"])
    assert [(m.name, m.kind) for m in doc] == [
        ("ThisWorkbook", ModuleKind.DOCUMENT),
        ("Sheet1", ModuleKind.DOCUMENT),
    ]
    assert "Option Explicit" in doc[0].source
    assert 'Attribute VB_Base = "0{00020819-0000-0000-C000-000000000046}"' in doc[0].source
    assert 'Attribute VB_Base = "0{00020820-0000-0000-C000-000000000046}"' in doc[1].source


def _check_wrappers(source: str, module: object, module_name: str) -> dict[str, str]:
    """Each VBA wrapper has the Python function's arguments and calls it by name."""
    wrappers = dict(re.findall(r"^Function (\w+)\((.*)\)$", source, re.MULTILINE))
    for name, vba_args in wrappers.items():
        params = inspect.signature(getattr(module, name)).parameters.values()
        expected = []
        for p in params:
            if p.kind is p.VAR_POSITIONAL:
                expected.append(f"ParamArray {p.name}()")
            elif p.default is not p.empty:
                expected.append(f"Optional {p.name}")
            else:
                expected.append(p.name)
        assert vba_args.split(", ") == expected, name
        assert f'XLPy.CallUDF("{module_name}", "{name}"' in source
    return wrappers


def test_udf_wrappers_match_python_signatures(fixture_udf_module: VbaModule) -> None:
    source = fixture_udf_module.source
    assert source.startswith('Attribute VB_Name = "xlwings_udfs"\n')
    fixture = __import__(UDF_FIXTURE_NAME)
    decorated = {"IKI_CAPAIAN", "IKI_NILAI", "IKI_PREDIKAT"}
    wrappers = _check_wrappers(source, fixture, UDF_FIXTURE_NAME)
    assert set(wrappers) == decorated  # bukan_udf is not decorated
    assert "Application.Volatile" in source  # IKI_NILAI(volatile=True)
    # The real decorators were bound only while generating.
    assert xlwings.func.__module__ == "xlwings"
    assert "xlwings.udfs" not in sys.modules and "pythoncom" not in sys.modules


def test_iki_xl_udfs_wrappers() -> None:
    import iki_xl.udfs

    wrappers = _check_wrappers(udf_module("iki_xl.udfs").source, iki_xl.udfs, "iki_xl.udfs")
    assert {"IKI_CAPAIAN", "IKI_NILAI", "IKI_PREDIKAT"} <= set(wrappers)


def test_udf_module_without_udfs_is_an_error(udf_fixture_dir: Path) -> None:
    (udf_fixture_dir / "iki_template_no_udfs.py").write_text("def f():\n    return 1\n")
    with pytest.raises(ValueError, match=r"no @xw\.func"):
        udf_module("iki_template_no_udfs")


# --- the package -----------------------------------------------------------------------


def test_sheet_codenames_defaults_and_existing(xlsx: bytes) -> None:
    assert xlsm.sheet_codenames(xlsx) == {
        "Petunjuk": "Sheet1",
        "Jabatan 1": "Sheet2",
        "xlwings.conf": "Sheet3",
    }
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    wb["Petunjuk"].sheet_properties.codeName = "Sheet2"
    buf = io.BytesIO()
    wb.save(buf)
    assert xlsm.sheet_codenames(buf.getvalue()) == {
        "Petunjuk": "Sheet2",
        "Jabatan 1": "Sheet1",
        "xlwings.conf": "Sheet3",
    }


def test_package_parts(workbook: bytes, modules: list[VbaModule]) -> None:
    parts = _parts(workbook)
    assert list(parts)[:2] == ["[Content_Types].xml", "_rels/.rels"]
    ct = ET.fromstring(parts["[Content_Types].xml"])
    defaults = {e.get("Extension"): e.get("ContentType") for e in ct.iter(f"{{{NS_CT}}}Default")}
    overrides = {e.get("PartName"): e.get("ContentType") for e in ct.iter(f"{{{NS_CT}}}Override")}
    assert defaults["bin"] == "application/vnd.ms-office.vbaProject"
    assert overrides["/xl/workbook.xml"] == "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    wb_rels = _rels(parts["xl/_rels/workbook.xml.rels"])
    vba_rels = [r for r in wb_rels if r["Type"] == xlsm.REL_VBA]
    assert [r["Target"] for r in vba_rels] == ["vbaProject.bin"]
    assert len({r["Id"] for r in wb_rels}) == len(wb_rels)
    root_rels = _rels(parts["_rels/.rels"])
    ui = [r for r in root_rels if r["Type"] == xlsm.REL_UI14]
    assert [r["Target"] for r in ui] == ["customUI/customUI14.xml"]
    assert parts["customUI/customUI14.xml"] == RIBBON_XML
    assert parts["xl/vbaProject.bin"] == build_vba_project(modules)
    with zipfile.ZipFile(io.BytesIO(workbook)) as z:
        assert z.testzip() is None
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_codenames_match_document_modules(workbook: bytes, modules: list[VbaModule]) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(workbook), keep_vba=True)
    assert wb.code_name == "ThisWorkbook"
    codes = [ws.sheet_properties.codeName for ws in wb.worksheets]
    assert codes == ["Sheet1", "Sheet2", "Sheet3"]
    documents = [m.name for m in modules if m.kind is ModuleKind.DOCUMENT]
    assert documents == ["ThisWorkbook", *codes]
    assert wb["xlwings.conf"]["B1"].value == "iki_xl.udfs"
    assert wb["xlwings.conf"].sheet_state == "hidden"


def test_explicit_codenames_and_errors(xlsx: bytes) -> None:
    vba = build_vba_project(xlsm.document_modules_for(["Petunjuk", "Jabatan1", "Konfigurasi"]))
    codes = {"Petunjuk": "Petunjuk", "Jabatan 1": "Jabatan1", "xlwings.conf": "Konfigurasi"}
    out = xlsm.make_xlsm(xlsx, vba, RIBBON_XML, codenames=codes)
    wb = openpyxl.load_workbook(io.BytesIO(out), keep_vba=True)
    assert [ws.sheet_properties.codeName for ws in wb.worksheets] == list(codes.values())
    with pytest.raises(xlsm.XlsmError, match="no worksheet"):
        xlsm.make_xlsm(xlsx, vba, RIBBON_XML, codenames={"Tidak Ada": "X"})
    with pytest.raises(xlsm.XlsmError, match="not a valid VBA identifier"):
        xlsm.make_xlsm(xlsx, vba, RIBBON_XML, codenames={"Petunjuk": "Lembar 1"})
    with pytest.raises(xlsm.XlsmError, match="unique"):
        xlsm.make_xlsm(xlsx, vba, RIBBON_XML, codenames={"Petunjuk": "Sheet2"})


def test_xlsxwriter_package(all_modules: list[VbaModule]) -> None:
    src = _xlsxwriter_xlsx()
    codes = xlsm.sheet_codenames(src)
    vba = build_vba_project(xlsm.document_modules_for(codes.values()) + all_modules[3:])
    out = xlsm.make_xlsm(src, vba, RIBBON_XML)
    parts = _parts(out)
    assert b'<workbookPr codeName="ThisWorkbook"' in parts["xl/workbook.xml"]
    # XlsxWriter's <fileVersion> stays before <workbookPr>, as the schema orders them
    text = parts["xl/workbook.xml"].decode()
    assert text.index("<fileVersion") < text.index("<workbookPr")
    assert b'<sheetPr codeName="Sheet2"' in parts["xl/worksheets/sheet2.xml"]
    wb = openpyxl.load_workbook(io.BytesIO(out), keep_vba=True)
    assert wb.code_name == "ThisWorkbook"
    assert wb["Jabatan 1"]["A1"].value == "=1+1"


def test_two_builds_byte_identical(xlsx: bytes, modules: list[VbaModule], workbook: bytes) -> None:
    vba = build_vba_project(modules)
    assert xlsm.make_xlsm(xlsx, vba, RIBBON_XML) == workbook
    # A fresh openpyxl save differs only in docProps/core.xml (openpyxl stamps the time).
    again = _parts(xlsm.make_xlsm(_openpyxl_xlsx(), vba, RIBBON_XML))
    first = _parts(workbook)
    assert list(again) == list(first)
    assert [n for n in first if first[n] != again[n]] in ([], ["docProps/core.xml"])


def test_openpyxl_save_drops_ribbon_relationship_and_restore_ribbon_restores(
    workbook: bytes,
) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(workbook), keep_vba=True)
    buf = io.BytesIO()
    wb.save(buf)
    saved = buf.getvalue()
    parts = _parts(saved)
    # openpyxl keeps the VBA project and the customUI file ...
    assert parts["xl/vbaProject.bin"] == _parts(workbook)["xl/vbaProject.bin"]
    assert parts["customUI/customUI14.xml"] == RIBBON_XML
    # ... but drops the relationship that makes Excel load the ribbon.
    assert not [r for r in _rels(parts["_rels/.rels"]) if r["Type"] == xlsm.REL_UI14]

    fixed = xlsm.restore_ribbon(saved)
    rels = _rels(_parts(fixed)["_rels/.rels"])
    assert [r["Target"] for r in rels if r["Type"] == xlsm.REL_UI14] == [xlsm.CUSTOMUI_PART]
    assert len({r["Id"] for r in rels}) == len(rels)
    assert xlsm.restore_ribbon(fixed) == fixed  # nothing missing: unchanged
    assert xlsm.restore_ribbon(workbook) == workbook
    reopened = openpyxl.load_workbook(io.BytesIO(fixed), keep_vba=True)
    assert reopened.sheetnames == ["Petunjuk", "Jabatan 1", "xlwings.conf"]


def test_olevba_reads_the_xlsm(workbook: bytes, modules: list[VbaModule]) -> None:
    parser = VBA_Parser("IKI.xlsm", data=workbook)
    assert parser.detect_vba_macros()
    extracted = {Path(f).stem: code for _, _, f, code in parser.extract_macros()}
    assert extracted == {m.name: m.code.decode("cp1252") for m in modules}


def _strip_attributes(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").split("\n")
    return [line.rstrip() for line in lines if not line.startswith("Attribute ")]


@pytest.mark.slow
def test_libreoffice_imports_every_module(
    workbook: bytes, modules: list[VbaModule], tmp_path: Path
) -> None:
    path = tmp_path / "IKI_uji.xlsm"
    path.write_bytes(workbook)
    basic = ods_basic_modules(convert_to_ods(path, tmp_path))
    assert set(basic) == {m.name for m in modules}
    lo_header = re.compile(
        r"^(Rem Attribute VBA_ModuleType=\w+|Option VBASupport 1|Option ClassModule)$"
    )
    for m in modules:
        got = [line for line in _strip_attributes(basic[m.name]) if not lo_header.match(line)]
        want = _strip_attributes(m.code.decode("cp1252"))
        assert "\n".join(got).strip("\n") == "\n".join(want).strip("\n"), m.name
    assert "Sub IKI_Validasi(control As IRibbonControl)" in basic["Ribbon"]


def test_make_template_xlsm_one_call(xlsx: bytes, udf_fixture_dir: Path) -> None:
    out = xlsm.make_template_xlsm(xlsx, udf_module_name=UDF_FIXTURE_NAME)
    assert out == xlsm.make_template_xlsm(xlsx, udf_module_name=UDF_FIXTURE_NAME)
    parser = VBA_Parser("IKI.xlsm", data=out)
    names = [Path(f).stem for _, _, f, _ in parser.extract_macros()]
    assert names == [
        "ThisWorkbook",
        "Sheet1",
        "Sheet2",
        "Sheet3",
        "xlwings",
        "Dictionary",
        "xlwings_udfs",
        "Ribbon",
        "Instalasi",
    ]
    assert _parts(out)["customUI/customUI14.xml"] == xlsm.ribbon_xml() == RIBBON_XML
