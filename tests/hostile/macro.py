"""Run one ribbon macro on a workbook inside the fake Excel, as a subprocess of run.py.

    python -m tests.hostile.macro WORKBOOK.xlsx validate|recalculate|consolidate|add_jabatan

The macros are called by their ribbon entry points (`iki_xl.macros.<name>(book)`, the names
baked into the template's VBA: `RunPython "import iki_xl.macros as m; m.validate()"`), on
the fake Excel of tests/macros (state loaded from the file's cached values and formulas).

Prints every message box (one line each, "KOTAK: …"), then the rows of the 'Hasil Validasi'
sheet when there is one ("HASIL: …"). Exit codes: 0 the macro returned and showed a box;
3 an exception escaped the macro (a planner would see a VBA/Python error dialog); 5 the fake
Excel cannot hold this file (not a case for macros). A macro that shows no box prints
"TANPA KOTAK" (fine for Hitung Ulang when nothing was restored).
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path


def main(argv: list[str]) -> int:
    path, name = Path(argv[0]), argv[1]
    # xlwings imports pandas when it can (0.5 s); the macros never use it
    sys.modules.setdefault("pandas", None)  # type: ignore[arg-type]
    from tests.macros.fake_excel import FakeExcel

    try:
        ex = FakeExcel.from_xlsx(path.read_bytes(), str(path.resolve()))
    except Exception as e:  # Excel itself would refuse to open it
        print(f"n/a: fake Excel cannot load this file ({e.__class__.__name__})")
        return 5
    import iki_xl.macros as m

    try:
        getattr(m, name)(ex.book)
    except BaseException:
        traceback.print_exc()
        return 3
    for k in ex.alerts:
        print("KOTAK: " + str(k.get("prompt", "")).replace("\n", " ⏎ "))
    for lp in ex.sheets:
        if lp.name == "Hasil Validasi":
            rows: dict[int, dict[int, object]] = {}
            for (r, c), v in lp.values.items():
                if v not in (None, ""):
                    rows.setdefault(r, {})[c] = v
            for r in sorted(rows):
                if min(rows[r]) < 26:  # the report, not the hidden marks columns
                    print(
                        "HASIL: " + " | ".join(str(rows[r][c]) for c in sorted(rows[r]) if c < 26)
                    )
    if not ex.alerts:
        print("TANPA KOTAK: the macro told the planner nothing")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
