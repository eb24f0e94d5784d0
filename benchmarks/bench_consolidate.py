"""A Pemda consolidation: `--dinas` generated Dinas workbooks of `--jabatan` jabatan each,
consolidated by 2 worker processes into one recap, beside the raw python-calamine read of
every input (one process), interleaved in one run.

    .venv/bin/python -m benchmarks.bench_consolidate [--dinas 45] [--jabatan 60] [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.common import benchmark_dokumen, interleaved, ratio_line, raw_read


def _write_one(arg: tuple[int, int, str]) -> str:
    from iki_xl.io.write.workbook import write_workbook

    i, jabatan, folder = arg
    doc = benchmark_dokumen(jabatan)
    doc.instansi.nama = f"Dinas Contoh {i + 1:02d}"
    for j, jab in enumerate(doc.jabatan):  # a few bidang per Dinas, for the Ringkasan
        jab.unit = f"Bidang {j % 5 + 1}"
    path = Path(folder) / f"dinas-{i + 1:02d}.xlsx"
    write_workbook(doc, path)
    return str(path)


def run(repeat: int = 3, dinas: int = 45, jabatan: int = 60) -> None:
    from iki_xl.app.consolidate import consolidate

    with tempfile.TemporaryDirectory(prefix="iki-bench-") as d:
        folder = Path(d) / "dinas"
        folder.mkdir()
        with ProcessPoolExecutor(max_workers=2) as pool:
            args = [(i, jabatan, str(folder)) for i in range(dinas)]
            inputs = [Path(p) for p in pool.map(_write_one, args)]
        output = Path(d) / "pemda.xlsx"

        def consolidated() -> None:
            report = consolidate([folder], output)
            assert report.output is not None and not report.skipped

        times = interleaved(
            {"raw": lambda: [raw_read(p) for p in inputs], "consolidate": consolidated}, repeat
        )
        size = output.stat().st_size
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{dinas} inputs × {jabatan} jabatan; output {size / 1024:.0f} KiB; medians of {repeat}")
    print(f"{'raw calamine read, all':<24} {statistics.median(times['raw']) * 1000:8.1f} ms")
    print(ratio_line("consolidate (2 workers)", times["consolidate"], times["raw"]))
    print(f"largest worker's peak RSS: {workers:.0f} MiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dinas", type=int, default=45)
    ap.add_argument("--jabatan", type=int, default=60)
    a = ap.parse_args()
    run(a.repeat, a.dinas, a.jabatan)


if __name__ == "__main__":
    main()
