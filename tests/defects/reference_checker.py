"""A reference checker for the synthetic-defect corpus: one small pure heuristic per kind,
each with its message (pesan) and fix (saran) in the planner's words.

It proves the corpus is scorable and shows what the spelling and similarity modules reach;
the lead ports these heuristics into the real rule modules. Entry point: check(doc).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from iki_xl.core import similarity as sim
from iki_xl.core.model import Dokumen, Jabatan
from iki_xl.core.spelling import document_misspellings, document_texts


@dataclass(frozen=True, slots=True)
class Temuan:
    """One finding: kind (the corpus' kind names), jalur, message and fix."""

    kind: str
    jalur: str
    pesan: str
    saran: str


# ---------------------------------------------------------------------------- truncation

TRAILING_WORDS = frozenset(
    [
        "dan",
        "serta",
        "atau",
        "yang",
        "untuk",
        "dengan",
        "dalam",
        "bagi",
        "pada",
        "oleh",
        "di",
        "ke",
        "dari",
        "terhadap",
        "sesuai",
        "meliputi",
        "antara",
        "maupun",
        "baik",
        "sebagai",
        "pasca",
        "para",
        "adalah",
        "yaitu",
        "berupa",
        "melalui",
        "tentang",
        "karena",
        "agar",
        "sehingga",
    ]
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def truncated(text: str) -> str | None:
    """Why `text` looks cut off, or None: it ends with a comma, with a conjunction or
    preposition ("dan", "serta", "sesuai dengan", "yang"), or leaves a parenthesis open.
    A list connector ("…; dan") is not a truncation (see list_dan). Each line of a formula
    is tested on its own."""
    for line in text.splitlines():
        t = line.strip()
        if not t or t.endswith(":"):
            continue
        core = t.rstrip(";. ")
        if core.endswith(","):
            return "berakhir dengan koma"
        if t.count("(") > t.count(")"):
            return "kurung '(' tidak ditutup"
        m = _LAST_WORD.search(core)
        if m and core.endswith(m.group(1)) and m.group(1).casefold() in TRAILING_WORDS:
            word = m.group(1)
            before = core[: m.start()].rstrip()
            if word.casefold() in ("dan", "atau") and before.endswith((";", ",")):
                continue  # "…; dan": the list's connector
            if word.casefold() == "dengan" and before.casefold().endswith("sesuai"):
                return "berakhir dengan 'sesuai dengan'"
            return f"berakhir dengan '{word}'"
    return None


def check_truncation(jalur: str, text: str) -> Temuan | None:
    why = truncated(text)
    if why is None:
        return None
    return Temuan("truncation", jalur, f"Teks terpotong: {why}", "Lengkapi kalimat yang terpotong.")


# --------------------------------------------------------------------------- list structure

TUGAS_LAIN = re.compile(r"^\s*(?:melaksanakan|pelaksanaan)\s+(?:tugas|fungsi)\b.*\blain\b", re.I)
_CONNECTOR = re.compile(r"[;,]\s*\b(dan|atau)\s*$", re.I)


def list_not_last(items: Sequence[str]) -> list[int]:
    """Indices of "Melaksanakan tugas lain …" items that are not the list's last."""
    return [i for i, t in enumerate(items[:-1]) if TUGAS_LAIN.match(t)]


def list_dan(items: Sequence[str]) -> list[int]:
    """Indices of items ending with the connector "; dan" that are not the penultimate item
    (the last item included)."""
    n = len(items)
    return [i for i, t in enumerate(items) if _CONNECTOR.search(t.rstrip()) and i != n - 2]


_VERB = re.compile(r"^(?:me|mem|men|meng|meny|ber|di)[a-z]{3,}$")
# nouns that open a fungsi item ("pelaksanaan …", "pembinaan …")
FUNGSI_OPENERS = frozenset(
    [
        "perumusan",
        "pelaksanaan",
        "pengelolaan",
        "pembinaan",
        "pengoordinasian",
        "penyusunan",
        "pengawasan",
        "pemberian",
        "penyelenggaraan",
        "pengendalian",
        "pelaporan",
        "pemantauan",
        "penyiapan",
        "perencanaan",
        "pengembangan",
        "penetapan",
        "pengkoordinasian",
        "fasilitasi",
        "koordinasi",
        "evaluasi",
    ]
)
_JOINERS = frozenset(
    ["dan", "serta", "atau", "oleh", "dengan", "untuk", "bagi", "pada", "di", "ke", "dari", "yang"]
)
_NOT_VERBS = frozenset(
    ["menteri", "metode", "media", "mekanisme", "memorandum", "mental", "merah", "meja", "menu"]
)
_NOMINAL = re.compile(r"^(?:pe|pem|pen|peng|peny|per|ke)[a-z]{3,}an$")


def merged_items(items: Sequence[str]) -> list[int]:
    """Indices of items that hold two items: an inner ";" or ". " before a word that opens
    an item (a verb "melaksanakan", a noun "pelaksanaan", or a word that opens another item
    of the list), or such a word capitalised in mid-item without a conjunction before it."""
    openers = Counter(t.split()[0].casefold().strip(",;.") for t in items if t.split())
    nominal_list = sum(n for w, n in openers.items() if _NOMINAL.match(w)) > 0.6 * len(items)
    out = []
    for i, t in enumerate(items):
        body = t.rstrip(" ;.,")
        found = False
        for m in re.finditer(r"(?:;|\.)\s+([A-Za-z]+)", body):
            w = m.group(1).casefold()
            if w in ("dan", "serta", "atau"):
                continue
            before = body[: m.start()].split()
            if m.group(0).startswith(".") and before and len(before[-1]) <= 4:
                continue  # an abbreviation: "Keg. Penyediaan", "Sub. Bagian"
            if _VERB.match(w) or _NOMINAL.match(w) or openers.get(w, 0) >= 1:
                found = True
                break
        words = body.split()
        long_words = [w for w in words if len(w) > 3]
        title = sum(w[:1].isupper() for w in long_words) >= 0.6 * max(1, len(long_words))
        for k in range(2, len(words)):
            if found:
                break
            w = words[k]
            lw = w.casefold().strip(",;.")
            if not w[:1].isupper() or w.isupper():
                continue
            prev = words[k - 1].casefold()
            if prev in _JOINERS or prev.endswith(",") or (title and _NOMINAL.match(prev)):
                continue  # "dan Pelaksanaan", Title Case "Pelaporan Pelaksanaan": one phrase
            if openers.get(lw, 0) >= 1:
                found = True  # a word that opens another item: "… Anak Pelaksanaan …"
            elif (
                not title and re.match(r"^me(?:ny|ng|m|n)?[a-z]{3,}$", lw) and lw not in _NOT_VERBS
            ):
                found = True  # "… inventaris Menyimpan …": a capitalised action verb
            elif (
                not title
                and nominal_list
                and lw in FUNGSI_OPENERS
                and words[k - 1][:1].islower()
                and (k + 1 == len(words) or words[k + 1][:1].islower())
            ):
                found = True  # "… perpustakaan Pembinaan organisasi …" in a list of nouns
        if found:
            out.append(i)
    return out


def near_duplicate_items(items: Sequence[str]) -> list[tuple[int, int]]:
    """(earlier, later) pairs of items repeated with small differences (similarity.py)."""
    return sim.near_duplicate_items(items)


def check_lists(doc: Dokumen) -> list[Temuan]:
    out = []
    for a, j in enumerate(doc.jabatan):
        for f in ("tugas", "fungsi"):
            items = getattr(j, f)
            p = f"jabatan[{a}].{f}"
            for i in list_not_last(items):
                out.append(
                    Temuan(
                        "list_not_last",
                        f"{p}[{i}]",
                        f"Butir '{items[i][:40]}…' bukan butir terakhir",
                        "Pindahkan butir tugas lain ke urutan terakhir.",
                    )
                )
            for i in list_dan(items):
                out.append(
                    Temuan(
                        "list_dan",
                        f"{p}[{i}]",
                        "Kata 'dan' pada butir yang bukan sebelum terakhir",
                        "Letakkan '; dan' hanya pada butir sebelum terakhir.",
                    )
                )
            for i in merged_items(items):
                out.append(
                    Temuan(
                        "merged_items",
                        f"{p}[{i}]",
                        "Dua butir tergabung dalam satu butir",
                        "Pisahkan menjadi dua butir.",
                    )
                )
            for i, k in near_duplicate_items(items):
                out.append(
                    Temuan(
                        "near_duplicate_item",
                        f"{p}[{k}]",
                        f"Butir mengulang butir ke-{i + 1} (hampir sama)",
                        "Hapus salah satu atau bedakan isinya.",
                    )
                )
    return out


# ---------------------------------------------------------------------------- across jabatan


def masked_tugas(doc: Dokumen) -> list[list[str]]:
    """Every jabatan's tugas, normalised, with the names of the document's units masked."""
    units = sorted({u for j in doc.jabatan if (u := unit_of(j))}, key=len, reverse=True)

    def mask(item: str) -> str:
        t = f" {normalize_units(item)} "
        for u in units:
            t = t.replace(f" {u} ", " unit ")
        return t.strip()

    return [[mask(x) for x in j.tugas] for j in doc.jabatan]


def duplicate_tugas_across(doc: Dokumen) -> list[tuple[int, int]]:
    """(earlier, later) jabatan whose tugas lists are identical or near-identical once the
    names of the document's units are masked (a list copied from another Seksi with only
    the Seksi's name changed is still a copy; sibling Seksi share only their boilerplate)."""
    return [(i, k) for i, k, _ in sim.similar_lists(masked_tugas(doc))]


_UNIT_HEAD = re.compile(r"^\s*(?:kepala|ka\.?)\s*", re.I)
_UNIT_TYPES = ("seksi", "subbagian", "bidang")


def normalize_units(text: str) -> str:
    """Lower case, "Sub. Bagian"/"Sub Bagian" → "subbagian", "Seksikepahlawanan" →
    "seksi kepahlawanan", punctuation to spaces."""
    t = re.sub(r"(?<=[a-z])(?=(?:Seksi|Bidang|Subbagian|Sub\b))", " ", text).casefold()
    t = re.sub(r"\bsub\.?\s*bagian\b", "subbagian", t)
    t = re.sub(r"\b(seksi|bidang|subbagian)(?=[a-z])", r"\1 ", t)
    t = re.sub(r"[^\w\s]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def unit_of(j: Jabatan) -> str | None:
    """The unit a jabatan heads, normalised ("seksi jaminan sosial"), from its name."""
    t = normalize_units(_UNIT_HEAD.sub("", j.nama))
    t = re.sub(r"\s+dinas\s.*$", "", t)
    if t.split()[:1] and t.split()[0] in _UNIT_TYPES and len(t.split()) > 1:
        return t
    return None


def wrong_unit_items(doc: Dokumen) -> list[tuple[int, str, int, str]]:
    """(jabatan, list, item, unit) for items naming a unit of the same kind (seksi,
    subbagian, bidang) as the jabatan's own unit but another one, that is neither its own
    nor one of its atasan's."""
    units = {a: unit_of(j) for a, j in enumerate(doc.jabatan)}
    by_id = {j.id: a for a, j in enumerate(doc.jabatan)}
    out = []
    for b, j in enumerate(doc.jabatan):
        own = units[b]
        if not own:
            continue
        allowed = {own}
        up, seen = j.atasan, set()
        while up and up in by_id and up not in seen:
            seen.add(up)
            u = units[by_id[up]]
            if u:
                allowed.add(u)
            up = doc.jabatan[by_id[up]].atasan
        kind = own.split()[0]
        for f in ("tugas", "fungsi"):
            for k, item in enumerate(getattr(j, f)):
                t = f" {normalize_units(item)} "
                spans = []
                for u in set(units.values()) - {None}:
                    assert u
                    for m in re.finditer(re.escape(f" {u} "), t):
                        spans.append((m.start(), m.end(), u))
                # keep the longest mention at each place ("… sosial anak dan lanjut usia")
                spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
                keep = [
                    s
                    for s in spans
                    if not any(
                        o is not s
                        and o[0] <= s[0]
                        and s[1] <= o[1]
                        and (o[1] - o[0]) > (s[1] - s[0])
                        for o in spans
                    )
                ]
                bad = [u for _, _, u in keep if u not in allowed and u.split()[0] == kind]
                if bad:
                    out.append((b, f, k, bad[0]))
    return out


def same_name_jabatan(doc: Dokumen) -> list[tuple[int, int]]:
    """(earlier, later) jabatan with the same name once case, spaces and punctuation go."""
    seen: dict[str, int] = {}
    out = []
    for a, j in enumerate(doc.jabatan):
        key = re.sub(r"[^a-z0-9]", "", j.nama.casefold())
        if not key:
            continue
        if key in seen:
            out.append((seen[key], a))
        else:
            seen[key] = a
    return out


def _table(j: Jabatan) -> list[tuple[str, str]]:
    return [
        (sim.normalize_item(i.nama), sim.normalize_item(i.formulasi))
        for _, i in j.semua_indikator()
    ]


def _close(a: str, b: str) -> bool:
    return a == b or fuzz.ratio(a, b) >= sim.LIST_ITEM_RATIO or sim.word_edits(a, b) <= 1


def copied_tables(doc: Dokumen) -> list[tuple[int, int]]:
    """(earlier, later) jabatan whose kinerja tables carry the same indicators, in order:
    names and formulas equal, at similarity.LIST_ITEM_RATIO and above, or one word apart."""
    tables = [_table(j) for j in doc.jabatan]
    out = []
    for b in range(1, len(tables)):
        tb = tables[b]
        if not tb:
            continue
        for a in range(b):
            ta = tables[a]
            if len(ta) != len(tb):
                continue
            if all(_close(x[0], y[0]) and _close(x[1], y[1]) for x, y in zip(ta, tb, strict=True)):
                out.append((a, b))
                break
    return out


def name_style(nama: str) -> str:
    """UPPER, Title or lower: how a jabatan name is written (words of 4 letters or more)."""
    words = [w for w in re.findall(r"[A-Za-z]+", nama) if len(w) > 3]
    if not words:
        return "Title"
    if sum(w.isupper() for w in words) >= 0.7 * len(words):
        return "UPPER"
    if sum(w[0].isupper() for w in words) >= 0.7 * len(words):
        return "Title"
    return "lower"


def mixed_case_names(doc: Dokumen) -> list[tuple[int, str, str]]:
    """(jabatan, its style, the document's style) for names not in the style of most."""
    styles = [name_style(j.nama) for j in doc.jabatan]
    if len(styles) < 4:
        return []
    major, n = Counter(styles).most_common(1)[0]
    if n < 0.6 * len(styles):
        return []
    return [(a, s, major) for a, s in enumerate(styles) if s != major]


def check_across(doc: Dokumen) -> list[Temuan]:
    js = doc.jabatan
    out = []
    for a, b in duplicate_tugas_across(doc):
        out.append(
            Temuan(
                "duplicate_tugas_across",
                f"jabatan[{b}].tugas",
                f"Daftar tugas sama/hampir sama dengan jabatan '{js[a].nama}'",
                "Susun tugas sesuai jabatan ini.",
            )
        )
    for b, f, k, u in wrong_unit_items(doc):
        own = unit_of(js[b]) or ""
        out.append(
            Temuan(
                "wrong_unit_copy",
                f"jabatan[{b}].{f}[{k}]",
                f"Butir menyebut unit lain: '{u.title()}'",
                f"Ganti dengan unit jabatan ini: '{own.title()}'.",
            )
        )
    for a, b in same_name_jabatan(doc):
        out.append(
            Temuan(
                "same_name_jabatan",
                f"jabatan[{b}].nama",
                f"Nama jabatan sama dengan jabatan ke-{a + 1} ('{js[a].nama}')",
                "Bedakan nama jabatan, mis. dengan menyebut unitnya.",
            )
        )
    for a, b in copied_tables(doc):
        out.append(
            Temuan(
                "copied_table",
                f"jabatan[{b}].kinerja",
                f"Tabel kinerja sama dengan jabatan '{js[a].nama}'",
                "Susun kinerja dan indikator sendiri untuk jabatan ini.",
            )
        )
    for a, s, major in mixed_case_names(doc):
        out.append(
            Temuan(
                "mixed_case_names",
                f"jabatan[{a}].nama",
                f"Gaya huruf nama jabatan ({s}) berbeda dari yang lain ({major})",
                "Samakan gaya penulisan nama jabatan.",
            )
        )
    return out


# ---------------------------------------------------------------------------- indicators

MEASURE_WORDS = (
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


def not_a_measure(nama: str) -> str | None:
    """The word that shows an indicator's name measures nothing ("Data …", "Tersedianya …",
    "Pelaksanaan …"), or None. A name opening with a measure word (also glued:
    "PersentasePenyandang…") is a measure."""
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


def _near_measure(word: str) -> bool:
    """A measure word with a typo ("Jumllah", "Presetase")."""
    from rapidfuzz.distance import OSA

    return len(word) >= 5 and any(OSA.distance(word, m) <= 2 for m in MEASURE_WORDS if len(m) >= 5)


_DOUBLE_SUM = re.compile(r"[Σ∑]\s*(jumlah|total|banyaknya)\b", re.I)


def double_sum(formulasi: str) -> str | None:
    """The text of a sum written twice ("Σ Jumlah"), or None."""
    m = _DOUBLE_SUM.search(formulasi)
    return m.group(0) if m else None


@lru_cache(maxsize=1)
def known_expansions() -> dict[str, str]:
    raw = resources.files("iki_xl").joinpath("data", "ejaan", "singkatan.tsv").read_text("utf-8")
    out = {}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            acr, exp = line.split("\t")
            out[acr] = exp
    return out


_STOP = {"dan", "yang", "dengan", "di", "ke", "dari", "non"}


def document_expansions(texts: Iterable[str]) -> dict[str, str]:
    """Acronyms the document itself expands: "Lembaga Kesejahteraan Sosial (LKS)"."""
    out = dict(known_expansions())
    for text in texts:
        for m in re.finditer(r"((?:[A-Za-z]+\s+){1,8})\(\s*([A-Z]{2,7})\s*\)", text):
            words = [w for w in m.group(1).split() if w.casefold() not in _STOP]
            acr = m.group(2)
            tail = words[-len(acr) :] if len(words) >= len(acr) else []
            if tail and "".join(w[0] for w in tail).upper() == acr:
                out.setdefault(acr, " ".join(tail))
    return out


def abbreviation_repeats(text: str, expansions: dict[str, str]) -> list[tuple[str, str]]:
    """(acronym, word) where an acronym stands next to a word its own letters stand for:
    "Penyandang PMKS", "Indeks IDG"."""
    out = []
    for m in re.finditer(r"\b([A-Z]{2,7})\b", text):
        acr = m.group(1)
        exp = expansions.get(acr)
        if not exp:
            continue
        before = text[: m.start()]
        if before.rstrip().endswith("("):
            continue
        prev = re.findall(r"[A-Za-z]+", before[-40:])
        after = re.findall(r"[A-Za-z]+", text[m.end() : m.end() + 40])
        first, last = exp.split()[0].casefold(), exp.split()[-1].casefold()
        if prev and prev[-1].casefold() == first and not before.rstrip().endswith(")"):
            out.append((acr, prev[-1]))
        elif after and after[0].casefold() == last and not text[m.end() :].lstrip().startswith(")"):
            out.append((acr, after[0]))
    return out


def check_indicators(doc: Dokumen) -> list[Temuan]:
    out = []
    for a, j in enumerate(doc.jabatan):
        for b, k in enumerate(j.kinerja):
            for c, i in enumerate(k.indikator):
                q = f"jabatan[{a}].kinerja[{b}].indikator[{c}]"
                if sim.formula_equals_name(i.nama, i.formulasi):
                    out.append(
                        Temuan(
                            "formula_equals_name",
                            f"{q}.formulasi",
                            "Formulasi hanya mengulang nama indikator",
                            "Tuliskan cara menghitungnya (pembilang/penyebut atau Σ).",
                        )
                    )
                w = not_a_measure(i.nama)
                if w:
                    out.append(
                        Temuan(
                            "not_a_measure",
                            f"{q}.nama",
                            f"Indikator bukan ukuran: diawali '{w}'",
                            "Awali dengan ukuran (Persentase, Jumlah, Indeks …) "
                            "atas subjek yang dapat dihitung.",
                        )
                    )
                s = double_sum(i.formulasi)
                if s:
                    out.append(
                        Temuan(
                            "double_sum",
                            f"{q}.formulasi",
                            f"Dua tanda jumlah: '{s}'",
                            "Pakai salah satu: 'Σ …' atau 'Jumlah …'.",
                        )
                    )
    return out


# ---------------------------------------------------------------------------- all together

SPELLING_KINDS = {"typo", "english", "baku", "spacing", "repeated_word", "glued"}


def check(doc: Dokumen) -> list[Temuan]:
    """Every finding of the reference heuristics on `doc`."""
    out: list[Temuan] = []
    texts = list(document_texts(doc))
    for jalur, m in document_misspellings(doc):
        out.append(Temuan(m.kind, jalur, m.message, m.saran))
    for jalur, text in texts:
        t = check_truncation(jalur, text)
        if t:
            out.append(t)
    expansions = document_expansions(t for _, t in texts)
    for jalur, text in texts:
        for acr, w in abbreviation_repeats(text, expansions):
            out.append(
                Temuan(
                    "abbreviation_repeat",
                    jalur,
                    f"Singkatan '{acr}' mengulang kata '{w}' dari kepanjangannya "
                    f"('{expansions[acr]}')",
                    f"Hapus '{w}' atau tulis kepanjangannya saja.",
                )
            )
    out += check_lists(doc)
    out += check_across(doc)
    out += check_indicators(doc)
    return out
