"""The validation rules: `check(doc)` runs every group on the document and returns every
finding (it never stops at the first). Each finding carries a stable code, a severity, a
message and a saran in Bahasa Indonesia, the jabatan's nama (or the Dinas's, for a finding
on the whole document), and the model path (`jalur`) of the offending field; the workbook
reader's cell map turns the jalur into a sheet and a cell (`findings.place`). The catalogue
of codes is data: `rules.catalogue`.
"""

from __future__ import annotations

from iki_xl.core.findings import Finding
from iki_xl.core.formulasi import complete
from iki_xl.core.model import Dokumen
from iki_xl.core.rules.cascading import check_cascading
from iki_xl.core.rules.common import Collector
from iki_xl.core.rules.copies import check_copies
from iki_xl.core.rules.indikator import check_indikator
from iki_xl.core.rules.language import check_language
from iki_xl.core.rules.lists import check_lists
from iki_xl.core.rules.numbers import check_numbers
from iki_xl.core.rules.structure import check_structure

# (check, the letter of the codes it reports): structure, lists and copies report IKI-S…
GROUP_CHECKS = (
    (check_structure, "S"),
    (check_lists, "S"),
    (check_copies, "S"),
    (check_indikator, "I"),
    (check_numbers, "N"),
    (check_cascading, "C"),
    (check_language, "B"),
)


def check(doc: Dokumen) -> list[Finding]:
    """Every finding of every rule on the document (which is never changed).

    Kinds and components are completed on a copy (`formulasi.complete`) first. Findings
    come in rule order; sort them with `findings.sort_findings` once placed.
    """
    completed = complete(doc)
    add = Collector()
    for group, _letter in GROUP_CHECKS:
        group(completed, add)
    return add.findings
