"""The Laporan Capaian Kinerja Triwulan of one Dinas or a whole Pemda: read and check every
input, then write the report of the chosen quarter (and print it, when asked)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from iki_xl.app.check import check_file, lost_lines
from iki_xl.app.files import input_files
from iki_xl.app.workers import Outcome, run_isolated
from iki_xl.core.formula import last_quarter
from iki_xl.core.keputusan import dinas_name
from iki_xl.core.model import Dokumen
from iki_xl.core.triwulan import TriwulanReport, triwulan_report
from iki_xl.errors import IkiError, UnusableFile
from iki_xl.io.pdf import to_pdf
from iki_xl.io.write.laporan_triwulan import write_laporan_triwulan


@dataclass
class LaporanWritten:
    xlsx: Path
    pdf: Path | None
    report: TriwulanReport
    skipped: list[str] = field(default_factory=list)  # inputs that could not be read: why
    incomplete: list[str] = field(default_factory=list)  # parts of inputs not read whole
    notes: list[str] = field(default_factory=list)  # e.g. an input named twice


def latest_quarter(doc: Dokumen) -> int:
    """The last quarter any indicator of the document has a realisation for (1 if none)."""
    quarters = [last_quarter(i) for jab in doc.jabatan for _, i in jab.semua_indikator()]
    return max([1, *quarters])


def write_laporan(
    inputs: Sequence[Path | str],
    output: Path | str,
    triwulan: int | None = None,
    *,
    pdf: bool = False,
) -> LaporanWritten:
    """The report of quarter `triwulan` (1..4; None: the latest quarter any input has a
    realisation for) over the inputs (files or folders). An unreadable input is skipped
    (unless it is the only one); what was not read whole is named in `incomplete`."""
    if triwulan is not None and not 1 <= triwulan <= 4:
        raise UnusableFile(f"triwulan harus 1, 2, 3 atau 4 (bukan {triwulan})")
    notes: list[str] = []
    files = input_files(inputs, Path(output), notes)
    docs: list[tuple[Dokumen, str | None]] = []
    skipped: list[str] = []
    lost: list[str] = []
    if len(files) == 1:  # one Dinas: its own error is the message
        outcomes: Iterable[Outcome] = [Outcome(_read_for_laporan(files[0], single=True))]
    else:  # a Pemda: each input in its own process, a crash skips only that input
        outcomes = run_isolated(_read_for_laporan, files, workers=min(2, len(files)))
    for path, outcome in zip(files, outcomes, strict=True):
        doc, error, losses = outcome.value or (None, f"{path}: {outcome.failure}", [])
        if doc is None:
            skipped.append(error)
            continue
        docs.append((doc, None))
        lost += losses
    if not docs:
        raise UnusableFile("tidak ada berkas masukan yang dapat dibaca")
    if triwulan is None:
        triwulan = max(latest_quarter(d) for d, _ in docs)
    written = write_laporan_docs(docs, output, triwulan, pdf=pdf)
    written.skipped, written.incomplete, written.notes = skipped, lost, notes
    return written


def _read_for_laporan(path: Path, single: bool = False) -> tuple[Dokumen | None, str, list[str]]:
    """Read and check one input: its document, or why not, and what was not read whole.
    `single`: the only input, whose unusable file is the command's own error."""
    try:
        checked = check_file(path)
    except IkiError as e:
        if single:
            raise
        return None, str(e), []
    losses = [f"{path.name} {line}" for line in lost_lines(checked.findings)]
    return checked.dokumen, "", losses


def write_laporan_docs(
    docs: Sequence[tuple[Dokumen, str | None]],
    output: Path | str,
    triwulan: int,
    *,
    pdf: bool = False,
) -> LaporanWritten:
    """The report of quarter `triwulan` over documents already read ((document, Dinas
    label or None for its own name)): the CLI, the demo and the ribbon's button."""
    report = triwulan_report(docs, triwulan)
    names = sorted({dinas_name(d.instansi) for d, _ in docs} - {""})
    scope = names[0] if len(names) == 1 else f"{len(docs)} Perangkat Daerah"
    xlsx = write_laporan_triwulan(report, output, scope=scope)
    printed = to_pdf(xlsx, xlsx.parent) if pdf else None
    return LaporanWritten(xlsx, printed, report)
