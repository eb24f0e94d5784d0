"""`make bench`: every benchmark in turn."""

from __future__ import annotations

import importlib

BENCHMARKS = [
    "benchmarks.bench_imports",
    "benchmarks.bench_read",
    "benchmarks.bench_validate",
    "benchmarks.bench_scale",
    "benchmarks.bench_consolidate",
]


def main() -> None:
    for name in BENCHMARKS:
        print(f"== {name}")
        importlib.import_module(name).run()
        print()


if __name__ == "__main__":
    main()
