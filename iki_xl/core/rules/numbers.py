"""Number rules (IKI-N…): targets and realisations as typed, divisions, the capaian review."""

from __future__ import annotations

import math
from collections.abc import Sequence

from iki_xl.core.capaian import capaian_indikator, target_to_date
from iki_xl.core.formula import default_agregasi, level_rank, year_value
from iki_xl.core.model import (
    Agregasi,
    Dokumen,
    Indikator,
    Isian,
    Jabatan,
    JenisFormula,
    RentangTarget,
)
from iki_xl.core.numbers import QUARTERS, format_number, parse_number
from iki_xl.core.rules.common import Collector, blank_cell, indikator_items, name_of, quote

_COUNTED = {
    JenisFormula.PERSENTASE,
    JenisFormula.RASIO,
    JenisFormula.JUMLAH,
    JenisFormula.PENURUNAN,
    JenisFormula.PERTUMBUHAN,
}


def check_numbers(doc: Dokumen, add: Collector) -> None:
    for _j, jab, _k, _n, ind, p in indikator_items(doc):
        _target(jab, ind, p, add)
        _quarter_targets(jab, ind, p, add)
        if ind.komponen and ind.jenis is not JenisFormula.STATUS:
            values = [
                _realisasi(jab, ind, f"{p}.komponen[{c}]", k.realisasi, f"Realisasi {k.kode}", add)
                for c, k in enumerate(ind.komponen)
            ]
            if ind.jenis in (JenisFormula.PERSENTASE, JenisFormula.RASIO) and len(values) >= 2:
                _divisions(jab, ind, p, values, add)
            cells = [k.realisasi for k in ind.komponen]
        else:
            _realisasi(jab, ind, p, ind.realisasi, "Realisasi", add)
            cells = [ind.realisasi]
        filled = any(not blank_cell(x) for row in cells for x in row)
        year_end = any(not blank_cell(row[3]) for row in cells)
        _baseline(jab, ind, p, filled, add)
        _capaian(jab, ind, p, filled, year_end, add)


def _number(jab: Jabatan, jalur: str, x: Isian, what: str, add: Collector) -> float | None:
    """A cell as a number: N002 when typed as text but readable, N001 when not a number."""
    if blank_cell(x):
        return None
    r = parse_number(x)
    if r.value is None:
        add("IKI-N001", jab, jalur, f"{what} {quote(str(x), 30)} bukan angka.")
        return None
    if isinstance(x, str):
        shown = format_number(r.value)
        add(
            "IKI-N002",
            jab,
            jalur,
            f"{what} diketik sebagai teks {quote(x, 30)}; dibaca sebagai {shown}.",
            f"Ketik {shown} sebagai angka.",
        )
    return r.value


def _level(jab: Jabatan, jalur: str, x: Isian, ind: Indikator, what: str, add: Collector) -> None:
    """N001 for a status indicator: a value that is no level of its scale."""
    if blank_cell(x) or not ind.skala:
        return
    if level_rank(x, ind.skala).value is None:
        levels = ", ".join(level.nama for level in ind.skala)
        add(
            "IKI-N001",
            jab,
            jalur,
            f"{what} {quote(str(x), 30)} bukan level dari skala indikator ini.",
            f"Pilih salah satu level: {levels}.",
        )


def _target(jab: Jabatan, ind: Indikator, p: str, add: Collector) -> None:
    """N001/N002 as typed, N003 negative, N006 a percentage above 100."""
    target, jenis = ind.target, ind.jenis
    jalur = f"{p}.target"
    if jenis is JenisFormula.STATUS:
        if isinstance(target, str | float):
            _level(jab, jalur, target, ind, "Target", add)
        return
    if isinstance(target, RentangTarget):
        if jenis is JenisFormula.PERSENTASE and target.atas > 100:
            add(
                "IKI-N006",
                jab,
                jalur,
                f"Batas atas target persentase {name_of(ind)} {format_number(target.atas)}, "
                "di atas 100.",
            )
        return
    t = _number(jab, jalur, target, "Target", add)
    if t is None:
        return
    if t < 0 and jenis in (JenisFormula.JUMLAH, JenisFormula.PERSENTASE, JenisFormula.RASIO):
        add("IKI-N003", jab, jalur, f"Target {name_of(ind)} negatif ({format_number(t)}).")
    if t > 100 and jenis is JenisFormula.PERSENTASE:
        add(
            "IKI-N006",
            jab,
            jalur,
            f"Target persentase {name_of(ind)} {format_number(t)}, di atas 100.",
        )


_ROLLED_UP = {
    Agregasi.KUMULATIF: "target triwulan dijumlahkan",
    Agregasi.AKHIR: "target TW IV",
    Agregasi.RATA_RATA: "rata-rata target triwulan",
}


def _quarter_targets(jab: Jabatan, ind: Indikator, p: str, add: Collector) -> None:
    """N001/N002 for each quarterly target as typed; N011 the year's target against the
    quarterly targets rolled up, when all four are numbers."""
    numbers: list[float | None] = []
    for q, x in enumerate(ind.target_triwulan):
        what = f"Target {QUARTERS[q]}"
        jalur = f"{p}.target_triwulan[{q}]"
        if ind.jenis is JenisFormula.STATUS:
            _level(jab, jalur, x, ind, what, add)
            numbers.append(None)
        else:
            numbers.append(_number(jab, jalur, x, what, add))
    t = parse_number(ind.target) if not isinstance(ind.target, RentangTarget) else None
    if t is None or t.value is None or any(n is None for n in numbers):
        return
    rolled = target_to_date(ind, 4)
    if not isinstance(rolled, float) or math.isclose(rolled, t.value, rel_tol=1e-9, abs_tol=1e-9):
        return
    how = ind.agregasi or default_agregasi(ind.jenis)
    add(
        "IKI-N011",
        jab,
        f"{p}.target",
        f"Target tahunan {name_of(ind)} {format_number(t.value)}, sedangkan {_ROLLED_UP[how]} "
        f"{format_number(rolled)}; capaian tahunan dihitung terhadap target triwulan.",
    )


def _realisasi(
    jab: Jabatan,
    ind: Indikator,
    p: str,
    cells: Sequence[Isian],
    what: str,
    add: Collector,
) -> list[float | None]:
    """The four quarters of the indicator's own realisation or of one component, as
    numbers: N001/N002 as typed, N003 negative, N008 a gap between filled quarters."""
    values: list[float | None] = []
    for q, x in enumerate(cells):
        jalur = f"{p}.realisasi[{q}]"
        label = f"{what} {QUARTERS[q]}"
        if ind.jenis is JenisFormula.STATUS:
            _level(jab, jalur, x, ind, label, add)
            values.append(None)
            continue
        v = _number(jab, jalur, x, label, add)
        if v is not None and v < 0 and ind.jenis in _COUNTED:
            add("IKI-N003", jab, jalur, f"{label} negatif ({format_number(v)}).")
        values.append(v)
    _quarter_gap(jab, p, cells, add)
    return values


def _quarter_gap(jab: Jabatan, p: str, cells: Sequence[Isian], add: Collector) -> None:
    """N008: a quarter left empty between two filled ones."""
    filled = [q for q, x in enumerate(cells) if not blank_cell(x)]
    if len(filled) < 2:
        return
    gaps = [q for q in range(filled[0], filled[-1]) if q not in filled]
    if gaps:
        q = gaps[0]
        after = next(t for t in filled if t > q)
        add(
            "IKI-N008",
            jab,
            f"{p}.realisasi[{q}]",
            f"Realisasi {QUARTERS[q]} kosong, padahal {QUARTERS[after]} sudah terisi.",
            f"Isi realisasi {QUARTERS[q]} (0 bila memang tidak ada).",
        )


def _divisions(
    jab: Jabatan, ind: Indikator, p: str, values: list[list[float | None]], add: Collector
) -> None:
    """N005 (denominator 0) and N004 (numerator above denominator) per quarter."""
    how = ind.agregasi or default_agregasi(ind.jenis)
    numerator, denominator = values[0], values[1]
    filled = [q for q in range(4) if denominator[q] is not None]
    ka, kb = ind.komponen[0].kode, ind.komponen[1].kode
    for q in range(4):
        a, b = numerator[q], denominator[q]
        # 0 / 0 in a quarter with nothing to handle is no error unless that quarter alone
        # makes the year's value (akhir: the last filled one; rata-rata: each)
        decides = how is Agregasi.RATA_RATA or (
            how is Agregasi.AKHIR and bool(filled) and q == filled[-1]
        )
        if b == 0 and ((a is not None and a != 0) or decides):
            add(
                "IKI-N005",
                jab,
                f"{p}.komponen[1].realisasi[{q}]",
                f"Penyebut {kb} {QUARTERS[q]} indikator {name_of(ind)} bernilai 0.",
            )
        elif (
            ind.jenis is JenisFormula.PERSENTASE and a is not None and b is not None and a > b >= 0
        ):
            add(
                "IKI-N004",
                jab,
                f"{p}.komponen[0].realisasi[{q}]",
                f"{QUARTERS[q]}: pembilang {ka} ({format_number(a)}) lebih besar dari penyebut "
                f"{kb} ({format_number(b)}).",
            )


def _baseline(jab: Jabatan, ind: Indikator, p: str, filled: bool, add: Collector) -> None:
    """N009 no baseline for a change indicator, N005 a baseline of 0."""
    if ind.jenis not in (JenisFormula.PENURUNAN, JenisFormula.PERTUMBUHAN):
        return
    if ind.baseline is None and filled:
        add("IKI-N009", jab, f"{p}.baseline", f"Baseline (N−1) indikator {name_of(ind)} kosong.")
    elif ind.baseline == 0:
        add(
            "IKI-N005", jab, f"{p}.baseline", f"Baseline (N−1) indikator {name_of(ind)} bernilai 0."
        )


def _capaian(
    jab: Jabatan, ind: Indikator, p: str, filled: bool, year_end: bool, add: Collector
) -> None:
    """N010 realisation without target; N007 a capaian above 150 % (or below 50 % once
    TW IV is filled), which often means a mistyped figure."""
    no_target = ind.target is None or (isinstance(ind.target, str) and blank_cell(ind.target))
    if not filled:
        return
    if no_target:
        add(
            "IKI-N010",
            jab,
            f"{p}.target",
            f"Realisasi indikator {name_of(ind)} sudah diisi, target belum.",
        )
        return
    if ind.jenis is None:
        return
    c = capaian_indikator(ind, year_value(ind)).value
    if c is not None and (c > 150 or (c < 50 and year_end)):
        direction = "di atas 150%" if c > 150 else "di bawah 50%"
        add(
            "IKI-N007",
            jab,
            f"{p}.target",
            f"Capaian indikator {name_of(ind)} {format_number(round(c, 1))}% ({direction}); "
            "periksa target dan realisasinya.",
        )
