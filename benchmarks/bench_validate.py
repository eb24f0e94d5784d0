"""Validating the 100-jabatan benchmark workbook headlessly — what `iki-xl validate` does
before printing (read, complete, every rule, place and sort the findings) — beside the raw
python-calamine read of the same file, interleaved in one run.

    .venv/bin/python -m benchmarks.bench_validate [--repeat 11] [--jabatan 100]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from benchmarks.common import benchmark_dokumen, interleaved, ratio_line, raw_read


def run(repeat: int = 11, jabatan: int = 100) -> None:
    from iki_xl.app.check import check_file
    from iki_xl.core.rules import check
    from iki_xl.io.read.workbook import read_workbook
    from iki_xl.io.write.workbook import write_workbook

    doc = benchmark_dokumen(jabatan)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "bench_validate.xlsx"
        write_workbook(doc, path)
        read = read_workbook(path).dokumen
        times = interleaved(
            {
                "raw": lambda: raw_read(path),
                "validate": lambda: check_file(path),
                "read": lambda: read_workbook(path),
                "rules": lambda: check(read),
            },
            repeat,
        )
        findings = len(check_file(path).findings)
    print(f"workbook: {jabatan} jabatan, {findings} findings; medians of {repeat}")
    print(f"{'raw calamine read':<24} {statistics.median(times['raw']) * 1000:8.1f} ms")
    print(ratio_line("validate (end to end)", times["validate"], times["raw"]))
    print(ratio_line("  the reader", times["read"], times["raw"]))
    print(ratio_line("  the rules", times["rules"], times["raw"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=11)
    ap.add_argument("--jabatan", type=int, default=100)
    a = ap.parse_args()
    run(a.repeat, a.jabatan)


if __name__ == "__main__":
    main()
