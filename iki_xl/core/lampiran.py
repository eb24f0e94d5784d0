"""The Lampiran: one block per jabatan, in org-chart order, with the four-column table."""

from __future__ import annotations

from dataclasses import dataclass

from iki_xl.core.formulasi import render_formulasi
from iki_xl.core.hierarchy import org_order
from iki_xl.core.model import Dokumen, Indikator, JenisFormula


@dataclass(frozen=True)
class LampiranRow:
    indikator: str
    formulasi: str  # penjelasan (if any) then the formula
    sumber_data: str


@dataclass(frozen=True)
class KinerjaGroup:
    """One kinerja (sasaran) and its indicators; printed with the kinerja cell merged."""

    sasaran: str
    rows: tuple[LampiranRow, ...]  # empty: a kinerja with no indicator (printed empty)


@dataclass(frozen=True)
class LampiranBlock:
    jabatan_id: str
    nama: str
    depth: int
    tugas: tuple[str, ...]
    fungsi: tuple[str, ...]
    kinerja: tuple[KinerjaGroup, ...]


def formulasi_text(ind: Indikator) -> str:
    """The PENJELASAN/FORMULASI PENGHITUNGAN cell of an indicator.

    The formula in Indonesian notation (`render_formulasi`) where the indicator has
    components (or a status scale); otherwise the formulasi text as printed. A penjelasan,
    when there is one, comes first.
    """
    if ind.komponen or (ind.jenis is JenisFormula.STATUS and ind.skala):
        formula = render_formulasi(ind).strip()
    else:
        formula = ind.formulasi.strip()
    penjelasan = ind.penjelasan.strip()
    if penjelasan and formula:
        return f"{penjelasan}\n{formula}"
    return penjelasan or formula


def lampiran_blocks(doc: Dokumen) -> list[LampiranBlock]:
    """One block per jabatan, in org-chart order (the atasan tree depth first)."""
    blocks = []
    for jab, depth in org_order(doc):
        kinerja = tuple(
            KinerjaGroup(
                sasaran=k.sasaran.strip(),
                rows=tuple(
                    LampiranRow(i.nama.strip(), formulasi_text(i), i.sumber_data.strip())
                    for i in k.indikator
                ),
            )
            for k in jab.kinerja
        )
        blocks.append(
            LampiranBlock(
                jabatan_id=jab.id,
                nama=jab.nama.strip(),
                depth=depth,
                tugas=tuple(t.strip() for t in jab.tugas if t.strip()),
                fungsi=tuple(f.strip() for f in jab.fungsi if f.strip()),
                kinerja=kinerja,
            )
        )
    return blocks
