"""Rules across jabatan (IKI-S014, S019–S023): what was copied from one jabatan to another
and not adjusted, and names that do not tell jabatan apart.

Every comparison is bounded: exact copies by a dictionary key, near copies only between
jabatan that share a blocking key (`similarity.Blocks`), unit names looked up word by word.
Validating 300 jabatan costs about three times 100 (benchmarks/bench_validate.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from iki_xl.core import similarity
from iki_xl.core.model import Dokumen, Jabatan
from iki_xl.core.numbers import list_letter
from iki_xl.core.rules.common import Collector, norm, quote

_UNIT_HEAD = re.compile(r"^\s*(?:kepala|ka\.?)\s*", re.I)
_UNIT_TYPES = frozenset({"seksi", "subbagian", "bidang"})
_GLUED_TYPE = re.compile(r"(?<=[a-z])(?=(?:Seksi|Bidang|Subbagian|Sub\b))")
_SUB_BAGIAN = re.compile(r"\bsub\.?\s*bagian\b")
_TYPE_GLUED = re.compile(r"\b(seksi|bidang|subbagian)(?=[a-z])")
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")
_AFTER_UNIT = re.compile(r"\s+dinas\s.*$")
_LETTERS = re.compile(r"[A-Za-z]+")
_NAME_KEY = re.compile(r"[^a-z0-9]")
_STYLE_NAMES = {"UPPER": "HURUF BESAR", "Title": "Huruf Awal Kapital", "lower": "huruf kecil"}


def check_copies(doc: Dokumen, add: Collector) -> None:
    units = Units(doc)
    _copied_tugas(doc, units, add)
    _wrong_unit(doc, units, add)
    _same_name(doc, add)
    _copied_tables(doc, add)
    _mixed_case_names(doc, add)


# ---------------------------------------------------------------- unit names


@lru_cache(maxsize=8192)
def normalize_units(text: str) -> str:
    """Lower case, "Sub. Bagian"/"Sub Bagian" → "subbagian", "Seksikepahlawanan" →
    "seksi kepahlawanan", punctuation to spaces."""
    t = _GLUED_TYPE.sub(" ", text).casefold()
    t = _SUB_BAGIAN.sub("subbagian", t)
    t = _TYPE_GLUED.sub(r"\1 ", t)
    return _SPACE.sub(" ", _PUNCT.sub(" ", t)).strip()


def unit_of(jab: Jabatan) -> str | None:
    """The unit a jabatan heads, normalised ("seksi jaminan sosial"), from its name."""
    t = _AFTER_UNIT.sub("", normalize_units(_UNIT_HEAD.sub("", jab.nama)))
    words = t.split()
    return t if len(words) > 1 and words[0] in _UNIT_TYPES else None


class Units:
    """The units the document's jabatan head, found in a text word by word (the longest
    unit name at each "seksi"/"bidang"/"subbagian"), so a text costs the same however
    many units the Dinas has."""

    def __init__(self, doc: Dokumen) -> None:
        self.of = [unit_of(jab) for jab in doc.jabatan]
        self.names = {u for u in self.of if u}
        self.longest = max((len(u.split()) for u in self.names), default=0)

    def spans(self, words: Sequence[str]) -> Iterator[tuple[int, int, str]]:
        """(start, end, unit) of each unit named in the words, longest first at a place."""
        p = 0
        while p < len(words):
            if words[p] in _UNIT_TYPES:
                for n in range(min(self.longest, len(words) - p), 1, -1):
                    name = " ".join(words[p : p + n])
                    if name in self.names:
                        yield p, p + n, name
                        p += n - 1
                        break
            p += 1

    def masked(self, text: str) -> str:
        """The text normalised, each unit name replaced by the word "unit". A "seksi",
        "bidang" or "subbagian" that names no unit of the document (a unit renamed, or
        its name changed in the copy) is masked with the rest of the text: a copied list
        stays a copy whatever unit its lines name."""
        words = normalize_units(text).split()
        out: list[str] = []
        last = 0
        for start, end, _ in self.spans(words):
            out += [*words[last:start], "unit"]
            last = end
        rest = words[last:]
        loose = next((i for i, w in enumerate(rest) if w in _UNIT_TYPES), None)
        if loose is not None:
            rest = [*rest[:loose], "unit"]
        return " ".join([*out, *rest])


# ---------------------------------------------------------------- S019, S020


def _copied_tugas(doc: Dokumen, units: Units, add: Collector) -> None:
    """S019: a tugas list identical or near-identical to another jabatan's once the names
    of the document's units are masked (a list copied from another Seksi with only the
    Seksi's name changed is still a copy; sibling Seksi share only their boilerplate)."""
    lists = [[units.masked(t) for t in jab.tugas] for jab in doc.jabatan]
    for a, b, m in similarity.similar_lists(lists):
        jab, other = doc.jabatan[b], doc.jabatan[a]
        how = (
            "sama"
            if m.identical
            else f"hampir sama ({m.matched} dari {max(len(lists[a]), len(lists[b]))} butir sama)"
        )
        add(
            "IKI-S019",
            jab,
            f"jabatan[{b}].tugas",
            f"Daftar tugas jabatan ini {how} dengan daftar tugas {quote(other.nama or other.id)}.",
        )


def _allowed_units(doc: Dokumen, units: Units, by_id: dict[str, int], b: int) -> set[str]:
    """The units a jabatan may name: its own and those of its atasan, up the tree."""
    allowed = {u for u in (units.of[b],) if u}
    up, seen = doc.jabatan[b].atasan, set()
    while up and up in by_id and up not in seen:
        seen.add(up)
        u = units.of[by_id[up]]
        if u:
            allowed.add(u)
        up = doc.jabatan[by_id[up]].atasan
    return allowed


def _wrong_unit(doc: Dokumen, units: Units, add: Collector) -> None:
    """S020: a tugas or fungsi item naming a unit of the same kind (seksi, subbagian,
    bidang) as the jabatan's own, but another one: not its own nor one of its atasan's."""
    by_id = {jab.id: a for a, jab in enumerate(doc.jabatan)}
    for b, jab in enumerate(doc.jabatan):
        own = units.of[b]
        if not own:
            continue
        allowed = _allowed_units(doc, units, by_id, b)
        kind = own.split()[0]
        for name in ("tugas", "fungsi"):
            for k, item in enumerate(getattr(jab, name)):
                words = normalize_units(item).split()
                bad = [
                    u for _, _, u in units.spans(words) if u not in allowed and u.startswith(kind)
                ]
                if bad:
                    add(
                        "IKI-S020",
                        jab,
                        f"jabatan[{b}].{name}[{k}]",
                        f"Butir {name} {list_letter(k)} menyebut unit lain: "
                        f"'{bad[0].title()}', bukan '{own.title()}'.",
                        f"Ganti '{bad[0].title()}' dengan unit jabatan ini: '{own.title()}'.",
                    )


# ---------------------------------------------------------------- S021, S023


def _same_name(doc: Dokumen, add: Collector) -> None:
    """S021: two jabatan with the same name once case, spaces and punctuation go; not
    where S003 already reports the same name in the same unit."""
    seen: dict[str, int] = {}
    for b, jab in enumerate(doc.jabatan):
        key = _NAME_KEY.sub("", jab.nama.casefold())
        if not key:
            continue
        if key not in seen:
            seen[key] = b
            continue
        other = doc.jabatan[seen[key]]
        if (norm(jab.nama), norm(jab.unit)) == (norm(other.nama), norm(other.unit)):
            continue  # IKI-S003
        add(
            "IKI-S021",
            jab,
            f"jabatan[{b}].nama",
            f"Nama jabatan {quote(jab.nama)} sama dengan jabatan ke-{seen[key] + 1} "
            f"({quote(other.nama)}).",
        )


def name_style(nama: str) -> str:
    """UPPER, Title or lower: how a jabatan name is written (words of 4 letters or more)."""
    words = [w for w in _LETTERS.findall(nama) if len(w) > 3]
    if not words:
        return "Title"
    if sum(w.isupper() for w in words) >= 0.7 * len(words):
        return "UPPER"
    if sum(w[0].isupper() for w in words) >= 0.7 * len(words):
        return "Title"
    return "lower"


def _mixed_case_names(doc: Dokumen, add: Collector) -> None:
    """S023: a name not in the style of most (at least 60 % of four names or more)."""
    styles = [name_style(jab.nama) for jab in doc.jabatan]
    if len(styles) < 4:
        return
    major, n = Counter(styles).most_common(1)[0]
    if n < 0.6 * len(styles):
        return
    for a, style in enumerate(styles):
        if style != major:
            add(
                "IKI-S023",
                doc.jabatan[a],
                f"jabatan[{a}].nama",
                f"Nama jabatan {quote(doc.jabatan[a].nama)} ditulis dengan "
                f"{_STYLE_NAMES[style]}, jabatan lain dengan {_STYLE_NAMES[major]}.",
                f"Tulis nama jabatan dengan {_STYLE_NAMES[major]} seperti jabatan lain.",
            )


# ---------------------------------------------------------------- S014, S022

Table = tuple[tuple[str, str], ...]


def _exact_key(jab: Jabatan) -> tuple[object, ...]:
    return tuple(
        (
            norm(k.sasaran),
            tuple((norm(i.nama), norm(i.formulasi), norm(i.sumber_data)) for i in k.indikator),
        )
        for k in jab.kinerja
    )


def _close(a: str, b: str) -> bool:
    return (
        a == b
        or fuzz.ratio(a, b, score_cutoff=similarity.LIST_ITEM_RATIO) > 0
        or similarity.word_edits(a, b) <= 1
    )


def _near_copy(a: Table, b: Table) -> bool:
    """The same indicators in order: names and formulas equal, close by characters, or one
    word apart."""
    return len(a) == len(b) and all(
        _close(x[0], y[0]) and _close(x[1], y[1]) for x, y in zip(a, b, strict=True)
    )


def _copied_tables(doc: Dokumen, add: Collector) -> None:
    """S014: a kinerja table identical to another jabatan's; S022: near-identical (one
    indicator's word, case or punctuation changed), compared only with the tables whose
    first indicator shares a blocking key."""
    exact: dict[tuple[object, ...], int] = {}
    blocks = similarity.Blocks()
    tables: dict[int, Table] = {}
    for b, jab in enumerate(doc.jabatan):
        table: Table = tuple(
            (similarity.normalize_item(i.nama), similarity.normalize_item(i.formulasi))
            for _, i in jab.semua_indikator()
        )
        if not table:
            continue
        key = _exact_key(jab)
        keys = [(len(table), k) for k in similarity.near_keys(table[0][0].split())]
        if key in exact:
            other = doc.jabatan[exact[key]]
            add(
                "IKI-S014",
                jab,
                f"jabatan[{b}].kinerja[0].sasaran",
                f"Tabel kinerja jabatan ini sama persis dengan tabel {quote(other.nama or other.id)}.",
            )
        else:
            exact[key] = b
            a = next((a for a in blocks.candidates(keys) if _near_copy(tables[a], table)), None)
            if a is not None:
                other = doc.jabatan[a]
                add(
                    "IKI-S022",
                    jab,
                    f"jabatan[{b}].kinerja",
                    f"Tabel kinerja jabatan ini hampir sama dengan tabel "
                    f"{quote(other.nama or other.id)} ({len(table)} indikator, hanya berbeda "
                    "sedikit).",
                )
        blocks.add(b, keys)
        tables[b] = table
