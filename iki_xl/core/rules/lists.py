"""List rules (IKI-S012, S013, S015–S018): the lettered tugas and fungsi lists of a jabatan.

A list item is one printed letter (a, b, c …). Planners copy lists between jabatan and
reorder them; what goes wrong: a line repeated exactly (S012 tugas, S013 fungsi) or with a
small difference (S018), "Melaksanakan tugas lain …" no longer last (S015), the "; dan" of
the penultimate item left elsewhere (S016), two items run together in one (S017).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from iki_xl.core import similarity
from iki_xl.core.model import Dokumen, Jabatan
from iki_xl.core.numbers import list_letter
from iki_xl.core.rules.common import Collector, is_blank, norm, quote

TUGAS_LAIN = re.compile(r"^\s*(?:melaksanakan|pelaksanaan)\s+(?:tugas|fungsi)\b.*\blain\b", re.I)
_CONNECTOR = re.compile(r"[;,]\s*\b(dan|atau)\s*$", re.I)
_VERB = re.compile(r"^(?:me|mem|men|meng|meny|ber|di)[a-z]{3,}$")
_ACTION_VERB = re.compile(r"^me(?:ny|ng|m|n)?[a-z]{3,}$")
_NOMINAL = re.compile(r"^(?:pe|pem|pen|peng|peny|per|ke)[a-z]{3,}an$")
_INNER_BREAK = re.compile(r"(?:;|\.)\s+([A-Za-z]+)")
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
_LISTS = (("tugas", "IKI-S012"), ("fungsi", "IKI-S013"))


def check_lists(doc: Dokumen, add: Collector) -> None:
    for j, jab in enumerate(doc.jabatan):
        for name, exact_code in _LISTS:
            items: list[str] = getattr(jab, name)
            if not items:
                continue
            p = f"jabatan[{j}].{name}"
            repeated = _exact_repeats(jab, p, name, exact_code, items, add)
            _near_repeats(jab, p, name, items, repeated, add)
            for i in not_last(items):
                add(
                    "IKI-S015",
                    jab,
                    f"{p}[{i}]",
                    f"Butir {name} {list_letter(i)} {quote(items[i], 70)} bukan butir terakhir "
                    f"(daftar ini punya {len(items)} butir).",
                )
            for i in misplaced_dan(items):
                where = "butir terakhir" if i == len(items) - 1 else f"butir {list_letter(i)}"
                add(
                    "IKI-S016",
                    jab,
                    f"{p}[{i}]",
                    f"Kata 'dan' pada {where} daftar {name}, padahal '; dan' hanya menutup "
                    "butir sebelum terakhir.",
                )
            for i in _merged(tuple(items)):
                add(
                    "IKI-S017",
                    jab,
                    f"{p}[{i}]",
                    f"Butir {name} {list_letter(i)} memuat dua butir: {quote(items[i], 70)}.",
                )


def _exact_repeats(
    jab: Jabatan, p: str, name: str, code: str, items: Sequence[str], add: Collector
) -> set[int]:
    """S012/S013: a line repeated as it is (case, spacing and trailing punctuation aside);
    returns the repeated lines' positions."""
    seen: dict[str, int] = {}
    repeated: set[int] = set()
    for t, line in enumerate(items):
        if is_blank(line):
            continue
        key = norm(line)
        if key not in seen:
            seen[key] = t
            continue
        repeated.add(t)
        add(
            code,
            jab,
            f"{p}[{t}]",
            f"Baris {name} {list_letter(t)} sama dengan baris {list_letter(seen[key])}: "
            f"{quote(line)}.",
            f"Hapus baris {name} {list_letter(t)}, atau tulis {name} yang seharusnya.",
        )
    return repeated


def _near_repeats(
    jab: Jabatan, p: str, name: str, items: Sequence[str], repeated: set[int], add: Collector
) -> None:
    """S018: a line that repeats an earlier one with a small difference (similarity.py)."""
    for i, k in similarity.near_duplicate_items(items):
        if k in repeated:
            continue
        add(
            "IKI-S018",
            jab,
            f"{p}[{k}]",
            f"Butir {name} {list_letter(k)} hampir sama dengan butir {list_letter(i)}: "
            f"{quote(items[k], 50)} / {quote(items[i], 50)}.",
            f"Hapus butir {list_letter(k)} atau bedakan isinya dari butir {list_letter(i)}.",
        )


def not_last(items: Sequence[str]) -> list[int]:
    """Positions of "Melaksanakan tugas lain …" items that are not the list's last."""
    return [i for i, t in enumerate(items[:-1]) if TUGAS_LAIN.match(t)]


def misplaced_dan(items: Sequence[str]) -> list[int]:
    """Positions of items ending with the connector "; dan" other than the penultimate one
    (the last item included)."""
    n = len(items)
    return [i for i, t in enumerate(items) if _CONNECTOR.search(t.rstrip()) and i != n - 2]


def _openers(items: Sequence[str]) -> Counter[str]:
    """The first word of every item, lower case: the words that open an item in this list."""
    return Counter(t.split()[0].casefold().strip(",;.") for t in items if t.split())


def _break_inside(body: str, openers: Counter[str]) -> bool:
    """An inner ";" or ". " before a word that opens an item (a verb "melaksanakan", a noun
    "pelaksanaan", a word that opens another item of the list)."""
    for m in _INNER_BREAK.finditer(body):
        w = m.group(1).casefold()
        if w in ("dan", "serta", "atau"):
            continue
        before = body[: m.start()].split()
        if m.group(0).startswith(".") and before and len(before[-1]) <= 4:
            continue  # an abbreviation: "Keg. Penyediaan", "Sub. Bagian"
        if _VERB.match(w) or _NOMINAL.match(w) or openers.get(w, 0) >= 1:
            return True
    return False


def _capital_inside(words: Sequence[str], openers: Counter[str], nominal_list: bool) -> bool:
    """A word that opens an item, capitalised in mid-item without a conjunction before it:
    "… Anak Pelaksanaan …", "… inventaris Menyimpan …". Title Case items are one phrase."""
    long_words = [w for w in words if len(w) > 3]
    title = sum(w[:1].isupper() for w in long_words) >= 0.6 * max(1, len(long_words))
    for k in range(2, len(words)):
        w = words[k]
        lw = w.casefold().strip(",;.")
        if not w[:1].isupper() or w.isupper():
            continue
        prev = words[k - 1].casefold()
        if prev in _JOINERS or prev.endswith(",") or (title and _NOMINAL.match(prev)):
            continue  # "dan Pelaksanaan", Title Case "Pelaporan Pelaksanaan": one phrase
        if openers.get(lw, 0) >= 1:
            return True
        if title:
            continue
        if _ACTION_VERB.match(lw) and lw not in _NOT_VERBS:
            return True
        lower_around = words[k - 1][:1].islower() and (
            k + 1 == len(words) or words[k + 1][:1].islower()
        )
        if nominal_list and lw in FUNGSI_OPENERS and lower_around:
            return True  # "… perpustakaan Pembinaan organisasi …" in a list of nouns
    return False


@lru_cache(maxsize=2048)
def _merged(items: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(merged_items(items))  # lists recur (copied between jabatan)


def merged_items(items: Sequence[str]) -> list[int]:
    """Positions of items that hold two items (see _break_inside, _capital_inside)."""
    openers = _openers(items)
    nominal_list = sum(n for w, n in openers.items() if _NOMINAL.match(w)) > 0.6 * len(items)
    out = []
    for i, t in enumerate(items):
        body = t.rstrip(" ;.,")
        if _break_inside(body, openers) or _capital_inside(body.split(), openers, nominal_list):
            out.append(i)
    return out
