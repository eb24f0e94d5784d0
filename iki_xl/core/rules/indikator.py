"""Indicator rules (IKI-I…): what an indicator and its formula must say, and what a name
that measures nothing or a formula that only repeats it look like."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from iki_xl.core import similarity
from iki_xl.core.formula import expression_error
from iki_xl.core.formulasi import FX, PREFIX, SIGMA, FormulaReading, jenis_from_name, read_formulasi
from iki_xl.core.model import Dokumen, Indikator, Jabatan, JenisFormula
from iki_xl.core.rules.common import Collector, indikator_items, is_blank, norm, quote

_OFFICE = re.compile(
    r"^(dinas|dinsos|bidang|seksi|sub\s*bagian|subbag\w*|sekretariat|bagian|upt\w*|kantor"
    r"|opd|skpd|perangkat daerah|badan|kecamatan|kelurahan|unit)\b",
    re.IGNORECASE,
)
_DATA = re.compile(
    r"\b(data|dokumen|laporan|daftar|dtks|sistem|aplikasi|sk|surat|register|buku|rekap\w*"
    r"|database|basis|notulen|absensi|hadir|berita acara|lkj\w*|renstra|renja|dpa|bukti"
    r"|survei|survey|hasil)\b",
    re.IGNORECASE,
)
_PERCENT_KINDS = {JenisFormula.PERSENTASE, JenisFormula.PENURUNAN, JenisFormula.PERTUMBUHAN}
_PERCENT_UNITS = {"%", "persen", "prosen", "persentase"}
_STOP_WORDS = frozenset(
    {"yang", "yg", "dan", "atau", "di", "ke", "dari", "untuk", "dengan", "pada", "dalam"}
    | {"serta", "oleh", "bagi", "sudah", "telah", "akan", "jumlah", "jummlah", "banyaknya"}
    | {"total"}
)
_WORD = re.compile(r"[^\W\d_]+")
_COUNT_START = re.compile(r"^\s*(jumlah|jummlah|banyaknya|total)\b", re.IGNORECASE)
_YANG = re.compile(r"\b(?:yang|yg)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Indikator:
    """One indicator as the rules see it."""

    jab: Jabatan
    jalur: str
    ind: Indikator
    name: str  # how messages name it: quoted, or "ke-n"
    formula: str  # the formulasi without a "Formulasi Penghitungan:" prefix
    reading: FormulaReading
    from_name: JenisFormula | None  # the kind the name suggests

    @property
    def has_formula(self) -> bool:
        return not is_blank(self.formula)


def check_indikator(doc: Dokumen, add: Collector) -> None:
    for _j, jab, k, n, ind, p in indikator_items(doc):
        unnamed = is_blank(ind.nama)
        if unnamed:
            add(
                "IKI-I001", jab, f"{p}.nama", f"Indikator ke-{n + 1} kinerja ke-{k + 1} tanpa nama."
            )
        x = _Indikator(
            jab=jab,
            jalur=p,
            ind=ind,
            name=f"ke-{n + 1}" if unnamed else quote(ind.nama),
            formula=PREFIX.sub("", ind.formulasi) if ind.formulasi else "",
            reading=read_formulasi(ind.formulasi, ind.nama),
            from_name=jenis_from_name(ind.nama),
        )
        for rule in (_required, _kind_and_name, _tautology, _satuan, _expression, _counted):
            rule(x, add)
        for rule in (_measure, _double_sum):
            rule(x, add)
    for j, jab in enumerate(doc.jabatan):
        _repeated(j, jab, add)
        _office_as_source(j, jab, add)


def _required(x: _Indikator, add: Collector) -> None:
    """I009 status without scale, I002 no formula, I003 no sumber data, I004 unknown kind."""
    ind, p = x.ind, x.jalur
    if ind.jenis is JenisFormula.STATUS:
        if not ind.skala:
            add(
                "IKI-I009",
                x.jab,
                f"{p}.skala",
                f"Indikator status {x.name} tidak punya skala level, sehingga realisasi "
                "dan capaiannya tidak dapat dinilai.",
            )
    elif not x.has_formula:
        add(
            "IKI-I002",
            x.jab,
            f"{p}.formulasi",
            f"Indikator {x.name} belum punya formulasi penghitungan.",
        )
    if is_blank(ind.sumber_data):
        add("IKI-I003", x.jab, f"{p}.sumber_data", f"Indikator {x.name} belum punya sumber data.")
    if x.has_formula and ind.jenis is None:
        add(
            "IKI-I004",
            x.jab,
            f"{p}.jenis",
            f"Jenis formula indikator {x.name} tidak dapat dikenali dari nama dan formulasinya.",
        )


def _kind_finding(x: _Indikator) -> tuple[str, str, str] | None:
    """(code, message, saran) when a percentage lacks its denominator (I006) or its
    × 100% (I007), or the name's kind and the formula's disagree (I005); at most one."""
    jenis, r = x.ind.jenis, x.reading
    if not x.has_formula or jenis is None:
        return None
    percent_named = x.from_name is JenisFormula.PERSENTASE
    if (jenis is JenisFormula.PERSENTASE and not r.fraction) or (
        percent_named and jenis is JenisFormula.JUMLAH and r.times_100
    ):
        return ("IKI-I006", f"Formulasi persentase {x.name} tidak punya penyebut (pembagi).", "")
    if jenis is JenisFormula.PERSENTASE and not r.times_100:
        return ("IKI-I007", f"Formulasi persentase {x.name} tidak dikali 100%.", "")
    if percent_named and jenis in (JenisFormula.JUMLAH, JenisFormula.INDEKS, JenisFormula.STATUS):
        return (
            "IKI-I005",
            f"Indikator {x.name} bernama 'Persentase …' tetapi formulasinya {jenis}, bukan pembagian.",
            "Tulis formulasi sebagai pembagian × 100%, atau ganti nama indikator sesuai yang "
            "dihitung ('Jumlah …').",
        )
    if x.from_name is JenisFormula.JUMLAH and (
        r.times_100 or jenis in (JenisFormula.PERSENTASE, JenisFormula.RASIO)
    ):
        return (
            "IKI-I005",
            f"Indikator {x.name} bernama 'Jumlah …' tetapi formulasinya "
            + ("dikali 100%." if r.times_100 else "pembagian."),
            "Hapus pembagian dan '× 100%' dari formulasi, atau ganti nama indikator menjadi "
            "'Persentase …'.",
        )
    return None


def _kind_and_name(x: _Indikator, add: Collector) -> None:
    found = _kind_finding(x)
    if found is not None:
        code, message, saran = found
        add(code, x.jab, f"{x.jalur}.formulasi", message, saran)


def _tautology(x: _Indikator, add: Collector) -> None:
    """I008: the formula only repeats the indicator's name; I015: it repeats it with a
    small difference (punctuation, case, one word: similarity.formula_equals_name)."""
    if not x.has_formula or is_blank(x.ind.nama):
        return
    if norm(x.formula) == norm(x.ind.nama):
        add(
            "IKI-I008",
            x.jab,
            f"{x.jalur}.formulasi",
            f"Formulasi indikator {x.name} hanya mengulang nama indikatornya.",
        )
    elif similarity.formula_equals_name(x.ind.nama, x.ind.formulasi):
        add(
            "IKI-I015",
            x.jab,
            f"{x.jalur}.formulasi",
            f"Formulasi indikator {x.name} hampir sama dengan nama indikatornya: "
            f"{quote(x.formula)}.",
        )


def _satuan(x: _Indikator, add: Collector) -> None:
    """I010: % for a kind that is no percentage, or another unit for one that is. Not
    reported where I005/I006 already say that the name and the formula disagree."""
    satuan, jenis = x.ind.satuan.strip(), x.ind.jenis
    if not satuan or jenis is None:
        return
    found = _kind_finding(x)
    if found is not None and found[0] in ("IKI-I005", "IKI-I006"):
        return
    percent_unit = satuan.casefold() in _PERCENT_UNITS
    if jenis in _PERCENT_KINDS and not percent_unit:
        add(
            "IKI-I010",
            x.jab,
            f"{x.jalur}.satuan",
            f"Indikator {jenis} {x.name} bersatuan '{satuan}', bukan %.",
            "Ganti satuan menjadi %.",
        )
    elif jenis not in _PERCENT_KINDS and percent_unit:
        add(
            "IKI-I010",
            x.jab,
            f"{x.jalur}.satuan",
            f"Indikator {jenis} {x.name} bersatuan %, padahal hasilnya bukan persentase.",
            "Ganti satuan sesuai yang dihitung (orang, dokumen, kegiatan, indeks, level).",
        )


def _expression(x: _Indikator, add: Collector) -> None:
    """I013: an indeks expression that does not compute over its component codes."""
    ekspresi = x.ind.ekspresi if x.ind.jenis is JenisFormula.INDEKS else ""
    if not ekspresi.strip() or not x.ind.komponen:
        return
    reason = expression_error(ekspresi, tuple(c.kode for c in x.ind.komponen))
    if reason:
        add(
            "IKI-I013",
            x.jab,
            f"{x.jalur}.ekspresi",
            f"Ekspresi indeks {x.name} '{ekspresi}' tidak dapat dihitung: {reason}.",
        )


@lru_cache(maxsize=4096)
def _subject_words(text: str) -> tuple[str, ...]:
    """The words of what is counted: before the first 'yang', without 'Jumlah', 'Σ'."""
    t = SIGMA.sub(" ", FX.sub("", text))
    t = _COUNT_START.sub("", t)
    t = _YANG.split(t, maxsplit=1)[0]
    return tuple(_WORD.findall(t))


def _same_subject(a: Sequence[str], b: Sequence[str]) -> bool:
    """Some word in common, or one side's acronym spelled by the other's initials."""
    wa = {w.casefold() for w in a if w.casefold() not in _STOP_WORDS}
    wb = {w.casefold() for w in b if w.casefold() not in _STOP_WORDS}
    if not wa or not wb or wa & wb:
        return True

    def acronym(x: Sequence[str], y: Sequence[str]) -> bool:
        initials = "".join(w[0] for w in y if w.casefold() not in _STOP_WORDS).casefold()
        return any(w.isupper() and len(w) > 1 and w.casefold() in initials for w in x)

    return acronym(a, b) or acronym(b, a)


def _counted(x: _Indikator, add: Collector) -> None:
    """I014: a 'Jumlah X' indicator whose formula sums something else."""
    ind = x.ind
    if not (x.has_formula and ind.jenis is JenisFormula.JUMLAH):
        return
    if x.from_name is not JenisFormula.JUMLAH:
        return
    lines = [b for b in x.formula.splitlines() if b.strip()]
    named, summed = _subject_words(ind.nama), _subject_words(lines[0]) if lines else ()
    if not _same_subject(named, summed):
        add(
            "IKI-I014",
            x.jab,
            f"{x.jalur}.formulasi",
            f"Indikator {x.name} menghitung '{' '.join(named)}', tetapi formulasinya "
            f"menjumlahkan '{' '.join(summed)}'.",
        )


def _repeated(j: int, jab: Jabatan, add: Collector) -> None:
    """I011: the same indicator twice in one jabatan."""
    seen: set[str] = set()
    for k, kin in enumerate(jab.kinerja):
        for n, ind in enumerate(kin.indikator):
            if is_blank(ind.nama):
                continue
            key = norm(ind.nama)
            if key in seen:
                add(
                    "IKI-I011",
                    jab,
                    f"jabatan[{j}].kinerja[{k}].indikator[{n}].nama",
                    f"Indikator {quote(ind.nama)} sudah tercantum di jabatan ini.",
                )
            seen.add(key)


def _office_as_source(j: int, jab: Jabatan, add: Collector) -> None:
    """I012: a sumber data that names an office, not a document or dataset; once per
    office per jabatan."""
    offices: dict[str, list[tuple[str, str]]] = {}
    for k, kin in enumerate(jab.kinerja):
        for n, ind in enumerate(kin.indikator):
            sumber = ind.sumber_data.strip().lstrip("-–• ").strip()
            if sumber and _OFFICE.match(sumber) and not _DATA.search(sumber):
                jalur = f"jabatan[{j}].kinerja[{k}].indikator[{n}].sumber_data"
                offices.setdefault(norm(sumber), []).append((jalur, ind.sumber_data.strip()))
    for places in offices.values():
        more = (
            f" (juga pada {len(places) - 1} indikator lain di jabatan ini)"
            if len(places) > 1
            else ""
        )
        add(
            "IKI-I012",
            jab,
            places[0][0],
            f"Sumber data {quote(places[0][1])} menyebut unit kerja, bukan dokumen atau data{more}.",
        )


# What an indicator's name opens with when it measures something ("Persentase …"), and the
# words that show it names a thing or an activity instead ("Data …", "Pelaksanaan …").
MEASURE_WORDS = tuple(
    [
        "persentase",
        "presentase",
        "prosentase",
        "jumlah",
        "indeks",
        "rasio",
        "tingkat",
        "nilai",
        "angka",
        "status",
        "capaian",
        "cakupan",
        "proporsi",
        "rata-rata",
        "rerata",
        "predikat",
        "skor",
        "level",
        "laju",
        "banyaknya",
        "total",
        "opini",
        "peringkat",
        "persen",
        "derajat",
    ]
)
NOT_MEASURE_START = frozenset(
    [
        "data",
        "daftar",
        "tersedianya",
        "terlaksananya",
        "tersusunnya",
        "terwujudnya",
        "meningkatnya",
        "menurunnya",
        "pelaksanaan",
        "penyusunan",
        "pengelolaan",
        "penyediaan",
        "kegiatan",
        "dokumen",
        "laporan",
        "program",
        "fasilitasi",
        "koordinasi",
        "pembinaan",
    ]
)
_LONG_MEASURES = tuple(m for m in MEASURE_WORDS if len(m) >= 5)
_DOUBLE_SUM = re.compile(r"[Σ∑]\s*(jumlah|total|banyaknya)\b", re.I)


def _near_measure(word: str) -> bool:
    """A measure word with a typo ("Jumllah", "Presetase")."""
    return len(word) >= 5 and any(
        OSA.distance(word, m, score_cutoff=2) <= 2 for m in _LONG_MEASURES
    )


def not_a_measure(nama: str) -> str | None:
    """The word that shows an indicator's name measures nothing ("Data …", "Tersedianya …",
    "Pelaksanaan …"), or None. A name opening with a measure word (also glued:
    "PersentasePenyandang…") is a measure; so is one with a measure word further on."""
    words = nama.split()
    if not words:
        return None
    first = words[0].casefold()
    if first.startswith(MEASURE_WORDS) or _near_measure(first):
        return None
    if first in NOT_MEASURE_START:
        return words[0]
    if not any(w.casefold().startswith(MEASURE_WORDS) for w in words):
        return words[0]
    return None


def _measure(x: _Indikator, add: Collector) -> None:
    """I016: an indicator whose name is no measure."""
    word = not_a_measure(x.ind.nama)
    if word:
        add(
            "IKI-I016",
            x.jab,
            f"{x.jalur}.nama",
            f"Indikator {x.name} bukan ukuran: diawali '{word}', tanpa Persentase, Jumlah, "
            "Indeks atau ukuran lain.",
        )


def _double_sum(x: _Indikator, add: Collector) -> None:
    """I017: "Σ Jumlah …", a sum written twice."""
    m = _DOUBLE_SUM.search(x.ind.formulasi) if x.has_formula else None
    if m:
        add(
            "IKI-I017",
            x.jab,
            f"{x.jalur}.formulasi",
            f"Dua tanda jumlah di formulasi indikator {x.name}: '{m.group(0)}'.",
            f"Pakai salah satu: '{m.group(0)[0]} …' atau '{m.group(1)} …'.",
        )
