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
        raise BerkasTidakValid(
            f"{path}: format tidak dikenal (pakai .xlsx, .xlsm, .yaml, atau .json)"
        )
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


# ---------------------------------------------------------------- validate, rules


@app.command()
def validate(
    workbook: Annotated[
        Path, typer.Argument(help="Workbook IKI (.xlsx/.xlsm) atau berkas data (.yaml/.json)")
    ],
    format: Annotated[Format, typer.Option("--format", "-f", help="text atau json")] = Format.text,
    report: Annotated[
        Path | None,
        typer.Option("--report", "-r", help="Tulis sheet 'Hasil Validasi' ke berkas .xlsx ini"),
    ] = None,
) -> None:
    """Periksa dokumen IKI: semua temuan beserta sel dan saran perbaikannya.

    Keluar dengan kode 0 bila tidak ada galat, 1 bila ada galat, 2 bila berkas tidak dapat
    dipakai. Berkas masukan tidak diubah.
    """
    from iki_xl.core.findings import Keparahan, hitung_keparahan
    from iki_xl.io import laporan

    if report is not None and report.suffix.lower() != ".xlsx":
        raise BerkasTidakValid(f"{report}: laporan harus berupa berkas .xlsx")
    if report is not None and report.resolve() == workbook.resolve():
        raise BerkasTidakValid(f"{report}: laporan tidak boleh menimpa berkas yang diperiksa")
    temuan, urutan = laporan.periksa_berkas(workbook)
    if report is not None:
        laporan.tulis_laporan(report, temuan, sumber=workbook, urutan_sheet=urutan)
    jumlah = hitung_keparahan(temuan)
    if format is Format.json:
        sys.stdout.write(
            json.dumps([t.ke_json() for t in temuan], ensure_ascii=False, indent=2) + "\n"
        )
    else:
        from rich.table import Table

        warna = {Keparahan.GALAT: "red", Keparahan.PERINGATAN: "yellow", Keparahan.INFO: "cyan"}
        tabel = Table(title=f"Hasil Validasi — {workbook.name}", show_lines=True)
        for judul in ("Kode", "Keparahan", "Jabatan", "Lokasi", "Pesan", "Saran"):
            tabel.add_column(judul, overflow="fold")
        for t in temuan:
            tabel.add_row(
                t.kode,
                f"[{warna[t.keparahan]}]{t.keparahan}[/]",
                t.jabatan,
                laporan.lokasi(t),
                t.pesan,
                t.saran,
                end_section=False,
            )
        if temuan:
            out.print(tabel)
        out.print(
            f"{jumlah[Keparahan.GALAT]} galat, {jumlah[Keparahan.PERINGATAN]} peringatan, "
            f"{jumlah[Keparahan.INFO]} info."
        )
        if report is not None:
            out.print(f"Laporan ditulis ke {report}.")
    raise typer.Exit(1 if jumlah[Keparahan.GALAT] else 0)


class FormatAturan(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
def rules(
    format: Annotated[
        FormatAturan, typer.Option("--format", "-f", help="text, markdown atau json")
    ] = FormatAturan.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Tulis ke berkas ini")
    ] = None,
) -> None:
    """Daftar aturan validasi: kode, keparahan, temuan, alasan, cara memperbaiki."""
    from dataclasses import asdict

    from iki_xl.core.rules import KATALOG, katalog_markdown
    from iki_xl.io.atomic import tulis_atomik

    if format is FormatAturan.markdown:
        teks = katalog_markdown()
    elif format is FormatAturan.json:
        data = [asdict(a) | {"keparahan": str(a.keparahan)} for a in KATALOG]
        teks = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        teks = "".join(f"{a.kode}  {a.keparahan:<10}  {a.judul}\n" for a in KATALOG)
    if output is None:
        sys.stdout.write(teks)
    else:
        tulis_atomik(output, teks.encode("utf-8"))


# ---------------------------------------------------------------- new / export (workbook)


@app.command()
def new(
    data: Annotated[Path, typer.Argument(help="Berkas data IKI (.yaml/.json)")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Workbook keluaran (.xlsx; .xlsm untuk templat)")
    ],
) -> None:
    """Buat workbook IKI dari berkas data: sheet Petunjuk, Instansi, satu sheet per jabatan."""
    from iki_xl.io.writer import tulis_workbook

    if output.suffix.lower() not in {".xlsx", ".xlsm"}:
        raise BerkasTidakValid(f"{output}: keluaran harus berupa berkas .xlsx atau .xlsm")
    if output.resolve() == data.resolve():
        raise BerkasTidakValid(f"{output}: keluaran tidak boleh menimpa berkas masukan")
    doc = lengkapi(interchange.muat(data))
    tulis_workbook(doc, output)
    out.print(f"Workbook ditulis ke {output} ({len(doc.jabatan)} jabatan).", soft_wrap=True)


@app.command()
def export(
    workbook: Annotated[Path, typer.Argument(help="Workbook IKI (.xlsx/.xlsm)")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Berkas data keluaran (.yaml/.json)")
    ],
) -> None:
    """Ekspor isi workbook IKI ke berkas data YAML/JSON. Keluar 1 bila ada galat pembacaan."""
    from iki_xl.core.findings import Keparahan, urutkan
    from iki_xl.io.reader import baca_workbook

    if output.suffix.lower() not in {".yaml", ".yml", ".json"}:
        raise BerkasTidakValid(f"{output}: keluaran harus berupa berkas .yaml atau .json")
    if output.resolve() == workbook.resolve():
        raise BerkasTidakValid(f"{output}: keluaran tidak boleh menimpa berkas masukan")
    hasil = baca_workbook(workbook)
    interchange.simpan(hasil.dokumen, output)
    for t in urutkan(hasil.temuan, hasil.urutan_sheet):
        tempat = f"{t.sheet}!{t.sel}" if t.sheet else "-"
        err.print(f"[yellow]{t.keparahan}[/] {tempat}: {t.pesan}", soft_wrap=True)
    out.print(f"Data ditulis ke {output} ({len(hasil.dokumen.jabatan)} jabatan).", soft_wrap=True)
    if any(t.keparahan is Keparahan.GALAT for t in hasil.temuan):
        raise typer.Exit(1)


# ---------------------------------------------------------------- consolidate


@app.command()
def consolidate(
    masukan: Annotated[
        list[Path],
        typer.Argument(help="Workbook IKI (.xlsx/.xlsm), berkas data (.yaml/.json) atau folder"),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Berkas keluaran .xlsx")],
    strict: Annotated[
        bool, typer.Option("--strict", help="Jangan menulis selama masih ada galat")
    ] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="Cetak juga ke PDF (LibreOffice)")] = False,
) -> None:
    """Susun berkas pengajuan: Keputusan, Lampiran, Rekap dan Ringkasan.

    Satu berkas: pengajuan lengkap satu Perangkat Daerah. Beberapa berkas atau folder:
    Rekap dan Ringkasan gabungan se-Pemda; berkas yang tidak dapat dibaca dilewati dan
    dilaporkan. Keluar 0 bila ditulis, 1 bila --strict menolak atau ada berkas yang
    dilewati, 2 bila berkas tidak dapat dipakai.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from iki_xl.io.submission import konsolidasi

    if output.suffix.lower() != ".xlsx":
        raise BerkasTidakValid(f"{output}: keluaran harus berupa berkas .xlsx")
    if any(m.resolve() == output.resolve() for m in masukan):
        raise BerkasTidakValid(f"{output}: keluaran tidak boleh menimpa berkas masukan")
    with Progress(
        TextColumn("Membaca"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
    ) as bar:
        tugas = bar.add_task("", total=None)
        lap = konsolidasi(
            masukan,
            output,
            ketat=strict,
            pdf=pdf,
            kemajuan=lambda i, n, nama: bar.update(tugas, completed=i, total=n, description=nama),
        )
    for m in lap.masukan:
        if m.dilewati:
            err.print(f"[red]Dilewati:[/] {m.galat_berkas}", soft_wrap=True)
            continue
        p = m.pemeriksaan
        temuan = (
            f"{p['galat']} galat, {p['peringatan']} peringatan, {p['info']} info"
            if p is not None
            else "pemeriksaan tidak tersedia"
        )
        out.print(
            f"{m.sumber.name}: {m.dinas} — {m.jabatan} jabatan, {m.indikator} indikator; {temuan}",
            soft_wrap=True,
        )
        for g in m.contoh_galat:
            out.print(f"  [red]galat[/] {g}", soft_wrap=True)
        if m.galat > len(m.contoh_galat):
            lain = m.galat - len(m.contoh_galat)
            out.print(f"  … dan {lain} galat lain (daftar lengkap: iki-xl validate {m.sumber})")
    n_ok = len(lap.masukan) - len(lap.dilewati)
    if lap.dilewati:
        out.print(f"{n_ok} berkas dipakai, {len(lap.dilewati)} dilewati.")
    if lap.ditolak:
        err.print(
            f"[red]Tidak ditulis:[/] --strict dan masih ada {lap.galat} galat"
            + (f" serta {len(lap.dilewati)} berkas dilewati" if lap.dilewati else "")
            + "."
        )
        raise typer.Exit(1)
    if lap.keluaran is None:
        raise BerkasTidakValid("tidak ada berkas masukan yang dapat dibaca")
    out.print(f"Berkas pengajuan ditulis ke {lap.keluaran.xlsx}.", soft_wrap=True)
    if lap.keluaran.pdf is not None:
        out.print(f"PDF ditulis ke {lap.keluaran.pdf}.", soft_wrap=True)
    raise typer.Exit(1 if lap.dilewati else 0)


@app.command("build-template")
def build_template(
    output: Annotated[Path, typer.Option("--output", "-o", help="Lokasi berkas templat")] = Path(
        "workbooks/IKI_template.xlsm"
    ),
) -> None:
    """Bangun ulang IKI_template.xlsm dari sumber teks (VBA, ribbon, tata letak)."""
    from iki_xl.template.build import tulis_template

    path = tulis_template(output)
    out.print(f"Templat ditulis: {path} ({path.stat().st_size:,} bita)")


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
