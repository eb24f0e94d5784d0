"""The formula engine: an indicator's value from its components, capaian, predikat.

Every function returns a `Hasil`: a number, or no number and the reason in Bahasa
Indonesia ("target 0", "triwulan kosong"). Nothing here raises for a planner's input and
nothing returns inf or NaN.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, Final

from simpleeval import (
    FunctionNotDefined,
    InvalidExpression,
    NameNotDefined,
    SimpleEval,
)

from iki_xl.core.anggota import (
    AKHIR,
    INDEKS,
    JUMLAH,
    KUMULATIF,
    NEGATIF,
    PENURUNAN,
    PERSENTASE,
    PERTUMBUHAN,
    POSITIF,
    RANGE,
    RASIO,
    RATA_RATA,
    STATUS,
)
from iki_xl.core.model import (
    Agregasi,
    BandPredikat,
    Indikator,
    Isian,
    JenisFormula,
    Komponen,
    Level,
    Polaritas,
    RentangTarget,
    Target,
)


class Hasil:
    """A computed number, or the reason there is none. `catatan` tells how text was read.

    Immutable: its attributes are Final (the compiled build enforces them). A plain class
    rather than a frozen dataclass, which the compiled build makes about 15× slower to
    create, and thousands are made per validation; equality, hash and repr as a dataclass's.
    """

    __slots__ = ("alasan", "catatan", "nilai")

    def __init__(self, nilai: float | None, alasan: str = "", catatan: str = "") -> None:
        self.nilai: Final = nilai
        self.alasan: Final = alasan
        self.catatan: Final = catatan

    @property
    def ada(self) -> bool:
        return self.nilai is not None

    @staticmethod
    def gagal(alasan: str) -> Hasil:
        return Hasil(None, alasan)

    def __eq__(self, lain: object) -> bool:
        if not isinstance(lain, Hasil):
            return NotImplemented
        return (self.nilai, self.alasan, self.catatan) == (lain.nilai, lain.alasan, lain.catatan)

    def __hash__(self) -> int:
        return hash((self.nilai, self.alasan, self.catatan))

    def __repr__(self) -> str:
        return f"Hasil(nilai={self.nilai!r}, alasan={self.alasan!r}, catatan={self.catatan!r})"


_TAK_TERHINGGA = Hasil(None, "hasil tidak terhingga")


def berhingga(x: float) -> bool:
    """math.isfinite, from the two tests the compiled build has as primitives (isfinite is
    a call through the math module there, several times slower)."""
    return not (math.isinf(x) or math.isnan(x))


def _hasil(x: float, catatan: str = "") -> Hasil:
    if not berhingga(x):
        return _TAK_TERHINGGA
    return Hasil(x, catatan=catatan)


# ---------------------------------------------------------------- numbers typed as text

_ANGKA_ID = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.234,5
_ANGKA_EN = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234.5
_ANGKA_KOMA = re.compile(r"^[+-]?\d+,\d+$")  # 12,5
_ANGKA = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def baca_angka(x: Isian | int | bool) -> Hasil:
    """Read a cell as a number the way the planner meant it.

    "85%" → 85, "1.234,5" → 1234.5, "12,5" → 12.5. Blank → no value ("kosong").
    """
    if x is None:
        return Hasil.gagal("kosong")
    if isinstance(x, bool):
        return Hasil.gagal(f"bukan angka: {x}")
    if type(x) is float:  # the common case, without the isinstance checks
        return Hasil(x) if berhingga(x) else _TAK_TERHINGGA
    if isinstance(x, int | float):
        return _hasil(float(x))  # the common case: a number typed as a number
    teks = str(x).strip().replace("\u00a0", "").replace(" ", "")
    if not teks or teks in {"-", "–"}:
        return Hasil.gagal("kosong")
    persen = teks.endswith("%")
    if persen:
        teks = teks[:-1]
    if _ANGKA.match(teks):
        angka = float(teks)
    elif _ANGKA_ID.match(teks):
        angka = float(teks.replace(".", "").replace(",", "."))
    elif _ANGKA_EN.match(teks):
        angka = float(teks.replace(",", ""))
    elif _ANGKA_KOMA.match(teks):
        angka = float(teks.replace(",", "."))
    else:
        return Hasil.gagal(f"bukan angka: '{x}'")
    return _hasil(angka, catatan=f"teks '{x}' dibaca sebagai {_fmt(angka)}")


def _fmt(x: float) -> str:
    return f"{x:g}".replace(".", ",")


# ---------------------------------------------------------------- value from components


def agregasi_baku(jenis: JenisFormula | None) -> Agregasi:
    return KUMULATIF if jenis is JUMLAH else AKHIR


def _pembagian(a: float, b: float, kali: float) -> Hasil:
    if b == 0:
        return Hasil.gagal("pembagi 0")
    return _hasil(a / b * kali)


_FUNGSI = {"min": min, "max": max, "abs": abs, "round": round, "sqrt": math.sqrt}
# One evaluator, its names set per call; simpleeval parses each expression text once.
_EVALUATOR = SimpleEval(functions=_FUNGSI)


@lru_cache(maxsize=1024)
def _urai(ekspresi: str) -> Any:
    return _EVALUATOR.parse(ekspresi)


def hitung_ekspresi(ekspresi: str, nilai: Mapping[str, float]) -> Hasil:
    """Evaluate an indeks expression over component values with simpleeval (no eval)."""
    if not ekspresi.strip():
        return Hasil.gagal("ekspresi kosong")
    try:
        _EVALUATOR.names = dict(nilai)
        x = _EVALUATOR.eval(ekspresi, previously_parsed=_urai(ekspresi))
    except ZeroDivisionError:
        return Hasil.gagal("pembagi 0")
    except NameNotDefined as e:
        dikenal = ", ".join(nilai) or "-"
        return Hasil.gagal(f"nama '{e.name}' tidak dikenal dalam ekspresi; komponen: {dikenal}")
    except FunctionNotDefined as e:
        return Hasil.gagal(f"fungsi '{e.func_name}' tidak dikenal dalam ekspresi")
    except (InvalidExpression, SyntaxError, TypeError, ValueError, OverflowError):
        return Hasil.gagal(f"ekspresi '{ekspresi}' tidak dapat dihitung")
    if isinstance(x, bool) or not isinstance(x, int | float):
        return Hasil.gagal("ekspresi tidak menghasilkan angka")
    return _hasil(float(x))


def ekspresi_valid(ekspresi: str, kode: Sequence[str]) -> str:
    """'' when the expression computes over these codes, else why not."""
    h = hitung_ekspresi(ekspresi, dict.fromkeys(kode, 1.0))
    return "" if h.ada or h.alasan == "pembagi 0" else h.alasan


def nilai_dari_komponen(
    jenis: JenisFormula | None,
    komponen: Mapping[str, Isian],
    *,
    ekspresi: str = "",
    baseline: Isian = None,
) -> Hasil:
    """The indicator's value for one period from its component values (in order)."""
    if jenis is None:
        return Hasil.gagal("jenis formula belum diisi")
    angka: dict[str, float] = {}
    catatan = []
    for kode, isi in komponen.items():
        if type(isi) is float and berhingga(isi):  # baca_angka's common case, inline
            angka[kode] = isi
            continue
        h = baca_angka(isi)
        if not h.ada:
            return Hasil.gagal(f"{kode} {h.alasan}")
        assert h.nilai is not None
        angka[kode] = h.nilai
        if h.catatan:
            catatan.append(h.catatan)
    nilai = list(angka.values())
    hasil: Hasil
    # (an if-chain on identity: a `match` on enum values compiles to slow == lookups)
    if jenis is PERSENTASE or jenis is RASIO:
        if len(nilai) < 2:
            return Hasil.gagal("perlu pembilang dan penyebut")
        hasil = _pembagian(nilai[0], nilai[1], 100.0 if jenis is PERSENTASE else 1)
    elif jenis is JUMLAH:
        if not nilai:
            return Hasil.gagal("komponen kosong")
        hasil = _hasil(math.fsum(nilai))
    elif jenis is PENURUNAN or jenis is PERTUMBUHAN:
        b = baca_angka(baseline)
        if not b.ada:
            return Hasil.gagal(f"baseline tahun lalu {b.alasan}")
        assert b.nilai is not None
        if not nilai:
            return Hasil.gagal("komponen kosong")
        selisih = b.nilai - nilai[0] if jenis is PENURUNAN else nilai[0] - b.nilai
        hasil = _pembagian(selisih, b.nilai, 100.0)
    elif jenis is INDEKS:
        hasil = hitung_ekspresi(ekspresi, angka) if ekspresi else _hasil(math.fsum(nilai))
    else:
        return Hasil.gagal("status dinilai dari level, bukan komponen")
    if hasil.ada and catatan:
        return Hasil(hasil.nilai, catatan="; ".join(catatan))
    return hasil


def _terisi(x: Isian) -> bool:
    return not (x is None or (isinstance(x, str) and not x.strip()))


def nilai_triwulan(ind: Indikator, tw: int) -> Hasil:
    """Value of the indicator in quarter tw (0..3)."""
    return _nilai_pada(ind, ind.jenis, ind.komponen, tw)


def _nilai_pada(
    ind: Indikator, jenis: JenisFormula | None, komponen: list[Komponen], tw: int
) -> Hasil:
    # `jenis` and `komponen` read once by the caller: a pydantic attribute read is slow
    if jenis is STATUS:
        return skor_status(ind.realisasi[tw], ind.skala)
    if not komponen:
        return baca_angka(ind.realisasi[tw])
    return nilai_dari_komponen(
        jenis,
        {k.kode: k.realisasi[tw] for k in komponen},
        ekspresi=ind.ekspresi,
        baseline=ind.baseline,
    )


def nilai_tahunan(ind: Indikator, triwulan: Sequence[Hasil] | None = None) -> Hasil:
    """The year's value by the indicator's agregasi (default per kind).

    `triwulan`: the four `nilai_triwulan(ind, 0..3)` when already computed (reused, not
    computed again)."""
    jenis = ind.jenis
    komponen = ind.komponen
    cara = ind.agregasi or agregasi_baku(jenis)
    langsung = jenis is STATUS or not komponen
    isian = [ind.realisasi] if langsung else [k.realisasi for k in komponen]
    # the quarters some cell of which is filled, in order
    terisi = [q for q in range(4) if any(_terisi(tw[q]) for tw in isian)]
    if not terisi:
        return Hasil.gagal("realisasi belum diisi")
    if cara is AKHIR:
        q = terisi[-1]
        return _nilai_pada(ind, jenis, komponen, q) if triwulan is None else triwulan[q]
    if cara is RATA_RATA:
        if triwulan is None:
            per_tw = [_nilai_pada(ind, jenis, komponen, q) for q in terisi]
        else:
            per_tw = [triwulan[q] for q in terisi]
        gagal = next((h for h in per_tw if not h.ada), None)
        if gagal:
            return gagal
        return _hasil(math.fsum(h.nilai or 0.0 for h in per_tw) / len(per_tw))
    # kumulatif: sum each component over the filled quarters, then apply the formula
    if langsung:
        total = [baca_angka(isian[0][q]) for q in terisi]
        gagal = next((h for h in total if not h.ada), None)
        return gagal or _hasil(math.fsum(h.nilai or 0.0 for h in total))
    jumlah: dict[str, Isian] = {}
    for k in komponen:
        realisasi = k.realisasi
        bagian = [baca_angka(realisasi[q]) for q in terisi]
        gagal = next((h for h in bagian if not h.ada), None)
        if gagal:
            return Hasil.gagal(f"{k.kode} {gagal.alasan}")
        jumlah[k.kode] = math.fsum(h.nilai or 0.0 for h in bagian)
    return nilai_dari_komponen(jenis, jumlah, ekspresi=ind.ekspresi, baseline=ind.baseline)


# ---------------------------------------------------------------- status / level


def _urutan_level(isi: Isian, skala: Sequence[Level]) -> Hasil:
    """1-based position of a level on its scale (low → high), from its name or a score."""
    if not skala:
        return Hasil.gagal("skala status belum diisi")
    if isinstance(isi, str):
        nama = isi.strip().casefold()
        for i, lv in enumerate(skala, start=1):
            if lv.nama.strip().casefold() == nama:
                return Hasil(float(i))
    h = baca_angka(isi)
    if not h.ada:
        return Hasil.gagal(
            f"level '{isi}' tidak ada di skala" if isinstance(isi, str) else h.alasan
        )
    assert h.nilai is not None
    for i, lv in enumerate(skala, start=1):
        if (lv.bawah is None or h.nilai >= lv.bawah) and (lv.atas is None or h.nilai <= lv.atas):
            return Hasil(float(i))
    return Hasil.gagal(f"nilai {_fmt(h.nilai)} di luar skala")


def skor_status(isi: Isian, skala: Sequence[Level]) -> Hasil:
    return _urutan_level(isi, skala)


def level_status(isi: Isian, skala: Sequence[Level]) -> str:
    h = _urutan_level(isi, skala)
    return skala[int(h.nilai) - 1].nama if h.nilai is not None else ""


# ---------------------------------------------------------------- capaian and predikat

NEGATIF_BAKU = "2T-R"  # PermenPANRB 8/2021; "T/R" is the e-SAKIP variant


def capaian(
    realisasi: Isian,
    target: Isian,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    target_atas: Isian = None,
    *,
    metode_negatif: str = NEGATIF_BAKU,
) -> Hasil:
    """Capaian in percent (raw, not clamped). For range, `target` is the band's lower bound."""
    if isinstance(polaritas, Polaritas):
        pol = polaritas
    else:
        try:
            pol = Polaritas(str(polaritas).strip().lower() or "positif")
        except ValueError:
            return Hasil.gagal(f"polaritas '{polaritas}' tidak dikenal")
    r = baca_angka(realisasi)
    if not r.ada:
        return Hasil.gagal(f"realisasi {r.alasan}")
    t = baca_angka(target)
    if not t.ada:
        return Hasil.gagal(f"target {t.alasan}")
    assert r.nilai is not None and t.nilai is not None
    R, T = r.nilai, t.nilai
    if pol is RANGE:
        ta = baca_angka(target_atas)
        if not ta.ada:
            return Hasil.gagal(f"batas atas target {ta.alasan}")
        assert ta.nilai is not None
        bawah, atas = min(T, ta.nilai), max(T, ta.nilai)
        if bawah <= R <= atas:
            return Hasil(100.0)
        T = atas if atas < R else bawah
    if T == 0:
        return Hasil.gagal("target 0")
    if pol is NEGATIF:
        if metode_negatif == "T/R":
            return Hasil.gagal("realisasi 0") if R == 0 else _hasil(T / R * 100)
        return _hasil((2 * T - R) / T * 100)
    return _hasil(R / T * 100)


def capaian_indikator(ind: Indikator, nilai: Hasil, *, metode_negatif: str = NEGATIF_BAKU) -> Hasil:
    """Capaian of an indicator's value against its target (number, band or level)."""
    if not nilai.ada:
        return nilai
    target: Target = ind.target
    if target is None or (isinstance(target, str) and not target.strip()):
        return Hasil.gagal("target belum diisi")
    polaritas = ind.polaritas
    if ind.jenis is STATUS:
        if isinstance(target, RentangTarget):
            return Hasil.gagal("target status harus satu level")
        t = _urutan_level(target, ind.skala)
        if not t.ada:
            return Hasil.gagal(f"target {t.alasan}")
        return capaian(nilai.nilai, t.nilai, polaritas, metode_negatif=metode_negatif)
    if isinstance(target, RentangTarget):
        return capaian(nilai.nilai, target.bawah, RANGE, target.atas)
    pol = POSITIF if polaritas is RANGE else polaritas
    return capaian(nilai.nilai, target, pol, metode_negatif=metode_negatif)


def tampil_capaian(c: float, bawah: float = 0.0, atas: float = 200.0) -> float:
    """Capaian clamped for display (applications show 0–200 %); keep the raw figure too."""
    return min(max(c, bawah), atas)


def predikat(c: float | None, skala: Sequence[BandPredikat]) -> str:
    """The predikat for a capaian in percent; '' when there is no capaian or no band fits."""
    if c is None:
        return ""
    for band in sorted(
        skala, key=lambda b: -math.inf if b.di_atas is None else b.di_atas, reverse=True
    ):
        if band.di_atas is None or c > band.di_atas:
            return band.predikat
    return ""
