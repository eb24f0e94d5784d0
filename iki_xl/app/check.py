"""Read an input and check it: the one read-and-validate path of the CLI, the submission
and the ribbon macros."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from iki_xl.app.files import check_input, is_workbook
from iki_xl.core.findings import Finding, place, sort_findings
from iki_xl.core.formulasi import complete
from iki_xl.core.model import Dokumen
from iki_xl.core.rules import check
from iki_xl.io import interchange
from iki_xl.io.read.workbook import ReadResult, read_workbook


@dataclass(frozen=True)
class Checked:
    """An input read and validated: its completed document, its findings placed on their
    sheet and cell and sorted for the report, and the workbook's sheet order."""

    dokumen: Dokumen
    findings: list[Finding]
    sheet_order: list[str]


def check_workbook(read: ReadResult) -> Checked:
    """Validate a parsed workbook (from a file or from live Excel's grids): the reader's
    own findings and the rules', placed through the reader's cell map and sorted."""
    doc = complete(read.dokumen)
    findings = place([*read.findings, *check(doc)], read.cells)
    return Checked(doc, sort_findings(findings, read.sheet_order), read.sheet_order)


def load_dokumen(path: Path) -> Dokumen:
    """The document of a workbook or a data file, kinds and components completed, without
    validation (show, export). Unusable input raises `UnusableFile`."""
    check_input(path)
    if is_workbook(path):
        return read_workbook(path).dokumen
    return complete(interchange.load(path))


def check_file(path: Path | str) -> Checked:
    """Read a workbook (.xlsx/.xlsm) or a data file (.yaml/.yml/.json) and validate it,
    read-only. Unusable input raises `UnusableFile`."""
    path = Path(path)
    check_input(path)
    if is_workbook(path):
        return check_workbook(read_workbook(path))
    doc = complete(interchange.load(path))
    return Checked(doc, sort_findings(check(doc)), [])
