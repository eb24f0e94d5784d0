"""Consolidation: one Dinas' full submission, or a whole Pemda's recap from many inputs,
each read in a worker process of its own (`app.workers`: one input that crashes, is killed
or overruns a bound is skipped with its reason, the rest is written). A worker returns only
a Dinas' Rekap rows and counts, never its document, so memory stays bounded."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from iki_xl.app.check import check_file, lost_lines
from iki_xl.app.files import input_files
from iki_xl.app.workers import run_isolated
from iki_xl.core.findings import Severity
from iki_xl.core.rekap import DinasRekap, dinas_rekap
from iki_xl.errors import IkiError
from iki_xl.io.atomic import temporary_path
from iki_xl.io.pdf import to_pdf
from iki_xl.io.write.submission import Pengajuan, write_pemda_rekap, write_pengajuan


@dataclass
class InputResult:
    """The outcome of one input (what the parent keeps: no rows)."""

    sumber: Path
    dinas: str = ""
    jabatan: int = 0
    indikator: int = 0
    counts: dict[str, int] | None = None
    galat_examples: list[str] = field(default_factory=list)
    error: str = ""  # unreadable / invalid input: why
    incomplete: list[str] = field(default_factory=list)  # what was not read whole: where, why

    @property
    def skipped(self) -> bool:
        return bool(self.error)

    @property
    def galat(self) -> int:
        return (self.counts or {}).get(str(Severity.GALAT), 0)

    @staticmethod
    def of(path: Path, rekap: DinasRekap, lost: Sequence[str] = ()) -> InputResult:
        return InputResult(
            path,
            rekap.dinas,
            sum(rekap.jabatan_per_jenis.values()),
            rekap.indikator,
            rekap.counts,
            rekap.galat_examples,
            incomplete=list(lost),
        )


@dataclass
class ConsolidationReport:
    """What `consolidate` did, for the CLI's summary."""

    output: Pengajuan | None  # None: nothing written (--strict refused, or no usable input)
    inputs: list[InputResult]
    refused: bool = False  # --strict refused to write
    notes: list[str] = field(default_factory=list)  # e.g. an input named twice, read once

    @property
    def skipped(self) -> list[InputResult]:
        return [m for m in self.inputs if m.skipped]

    @property
    def galat(self) -> int:
        return sum(m.galat for m in self.inputs)


def _read_for_rekap(
    path: Path, org_chart: bool = False
) -> tuple[DinasRekap | None, str, list[str]]:
    """Worker: read one input, return only its Rekap rows and counts and what was not read
    whole (or why it failed)."""
    try:
        checked = check_file(path)
        rekap = dinas_rekap(
            checked.dokumen, checked.findings, sumber=path.name, org_chart=org_chart
        )
        return rekap, "", lost_lines(checked.findings)
    except IkiError as e:
        return None, str(e), []
    except Exception as e:  # one broken input must never abort the others
        return None, f"{path}: tidak dapat dibaca ({e.__class__.__name__}: {e})", []


class _Refused(Exception):
    """--strict: a galat remains; the temporary output is discarded."""


Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Options:
    """How one Dinas' submission is written (`write_pengajuan`'s options)."""

    pdf: bool = False
    docx: bool = False  # also the Keputusan and Lampiran as .docx
    org_chart: bool = False  # jabatan in org-chart order instead of sheet order
    fraction: bool = False  # one-line "A / B" formulas laid out as fractions


def _one_dinas(path: Path, output: Path, *, strict: bool, options: Options) -> ConsolidationReport:
    checked = check_file(path)
    rekap = dinas_rekap(checked.dokumen, checked.findings, sumber=path.name)
    result = InputResult.of(path, rekap, lost_lines(checked.findings))
    if strict and result.galat:
        return ConsolidationReport(None, [result], refused=True)
    written = write_pengajuan(
        checked.dokumen,
        output,
        findings=checked.findings,
        pdf=options.pdf,
        docx=options.docx,
        sumber=path.name,
        org_chart=options.org_chart,
        fraction=options.fraction,
    )
    return ConsolidationReport(written, [result])


def consolidate(
    inputs: Sequence[Path | str],
    output: Path | str,
    *,
    strict: bool = False,
    pdf: bool = False,
    docx: bool = False,
    org_chart: bool = False,
    fraction: bool = False,
    workers: int = 2,
    progress: Progress | None = None,
    start_method: str | None = None,
) -> ConsolidationReport:
    """Consolidate one or many inputs into one submission workbook.

    One input: the full submission of that Dinas (Keputusan, Lampiran, Rekap, Ringkasan;
    with `docx` also the Keputusan and Lampiran as a Word document). Several (or a folder):
    the Pemda recap, read by `workers` processes (no decree, so no Word document); an
    unreadable input is reported and skipped. While a galat remains every page says DRAF;
    `strict` (--strict): nothing is written while any galat remains or any input is
    unusable. `org_chart`: jabatan in org-chart order (default: sheet order); `fraction`:
    one-line "A / B" formulas laid out as fractions. `progress(done, total, name)` is
    called after each input. `start_method`: the workers' multiprocessing start method
    (default: the system's, or the IKI_XL_START_METHOD environment variable); Windows has
    only "spawn".
    """
    notes: list[str] = []
    output = Path(output)
    files = input_files(inputs, output, notes)
    if len(files) == 1 and not Path(inputs[0]).is_dir():
        options = Options(pdf=pdf, docx=docx, org_chart=org_chart, fraction=fraction)
        report = _one_dinas(files[0], output, strict=strict, options=options)
        report.notes = notes
        if progress:
            progress(1, 1, files[0].name)
        return report

    results: list[InputResult] = []
    seen_names: set[str] = set()

    def rekaps() -> Iterable[DinasRekap]:
        total = len(files)
        outcomes = run_isolated(
            partial(_read_for_rekap, org_chart=org_chart),
            files,
            workers=max(1, min(workers, total)),
            start_method=start_method,
        )
        for i, (path, outcome) in enumerate(zip(files, outcomes, strict=True), start=1):
            rekap, error, lost = outcome.value or (None, f"{path}: {outcome.failure}", [])
            if rekap is None:
                results.append(InputResult(path, error=error))
            else:
                if rekap.dinas in seen_names:  # the same Dinas twice: tell them apart
                    label = f"{rekap.dinas} ({path.name})"
                    rekap.rows = [replace(b, dinas=label) for b in rekap.rows]
                    rekap.dinas = label
                seen_names.add(rekap.dinas)
                results.append(InputResult.of(path, rekap, lost))
                yield rekap
            if progress:
                progress(i, total, path.name)

    try:
        with temporary_path(output) as tmp:
            written, ringkasan = write_pemda_rekap(rekaps(), tmp)
            if strict and any(m.skipped or m.galat for m in results):
                raise _Refused
            if not ringkasan.dinas:
                raise _Refused
    except _Refused:
        return ConsolidationReport(None, results, refused=strict, notes=notes)
    return ConsolidationReport(
        Pengajuan(output, to_pdf(output, output.parent) if pdf else None, galat=written.galat),
        results,
        notes=notes,
    )
