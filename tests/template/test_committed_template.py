"""The committed workbooks/IKI_template.xlsm: reproducible, and read back by real readers."""

from __future__ import annotations

import inspect
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from oletools.olevba import VBA_Parser

import iki_xl.macros as macros
import iki_xl.udfs as udfs
from iki_xl import layout as L
from iki_xl.io.read.workbook import read_workbook
from iki_xl.template.build import build_template
from iki_xl.template.vba_sources import VBA_DIR, xlwings_standalone_modules
from iki_xl.template.vbaproject import module_from_export
from iki_xl.template.xlsm import restore_ribbon
from tests.template.conftest import convert_to_ods, ods_basic_modules

TEMPLATE = Path(__file__).resolve().parents[2] / "workbooks" / "IKI_template.xlsm"
RIBBON_REL = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"


@pytest.fixture(scope="module")
def modules() -> dict[str, str]:
    parser = VBA_Parser(str(TEMPLATE))
    return {Path(f).stem: code for _, _, f, code in parser.extract_macros()}


def test_committed_template_equals_a_fresh_build() -> None:
    fresh = build_template()
    committed = TEMPLATE.read_bytes()
    if fresh != committed:
        with zipfile.ZipFile(io.BytesIO(fresh)) as a, zipfile.ZipFile(io.BytesIO(committed)) as b:
            differ = [n for n in a.namelist() if n not in b.namelist() or a.read(n) != b.read(n)]
        pytest.fail(f"rebuild with `iki-xl build-template`; parts that differ: {differ}")


def test_olevba_extracts_every_module_equal_to_its_source(modules: dict[str, str]) -> None:
    sources = {
        m.name: m.code.decode("cp1252")
        for m in [
            *(
                module_from_export(p.read_text(encoding="cp1252"))
                for p in sorted(VBA_DIR.glob("*.bas"))
            ),
            *xlwings_standalone_modules(),
        ]
    }
    for name, code in sources.items():
        assert modules[name] == code, name
    # one document module per sheet, plus the generated UDF wrappers
    with zipfile.ZipFile(TEMPLATE) as z:
        sheets = len(re.findall(rb"<sheet ", z.read("xl/workbook.xml")))
    assert len(modules) == len(sources) + 1 + 1 + sheets  # + ThisWorkbook + xlwings_udfs


def test_no_auto_executing_macro(modules: dict[str, str]) -> None:
    auto = re.compile(
        r"^\s*(Private\s+|Public\s+)?Sub\s+(Workbook_Open|Auto_Open|Auto_Close)\b", re.I | re.M
    )
    assert not [n for n, code in modules.items() if auto.search(code)]


def test_ribbon_calls_real_macros_and_udf_wrappers_match_udfs(modules: dict[str, str]) -> None:
    with zipfile.ZipFile(TEMPLATE) as z:
        ui = z.read("customUI/customUI14.xml").decode()
        rels = z.read("_rels/.rels").decode()
    assert RIBBON_REL in rels and "customUI/customUI14.xml" in rels
    subs = set(re.findall(r"^Sub (\w+)\(control As IRibbonControl\)", modules["Ribbon"], re.M))
    actions = set(re.findall(r'onAction="(\w+)"', ui))
    assert actions and actions <= subs
    called = re.findall(r'RunPython "import iki_xl\.macros as m; m\.(\w+)\(\)"', modules["Ribbon"])
    assert len(called) == len(subs) - 2  # Bantuan and Periksa Instalasi: VBA only
    for name in called:
        macro = getattr(macros, name)
        param = list(inspect.signature(macro).parameters.values())
        assert param[0].name == "book" and all(p.default is None for p in param), name
    wrappers = re.findall(r"^Function (IKI_\w+)\(([^)]*)\)", modules["xlwings_udfs"], re.M)
    assert {w for w, _ in wrappers} == {n for n in dir(udfs) if n.startswith("IKI_")}
    for name, args in wrappers:
        vba_args = [a.split()[-1] for a in args.split(",") if a.strip()]
        assert vba_args == list(inspect.signature(getattr(udfs, name)).parameters), name


def test_sheets_and_xlwings_conf() -> None:
    wb = openpyxl.load_workbook(TEMPLATE, keep_vba=True)
    state = {ws.title: ws.sheet_state for ws in wb.worksheets}
    assert state[L.SHEET_PETUNJUK] == "visible"
    assert state[L.SHEET_INSTANSI] == "visible"
    assert state[L.SHEET_FIRST_JABATAN] == "visible"
    assert state[L.SHEET_BLANK_JABATAN] == "hidden"
    assert state[L.SHEET_XLWINGS_CONF] == "hidden"
    conf = wb[L.SHEET_XLWINGS_CONF]
    assert (conf["A1"].value, conf["B1"].value) == ("UDF Modules", "iki_xl.udfs")
    assert wb.code_name == "ThisWorkbook"
    assert all(ws.sheet_properties.codeName for ws in wb.worksheets)


def test_template_reads_as_an_empty_iki_workbook() -> None:
    read = read_workbook(TEMPLATE)
    assert read.dokumen.jabatan == []
    assert read.findings == []


def test_openpyxl_save_keeps_vba_and_ribbon_after_restore_ribbon(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(TEMPLATE, keep_vba=True)
    wb[L.SHEET_INSTANSI]["B3"] = "diubah"
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        assert RIBBON_REL not in z.read("_rels/.rels").decode()  # openpyxl drops it
    fixed = restore_ribbon(buf.getvalue())
    with zipfile.ZipFile(io.BytesIO(fixed)) as z, zipfile.ZipFile(TEMPLATE) as original:
        assert RIBBON_REL in z.read("_rels/.rels").decode()
        assert z.read("xl/vbaProject.bin") == original.read("xl/vbaProject.bin")


@pytest.mark.slow
def test_libreoffice_imports_every_module(modules: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "IKI_template.xlsm"
    path.write_bytes(TEMPLATE.read_bytes())
    basic = ods_basic_modules(convert_to_ods(path, tmp_path))
    assert set(basic) == set(modules)
    for name in ("Ribbon", "xlwings_udfs", "xlwings"):
        body = [b for b in modules[name].splitlines() if b and not b.startswith("Attribute ")]
        assert all(b.rstrip() in basic[name] for b in body[:50]), name


@pytest.mark.slow
def test_a_filled_xlsm_opens_in_libreoffice_with_its_modules(tmp_path: Path) -> None:
    from iki_xl.app.new_workbook import write_new_workbook
    from iki_xl.core.formulasi import complete
    from iki_xl.io import interchange

    contoh = Path(__file__).resolve().parents[2] / "iki_xl" / "data" / "contoh"
    doc = complete(interchange.load(contoh / "sampang.yaml"))
    path = tmp_path / "IKI_Sampang.xlsm"
    write_new_workbook(doc, path)
    basic = ods_basic_modules(convert_to_ods(path, tmp_path))
    with zipfile.ZipFile(path) as z:
        sheets = len(re.findall(rb"<sheet ", z.read("xl/workbook.xml")))
    assert {"Ribbon", "xlwings", "xlwings_udfs", "ThisWorkbook"} <= set(basic)
    # + ThisWorkbook, xlwings, Dictionary, xlwings_udfs, Ribbon, Instalasi
    assert len(basic) == sheets + 6
    assert read_workbook(path).dokumen == doc
