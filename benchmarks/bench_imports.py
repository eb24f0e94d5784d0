"""What a ribbon click pays before any work: a fresh interpreter importing the macros
module and what each macro imports when it runs, beside a bare interpreter, interleaved.

RunPython starts a new Python for every click (unless "Use UDF Server" is on), so these
imports are felt on every click.

    .venv/bin/python -m benchmarks.bench_imports [--repeat 9]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

from benchmarks.common import interleaved, ratio_line

CASES = {
    "bare interpreter": "pass",
    "import iki_xl.macros": "import iki_xl.macros",
    "Validasi": "import iki_xl.macros, iki_xl.app.check, iki_xl.io.write.report",
    # what the first validation adds: the spell check's word lists and the stemmer
    "Validasi + word lists": "import iki_xl.macros, iki_xl.app.check, iki_xl.io.write.report; "
    "from iki_xl.core.spelling import kamus; kamus().is_indonesian('pengevaluasian')",
    "Hitung Ulang": "import iki_xl.macros, iki_xl.app.formulas, iki_xl.io.read.workbook",
    "Tambah Jabatan": "import iki_xl.macros, iki_xl.io.read.workbook",
    "Konsolidasi": "import iki_xl.macros, iki_xl.app.check, iki_xl.io.write.submission, "
    "iki_xl.io.write.submission.word",
    "IKI Tahun Baru": "import iki_xl.macros, iki_xl.app.new_workbook, iki_xl.core.tahun_baru",
    "Laporan Triwulan": "import iki_xl.macros, iki_xl.app.laporan",
    "Bandingkan": "import iki_xl.macros, iki_xl.app.banding, iki_xl.app.check, "
    "iki_xl.io.write.banding",
    "UDF module": "import iki_xl.udfs",
}


def _python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True)


def run(repeat: int = 9) -> None:
    runs = {name: (lambda code=code: _python(code)) for name, code in CASES.items()}
    times = interleaved(runs, repeat)
    bare = times["bare interpreter"]
    print(f"fresh interpreters; medians of {repeat}")
    print(f"{'bare interpreter':<24} {statistics.median(bare) * 1000:8.1f} ms")
    for name in list(CASES)[1:]:
        extra = statistics.median(times[name]) - statistics.median(bare)
        print(ratio_line(name, times[name], bare) + f"  +{extra * 1000:.0f} ms")
    try:
        import pandas  # noqa: F401

        print("note: pandas is installed here; xlwings imports it if present")
    except ImportError:
        print("pandas: not installed (xlwings would import it if it were)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=9)
    run(ap.parse_args().repeat)


if __name__ == "__main__":
    main()
