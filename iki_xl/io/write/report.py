"""The "Hasil Validasi" report: counts by severity, counts per rule, then one row per
finding, galat first (`findings.sort_findings`).

`report_grid()` gives the whole sheet as one rectangular grid, for the xlwings macro to
write back in one block (a hyperlink is a `=HYPERLINK(…)` formula in the grid).
`write_report()` writes the same sheet to a separate .xlsx with XlsxWriter (the CLI's
`validate --report OUT.xlsx`); there the link points into the validated workbook.
`cell_notes()` groups the findings per cell for the macro's fill-and-note marks.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from iki_xl.core.findings import (
    Finding,
    Severity,
    count_by_rule,
    count_by_severity,
    sort_findings,
)
from iki_xl.core.rules.catalogue import RULES
from iki_xl.io.atomic import temporary_path
from iki_xl.io.text_height import text_height
from iki_xl.io.write.cells import Formats, write_text
from iki_xl.layout import quote_sheet

TITLE = "Hasil Validasi"
SHEET = "Hasil Validasi"
REPORT_COLUMNS = ("Kode", "Keparahan", "Jabatan", "Lokasi", "Pesan", "Saran")
REPORT_WIDTHS = (11, 12, 34, 30, 70, 70)
SEVERITY_LABELS = {
    Severity.GALAT: "Galat",
    Severity.PERINGATAN: "Peringatan",
    Severity.INFO: "Info",
}
SEVERITY_COLORS = {
    Severity.GALAT: "#F8CBAD",  # red-orange
    Severity.PERINGATAN: "#FFE699",  # amber
    Severity.INFO: "#DDEBF7",  # light blue
}
# Rows of the grid (0-based): title, three count rows, a blank row, the counts per rule
# (a header row, one row per rule), a blank row, the findings' header, the findings.
COUNT_ROW = 1
RULES_ROW = 5
RULE_COLUMNS = ("Kode", "Keparahan", "Jumlah", "Aturan")
FREEZE_MAX = 15
READER_RULE = "Isian workbook yang tidak dapat dibaca sebagaimana mestinya"

GridCell = str | int
SheetOrder = Mapping[str, int] | Sequence[str] | None


def location(f: Finding) -> str:
    """Where the finding is, as the planner reads it: Sheet!C12, or the model path."""
    if f.sheet and f.cell:
        return f"{f.sheet}!{f.cell}"
    return f.sheet or f.jalur


def link_target(f: Finding, workbook: str = "") -> str:
    """Hyperlink target of a finding's cell ('' when it has none): '#'Sheet'!C12', or
    'book.xlsx#'Sheet'!C12' into another workbook."""
    if not (f.sheet and f.cell):
        return ""
    return f"{workbook}#{quote_sheet(f.sheet)}!{f.cell}"


def safe_text(s: str) -> str:
    """Text written through xlwings stays text even when it starts with '=', '+', '-' or '@'."""
    return "'" + s if s.startswith(("=", "+", "@")) or (s.startswith("-") and len(s) > 1) else s


def _hyperlink_formula(target: str, label: str) -> str:
    def quoted(s: str) -> str:
        return '"' + s.replace('"', '""') + '"'

    return f"=HYPERLINK({quoted(target)},{quoted(label)})"


def severity_counts(findings: Iterable[Finding]) -> list[tuple[str, int]]:
    """(label, count) for Galat, Peringatan, Info."""
    counts = count_by_severity(findings)
    return [(SEVERITY_LABELS[s], counts[s]) for s in Severity]


def rule_counts(findings: Iterable[Finding]) -> list[tuple[str, Severity, int, str]]:
    """(code, severity, count, what the rule finds) per rule, worst and most frequent first;
    the reader's own codes (IKI-X…) are not in the catalogue."""
    return [
        (code, severity, n, RULES[code].title if code in RULES else READER_RULE)
        for code, severity, n in count_by_rule(findings)
    ]


def header_row(findings: Iterable[Finding]) -> int:
    """The row (0-based) of the findings' header: below the counts per rule."""
    return RULES_ROW + 1 + len({f.code for f in findings}) + 1


def report_grid(
    findings: Iterable[Finding],
    *,
    workbook: str = "",
    sheet_order: SheetOrder = None,
    title: str = TITLE,
) -> list[list[GridCell]]:
    """The Hasil Validasi sheet as one rectangular grid of cell values.

    Row 0 the title, rows 1–3 the counts (Galat, Peringatan, Info), row 4 blank, from row
    5 the counts per rule (`rule_counts`), a blank row, then at `header_row` the header and
    one row per finding, galat first, then by sheet, row, column. The Lokasi column is a
    HYPERLINK formula when the finding has a cell, else the model path as text.
    """
    ordered = sort_findings(findings, sheet_order)
    width = len(REPORT_COLUMNS)

    def row(*values: GridCell) -> list[GridCell]:
        return [*values, *([""] * (width - len(values)))]

    grid: list[list[GridCell]] = [row(title)]
    grid += [row(label, n) for label, n in severity_counts(ordered)]
    grid.append(row())
    grid.append(row(*RULE_COLUMNS))
    grid += [row(c, SEVERITY_LABELS[s], n, t) for c, s, n, t in rule_counts(ordered)]
    grid.append(row())
    grid.append(list(REPORT_COLUMNS))
    for f in ordered:
        target = link_target(f, workbook)
        where = _hyperlink_formula(target, location(f)) if target else safe_text(location(f))
        grid.append(
            [
                f.code,
                SEVERITY_LABELS[f.severity],
                safe_text(f.jabatan),
                where,
                safe_text(f.message),
                safe_text(f.saran),
            ]
        )
    return grid


def cell_notes(findings: Iterable[Finding]) -> dict[tuple[str, str], tuple[Severity, str]]:
    """Per (sheet, cell): the worst severity and the note text for the macro's marks."""
    rank = {Severity.GALAT: 0, Severity.PERINGATAN: 1, Severity.INFO: 2}
    notes: dict[tuple[str, str], tuple[Severity, list[str]]] = {}
    for f in findings:
        if not (f.sheet and f.cell):
            continue
        key = (f.sheet, f.cell)
        line = f"{f.code} ({SEVERITY_LABELS[f.severity]}): {f.message}"
        if f.saran:
            line += f"\nSaran: {f.saran}"
        if key in notes:
            worst, lines = notes[key]
            lines.append(line)
            if rank[f.severity] < rank[worst]:
                notes[key] = (f.severity, lines)
        else:
            notes[key] = (f.severity, [line])
    return {k: (worst, "\n\n".join(lines)) for k, (worst, lines) in notes.items()}


def _relative_link(source: Path | str, path: Path) -> str:
    """The validated workbook as seen from the report: relative, so the two can move."""
    try:
        workbook = os.path.relpath(Path(source).resolve(), path.resolve().parent)
    except ValueError:  # another drive on Windows
        workbook = str(Path(source).resolve())
    return workbook.replace(os.sep, "/")


def _text(ws: Worksheet, r: int, c: int, s: str, fmt: Format | None) -> None:
    # the report has always written every text of a finding, empty ones included, as a
    # string cell, and cut what is over Excel's limit
    write_text(ws, r, c, s, fmt, cut=True, empty_as_blank=False)


def _severity_formats(f: Formats) -> dict[Severity, Format]:
    return {s: f(bg_color=color, valign="top", border=1) for s, color in SEVERITY_COLORS.items()}


def _rule_rows(ws: Worksheet, ordered: Sequence[Finding], f: Formats) -> None:
    header = f(bold=True, border=1, bg_color="#D9D9D9")
    text = f(text_wrap=True, valign="top", border=1)
    severity = _severity_formats(f)
    for c, title in enumerate(RULE_COLUMNS):
        _text(ws, RULES_ROW, c, title, header)
    for r, (code, s, n, rule) in enumerate(rule_counts(ordered), start=RULES_ROW + 1):
        _text(ws, r, 0, code, text)
        _text(ws, r, 1, SEVERITY_LABELS[s], severity[s])
        ws.write_number(r, 2, n, text)
        _text(ws, r, 3, rule, text)
        ws.set_row(r, text_height(rule, REPORT_WIDTHS[3]))


def _finding_rows(
    ws: Worksheet, ordered: Sequence[Finding], workbook: str, f: Formats, first: int
) -> None:
    text = f(text_wrap=True, valign="top", border=1)
    link = f(font_color="#0563C1", underline=1, valign="top", border=1)
    severity = _severity_formats(f)
    for r, finding in enumerate(ordered, start=first):
        _text(ws, r, 0, finding.code, text)
        _text(ws, r, 1, SEVERITY_LABELS[finding.severity], severity[finding.severity])
        _text(ws, r, 2, finding.jabatan, text)
        target = link_target(finding, workbook)
        if target and workbook:
            ws.write_url(r, 3, f"external:{target}", link, location(finding))
        elif target:
            ws.write_url(r, 3, f"internal:{target[1:]}", link, location(finding))
        else:
            _text(ws, r, 3, location(finding), text)
        _text(ws, r, 4, finding.message, text)
        _text(ws, r, 5, finding.saran, text)
        # wrapped text: neither Excel nor LibreOffice autofits a generated file's rows
        heights = (
            text_height(x, REPORT_WIDTHS[c])
            for c, x in ((2, finding.jabatan), (4, finding.message), (5, finding.saran))
        )
        ws.set_row(r, max(heights))


def write_report(
    path: Path | str,
    findings: Iterable[Finding],
    *,
    source: Path | str | None = None,
    sheet_order: SheetOrder = None,
) -> None:
    """Write the Hasil Validasi sheet to its own .xlsx (atomically).

    With `source` (the validated workbook) each Lokasi cell links to the offending cell of
    that workbook, by a path relative to the report so the two files can move together.
    """
    path = Path(path)
    ordered = sort_findings(findings, sheet_order)
    workbook = "" if source is None else _relative_link(source, path)
    with temporary_path(path) as tmp:
        wb = xlsxwriter.Workbook(
            str(tmp),
            {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
        )  # in memory: nothing in TMPDIR a killed run would leave behind
        ws = wb.add_worksheet(SHEET)
        f = Formats(wb)
        header = f(bold=True, font_color="#FFFFFF", bg_color="#1F4E78", border=1)
        _text(ws, 0, 0, TITLE, f(bold=True, font_size=14))
        severity = _severity_formats(f)
        for i, (s, (label, n)) in enumerate(zip(Severity, severity_counts(ordered), strict=True)):
            _text(ws, COUNT_ROW + i, 0, label, severity[s])
            ws.write_number(COUNT_ROW + i, 1, n)
        _rule_rows(ws, ordered, f)
        top = header_row(ordered)
        for c, (title, width) in enumerate(zip(REPORT_COLUMNS, REPORT_WIDTHS, strict=True)):
            ws.set_column(c, c, width)
            _text(ws, top, c, title, header)
        _finding_rows(ws, ordered, workbook, f, top + 1)
        if top < FREEZE_MAX:  # a taller frozen block would leave no room to scroll
            ws.freeze_panes(top + 1, 0)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(top)
        if ordered:
            ws.autofilter(top, 0, top + len(ordered), len(REPORT_COLUMNS) - 1)
        wb.close()
