"""Synthetic-defect corpus for regression: IKI documents made from the two bundled examples
(Kota Probolinggo, Kabupaten Sampang) with known defects injected, as a planner produces them.

Every document gets defects of every kind where its base allows (a kind needs a target:
a list with "tugas lain" for list_not_last, a "Persentase …" indicator for not_a_measure …),
and a ground truth: (kind, jalur) per injected defect, jalur in pydantic style
("jabatan[3].tugas[5]", "jabatan[2].kinerja[0].indikator[1].formulasi", "jabatan[4].nama").

The bases keep their own real defects (typos, glued words, the Sekretaris' copied table of
Sampang …). They are not listed: each document carries `origin`, the path in its base
document of every path it has, and score.py leaves out a finding that the checker also
reports at the origin in the unmodified base (see score.py).

Usage:  python tests/defects/make_defects.py [--n 220] [--seed 7] [--out DIR]
        (writes DIR/NNN.yaml documents and DIR/truth.json; score.py needs no files)
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from iki_xl.core.model import Dokumen
from iki_xl.core.rules.copies import name_style  # the styles the rule tells apart

ROOT = Path(__file__).resolve().parents[2]
CONTOH = ROOT / "iki_xl" / "data" / "contoh"
BASES = ("probolinggo", "sampang")

KINDS = (
    "truncation",
    "english",
    "typo",
    "baku",
    "spacing",
    "repeated_word",
    "list_not_last",
    "list_dan",
    "merged_items",
    "near_duplicate_item",
    "duplicate_tugas_across",
    "wrong_unit_copy",
    "same_name_jabatan",
    "copied_table",
    "formula_equals_name",
    "not_a_measure",
    "double_sum",
    "abbreviation_repeat",
    "mixed_case_names",
)

# Indonesian → English, as planners mix them in ("Rehabilitasi social", "system informasi")
ENGLISH = {
    "sosial": "social",
    "sistem": "system",
    "kriteria": "criteria",
    "aset": "asset",
    "logistik": "logistic",
    "manajemen": "management",
    "evaluasi": "evaluation",
    "laporan": "report",
    "pelayanan": "service",
    "kualitas": "quality",
    "standar": "standard",
    "informasi": "information",
    "kegiatan": "activity",
    "anggaran": "budget",
    "keluarga": "family",
    "masyarakat": "community",
    "perlindungan": "protection",
    "bantuan": "assistance",
    "korban": "victim",
    "bencana": "disaster",
    "pelatihan": "training",
    "koordinasi": "coordination",
    "pemberdayaan": "empowerment",
    "kebijakan": "policy",
    "perencanaan": "planning",
    "kinerja": "performance",
    "dokumen": "document",
    "fasilitas": "facility",
    "kapasitas": "capacity",
    "analisis": "analysis",
    "administrasi": "administration",
    "rehabilitasi": "rehabilitation",
    "disabilitas": "disability",
    "kemiskinan": "poverty",
    "kesejahteraan": "welfare",
    "keuangan": "finance",
    "organisasi": "organization",
    "pembinaan": "guidance",
    "pengawasan": "supervision",
    "pendampingan": "mentoring",
    "penyusunan": "drafting",
    "peraturan": "regulation",
    "kemitraan": "partnership",
    "pegawai": "employee",
    "pedoman": "guideline",
    "kantor": "office",
    "rapat": "meeting",
    "arsip": "archive",
    "persediaan": "inventory",
    "pengadaan": "procurement",
    "penerima": "recipient",
    "anak": "children",
    "perempuan": "women",
    "kesehatan": "health",
    "pendidikan": "education",
    "pemeliharaan": "maintenance",
}

# standard form → the non-standard forms planners write
BAKU = {
    "risiko": ["resiko"],
    "keterampilan": ["ketrampilan"],
    "perizinan": ["perijinan"],
    "izin": ["ijin"],
    "standar": ["standart"],
    "analisis": ["analisa"],
    "aktivitas": ["aktifitas"],
    "efektivitas": ["efektifitas"],
    "objek": ["obyek"],
    "kualitas": ["kwalitas"],
    "kuantitas": ["kwantitas"],
    "praktik": ["praktek"],
    "sistem": ["sistim"],
    "provinsi": ["propinsi"],
    "jadwal": ["jadual"],
    "mengubah": ["merubah"],
    "teknis": ["tehnis"],
    "teknik": ["tehnik"],
    "yang": ["yg"],
    "mengoordinasikan": ["mengkoordinasikan"],
    "frekuensi": ["frekwensi"],
    "nasihat": ["nasehat"],
    "kerja sama": ["kerjasama"],
    "di mana": ["dimana"],
}

# acronym → its expansion (for "Penyandang PMKS": the P of PMKS is Penyandang)
EXPANSIONS = {
    "PMKS": "Penyandang Masalah Kesejahteraan Sosial",
    "PSKS": "Potensi dan Sumber Kesejahteraan Sosial",
    "PKH": "Program Keluarga Harapan",
    "TMP": "Taman Makam Pahlawan",
    "LKS": "Lembaga Kesejahteraan Sosial",
    "KLA": "Kabupaten Layak Anak",
    "IDG": "Indeks Pemberdayaan Gender",
    "ODHA": "Orang Dengan HIV AIDS",
    "TKSK": "Tenaga Kesejahteraan Sosial Kecamatan",
    "PSM": "Pekerja Sosial Masyarakat",
    "PPRG": "Perencanaan dan Penganggaran yang Responsif Gender",
    "SKPD": "Satuan Kerja Perangkat Daerah",
    "PD": "Perangkat Daerah",
    "TAGANA": "Taruna Siaga Bencana",
    "ABK": "Anak Berkebutuhan Khusus",
}

TUGAS_LAIN = re.compile(r"^\s*(?:melaksanakan|pelaksanaan)\s+(?:tugas|fungsi)\b.*\blain\b", re.I)
ENDS_DAN = re.compile(r"[;,]?\s*\bdan\s*$", re.I)
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Cacat:
    """One injected defect: its kind, where it is, and what was done (for a reader)."""

    kind: str
    jalur: str
    detail: str = ""


@dataclass
class Kasus:
    """One generated document with its ground truth."""

    nama: str  # "042-sampang"
    base: str  # "probolinggo" | "sampang"
    doc: Dokumen
    cacat: list[Cacat]
    origin: dict[str, list[str]]  # path here → paths in the base document


@cache
def load_base(name: str) -> Dokumen:
    """The bundled example `name`, validated by the model."""
    data = yaml.safe_load((CONTOH / f"{name}.yaml").read_text(encoding="utf-8"))
    return Dokumen.model_validate(data)


@lru_cache(maxsize=1)
def pelaksana_templates() -> list[dict[str, Any]]:
    return list(yaml.safe_load((Path(__file__).with_name("pelaksana.yaml")).read_text("utf-8")))


def _kamus() -> Any:
    from iki_xl.core.spelling import kamus

    return kamus()


# ----------------------------------------------------------------------------- text helpers


def follow_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def title_case(text: str) -> str:
    small = {"dan", "atau", "serta", "di", "ke", "dari", "yang", "untuk", "pada", "bagi"}
    out = []
    for i, w in enumerate(text.split(" ")):
        lw = w.lower()
        if w.isupper() and 2 <= len(w) <= 5 and w.isalpha() and lw not in small | {"ka"}:
            out.append(w)  # an acronym: PPPA
        elif i and lw in small:
            out.append(lw)
        else:
            out.append(lw[:1].upper() + lw[1:])
    return " ".join(out)


def restyle(nama: str, style: str) -> str:
    """`nama` written in `style`; acronyms (PPPA) stay in capitals."""
    if style == "UPPER":
        return nama.upper()
    kb = _kamus()
    keep = {
        w
        for w in re.findall(r"[A-Za-z]+", nama)
        if w.isupper() and len(w) >= 2 and not kb.is_indonesian(w)
    }
    t = title_case(nama) if style == "Title" else nama.lower()
    if style != "Title":
        t = t[:1].upper() + t[1:]
    return re.sub(
        r"[A-Za-z]+", lambda m: m.group(0).upper() if m.group(0).upper() in keep else m.group(0), t
    )


def _replace_word(text: str, old: str, new: str, rng: random.Random) -> str | None:
    hits = [m for m in re.finditer(rf"\b{re.escape(old)}\b", text, re.I)]
    if not hits:
        return None
    m = rng.choice(hits)
    return text[: m.start()] + follow_case(m.group(0), new) + text[m.end() :]


def typo_of(word: str, rng: random.Random) -> str | None:
    """A letter swapped, dropped or doubled (never the first letter), not a real word."""
    kb = _kamus()
    for _ in range(20):
        i = rng.randrange(1, len(word) - 1)
        op = rng.choice(("swap", "drop", "double"))
        if op == "swap" and word[i] != word[i + 1]:
            t = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif op == "drop":
            t = word[:i] + word[i + 1 :]
        elif op == "double" and word[i].isalpha():
            t = word[:i] + word[i] + word[i:]
        else:
            continue
        real = kb.is_indonesian(t) or kb.is_english(t) or t.casefold() in kb.baku
        if t.casefold() != word.casefold() and not real:
            return t
    return None


_SWAPS = {
    "dan": "serta",
    "pelaksanaan": "penyelenggaraan",
    "menyusun": "membuat",
    "melaksanakan": "melakukan",
    "kegiatan": "program",
    "laporan": "pelaporan",
    "bahan": "materi",
    "rencana": "perencanaan",
}


def _v_punct(item: str, words: list[str], rng: random.Random) -> str | None:
    core = item.rstrip(";.,: ")
    end = rng.choice(("", ".", ";"))
    t = core.replace(",", "", 1) if "," in core and rng.random() < 0.5 else core
    return t + end if t + end != item else None


def _v_case(item: str, words: list[str], rng: random.Random) -> str | None:
    t = item[:1].swapcase() + item[1:] if rng.random() < 0.5 else title_case(item)
    return t if t != item else None


def _v_drop(item: str, words: list[str], rng: random.Random) -> str | None:
    if len(words) < 6:
        return None
    i = rng.randrange(2, len(words) - 1)  # the first two words name the duty: kept
    around = {w.casefold().strip(",;.") for w in (words[i - 1], words[i + 1])}
    if len(words[i]) > 2 and words[i].isalpha() and len(around) == 2:  # never "x x"
        return " ".join(words[:i] + words[i + 1 :])
    return None


def _v_insert(item: str, words: list[str], rng: random.Random) -> str | None:
    if len(words) < 4:
        return None
    i = rng.randrange(2, len(words) - 1)
    extra = rng.choice(("juga", "Dinas", "terkait", "tersebut", "lainnya"))
    near = {w.casefold().strip(",;.") for w in words[i - 1 : i + 1]}
    return " ".join([*words[:i], extra, *words[i:]]) if extra.casefold() not in near else None


def _v_replace(item: str, words: list[str], rng: random.Random) -> str | None:
    if len(words) < 5:
        return None
    idx = [i for i, w in enumerate(words[:-1]) if i >= 2 and w.lower() in _SWAPS]
    if not idx:
        return None
    i = rng.choice(idx)
    words2 = list(words)
    words2[i] = follow_case(words[i], _SWAPS[words[i].lower()])
    return " ".join(words2)


_VARIANTS: dict[str, Callable[[str, list[str], random.Random], str | None]] = {
    "same": lambda item, words, rng: item,
    "punct": _v_punct,
    "case": _v_case,
    "drop": _v_drop,
    "insert": _v_insert,
    "replace": _v_replace,
}


def variant_of(item: str, rng: random.Random, ops: tuple[str, ...] | None = None) -> str:
    """An item repeated with a small difference: punctuation, case, one word."""
    words = item.split(" ")
    ops = ops or ("same", "punct", "case", "drop", "insert", "replace")
    for _ in range(10):
        t = _VARIANTS[rng.choice(ops)](item, words, rng)
        if t is not None:
            return t
    return item


# ------------------------------------------------------------------------ the draft document


class Draft:
    """A base document as plain data being edited, with the base path of every node
    (keys starting with "_" hold the provenance and are dropped by build())."""

    def __init__(self, base: Dokumen):
        self.d: dict[str, Any] = base.model_dump(mode="python")
        for a, j in enumerate(self.d["jabatan"]):
            p = f"jabatan[{a}]"
            j["_src"] = p
            j["_tugas"] = [[f"{p}.tugas[{b}]"] for b in range(len(j["tugas"]))]
            j["_fungsi"] = [[f"{p}.fungsi[{b}]"] for b in range(len(j["fungsi"]))]
            j["_tugas_own"] = j["_fungsi_own"] = j["_kinerja_own"] = True
            for b, k in enumerate(j["kinerja"]):
                k["_src"] = f"{p}.kinerja[{b}]"
                for c, i in enumerate(k["indikator"]):
                    i["_src"] = f"{p}.kinerja[{b}].indikator[{c}]"
        self.cacat: list[Cacat] = []
        self.touched: set[str] = set()  # text paths already carrying an injected defect
        self.busy: dict[str, set[int]] = {}  # what a jabatan is used for: "nama", "tugas", …

    @property
    def jabatan(self) -> list[dict[str, Any]]:
        return self.d["jabatan"]  # type: ignore[no-any-return]

    def use(self, part: str, *idx: int) -> None:
        for a in idx:
            self.busy.setdefault(part, set()).add(a)

    def free(self, part: str, a: int) -> bool:
        return a not in self.busy.get(part, set())

    def add(self, kind: str, jalur: str, detail: str = "") -> None:
        self.cacat.append(Cacat(kind, jalur, detail))
        self.touched.add(jalur)

    def add_pelaksana(self, tpl: dict[str, Any], style: str) -> None:
        self.jabatan.append(
            {
                "id": f"pelaksana-{len(self.jabatan)}",
                "nama": restyle(tpl["nama"], style),
                "jenis": "Pelaksana",
                "unit": "",
                "atasan": None,
                "tugas": list(tpl["tugas"]),
                "fungsi": [],
                "kinerja": [],
                "_src": None,
                "_tugas": [[] for _ in tpl["tugas"]],
                "_fungsi": [],
                "_tugas_own": True,
                "_fungsi_own": True,
                "_kinerja_own": True,
            }
        )

    def texts(self) -> Iterator[tuple[str, dict[str, Any] | list[str], str | int]]:
        """(jalur, container, key) of every text: container[key] is the string."""
        for a, j in enumerate(self.jabatan):
            p = f"jabatan[{a}]"
            yield f"{p}.nama", j, "nama"
            for f in ("tugas", "fungsi"):
                for b in range(len(j[f])):
                    yield f"{p}.{f}[{b}]", j[f], b
            for b, k in enumerate(j["kinerja"]):
                yield f"{p}.kinerja[{b}].sasaran", k, "sasaran"
                for c, i in enumerate(k["indikator"]):
                    q = f"{p}.kinerja[{b}].indikator[{c}]"
                    for fld in ("nama", "formulasi", "penjelasan", "sumber_data"):
                        yield f"{q}.{fld}", i, fld

    def build(self) -> tuple[Dokumen, dict[str, list[str]]]:
        origin: dict[str, list[str]] = {}
        clean = copy.deepcopy(self.d)
        for a, j in enumerate(self.jabatan):
            _origin_of_jabatan(origin, f"jabatan[{a}]", j)

        def strip(x: Any) -> Any:
            if isinstance(x, dict):
                return {k: strip(v) for k, v in x.items() if not k.startswith("_")}
            if isinstance(x, list):
                return [strip(v) for v in x]
            return x

        return Dokumen.model_validate(strip(clean)), origin


def _origin_of_jabatan(origin: dict[str, list[str]], p: str, j: dict[str, Any]) -> None:
    """The base paths of a drafted jabatan's paths (see Draft.build)."""
    s = j["_src"]
    if s:
        origin[p] = [s]
        origin[f"{p}.nama"] = [f"{s}.nama"]
    for f in ("tugas", "fungsi"):
        if s and j[f"_{f}_own"]:
            origin[f"{p}.{f}"] = [f"{s}.{f}"]
        for b, src in enumerate(j[f"_{f}"]):
            if src:
                origin[f"{p}.{f}[{b}]"] = list(src)
    if s and j["_kinerja_own"]:
        origin[f"{p}.kinerja"] = [f"{s}.kinerja"]
    for b, k in enumerate(j["kinerja"]):
        if k.get("_src"):
            origin[f"{p}.kinerja[{b}]"] = [k["_src"]]
            origin[f"{p}.kinerja[{b}].sasaran"] = [k["_src"] + ".sasaran"]
        for c, i in enumerate(k["indikator"]):
            if i.get("_src"):
                q = f"{p}.kinerja[{b}].indikator[{c}]"
                origin[q] = [i["_src"]]
                for fld in ("nama", "formulasi", "penjelasan", "sumber_data"):
                    also = i.get("_also", {}).get(fld, [])
                    origin[f"{q}.{fld}"] = [f"{i['_src']}.{x}" for x in (fld, *also)]


# ------------------------------------------------------------------------------- unit names

_HEAD = re.compile(r"^\s*(?:kepala|ka\.?)\s*(?=\S)", re.I)
_TYPE = re.compile(r"^(seksi|sub\.?\s*bagian|subbagian|bidang)\b\.?\s*", re.I)


def unit_phrase(j: dict[str, Any], dinas_words: int = 0) -> str | None:
    """The unit a jabatan heads, from its name: "Seksi Jaminan Sosial" for
    "KepalaSeksi Jaminan Sosial.", "Bidang Rehabilitasi Sosial" for "Ka. BIDANG
    REHABILITASI SOSIAL DINAS SOSIAL PPPA KABUPATEN SAMPANG"."""
    t = _HEAD.sub("", j["nama"]).strip().rstrip(".")
    t = re.sub(r"\s+DINAS\s+.*$", "", t, flags=re.I)
    m = _TYPE.match(t)
    if not m:
        return None
    kind = re.sub(r"[.\s]", "", m.group(1).lower())
    rest = t[m.end() :].strip()
    if not rest:
        return None
    return f"{_TYPE_NAMES[kind]} {rest}"


_TYPE_NAMES = {"subbagian": "Subbagian", "seksi": "Seksi", "bidang": "Bidang"}


def _unit(j: dict[str, Any]) -> str | None:
    p = unit_phrase(j)
    return p.replace("  ", " ") if p else None


def _unit_pattern(phrase: str) -> re.Pattern[str]:
    kind, rest = phrase.split(" ", 1)
    kinds = {"Seksi": r"seksi", "Subbagian": r"sub\.?\s*bagian", "Bidang": r"bidang"}[kind]
    words = [re.escape(w) for w in re.findall(r"[A-Za-z]+", rest)]
    return re.compile(kinds + r"\s*" + r"[\s,.]+".join(words), re.I)


# -------------------------------------------------------------------------------- injections
# Each takes the draft and a random generator, injects one defect and records it; returns
# False when the document has no target for it.

Injection = Callable[[Draft, random.Random], bool]


def _list_targets(dr: Draft, part: str, min_len: int = 4) -> list[tuple[int, str]]:
    out = []
    for a, j in enumerate(dr.jabatan):
        for f in ("tugas", "fungsi"):
            if len(j[f]) >= min_len and dr.free(part, a) and dr.free("list", a):
                out.append((a, f))
    return out


def inj_list_not_last(dr: Draft, rng: random.Random) -> bool:
    cands = [(a, f) for a, f in _list_targets(dr, "list") if TUGAS_LAIN.match(dr.jabatan[a][f][-1])]
    if not cands:
        return False
    a, f = rng.choice(cands)
    j = dr.jabatan[a]
    items, src = j[f], j[f"_{f}"]
    n = len(items)
    last, last_src = items.pop(), src.pop()
    # the "; dan" moves with the list's new end, as a planner reordering would leave it
    for b in range(len(items)):
        if ENDS_DAN.search(items[b]):
            items[b] = ENDS_DAN.sub("", items[b]).rstrip(" ;,") + ";"
    k = rng.randrange(1, n - 2)
    items.insert(k, last.rstrip(".") + ";")
    src.insert(k, last_src)
    items[-1] = items[-1].rstrip(" ;,.") + "."
    items[-2] = items[-2].rstrip(" ;,.") + "; dan"
    dr.use("list", a)
    dr.add("list_not_last", f"jabatan[{a}].{f}[{k}]", "tugas lain dipindah ke tengah")
    return True


def inj_list_dan(dr: Draft, rng: random.Random) -> bool:
    cands = _list_targets(dr, "list")
    if not cands:
        return False
    a, f = rng.choice(cands)
    items = dr.jabatan[a][f]
    n = len(items)
    had = [b for b in range(n) if ENDS_DAN.search(items[b])]
    for b in had:
        items[b] = ENDS_DAN.sub("", items[b]).rstrip(" ;,") + ";"
    if rng.random() < 0.3:
        k = n - 1  # the last item ends with "dan"
        items[k] = items[k].rstrip(" ;,.") + "; dan"
        if n >= 2:  # and the penultimate keeps its "dan" when it had one
            for b in had:
                if b == n - 2:
                    items[b] = items[b].rstrip(" ;,") + "; dan"
    else:
        k = rng.randrange(0, n - 2)  # "dan" with more than one item after it
        items[k] = items[k].rstrip(" ;,.") + "; dan"
    dr.use("list", a)
    dr.add("list_dan", f"jabatan[{a}].{f}[{k}]", "'dan' bukan pada butir sebelum terakhir")
    return True


def inj_merged_items(dr: Draft, rng: random.Random) -> bool:
    cands = _list_targets(dr, "list", 5)
    if not cands:
        return False
    a, f = rng.choice(cands)
    j = dr.jabatan[a]
    items, src = j[f], j[f"_{f}"]
    k = rng.randrange(0, len(items) - 3)
    first, second = items[k], items[k + 1]
    sep = rng.choice(("; ", ". ", " "))
    core = first.rstrip(" ;,.")
    if sep == ". " or sep == " ":
        second = second[:1].upper() + second[1:]
    items[k] = core + sep + second
    src[k] = src[k] + src[k + 1]
    del items[k + 1], src[k + 1]
    dr.use("list", a)
    dr.add(
        "merged_items", f"jabatan[{a}].{f}[{k}]", f"dua butir digabung ({sep.strip() or 'spasi'})"
    )
    return True


def inj_near_duplicate_item(dr: Draft, rng: random.Random) -> bool:
    cands = _list_targets(dr, "list")
    if not cands:
        return False
    a, f = rng.choice(cands)
    j = dr.jabatan[a]
    items, src = j[f], j[f"_{f}"]
    n = len(items)
    i = rng.randrange(0, n - 2)
    text = ENDS_DAN.sub("", items[i]).rstrip(" ;,") + ";"
    if TUGAS_LAIN.match(text) or len(text.split()) < 5:
        return False
    dup = variant_of(text, rng)
    p = rng.randrange(i + 1, n - 1)
    items.insert(p, dup)
    src.insert(p, list(src[i]))
    dr.use("list", a)
    dr.add("near_duplicate_item", f"jabatan[{a}].{f}[{p}]", f"ulang butir {i}")
    return True


def _copied_items(
    ja: dict[str, Any], jb: dict[str, Any], by_id: dict[str, dict[str, Any]]
) -> list[str] | None:
    """ja's tugas as a planner copies them to jb: the unit names fixed, its own and its
    atasan's; None when a name cannot be fixed cleanly."""
    items = list(ja["tugas"])
    ok = True
    for xa, xb in ((ja, jb), (by_id.get(ja["atasan"] or ""), by_id.get(jb["atasan"] or ""))):
        ua = _unit(xa) if xa else None
        ub = _unit(xb) if xb else None
        if not ua:
            continue
        if not ub or ua.split()[0] != ub.split()[0]:
            ok = ok and not any(_unit_pattern(ua).search(x) for x in items)
            continue
        items = [_unit_pattern(ua).sub(ub, x) for x in items]
        rest = re.findall(r"[A-Za-z]+", ua.split(" ", 1)[1])
        if any(_unit_pattern(ua).search(x) for x in items) or (
            len(rest) >= 2
            and any(re.search(r"\s+".join(rest[-2:]), x, re.I) for x in items)
            and not re.search(r"\s+".join(rest[-2:]), ub, re.I)
        ):
            ok = False
    return items if ok else None


def inj_duplicate_tugas_across(dr: Draft, rng: random.Random) -> bool:
    js = dr.jabatan
    pairs = []
    for a, ja in enumerate(js):
        if len(ja["tugas"]) < 4 or not dr.free("cross", a):
            continue
        for b in range(a + 1, len(js)):
            if dr.free("cross", b) and dr.free("list", b):
                pairs.append((a, b))
    rng.shuffle(pairs)
    by_id = {j["id"]: j for j in js}
    for a, b in pairs:
        ja, jb = js[a], js[b]
        items = _copied_items(ja, jb, by_id)
        if items is None:
            continue
        src = [list(s) for s in ja["_tugas"]]
        mode = rng.random()
        if mode < 0.35 and len(items) >= 5:  # near-identical: one or two items changed
            for k in rng.sample(range(len(items) - 1), rng.choice((1, 1, 2))):
                items[k] = variant_of(items[k], rng, ("punct", "drop", "insert", "replace"))
        jb["tugas"], jb["_tugas"], jb["_tugas_own"] = items, src, False
        dr.use("cross", a, b)
        dr.use("list", a, b)
        dr.use("nama", a, b)
        dr.add("duplicate_tugas_across", f"jabatan[{b}].tugas", f"salinan tugas jabatan[{a}]")
        return True
    return False


def inj_wrong_unit_copy(dr: Draft, rng: random.Random) -> bool:
    js = dr.jabatan
    units = {a: _unit(j) for a, j in enumerate(js)}
    pairs = [
        (a, b)
        for a in units
        for b in units
        if a != b
        and units[a]
        and units[b]
        and units[a].split()[0] == units[b].split()[0]
        and dr.free("cross", b)
        and dr.free("list", b)
    ]
    rng.shuffle(pairs)
    for a, b in pairs:
        ua, ub = units[a], units[b]
        assert ua and ub
        if _unit_pattern(ub).search(ua) or _unit_pattern(ua).search(ub):
            continue  # one unit's name holds the other's
        jb = js[b]
        pat_b = _unit_pattern(ub)
        for f in ("tugas", "fungsi"):
            own = [k for k, x in enumerate(jb[f]) if pat_b.search(x)]
            if own:
                k = rng.choice(own)
                jb[f][k] = pat_b.sub(ua, jb[f][k], count=1)
                break
        else:
            f = "tugas"
            k = max(0, len(jb[f]) - 1)
            line = f"Menyusun laporan pelaksanaan program dan kegiatan {ua};"
            jb[f].insert(
                k, line[:1].lower() + line[1:] if jb[f] and jb[f][0][:1].islower() else line
            )
            jb[f"_{f}"].insert(k, [])
        dr.use("cross", b)
        dr.use("list", b)
        dr.use("nama", a, b)
        dr.add("wrong_unit_copy", f"jabatan[{b}].{f}[{k}]", f"menyebut unit jabatan[{a}]")
        return True
    return False


def inj_same_name_jabatan(dr: Draft, rng: random.Random) -> bool:
    js = dr.jabatan
    major = Counter(name_style(j["nama"]) for j in js).most_common(1)[0][0]
    pairs = [
        (a, b)
        for a in range(len(js))
        for b in range(a + 1, len(js))
        if dr.free("nama", a) and dr.free("nama", b) and name_style(js[a]["nama"]) == major
    ]
    if not pairs:
        return False
    a, b = rng.choice(pairs)
    nama = js[a]["nama"]
    if rng.random() < 0.3:
        nama = nama.rstrip(".") if nama.endswith(".") else nama + "."
    js[b]["nama"] = nama
    dr.use("nama", a, b)
    dr.add("same_name_jabatan", f"jabatan[{b}].nama", f"nama sama dengan jabatan[{a}]")
    return True


def inj_copied_table(dr: Draft, rng: random.Random) -> bool:
    js = dr.jabatan
    pairs = [
        (a, b)
        for a in range(len(js))
        for b in range(a + 1, len(js))
        if any(k["indikator"] for k in js[a]["kinerja"])
        and dr.free("kinerja", a)
        and dr.free("kinerja", b)
        and js[a]["kinerja"] != js[b]["kinerja"]
    ]
    if not pairs:
        return False
    a, b = rng.choice(pairs)
    table = copy.deepcopy(js[a]["kinerja"])
    if rng.random() < 0.3:  # near-identical: one indicator's sumber data or a word changed
        inds = [i for k in table for i in k["indikator"]]
        i = rng.choice(inds)
        if rng.random() < 0.5:
            i["sumber_data"] = rng.choice(("Dokumen laporan kegiatan", "Laporan bulanan"))
        else:
            i["nama"] = variant_of(i["nama"], rng, ("punct", "case", "drop", "insert"))
    js[b]["kinerja"], js[b]["_kinerja_own"] = table, False
    dr.use("kinerja", a, b)
    dr.add("copied_table", f"jabatan[{b}].kinerja", f"salinan tabel jabatan[{a}]")
    return True


def _indicators(dr: Draft) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for a, j in enumerate(dr.jabatan):
        if not dr.free("kinerja", a):
            continue
        for b, k in enumerate(j["kinerja"]):
            for c, i in enumerate(k["indikator"]):
                q = f"jabatan[{a}].kinerja[{b}].indikator[{c}]"
                if f"{q}.nama" not in dr.touched and f"{q}.formulasi" not in dr.touched:
                    out.append((q, i))
    return out


def inj_formula_equals_name(dr: Draft, rng: random.Random) -> bool:
    cands = _indicators(dr)
    if not cands:
        return False
    q, i = rng.choice(cands)
    text = variant_of(i["nama"].rstrip("."), rng, ("same", "punct", "case", "drop", "insert"))
    label = "Formulasi Penghitungan :\n" if rng.random() < 0.4 else ""
    i["formulasi"] = label + text
    i.setdefault("_also", {})["formulasi"] = ["nama"]
    dr.add("formula_equals_name", f"{q}.formulasi", "formulasi = nama indikator")
    dr.touched.add(f"{q}.nama")
    return True


_MEASURE = re.compile(r"^\s*(persentase|presentase|prosentase|jumlah|indeks|status)\b\s*", re.I)


def inj_not_a_measure(dr: Draft, rng: random.Random) -> bool:
    cands = [(q, i) for q, i in _indicators(dr) if _MEASURE.match(i["nama"])]
    if not cands:
        return False
    q, i = rng.choice(cands)
    rest = _MEASURE.sub("", i["nama"])
    lead = rng.choice(("Data ", "Data ", "Tersedianya data ", "Daftar "))
    i["nama"] = lead + rest
    dr.add("not_a_measure", f"{q}.nama", f"'{lead.strip()}' bukan ukuran")
    dr.touched.add(f"{q}.formulasi")
    return True


def inj_double_sum(dr: Draft, rng: random.Random) -> bool:
    cands = []
    for q, i in _indicators(dr):
        f = i["formulasi"]
        if re.search(r"[Σ∑]\s*jumlah", f, re.I):
            continue
        if re.search(r"^\s*jumlah\b", f, re.I | re.M) or re.search(r"[Σ∑]\s*(?!jumlah)\w", f, re.I):
            cands.append((q, i))
    if not cands:
        return False
    q, i = rng.choice(cands)
    f = i["formulasi"]
    m = re.search(r"([Σ∑])\s*(?=\w)", f)
    if m and rng.random() < 0.6:
        f = f[: m.end()] + "Jumlah " + f[m.end() :]
    else:
        mark = rng.choice(("Σ ", "∑ "))
        f = re.sub(
            r"^(\s*)(jumlah\b)",
            lambda x: x.group(1) + mark + x.group(2),
            f,
            count=1,
            flags=re.I | re.M,
        )
    if f == i["formulasi"]:
        return False
    i["formulasi"] = f
    dr.add("double_sum", f"{q}.formulasi", "'Σ Jumlah'")
    dr.touched.add(f"{q}.nama")
    return True


def _free_texts(dr: Draft, fields: tuple[str, ...] = ()) -> list[tuple[str, Any, Any]]:
    out = []
    for jalur, cont, key in dr.texts():
        a = int(jalur[8 : jalur.index("]")])
        if jalur in dr.touched:
            continue
        part = (
            "nama"
            if jalur.endswith("].nama") and ".kinerja" not in jalur
            else ("kinerja" if ".kinerja" in jalur else "list")
        )
        if not dr.free(part, a) or (part == "list" and not dr.free("cross", a)):
            continue
        if fields and not any(jalur.endswith(f) or f"].{f}[" in jalur for f in fields):
            continue
        text = cont[key]
        if isinstance(text, str) and len(text.split()) >= 3:
            out.append((jalur, cont, key))
    return out


def inj_abbreviation_repeat(dr: Draft, rng: random.Random) -> bool:
    cands = []
    for jalur, cont, key in _free_texts(dr):
        for acr, exp in EXPANSIONS.items():
            first = exp.split()[0]
            for m in re.finditer(rf"(?<![(\w]){acr}\b", cont[key]):
                before = cont[key][: m.start()].split()
                if not before or before[-1].casefold() != first.casefold():
                    cands.append((jalur, cont, key, m.start(), first))
    if not cands:
        return False
    jalur, cont, key, pos, first = rng.choice(cands)
    t = cont[key]
    cont[key] = t[:pos] + first + " " + t[pos:]
    dr.add("abbreviation_repeat", jalur, f"'{first}' sebelum singkatannya")
    return True


def inj_mixed_case_names(dr: Draft, rng: random.Random) -> bool:
    js = dr.jabatan
    styles = Counter(name_style(j["nama"]) for j in js)
    major = styles.most_common(1)[0][0]
    cands = [a for a, j in enumerate(js) if dr.free("nama", a) and name_style(j["nama"]) == major]
    if len(js) < 5 or not cands:
        return False
    a = rng.choice(cands)
    other = rng.choice([s for s in ("UPPER", "Title", "lower") if s != major])
    js[a]["nama"] = restyle(js[a]["nama"], other)
    if name_style(js[a]["nama"]) == major:
        return False
    dr.use("nama", a)
    dr.add("mixed_case_names", f"jabatan[{a}].nama", f"{other} di antara {major}")
    return True


_TRUNC_AFTER = ("dan", "serta", "yang", "untuk", "dengan", "dalam", "bagi", "pada", "oleh")


def inj_truncation(dr: Draft, rng: random.Random) -> bool:
    cands = [
        c
        for c in _free_texts(dr)
        if (len(c[1][c[2]].split()) >= 6 and not c[0].endswith(".nama"))
        or (c[0].endswith("indikator[0].nama") and len(c[1][c[2]].split()) >= 6)
    ]
    rng.shuffle(cands)
    for jalur, cont, key in cands:
        text = cont[key]
        lines = text.split("\n")
        li = (
            max(range(len(lines)), key=lambda x: len(lines[x]))
            if "formulasi" in jalur
            else len(lines) - 1
        )
        line = lines[li]
        words = line.split(" ")
        mode = rng.choice(("word", "word", "comma", "sesuai", "paren"))
        cut = None
        if mode == "sesuai" and re.search(r"\bsesuai dengan\b", line):
            cut = line[: re.search(r"\bsesuai dengan\b", line).end()]  # type: ignore[union-attr]
        elif mode == "comma":
            commas = [m.start() for m in re.finditer(r",\s", line) if m.start() > 10]
            if commas:
                cut = line[: rng.choice(commas) + 1]
        elif mode == "paren" and "(" not in line and len(words) >= 8:
            k = rng.randrange(3, len(words) - 3)
            cut = " ".join([*words[:k], "(" + words[k], *words[k + 1 : k + 2]])
        if cut is None:
            idx = [
                k
                for k, w in enumerate(words[:-2])
                if k >= 2 and w.lower() in _TRUNC_AFTER and not re.search(r"[;,]$", words[k - 1])
            ]
            if not idx:
                continue
            k = rng.choice(idx)
            cut = " ".join(words[: k + 1])
        if cut.rstrip() == line.rstrip(" ;.") or len(cut.split()) < 3:
            continue
        if jalur.endswith("]") and rng.random() < 0.3 and not cut.endswith((",", "(")):
            cut += ";"  # a list item keeps its semicolon
        lines = [*lines[:li], cut]
        cont[key] = "\n".join(lines)
        dr.add("truncation", jalur, f"terpotong: …{cut[-25:]}")
        return True
    return False


def inj_english(dr: Draft, rng: random.Random) -> bool:
    cands = []
    for jalur, cont, key in _free_texts(dr):
        for idw, en in ENGLISH.items():
            if re.search(rf"\b{idw}\b", cont[key], re.I) and not jalur.endswith("sumber_data"):
                cands.append((jalur, cont, key, idw, en))
    if not cands:
        return False
    jalur, cont, key, idw, en = rng.choice(cands)
    new = _replace_word(cont[key], idw, en, rng)
    if new is None:
        return False
    cont[key] = new
    dr.add("english", jalur, f"{idw} → {en}")
    return True


def inj_baku(dr: Draft, rng: random.Random) -> bool:
    cands = []
    for jalur, cont, key in _free_texts(dr):
        for std, bad in BAKU.items():
            if re.search(rf"\b{std}\b", cont[key], re.I):
                cands.append((jalur, cont, key, std, rng.choice(bad)))
    if not cands:
        return False
    jalur, cont, key, std, bad = rng.choice(cands)
    new = _replace_word(cont[key], std, bad, rng)
    if new is None:
        return False
    cont[key] = new
    dr.add("baku", jalur, f"{std} → {bad}")
    return True


def inj_typo(dr: Draft, rng: random.Random) -> bool:
    kb = _kamus()
    cands = _free_texts(dr)
    rng.shuffle(cands)
    for jalur, cont, key in cands:
        text = cont[key]
        words = [
            m
            for m in re.finditer(r"(?<![\w-])[A-Za-z]{5,}(?![\w-])", text)
            if not m.group(0).isupper() and kb.is_indonesian(m.group(0))
        ]
        if not words:
            continue
        m = rng.choice(words)
        t = typo_of(m.group(0), rng)
        if t is None:
            continue
        cont[key] = text[: m.start()] + t + text[m.end() :]
        dr.add("typo", jalur, f"{m.group(0)} → {t}")
        return True
    return False


def inj_spacing(dr: Draft, rng: random.Random) -> bool:
    cands = _free_texts(dr)
    rng.shuffle(cands)
    for jalur, cont, key in cands:
        text = cont[key]
        ops = []
        if re.search(r"[A-Za-z]/[A-Za-z]", text):
            ops.append("slash")
        if re.search(r"\w\.$", text):
            ops.append("dots")
        if re.search(r"\w, \w", text):
            ops += ["nospace", "spacebefore"]
        m0 = re.match(r"([A-Za-z]+) ([a-z]+)\b", text)
        if m0 and not re.match(r"(me|di|ber|ter|pe|ke)", m0.group(2)):
            ops.append("stray")
        if not ops:
            continue
        op = rng.choice(ops)
        if op == "slash":
            m = rng.choice(list(re.finditer(r"(?<=[A-Za-z])/(?=[A-Za-z])", text)))
            new = text[: m.start()] + rng.choice(("/ ", " /")) + text[m.end() :]
        elif op == "dots":
            new = text + "."
        elif op == "nospace":
            m = rng.choice(list(re.finditer(r"(?<=\w), (?=\w)", text)))
            new = text[: m.start()] + "," + text[m.end() :]
        elif op == "spacebefore":
            m = rng.choice(list(re.finditer(r"(?<=\w), (?=\w)", text)))
            new = text[: m.start()] + " , " + text[m.end() :]
        else:
            assert m0
            new = text[: m0.end(1)] + "," + text[m0.end(1) :]
        cont[key] = new
        dr.add("spacing", jalur, op)
        return True
    return False


def inj_repeated_word(dr: Draft, rng: random.Random) -> bool:
    cands = _free_texts(dr)
    rng.shuffle(cands)
    for jalur, cont, key in cands:
        text = cont[key]
        words = [m for m in re.finditer(r"(?<![\w-])[A-Za-z]{3,}(?![\w-])", text)]
        if len(words) < 3:
            continue
        m = rng.choice(words[1:-1])
        cont[key] = text[: m.end()] + " " + m.group(0).lower() + text[m.end() :]
        dr.add("repeated_word", jalur, m.group(0))
        return True
    return False


# cross-jabatan and list kinds first (they move items), then indicator and text kinds
ORDER: tuple[tuple[str, Injection], ...] = (
    ("duplicate_tugas_across", inj_duplicate_tugas_across),
    ("wrong_unit_copy", inj_wrong_unit_copy),
    ("copied_table", inj_copied_table),
    ("same_name_jabatan", inj_same_name_jabatan),
    ("mixed_case_names", inj_mixed_case_names),
    ("list_not_last", inj_list_not_last),
    ("list_dan", inj_list_dan),
    ("merged_items", inj_merged_items),
    ("near_duplicate_item", inj_near_duplicate_item),
    ("formula_equals_name", inj_formula_equals_name),
    ("not_a_measure", inj_not_a_measure),
    ("double_sum", inj_double_sum),
    ("abbreviation_repeat", inj_abbreviation_repeat),
    ("truncation", inj_truncation),
    ("english", inj_english),
    ("baku", inj_baku),
    ("typo", inj_typo),
    ("spacing", inj_spacing),
    ("repeated_word", inj_repeated_word),
)
# how many of each text kind one document gets (drawn from this range)
REPEAT = {
    "truncation": (1, 2),
    "english": (1, 2),
    "typo": (1, 3),
    "baku": (1, 2),
    "spacing": (1, 2),
    "repeated_word": (1, 1),
}


def make_case(index: int, seed: int) -> Kasus:
    """Document `index` of the corpus made with `seed` (deterministic)."""
    rng = random.Random(f"{seed}:{index}")
    base = BASES[index % 2] if index % 5 else BASES[0]
    doc = load_base(base)
    dr = Draft(doc)
    style = Counter(name_style(j.nama) for j in doc.jabatan).most_common(1)[0][0]
    for tpl in rng.sample(pelaksana_templates(), rng.randint(2, 4)):
        dr.add_pelaksana(tpl, style)
    for kind, fn in ORDER:
        lo, hi = REPEAT.get(kind, (1, 1))
        for _ in range(rng.randint(lo, hi)):
            for _attempt in range(3):
                if fn(dr, rng):
                    break
    built, origin = dr.build()
    return Kasus(f"{index:03d}-{base}", base, built, dr.cacat, origin)


def make_corpus(n: int = 220, seed: int = 7) -> list[Kasus]:
    """`n` documents (at least 200 for the issue's corpus), the same for the same seed."""
    return [make_case(i, seed) for i in range(n)]


def main() -> int:
    ap = argparse.ArgumentParser(description="Write the synthetic-defect corpus")
    ap.add_argument("--n", type=int, default=220)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=Path("out/defects"))
    args = ap.parse_args()
    corpus = make_corpus(args.n, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for k in corpus:
        data = k.doc.model_dump(mode="json", exclude_defaults=True)
        (args.out / f"{k.nama}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        truth[k.nama] = {"base": k.base, "cacat": [asdict(c) for c in k.cacat]}
    (args.out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False), "utf-8")
    counts = Counter(c.kind for k in corpus for c in k.cacat)
    every = sum(1 for k in corpus if {c.kind for c in k.cacat} >= set(KINDS))
    print(f"{len(corpus)} documents in {args.out}; {every} carry every kind")
    for kind in KINDS:
        print(f"  {kind:24} {counts[kind]:5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
