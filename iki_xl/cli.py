"""The command line: `iki-xl …`. Thin: parse arguments, call the core and io, print.

Exit codes for every command: 0 ok, 1 findings/errors in the planner's data, 2 unusable
input (one line on stderr, no traceback).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.tree import Tree

from iki_xl.core.formulasi import lengkapi
from iki_xl.core.model import Dokumen
from iki_xl.errors import BerkasTidakValid, IkiError
from iki_xl.io import interchange

app = typer.Typer(
    name="iki-xl",
    help="Alat Indikator Kinerja Individu (IKI) untuk Excel: buat, periksa, dan susun lampiran IKI.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

CONTOH = Path(__file__).parent / "data" / "contoh"


class Format(StrEnum):
    text = "text"
    json = "json"


def muat_data(path: Path) -> Dokumen:
    """A document from YAML/JSON or from a workbook, with kinds and components completed."""
    akhiran = path.suffix.lower()
    if akhiran in {".xlsx", ".xlsm"}:
        from iki_xl.io.reader import baca_workbook

        return baca_workbook(path).dokumen
    if akhiran not in {".yaml", ".yml", ".json"}:
        raise BerkasTidakValid(f"{path}: format tidak dikenal (pakai .xlsx, .xlsm, .yaml, atau .json)")
    return lengkapi(interchange.muat(path))


def _pohon(doc: Dokumen) -> Tree:
    from iki_xl.core.hierarchy import urutan_org

    judul = f"{doc.instansi.nama or 'Dinas'} {doc.instansi.pemerintah}".strip()
    akar = Tree(f"[bold]{judul}[/] — {len(doc.jabatan)} jabatan")
    simpul: dict[str | None, Tree] = {}
    for jab, _ in urutan_org(doc):
        induk = simpul.get(jab.atasan, akar)
        jenis = f" [dim]({jab.jenis})[/]" if jab.jenis else ""
        t = induk.add(f"[bold]{jab.nama}[/]{jenis}")
        simpul[jab.id] = t
        for kin in jab.kinerja:
            k = t.add(f"[cyan]{kin.sasaran or '(sasaran kosong)'}[/]")
            if not kin.indikator:
                k.add("[red](tanpa indikator)[/]")
            for ind in kin.indikator:
                k.add(f"{ind.nama}  [magenta]\\[{ind.jenis or 'jenis tidak dikenal'}][/]")
    return akar


@app.command()
def show(
    data: Annotated[
        Path, typer.Argument(help="Berkas data (.yaml/.json) atau workbook (.xlsx/.xlsm)")
    ],
    format: Annotated[Format, typer.Option("--format", "-f", help="text atau json")] = Format.text,
) -> None:
    """Tampilkan pohon jabatan beserta indikator dan jenis formulanya."""
    doc = muat_data(data)
    if format is Format.json:
        sys.stdout.write(interchange.ke_json(doc))
    else:
        out.print(_pohon(doc))


@app.command()
def schema() -> None:
    """Cetak JSON Schema format data IKI (YAML/JSON)."""
    sys.stdout.write(json.dumps(interchange.skema_json(), ensure_ascii=False, indent=2) + "\n")


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder keluaran")] = Path("out"),
) -> None:
    """Jalankan contoh lengkap pada data Dinas Sosial Kota Probolinggo."""
    from iki_xl.demo import jalankan_demo

    raise typer.Exit(jalankan_demo(out_dir, out))


def main() -> None:
    """Console entry point: a planner's unusable file is one line and exit 2, never a traceback."""
    try:
        app()
    except IkiError as e:
        err.print(f"[red]Galat:[/] {e}", soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("Dibatalkan.")
        sys.exit(130)
