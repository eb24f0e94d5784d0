"""Validation at scale: 300 jabatan against 100, in the same run. The rules compare jabatan
with each other (copied lists and tables, same names, units named); the issue's bound is
300 jabatan in at most 3.5× the time of 100.

Two documents of each size:
- "contoh": the jabatan of both bundled examples tiled, each copy with its own name, id and
  atasan, one tugas line dropped and one word changed (near copies across jabatan, the
  examples' real typos, a Dinas-sized vocabulary; the numbered names make the copies'
  tugas name "another" unit, IKI-S020, which is work for the rules too);
- "benchmark": benchmarks.common.benchmark_dokumen (identical lists, numbered texts).

Each is timed for the rules alone (`check`) and end to end (`check_file` on a workbook
written from it: read, complete, rules, place, sort), interleaved.

    .venv/bin/python -m benchmarks.bench_scale [--repeat 5] [--small 100] [--large 300]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
from pathlib import Path

import iki_xl
from benchmarks.common import benchmark_dokumen, interleaved
from iki_xl.core.model import Dokumen, Jabatan

CONTOH = Path(iki_xl.__file__).parent / "data" / "contoh"


def contoh_dokumen(n: int, seed: int = 1) -> Dokumen:
    """n jabatan: both examples' jabatan, copy after copy, each copy a little different."""
    from iki_xl.io.interchange import load

    bases = [load(CONTOH / "probolinggo.yaml"), load(CONTOH / "sampang.yaml")]
    pool = [(b, j) for b in range(len(bases)) for j in bases[b].jabatan]
    rng = random.Random(seed)
    jabatan: list[Jabatan] = []
    copy = 0
    while len(jabatan) < n:
        for b, jab in pool:
            if len(jabatan) == n:
                break
            j = jab.model_copy(deep=True)
            j.id = f"{b}-{jab.id}-{copy}"
            j.atasan = f"{b}-{jab.atasan}-{copy}" if jab.atasan else None
            j.nama = f"{jab.nama} {copy}" if copy else jab.nama
            if copy and len(j.tugas) > 3:
                del j.tugas[rng.randrange(len(j.tugas) - 1)]
                k = rng.randrange(len(j.tugas))
                j.tugas[k] = j.tugas[k].replace(" dan ", " serta ", 1)
            jabatan.append(j)
        copy += 1
    return Dokumen(instansi=bases[0].instansi, jabatan=jabatan)


def run(repeat: int = 5, small: int = 100, large: int = 300) -> None:
    from iki_xl.app.check import check_file
    from iki_xl.core.rules import check
    from iki_xl.io.write.workbook import write_workbook

    docs = {
        f"{kind} {n}": make(n)
        for kind, make in (("contoh", contoh_dokumen), ("benchmark", benchmark_dokumen))
        for n in (small, large)
    }
    with tempfile.TemporaryDirectory() as d:
        paths = {}
        for name, doc in docs.items():
            paths[name] = Path(d) / f"{name.replace(' ', '-')}.xlsx"
            write_workbook(doc, paths[name])
        runs = {}
        for name, doc in docs.items():
            runs[f"rules {name}"] = lambda doc=doc: check(doc)
            runs[f"validate {name}"] = lambda p=paths[name]: check_file(p)
        times = interleaved(runs, repeat)
        found = {name: len(check(doc)) for name, doc in docs.items()}
    print(f"medians of {repeat}, interleaved; {small} against {large} jabatan")
    for kind in ("contoh", "benchmark"):
        for what in ("rules", "validate"):
            ta, tb = times[f"{what} {kind} {small}"], times[f"{what} {kind} {large}"]
            a, b = statistics.median(ta), statistics.median(tb)
            per_run = sorted(y / x for x, y in zip(ta, tb, strict=True))
            print(
                f"{what:<8} {kind:<9} {small}: {a * 1000:7.1f} ms  {large}: {b * 1000:7.1f} ms  "
                f"ratio {b / a:4.2f} (per run: median {statistics.median(per_run):4.2f}, "
                f"{per_run[0]:4.2f}–{per_run[-1]:4.2f}; fastest {min(tb) / min(ta):4.2f})  "
                f"findings {found[f'{kind} {small}']} / {found[f'{kind} {large}']}"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--small", type=int, default=100)
    ap.add_argument("--large", type=int, default=300)
    a = ap.parse_args()
    run(a.repeat, a.small, a.large)


if __name__ == "__main__":
    main()
