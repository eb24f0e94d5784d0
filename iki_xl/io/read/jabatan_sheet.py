"""One jabatan sheet's grid → a `Jabatan`, its cell map and its reading findings.

The sheet is recognised by its table header (not by name or position), and the table's
columns are found by their header labels, so a planner's inserted column is ignored. The
layout is `iki_xl.layout`'s: the header block above the table, the indicator table, then
the Tugas and Fungsi lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from iki_xl import layout as L
from iki_xl.core.findings import Finding, Severity
from iki_xl.core.model import (
    KODE_KOMPONEN,
    Agregasi,
    Indikator,
    Jabatan,
    JenisFormula,
    JenisJabatan,
    Polaritas,
    triwulan_kosong,
)
from iki_xl.core.numbers import parse_number
from iki_xl.io.read import cell_map as M
from iki_xl.io.read.cell_map import CellMap, SheetReader
from iki_xl.io.read.grid import Grid, is_empty, normalise, text


def _options(enum: Any) -> dict[str, Any]:
    return {L.normal_label(str(x)): x for x in enum}


_JENIS_JABATAN = _options(JenisJabatan)
_JENIS_FORMULA = _options(JenisFormula)
_POLARITAS = _options(Polaritas)
_AGREGASI = _options(Agregasi)
_HEADER_LABELS = {L.normal_label(label): key for key, label in L.JABATAN_HEADER}
_LIST_LABELS = {L.normal_label(label): key for key, label in L.JABATAN_LISTS}
# indicator texts: (column key, model field)
_TEXTS = (
    ("indikator", "nama"),
    ("formulasi", "formulasi"),
    ("penjelasan", "penjelasan"),
    ("ekspresi", "ekspresi"),
    ("satuan", "satuan"),
    ("sumber_data", "sumber_data"),
    ("mendukung", "mendukung"),
)
# the quarterly monitoring texts: (column key prefix, model field)
_FAKTOR = (
    ("pendukung", "faktor_pendukung"),
    ("penghambat", "faktor_penghambat"),
    ("tindak_lanjut", "tindak_lanjut"),
)
_REQUIRED_COLUMNS = ("no_kinerja", "no_indikator", "kode", "realisasi0", "target")


@dataclass
class JabatanSheet:
    jabatan: Jabatan
    cells: CellMap
    findings: list[Finding]
    blank: bool  # a blank jabatan sheet (the template's, or one just added)


def _all_empty(values: list[Any]) -> bool:
    return all(is_empty(v) for v in values)


# ---------------------------------------------------------------- the table header


def _header_columns(row: list[Any], below: list[Any]) -> dict[str, int] | None:
    """The column map of a candidate header row (and the row below it), or None when the
    row is not the table header."""
    labels = [L.normal_label(v) if isinstance(v, str) and v else "" for v in row]
    if L.normal_label(L.COLUMNS["indikator"].title) not in labels:
        return None
    if L.normal_label(L.COLUMNS["sasaran"].title) not in labels:
        return None
    known = L.header_keys()
    columns: dict[str, int] = {}
    group = ""
    for c, label in enumerate(labels):
        if label:
            group = label
        b = below[c] if c < len(below) else None
        b = L.normal_label(b) if isinstance(b, str) and b else ""
        key = known.get((group, b) if b else (label, ""))
        if key is not None and key not in columns:
            columns[key] = c
    return columns


def find_table_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    """(row of the table's top header, column key → column), found by the header labels."""
    for r, row in enumerate(grid):
        if not any(isinstance(v, str) and "ndikator" in v for v in row):
            continue
        columns = _header_columns(row, grid[r + 1] if r + 1 < len(grid) else [])
        if columns is not None:
            return r, columns
    return None


# ---------------------------------------------------------------- one indicator's block


class _Block:
    """One indicator's rows: its first row (read when the block is made), then component
    and level rows (`next_row`); `close` validates it into the kinerja's list."""

    def __init__(
        self, p: SheetReader, jalur: str, ix: dict[str, int], r: int, row: list[Any]
    ) -> None:
        self.p, self.jalur, self.ix = p, jalur, ix
        self.d: dict[str, Any] = {}
        self.komponen: list[dict[str, Any]] = []
        self.skala: list[dict[str, Any]] = []
        self.r0 = r
        j = jalur
        p.record(j, r, ix["no_indikator"])
        for key, field in _TEXTS:
            p.record(f"{j}.{field}", r, ix[key])
            self.d[field] = text(row[ix[key]])
        for key in ("jenis", "polaritas", "agregasi", "baseline", "target"):
            p.record(f"{j}.{key}", r, ix[key])
        p.record(f"{j}.target.bawah", r, ix["target"])
        p.record(f"{j}.target.atas", r, ix["target_atas"])
        self.d["jenis"] = self._choice(row, "jenis", _JENIS_FORMULA, "jenis formula")
        polaritas = self._choice(row, "polaritas", _POLARITAS, "polaritas")
        if polaritas is not None:
            self.d["polaritas"] = polaritas
        self.d["agregasi"] = self._choice(row, "agregasi", _AGREGASI, "agregasi")
        c = ix["baseline"]
        self.d["baseline"] = p.number(row[c], "baseline", r, c, f"{j}.baseline")
        self._target(r, row)
        self._quarters(r, row)
        self._komponen(r, row, first=True)
        self._level(r, row)

    def _quarters(self, r: int, row: list[Any]) -> None:
        """The quarterly targets and the quarterly monitoring texts of the first row."""
        p, j = self.p, self.jalur
        targets = []
        for q in range(4):
            c = self.ix[f"target_tw{q}"]
            p.record(f"{j}.target_triwulan[{q}]", r, c)
            targets.append(p.isian(row[c], "target triwulan", r, c, f"{j}.target_triwulan[{q}]"))
        self.d["target_triwulan"] = targets
        for key, field in _FAKTOR:
            texts = []
            for q in range(4):
                c = self.ix[f"{key}{q}"]
                p.record(f"{j}.{field}[{q}]", r, c)
                texts.append(text(row[c]))
            self.d[field] = texts

    def _choice(self, row: list[Any], key: str, options: dict[str, Any], what: str) -> Any:
        c = self.ix[key]
        return self.p.choice(row[c], options, what, self.r0, c, f"{self.jalur}.{key}")

    def _realisasi(self, r: int, row: list[Any], base: str) -> list[Any]:
        """Four realisation cells at row r, with their map entries under `base`."""
        values = []
        for q in range(4):
            c = self.ix[f"realisasi{q}"]
            self.p.record(f"{base}.realisasi[{q}]", r, c)
            values.append(self.p.isian(row[c], "realisasi", r, c, f"{base}.realisasi[{q}]"))
        return values

    def _target(self, r: int, row: list[Any]) -> None:
        p, j = self.p, self.jalur
        ct, ca = self.ix["target"], self.ix["target_atas"]
        target = p.isian(row[ct], "target", r, ct, f"{j}.target")
        if is_empty(row[ca]):
            self.d["target"] = target
            return
        upper = p.number(row[ca], "target atas", r, ca, f"{j}.target.atas")
        lower = target if isinstance(target, float) else None
        if isinstance(target, str):
            lower = parse_number(target).value
        if lower is None or upper is None:
            p.finding(
                M.TARGET_BAND,
                "target range perlu dua angka: Target (batas bawah) dan Target Atas",
                r,
                ct,
                jalur=f"{j}.target",
            )
            self.d["target"] = target
            return
        if lower > upper:
            p.finding(
                M.TARGET_BAND,
                f"batas bawah target {lower:g} lebih besar dari batas atas {upper:g}; ditukar",
                r,
                ct,
                jalur=f"{j}.target",
            )
            lower, upper = upper, lower
        self.d["target"] = {"bawah": lower, "atas": upper}

    def _komponen(self, r: int, row: list[Any], *, first: bool) -> None:
        p, ix, j = self.p, self.ix, self.jalur
        ck = ix["kode"]
        if is_empty(row[ck]):
            if first:  # the indicator's own, directly entered realisation
                p.record(f"{j}.realisasi", r, ix["realisasi0"])
                self.d["realisasi"] = self._realisasi(r, row, j)
            elif not _all_empty([row[ix[k]] for k in ("komponen", *_REALISASI)]):
                p.finding(
                    M.KOMPONEN_CODE,
                    "baris komponen tanpa Kode diabaikan",
                    r,
                    ck,
                    jalur=f"{j}.komponen",
                    saran="isi Kode komponen (A, B, …)",
                )
            return
        n = len(self.komponen)
        jk = f"{j}.komponen[{n}]"
        if n == 0:
            p.record(f"{j}.komponen", r, ck)
        for suffix, key in (("", "kode"), (".kode", "kode"), (".nama", "komponen")):
            p.record(jk + suffix, r, ix[key])
        kode = self._valid_code(text(row[ck]), r, jk)
        self.komponen.append(
            {
                "kode": kode,
                "nama": text(row[ix["komponen"]]),
                "realisasi": self._realisasi(r, row, jk),
            }
        )

    def _valid_code(self, kode: str, r: int, jk: str) -> str:
        """The code as written, or a valid, unique one made from it (IKI-X003)."""
        used = {k["kode"] for k in self.komponen}
        if kode not in used and KODE_KOMPONEN.match(kode):
            return kode
        base = re.sub(r"[^A-Za-z0-9_]", "_", kode.strip()) or "K"
        if not re.match(r"[A-Za-z_]", base):
            base = "K" + base
        new, i = base, 2
        while new in used:
            new = f"{base}_{i}"
            i += 1
        self.p.finding(
            M.KOMPONEN_CODE,
            f"kode komponen '{kode}' tidak valid atau ganda; dibaca sebagai '{new}'",
            r,
            self.ix["kode"],
            jalur=f"{jk}.kode",
            saran="kode huruf/angka tanpa spasi, unik dalam satu indikator",
        )
        return new

    def _level(self, r: int, row: list[Any]) -> None:
        p, ix = self.p, self.ix
        cn, cb, ca = ix["level"], ix["level_bawah"], ix["level_atas"]
        if _all_empty([row[cn], row[cb], row[ca]]):
            return
        n = len(self.skala)
        jl = f"{self.jalur}.skala[{n}]"
        if n == 0:
            p.record(f"{self.jalur}.skala", r, cn)
        for suffix, c in (("", cn), (".nama", cn), (".bawah", cb), (".atas", ca)):
            p.record(jl + suffix, r, c)
        self.skala.append(
            {
                "nama": text(row[cn]),
                "bawah": p.number(row[cb], "skor bawah", r, cb, f"{jl}.bawah"),
                "atas": p.number(row[ca], "skor atas", r, ca, f"{jl}.atas"),
            }
        )

    def next_row(self, r: int, row: list[Any]) -> None:
        self._komponen(r, row, first=False)
        self._level(r, row)
        for key in L.FIRST_ROW_KEYS:
            if key in ("no_indikator", "indikator"):
                continue
            c = self.ix[key]
            if not is_empty(row[c]):
                self.p.finding(
                    M.OUTSIDE_BLOCK,
                    "isian ini di luar baris pertama indikator dan diabaikan",
                    r,
                    c,
                    jalur=self.jalur,
                    saran="pindahkan ke baris pertama indikator (baris yang ber-No IK)",
                )

    def close(self) -> Indikator:
        d = self.d
        data = {
            **d,
            "komponen": self.komponen,
            "skala": self.skala,
            "realisasi": d.get("realisasi") or triwulan_kosong(),
        }
        try:
            return Indikator.model_validate(data)
        except ValidationError as e:  # every value is checked above; kept as a safety net
            self.p.finding(
                M.MODEL,
                f"indikator tidak dapat dibaca: {e.errors()[0]['msg']}",
                self.r0,
                self.ix["no_indikator"],
                jalur=self.jalur,
                severity=Severity.GALAT,
            )
            return Indikator(nama=d.get("nama", ""))


_REALISASI = tuple(f"realisasi{q}" for q in range(4))
# what a row outside any indicator block must leave empty
_BLOCK_ONLY = tuple(
    k for k in (*L.FIRST_ROW_KEYS, "kode", "komponen", *_REALISASI, "level", "level_bawah", "level_atas")
    if k not in ("no_indikator", "indikator")
)  # fmt: skip


# ---------------------------------------------------------------- the sheet


def _header_block(p: SheetReader, grid: Grid, h1: int, prefix: str) -> dict[str, Any]:
    """The fields above the table: label in one column, value two columns right of it."""
    shift = L.HEADER_VALUE_COL - L.HEADER_LABEL_COL
    found: dict[str, tuple[Any, int, int]] = {}
    for r in range(h1):
        row = grid[r]
        for c, v in enumerate(row):
            if isinstance(v, str) and v:
                key = _HEADER_LABELS.get(L.normal_label(v))
                if key is not None and key not in found:
                    cv = c + shift
                    found[key] = (row[cv] if cv < len(row) else None, r, cv)
                break
    p.jabatan = text(found["nama"][0]) if "nama" in found else ""
    jab: dict[str, Any] = {}
    for key, _ in L.JABATAN_HEADER:
        if key not in found:
            continue
        v, r, c = found[key]
        p.record(f"{prefix}.{key}", r, c)
        if key == "jenis":
            jab[key] = p.choice(v, _JENIS_JABATAN, "jenis jabatan", r, c, f"{prefix}.jenis")
        elif key == "atasan":
            jab[key] = text(v) or None
        else:
            jab[key] = text(v)
    if "nama" in found:
        p.cells[prefix] = p.cells[f"{prefix}.nama"]
    return jab


def _table(
    p: SheetReader, grid: Grid, h1: int, ix: dict[str, int], prefix: str
) -> tuple[list[Any], int]:
    """The kinerja and their indicators; returns them and the first row after the table."""
    width = max(ix.values()) + 1
    kinerja: list[dict[str, Any]] = []
    block: _Block | None = None
    c_no, c_sasaran = ix["no_kinerja"], ix["sasaran"]
    c_no_ik, c_indikator = ix["no_indikator"], ix["indikator"]

    def close() -> None:
        nonlocal block
        if block is not None:
            kinerja[-1]["indikator"].append(block.close())
            block = None

    r = h1 + 2
    while r < len(grid):
        row = grid[r]
        if len(row) < width:
            row = [*row, *([None] * (width - len(row)))]
        if isinstance(row[c_no], str) and L.normal_label(row[c_no]) in _LIST_LABELS:
            break
        if not (is_empty(row[c_no]) and is_empty(row[c_sasaran])):
            close()
            jk = f"{prefix}.kinerja[{len(kinerja)}]"
            kinerja.append({"sasaran": text(row[c_sasaran]), "indikator": []})
            p.record(jk, r, c_no)
            p.record(f"{jk}.sasaran", r, c_sasaran)
        if not (is_empty(row[c_no_ik]) and is_empty(row[c_indikator])):
            close()
            if not kinerja:
                kinerja.append({"sasaran": "", "indikator": []})
                p.record(f"{prefix}.kinerja[0]", r, c_no)
                p.record(f"{prefix}.kinerja[0].sasaran", r, c_sasaran)
            k = len(kinerja) - 1
            ji = f"{prefix}.kinerja[{k}].indikator[{len(kinerja[-1]['indikator'])}]"
            block = _Block(p, ji, ix, r, row)
        elif block is not None:
            block.next_row(r, row)
        elif not _all_empty([row[ix[k]] for k in _BLOCK_ONLY]):
            p.finding(
                M.OUTSIDE_BLOCK,
                "isian di baris tanpa indikator diabaikan",
                r,
                0,
                saran="isi No IK dan Indikator Kinerja di baris pertama indikator",
            )
        r += 1
    close()
    return kinerja, r


def _starts_something(row: list[Any], ix: dict[str, int]) -> bool:
    """A row that starts a kinerja or an indicator (or the Tugas/Fungsi lists)."""
    return not all(
        is_empty(row[ix[k]]) for k in ("no_kinerja", "sasaran", "no_indikator", "indikator")
    )


def read_block(rows: Grid) -> Indikator | None:
    """The indicator whose block starts at rows[0], as the IKI functions get it: the table's
    columns from No (column A) on, by the layout's positions, and rows past the block may
    follow (the next kinerja or indicator ends it). None when rows[0] starts no indicator."""
    ix = L.COL
    width = len(L.TABLE)
    rows = [[*r, *([None] * (width - len(r)))] if len(r) < width else r for r in rows]
    if not rows or all(is_empty(rows[0][ix[k]]) for k in ("no_indikator", "indikator")):
        return None
    block = _Block(SheetReader(""), "", ix, 0, rows[0])
    for r in range(1, len(rows)):
        if _starts_something(rows[r], ix):
            break
        block.next_row(r, rows[r])
    return block.close()


def _lists(
    p: SheetReader, grid: Grid, start: int, ix: dict[str, int], width: int, prefix: str
) -> dict[str, list[str]]:
    """Tugas and Fungsi below the table: a heading row, then one row per line."""
    lists: dict[str, list[str]] = {key: [] for key, _ in L.JABATAN_LISTS}
    current: str | None = None
    c_no = ix["no_kinerja"]
    c_text = ix["sasaran"] if ix["sasaran"] < width else L.LIST_TEXT_COL
    for r in range(start, len(grid)):
        row = grid[r]
        v = row[c_no] if c_no < len(row) else None
        if isinstance(v, str) and L.normal_label(v) in _LIST_LABELS:
            current = _LIST_LABELS[L.normal_label(v)]
            p.record(f"{prefix}.{current}", r, c_no)
        elif current is not None:
            t = row[c_text] if c_text < len(row) else None
            if not is_empty(t):
                p.record(f"{prefix}.{current}[{len(lists[current])}]", r, c_text)
                lists[current].append(text(t))
    return lists


def read_jabatan_sheet(
    sheet: str, grid: Any, *, prefix: str = "jabatan[0]", origin: tuple[int, int] = (0, 0)
) -> JabatanSheet | None:
    """Parse one sheet's grid as a jabatan sheet; None when the sheet is not one.

    `grid` is the sheet's values from A1 (calamine) or xlwings' `used_range.value`; pass
    `origin` = 0-based (row, column) of the grid's first cell when it does not start at A1.
    Every jalur in the returned map and findings starts with `prefix`.
    """
    grid = normalise(grid)
    header = find_table_header(grid)
    if header is None:
        return None
    h1, columns = header
    p = SheetReader(sheet, origin)
    jab = _header_block(p, grid, h1, prefix)
    for key in _REQUIRED_COLUMNS:
        if key not in columns:
            p.finding(
                M.MISSING_COLUMN,
                f"kolom '{L.COLUMNS[key].title}' tidak ditemukan di tabel",
                h1,
                0,
                saran="kembalikan judul kolom seperti semula",
                severity=Severity.GALAT,
            )
    width = max((len(b) for b in grid), default=0)
    # a missing column points just past the sheet's width: a column that is always empty
    ix = {k.key: columns.get(k.key, width) for k in L.TABLE}
    p.record(f"{prefix}.kinerja", h1, ix["sasaran"] if ix["sasaran"] < width else 0)
    jab["kinerja"], after = _table(p, grid, h1, ix, prefix)
    jab.update(_lists(p, grid, after, ix, width, prefix))
    blank = not any(jab.get(k) for k in ("nama", "id", "unit", "jenis", "atasan")) and not (
        jab["kinerja"] or jab["tugas"] or jab["fungsi"]
    )
    jab.setdefault("id", "")
    jab["id"] = jab["id"] or ""
    try:
        jabatan = Jabatan.model_validate(jab)
    except ValidationError as e:  # every value is checked above; kept as a safety net
        p.finding(
            M.MODEL,
            f"jabatan tidak dapat dibaca: {e.errors()[0]['msg']}",
            0,
            0,
            severity=Severity.GALAT,
        )
        jabatan = Jabatan(id=jab["id"], nama=jab.get("nama", ""))
    return JabatanSheet(jabatan, p.cells, p.findings, blank)
