"""Reading the formula prose of real documents; completing a document from it.

A Formulasi cell as planners print it: "Jumlah A / Jumlah B × 100%" (or the two lines of a
printed fraction), "∑ PMKS yg ditangani / ∑ PMKS seluruhnya × 100%", "ƒ(x) = Σ Klien …",
"IDG: 1/3 (Ipar+IDM+Linc)" followed by "Ipar= …" definitions, or "-". From it we detect the
kind and the component names; the indicator's name breaks ties ("Persentase …"). Reading is
for computing and checking only: what the planner wrote is always printed as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from iki_xl.core.model import Dokumen, Indikator, JenisFormula, Komponen, Level
from iki_xl.core.numbers import format_number

PREFIX = re.compile(
    r"^\s*(penjelasan\s*/\s*)?formula(si)?\s+peng\w*\s*:?\s*|^\s*rumus\s*:?\s*", re.IGNORECASE
)
_FORMULA_START = re.compile(r"formula(si)?\s+peng\w*\s*:", re.IGNORECASE)
TIMES_100 = re.compile(r"[xX×*]\s*100\s*%?")
FX = re.compile(r"^\s*[ƒf]\s*\(\s*x\s*\)\s*=\s*", re.IGNORECASE)
SIGMA = re.compile(r"[∑Σ]")
_DEFINITION = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.+?)\s*\.?\s*$")
_INDEX_TITLE = re.compile(r"^\s*([A-Za-z][\w ()-]*?)\s*:\s*(.+)$")
_DIVIDED_BY = re.compile(r"\s+/\s+|\s*:\s+(?=jumlah|∑|Σ)", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\(?\s*n\s*[-−–]\s*1\s*\)?|tahun\s+(lalu|sebelumnya)", re.IGNORECASE)
_PERCENT_NAME = re.compile(r"^\s*(persentase|presentase|prosentase|persen)\b", re.IGNORECASE)
_NAME_START = re.compile(r"(jumlah|banyaknya|rasio|indeks|nilai|status|level|predikat|tingkat)")
_KIND_OF_WORD = {
    "jumlah": JenisFormula.JUMLAH,
    "banyaknya": JenisFormula.JUMLAH,
    "rasio": JenisFormula.RASIO,
    "indeks": JenisFormula.INDEKS,
    "nilai": JenisFormula.INDEKS,
    "status": JenisFormula.STATUS,
    "level": JenisFormula.STATUS,
    "predikat": JenisFormula.STATUS,
    "tingkat": JenisFormula.STATUS,
}
_GROWTH = ("pertumbuhan", "peningkatan", "kenaikan")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class FormulaReading:
    """What a Formulasi text says: the kind, the component names, an expression."""

    jenis: JenisFormula | None
    komponen: list[str] = field(default_factory=list)
    kode: list[str] = field(default_factory=list)
    ekspresi: str = ""
    times_100: bool = False
    fraction: bool = False  # printed as a fraction (numerator over denominator)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip(" ;")


@lru_cache(maxsize=4096)
def jenis_from_name(nama: str) -> JenisFormula | None:
    """The kind an indicator's name suggests ('Persentase …', 'Jumlah …'), or None."""
    n = nama.strip().lower()
    if _PERCENT_NAME.match(n):
        return JenisFormula.PENURUNAN if "penurunan" in n else JenisFormula.PERSENTASE
    m = _NAME_START.match(n)
    return _KIND_OF_WORD[m.group(1)] if m else None


def component_code(i: int) -> str:
    """Default component codes: A, B, … Z, K27, K28 …"""
    return chr(ord("A") + i) if i < 26 else f"K{i + 1}"


def _safe_expression(text: str) -> str:
    """'1/3 (Ipar+IDM+Linc)' → '1/3 * (Ipar+IDM+Linc)': implicit products made explicit."""
    e = text.replace("×", "*").replace("−", "-").replace("–", "-").replace(",", ".")
    return re.sub(r"(\d|\))\s*\(", r"\1 * (", e).strip()


@lru_cache(maxsize=4096)
def read_formulasi(text: str, nama: str = "") -> FormulaReading:
    """Detect the kind and components of a Formulasi text (never raises).

    The result is shared between callers (cached): do not modify it.
    """
    from_name = jenis_from_name(nama)
    growth = any(w in nama.lower() for w in _GROWTH)
    times_100 = bool(TIMES_100.search(text))
    # A "Penjelasan : …" paragraph before "Formulasi Penghitungan :" is prose, not formula.
    start = _FORMULA_START.search(text)
    body = PREFIX.sub("", text[start.start() :] if start else text.strip())
    body = TIMES_100.sub(" ", body)
    lines = [_clean(b) for b in body.splitlines()]
    lines = [b for b in lines if b and b not in {"-", "–"}]
    if not lines:
        return FormulaReading(from_name, times_100=times_100)

    # indeks: "IDG: 1/3 (Ipar+IDM+Linc)" with "Ipar= …" definition lines
    definitions = [m for b in lines[1:] if (m := _DEFINITION.match(b))]
    title = _INDEX_TITLE.match(lines[0])
    if definitions and title:
        return FormulaReading(
            JenisFormula.INDEKS,
            komponen=[_clean(m.group(2)) for m in definitions],
            kode=[m.group(1) for m in definitions],
            ekspresi=_safe_expression(title.group(2)),
            times_100=times_100,
        )

    if len(lines) == 1:
        parts = [b for b in _DIVIDED_BY.split(lines[0]) if b and b.strip()]
        if len(parts) == 2:
            lines = [_clean(b) for b in parts]
    if len(lines) >= 2:
        numerator, denominator = _clean(FX.sub("", lines[0])), " ".join(lines[1:])
        names = [_clean(SIGMA.sub("", numerator)), _clean(SIGMA.sub("", denominator))]
        if _LAST_YEAR.search(text):  # (A(N−1) − A(N)) / A(N−1): needs last year's baseline
            jenis = JenisFormula.PERTUMBUHAN if growth else JenisFormula.PENURUNAN
            base = _clean(_LAST_YEAR.sub("", names[1]))
            return FormulaReading(jenis, [base], ["A"], times_100=times_100, fraction=True)
        if times_100 or from_name is JenisFormula.PERSENTASE:
            jenis = JenisFormula.PERSENTASE
        else:
            jenis = JenisFormula.RASIO
        return FormulaReading(jenis, names, ["A", "B"], times_100=times_100, fraction=True)

    line = lines[0]
    content = _clean(SIGMA.sub("", FX.sub("", line)))
    if FX.match(line) or SIGMA.search(line) or line.lower().startswith("jumlah"):
        # a sum; several addends joined by "+" are separate components
        terms = [_clean(s) for s in re.split(r"\s\+\s", content) if _clean(s)]
        return FormulaReading(
            JenisFormula.JUMLAH,
            terms,
            [component_code(i) for i in range(len(terms))],
            times_100=times_100,
        )
    if from_name is JenisFormula.STATUS:
        return FormulaReading(JenisFormula.STATUS, times_100=times_100)
    return FormulaReading(from_name, [content], ["A"], times_100=times_100)


# ---------------------------------------------------------------- a structured rendering

FRACTION_BAR = "―" * 12


def render_formulasi(ind: Indikator, *, lines: bool = True) -> str:
    """An indicator's kind and components in the Indonesian notation, for print.

    With lines=True a fraction is printed over three lines (numerator, bar, denominator)
    followed by "× 100%". The indicator's own formulasi when its kind has no rendering.
    """
    names = [k.nama or k.kode for k in ind.komponen]
    jenis = ind.jenis
    if jenis in (JenisFormula.PERSENTASE, JenisFormula.RASIO) and len(names) >= 2:
        times = " × 100%" if jenis is JenisFormula.PERSENTASE else ""
        if lines:
            return f"{names[0]}\n{FRACTION_BAR}\n{names[1]}{times}"
        return f"{names[0]} / {names[1]}{times}"
    if jenis is JenisFormula.JUMLAH and names:
        return "ƒ(x) = " + " + ".join(f"Σ {n}" for n in names)
    if jenis in (JenisFormula.PENURUNAN, JenisFormula.PERTUMBUHAN) and names:
        a = names[0]
        top = f"{a} (N−1) − {a} (N)" if jenis is JenisFormula.PENURUNAN else f"{a} (N) − {a} (N−1)"
        if lines:
            return f"{top}\n{FRACTION_BAR}\n{a} (N−1) × 100%"
        return f"({top}) / {a} (N−1) × 100%"
    if jenis is JenisFormula.INDEKS:
        ekspresi = re.sub(r"\s*\*\s*", " × ", ind.ekspresi)  # printed notation, not code
        head = f"{ind.nama}: {ekspresi}" if ekspresi else ind.nama
        definitions = [f"{k.kode} = {k.nama}" for k in ind.komponen if k.nama]
        return "\n".join([head, *definitions]) if lines else "; ".join([head, *definitions])
    if jenis is JenisFormula.STATUS and ind.skala:
        return "Level: " + ", ".join(_render_level(level) for level in ind.skala)
    return ind.formulasi


def _render_level(level: Level) -> str:
    if level.bawah is None and level.atas is None:
        return level.nama
    low = format_number(level.bawah) if level.bawah is not None else "…"
    high = format_number(level.atas) if level.atas is not None else "…"
    return f"{level.nama} ({low}–{high})"


# ---------------------------------------------------------------- completing a document


def _is_complete(ind: Indikator) -> bool:
    return ind.jenis is not None and (bool(ind.komponen) or ind.jenis is JenisFormula.STATUS)


def complete_indikator(ind: Indikator) -> Indikator:
    """Fill jenis, komponen and ekspresi from the formulasi where the data leaves them out."""
    if _is_complete(ind):
        return ind
    reading = read_formulasi(ind.formulasi, ind.nama)
    jenis = ind.jenis or reading.jenis
    update: dict[str, object] = {"jenis": jenis}
    # components only where the planner has not entered the value itself: an indicator
    # with directly entered realisasi is computed from those values, not from empty parts
    direct = any(x is not None and x != "" for x in ind.realisasi)
    if not ind.komponen and not direct and jenis is not JenisFormula.STATUS and reading.komponen:
        update["komponen"] = [
            Komponen(kode=c, nama=n) for c, n in zip(reading.kode, reading.komponen, strict=True)
        ]
        if reading.ekspresi and not ind.ekspresi:
            update["ekspresi"] = reading.ekspresi
    return ind.model_copy(update=update)


def complete(doc: Dokumen) -> Dokumen:
    """The document with every indicator's kind and components filled in: a copy, or the
    document itself when nothing is missing (a workbook's document usually is complete).
    The input is never modified."""
    if all(_is_complete(i) for jab in doc.jabatan for _, i in jab.semua_indikator()):
        return doc
    copy = doc.model_copy(deep=True)
    for jab in copy.jabatan:
        for kin in jab.kinerja:
            kin.indikator = [complete_indikator(i) for i in kin.indikator]
    return copy
