"""A new planner workbook from a document: plain .xlsx, or the macro-enabled template
filled with the document (.xlsm: the VBA project, the ribbon and the IKI functions)."""

from __future__ import annotations

from pathlib import Path

from iki_xl.core.model import Dokumen
from iki_xl.io.atomic import write_atomic
from iki_xl.io.write.workbook import workbook_bytes
from iki_xl.template.xlsm import make_template_xlsm


def write_new_workbook(doc: Dokumen, path: Path | str) -> None:
    """Write the workbook atomically; an `.xlsm` path gets the template's VBA and ribbon."""
    path = Path(path)
    if path.suffix.lower() == ".xlsm":
        data = make_template_xlsm(workbook_bytes(doc, for_template=True))
    else:
        data = workbook_bytes(doc)
    write_atomic(path, data)
