"""Write a source-only VBA project (``xl/vbaProject.bin``) from text sources.

Layout ([MS-OVBA] 2.2/2.3), the one Excel recompiles from source on open and the one
xlwings' shipped standalone workbook uses (see ``/shared/EXCEL-NOTES.md``)::

    PROJECT            text: ID, Document=/Module=/Class= lines, Name, CMG/DPB/GC, ...
    PROJECTwm          module names, MBCS and UTF-16
    VBA/_VBA_PROJECT   cc 61 ff ff 00 01 00  (version 0xFFFF: no performance cache)
    VBA/dir            compressed record list; every MODULEOFFSET is 0
    VBA/<module>       compressed source only (no p-code)

Everything is deterministic: the project ID is derived from the project name, the
CMG/DPB/GC encryption (2.4.3) uses a fixed seed, and the Compound File container carries
no timestamps or CLSIDs.
"""

from __future__ import annotations

import enum
import re
import struct
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cfbwrite import Entry, write_ole

from iki_xl.template import ovba

__all__ = [
    "CLASS_BASE",
    "SHEET_BASE",
    "VBA_PROJECT_STREAM",
    "WORKBOOK_BASE",
    "ModuleKind",
    "VbaModule",
    "build_vba_project",
    "decrypt_project_data",
    "dir_stream",
    "document_module",
    "encrypt_project_data",
    "module_from_export",
    "project_stream",
]

CODEPAGE = 1252
LCID = 0x0409
# [MS-OVBA] 2.3.4.1: Reserved1 0x61CC, Version 0xFFFF (no valid cache), Reserved2 0x00,
# Reserved3 0x0001. Exactly what xlwings' shipped standalone workbook holds.
VBA_PROJECT_STREAM = bytes.fromhex("cc61ffff000100")

WORKBOOK_BASE = "0{00020819-0000-0000-C000-000000000046}"
SHEET_BASE = "0{00020820-0000-0000-C000-000000000046}"
CLASS_BASE = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"

# References every Excel project carries (stdole) plus the Office library, which declares
# IRibbonControl. VBA resolves a registered reference by its LIBID and version; the path
# is a hint. The Office path is the one in xlwings' shipped ribbon add-in.
REFERENCES: tuple[tuple[str, str], ...] = (
    (
        "stdole",
        r"*\G{00020430-0000-0000-C000-000000000046}#2.0#0"
        r"#C:\Windows\System32\stdole2.tlb#OLE Automation",
    ),
    (
        "Office",
        r"*\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0"
        r"#C:\Program Files\Common Files\Microsoft Shared\OFFICE16\MSO.DLL"
        r"#Microsoft Office 16.0 Object Library",
    ),
)

_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,30}$")


class ModuleKind(enum.Enum):
    STANDARD = "standard"
    DOCUMENT = "document"
    CLASS = "class"


@dataclass(frozen=True)
class VbaModule:
    """One VBA module as stored in the project.

    ``source`` is the module text as the VBE keeps it: attribute lines first
    (``Attribute VB_Name = "…"`` …), then the code. Line endings are normalised to CRLF
    and the text is encoded cp1252 when the project is built. Use :func:`module_from_export`
    to read a ``.bas``/``.cls`` file exported by the VBE, and :func:`document_module` for a
    ThisWorkbook/sheet module.
    """

    name: str
    kind: ModuleKind
    source: str

    def __post_init__(self) -> None:
        if not _IDENT.match(self.name):
            raise ValueError(f"VBA module name {self.name!r} is not a valid identifier (max 31)")

    @property
    def code(self) -> bytes:
        """The stored source: CRLF line endings, cp1252, ending with a line break."""
        text = self.source.replace("\r\n", "\n").replace("\r", "\n")
        if not text.endswith("\n"):
            text += "\n"
        return text.replace("\n", "\r\n").encode("cp1252")


def _attr_lines(name: str, base: str, *, predeclared: bool, customizable: bool) -> list[str]:
    return [
        f'Attribute VB_Name = "{name}"',
        f'Attribute VB_Base = "{base}"',
        "Attribute VB_GlobalNameSpace = False",
        "Attribute VB_Creatable = False",
        f"Attribute VB_PredeclaredId = {predeclared}",
        "Attribute VB_Exposed = True",
        "Attribute VB_TemplateDerived = False",
        f"Attribute VB_Customizable = {customizable}",
    ]


def document_module(name: str, *, workbook: bool, body: str = "") -> VbaModule:
    """A ThisWorkbook (``workbook=True``) or worksheet document module, attributes as
    Excel writes them."""
    base = WORKBOOK_BASE if workbook else SHEET_BASE
    lines = _attr_lines(name, base, predeclared=True, customizable=True)
    body = body.replace("\r\n", "\n").strip("\n")
    source = "\n".join(lines) + "\n" + (body + "\n" if body else "")
    return VbaModule(name, ModuleKind.DOCUMENT, source)


_EXPORT_HEADER = re.compile(r"^VERSION 1\.0 CLASS\nBEGIN\n(?:[^\n]*\n)*?END\n")
_ATTR = re.compile(r"^Attribute (VB_\w+) = (.*)$")


def module_from_export(text: str, kind: ModuleKind | None = None) -> VbaModule:
    """Turn a VBE export (``.bas`` or ``.cls``) into the stored form.

    A ``.cls`` export starts with ``VERSION 1.0 CLASS / BEGIN … END``; the VBE does not
    store that header but adds ``VB_Base``, ``VB_TemplateDerived`` and ``VB_Customizable``
    (exactly what Excel stored for xlwings' ``Dictionary`` class). Document modules
    exported from the VBE carry ``VB_PredeclaredId = True`` and keep their attributes.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header = _EXPORT_HEADER.match(text)
    rest = text[header.end() :] if header else text
    lines = rest.split("\n")
    attrs: dict[str, str] = {}
    i = 0
    while i < len(lines) and (m := _ATTR.match(lines[i])):
        attrs[m.group(1)] = m.group(2)
        i += 1
    body = "\n".join(lines[i:])
    name_value = attrs.get("VB_Name")
    if name_value is None:
        raise ValueError("VBA export has no 'Attribute VB_Name' line")
    name = name_value.strip('"')
    if kind is None:
        if not header:
            kind = ModuleKind.STANDARD
        elif attrs.get("VB_PredeclaredId") == "True" and "VB_Base" in attrs:
            kind = ModuleKind.DOCUMENT
        else:
            kind = ModuleKind.CLASS
    if kind is ModuleKind.STANDARD:
        out = [f"Attribute VB_Name = {name_value}"]
        out += [f"Attribute {k} = {v}" for k, v in attrs.items() if k != "VB_Name"]
    else:
        known = {
            "VB_Base": CLASS_BASE if kind is ModuleKind.CLASS else SHEET_BASE,
            "VB_GlobalNameSpace": "False",
            "VB_Creatable": "False",
            "VB_PredeclaredId": "False" if kind is ModuleKind.CLASS else "True",
            "VB_Exposed": "False" if kind is ModuleKind.CLASS else "True",
            "VB_TemplateDerived": "False",
            "VB_Customizable": "False" if kind is ModuleKind.CLASS else "True",
        }
        out = [f"Attribute VB_Name = {name_value}"]
        for key, default in known.items():
            value = attrs.get(key, default)
            if key == "VB_Base" and not value.startswith('"'):
                value = f'"{value}"'
            out.append(f"Attribute {key} = {value}")
        out += [
            f"Attribute {k} = {v}" for k, v in attrs.items() if k not in known and k != "VB_Name"
        ]
    return VbaModule(name, kind, "\n".join(out) + "\n" + body)


# --- [MS-OVBA] 2.4.3 data encryption (CMG, DPB, GC) ----------------------------------

_SEED = 0x8D  # any byte is valid; fixed for reproducible builds (xlwings' files use 0x8D)


def encrypt_project_data(data: bytes, project_id: str, *, seed: int = _SEED) -> str:
    """Encrypt ``data`` as [MS-OVBA] 2.4.3.2 does, returning the uppercase hex text."""
    version = 2
    proj_key = sum(project_id.encode("cp1252")) & 0xFF
    version_enc = seed ^ version
    proj_key_enc = seed ^ proj_key
    unencrypted_byte_1 = proj_key
    encrypted_byte_1 = proj_key_enc
    encrypted_byte_2 = version_enc
    out = bytearray([seed, version_enc, proj_key_enc])

    def enc(byte: int) -> int:
        nonlocal unencrypted_byte_1, encrypted_byte_1, encrypted_byte_2
        byte_enc = byte ^ ((encrypted_byte_2 + unencrypted_byte_1) & 0xFF)
        encrypted_byte_2 = encrypted_byte_1
        encrypted_byte_1 = byte_enc
        unencrypted_byte_1 = byte
        return byte_enc

    ignored_length = (seed & 6) // 2
    for _ in range(ignored_length):
        out.append(enc(0))
    for byte in struct.pack("<I", len(data)):
        out.append(enc(byte))
    for byte in data:
        out.append(enc(byte))
    return out.hex().upper()


def decrypt_project_data(hex_text: str) -> tuple[int, bytes]:
    """Inverse of :func:`encrypt_project_data`: returns (project key, data)."""
    raw = bytes.fromhex(hex_text)
    seed, version_enc, proj_key_enc = raw[0], raw[1], raw[2]
    if seed ^ version_enc != 2:
        raise ValueError("bad version in encrypted project data")
    proj_key = seed ^ proj_key_enc
    unencrypted_byte_1 = proj_key
    encrypted_byte_1 = proj_key_enc
    encrypted_byte_2 = version_enc
    plain = bytearray()
    for byte_enc in raw[3:]:
        byte = byte_enc ^ ((encrypted_byte_2 + unencrypted_byte_1) & 0xFF)
        encrypted_byte_2 = encrypted_byte_1
        encrypted_byte_1 = byte_enc
        unencrypted_byte_1 = byte
        plain.append(byte)
    ignored = (seed & 6) // 2
    (length,) = struct.unpack_from("<I", plain, ignored)
    data = bytes(plain[ignored + 4 : ignored + 4 + length])
    if len(data) != length:
        raise ValueError("truncated encrypted project data")
    return proj_key, data


# --- streams ---------------------------------------------------------------------------


def _project_id(project_name: str) -> str:
    ident = uuid.uuid5(uuid.NAMESPACE_URL, f"iki-xl:vba-project:{project_name}")
    return "{" + str(ident).upper() + "}"


_PROTECTION_NONE = struct.pack("<I", 0)  # ProjectProtectionState: unprotected
_PASSWORD_NONE = b"\x00"  # ProjectPassword: none
_VISIBLE = b"\xff"  # ProjectVisibilityState: visible


def project_stream(modules: Sequence[VbaModule], project_name: str) -> bytes:
    """The ``PROJECT`` stream ([MS-OVBA] 2.3.1), cp1252 text with CRLF line endings."""
    pid = _project_id(project_name)
    lines = [f'ID="{pid}"']
    for m in modules:
        if m.kind is ModuleKind.DOCUMENT:
            lines.append(f"Document={m.name}/&H00000000")
        elif m.kind is ModuleKind.STANDARD:
            lines.append(f"Module={m.name}")
        else:
            lines.append(f"Class={m.name}")
    lines += [
        f'Name="{project_name}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        f'CMG="{encrypt_project_data(_PROTECTION_NONE, pid)}"',
        f'DPB="{encrypt_project_data(_PASSWORD_NONE, pid)}"',
        f'GC="{encrypt_project_data(_VISIBLE, pid)}"',
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
    ]
    lines += [f"{m.name}=0, 0, 0, 0, C" for m in modules]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("cp1252")


def projectwm_stream(modules: Sequence[VbaModule]) -> bytes:
    """The ``PROJECTwm`` stream ([MS-OVBA] 2.3.3): MBCS and UTF-16 module names."""
    out = bytearray()
    for m in modules:
        out += m.name.encode("cp1252") + b"\x00" + m.name.encode("utf-16-le") + b"\x00\x00"
    return bytes(out + b"\x00\x00")


def _rec(rid: int, data: bytes = b"") -> bytes:
    return struct.pack("<HI", rid, len(data)) + data


def _u16(value: int) -> bytes:
    return struct.pack("<H", value)


def _u32(value: int) -> bytes:
    return struct.pack("<I", value)


def _mbcs(text: str) -> bytes:
    return text.encode("cp1252")


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def dir_stream(modules: Sequence[VbaModule], project_name: str) -> bytes:
    """The decompressed ``dir`` stream ([MS-OVBA] 2.3.4.2)."""
    out = bytearray()
    # PROJECTINFORMATION
    out += _rec(0x0001, _u32(3))  # PROJECTSYSKIND: 64-bit Windows, as xlwings' file
    out += _rec(0x0002, _u32(LCID))  # PROJECTLCID
    out += _rec(0x0014, _u32(LCID))  # PROJECTLCIDINVOKE
    out += _rec(0x0003, _u16(CODEPAGE))  # PROJECTCODEPAGE
    out += _rec(0x0004, _mbcs(project_name))  # PROJECTNAME
    out += _rec(0x0005) + _rec(0x0040)  # PROJECTDOCSTRING (+ unicode), empty
    out += _rec(0x0006) + _rec(0x003D)  # PROJECTHELPFILEPATH 1 and 2, empty
    out += _rec(0x0007, _u32(0))  # PROJECTHELPCONTEXT
    out += _rec(0x0008, _u32(0))  # PROJECTLIBFLAGS
    out += struct.pack("<HIIH", 0x0009, 4, 1, 0)  # PROJECTVERSION: major 1, minor 0
    out += _rec(0x000C) + _rec(0x003C)  # PROJECTCONSTANTS (+ unicode), empty
    # PROJECTREFERENCES
    for name, libid in REFERENCES:
        out += _rec(0x0016, _mbcs(name)) + _rec(0x003E, _utf16(name))  # REFERENCENAME
        lib = _mbcs(libid)
        registered = _u32(len(lib)) + lib + _u32(0) + _u16(0)
        out += _rec(0x000D, registered)  # REFERENCEREGISTERED
    # PROJECTMODULES
    out += _rec(0x000F, _u16(len(modules)))
    out += _rec(0x0013, _u16(0xFFFF))  # PROJECTCOOKIE
    for m in modules:
        out += _rec(0x0019, _mbcs(m.name))  # MODULENAME
        out += _rec(0x0047, _utf16(m.name))  # MODULENAMEUNICODE
        out += _rec(0x001A, _mbcs(m.name)) + _rec(0x0032, _utf16(m.name))  # MODULESTREAMNAME
        out += _rec(0x001C) + _rec(0x0048)  # MODULEDOCSTRING, empty
        out += _rec(0x0031, _u32(0))  # MODULEOFFSET: source only
        out += _rec(0x001E, _u32(0))  # MODULEHELPCONTEXT
        out += _rec(0x002C, _u16(0xFFFF))  # MODULECOOKIE
        out += _rec(0x0021 if m.kind is ModuleKind.STANDARD else 0x0022)  # MODULETYPE
        out += _rec(0x002B)  # module terminator
    out += _rec(0x0010)  # dir terminator
    return bytes(out)


def _check(modules: Sequence[VbaModule], project_name: str) -> None:
    if not _IDENT.match(project_name):
        raise ValueError(f"VBA project name {project_name!r} is not a valid identifier")
    seen: set[str] = set()
    for m in modules:
        key = m.name.upper()
        if key in seen:
            raise ValueError(f"duplicate VBA module name {m.name!r}")
        seen.add(key)
        first = m.source.lstrip().split("\n", 1)[0].strip()
        if first != f'Attribute VB_Name = "{m.name}"':
            raise ValueError(
                f"VBA module {m.name!r} must start with 'Attribute VB_Name = \"{m.name}\"'"
            )
    documents = [m for m in modules if m.kind is ModuleKind.DOCUMENT]
    if documents and WORKBOOK_BASE not in documents[0].source:
        raise ValueError("the first document module must be the workbook's (ThisWorkbook)")


def build_vba_project(modules: Sequence[VbaModule], *, project_name: str = "VBAProject") -> bytes:
    """Build a complete source-only ``vbaProject.bin`` (Compound File) from ``modules``.

    Module order is kept (PROJECT, dir and PROJECTwm list modules in the given order).
    Two calls with equal arguments return identical bytes.
    """
    modules = list(modules)
    _check(modules, project_name)

    def stream(name: str, data: bytes) -> Entry:
        def read() -> bytes:
            return data

        return Entry(name=name, is_storage=False, size=len(data), read=read)

    vba_children = [
        stream("_VBA_PROJECT", VBA_PROJECT_STREAM),
        stream("dir", ovba.compress(dir_stream(modules, project_name))),
    ]
    vba_children += [stream(m.name, ovba.compress(m.code)) for m in modules]
    root = [
        stream("PROJECT", project_stream(modules, project_name)),
        stream("PROJECTwm", projectwm_stream(modules)),
        Entry(name="VBA", is_storage=True, size=0, read=None, children=vba_children),
    ]
    with tempfile.TemporaryDirectory(prefix="iki-vba-") as tmp:
        path = Path(tmp) / "vbaProject.bin"
        write_ole(path, root)
        return path.read_bytes()
