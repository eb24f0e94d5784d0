"""Reading a generated 100-jabatan workbook (5 indicators each) into the model with its
cell map, beside the raw python-calamine read of the same file, interleaved in one run.

    .venv/bin/python -m benchmarks.bench_read [--repeat 15] [--jabatan 100]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from benchmarks.common import benchmark_dokumen, interleaved, ratio_line, raw_read


def run(repeat: int = 15, jabatan: int = 100) -> None:
    from iki_xl.io.read.workbook import read_workbook
    from iki_xl.io.write.workbook import write_workbook

    doc = benchmark_dokumen(jabatan)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "bench_read.xlsx"
        write_workbook(doc, path)
        assert read_workbook(path).dokumen == doc, "benchmark workbook does not round-trip"
        times = interleaved(
            {"raw": lambda: raw_read(path), "read": lambda: read_workbook(path)}, repeat
        )
        size = path.stat().st_size
    n = sum(len(j.semua_indikator()) for j in doc.jabatan)
    print(f"workbook: {jabatan} jabatan, {n} indikator, {size / 1024:.0f} KiB; medians of {repeat}")
    print(f"{'raw calamine read':<24} {statistics.median(times['raw']) * 1000:8.1f} ms")
    print(ratio_line("read_workbook", times["read"], times["raw"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--jabatan", type=int, default=100)
    a = ap.parse_args()
    run(a.repeat, a.jabatan)


if __name__ == "__main__":
    main()
