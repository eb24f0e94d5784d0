"""Reading the formula prose of real documents, and writing it back in Indonesian notation.

A Formulasi cell as planners print it: "Jumlah A / Jumlah B × 100%" (or the two lines of a
printed fraction), "∑ PMKS yg ditangani / ∑ PMKS seluruhnya × 100%", "ƒ(x) = Σ Klien …",
"IDG: 1/3 (Ipar+IDM+Linc)" followed by "Ipar= …" definitions, or "-". From it we detect the
kind and the component names; the indicator's name breaks ties ("Persentase …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from iki_xl.core.anggota import STATUS
from iki_xl.core.model import Dokumen, Indikator, JenisFormula, Komponen, Level

_PREFIKS = re.compile(
    r"^\s*(penjelasan\s*/\s*)?formula(si)?\s+peng\w*\s*:?\s*|^\s*rumus\s*:?\s*", re.IGNORECASE
)
_AWAL_FORMULASI = re.compile(r"formula(si)?\s+peng\w*\s*:", re.IGNORECASE)
_KALI_100 = re.compile(r"[xX×*]\s*100\s*%?")
_FX = re.compile(r"^\s*[ƒf]\s*\(\s*x\s*\)\s*=\s*", re.IGNORECASE)
_SIGMA = re.compile(r"[∑Σ]")
_DEFINISI = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.+?)\s*\.?\s*$")
_JUDUL_INDEKS = re.compile(r"^\s*([A-Za-z][\w ()-]*?)\s*:\s*(.+)$")
_BAGI_SPASI = re.compile(r"\s+/\s+|\s*:\s+(?=jumlah|∑|Σ)", re.IGNORECASE)
_TAHUN_LALU = re.compile(r"\(?\s*n\s*[-−–]\s*1\s*\)?|tahun\s+(lalu|sebelumnya)", re.IGNORECASE)
_PERSEN_NAMA = re.compile(r"^\s*(persentase|presentase|prosentase|persen)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Deteksi:
    """What a Formulasi text says: the kind, the component names, an expression."""

    jenis: JenisFormula | None
    komponen: list[str] = field(default_factory=list)
    kode: list[str] = field(default_factory=list)
    ekspresi: str = ""
    kali_100: bool = False
    pecahan: bool = False  # printed as a fraction (numerator over denominator)


_SPASI = re.compile(r"\s+")


def _bersih(teks: str) -> str:
    return _SPASI.sub(" ", teks).strip(" ;")


_AWAL_NAMA = re.compile(r"(jumlah|banyaknya|rasio|indeks|nilai|status|level|predikat|tingkat)")
_JENIS_AWAL = {
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


@lru_cache(
    maxsize=4096
)  # asked twice per indicator in a validation: by baca_formulasi and the rules
def jenis_dari_nama(nama: str) -> JenisFormula | None:
    """The kind an indicator's name suggests ('Persentase …', 'Jumlah …'), or None."""
    n = nama.strip().lower()
    if _PERSEN_NAMA.match(n):
        if "penurunan" in n:
            return JenisFormula.PENURUNAN
        return JenisFormula.PERSENTASE
    m = _AWAL_NAMA.match(n)
    return _JENIS_AWAL[m.group(1)] if m else None


_jenis_dari_nama = jenis_dari_nama


def _kode(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else f"K{i + 1}"


def _ekspresi_aman(teks: str) -> str:
    """'1/3 (Ipar+IDM+Linc)' → '1/3 * (Ipar+IDM+Linc)': implicit products made explicit."""
    e = teks.replace("×", "*").replace("−", "-").replace("–", "-").replace(",", ".")
    return re.sub(r"(\d|\))\s*\(", r"\1 * (", e).strip()


_NAIK = ("pertumbuhan", "peningkatan", "kenaikan")


def baca_formulasi(teks: str, nama: str = "") -> Deteksi:
    """Detect the kind and components of a Formulasi text (never raises).

    The name matters only through the kind it suggests and whether it speaks of growth, so
    the analysis is cached on (text, name's kind, growth) and hits across indicators whose
    names differ. The returned `Deteksi` is shared between callers: do not modify it.
    """
    n = nama.lower()
    return _baca_formulasi(teks, _jenis_dari_nama(nama), any(w in n for w in _NAIK))


@lru_cache(maxsize=4096)
def _baca_formulasi(teks: str, dari_nama: JenisFormula | None, naik: bool) -> Deteksi:
    kali_100 = bool(_KALI_100.search(teks))
    # A "Penjelasan : …" paragraph before "Formulasi Penghitungan :" is prose, not formula.
    awal = _AWAL_FORMULASI.search(teks)
    badan = _PREFIKS.sub("", teks[awal.start() :] if awal else teks.strip())
    badan = _KALI_100.sub(" ", badan)
    baris = [_bersih(b) for b in badan.splitlines()]
    baris = [b for b in baris if b and b not in {"-", "–"}]
    if not baris:
        return Deteksi(dari_nama, kali_100=kali_100)

    # indeks: "IDG: 1/3 (Ipar+IDM+Linc)" with "Ipar= …" definition lines
    definisi = [m for b in baris[1:] if (m := _DEFINISI.match(b))]
    judul = _JUDUL_INDEKS.match(baris[0])
    if definisi and judul:
        return Deteksi(
            JenisFormula.INDEKS,
            komponen=[_bersih(m.group(2)) for m in definisi],
            kode=[m.group(1) for m in definisi],
            ekspresi=_ekspresi_aman(judul.group(2)),
            kali_100=kali_100,
        )

    if len(baris) == 1:
        bagian = [b for b in _BAGI_SPASI.split(baris[0]) if b and b.strip()]
        if len(bagian) == 2:
            baris = [_bersih(b) for b in bagian]
    if len(baris) >= 2:
        pembilang, penyebut = _bersih(_FX.sub("", baris[0])), " ".join(baris[1:])
        nama_k = [_bersih(_SIGMA.sub("", pembilang)), _bersih(_SIGMA.sub("", penyebut))]
        if _TAHUN_LALU.search(teks):  # (A(N−1) − A(N)) / A(N−1): needs last year's baseline
            jenis = JenisFormula.PERTUMBUHAN if naik else JenisFormula.PENURUNAN
            dasar = _bersih(_TAHUN_LALU.sub("", nama_k[1]))
            return Deteksi(jenis, [dasar], ["A"], kali_100=kali_100, pecahan=True)
        if kali_100 or dari_nama is JenisFormula.PERSENTASE:
            jenis = JenisFormula.PERSENTASE
        else:
            jenis = JenisFormula.RASIO
        return Deteksi(jenis, nama_k, ["A", "B"], kali_100=kali_100, pecahan=True)

    satu = baris[0]
    fx = bool(_FX.match(satu))
    isi = _bersih(_SIGMA.sub("", _FX.sub("", satu)))
    if fx or _SIGMA.search(satu) or satu.lower().startswith("jumlah"):
        # a sum; several addends joined by "+" are separate components
        suku = [_bersih(s) for s in re.split(r"\s\+\s", isi) if _bersih(s)]
        return Deteksi(
            JenisFormula.JUMLAH, suku, [_kode(i) for i in range(len(suku))], kali_100=kali_100
        )
    if dari_nama is JenisFormula.STATUS:
        return Deteksi(JenisFormula.STATUS, kali_100=kali_100)
    return Deteksi(dari_nama, [isi], ["A"], kali_100=kali_100)


# ---------------------------------------------------------------- writing it back

GARIS_PECAHAN = "―" * 12


def tulis_formulasi(ind: Indikator, *, baris: bool = True) -> str:
    """Render an indicator's kind and components in the Indonesian notation for print.

    With baris=True a fraction is printed over three lines (numerator, bar, denominator)
    followed by "× 100%", the way the Lampiran shows it.
    """
    nama = {k.kode: k.nama or k.kode for k in ind.komponen}
    urut = [nama[k.kode] for k in ind.komponen]
    jenis = ind.jenis
    if jenis in (JenisFormula.PERSENTASE, JenisFormula.RASIO) and len(urut) >= 2:
        kali = " × 100%" if jenis is JenisFormula.PERSENTASE else ""
        if baris:
            return f"{urut[0]}\n{GARIS_PECAHAN}\n{urut[1]}{kali}"
        return f"{urut[0]} / {urut[1]}{kali}"
    if jenis is JenisFormula.JUMLAH and urut:
        return "ƒ(x) = " + " + ".join(f"Σ {n}" for n in urut)
    if jenis in (JenisFormula.PENURUNAN, JenisFormula.PERTUMBUHAN) and urut:
        a = urut[0]
        atas = f"{a} (N−1) − {a} (N)" if jenis is JenisFormula.PENURUNAN else f"{a} (N) − {a} (N−1)"
        if baris:
            return f"{atas}\n{GARIS_PECAHAN}\n{a} (N−1) × 100%"
        return f"({atas}) / {a} (N−1) × 100%"
    if jenis is JenisFormula.INDEKS:
        ekspresi = re.sub(r"\s*\*\s*", " × ", ind.ekspresi)  # printed notation, not code
        kepala = f"{ind.nama}: {ekspresi}" if ekspresi else ind.nama
        definisi = [f"{k.kode} = {k.nama}" for k in ind.komponen if k.nama]
        return "\n".join([kepala, *definisi]) if baris else "; ".join([kepala, *definisi])
    if jenis is JenisFormula.STATUS and ind.skala:
        return "Level: " + ", ".join(_tulis_level(lv) for lv in ind.skala)
    return ind.formulasi


def _angka(x: float) -> str:
    return f"{x:g}"


def _tulis_level(lv: Level) -> str:
    if lv.bawah is None and lv.atas is None:
        return lv.nama
    bawah = _angka(lv.bawah) if lv.bawah is not None else "…"
    atas = _angka(lv.atas) if lv.atas is not None else "…"
    return f"{lv.nama} ({bawah}–{atas})"


# ---------------------------------------------------------------- completing a document


def lengkapi_indikator(ind: Indikator) -> Indikator:
    """Fill jenis, komponen and ekspresi from the formulasi where the data leaves them out."""
    if _lengkap(ind):
        return ind
    d = baca_formulasi(ind.formulasi, ind.nama)
    jenis = ind.jenis or d.jenis
    ubah: dict[str, object] = {"jenis": jenis}
    if not ind.komponen and jenis is not JenisFormula.STATUS and d.komponen:
        ubah["komponen"] = [
            Komponen(kode=c, nama=n) for c, n in zip(d.kode, d.komponen, strict=True)
        ]
        if d.ekspresi and not ind.ekspresi:
            ubah["ekspresi"] = d.ekspresi
    return ind.model_copy(update=ubah)


def _lengkap(ind: Indikator) -> bool:
    jenis = ind.jenis  # (each read of a pydantic attribute is slow compiled: read once)
    return jenis is not None and (bool(ind.komponen) or jenis is STATUS)


def sudah_lengkap(doc: Dokumen) -> bool:
    """Every indicator has its kind and components (nothing for `lengkapi` to fill)."""
    return all(_lengkap(i) for jab in doc.jabatan for kin in jab.kinerja for i in kin.indikator)


def lengkapi(doc: Dokumen) -> Dokumen:
    """The document with every indicator's kind and components filled in: a copy, or the
    document itself when nothing is missing (a workbook's document usually is complete)."""
    if sudah_lengkap(doc):
        return doc
    salinan = doc.model_copy(deep=True)
    for jab in salinan.jabatan:
        for kin in jab.kinerja:
            kin.indikator = [lengkapi_indikator(i) for i in kin.indikator]
    return salinan
