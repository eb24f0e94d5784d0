"""The Lampiran: one block per jabatan with the four-column table, the planner's text as
written.

Every text is the model's text unchanged (the workbook cell it came from): no strip, no
re-rendering. The one cell the Lampiran composes is PENJELASAN/FORMULASI PENGHITUNGAN, which
holds two fields of the workbook: the penjelasan as written, then a line break, then the
formulasi as written (either alone when the other is empty). The structured fraction layout
is an option (`fraction=True`) that only moves the planner's own words onto lines.

Order: the document's order (a workbook's sheet order, which the planner controls by moving
tabs) unless `org_chart=True` asks for the atasan tree (`core.hierarchy.org_order`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from iki_xl.core.hierarchy import org_order
from iki_xl.core.model import Dokumen, Indikator, Jabatan

NO_INDIKATOR = "Belum ada indikator kinerja"  # a jabatan (or kinerja) without indicators
FRACTION_BAR = "―" * 12
# "A / B" or "A / B × 100%" on one line: a divider with spaces around it, once
_DIVIDER = re.compile(r"\s+/\s+")


@dataclass(frozen=True, slots=True)
class LampiranRow:
    indikator: str
    formulasi: str  # the PENJELASAN/FORMULASI PENGHITUNGAN cell (`formulasi_text`)
    sumber_data: str


@dataclass(frozen=True, slots=True)
class KinerjaGroup:
    """One kinerja (sasaran) and its indicators; printed with the kinerja cell merged."""

    sasaran: str
    rows: tuple[LampiranRow, ...]  # empty: a kinerja with no indicator


@dataclass(frozen=True, slots=True)
class LampiranBlock:
    jabatan_id: str
    nama: str
    depth: int  # in the atasan tree (0 in sheet order)
    tugas: tuple[str, ...]
    fungsi: tuple[str, ...]
    kinerja: tuple[KinerjaGroup, ...]

    # Without any indicator the table says NO_INDIKATOR (beside each kinerja, or alone).

    @property
    def has_indikator(self) -> bool:
        return any(k.rows for k in self.kinerja)


def filled(text: str) -> bool:
    """Whether a field holds anything to print (the text itself is printed unchanged)."""
    return bool(text.strip())


def fraction_layout(text: str) -> str:
    """'A / B × 100%' on one line → A, a bar, 'B × 100%' on three lines.

    Only the layout changes: the words on either side of the divider are the planner's own,
    character for character; anything else (several lines, no divider, more than one) is
    returned as written.
    """
    if "\n" in text:
        return text
    parts = _DIVIDER.split(text)
    if len(parts) != 2 or not (parts[0].strip() and parts[1].strip()):
        return text
    return f"{parts[0]}\n{FRACTION_BAR}\n{parts[1]}"


def formulasi_text(ind: Indikator, *, fraction: bool = False) -> str:
    """The PENJELASAN/FORMULASI PENGHITUNGAN cell: penjelasan, a line break, formulasi.

    Both as the workbook holds them; `fraction` lays a one-line "A / B" formulasi out as a
    fraction without changing a word.
    """
    formula = fraction_layout(ind.formulasi) if fraction else ind.formulasi
    parts = [t for t in (ind.penjelasan, formula) if filled(t)]
    return "\n".join(parts)


def _block(jab: Jabatan, depth: int, fraction: bool) -> LampiranBlock:
    kinerja = tuple(
        KinerjaGroup(
            sasaran=k.sasaran,
            rows=tuple(
                LampiranRow(i.nama, formulasi_text(i, fraction=fraction), i.sumber_data)
                for i in k.indikator
            ),
        )
        for k in jab.kinerja
    )
    return LampiranBlock(
        jabatan_id=jab.id,
        nama=jab.nama,
        depth=depth,
        tugas=tuple(t for t in jab.tugas if filled(t)),
        fungsi=tuple(f for f in jab.fungsi if filled(f)),
        kinerja=kinerja,
    )


def jabatan_order(doc: Dokumen, *, org_chart: bool = False) -> list[tuple[Jabatan, int]]:
    """The jabatan as the Lampiran and the Rekap list them, with their depth."""
    if org_chart:
        return org_order(doc)
    return [(j, 0) for j in doc.jabatan]


def lampiran_blocks(
    doc: Dokumen, *, org_chart: bool = False, fraction: bool = False
) -> list[LampiranBlock]:
    """One block per jabatan: sheet order, or org-chart order with `org_chart`."""
    return [_block(j, depth, fraction) for j, depth in jabatan_order(doc, org_chart=org_chart)]
