"""`make demo` / `iki-xl demo`: the main job on the bundled Probolinggo example."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from iki_xl.core.formulasi import lengkapi
from iki_xl.io import interchange

CONTOH = Path(__file__).parent / "data" / "contoh"


def jalankan_demo(out_dir: Path, console: Console) -> int:
    doc = lengkapi(interchange.muat(CONTOH / "probolinggo.yaml"))
    n_ind = sum(len(j.semua_indikator()) for j in doc.jabatan)
    console.print(
        f"[bold]{doc.instansi.nama} {doc.instansi.pemerintah}[/]: "
        f"{len(doc.jabatan)} jabatan, {n_ind} indikator"
    )
    return 0
