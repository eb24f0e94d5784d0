"""The Instansi sheet's grid → the Instansi profile and the predikat scale.

Labels in column A, values in column B; the Menimbang and Mengingat lists under their
headings; the scale table is the sheet's last block.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from iki_xl import layout as L
from iki_xl.core.findings import Finding
from iki_xl.core.model import BandPredikat, Instansi, skala_baku
from iki_xl.io.read import cell_map as M
from iki_xl.io.read.cell_map import CellMap, SheetReader
from iki_xl.io.read.grid import Grid, is_empty, normalise, text


@dataclass
class InstansiSheet:
    instansi: Instansi
    skala_predikat: list[BandPredikat]
    cells: CellMap
    findings: list[Finding]


def is_instansi_sheet(grid: Grid) -> bool:
    title = L.normal_label(L.INSTANSI_TITLE)
    return any(
        isinstance(v, str) and L.normal_label(v) == title for row in grid[:3] for v in row[:3]
    )


def _label(row: list[Any]) -> str:
    a = row[L.INSTANSI_LABEL_COL] if len(row) > L.INSTANSI_LABEL_COL else None
    return L.normal_label(a) if isinstance(a, str) else ""


def _profile(p: SheetReader, grid: Grid, end: int) -> dict[str, Any]:
    """The labelled fields and the Menimbang / Mengingat lists above the scale table."""
    lk, vk = L.INSTANSI_LABEL_COL, L.INSTANSI_VALUE_COL
    scalars = {L.normal_label(label): (jalur, fmt) for jalur, label, fmt in L.INSTANSI_FIELDS}
    lists = {L.normal_label(label): key for key, label in L.INSTANSI_LISTS}
    data: dict[str, Any] = {"kepala": {}, **{key: [] for key, _ in L.INSTANSI_LISTS}}
    current: str | None = None  # the list being read
    for r in range(end):
        row, label = grid[r], _label(grid[r])
        b = row[vk] if vk < len(row) else None
        if label in scalars:
            current = None
            jalur, fmt = scalars[label]
            p.record(f"instansi.{jalur}", r, vk)
            value = _year(p, b, r, vk, jalur) if fmt == "integer" else text(b)
            if jalur.startswith("kepala."):
                data["kepala"][jalur.split(".", 1)[1]] = value
            else:
                data[jalur] = value
        elif label in lists:
            current = lists[label]
            p.record(f"instansi.{current}", r, lk)
        elif current is not None and not is_empty(b):
            p.record(f"instansi.{current}[{len(data[current])}]", r, vk)
            data[current].append(text(b))
    return data


def _scale(p: SheetReader, grid: Grid, start: int) -> list[BandPredikat]:
    """The predikat bands: every row below the scale label (and its header row)."""
    lk, vk = L.INSTANSI_LABEL_COL, L.INSTANSI_VALUE_COL
    p.record("skala_predikat", start, lk)
    first = start + 1
    if first < len(grid) and _label(grid[first]) == L.normal_label(L.SKALA_HEADER[0]):
        first += 1
    bands: list[BandPredikat] = []
    for r in range(first, len(grid)):
        row = grid[r]
        a = row[lk] if lk < len(row) else None
        b = row[vk] if vk < len(row) else None
        if not (is_empty(a) and is_empty(b)):
            bands.append(_band(p, len(bands), a, b, r))
    return bands


def read_instansi_sheet(
    sheet: str, grid: Any, *, origin: tuple[int, int] = (0, 0)
) -> InstansiSheet | None:
    """Parse the Instansi sheet's grid; None when it is not the Instansi sheet."""
    grid = normalise(grid)
    if not is_instansi_sheet(grid):
        return None
    p = SheetReader(sheet, origin)
    scale_label = L.normal_label(L.SKALA_LABEL)
    start = next((r for r, row in enumerate(grid) if _label(row) == scale_label), None)
    data = _profile(p, grid, len(grid) if start is None else start)
    skala = skala_baku() if start is None else _scale(p, grid, start)
    try:
        instansi = Instansi.model_validate(data)
    except ValidationError as e:  # every field is checked above; kept as a safety net
        p.finding(M.MODEL, f"profil instansi tidak dapat dibaca: {e.errors()[0]['msg']}", 0, 0)
        instansi = Instansi()
    return InstansiSheet(instansi, skala, p.cells, p.findings)


def _band(p: SheetReader, n: int, label: Any, bound: Any, r: int) -> BandPredikat:
    lk, vk = L.INSTANSI_LABEL_COL, L.INSTANSI_VALUE_COL
    p.record(f"skala_predikat[{n}]", r, lk)
    p.record(f"skala_predikat[{n}].predikat", r, lk)
    p.record(f"skala_predikat[{n}].di_atas", r, vk)
    di_atas = p.number(bound, "batas capaian", r, vk, f"skala_predikat[{n}].di_atas")
    return BandPredikat(predikat=text(label), di_atas=di_atas)


def _year(p: SheetReader, v: Any, r: int, c: int, jalur: str) -> int | None:
    x = p.number(v, "tahun", r, c, f"instansi.{jalur}")
    if x is not None and not x.is_integer():
        p.finding(M.NOT_A_NUMBER, f"tahun {x:g} bukan bilangan bulat", r, c)
        return None
    return None if x is None else int(x)
