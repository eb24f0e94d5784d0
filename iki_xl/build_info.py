"""Which build is running: the modules setup.py compiles with mypyc, and whether each was
loaded compiled (a C extension) or as Python source. Printed by the benchmarks."""

from __future__ import annotations

import importlib
from importlib.machinery import EXTENSION_SUFFIXES

# keep in step with TERKOMPILASI in setup.py (tests/test_build.py checks)
MODUL_TERKOMPILASI = (
    "iki_xl.layout",
    "iki_xl.core.anggota",
    "iki_xl.core.consolidate",
    "iki_xl.core.ejaan",
    "iki_xl.core.findings",
    "iki_xl.core.formula",
    "iki_xl.core.formulasi",
    "iki_xl.core.hierarchy",
    "iki_xl.core.hitung",
    "iki_xl.core.rules",
    "iki_xl.io.grid",
    "iki_xl.io.laporan",
    "iki_xl.io.reader",
    "iki_xl.io.submission",
    "iki_xl.io.ukuran_teks",
)


def terkompilasi() -> dict[str, bool]:
    """Module → loaded as a compiled extension."""
    hasil = {}
    for nama in MODUL_TERKOMPILASI:
        asal = getattr(importlib.import_module(nama), "__file__", "") or ""
        hasil[nama] = asal.endswith(tuple(EXTENSION_SUFFIXES))
    return hasil


def ringkas() -> str:
    """'compiled (mypyc)', 'pure Python' or 'mixed: …' for a benchmark's header."""
    status = terkompilasi()
    if all(status.values()):
        return "compiled (mypyc)"
    if not any(status.values()):
        return "pure Python"
    return "mixed: pure " + ", ".join(n for n, c in status.items() if not c)
