"""What changed between two years' IKI (or two versions of one): jabatan added, removed or
renamed; indicators added, removed or reworded; sasaran, formulasi, satuan and targets changed.

A jabatan is the same jabatan when its id is, else when its name is (spacing and case
aside). Within a jabatan an indicator is the same when its name is; of the names left
over, the closest pairs (rapidfuzz, at least REWORDED_RATIO) are one indicator reworded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

from iki_xl.core.model import Dokumen, Indikator, Jabatan, Kinerja, RentangTarget, Target
from iki_xl.core.numbers import format_number

EMPTY = "(kosong)"
REWORDED_RATIO = 60.0  # token_set_ratio of two normalised names: one indicator reworded


class JenisPerubahan(StrEnum):
    JABATAN_BARU = "jabatan baru"
    JABATAN_DIHAPUS = "jabatan dihapus"
    JABATAN_DIUBAH = "nama jabatan diubah"
    INDIKATOR_BARU = "indikator baru"
    INDIKATOR_DIHAPUS = "indikator dihapus"
    INDIKATOR_DIUBAH = "redaksi indikator diubah"
    SASARAN_DIUBAH = "sasaran diubah"
    FORMULASI_DIUBAH = "formulasi diubah"
    SATUAN_DIUBAH = "satuan diubah"
    TARGET_DIUBAH = "target diubah"


@dataclass(frozen=True, slots=True)
class Perubahan:
    jenis: JenisPerubahan
    jabatan: str  # the jabatan's name (the new one, when it has one)
    indikator: str = ""  # the indicator's name (the new one, when it has one)
    lama: str = ""
    baru: str = ""


_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _target(t: Target) -> str:
    if t is None:
        return ""
    if isinstance(t, RentangTarget):
        return f"{format_number(t.bawah)}–{format_number(t.atas)}"
    if isinstance(t, str):
        return t.strip()
    return format_number(t)


def _pair_jabatan(lama: Dokumen, baru: Dokumen) -> list[tuple[Jabatan | None, Jabatan | None]]:
    """(old, new) in the new document's order, then the removed ones."""
    by_id = {j.id: j for j in lama.jabatan if j.id}
    by_name = {_key(j.nama): j for j in lama.jabatan}
    used: set[int] = set()
    pairs: list[tuple[Jabatan | None, Jabatan | None]] = []
    for j in baru.jabatan:
        old = by_id.get(j.id) if j.id else None
        if old is None or id(old) in used:
            old = by_name.get(_key(j.nama))
        if old is not None and id(old) in used:
            old = None
        if old is not None:
            used.add(id(old))
        pairs.append((old, j))
    pairs += [(j, None) for j in lama.jabatan if id(j) not in used]
    return pairs


Item = tuple[Kinerja, Indikator]


def _pair_indikator(old: list[Item], new: list[Item]) -> list[tuple[Item | None, Item | None]]:
    """Same name first (in order), then the closest names left over, then the rest."""
    left = list(range(len(old)))
    matched: dict[int, int] = {}  # new index → old index
    for n, (_, ind) in enumerate(new):
        o = next((o for o in left if _key(old[o][1].nama) == _key(ind.nama)), None)
        if o is not None:
            matched[n] = o
            left.remove(o)
    scores = sorted(
        (
            (fuzz.token_set_ratio(_key(old[o][1].nama), _key(new[n][1].nama)), n, o)
            for n in range(len(new))
            if n not in matched
            for o in left
        ),
        reverse=True,
    )
    for score, n, o in scores:
        if score < REWORDED_RATIO:
            break
        if n not in matched and o in left:
            matched[n] = o
            left.remove(o)
    pairs: list[tuple[Item | None, Item | None]] = [
        (old[matched[n]] if n in matched else None, item) for n, item in enumerate(new)
    ]
    return pairs + [(old[o], None) for o in left]


def _indikator_changes(jabatan: str, old: Item | None, new: Item | None) -> list[Perubahan]:
    if new is None:
        assert old is not None
        return [Perubahan(JenisPerubahan.INDIKATOR_DIHAPUS, jabatan, old[1].nama.strip())]
    (kin, ind) = new
    name = ind.nama.strip()
    if old is None:
        return [Perubahan(JenisPerubahan.INDIKATOR_BARU, jabatan, name, baru=_target(ind.target))]
    (old_kin, old_ind) = old
    out: list[Perubahan] = []

    def differs(kind: JenisPerubahan, a: str, b: str) -> None:
        if _key(a) != _key(b):
            out.append(Perubahan(kind, jabatan, name, a.strip() or EMPTY, b.strip() or EMPTY))

    if old_ind.nama != ind.nama:
        differs(JenisPerubahan.INDIKATOR_DIUBAH, old_ind.nama, ind.nama)
    differs(JenisPerubahan.SASARAN_DIUBAH, old_kin.sasaran, kin.sasaran)
    differs(JenisPerubahan.FORMULASI_DIUBAH, old_ind.formulasi, ind.formulasi)
    differs(JenisPerubahan.SATUAN_DIUBAH, old_ind.satuan, ind.satuan)
    differs(JenisPerubahan.TARGET_DIUBAH, _target(old_ind.target), _target(ind.target))
    return out


def banding(lama: Dokumen, baru: Dokumen) -> list[Perubahan]:
    """Every change from `lama` to `baru`, jabatan in the new document's order."""
    changes: list[Perubahan] = []
    for old, new in _pair_jabatan(lama, baru):
        if new is None:
            assert old is not None
            changes.append(Perubahan(JenisPerubahan.JABATAN_DIHAPUS, old.nama.strip()))
            continue
        name = new.nama.strip()
        if old is None:
            changes.append(Perubahan(JenisPerubahan.JABATAN_BARU, name))
            continue
        if _key(old.nama) != _key(new.nama):
            changes.append(
                Perubahan(JenisPerubahan.JABATAN_DIUBAH, name, lama=old.nama.strip(), baru=name)
            )
        for a, b in _pair_indikator(old.semua_indikator(), new.semua_indikator()):
            changes += _indikator_changes(name, a, b)
    return changes
