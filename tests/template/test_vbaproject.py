"""The VBA project writer, judged by olefile, oletools and xlwings' own shipped project."""

from __future__ import annotations

import re
import struct
import zipfile
from pathlib import Path

import olefile
import pytest
import xlwings
from oletools.olevba import VBA_Parser, filter_vba

from iki_xl.template import ovba
from iki_xl.template.vba_sources import (
    XLWINGS_PINNED,
    embedded_xlwings_version,
    ribbon_module,
    xlwings_standalone_modules,
)
from iki_xl.template.vbaproject import (
    ModuleKind,
    VbaModule,
    build_vba_project,
    decrypt_project_data,
    document_module,
    encrypt_project_data,
    module_from_export,
)

XLWINGS_DIR = Path(xlwings.__file__).parent


def _records(dir_bytes: bytes) -> list[tuple[int, bytes]]:
    out = []
    i = 0
    while i < len(dir_bytes):
        rid, size = struct.unpack_from("<HI", dir_bytes, i)
        if rid == 0x0009:  # PROJECTVERSION: Reserved=4, then 6 bytes
            out.append((rid, dir_bytes[i + 6 : i + 12]))
            i += 12
            continue
        out.append((rid, dir_bytes[i + 6 : i + 6 + size]))
        i += 6 + size
    return out


def _ole(data: bytes) -> olefile.OleFileIO:
    return olefile.OleFileIO(data, raise_defects=olefile.DEFECT_INCORRECT)


@pytest.fixture(scope="module")
def project(all_modules: list[VbaModule]) -> bytes:
    return build_vba_project(all_modules)


@pytest.fixture(scope="module")
def shipped_project() -> bytes:
    with zipfile.ZipFile(XLWINGS_DIR / "quickstart_standalone.xlsm") as zf:
        return zf.read("xl/vbaProject.bin")


def test_module_set_is_the_one_the_done_criteria_ask_for(all_modules: list[VbaModule]) -> None:
    kinds = [m.kind for m in all_modules]
    assert len(all_modules) >= 6
    assert {ModuleKind.STANDARD, ModuleKind.DOCUMENT, ModuleKind.CLASS} <= set(kinds)
    xlwings_module = next(m for m in all_modules if m.name == "xlwings")
    assert len(xlwings_module.source) > 45_000


def test_streams_listed_by_olefile(project: bytes, all_modules: list[VbaModule]) -> None:
    ole = _ole(project)
    streams = {"/".join(p) for p in ole.listdir(streams=True, storages=False)}
    assert streams == {"PROJECT", "PROJECTwm", "VBA/_VBA_PROJECT", "VBA/dir"} | {
        f"VBA/{m.name}" for m in all_modules
    }
    assert ole.openstream("VBA/_VBA_PROJECT").read() == bytes.fromhex("cc61ffff000100")


def test_dir_stream_records(project: bytes, all_modules: list[VbaModule]) -> None:
    ole = _ole(project)
    container = ole.openstream("VBA/dir").read()
    assert ovba.all_chunks_compressed(container)
    recs = _records(ovba.decompress(container))
    ids = [r for r, _ in recs]
    values = dict(recs)  # last wins; fine for the single records
    assert ids[:4] == [0x0001, 0x0002, 0x0014, 0x0003]
    assert struct.unpack("<H", values[0x0003])[0] == 1252
    assert values[0x0004] == b"VBAProject"
    names = [v for r, v in recs if r == 0x0016]
    assert names == [b"stdole", b"Office"]
    libids = [v[4:] for r, v in recs if r == 0x000D]
    assert b"{00020430-0000-0000-C000-000000000046}" in libids[0]
    assert b"{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}" in libids[1]  # Office: IRibbonControl
    for r, v in recs:
        if r == 0x000D:  # REFERENCEREGISTERED: size of libid, libid, 6 reserved bytes
            (n,) = struct.unpack_from("<I", v)
            assert len(v) == 4 + n + 6
    assert struct.unpack("<H", values[0x000F])[0] == len(all_modules)
    offsets = [struct.unpack("<I", v)[0] for r, v in recs if r == 0x0031]
    assert offsets == [0] * len(all_modules)
    module_names = [v.decode("cp1252") for r, v in recs if r == 0x0019]
    assert module_names == [m.name for m in all_modules]
    types = [r for r, _ in recs if r in (0x0021, 0x0022)]
    assert types == [0x0021 if m.kind is ModuleKind.STANDARD else 0x0022 for m in all_modules]
    assert ids.count(0x002B) == len(all_modules)
    assert ids[-1] == 0x0010


def test_dir_record_sequence_matches_xlwings_shipped_project(
    project: bytes, shipped_project: bytes
) -> None:
    """Same record kinds, in the same order, as the project xlwings ships (Excel-made)."""

    def shape(data: bytes) -> tuple[list[int], list[int]]:
        recs = _records(ovba.decompress(_ole(data).openstream("VBA/dir").read()))
        ids = [r for r, _ in recs]
        start = ids.index(0x000F)
        info = [r for r in ids[: ids.index(0x0016)]]
        first_module = ids[start + 2 : ids.index(0x002B) + 1]
        return info, first_module

    assert shape(project) == shape(shipped_project)


def test_every_module_stream_is_source_only_and_really_compressed(
    project: bytes, all_modules: list[VbaModule]
) -> None:
    ole = _ole(project)
    for m in all_modules:
        container = ole.openstream(f"VBA/{m.name}").read()
        assert container[0] == 0x01, m.name  # source starts at offset 0
        infos = ovba.chunks(container)
        assert all(i.compressed for i in infos), m.name
        assert all(i.copy_tokens > 0 for i in infos), m.name  # never literal-only
        assert ovba.decompress(container) == m.code


def test_olevba_extracts_every_module_equal_to_its_source(
    project: bytes, all_modules: list[VbaModule]
) -> None:
    parser = VBA_Parser("vbaProject.bin", data=project)
    extracted = {
        Path(vba_filename).stem: code for _, _, vba_filename, code in parser.extract_macros()
    }
    assert set(extracted) == {m.name for m in all_modules}
    for m in all_modules:
        code = extracted[m.name]
        expected = m.code.decode("cp1252")
        assert code.replace("\r\n", "\n") == expected.replace("\r\n", "\n"), m.name
        shown = filter_vba(code)
        body = re.sub(r"\A(?:Attribute VB_[^\n:]*\n)*", "", expected.replace("\r\n", "\n"))
        assert shown.rstrip("\n") == body.rstrip("\n"), m.name


def test_project_stream(project: bytes, all_modules: list[VbaModule]) -> None:
    text = _ole(project).openstream("PROJECT").read().decode("cp1252")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    pid = re.fullmatch(r'ID="(\{[0-9A-F-]{36}\})"', lines[0])
    assert pid
    assert "Document=ThisWorkbook/&H00000000" in lines
    assert "Document=Sheet1/&H00000000" in lines
    assert "Module=xlwings" in lines and "Module=Ribbon" in lines
    assert "Module=xlwings_udfs" in lines and "Class=Dictionary" in lines
    assert 'Name="VBAProject"' in lines
    assert "[Host Extender Info]" in lines and "[Workspace]" in lines
    fields = dict(line.split("=", 1) for line in lines if line[:3] in ("CMG", "DPB", "GC="))
    key = sum(pid.group(1).encode()) & 0xFF
    assert decrypt_project_data(fields["CMG"].strip('"')) == (key, b"\0\0\0\0")
    assert decrypt_project_data(fields["DPB"].strip('"')) == (key, b"\0")
    assert decrypt_project_data(fields["GC"].strip('"')) == (key, b"\xff")
    wm = _ole(project).openstream("PROJECTwm").read()
    assert wm.endswith(b"\0\0")
    assert b"Dictionary\0" + "Dictionary".encode("utf-16-le") + b"\0\0" in wm


def test_encryption_matches_excel_written_values(shipped_project: bytes) -> None:
    # Excel wrote these for xlwings' project (seed 0x8D, random ignored bytes); decrypt
    # them, and check our encryption's fixed part against them.
    text = _ole(shipped_project).openstream("PROJECT").read().decode("cp1252")
    pid = re.search(r'ID="([^"]+)"', text).group(1)  # type: ignore[union-attr]
    cmg = re.search(r'CMG="([^"]+)"', text).group(1)  # type: ignore[union-attr]
    gc = re.search(r'GC="([^"]+)"', text).group(1)  # type: ignore[union-attr]
    key = sum(pid.encode()) & 0xFF
    assert decrypt_project_data(cmg) == (key, b"\0\0\0\0")
    assert decrypt_project_data(gc) == (key, b"\xff")
    ours = encrypt_project_data(b"\0\0\0\0", pid, seed=int(cmg[:2], 16))
    assert ours[:6] == cmg[:6] and len(ours) == len(cmg)


def test_two_builds_identical(all_modules: list[VbaModule], project: bytes) -> None:
    assert build_vba_project(all_modules) == project
    assert build_vba_project(list(reversed(all_modules[3:])) + all_modules[:3]) != project


def test_dictionary_class_stored_exactly_as_excel_stored_it(shipped_project: bytes) -> None:
    ole = _ole(shipped_project)
    recs = _records(ovba.decompress(ole.openstream("VBA/dir").read()))
    names = [v.decode() for r, v in recs if r == 0x0019]
    offsets = [struct.unpack("<I", v)[0] for r, v in recs if r == 0x0031]
    offset = offsets[names.index("Dictionary")]
    excel = ovba.decompress(ole.openstream("VBA/Dictionary").read()[offset:])
    ours = next(m for m in xlwings_standalone_modules() if m.name == "Dictionary")
    assert ours.kind is ModuleKind.CLASS
    # The attribute block byte for byte; the code equal up to identifier casing (the VBE
    # re-cases identifiers project-wide: Excel's copy has 'err.Raise' for 'Err.Raise').
    header = excel[: excel.index(b"\r\n''\r\n")]
    assert header.count(b"Attribute VB_") == 9
    assert ours.code.startswith(header)
    assert ours.code.lower() == excel.lower()


def test_document_module_attributes_as_excel_writes_them(shipped_project: bytes) -> None:
    ole = _ole(shipped_project)
    recs = _records(ovba.decompress(ole.openstream("VBA/dir").read()))
    names = [v.decode() for r, v in recs if r == 0x0019]
    offsets = [struct.unpack("<I", v)[0] for r, v in recs if r == 0x0031]
    for name, workbook in (("ThisWorkbook", True), ("Sheet1", False)):
        raw = ole.openstream(f"VBA/{name}").read()[offsets[names.index(name)] :]
        assert document_module(name, workbook=workbook).code == ovba.decompress(raw)


def test_xlwings_version_embedded_equals_installed_and_pinned() -> None:
    main, dictionary = xlwings_standalone_modules()
    assert (main.name, main.kind) == ("xlwings", ModuleKind.STANDARD)
    assert (dictionary.name, dictionary.kind) == ("Dictionary", ModuleKind.CLASS)
    assert embedded_xlwings_version(main) == xlwings.__version__ == XLWINGS_PINNED
    assert f'"xlwings64-{XLWINGS_PINNED}.dll"' in main.source
    assert main.code == (XLWINGS_DIR / "xlwings.bas").read_bytes()


def test_module_from_export_standard_and_bad_input() -> None:
    m = module_from_export('Attribute VB_Name = "Foo"\r\nSub A()\r\nEnd Sub\r\n')
    assert (m.name, m.kind) == ("Foo", ModuleKind.STANDARD)
    assert m.code == b'Attribute VB_Name = "Foo"\r\nSub A()\r\nEnd Sub\r\n'
    with pytest.raises(ValueError, match="VB_Name"):
        module_from_export("Sub A()\nEnd Sub\n")
    with pytest.raises(ValueError, match="identifier"):
        VbaModule("Bad Name", ModuleKind.STANDARD, 'Attribute VB_Name = "Bad Name"')


def test_build_rejects_inconsistent_modules() -> None:
    ok = ribbon_module()
    with pytest.raises(ValueError, match="duplicate"):
        build_vba_project([ok, ok])
    wrong = VbaModule("Foo", ModuleKind.STANDARD, 'Attribute VB_Name = "Bar"\n')
    with pytest.raises(ValueError, match="must start with"):
        build_vba_project([wrong])
    sheet_first = [
        document_module("Sheet1", workbook=False),
        document_module("ThisWorkbook", workbook=True),
    ]
    with pytest.raises(ValueError, match="ThisWorkbook"):
        build_vba_project(sheet_first)


def test_cp1252_and_crlf() -> None:
    m = VbaModule(
        "Teks", ModuleKind.STANDARD, 'Attribute VB_Name = "Teks"\n\' Capaian ≥ target – “baik”\rX\n'
    )
    with pytest.raises(UnicodeEncodeError):
        _ = m.code  # ≥ is not in cp1252: refuse rather than write '?'
    m = VbaModule("Teks", ModuleKind.STANDARD, 'Attribute VB_Name = "Teks"\n\' – “baik” é\rX')
    assert m.code == 'Attribute VB_Name = "Teks"\r\n\' – “baik” é\r\nX\r\n'.encode("cp1252")
    container = _ole(build_vba_project([m])).openstream("VBA/Teks").read()
    assert ovba.decompress(container) == m.code
