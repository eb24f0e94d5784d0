"""What the CLI prints: planners' texts cut to one line for the terminal and never read as
rich markup (Text, or escaped), the jabatan tree, a consolidation's outcome."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.text import Text
from rich.tree import Tree

from iki_xl.core.findings import Finding
from iki_xl.core.model import Dokumen
from iki_xl.errors import UnusableFile

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def _tree(doc: Dokumen) -> Tree:
    from iki_xl.core.hierarchy import org_order

    title = escape(cut(f"{doc.instansi.nama or 'Dinas'} {doc.instansi.pemerintah}".strip()))
    root = Tree(f"[bold]{title}[/] — {len(doc.jabatan)} jabatan")
    nodes: dict[str | None, Tree] = {}
    for jab, _ in org_order(doc):
        parent = nodes.get(jab.atasan, root)
        jenis = f" [dim]({escape(str(jab.jenis))})[/]" if jab.jenis else ""
        node = parent.add(f"[bold]{escape(cut(jab.nama))}[/]{jenis}")
        nodes[jab.id] = node
        for kin in jab.kinerja:
            k = node.add(f"[cyan]{escape(cut(kin.sasaran)) or '(sasaran kosong)'}[/]")
            if not kin.indikator:
                k.add("[red](tanpa indikator)[/]")
            for ind in kin.indikator:
                jenis_ind = escape(str(ind.jenis or "jenis tidak dikenal"))
                k.add(f"{escape(cut(ind.nama))}  [magenta]\\[{jenis_ind}][/]")
    return root


TREE_MAX = 2000  # nodes; above this the tree is printed as plain indented lines
TERMINAL_TEXT = 300  # characters of a planner's text shown in the terminal


def cut(text: str, limit: int = TERMINAL_TEXT) -> str:
    """A planner's text for the terminal only: one line, at most `limit` characters."""
    text = text.replace("\r", " ").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_tree(doc: Dokumen) -> None:
    """The jabatan tree with kinerja and indicators (rich's Tree while it is small)."""
    if len(doc.jabatan) + sum(len(j.semua_indikator()) for j in doc.jabatan) > TREE_MAX:
        _plain(doc)  # rich's Tree would take minutes for 100,000 nodes
    else:
        out.print(_tree(doc))


def _plain(doc: Dokumen) -> None:
    from iki_xl.core.hierarchy import org_order

    lines = [cut(f"{doc.instansi.nama or 'Dinas'} {doc.instansi.pemerintah}".strip())]
    for jab, depth in org_order(doc):
        pad = "  " * (depth + 1)
        lines.append(pad + cut(jab.nama))
        for kin in jab.kinerja:
            lines.append(pad + "  " + cut(kin.sasaran or "(sasaran kosong)"))
            lines.extend(
                f"{pad}    {cut(ind.nama)}  [{ind.jenis or 'jenis tidak dikenal'}]"
                for ind in kin.indikator
            )
    sys.stdout.write("\n".join(lines) + "\n")


def print_losses(source: Path, losses: Sequence[Finding]) -> None:
    """One stderr line per part of the input that was not read whole."""
    from iki_xl.io.write.report import location

    for f in losses:
        err.print(Text(f"galat {source.name} {location(f)}: {cut(f.message)}"), soft_wrap=True)


def _print_input(m: object) -> None:
    """One input's line of a consolidation: what was read, what was not, the first galat."""
    from iki_xl.app.consolidate import InputResult

    assert isinstance(m, InputResult)
    if m.skipped:
        err.print(Text(f"Dilewati: {cut(m.error, 2000)}"), soft_wrap=True)
        return
    c = m.counts
    found = (
        f"{c['galat']} galat, {c['peringatan']} peringatan, {c['info']} info"
        if c is not None
        else "pemeriksaan tidak tersedia"
    )
    out.print(
        Text(
            f"{m.sumber.name}: {cut(m.dinas)} — {m.jabatan} jabatan, {m.indikator} "
            f"indikator; {found}"
        ),
        soft_wrap=True,
    )
    for g in m.incomplete:
        out.print(Text(f"  tidak lengkap: {cut(g)}"), soft_wrap=True)
    for g in m.galat_examples:
        out.print(Text(f"  galat {cut(g)}"), soft_wrap=True)
    if m.galat > len(m.galat_examples):
        more = m.galat - len(m.galat_examples)
        out.print(escape(f"  … dan {more} galat lain (daftar lengkap: iki-xl validate {m.sumber})"))


def print_consolidation(report: object) -> int:
    """A consolidation's outcome, input by input; the exit code: 1 while anything was
    skipped, not read whole, refused, or the submission is a DRAF."""
    from iki_xl.app.consolidate import ConsolidationReport

    assert isinstance(report, ConsolidationReport)
    for m in report.inputs:
        _print_input(m)
    for note in report.notes:
        err.print(Text(f"Peringatan: {cut(note)}"), soft_wrap=True)
    used = len(report.inputs) - len(report.skipped)
    if report.skipped:
        out.print(f"{used} berkas dipakai, {len(report.skipped)} dilewati.")
    if report.refused:
        err.print(
            f"[red]Tidak ditulis:[/] --strict dan masih ada {report.galat} galat"
            + (f" serta {len(report.skipped)} berkas dilewati" if report.skipped else "")
            + "."
        )
        return 1
    if report.output is None:
        raise UnusableFile("tidak ada berkas masukan yang dapat dibaca")
    out.print(f"Berkas pengajuan ditulis ke {escape(str(report.output.xlsx))}.", soft_wrap=True)
    if report.output.docx is not None:
        out.print(f"Dokumen Word ditulis ke {escape(str(report.output.docx))}.", soft_wrap=True)
    if report.output.pdf is not None:
        out.print(f"PDF ditulis ke {escape(str(report.output.pdf))}.", soft_wrap=True)
    if report.output.galat:
        err.print(
            f"[yellow]DRAF:[/] masih ada {report.output.galat} galat; setiap halaman bertanda "
            "DRAF sampai galat diperbaiki."
        )
    lost = any(m.incomplete for m in report.inputs)
    return 1 if report.skipped or report.output.galat or lost else 0
