"""The org chart: jabatan ordered by their atasan tree, depth first, ties in document order."""

from __future__ import annotations

from iki_xl.core.model import Dokumen, Jabatan


def urutan_org(doc: Dokumen) -> list[tuple[Jabatan, int]]:
    """Every jabatan once, with its depth: roots are those whose atasan is empty or unknown.

    Jabatan caught in an atasan cycle are not reachable from a root; they follow at the end
    in document order, at depth 0, so nothing is ever lost from a listing.
    """
    ids = {j.id for j in doc.jabatan}
    anak: dict[str, list[Jabatan]] = {}
    akar: list[Jabatan] = []
    for j in doc.jabatan:
        if j.atasan and j.atasan in ids and j.atasan != j.id:
            anak.setdefault(j.atasan, []).append(j)
        else:
            akar.append(j)
    hasil: list[tuple[Jabatan, int]] = []
    dilihat: set[str] = set()
    # depth first with a stack, not a recursive inner function: that one would form a
    # reference cycle holding the whole document until the cyclic collector runs
    for mulai in [*akar, *doc.jabatan]:
        tumpukan = [(mulai, 0)]
        while tumpukan:
            j, dalam = tumpukan.pop()
            if j.id in dilihat:
                continue
            dilihat.add(j.id)
            hasil.append((j, dalam))
            tumpukan.extend((a, dalam + 1) for a in reversed(anak.get(j.id, [])))
    return hasil


def siklus_atasan(doc: Dokumen) -> list[list[str]]:
    """Each atasan cycle once, as the list of jabatan ids in it."""
    atasan = {j.id: j.atasan for j in doc.jabatan}
    hasil: list[list[str]] = []
    selesai: set[str] = set()
    for mulai in atasan:
        jalur: list[str] = []
        x: str | None = mulai
        while x is not None and x in atasan and x not in selesai and x not in jalur:
            jalur.append(x)
            x = atasan[x]
        if x is not None and x in jalur:
            hasil.append(jalur[jalur.index(x) :])
        selesai.update(jalur)
    return hasil
