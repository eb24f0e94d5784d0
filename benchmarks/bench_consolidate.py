"""Pemda-scale consolidation: 45 generated Dinas workbooks of 60 jabatan each.

Times, interleaved in the same run, (a) the raw python-calamine read of every sheet of every
workbook (one process, the exact call the reader makes) and (b) `submission.konsolidasi`
over the same files (read + complete + validate + Rekap rows in 2 worker processes, the
merged Rekap and Ringkasan written by the parent). Then, each in a fresh process, the peak
memory of consolidating 15 and 45 inputs: the parent's Python heap (tracemalloc), the
parent's max RSS, and the largest worker's max RSS (`RUSAGE_CHILDREN`).

    .venv/bin/python -m benchmarks.bench_consolidate [--dinas 45] [--jabatan 60] [--ulang 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.bench_read import baca_mentah, dokumen_benchmark
from iki_xl.core.consolidate import KOLOM_REKAP


def _tulis_satu(arg: tuple[int, int, str]) -> str:
    from iki_xl.io.writer import tulis_workbook

    i, jabatan, folder = arg
    doc = dokumen_benchmark(jabatan)
    doc.instansi.nama = f"Dinas Contoh {i + 1:02d}"
    # a few bidang per Dinas, so the Ringkasan has something to average per bidang
    for j, jab in enumerate(doc.jabatan):
        jab.unit = f"Bidang {j % 5 + 1}"
    path = Path(folder) / f"dinas-{i + 1:02d}.xlsx"
    tulis_workbook(doc, path)
    return str(path)


def buat_workbook(folder: Path, dinas: int, jabatan: int) -> list[Path]:
    """`dinas` workbooks written by the workbook writer (`tulis_workbook`), 2 at a time."""
    with ProcessPoolExecutor(max_workers=2) as ex:
        return [
            Path(p) for p in ex.map(_tulis_satu, [(i, jabatan, str(folder)) for i in range(dinas)])
        ]


def ukur_memori(berkas: list[Path], keluaran: Path) -> dict[str, float]:
    """Run in a fresh process: peak memory of one consolidation."""
    from iki_xl.io.submission import konsolidasi

    tracemalloc.start()
    t0 = time.perf_counter()
    lap = konsolidasi(berkas, keluaran)
    waktu = time.perf_counter() - t0
    _, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert lap.keluaran is not None and not lap.dilewati
    return {
        "masukan": len(berkas),
        "baris": sum(m.indikator for m in lap.masukan),
        "waktu_s": waktu,
        "induk_heap_mib": puncak / 2**20,
        "induk_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "pekerja_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "keluaran_kib": keluaran.stat().st_size / 1024,
    }


def rincian(berkas: list[Path], ulang: int) -> dict[str, float]:
    """The parts, one process: a worker's steps on the first input (medians of 2×ulang+1,
    cold rule caches), and the parent's writing of every input's Rekap rows alone."""
    from iki_xl.core.consolidate import rekap_dinas, sel_rekap
    from iki_xl.core.rules import kosongkan_cache
    from iki_xl.io.laporan import periksa_hasil
    from iki_xl.io.reader import baca_workbook
    from iki_xl.io.submission import _baca_untuk_rekap, tulis_pengajuan_pemda

    w: dict[str, list[float]] = {k: [] for k in ("mentah", "baca", "aturan", "rekap")}
    for _ in range(2 * ulang + 1):
        kosongkan_cache()
        a = time.perf_counter()
        baca_mentah(berkas[0])
        b = time.perf_counter()
        hb = baca_workbook(berkas[0])
        c = time.perf_counter()
        d = periksa_hasil(hb)
        e = time.perf_counter()
        rekap_dinas(d.dokumen, d.temuan, sumber=berkas[0].name, hitungan=d.hitungan)
        f = time.perf_counter()
        for k, t in zip(w, (b - a, c - b, e - c, f - e), strict=True):
            w[k].append(t)
    hasil = {k: statistics.median(v) for k, v in w.items()}
    semua = []
    for p in berkas:  # outside the timing: what the workers hand the parent
        r, _ = _baca_untuk_rekap(p)
        assert r is not None
        semua.append(r)
    with tempfile.TemporaryDirectory(prefix="iki-bench-tulis-") as d2:
        baris = [sel_rekap(i, b) for r in semua for i, b in enumerate(r.baris, 1)]
        t0 = time.perf_counter()
        tulis_pengajuan_pemda(semua, Path(d2) / "tulis.xlsx")
        hasil["tulis"] = time.perf_counter() - t0
        hasil["xlsxwriter"] = xlsxwriter_saja(baris, Path(d2) / "polos.xlsx")
    return hasil


def xlsxwriter_saja(baris: list[tuple[Any, ...]], path: Path) -> float:
    """XlsxWriter alone writing the same Rekap cells as a table, one format per kind of
    cell, no iki-xl code: the floor of any XlsxWriter-based writer of this output."""
    import xlsxwriter

    t0 = time.perf_counter()
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    teks, angka = wb.add_format({"text_wrap": True}), wb.add_format({"num_format": "0.00"})
    for r, isi in enumerate(baris, 1):
        for c, v in enumerate(isi):
            if isinstance(v, str):
                if v:
                    ws.write_string(r, c, v, teks)
            elif v is not None:
                ws.write_number(r, c, v, angka)
    kolom = [{"header": k} for k in KOLOM_REKAP]
    ws.add_table(0, 0, max(len(baris), 1), len(KOLOM_REKAP) - 1, {"columns": kolom})
    wb.close()
    return time.perf_counter() - t0


def jalankan(ulang: int = 3, dinas: int = 45, jabatan: int = 60) -> dict[str, float]:
    from iki_xl.build_info import ringkas
    from iki_xl.io.submission import konsolidasi

    with tempfile.TemporaryDirectory(prefix="iki-bench-") as d:
        folder = Path(d)
        t0 = time.perf_counter()
        berkas = buat_workbook(folder, dinas, jabatan)
        t_buat = time.perf_counter() - t0
        ukuran = sum(p.stat().st_size for p in berkas)
        keluaran = folder / "out" / "PEMDA.xlsx"

        def mentah() -> int:
            return sum(baca_mentah(p) for p in berkas)

        def konsol() -> int:
            lap = konsolidasi(berkas, keluaran)
            assert lap.keluaran is not None and not lap.dilewati
            return sum(m.indikator for m in lap.masukan)

        mentah()  # warm-up: imports, file cache
        t_raw: list[float] = []
        t_kon: list[float] = []
        n_sel = n_baris = 0
        for _ in range(ulang):  # interleaved so machine load hits both alike
            a = time.perf_counter()
            n_sel = mentah()
            b = time.perf_counter()
            n_baris = konsol()
            c = time.perf_counter()
            t_raw.append(b - a)
            t_kon.append(c - b)
        raw, kon = statistics.median(t_raw), statistics.median(t_kon)
        print(
            f"{dinas} workbooks × {jabatan} jabatan: {ukuran / 2**20:.1f} MiB, {n_sel} cells, "
            f"{n_baris} Rekap rows; generated in {t_buat:.1f} s; iki-xl build: {ringkas()}"
        )
        print(f"python-calamine raw read (1 process): {raw:6.2f} s  (median of {ulang})")
        print(f"konsolidasi (2 workers + writer)    : {kon:6.2f} s")
        print(f"ratio                               : {kon / raw:6.2f} ×  (goal ≤ 2×)")
        bagian = rincian(berkas, ulang)
        print(
            f"where it goes, one worker per input (medians): raw read "
            f"{bagian['mentah'] * 1000:.0f} ms, read {bagian['baca'] * 1000:.0f} ms, rules + "
            f"placing {bagian['aturan'] * 1000:.0f} ms, Rekap rows {bagian['rekap'] * 1000:.0f} ms; "
            f"the parent alone writing all {dinas} Dinas: {bagian['tulis']:.2f} s "
            f"({bagian['tulis'] / raw:.2f} × the raw read of all inputs)"
        )
        print(
            f"XlsxWriter alone writing the same {n_baris} × {len(KOLOM_REKAP)} Rekap cells as a "
            f"table (no iki-xl code): {bagian['xlsxwriter']:.2f} s "
            f"({bagian['xlsxwriter'] / raw:.2f} × the raw read)"
        )

        memori = []
        for n in sorted({max(1, dinas // 3), dinas}):
            p = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "benchmarks.bench_consolidate",
                    "--memori",
                    str(folder / f"mem-{n}.xlsx"),
                    *map(str, berkas[:n]),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            m = json.loads(p.stdout.strip().splitlines()[-1])
            memori.append(m)
            print(
                f"{n:3d} inputs: {m['baris']:6.0f} rows, {m['waktu_s']:5.2f} s; parent heap peak "
                f"{m['induk_heap_mib']:6.1f} MiB, parent max RSS {m['induk_rss_mib']:6.1f} MiB, "
                f"largest worker max RSS {m['pekerja_rss_mib']:6.1f} MiB; output "
                f"{m['keluaran_kib']:.0f} KiB"
            )
    return {"mentah": raw, "konsolidasi": kon, "rasio": kon / raw}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ulang", type=int, default=3)
    ap.add_argument("--dinas", type=int, default=45)
    ap.add_argument("--jabatan", type=int, default=60)
    ap.add_argument("--memori", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("berkas", nargs="*", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.memori:
        print(json.dumps(ukur_memori(a.berkas, a.memori)))
        return
    jalankan(a.ulang, a.dinas, a.jabatan)


if __name__ == "__main__":
    main()
