"""`make bench`: every benchmark in turn. Each module has `jalankan(ulang=…)`; add yours
to BENCHMARKS."""

from __future__ import annotations

import importlib

BENCHMARKS = ["benchmarks.bench_read", "benchmarks.bench_validate", "benchmarks.bench_consolidate"]


def main() -> None:
    for nama in BENCHMARKS:
        print(f"== {nama}")
        importlib.import_module(nama).jalankan()
        print()


if __name__ == "__main__":
    main()
