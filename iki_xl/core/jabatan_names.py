"""Short forms of jabatan names, as Dinas documents write them (Kasi, Kabid, Rehsos …).

`layout.jabatan_sheet_names` takes the first form that fits a sheet tab and is free.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["SHEET_ABBREVIATIONS", "SHEET_SHORTHAND", "ShortForm", "normal_name", "short_forms"]

# How a jabatan name becomes a short one (a sheet tab holds 31 characters). Always: glued
# words split ("KepalaSeksi"), a name in capitals in title case (acronyms kept), the
# position title as Dinas documents abbreviate it (Kepala Seksi → Kasi, Kepala Bidang →
# Kabid, Kepala Sub Bagian → Kasubag; Kepala Dinas and Sekretaris stay). Then one step at
# a time, for as long as the caller asks for a shorter form: drop the Dinas and region the
# name repeats ("… Dinas Sosial PPPA Kabupaten Sampang") and "(…)" asides, the well-known
# abbreviations below in their order, "dan" → "&", the Dinas Sosial shorthand, and last
# whole words from the end. Words are never cut; no "dan", "serta", "&" or comma is left
# at the end; the title and a functional grade ("Ahli Muda") are never dropped.
_TITLES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), title)
    for pattern, title in (
        (r"^(?:kepala|ka\.?)\s*sub\.?\s*bag(?:ian)?\b\.?|^kasubb?ag\b\.?", "Kasubag"),
        (r"^(?:kepala|ka\.?)\s*sub\.?\s*bid(?:ang)?\b\.?|^kasubb?id\b\.?", "Kasubbid"),
        (r"^(?:kepala|ka\.?)\s*seksi\b|^kasie?\b\.?", "Kasi"),
        (r"^(?:kepala|ka\.?)\s*bid(?:ang)?\b\.?|^kabid\b\.?", "Kabid"),
    )
)
SHEET_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("Lanjut Usia", "Lansia"),
    ("Pemberdayaan Perempuan dan Perlindungan Anak", "PPPA"),
    ("Penyandang Masalah Kesejahteraan Sosial", "PMKS"),
    ("Potensi dan Sumber Kesejahteraan Sosial", "PSKS"),
    ("Pengadaan Barang Jasa", "PBJ"),
    ("Sarana dan Prasarana", "Sarpras"),
    ("Sarana Prasarana", "Sarpras"),
    ("Pendidikan Nonformal", "PNF"),
    ("Peserta Didik dan Pembangunan Karakter", "PDPK"),
    ("Keuangan Pusat dan Daerah", "KPD"),
    ("Sumber Daya Manusia", "SDM"),
    ("Teknologi Informasi dan Komunikasi", "TIK"),
    ("Pendidikan Anak Usia Dini", "PAUD"),
    ("Sekolah Dasar", "SD"),
    ("Sekolah Menengah Pertama", "SMP"),
    ("Pendidik dan Tenaga Kependidikan", "PTK"),
    ("Guru dan Tenaga Kependidikan", "GTK"),
    ("Umum dan Kepegawaian", "Umpeg"),
    ("Perencanaan Evaluasi dan Pelaporan", "PEP"),
    ("Program Evaluasi dan Pelaporan", "PEP"),
    ("Perlindungan Perempuan dan Anak", "PPA"),
    ("Hubungan Masyarakat", "Humas"),
    ("pada Bidang", "Bid."),
    ("pada Seksi", "Seksi"),
    ("pada Sekretariat", "Sekretariat"),
    ("Pengadministrasi", "Pengadm."),
    ("Pelayanan", "Pelay."),
    ("Rehabilitasi", "Rehab."),
    ("Perlindungan", "Perlind."),
    ("Pemberdayaan", "Pemb."),
    ("Kesejahteraan", "Kesej."),
    ("Pengembangan", "Pengemb."),
    ("Kelembagaan", "Kelemb."),
    ("Administrasi", "Adm."),
    ("Kepegawaian", "Kepeg."),
    ("Keuangan", "Keu."),
    ("Perencanaan", "Renc."),
    ("Penyandang", "Peny."),
    ("Pendidikan", "Pend."),
    ("Kebudayaan", "Kebud."),
)
# Dinas Sosial shorthand, after "dan" → "&": the names its own documents use.
SHEET_SHORTHAND: tuple[tuple[str, str], ...] = (
    ("Kepahlawanan Keperintisan dan Kesetiakawanan Sosial", "K3S"),
    ("Kepahlawanan Keperintisan Kesetiakawanan dan Restorasi Sosial", "K2KRS"),
    ("Lembaga Konsultasi Kesejahteraan Keluarga", "LK3"),
    ("Pelayanan dan Rehabilitasi Sosial", "Yanrehsos"),
    ("Perlindungan dan Jaminan Sosial", "Linjamsos"),
    ("Rehabilitasi Sosial", "Rehsos"),
    ("Pemberdayaan Sosial", "Dayasos"),
    ("Perlindungan Sosial", "Linsos"),
    ("Jaminan Sosial", "Jamsos"),
    ("Kesejahteraan Sosial", "Kesos"),
    ("Penanganan Fakir Miskin", "PFM"),
    ("Penyandang Disabilitas", "Disabilitas"),
)
_CONNECTORS = frozenset({"dan", "serta", "atau", "&", "di", "ke", "dari", "pada", "untuk", "yang"})
_GRADES = (("ahli", "pertama"), ("ahli", "muda"), ("ahli", "madya"), ("ahli", "utama"),
           ("pemula",), ("terampil",), ("mahir",), ("penyelia",))  # fmt: skip
_REGION = frozenset({"kabupaten", "kab", "kota", "provinsi", "prov"})
# Short words in capitals that are words, not acronyms (see _is_acronym).
_SHORT_WORDS = frozenset({"SUB", "BAG", "BID", "TIM", "POS", "KAB", "LAB", "BIN"})
_ACRONYMS = frozenset({"PPPA", "PPKB", "UPTD", "PKBM", "SKPD", "OPD", "UPT", "IDG", "KLA"})
_GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z])")
_NOT_WORD = re.compile(r"[^\w&]")


@dataclass(frozen=True)
class _Token:
    """One word of a sheet name as shown, and the full words it stands for."""

    text: str
    words: tuple[str, ...]
    fixed: bool = False  # the title or the grade: never abbreviated or dropped


def _is_acronym(word: str) -> bool:
    core = _NOT_WORD.sub("", word)
    if not core.isalpha() or core in _SHORT_WORDS:
        return False
    vowels = sum(ch in "AEIOU" for ch in core)
    return core in _ACRONYMS or len(core) <= 2 or (len(core) <= 4 and vowels <= 1)


def _title_case(name: str) -> str:
    """A name mostly in capitals, in title case; acronyms stay, connectors go lower case."""
    lettered = [w for w in name.split(" ") if sum(ch.isalpha() for ch in w) >= 2]
    if sum(w == w.upper() for w in lettered) * 2 <= len(lettered):
        return name

    def word(w: str) -> str:
        if w != w.upper():
            return w
        if _NOT_WORD.sub("", w).casefold() in _CONNECTORS:
            return w.lower()
        if _is_acronym(w):
            return w
        return w.capitalize() if w[:1].isalpha() else w[:1] + w[1:].capitalize()

    return " ".join(word(w) for w in name.split(" "))


def normal_name(original: str) -> str:
    """The name with spaces collapsed, glued words split, a name in capitals in title case
    and the position title abbreviated."""
    name = _GLUED.sub(" ", original)
    name = re.sub(r"\s+", " ", name).strip(" '.,;-")
    name = _title_case(name)
    for pattern, title in _TITLES:
        if pattern.search(name):
            name = pattern.sub(title, name, count=1)
            break
    return re.sub(r"\s+", " ", name).strip(" '")


def _tokens(name: str) -> list[_Token]:
    words = name.split(" ")
    canon = [_NOT_WORD.sub("", w).casefold() for w in words]
    head = 0  # the title: "Kasi", "Sekretaris", "Kepala Dinas", "Kepala UPTD" …
    if canon[0] in {"kasi", "kabid", "kasubag", "kasubbid", "sekretaris"}:
        head = 1
    elif canon[0] == "kepala":
        head = min(2, len(words))
    tail = next((len(g) for g in _GRADES if tuple(canon[-len(g) :]) == g), 0)
    tail = min(tail, len(words) - head)
    return [
        _Token(w, (c,) if c else (), fixed=i < head or i >= len(words) - tail)
        for i, (w, c) in enumerate(zip(words, canon, strict=True))
    ]


def _trim(tokens: list[_Token]) -> list[_Token]:
    """No connector, "&" or comma left at the end of the words before the grade."""
    out = list(tokens)
    free = [i for i, t in enumerate(out) if not t.fixed]
    while free and _NOT_WORD.sub("", out[free[-1]].text).casefold() in {"", *_CONNECTORS}:
        del out[free.pop()]
    if free and out[free[-1]].text.endswith((",", ";")):
        t = out[free[-1]]
        out[free[-1]] = _Token(t.text.rstrip(",;"), t.words)
    return out


def _drop_unit(tokens: list[_Token]) -> list[_Token]:
    """Without the region ("Kabupaten Sampang") and, below the head of the Dinas, without
    the Dinas itself ("Kasubag Umum Dinas Sosial PPPA" → "Kasubag Umum")."""
    words = [t.words[0] if t.words else "" for t in tokens]
    cut = len(tokens)
    for i, w in enumerate(words):
        if (w in _REGION and 1 <= i < len(words) - 1) or (w == "dinas" and i >= 2):
            cut = i
            break
    return _trim(tokens[:cut]) if cut < len(tokens) else tokens


def _drop_parentheses(tokens: list[_Token]) -> list[_Token]:
    """Without "(…)" asides, mostly the acronym of the words before them."""
    out: list[_Token] = []
    inside = False
    for t in tokens:
        if not t.fixed and t.text.startswith("("):
            inside = True
        if not inside:
            out.append(t)
        if inside and t.text.endswith(")"):
            inside = False
    return _trim(out) if out and not inside else tokens


def _abbreviate(tokens: list[_Token], phrase: tuple[str, ...], short: str) -> list[_Token]:
    """Every run of free tokens that spells `phrase` (commas ignored) becomes `short`."""
    out: list[_Token] = []
    i = 0
    while i < len(tokens):
        j = i
        words: tuple[str, ...] = ()
        while j < len(tokens) and not tokens[j].fixed and len(words) < len(phrase):
            words += tokens[j].words
            j += 1
        if j > i and words == phrase:
            trailing = tokens[j - 1].text[len(tokens[j - 1].text.rstrip(",;)")) :]
            out.append(_Token(short + trailing, phrase))
            i = j
        else:
            out.append(tokens[i])
            i += 1
    return out


def _ampersand(tokens: list[_Token]) -> list[_Token]:
    return [_Token("&", t.words) if t.words == ("dan",) and not t.fixed else t for t in tokens]


def _drop_last(tokens: list[_Token]) -> list[_Token] | None:
    """Without the last free word (and what it leaves dangling); None when none is left."""
    free = [i for i, t in enumerate(tokens) if not t.fixed]
    if len(free) <= 1:
        return None
    return _trim([t for i, t in enumerate(tokens) if i != free[-1]])


def _join(tokens: list[_Token]) -> str:
    return " ".join(t.text for t in tokens).strip(" '")


Step = Callable[[list[_Token]], list[_Token]]


class ShortForm(NamedTuple):
    text: str
    cut: bool  # words were dropped from the end: it says less than the name


def short_forms(name: str) -> Iterator[ShortForm]:
    """`name` (see `normal_name`), then ever shorter forms of it, most readable first."""
    tokens = _tokens(name)
    yield ShortForm(_join(tokens), cut=False)

    def abbreviations(table: tuple[tuple[str, str], ...]) -> list[Step]:
        return [
            functools.partial(
                _abbreviate,
                phrase=tuple(_NOT_WORD.sub("", w).casefold() for w in phrase.split(" ")),
                short=short,
            )
            for phrase, short in table
        ]

    steps: list[Step] = [
        _drop_unit,
        _drop_parentheses,
        *abbreviations(SHEET_ABBREVIATIONS),
        _ampersand,
        *abbreviations(SHEET_SHORTHAND),
    ]
    for step in steps:
        shorter = step(tokens)
        if shorter != tokens:
            tokens = shorter
            yield ShortForm(_join(tokens), cut=False)
    while (shorter_or_none := _drop_last(tokens)) is not None:
        tokens = shorter_or_none
        yield ShortForm(_join(tokens), cut=True)
