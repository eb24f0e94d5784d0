"""An indicator's value from its components, per quarter and for the year.

Every function returns a `Result`: nothing here raises for a planner's input, and nothing
returns inf or NaN. Formula text is never run with Python's eval: indeks expressions are
evaluated by simpleeval over the component values.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from simpleeval import FunctionNotDefined, InvalidExpression, NameNotDefined, SimpleEval

from iki_xl.core.model import Agregasi, Indikator, Isian, JenisFormula, Level
from iki_xl.core.numbers import Result, finite, format_number, parse_number


def default_agregasi(jenis: JenisFormula | None) -> Agregasi:
    """Counts add up over the year; every other kind takes its last filled quarter."""
    return Agregasi.KUMULATIF if jenis is JenisFormula.JUMLAH else Agregasi.AKHIR


def _divide(a: float, b: float, factor: float) -> Result:
    if b == 0:
        return Result.failed("pembagi 0")
    return finite(a / b * factor)


_FUNCTIONS = {"min": min, "max": max, "abs": abs, "round": round, "sqrt": math.sqrt}


@lru_cache(maxsize=1024)
def _parsed(ekspresi: str) -> Any:
    return SimpleEval(functions=_FUNCTIONS).parse(ekspresi)


def evaluate_expression(ekspresi: str, values: Mapping[str, float]) -> Result:
    """Evaluate an indeks expression over component values (simpleeval, never eval)."""
    if not ekspresi.strip():
        return Result.failed("ekspresi kosong")
    evaluator = SimpleEval(functions=_FUNCTIONS, names=dict(values))
    try:
        x = evaluator.eval(ekspresi, previously_parsed=_parsed(ekspresi))
    except ZeroDivisionError:
        return Result.failed("pembagi 0")
    except NameNotDefined as e:
        known = ", ".join(values) or "-"
        return Result.failed(f"nama '{e.name}' tidak dikenal dalam ekspresi; komponen: {known}")
    except FunctionNotDefined as e:
        return Result.failed(f"fungsi '{e.func_name}' tidak dikenal dalam ekspresi")
    except (InvalidExpression, SyntaxError, TypeError, ValueError, OverflowError):
        return Result.failed(f"ekspresi '{ekspresi}' tidak dapat dihitung")
    if isinstance(x, bool) or not isinstance(x, int | float):
        return Result.failed("ekspresi tidak menghasilkan angka")
    return finite(float(x))


def expression_error(ekspresi: str, kode: Sequence[str]) -> str:
    """'' when the expression computes over these codes, else why not."""
    r = evaluate_expression(ekspresi, dict.fromkeys(kode, 1.0))
    return "" if r.ok or r.reason == "pembagi 0" else r.reason


def _by_kind(
    jenis: JenisFormula, numbers: dict[str, float], ekspresi: str, baseline: Isian
) -> Result:
    values = list(numbers.values())
    match jenis:
        case JenisFormula.PERSENTASE | JenisFormula.RASIO:
            if len(values) < 2:
                return Result.failed("perlu pembilang dan penyebut")
            factor = 100.0 if jenis is JenisFormula.PERSENTASE else 1.0
            return _divide(values[0], values[1], factor)
        case JenisFormula.JUMLAH:
            return finite(math.fsum(values)) if values else Result.failed("komponen kosong")
        case JenisFormula.PENURUNAN | JenisFormula.PERTUMBUHAN:
            base = parse_number(baseline)
            if base.value is None:
                return Result.failed(f"baseline tahun lalu {base.reason}")
            if not values:
                return Result.failed("komponen kosong")
            if jenis is JenisFormula.PENURUNAN:
                return _divide(base.value - values[0], base.value, 100.0)
            return _divide(values[0] - base.value, base.value, 100.0)
        case JenisFormula.INDEKS:
            if ekspresi:
                return evaluate_expression(ekspresi, numbers)
            return finite(math.fsum(values))
    return Result.failed("status dinilai dari level, bukan komponen")


def value_from_komponen(
    jenis: JenisFormula | None,
    komponen: Mapping[str, Isian],
    *,
    ekspresi: str = "",
    baseline: Isian = None,
) -> Result:
    """The indicator's value for one period from its component values (in order)."""
    if jenis is None:
        return Result.failed("jenis formula belum diisi")
    numbers: dict[str, float] = {}
    notes = []
    for kode, cell in komponen.items():
        r = parse_number(cell)
        if r.value is None:
            return Result.failed(f"{kode} {r.reason}")
        numbers[kode] = r.value
        if r.note:
            notes.append(r.note)
    result = _by_kind(jenis, numbers, ekspresi, baseline)
    if result.ok and notes:
        return Result(result.value, note="; ".join(notes))
    return result


def _filled(x: Isian) -> bool:
    return not (x is None or (isinstance(x, str) and not x.strip()))


def _entered_directly(ind: Indikator) -> bool:
    """Status levels, or a value the planner enters without components."""
    return ind.jenis is JenisFormula.STATUS or not ind.komponen


def quarter_value(ind: Indikator, q: int) -> Result:
    """The indicator's value in quarter q (0..3)."""
    if ind.jenis is JenisFormula.STATUS:
        return level_rank(ind.realisasi[q], ind.skala)
    if not ind.komponen:
        return parse_number(ind.realisasi[q])
    return value_from_komponen(
        ind.jenis,
        {k.kode: k.realisasi[q] for k in ind.komponen},
        ekspresi=ind.ekspresi,
        baseline=ind.baseline,
    )


def filled_quarters(ind: Indikator) -> list[int]:
    """The quarters (0..3) in which some realisation cell of the indicator is filled."""
    rows = [ind.realisasi] if _entered_directly(ind) else [k.realisasi for k in ind.komponen]
    return [q for q in range(4) if any(_filled(row[q]) for row in rows)]


def last_quarter(ind: Indikator) -> int:
    """The number (1..4) of the last quarter with a realisation filled in; 0 for none."""
    filled = filled_quarters(ind)
    return filled[-1] + 1 if filled else 0


def value_to_date(ind: Indikator, n: int) -> Result:
    """The indicator's value over quarters 1..n by its agregasi (default per kind): the
    last filled quarter (akhir), their average (rata-rata), or the formula applied to the
    components summed over them (kumulatif: ΣA / ΣB for a persentase)."""
    how = ind.agregasi or default_agregasi(ind.jenis)
    filled = [q for q in filled_quarters(ind) if q < n]
    if not filled:
        return Result.failed("realisasi belum diisi")
    if how is Agregasi.AKHIR:
        return quarter_value(ind, filled[-1])
    if how is Agregasi.RATA_RATA:
        per_quarter = [quarter_value(ind, q) for q in filled]
        failed = next((r for r in per_quarter if not r.ok), None)
        if failed:
            return failed
        return finite(math.fsum(r.value or 0.0 for r in per_quarter) / len(per_quarter))
    if _entered_directly(ind):
        parts = [parse_number(ind.realisasi[q]) for q in filled]
        failed = next((r for r in parts if not r.ok), None)
        return failed or finite(math.fsum(r.value or 0.0 for r in parts))
    totals: dict[str, Isian] = {}
    for k in ind.komponen:
        parts = [parse_number(k.realisasi[q]) for q in filled]
        failed = next((r for r in parts if not r.ok), None)
        if failed:
            return Result.failed(f"{k.kode} {failed.reason}")
        totals[k.kode] = math.fsum(r.value or 0.0 for r in parts)
    return value_from_komponen(ind.jenis, totals, ekspresi=ind.ekspresi, baseline=ind.baseline)


def year_value(ind: Indikator) -> Result:
    """The value over every filled quarter: the year's value once TW IV is filled, the
    value to date before that."""
    return value_to_date(ind, 4)


# ---------------------------------------------------------------- status / level


def level_rank(cell: Isian, skala: Sequence[Level]) -> Result:
    """1-based position of a level on its scale (low → high), from its name or a score."""
    if not skala:
        return Result.failed("skala status belum diisi")
    if isinstance(cell, str):
        name = cell.strip().casefold()
        for i, level in enumerate(skala, start=1):
            if level.nama.strip().casefold() == name:
                return Result(float(i))
    r = parse_number(cell)
    if r.value is None:
        return Result.failed(
            f"level '{cell}' tidak ada di skala" if isinstance(cell, str) else r.reason
        )
    for i, level in enumerate(skala, start=1):
        if (level.bawah is None or r.value >= level.bawah) and (
            level.atas is None or r.value <= level.atas
        ):
            return Result(float(i))
    return Result.failed(f"nilai {format_number(r.value)} di luar skala")


def level_name(cell: Isian, skala: Sequence[Level]) -> str:
    r = level_rank(cell, skala)
    return skala[int(r.value) - 1].nama if r.value is not None else ""
