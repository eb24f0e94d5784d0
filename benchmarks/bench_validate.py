"""Validating the 100-jabatan benchmark workbook headlessly, beside the raw python-calamine
read of the same file in the same run.

    .venv/bin/python -m benchmarks.bench_validate [--ulang 7]

"validate" is what `iki-xl validate WORKBOOK` does before printing: read the workbook into
the model with the jalur → cell map, run every rule, place and sort the findings
(`iki_xl.io.laporan.periksa_berkas`). "calamine" only opens the file and turns every sheet
into Python lists, with exactly the call the reader makes (`bench_read.baca_mentah`). The
two are timed interleaved, run by run, so machine load hits both alike. The goal is
validate within 2× of the raw read.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from iki_xl.core.formulasi import lengkapi
from iki_xl.core.model import Dokumen
from iki_xl.io.interchange import muat, terapkan_contoh

CONTOH = Path(__file__).resolve().parents[1] / "iki_xl" / "data" / "contoh"


def dokumen_100(n: int = 100) -> Dokumen:
    """n jabatan: the two bundled documents (with their example figures) repeated, ids made
    unique and atasan kept inside each copy; real defects included, so rules fire."""
    try:  # the workbook engineer's generator, when present, is the reference
        from benchmarks.bench_read import dokumen_benchmark  # type: ignore[import-not-found]

        return dokumen_benchmark(n)  # type: ignore[no-any-return]
    except ImportError:
        pass
    sumber = [
        terapkan_contoh(lengkapi(muat(CONTOH / f"{b}.yaml")), CONTOH / f"{b}-contoh.yaml")
        for b in ("probolinggo", "sampang")
    ]
    hasil = Dokumen(instansi=sumber[0].instansi, jabatan=[])
    salinan = 0
    while len(hasil.jabatan) < n:
        asal = sumber[salinan % 2]
        for jab in asal.jabatan:
            if len(hasil.jabatan) >= n:
                break
            j = jab.model_copy(deep=True)
            j.id = f"{jab.id}-{salinan}"
            j.atasan = f"{jab.atasan}-{salinan}" if jab.atasan else None
            j.nama = f"{jab.nama} ({salinan + 1})"
            hasil.jabatan.append(j)
        salinan += 1
    ids = {j.id for j in hasil.jabatan}
    for j in hasil.jabatan:  # the last copy may be cut short
        if j.atasan not in ids:
            j.atasan = None
    return hasil


def baca_calamine(path: Path) -> int:
    """The raw read: every sheet's values as Python lists (the reader's own call)."""
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    sel = 0
    for nama in wb.sheet_names:
        sel += sum(len(b) for b in wb.get_sheet_by_name(nama).to_python(skip_empty_area=False))
    wb.close()
    return sel


def validasi(path: Path) -> int:
    from iki_xl.core.rules import kosongkan_cache
    from iki_xl.io.laporan import periksa_berkas

    kosongkan_cache()  # a cold run, as in a fresh `iki-xl validate`
    temuan, _ = periksa_berkas(path)
    return len(temuan)


def baca_saja(path: Path) -> int:
    """The reader as validate uses it (the map is consulted per finding, not built whole)."""
    from iki_xl.io.reader import baca_workbook

    return len(baca_workbook(path).dokumen.jabatan)


def ukur(f: Callable[[], int], ulang: int) -> tuple[float, int]:
    f()  # warm-up: imports
    waktu = []
    hasil = 0
    for _ in range(ulang):
        t0 = time.perf_counter()
        hasil = f()
        waktu.append(time.perf_counter() - t0)
    return statistics.median(waktu), hasil


def jalankan(ulang: int = 7) -> dict[str, float]:
    from iki_xl.core.rules import kosongkan_cache, periksa
    from iki_xl.io.reader import baca_workbook
    from iki_xl.io.writer import tulis_workbook

    doc = dokumen_100()
    n_ind = sum(len(j.semua_indikator()) for j in doc.jabatan)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "bench100.xlsx"
        tulis_workbook(doc, path)
        ukuran = path.stat().st_size
        # raw read and validate interleaved, run by run (warm-up first)
        baca_calamine(path)
        validasi(path)
        w_cal: list[float] = []
        w_val: list[float] = []
        n_sel = n_temuan = 0
        for _ in range(ulang):
            a = time.perf_counter()
            n_sel = baca_calamine(path)
            b = time.perf_counter()
            n_temuan = validasi(path)
            c = time.perf_counter()
            w_cal.append(b - a)
            w_val.append(c - b)
        t_cal, t_val = statistics.median(w_cal), statistics.median(w_val)
        rasio = [v / c for v, c in zip(w_val, w_cal, strict=True)]
        t_baca, _ = ukur(lambda: baca_saja(path), ulang)
        dibaca = baca_workbook(path).dokumen

    def aturan() -> int:
        kosongkan_cache()
        return len(periksa(dibaca))

    t_aturan, _ = ukur(aturan, ulang)
    from iki_xl.build_info import ringkas

    print(
        f"workbook: {len(doc.jabatan)} jabatan, {n_ind} indikator, {ukuran / 1024:.0f} KiB, "
        f"{n_sel} cells read by calamine; iki-xl build: {ringkas()}"
    )
    print(f"calamine raw read      : {t_cal * 1000:7.1f} ms  (median of {ulang})")
    print(f"validate (end to end)  : {t_val * 1000:7.1f} ms  ({n_temuan} findings)")
    print(f"  of which reader      : {t_baca * 1000:7.1f} ms  (baca_workbook)")
    print(f"  of which rules       : {t_aturan * 1000:7.1f} ms  (periksa, cold caches)")
    print(
        f"ratio validate/raw     : {t_val / t_cal:7.2f} ×  (goal ≤ 2×; medians; per run "
        f"{min(rasio):.2f}–{max(rasio):.2f}, median per run {statistics.median(rasio):.2f}, "
        f"of the fastest runs {min(w_val) / min(w_cal):.2f})"
    )
    print(f"ratio rules/raw        : {t_aturan / t_cal:7.2f} ×")
    return {
        "calamine": t_cal,
        "validate": t_val,
        "reader": t_baca,
        "rules": t_aturan,
        "rasio": t_val / t_cal,
        "rasio_per_run": statistics.median(rasio),
        "rasio_min": min(w_val) / min(w_cal),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ulang", type=int, default=7)
    jalankan(ap.parse_args().ulang)


if __name__ == "__main__":
    main()
