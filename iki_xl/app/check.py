"""Read an input and check it: the one read-and-validate path of the CLI, the submission
and the ribbon macros."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from iki_xl.app.files import check_input, is_workbook
from iki_xl.core.findings import Finding, Severity, place, sort_findings
from iki_xl.core.formulasi import complete
from iki_xl.core.limits import TEXT_TOO_LONG, text_limits
from iki_xl.core.model import Dokumen
from iki_xl.core.rules import check
from iki_xl.errors import UnusableFile
from iki_xl.io import interchange
from iki_xl.io.read import cell_map as M
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
    findings = place([*read.findings, *text_limits(doc), *check(doc)], read.cells)
    return Checked(doc, sort_findings(findings, read.sheet_order), read.sheet_order)


def load_dokumen(path: Path) -> Dokumen:
    """The document of a workbook or a data file, kinds and components completed, without
    validation (show, export). Unusable input raises `UnusableFile`."""
    return load_dokumen_and_losses(path)[0]


def incomplete(findings: Iterable[Finding]) -> list[Finding]:
    """The galat that mean part of the input is missing from what was read, or cannot go
    into a cell whole: an unreadable sheet or column, a value the model refused, a text
    over Excel's cell limit (some of the reader's IKI-X… codes). Nothing may vanish unnamed:
    every command that shows or writes the document names these and exits 1."""
    return [f for f in findings if f.severity is Severity.GALAT and f.code in _LOST]


# reading galat that leave something out: an unreadable sheet, a column not found, a value
# the model refused, a text over the cell limit
_LOST = frozenset({M.SHEET, M.MISSING_COLUMN, M.MODEL, TEXT_TOO_LONG})


def load_dokumen_and_losses(path: Path) -> tuple[Dokumen, list[Finding]]:
    """`load_dokumen` and the `incomplete` galat of reading it (placed, sorted). Texts
    over Excel's cell limit are not among them: show and export keep them whole."""
    check_input(path)
    if is_workbook(path):
        read = read_workbook(path)
        losses = place(incomplete(read.findings), read.cells)
        return complete(read.dokumen), sort_findings(losses, read.sheet_order)
    return complete(interchange.load(path)), []


def lost_lines(findings: Iterable[Finding]) -> list[str]:
    """The `incomplete` galat, one line each: where (sheet!cell, else the jalur), what."""
    return [f"{_where(f)}: {f.message}" for f in incomplete(findings)]


def _where(f: Finding) -> str:
    return f"{f.sheet}!{f.cell}" if f.sheet else (f.jalur or "-")


def load_whole(path: Path) -> Dokumen:
    """`load_dokumen` for commands whose result would silently lack what was not read (the
    next year's IKI, a comparison): any `incomplete` galat refuses the file, naming it."""
    doc, losses = load_dokumen_and_losses(path)
    if losses:
        more = f" (dan {len(losses) - 1} lainnya)" if len(losses) > 1 else ""
        raise UnusableFile(
            f"{path}: tidak terbaca utuh — {lost_lines(losses)[0]}{more}; perbaiki dulu "
            f"(iki-xl validate {path.name})"
        )
    return doc


def check_file(path: Path | str) -> Checked:
    """Read a workbook (.xlsx/.xlsm) or a data file (.yaml/.yml/.json) and validate it,
    read-only. Unusable input raises `UnusableFile`."""
    path = Path(path)
    check_input(path)
    if is_workbook(path):
        return check_workbook(read_workbook(path))
    doc = complete(interchange.load(path))
    return Checked(doc, sort_findings([*text_limits(doc), *check(doc)]), [])
