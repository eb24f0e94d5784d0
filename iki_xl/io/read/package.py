"""The .xlsx/.xlsm package checked before python-calamine touches it.

calamine trusts the file: it inflates a part whole (a 1.5 MB zip bomb becomes 1.5 GiB),
takes the last of two entries with one name, and builds a dense range from A1 to the
farthest cell (one value at XFD1048576 asks for 512 GiB and aborts the process). Here,
reading only the central directory and then each XML part once as a bounded stream:

- a Compound File (an encrypted workbook, or a .xls) gets a message of its own;
- duplicate entry names, too many entries, a part or a package too large once inflated,
  a compression ratio no spreadsheet has, a size that lies (the CRC check fails) are
  refused before anything expands;
- a DTD (and so any entity) in an XML part is refused: an OOXML part never has one
  (the prolog is read with the standard library's expat parser);
- each worksheet part is scanned for the extent of its cells, its formula cells and its
  cached Excel error values (`SheetScan`), so the reader can bound a sheet whose extent is
  absurd and report what calamine would read as empty.

Everything is one line in Bahasa Indonesia (`UnusableFile`).
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree
from xml.parsers import expat

from iki_xl.errors import UnusableFile
from iki_xl.io.read.source import open_regular

MB = 1 << 20
FILE_MAX = 256 * MB  # the package on disk
PART_MAX = 256 * MB  # one part once inflated
TOTAL_MAX = 512 * MB  # every part once inflated
RATIO_MAX = 100  # inflated / compressed, for a part over RATIO_FLOOR (spreadsheets: 5-30)
RATIO_FLOOR = 16 * MB
ENTRIES_MAX = 10_000
CHUNK = 4 * MB
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_XML = (".xml", ".rels", ".vml")

# worksheet XML: a cell with content, a formula's cell, an error cell (t="e")
_P = rb"<(?:[A-Za-z_][\w.-]*:)?"
_CELL = re.compile(_P + rb'c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>/]*>(?!</)')
_FORMULA = re.compile(
    _P + rb'c\b[^>]*?\br="([A-Z]{1,3}[0-9]{1,7})"[^>]*>\s*' + _P + rb"f\b([^>]*)>"
)
_ERROR = re.compile(_P + rb'c\b([^>]*\bt="e"[^>]*)>(.*?)</(?:[A-Za-z_][\w.-]*:)?c>', re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3}[0-9]{1,7})"')
_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v>([^<]*)<")
_ARRAY_REF = re.compile(
    rb'\bt="array"[^>]*\bref="([A-Z]{1,3}[0-9]{1,7}(?::[A-Z]{1,3}[0-9]{1,7})?)"'
)
_A1 = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")

NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def cell_position(ref: str) -> tuple[int, int]:
    """1-based (row, column) of "AB12"."""
    m = _A1.fullmatch(ref)
    if not m:
        return (0, 0)
    return int(m.group(2)), column_number(m.group(1))


@dataclass
class SheetScan:
    """What the scan of one worksheet part found (rows and columns 1-based)."""

    part: str
    rows: int = 0  # the last row holding a cell with content
    columns: int = 0  # the last column holding one
    formulas: set[str] = field(default_factory=set)  # cells with a formula of their own
    arrays: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1
    errors: dict[str, str] = field(default_factory=dict)  # cell → "#DIV/0!"

    @property
    def cells(self) -> int:
        return self.rows * self.columns

    def has_formula(self, ref: str) -> bool:
        if ref in self.formulas:
            return True
        r, c = cell_position(ref)
        return any(r0 <= r <= r1 and c0 <= c <= c1 for r0, c0, r1, c1 in self.arrays)


@dataclass
class Package:
    """The sheets of a checked package, by name, in workbook order."""

    sheets: dict[str, SheetScan]


def _refuse(path: Path, why: str) -> UnusableFile:
    return UnusableFile(f"{path}: {why}")


def _cfb(path: Path, fd: int, size: int) -> UnusableFile:
    """The message for a Compound File: encrypted OOXML, or a legacy .xls."""
    os.lseek(fd, 0, os.SEEK_SET)
    tail = b""
    left = min(size, FILE_MAX)
    while left > 0:
        chunk = os.read(fd, min(CHUNK, left))
        if not chunk:
            break
        left -= len(chunk)
        if _ENCRYPTED in tail + chunk:
            return _refuse(
                path,
                "workbook dilindungi kata sandi (terenkripsi); buka di Excel, hapus kata "
                "sandinya (File > Info > Protect Workbook), lalu simpan ulang",
            )
        tail = chunk[-len(_ENCRYPTED) :]
    return _refuse(
        path, "format Excel 97-2003 (.xls) atau dokumen Office lama; simpan ulang sebagai .xlsx"
    )


class _Stop(Exception):
    pass


class _Doctype(Exception):
    pass


def _prolog_checker() -> expat.XMLParserType:
    """An expat parser that raises _Doctype on a DTD and _Stop at the root element."""
    p = expat.ParserCreate()

    def doctype(*_: object) -> None:
        raise _Doctype

    def root(*_: object) -> None:
        raise _Stop

    p.StartDoctypeDeclHandler = doctype
    p.EntityDeclHandler = doctype
    p.StartElementHandler = root
    return p


def _stream(z: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> Iterator[bytes]:
    """The part's bytes in chunks, refused once past PART_MAX or when the zip lies."""
    n = 0
    try:
        with z.open(info) as f:
            while chunk := f.read(CHUNK):
                n += len(chunk)
                if n > PART_MAX:
                    raise _too_big(path, info.filename, n)
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as e:
        if isinstance(e, UnusableFile):
            raise
        raise _refuse(path, f"bagian {info.filename} rusak; berkas tidak dapat dibaca") from None


def _too_big(path: Path, part: str, n: int) -> UnusableFile:
    return _refuse(
        path,
        f"bagian {part} terlalu besar setelah dibuka ({n // MB} MB, batas {PART_MAX // MB} MB); "
        "berkas rusak atau bom zip",
    )


def _check_part(
    z: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, scan: SheetScan | None
) -> None:
    checker: expat.XMLParserType | None = _prolog_checker()
    carry = b""
    for chunk in _stream(z, info, path):
        if checker is not None:
            try:
                checker.Parse(chunk, False)
            except _Doctype:
                raise _refuse(
                    path,
                    f"bagian {info.filename} memuat DTD/DOCTYPE (entitas XML); berkas "
                    "dimanipulasi atau rusak, tidak dibaca",
                ) from None
            except (_Stop, expat.ExpatError):
                checker = None  # the root element began (or the XML is broken: calamine says)
        if scan is None:
            continue
        buf = carry + chunk
        cut = max(buf.rfind(b"<c "), buf.rfind(b":c "), buf.rfind(b"<c>"))
        cut = buf.rfind(b"<", 0, cut + 1) if cut > 0 else max(0, len(buf) - 64)
        _scan_cells(buf[:cut], scan)
        carry = buf[cut:]
    if scan is not None and carry:
        _scan_cells(carry, scan)


def _scan_cells(buf: bytes, scan: SheetScan) -> None:
    found = _CELL.findall(buf)
    if found:
        columns = {c for c, _ in found}
        rows = {r for _, r in found}
        scan.columns = max(scan.columns, max(column_number(c.decode()) for c in columns))
        scan.rows = max(scan.rows, max(int(r) for r in rows))
    if b"<f" in buf or b":f" in buf:
        for ref, attrs in _FORMULA.findall(buf):
            scan.formulas.add(ref.decode())
            m = _ARRAY_REF.search(attrs)
            if m:
                a, _, b = m.group(1).decode().partition(":")
                (r0, c0), (r1, c1) = cell_position(a), cell_position(b or a)
                scan.arrays.append((r0, c0, r1, c1))
    if b'"e"' in buf:
        for attrs, body in _ERROR.findall(buf):
            ref, value = _REF.search(attrs), _VALUE.search(body)
            if ref:
                scan.errors[ref.group(1).decode()] = value.group(1).decode() if value else "#N/A"


def _entries(z: zipfile.ZipFile, path: Path) -> dict[str, zipfile.ZipInfo]:
    infos = z.infolist()
    if len(infos) > ENTRIES_MAX:
        raise _refuse(path, f"terlalu banyak bagian di dalam berkas ({len(infos)})")
    entries: dict[str, zipfile.ZipInfo] = {}
    total = 0
    twice = ""
    for info in infos:
        key = info.filename.lower()
        if key in entries:
            twice = twice or key
            continue
        entries[key] = info
        total += info.file_size
        if info.file_size > PART_MAX:
            raise _too_big(path, info.filename, info.file_size)
        if info.file_size > RATIO_FLOOR and info.file_size > RATIO_MAX * max(info.compress_size, 1):
            raise _refuse(
                path,
                f"bagian {info.filename} memiliki rasio kompresi "
                f"{info.file_size // max(info.compress_size, 1)}:1 (batas {RATIO_MAX}:1); "
                "berkas rusak atau bom zip",
            )
    if twice:
        raise _twice(z, entries, twice, path)
    if total > TOTAL_MAX:
        raise _refuse(
            path,
            f"isi berkas terlalu besar setelah dibuka ({total // MB} MB, batas {TOTAL_MAX // MB} MB)",
        )
    return entries


def _twice(
    z: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], key: str, path: Path
) -> UnusableFile:
    """Two entries with one name: readers disagree which one counts. Named by its sheet."""
    sheet = ""
    if "xl/workbook.xml" in entries:
        for k in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
            if k in entries:
                _check_part(z, entries[k], path, None)  # no DTD before it is parsed
        sheet = next((n for n, p in _sheet_parts(z, entries).items() if p.lower() == key), "")
    named = f" (sheet '{sheet}')" if sheet else ""
    return _refuse(
        path,
        f"bagian {entries[key].filename}{named} ada lebih dari satu kali (nama ganda): tidak "
        "jelas isi mana yang benar; berkas rusak atau dimanipulasi",
    )


def _sheet_parts(z: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo]) -> dict[str, str]:
    """Sheet name → its part, from xl/workbook.xml and its relationships (both checked)."""
    try:
        book = ElementTree.fromstring(z.read(entries["xl/workbook.xml"]))
        rels_info = entries.get("xl/_rels/workbook.xml.rels")
        rels = ElementTree.fromstring(z.read(rels_info)) if rels_info else None
    except (ElementTree.ParseError, KeyError, zipfile.BadZipFile, zlib.error):
        return {}
    targets = {}
    for rel in rels.iter(f"{NS_PKG}Relationship") if rels is not None else ():
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
        targets[rel.get("Id", "")] = part
    result = {}
    for sheet in book.iter(f"{NS_MAIN}sheet"):
        part = targets.get(sheet.get(f"{NS_REL}id", ""), "")
        if part:
            result[sheet.get("name", "")] = part
    return result


def inspect_package(path: Path | str) -> Package:
    """Check the workbook package at `path`; `UnusableFile` when it must not be read."""
    path = Path(path)
    fd, size = open_regular(path)
    try:
        if size > FILE_MAX:
            raise _refuse(
                path, f"berkas terlalu besar ({size // MB} MB, batas {FILE_MAX // MB} MB)"
            )
        head = os.read(fd, len(CFB_MAGIC))
        if head == CFB_MAGIC:
            raise _cfb(path, fd, size)
        os.lseek(fd, 0, os.SEEK_SET)
        with os.fdopen(os.dup(fd), "rb") as f:
            return _inspect_zip(io.BufferedReader(f) if not f.seekable() else f, path)
    finally:
        os.close(fd)


def _inspect_zip(f: io.BufferedIOBase, path: Path) -> Package:
    try:
        z = zipfile.ZipFile(f)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _refuse(path, "bukan workbook Excel yang dapat dibaca (bukan berkas .xlsx)") from None
    with z:
        entries = _entries(z, path)
        if "xl/workbook.xml" not in entries:
            raise _refuse(
                path, "bukan workbook Excel yang dapat dibaca (xl/workbook.xml tidak ada)"
            )
        first = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
        for key in first:  # checked before they are parsed
            if key in entries:
                _check_part(z, entries[key], path, None)
        scans: dict[str, tuple[str, SheetScan]] = {}
        for name, part in _sheet_parts(z, entries).items():
            info = entries.get(part.lower())
            if info is not None and part.lower() not in scans:
                scans[part.lower()] = (name, SheetScan(info.filename))
        for key, info in entries.items():
            if key.endswith(_XML) and key not in first:
                _check_part(z, info, path, scans[key][1] if key in scans else None)
        return Package({name: scan for name, scan in scans.values()})
