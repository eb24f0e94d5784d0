"""Turn an .xlsx package into a macro-enabled .xlsm with a VBA project and a ribbon.

Works on the zip package as text, so it accepts what openpyxl and XlsxWriter write and
leaves every part it does not need to touch byte for byte as it was. The XML edits are
small and targeted (string level, not a re-serialisation), so namespace prefixes and
``mc:Ignorable`` declarations survive untouched.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from posixpath import dirname, join, normpath
from xml.etree import ElementTree as ET

from iki_xl.template.vba_sources import (
    VBA_DIR,
    instalasi_module,
    ribbon_module,
    udf_module,
    xlwings_standalone_modules,
)
from iki_xl.template.vbaproject import (
    ModuleKind,
    VbaModule,
    build_vba_project,
    document_module,
    module_from_export,
)

__all__ = [
    "CUSTOMUI_PART",
    "WORKBOOK_CODENAME",
    "document_modules_for",
    "make_template_xlsm",
    "make_xlsm",
    "restore_ribbon",
    "ribbon_xml",
    "sheet_codenames",
    "template_modules",
]

WORKBOOK_CODENAME = "ThisWorkbook"
CUSTOMUI_PART = "customUI/customUI14.xml"
VBA_PART = "xl/vbaProject.bin"

CT_MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
CT_VBA = "application/vnd.ms-office.vbaProject"
REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
REL_UI14 = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
REL_UI12 = "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"
# customUI part -> relationship type from the package root
_UI_PARTS = {CUSTOMUI_PART: REL_UI14, "customUI/customUI.xml": REL_UI12}

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL_OFFICE_DOC = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_CODENAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,30}$")


class XlsmError(ValueError):
    """The input package cannot be made into an .xlsm (names the part and the problem)."""


# --- package helpers ------------------------------------------------------------------


def _read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def _write_zip(parts: Mapping[str, bytes]) -> bytes:
    """Deterministic zip: fixed timestamp and attributes; content types and root rels
    first, then the parts in the given order."""
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in parts]
    order = first + [n for n in parts if n not in first]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, parts[name], compresslevel=6)
    return buf.getvalue()


def _rels_path(part: str) -> str:
    return join(dirname(part), "_rels", part.rsplit("/", 1)[-1] + ".rels")


def _resolve(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return normpath(join(dirname(source_part), target))


def _relationships(xml: bytes) -> list[dict[str, str]]:
    root = ET.fromstring(xml)
    return [dict(el.attrib) for el in root.iter(f"{{{_NS_PKG_REL}}}Relationship")]


def _add_relationship(xml: bytes, rel_type: str, target: str) -> bytes:
    """Append a Relationship with a fresh rId before ``</Relationships>``."""
    ids = {r.get("Id", "") for r in _relationships(xml)}
    n = 1
    while f"rId{n}" in ids:
        n += 1
    text = xml.decode("utf-8")
    new = f'<Relationship Id="rId{n}" Type="{rel_type}" Target="{target}"/>'
    if "</Relationships>" in text:
        text = text.replace("</Relationships>", new + "</Relationships>", 1)
    else:  # <Relationships .../> with no children
        text = re.sub(
            r"<Relationships([^>]*)/>", rf"<Relationships\1>{new}</Relationships>", text, count=1
        )
    return text.encode("utf-8")


def _empty_rels() -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_NS_PKG_REL}"></Relationships>'
    ).encode()


def _workbook_part(parts: Mapping[str, bytes]) -> str:
    for rel in _relationships(parts["_rels/.rels"]):
        if rel.get("Type") == _REL_OFFICE_DOC:
            return _resolve("", rel["Target"])
    raise XlsmError("_rels/.rels: no officeDocument relationship (not a workbook package)")


def _sheet_parts(parts: Mapping[str, bytes], workbook: str) -> list[tuple[str, str]]:
    """(sheet name, worksheet part) for every worksheet, in workbook order."""
    rels = {r["Id"]: r for r in _relationships(parts[_rels_path(workbook)])}
    root = ET.fromstring(parts[workbook])
    out = []
    for sheet in root.iter(f"{{{_NS_MAIN}}}sheet"):
        rid = sheet.get(f"{{{_NS_R}}}id", "")
        rel = rels.get(rid)
        if rel is None:
            raise XlsmError(f"{workbook}: sheet {sheet.get('name')!r} has no relationship {rid}")
        if rel.get("Type", "").endswith("/worksheet"):
            out.append((sheet.get("name", ""), _resolve(workbook, rel["Target"])))
    return out


def _existing_codename(xml: bytes, tag: str) -> str | None:
    m = re.search(rb"<" + tag.encode() + rb"\b[^>]*?\bcodeName=\"([^\"]*)\"", xml)
    return m.group(1).decode() if m else None


def _set_codename(xml: bytes, tag: str, codename: str, insert_after: Iterable[str]) -> bytes:
    """Set ``codeName`` on the (unprefixed) element ``tag``; create the element if absent,
    after the last present element of ``insert_after`` or else first in the root."""
    text = xml.decode("utf-8")
    m = re.search(rf"<{tag}\b[^>]*?/?>", text)
    if m:
        element = m.group(0)
        if re.search(r"\bcodeName=\"[^\"]*\"", element):
            new = re.sub(r"\bcodeName=\"[^\"]*\"", f'codeName="{codename}"', element)
        else:
            new = f'<{tag} codeName="{codename}"' + element[len(tag) + 1 :]
        return (text[: m.start()] + new + text[m.end() :]).encode("utf-8")
    new = f'<{tag} codeName="{codename}"/>'
    for prev in insert_after:
        matches = list(re.finditer(rf"<{prev}\b[^>]*?/>|</{prev}>", text))
        if matches:
            pm = matches[-1]
            return (text[: pm.end()] + new + text[pm.end() :]).encode("utf-8")
    root = re.search(r"<(?!\?)(?!!)[^>]+>", text)  # the root element's start tag
    if root is None or root.group(0).endswith("/>"):
        raise XlsmError(f"cannot place <{tag}>: unexpected XML")
    return (text[: root.end()] + new + text[root.end() :]).encode("utf-8")


# --- public API -----------------------------------------------------------------------


def sheet_codenames(xlsx_bytes: bytes) -> dict[str, str]:
    """Sheet name -> codeName for every worksheet, in workbook order.

    A sheet keeps the codeName it already has; others get ``Sheet1``, ``Sheet2``, … (by
    position, skipping names already taken), as Excel would name them.
    """
    parts = _read_zip(xlsx_bytes)
    workbook = _workbook_part(parts)
    sheets = _sheet_parts(parts, workbook)
    existing = {name: _existing_codename(parts[part], "sheetPr") for name, part in sheets}
    taken = {c.upper() for c in existing.values() if c} | {WORKBOOK_CODENAME.upper()}
    out: dict[str, str] = {}
    n = 0
    for name, _ in sheets:
        code = existing[name]
        if not code:
            n += 1
            while f"SHEET{n}" in taken:
                n += 1
            code = f"Sheet{n}"
            taken.add(code.upper())
        out[name] = code
    return out


def document_modules_for(
    sheet_codenames: Iterable[str], *, workbook_codename: str = WORKBOOK_CODENAME
) -> list[VbaModule]:
    """Document modules for the workbook (body from ``vba/ThisWorkbook.cls``) and for each
    sheet codeName (attributes only), workbook first."""
    exported = module_from_export(
        (VBA_DIR / "ThisWorkbook.cls").read_bytes().decode("cp1252"), ModuleKind.DOCUMENT
    )
    body = "\n".join(
        line
        for line in exported.source.replace("\r\n", "\n").split("\n")
        if not line.startswith("Attribute VB_")
    )
    modules = [document_module(workbook_codename, workbook=True, body=body)]
    modules += [document_module(code, workbook=False) for code in sheet_codenames]
    return modules


def _wanted_codenames(xlsx_bytes: bytes, codenames: dict[str, str] | None) -> dict[str, str]:
    """Sheet name -> codeName: the given ones over :func:`sheet_codenames`' choice, each a
    valid VBA identifier and all unique."""
    wanted = sheet_codenames(xlsx_bytes)
    for name, code in (codenames or {}).items():
        if name not in wanted:
            raise XlsmError(f"codenames: no worksheet named {name!r}")
        wanted[name] = code
    for code in [*wanted.values(), WORKBOOK_CODENAME]:
        if not _CODENAME.match(code):
            raise XlsmError(f"codeName {code!r} is not a valid VBA identifier (max 31)")
    if len({c.upper() for c in wanted.values()} | {WORKBOOK_CODENAME.upper()}) != len(wanted) + 1:
        raise XlsmError(f"codeNames must be unique: {sorted(wanted.values())}")
    return wanted


def _macro_content_types(xml: bytes, workbook: str) -> bytes:
    """[Content_Types].xml with the macro-enabled workbook type and the VBA project's."""
    ct = xml.decode("utf-8")
    ct, n = re.subn(
        rf'(<Override\b[^>]*PartName="/{re.escape(workbook)}"[^>]*ContentType=")[^"]*(")',
        rf"\g<1>{CT_MACRO_WORKBOOK}\g<2>",
        ct,
    )
    if n == 0:
        ct, n = re.subn(
            rf'(<Override\b[^>]*ContentType=")[^"]*("[^>]*PartName="/{re.escape(workbook)}")',
            rf"\g<1>{CT_MACRO_WORKBOOK}\g<2>",
            ct,
        )
    if n == 0:
        raise XlsmError(f"[Content_Types].xml: no Override for /{workbook}")
    bin_default = re.search(r'<Default\b[^>]*Extension="bin"[^>]*>', ct, re.IGNORECASE)
    if bin_default is None:
        ct = ct.replace(
            "<Default ", f'<Default Extension="bin" ContentType="{CT_VBA}"/><Default ', 1
        )
    elif CT_VBA not in bin_default.group(0):
        override = f'<Override PartName="/{VBA_PART}" ContentType="{CT_VBA}"/>'
        if override not in ct:
            ct = ct.replace("</Types>", override + "</Types>")
    return ct.encode("utf-8")


def make_xlsm(
    xlsx_bytes: bytes,
    vba_bin: bytes,
    customui_xml: bytes,
    *,
    codenames: dict[str, str] | None = None,
) -> bytes:
    """Make a macro-enabled workbook from an .xlsx package.

    Adds ``xl/vbaProject.bin`` (``vba_bin``) and ``customUI/customUI14.xml``
    (``customui_xml``) with their content types and relationships, switches the workbook
    content type to macro-enabled, and writes ``codeName="ThisWorkbook"`` on
    ``workbookPr`` and the codeName of every worksheet on its ``sheetPr``. ``codenames``
    maps sheet names to codeNames; sheets not in it (or all, when it is None) get
    :func:`sheet_codenames`' choice. The VBA project's document modules must use the same
    names (build them with :func:`document_modules_for`). Deterministic output.
    """
    parts = _read_zip(xlsx_bytes)
    workbook = _workbook_part(parts)
    wanted = _wanted_codenames(xlsx_bytes, codenames)
    parts["[Content_Types].xml"] = _macro_content_types(parts["[Content_Types].xml"], workbook)

    # workbook relationship to the VBA project
    wb_rels_path = _rels_path(workbook)
    wb_rels = parts[wb_rels_path]
    if not any(r.get("Type") == REL_VBA for r in _relationships(wb_rels)):
        target = "vbaProject.bin" if dirname(workbook) == dirname(VBA_PART) else f"/{VBA_PART}"
        parts[wb_rels_path] = _add_relationship(wb_rels, REL_VBA, target)
    parts[VBA_PART] = vba_bin

    # codeNames
    parts[workbook] = _set_codename(
        parts[workbook], "workbookPr", WORKBOOK_CODENAME, ("fileSharing", "fileVersion")
    )
    for name, part in _sheet_parts(parts, workbook):
        parts[part] = _set_codename(parts[part], "sheetPr", wanted[name], ())

    # ribbon
    parts[CUSTOMUI_PART] = customui_xml
    return restore_ribbon(_write_zip(parts))


def restore_ribbon(xlsm_bytes: bytes) -> bytes:
    """Re-add the package relationship to each customUI part that lost it.

    openpyxl's ``load_workbook(keep_vba=True)`` + ``save`` keeps the customUI file but
    drops its relationship from ``_rels/.rels``, and Excel then shows no ribbon. Returns
    the input unchanged when nothing is missing.
    """
    parts = _read_zip(xlsm_bytes)
    rels = parts.get("_rels/.rels", _empty_rels())
    present = {(r.get("Type"), _resolve("", r.get("Target", ""))) for r in _relationships(rels)}
    changed = False
    for part, rel_type in _UI_PARTS.items():
        if part in parts and (rel_type, part) not in present:
            rels = _add_relationship(rels, rel_type, part)
            changed = True
    if not changed:
        return xlsm_bytes
    parts["_rels/.rels"] = rels
    return _write_zip(parts)


def ribbon_xml() -> bytes:
    """The ribbon part (``ribbon/customUI14.xml``), bytes as committed."""
    return (Path(__file__).with_name("ribbon") / "customUI14.xml").read_bytes()


def template_modules(
    sheet_codenames: Iterable[str], *, udf_module_name: str = "iki_xl.udfs"
) -> list[VbaModule]:
    """Every module of the template's VBA project, in project order: ThisWorkbook, one
    document module per sheet codeName, ``xlwings``, ``Dictionary``, ``xlwings_udfs``
    (generated for ``udf_module_name``), ``Ribbon``, ``Instalasi``."""
    return [
        *document_modules_for(sheet_codenames),
        *xlwings_standalone_modules(),
        udf_module(udf_module_name),
        ribbon_module(),
        instalasi_module(),
    ]


def make_template_xlsm(xlsx_bytes: bytes, *, udf_module_name: str = "iki_xl.udfs") -> bytes:
    """One call from an .xlsx to the macro-enabled template: codeNames from
    :func:`sheet_codenames`, the VBA project of :func:`template_modules`, the ribbon."""
    codes = sheet_codenames(xlsx_bytes)
    vba = build_vba_project(template_modules(codes.values(), udf_module_name=udf_module_name))
    return make_xlsm(xlsx_bytes, vba, ribbon_xml(), codenames=codes)
